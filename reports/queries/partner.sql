-- The partner as the cover names it (no subscriber identifiers, no IMSI prefixes).
SELECT partner_tadig, partner_name, country, operator_group, ipx_provider, tap_currency
FROM marts.dim_partner
WHERE partner_tadig = $partner
