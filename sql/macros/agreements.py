"""When an agreement row is in force: the one place that reads valid_from / valid_to.

`@in_force(agreement, month)` is true when the agreement (a table alias of reference.sla_agreements
or a CTE with its valid_from and valid_to) applies to the month starting on `month`:
valid_from <= month < valid_to, an open valid_to meaning no end.
"""

from sqlmesh import macro


@macro()
def in_force(evaluator, agreement, month):
    a, m = (e.sql(dialect=evaluator.dialect) for e in (agreement, month))
    return evaluator.parse_one(
        f"({m} >= {a}.valid_from AND ({a}.valid_to IS NULL OR {m} < {a}.valid_to))"
    )
