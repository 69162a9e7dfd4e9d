"""Where a `roam build` spends its time, by model: loaded by Python at start-up when this folder is
on PYTHONPATH (bench/build.ts puts it there for the builds it times) and ROAM_BENCH_PROFILE names
the JSON file to write at exit. It wraps SQLMesh's SnapshotEvaluator: `evaluate` (a model's query
into its table or view) and `audit` (its audits) per model, and `create` / `promote` (physical
tables and the environment's views) in total. Nothing else is changed; the wrappers only read the
clock.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import time

_OUT = os.environ.get("ROAM_BENCH_PROFILE")

if _OUT:
    _stdout, sys.stdout = sys.stdout, sys.stderr
    try:
        from sqlmesh.core.snapshot import evaluator as _evaluator
    finally:
        sys.stdout = _stdout

    _timings: list[dict] = []

    def _name(snapshot) -> str:
        name = getattr(snapshot, "name", str(snapshot))
        return name.replace('"', "").removeprefix("roam.")

    def _wrap(method: str, per_model: bool):
        original = getattr(_evaluator.SnapshotEvaluator, method)

        def timed(self, *args, **kwargs):
            mark = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                seconds = time.perf_counter() - mark
                snapshot = args[0] if args else kwargs.get("snapshot")
                model = _name(snapshot) if per_model else None
                _timings.append({"step": method, "model": model, "seconds": round(seconds, 4)})

        setattr(_evaluator.SnapshotEvaluator, method, timed)

    _wrap("evaluate", True)
    _wrap("audit", True)
    _wrap("create", False)
    _wrap("promote", False)

    @atexit.register
    def _write() -> None:
        with open(_OUT, "w") as out:
            json.dump(_timings, out)
