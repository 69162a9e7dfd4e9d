-- Partners whose whole KPIs left their trend band this month, on the better or the worse side.
SELECT
  partner_tadig,
  any_value(partner_name) AS partner_name,
  COUNT(*) FILTER (WHERE trend = 'improving') AS improving,
  COUNT(*) FILTER (WHERE trend = 'worsening') AS worsening,
  string_agg(kpi_name || ' (' || direction || ')', '; ' ORDER BY direction DESC, kpi)
    FILTER (WHERE trend = 'improving') AS improving_kpis,
  string_agg(kpi_name || ' (' || direction || ')', '; ' ORDER BY direction DESC, kpi)
    FILTER (WHERE trend = 'worsening') AS worsening_kpis
FROM marts.fct_partner_kpi_monthly
WHERE strftime(event_month, '%Y-%m') = $month AND service = 'all' AND rat = 'all'
  AND trend IN ('improving', 'worsening')
GROUP BY partner_tadig
ORDER BY worsening DESC, improving DESC, partner_name
