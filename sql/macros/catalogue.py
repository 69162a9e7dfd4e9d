"""How the catalogue's `procedure` lists (;-separated) are read: the one place that knows the format.

`@in_procedures(list, item)` is true when `item` is one of the ;-separated entries of `list`.
"""

from sqlmesh import macro


@macro()
def in_procedures(evaluator, procedures, item):
    p, i = (e.sql(dialect=evaluator.dialect) for e in (procedures, item))
    return evaluator.parse_one(f"';' || {p} || ';' LIKE '%;' || {i} || ';%'")
