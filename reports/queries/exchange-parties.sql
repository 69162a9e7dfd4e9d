-- The two sides of an exchange file: our network and the partner, as the marts name them.
WITH home AS (
  SELECT home_tadig, home_name FROM marts.dim_home_network ORDER BY home_tadig LIMIT 1
)
SELECT home.home_tadig, home.home_name, partner.partner_tadig, partner.partner_name
FROM marts.dim_partner AS partner
CROSS JOIN home
WHERE partner.partner_tadig = $partner
