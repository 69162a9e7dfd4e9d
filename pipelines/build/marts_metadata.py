"""The marts as SQLMesh's models define them, as JSON on stdout: the source of the data dictionary.

Run by pipelines/build/data-dictionary.ts with the venv's interpreter in sql/ (no warehouse is
opened). One JSON array, a mart per element, by name: its kind, time column, grain, owner,
description and columns (name, DuckDB type, description), all from the model definitions
(`description`, `column_descriptions`, `grain`, the query's columns).
"""

from __future__ import annotations

import json
import sys
import typing as t

# SQLMesh and its libraries print: keep stdout for the one JSON document.
RESULT_OUT = sys.stdout
sys.stdout = sys.stderr

from sqlglot import exp  # noqa: E402
from sqlmesh import Context  # noqa: E402

# sqlglot's names for the types DuckDB spells otherwise in DESCRIBE and duckdb_columns().
DUCKDB_NAMES = {"TEXT": "VARCHAR", "INT": "INTEGER"}


def duckdb_type(data_type: exp.DataType) -> str:
    text = data_type.sql(dialect="duckdb")
    text = DUCKDB_NAMES.get(text, text)
    return text.replace(", ", ",")


def grain(expression: exp.Expression) -> str:
    parts = expression.expressions if isinstance(expression, exp.Tuple) else [expression]
    return ", ".join(part.sql(dialect="duckdb") for part in parts)


def mart(model: t.Any) -> dict[str, t.Any]:
    described = model.column_descriptions or {}
    time_column = getattr(model, "time_column", None)
    return {
        "name": model.name,
        "kind": model.kind.name.value if hasattr(model.kind.name, "value") else str(model.kind.name),
        "time_column": time_column.column.name if time_column is not None else None,
        "grain": [grain(g) for g in model.grains],
        "owner": model.owner,
        "description": model.description,
        "columns": [
            {"name": name, "type": duckdb_type(data_type), "description": described.get(name)}
            for name, data_type in (model.columns_to_types or {}).items()
        ],
    }


def main() -> int:
    context = Context(paths=".")
    marts = [mart(m) for m in context.models.values() if m.name.startswith("marts.")]
    RESULT_OUT.write(json.dumps(sorted(marts, key=lambda m: m["name"]), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
