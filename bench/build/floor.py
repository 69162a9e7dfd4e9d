"""The floor of `roam build`: every model's query, as SQLMesh renders it, run as plain DuckDB SQL.

    python floor.py SQL_DIR WAREHOUSE START END

SQLMesh is used only to render (in a throw-away state file, so nothing is planned or recorded):
each model of sql/, in DAG order, over START..END (inclusive dates: the range a full build
computes), becomes `CREATE OR REPLACE VIEW` (models of kind VIEW) or `CREATE OR REPLACE TABLE … AS`
(every other kind) under its own name (which the rendered queries use), in WAREHOUSE (a copy of the
ingested warehouse, attached as catalog `roam` as roam attaches it) through the python `duckdb`
module. No audits, no state, no virtual layer. Rendering is not timed; the statements are.
Prints one JSON line: {"seconds": total, "render_seconds": …, "models": [{"model", "kind", "seconds"}]}.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

RESULT_OUT = sys.stdout
sys.stdout = sys.stderr


def main() -> int:
    project, warehouse, start, end = sys.argv[1:5]
    state = os.path.join(tempfile.mkdtemp(prefix="roam-floor-"), "state.duckdb")
    os.environ["ROAM_WAREHOUSE"] = os.path.abspath(warehouse)
    os.environ["ROAM_SQLMESH_STATE"] = state

    import duckdb
    from sqlglot import exp
    from sqlmesh import Context

    mark = time.perf_counter()
    context = Context(paths=[project])
    statements = []
    for fqn in context.dag:
        model = context.get_model(fqn)
        if model is None or model.kind.is_external or model.kind.is_symbolic:
            continue
        # Uncategorised snapshots render references as the models' own names: create those.
        target = exp.to_table(fqn, dialect="duckdb")
        query = context.render(fqn, start=start, end=end, execution_time=end).sql(
            dialect="duckdb"
        )
        kind = "VIEW" if model.kind.is_view else "TABLE"
        statements.append((fqn, model.kind.name.value, target, kind, query))
    render_seconds = time.perf_counter() - mark
    context.close()

    connection = duckdb.connect()
    # As SQLMesh applies sql/config.yaml's connector_config: a SET after connecting.
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute(f"ATTACH '{os.path.abspath(warehouse)}' AS roam")
    connection.execute("USE roam")
    timings = []
    started = time.perf_counter()
    for fqn, kind_name, target, kind, query in statements:
        mark = time.perf_counter()
        connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{target.catalog}"."{target.db}"')
        connection.execute(f"CREATE OR REPLACE {kind} {target.sql(dialect='duckdb')} AS {query}")
        timings.append(
            {
                "model": f"{exp.to_table(fqn).db}.{exp.to_table(fqn).name}",
                "kind": kind_name,
                "seconds": round(time.perf_counter() - mark, 3),
            }
        )
    connection.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    connection.close()
    RESULT_OUT.write(
        json.dumps(
            {"seconds": round(seconds, 3), "render_seconds": round(render_seconds, 3), "models": timings}
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
