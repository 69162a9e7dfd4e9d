"""`roam build` in one SQLMesh process: plan and apply, restate months, all or nothing.

Run by pipelines/build/sqlmesh-build.ts with the venv's interpreter, in sql/, with the environment
of pipelines/lib/sqlmesh.ts (ROAM_WAREHOUSE, ROAM_SQLMESH_STATE, …). One argument: the request as
JSON (see `main`). SQLMesh's own output goes to stderr; stdout carries exactly one JSON line, the
result: {"ok": true, …} (exit 0) or {"ok": false, "error": {…}} (exit 1). Anything else is a crash
(exit 2, a traceback on stderr).

All or nothing. SQLMesh talks to DuckDB through one connection per file (warehouse and state;
a singleton pool, and its DuckDB adapter opens no transactions of its own). This process opens one
transaction on each before the first plan and commits them (warehouse first, then state) only when
every plan, backfill, restatement and audit has passed and the build is recorded; otherwise it
rolls both back, so a failed audit leaves both files as they were, at no cost proportional to
their size.

The state remembers which warehouse build wrote it (`roam_build.warehouse_build` in the state file,
the `started_at` of the warehouse's raw.build_runs row). Before planning, a state that names a
build the warehouse never recorded, or models whose tables the warehouse lacks, is refused: the
warehouse was restored from an older copy than its state, or the state belongs to another
warehouse. A state one or more builds behind its warehouse is fine (SQLMesh recomputes what it
does not know about).

On Spark (request "engine": "spark", the spark gateway of sql/config.yaml): no transaction and no
state check, since Spark's tables cannot be rolled back (SQLMesh's state is kept as SQLMesh writes
it, in step with them); no unit tests (they run on DuckDB); and the marts are copied into their
own DuckDB file with the build's record (spark_marts.py), the last step.
"""

from __future__ import annotations

import json
import sys
import time
import typing as t

# SQLMesh and its libraries print: keep stdout for the one result line.
RESULT_OUT = sys.stdout
sys.stdout = sys.stderr

STARTED = time.perf_counter()

from rich.console import Console as RichConsole  # noqa: E402
from sqlglot import exp  # noqa: E402
from sqlmesh import Context  # noqa: E402
from sqlmesh.core.console import TerminalConsole, set_console  # noqa: E402
from sqlmesh.utils.connection_pool import SingletonConnectionPool  # noqa: E402
from sqlmesh.utils.date import to_ds, to_timestamp  # noqa: E402
from sqlmesh.utils.errors import NodeAuditsErrors, SQLMeshError  # noqa: E402
from spark_marts import copy_marts  # noqa: E402

MARKER_SCHEMA = "roam_build"
MARKER_TABLE = f"{MARKER_SCHEMA}.warehouse_build"
PROD = "prod"


class BuildFailure(Exception):
    """A known failure: reported as {"ok": false, "error": detail}."""

    def __init__(self, kind: str, message: str, **detail: t.Any) -> None:
        super().__init__(message)
        self.detail = {"kind": kind, "message": message, **detail}


class RecordingConsole(TerminalConsole):
    """SQLMesh's terminal console on stderr that also keeps the failed models and warnings."""

    def __init__(self) -> None:
        super().__init__(
            console=RichConsole(file=sys.stderr, no_color=True, width=160, force_terminal=False)
        )
        self.failures: list[t.Any] = []
        self.warnings: list[str] = []
        # The queries of non-blocking audits that found rows, by their place in `warnings`.
        self.audit_queries: dict[int, str] = {}

    def log_failed_models(self, errors: list[t.Any]) -> None:
        self.failures.extend(errors)
        super().log_failed_models(errors)

    def log_warning(self, short_message: str, long_message: t.Optional[str] = None) -> None:
        # SQLMesh cannot parse the lake's CREATE TABLE … OPTIONS statements (@register_lake)
        # and says it runs them as they are: what they are meant for.
        if "could not be semantically understood" in short_message and "raw.`" in short_message:
            return
        marker = "Audit query:\n"
        if long_message and marker in long_message:
            self.audit_queries[len(self.warnings)] = long_message.split(marker, 1)[1]
        self.warnings.append(" ".join(short_message.split()))
        super().log_warning(short_message, long_message)

    def warnings_with_rows(
        self, warehouse: SingletonConnectionPool | None, limit: int = 5
    ) -> list[str]:
        """The warnings, each failed audit's followed by its first rows (what a reader acts on;
        on DuckDB only, whose warehouse this process holds)."""
        told = []
        for index, warning in enumerate(self.warnings):
            query = self.audit_queries.get(index)
            if query is not None and warehouse is not None:
                cursor = warehouse.get_cursor().execute(f"SELECT * FROM ({query}) LIMIT {limit + 1}")
                names = [d[0] for d in cursor.description]
                rows = cursor.fetchall()
                shown = [
                    ", ".join(f"{n} {v}" for n, v in zip(names, row)) for row in rows[:limit]
                ]
                if shown:
                    warning += " Rows: " + "; ".join(shown) + ("; …" if len(rows) > limit else "")
            told.append(warning)
        return told


