-- Their measurement and ours, per partner that sent a KPI exchange file for the month: how many
-- KPI rows agree and how many do not, partners with the most disagreements first.
SELECT
  partner_tadig,
  MAX(partner_name) AS partner_name,
  COUNT(*) FILTER (WHERE status = 'agree') AS agree,
  COUNT(*) FILTER (WHERE status = 'disagree') AS disagree,
  COUNT(*) FILTER (WHERE status = 'target-differs') AS target_differs,
  COUNT(*) FILTER (WHERE status = 'only-theirs') AS only_theirs,
  COUNT(*) FILTER (WHERE status = 'only-ours') AS only_ours
FROM marts.fct_kpi_reconciliation
WHERE strftime(event_month, '%Y-%m') = $month
GROUP BY partner_tadig
ORDER BY disagree DESC, target_differs + only_theirs DESC, partner_tadig
