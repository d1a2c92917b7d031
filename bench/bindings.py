"""Python validation cost beside json.loads of the same message (run by bench/run.ts with the test venv)."""

from __future__ import annotations

import json
import sys
import timeit
from pathlib import Path

import activity_events

schema = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "text-job.json").read_text(encoding="utf-8"))
message = json.dumps(schema["examples"][0], separators=(",", ":"))
activity_events.validate(message)  # compile the validators before timing


def per_call_ns(statement: object) -> float:
    timer = timeit.Timer(statement)  # type: ignore[arg-type]
    count, _ = timer.autorange()
    best = min(timer.repeat(repeat=5, number=count))
    return best / count * 1e9


results = {
    "json.loads": per_call_ns(lambda: json.loads(message)),
    "validate": per_call_ns(lambda: activity_events.validate(message)),
    "decode": per_call_ns(lambda: activity_events.decode(message)),
}
json.dump(results, sys.stdout)