def model_name(fqn: str) -> str:
    """`"roam"."marts"."fct_x"` → `marts.fct_x`."""
    table = exp.to_table(fqn)
    return f"{table.db}.{table.name}" if table.db else table.name


def first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def failure_from(console: RecordingConsole, error: BaseException) -> BuildFailure:
    """The failure that caused the others: a failed audit, else the first model that failed."""
    for failed in console.failures:
        cause = failed.__cause__ or failed
        if isinstance(cause, NodeAuditsErrors) and cause.errors:
            audit = cause.errors[0]
            model = audit.model_name or model_name(failed.node.snapshot_name)
            return BuildFailure(
                "audit",
                f"{audit} in {model}",
                model=model,
                audit=audit.audit_name,
                rows=audit.count,
                query=audit.sql(pretty=False),
            )
    for failed in console.failures:
        cause = failed.__cause__ or failed
        # Once a statement fails, DuckDB refuses the rest of the transaction: not the cause.
        if "transaction is aborted" in str(cause):
            continue
        node = getattr(failed, "node", None)
        name = getattr(node, "snapshot_name", None) or getattr(node, "name", None) or str(node)
        return BuildFailure(
            "model",
            f"{model_name(name)} failed: {first_line(cause)}",
            model=model_name(name),
        )
    if "Could not set lock" in str(error):
        return BuildFailure("lock", first_line(error))
    return BuildFailure("plan", first_line(error))


def fetch(pool: SingletonConnectionPool, sql: str, params: list[t.Any] | None = None) -> list:
    return pool.get_cursor().execute(sql, params or []).fetchall()


def single_pool(adapter: t.Any, what: str) -> SingletonConnectionPool:
    """The connection everything goes through; the transaction below covers it only if it is one."""
    pool = adapter._connection_pool
    if not isinstance(pool, SingletonConnectionPool):
        raise RuntimeError(f"{what}: expected one DuckDB connection, got {type(pool).__name__}")
    return pool


def check_state_matches(
    context: Context, warehouse: SingletonConnectionPool, state: SingletonConnectionPool, runs: str
) -> None:
    """Refuses a state that describes another warehouse, or a newer version of this one."""
    environment = context.state_reader.get_environment(PROD)
    if environment is None:
        return
    marker = None
    if fetch(
        state,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        MARKER_TABLE.split("."),
    )[0][0]:
        rows = fetch(state, f"SELECT started_at::VARCHAR FROM {MARKER_TABLE}")
        marker = rows[0][0] if rows else None
    if marker is not None:
        try:
            known = fetch(
                warehouse, f"SELECT count(*) FROM {runs} WHERE started_at = ?::TIMESTAMP", [marker]
            )[0][0]
        except Exception:  # no build recorded at all
            known = 0
        if not known:
            raise BuildFailure(
                "mismatch",
                f"it was written by a build started at {marker} UTC, which the warehouse has no "
                f"record of",
            )
    present = {
        (schema, name)
        for schema, name in fetch(
            warehouse,
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema LIKE 'sqlmesh\\_\\_%' ESCAPE '\\'",
        )
    }
    missing = []
    for info in environment.snapshots:
        if not info.is_model or info.kind_name is None or info.kind_name.is_external:
            continue
        if info.kind_name.is_embedded or info.kind_name.is_symbolic:
            continue
        table = exp.to_table(info.table_name())
        if (table.db, table.name) not in present:
            missing.append(model_name(info.name))
    if missing:
        raise BuildFailure(
            "mismatch",
            f"the tables of {', '.join(sorted(missing)[:3])}"
            f"{' and others' if len(missing) > 3 else ''} it records are not in the warehouse",
        )


def interval_dates(interval: tuple[int, int]) -> dict[str, str]:
    """Epoch ms, end exclusive → inclusive dates."""
    start, end = interval
    return {"start": to_ds(start), "end": to_ds(end - 1)}


