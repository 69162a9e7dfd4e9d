"""The constructs that differ between the engines roam builds on (DuckDB, the default, and Spark):
the one place that knows them. sql/README.md lists them.

The engine is the `engine` variable of config.yaml (`duckdb`; the spark gateway sets `spark`).

`@quantile(value, fraction[, condition])` is the exact continuous quantile (linear interpolation)
of `value`, over the rows where `condition` holds when one is given: DuckDB's `QUANTILE_CONT`,
Spark's `PERCENTILE`. Written in DuckDB SQL, `QUANTILE_CONT(x, q)` would reach Spark as
`PERCENTILE_CONT(x, q)`, which Spark rejects, and its `WITHIN GROUP` form as the approximate
`PERCENTILE_APPROX`.

`@list_entries(list)` is one row per entry of a `;`-separated list, each trimmed (in a SELECT
list, like UNNEST): DuckDB's `TRIM(UNNEST(STR_SPLIT(list, ';')))`, Spark's
`EXPLODE(SPLIT(TRIM(list), '\\s*;\\s*'))`. Spark refuses a generator (EXPLODE) inside another
function, which is what the DuckDB spelling becomes; wrap the list, not the entries
(`@list_entries(LOWER(x))`).
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


@macro()
def list_entries(evaluator, values):
    if on_spark(evaluator):
        entries = exp.RegexpSplit(this=exp.Trim(this=values), expression=exp.Literal.string(r"\s*;\s*"))
        return exp.Explode(this=entries)
    split = exp.Split(this=values, expression=exp.Literal.string(";"))
    return exp.Trim(this=exp.Unnest(expressions=[split]))


@macro()
def register_lake(evaluator):
    """`before_all`: on Spark, the raw layer as external tables over the lake's folders (the lake
    variable; pipelines/lake/layout.ts), with the columns of external_models.yaml, dropped and
    created again every run so that a changed raw schema or a new part is always seen, and cached
    lazily when the cache_raw variable is true. Nothing on DuckDB, whose raw layer is the
    warehouse itself."""
    if not on_spark(evaluator) or evaluator.runtime_stage == "loading":
        return None
    lake = str(evaluator.var("lake") or "")
    if not lake:
        raise ValueError("the spark gateway needs the lake: set ROAM_LAKE (roam build --lake DIR)")
    # Kept in memory once read (cache_raw): one scan of each table's parts per build instead of one
    # per model and audit that reads it; for a lake that fits the memory of the machines.
    cache = str(evaluator.var("cache_raw", "false")).lower() == "true"
    statements: list[exp.Expression] = [evaluator.parse_one("CREATE DATABASE IF NOT EXISTS raw")]
    for snapshot in sorted(evaluator.snapshots.values(), key=lambda s: s.name):
        if not snapshot.is_model or not snapshot.model.kind.is_external:
            continue
        table = exp.to_table(snapshot.name)
        if table.db != "raw":
            continue
        columns = ", ".join(
            f"`{name}` {kind.sql(dialect='spark')}"
            for name, kind in (snapshot.model.columns_to_types or {}).items()
        )
        location = f"{lake.rstrip('/')}/{table.name}".replace("'", "\\'")
        statements.append(evaluator.parse_one(f"DROP TABLE IF EXISTS raw.`{table.name}`"))
        # Passed as it is: sqlglot does not parse a data source's OPTIONS.
        statements.append(
            exp.Command(
                this="CREATE",
                expression=f"TABLE raw.`{table.name}` ({columns}) USING parquet "
                f"OPTIONS ('recursiveFileLookup' = 'true') LOCATION '{location}'",
            )
        )
        if cache:
            statements.append(exp.Command(this="CACHE", expression=f"LAZY TABLE raw.`{table.name}`"))
    return statements
