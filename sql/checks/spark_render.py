"""Every model renders for Spark: what `sqlmesh render MODEL --dialect spark` prints, for all models
at once, with the `engine` variable set to `spark` as the spark gateway sets it (no Spark needed).

Run by the test suite with the venv's interpreter: `python checks/spark_render.py [PROJECT]`
(default: the current folder). Prints one line per model whose Spark SQL holds a construct known
to be mistranslated (a DuckDB function Spark lacks, or one sqlglot turns into something else) or
that does not parse back as Spark SQL, and exits 1 when there is any, 0 otherwise.
"""

import re
import sys
from pathlib import Path

import sqlglot
from sqlmesh import Context
from sqlmesh.core.config import Config
from sqlmesh.core.config.loader import load_config_from_paths

# Function calls in the Spark SQL that sqlglot wrote for DuckDB constructs Spark rejects or
# computes differently; Spark's exact quantile is PERCENTILE, what @quantile writes.
KNOWN_BAD: dict[str, str] = {
    "PERCENTILE_CONT": "Spark has no PERCENTILE_CONT(x, q): use @quantile (macros/engine.py)",
    "PERCENTILE_APPROX": "an approximate quantile where DuckDB's is exact: use @quantile",
    "APPROX_PERCENTILE": "an approximate quantile where DuckDB's is exact: use @quantile",
    "QUANTILE_CONT": "DuckDB's QUANTILE_CONT, unknown to Spark: use @quantile",
    "QUANTILE_DISC": "DuckDB's QUANTILE_DISC, unknown to Spark: use @quantile",
    "QUANTILE": "DuckDB's QUANTILE, unknown to Spark: use @quantile",
    "MEDIAN": "DuckDB's MEDIAN is continuous, Spark's is not everywhere: use @quantile(x, 0.5)",
}
# Spark refuses a generator inside another function: TRIM(EXPLODE(…)).
NESTED_GENERATOR = re.compile(r"\b([A-Z_][A-Z0-9_]*)\(\s*(EXPLODE|POSEXPLODE|INLINE)(_OUTER)?\(", re.IGNORECASE)
CALL = re.compile(r"(?<![`\w])([A-Z_][A-Z0-9_]*)\s*\(", re.IGNORECASE)


def spark_config(project: Path) -> Config:
    config = load_config_from_paths(Config, project_paths=[project / "config.yaml"])
    return config.copy(update={"variables": {**config.variables, "engine": "spark"}})


def problems(project: Path) -> list[str]:
    context = Context(paths=[project], config=spark_config(project))
    found = []
    for model in sorted(context.models.values(), key=lambda m: m.name):
        if model.kind.is_external or not model.is_sql:
            continue
        name = model.name.replace('"', "")
        query = model.render_query(start="2026-01-01", end="2026-01-31")
        sql = query.sql(dialect="spark") if query is not None else ""
        try:
            sqlglot.parse_one(sql, read="spark")
        except sqlglot.errors.ParseError as error:
            found.append(f"{name}: its Spark SQL does not parse: {str(error).splitlines()[0]}")
            continue
        for outer, generator, _ in NESTED_GENERATOR.findall(sql):
            found.append(
                f"{name}: {generator.upper()} inside {outer.upper()}: Spark refuses a nested "
                "generator: use @list_entries (macros/engine.py)"
            )
        for function in CALL.findall(sql):
            why = KNOWN_BAD.get(function.upper())
            if why:
                found.append(f"{name}: {function.upper()}: {why}")
    return sorted(set(found))


if __name__ == "__main__":
    lines = problems(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve())
    for line in lines:
        print(line)
    sys.exit(1 if lines else 0)
