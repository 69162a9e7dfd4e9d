"""The constructs that differ between the engines roam builds on (DuckDB, the default, and Spark):
the one place that knows them. sql/README.md lists them.

The engine is the `engine` variable of config.yaml (`duckdb`; the spark gateway sets `spark`).

`@quantile(value, fraction[, condition])` is the exact continuous quantile (linear interpolation)
of `value`, over the rows where `condition` holds when one is given: DuckDB's `QUANTILE_CONT`,
Spark's `PERCENTILE`. Written in DuckDB SQL, `QUANTILE_CONT(x, q)` would reach Spark as
`PERCENTILE_CONT(x, q)`, which Spark rejects, and its `WITHIN GROUP` form as the approximate
`PERCENTILE_APPROX`.
"""

from sqlglot import exp
from sqlmesh import macro


def on_spark(evaluator) -> bool:
    return evaluator.var("engine", "duckdb") == "spark"


@macro()
def quantile(evaluator, value, fraction, condition=None):
    if on_spark(evaluator):
        call: exp.Expression = exp.Quantile(this=value, quantile=fraction)
    else:
        call = exp.PercentileCont(this=value, expression=fraction)
    if condition is None:
        return call
    return exp.Filter(this=call, expression=exp.Where(this=condition))
