-- The partner as the cover names it (no subscriber identifiers, no IMSI prefixes), and our network.
WITH home AS (
  SELECT string_agg(home_name, ', ' ORDER BY home_tadig) AS home_name
  FROM marts.dim_home_network
)
SELECT
  partner.partner_tadig,
  partner.partner_name,
  partner.country,
  partner.operator_group,
  partner.ipx_provider,
  partner.tap_currency,
  home.home_name
FROM marts.dim_partner AS partner
CROSS JOIN home
WHERE partner.partner_tadig = $partner