def merged(intervals: t.Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


def backfills(plan: t.Any) -> list[dict[str, t.Any]]:
    """What a plan computes: per model, the date ranges of the intervals it fills."""
    done = []
    for missing in plan.missing_intervals:
        snapshot = plan.snapshots[missing.snapshot_id]
        done.append(
            {
                "model": model_name(missing.snapshot_id.name),
                "kind": snapshot.model_kind_name.value if snapshot.model_kind_name else None,
                "ranges": [interval_dates(i) for i in merged(missing.intervals)],
            }
        )
    return sorted(done, key=lambda d: d["model"])


def filled_by(plan: t.Any) -> dict[str, list[tuple[int, int]]]:
    """Per incremental model, the intervals a plan computes (before it is applied)."""
    return {
        model_name(m.snapshot_id.name): merged(m.intervals)
        for m in plan.missing_intervals
        if plan.snapshots[m.snapshot_id].is_incremental
    }


def months_of(start: str, end: str) -> list[tuple[int, int]]:
    """The months from `start` to `end` (inclusive dates, whole months) as epoch-ms intervals."""
    year, month = int(start[:4]), int(start[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= end[:7]:
        following = (year + month // 12, month % 12 + 1)
        first = to_timestamp(f"{year:04d}-{month:02d}-01")
        months.append((first, to_timestamp(f"{following[0]:04d}-{following[1]:02d}-01")))
        year, month = following
    return months


def month_after(month: str, count: int) -> str:
    """`YYYY-MM` `count` months after `month` (before it when negative)."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def carried_forward(
    ranges: list[dict[str, str]], count: int, last_month: str
) -> list[dict[str, str]]:
    """The requested months and the `count` months after each, up to `last_month` (`YYYY-MM`):
    a model that reads the months before its own (the KPI mart's trend band, `trend_months` in
    sql/config.yaml) changes in the months after a restated one."""
    months = [
        month
        for r in ranges
        for month in months_of(r["start"], min(month_after(r["end"][:7], count), last_month))
    ]
    return [interval_dates(run) for run in merged(months)]


def last_complete_month() -> str:
    """Only complete months are built (cron @monthly): the month before this one, UTC."""
    now = time.gmtime()
    return month_after(f"{now.tm_year:04d}-{now.tm_mon:02d}", -1)


def still_to_restate(
    ranges: list[dict[str, str]], models: set[str], filled: dict[str, list[tuple[int, int]]]
) -> list[dict[str, str]]:
    """The requested months, less those the first plan has just computed for every restated model
    (a new month is backfilled by the plan: restating it would compute it twice)."""

    def computed(month: tuple[int, int]) -> bool:
        return bool(models) and all(
            any(s <= month[0] and month[1] <= e for s, e in filled.get(m, [])) for m in models
        )

    todo = [m for r in ranges for m in months_of(r["start"], r["end"]) if not computed(m)]
    return [interval_dates(run) for run in merged(todo)]


def insert_record(cursor: t.Any, record: dict[str, t.Any], values: dict[str, t.Any]) -> None:
    """The build's row of raw.build_runs, in the transaction of the models."""
    names = list(values)
    cursor.execute(record["create"])
    cursor.execute(
        f"INSERT INTO {record['table']} BY NAME SELECT "
        + ", ".join(f"?::TIMESTAMP AS {name}" for name in names),
        [values[name] for name in names],
    )


def build(request: dict[str, t.Any]) -> dict[str, t.Any]:
    console = RecordingConsole()
    set_console(console)
    seconds: dict[str, float] = {}
    spark = request.get("engine") == "spark"
    try:
        context = Context(paths=[request["project"]])
        state_sync = context.state_sync.state_sync  # type: ignore[attr-defined]
        # On Spark, no transaction: Spark's tables cannot be rolled back, so SQLMesh's state is
        # kept as SQLMesh writes it, in step with them (its views of prod change only once every
        # model and audit has passed), and the marts file is replaced only at the end.
        state = None if spark else single_pool(state_sync.engine_adapter, "state")
        warehouse = None if spark else single_pool(context.engine_adapter, "warehouse")
        for adapter in context.snapshot_evaluator.adapters.values():
            if warehouse is not None and adapter._connection_pool is not warehouse:
                raise RuntimeError("the snapshot evaluator does not share the warehouse connection")
    except BuildFailure:
        raise
    except Exception as error:
        raise failure_from(console, error) from error
    seconds["start"] = time.perf_counter() - STARTED

    record = request["record"]
    try:
        if warehouse is not None and state is not None:
            check_state_matches(context, warehouse, state, record["table"])
        fresh = context.state_reader.get_environment(PROD) is None
        for pool in (warehouse, state):
            if pool is not None:
                pool.begin()
        try:
            mark = time.perf_counter()
            # Unit tests run for the models a plan changes; restatements change no model. They run
            # on in-memory DuckDB, so not for a Spark build (whose models render Spark's SQL).
            tests = {"skip_tests": True} if spark else {"test_changed_only": True}
            plan = context.plan_builder(PROD, **tests).build()
            diff = plan.context_diff
            changes = {
                "added": sorted(model_name(s.name) for s in diff.added),
                "modified": sorted(model_name(n) for n in diff.modified_snapshots),
                "removed": sorted(model_name(s.name) for s in diff.removed_snapshots),
            }
            backfilled = backfills(plan)
            filled = filled_by(plan)
            context.apply(plan)
            seconds["plan"] = time.perf_counter() - mark

            mark = time.perf_counter()
            restated = []
            ranges = (
                []
                if fresh
                else carried_forward(
                    request["restate"],
                    int(context.config.variables.get("trend_months", 0)),
                    last_complete_month(),
                )
            )
            if ranges:

                def restatement(months: dict[str, str]) -> t.Any:
                    return context.plan_builder(
                        PROD,
                        restate_models=request["models"],
                        start=months["start"],
                        end=months["end"],
                        skip_tests=True,
                        skip_linter=True,
                    ).build()

                probe = restatement(ranges[0])
                models = {
                    model_name(sid.name)
                    for sid in probe.restatements
                    if sid in probe.snapshots and probe.snapshots[sid].is_incremental
                }
                todo = still_to_restate(ranges, models, filled)
                for months in todo:
                    plan = probe if months == ranges[0] else restatement(months)
                    # Views are only recreated; these are the models whose rows are recomputed.
                    computed = [b["model"] for b in backfills(plan) if b["kind"] != "VIEW"]
                    restated.append({**months, "models": computed})
                    context.apply(plan)
            seconds["restate"] = time.perf_counter() - mark
            warnings = console.warnings_with_rows(warehouse)

            finished = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
            # The range restated is decided here (carried forward), so it is recorded from here.
            values = {
                **record["values"],
                "finished_at": finished,
                "restated_from": ranges[0]["start"] if ranges else None,
                "restated_to": ranges[-1]["end"] if ranges else None,
            }
            if warehouse is not None:
                insert_record(warehouse.get_cursor(), record, values)
            else:
                mark = time.perf_counter()
                # The marts, copied into their own DuckDB file with the build's record.
                copy_marts(context, request["marts"], record, values)
                seconds["marts"] = time.perf_counter() - mark
            if state is not None:
                state.get_cursor().execute(f"CREATE SCHEMA IF NOT EXISTS {MARKER_SCHEMA}")
                state.get_cursor().execute(
                    f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (started_at TIMESTAMP)"
                )
                state.get_cursor().execute(f"DELETE FROM {MARKER_TABLE}")
                state.get_cursor().execute(
                    f"INSERT INTO {MARKER_TABLE} VALUES (?::TIMESTAMP)",
                    [record["values"]["started_at"]],
                )
        except BaseException:
            for pool in (warehouse, state):
                if pool is not None:
                    pool.rollback()
            raise
        mark = time.perf_counter()
        for pool in (warehouse, state):  # the warehouse first, then the state
            if pool is not None:
                pool.commit()
        seconds["commit"] = time.perf_counter() - mark
    except BuildFailure:
        raise
    except SQLMeshError as error:
        raise failure_from(console, error) from error
    except Exception as error:
        if console.failures or "Could not set lock" in str(error):
            raise failure_from(console, error) from error
        raise
    finally:
        context.close()
    seconds["total"] = time.perf_counter() - STARTED
    return {
        "fresh": fresh,
        "changes": changes,
        "backfilled": backfilled,
        "restated": restated,
        "warnings": warnings,
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
    }


def main() -> int:
    """Request: {"project": sql dir, "models": models to restate, "restate": [{"start", "end"}]
    (inclusive dates; each carried forward by the project's `trend_months`), "record": {"table",
    "create", "values": {"started_at"}}}: the build row written with the models (finished_at and
    the range restated, restated_from and restated_to, added here); on Spark also
    "engine": "spark" and "marts": the DuckDB file the marts are copied into."""
    request = json.loads(sys.argv[1])
    try:
        result = {"ok": True, **build(request)}
        code = 0
    except BuildFailure as failure:
        result = {"ok": False, "error": failure.detail}
        code = 1
    RESULT_OUT.write(json.dumps(result) + "\n")
    RESULT_OUT.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
