"""The one place that decides whether a KPI value met its target.

`@kpi_status(value, target, higher_is_better, sample_size, min_sample)` is
'insufficient-sample' when the value rests on fewer than min_sample observations (or has no value),
'no-target' when no agreement covers it, else 'met' or 'breached'. `@kpi_margin(value, target,
higher_is_better)` is the distance to the target, positive when the value is better than it.
"""

from sqlglot import exp
from sqlmesh import macro


def _sql(evaluator, e: exp.Expression) -> str:
    return e.sql(dialect=evaluator.dialect)


@macro()
def kpi_status(evaluator, value, target, higher_is_better, sample_size, min_sample):
    v, t, h, n, m = (_sql(evaluator, e) for e in (value, target, higher_is_better, sample_size, min_sample))
    return evaluator.parse_one(
        f"""CASE
          WHEN {v} IS NULL OR {n} < {m} THEN 'insufficient-sample'
          WHEN {t} IS NULL THEN 'no-target'
          WHEN ({h} AND {v} >= {t}) OR (NOT {h} AND {v} <= {t}) THEN 'met'
          ELSE 'breached'
        END"""
    )


@macro()
def kpi_margin(evaluator, value, target, higher_is_better):
    v, t, h = (_sql(evaluator, e) for e in (value, target, higher_is_better))
    return evaluator.parse_one(f"CASE WHEN {h} THEN {v} - {t} ELSE {t} - {v} END")
