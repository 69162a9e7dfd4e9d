-- Our network as report covers name it.
SELECT string_agg(home_name, ', ' ORDER BY home_tadig) AS home_name
FROM marts.dim_home_network
