"""The marts of a Spark build, copied into a DuckDB file of their own: what `roam report`, `roam
sql` and `roam exchange` read after `roam build --engine spark` (as they read the warehouse after a
DuckDB build).

Spark writes each mart (`marts.<name>`, SQLMesh's view of its current table) as Parquet under the
Spark folder (`marts-parquet/<name>/`); DuckDB reads it into a table `spark__marts.<name>`, cast to
the model's declared column types, and `marts.<name>` is a view over it with the model's
descriptions as comments, under the catalog name `roam` like the warehouse's views. The build's
record is `raw.build_runs` of the same file. The file is written under a temporary name and renamed
over the previous one when complete: a reader sees the last build's marts or this one's, whole.
Copies rather than views over the Parquet files: `roam sql` seals its connection against files.
Imported by sqlmesh_build.py; no pyspark import of its own (the session is SQLMesh's).
"""

from __future__ import annotations

import glob
import os
import shutil
import typing as t

import duckdb
from sqlglot import exp

CATALOG = "roam"
DATA_SCHEMA = "spark__marts"


def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def copy_marts(
    context: t.Any, target: str, record: dict[str, t.Any], values: dict[str, t.Any]
) -> list[str]:
    spark = context.engine_adapter.spark
    parquet_root = os.path.join(os.path.dirname(os.path.abspath(target)), "marts-parquet")
    temporary = f"{target}.tmp"
    for leftover in (temporary, f"{temporary}.wal"):
        if os.path.exists(leftover):
            os.remove(leftover)
    marts = sorted(
        (m for m in context.models.values() if exp.to_table(m.name).db == "marts"),
        key=lambda m: m.name,
    )
    connection = duckdb.connect()
    copied = []
    try:
        connection.execute(f"ATTACH {quoted(temporary)} AS {CATALOG}")
        connection.execute(f"USE {CATALOG}")
        connection.execute("SET TimeZone = 'UTC'")
        for schema in (DATA_SCHEMA, "marts", "raw"):
            connection.execute(f"CREATE SCHEMA {schema}")
        for model in marts:
            name = exp.to_table(model.name).name
            out = os.path.join(parquet_root, name)
            spark.table(f"marts.{name}").write.mode("overwrite").parquet(out)
            types = {c: k.sql(dialect="duckdb") for c, k in (model.columns_to_types or {}).items()}
            columns = ", ".join(f'CAST("{c}" AS {k}) AS "{c}"' for c, k in types.items())
            parts = sorted(glob.glob(os.path.join(out, "*.parquet")))
            if parts:
                source = f"read_parquet({quoted(os.path.join(out, '*.parquet'))})"
                connection.execute(
                    f"CREATE TABLE {DATA_SCHEMA}.{name} AS SELECT {columns} FROM {source}"
                )
            else:
                declared = ", ".join(f'"{c}" {k}' for c, k in types.items())
                connection.execute(f"CREATE TABLE {DATA_SCHEMA}.{name} ({declared})")
            connection.execute(
                f"CREATE VIEW marts.{name} AS SELECT * FROM {CATALOG}.{DATA_SCHEMA}.{name}"
            )
            if model.description:
                connection.execute(f"COMMENT ON VIEW marts.{name} IS {quoted(model.description)}")
            for column, text in (model.column_descriptions or {}).items():
                if column in types:
                    connection.execute(
                        f'COMMENT ON COLUMN marts.{name}."{column}" IS {quoted(text)}'
                    )
            copied.append(f"marts.{name}")
        names = list(values)
        connection.execute(record["create"])
        connection.execute(
            f"INSERT INTO {record['table']} BY NAME SELECT "
            + ", ".join(f"?::TIMESTAMP AS {name}" for name in names),
            [values[name] for name in names],
        )
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    os.replace(temporary, target)
    shutil.rmtree(parquet_root, ignore_errors=True)
    return copied
