"""Python validation and decoding beside json.loads of the same bytes, with the peers measured in the same run.

Run by bench/run.ts with the test virtual environment; prints one JSON object of ns per call.
"""

from __future__ import annotations

import json
import sys
import timeit
from pathlib import Path
from typing import Any

import activity_events
import jsonschema
import jsonschema_rs
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parents[1]
schema = json.loads((ROOT / "test" / "fixtures" / "activity" / "schemas" / "text-job.json").read_text(encoding="utf-8"))
common = json.loads((ROOT / "test" / "fixtures" / "activity" / "schemas" / "common.json").read_text(encoding="utf-8"))
message = json.dumps(schema["examples"][0], separators=(",", ":")).encode()

# The peers judge the same schema with format assertion on (as the packages do).
registry: Registry[Any] = Registry().with_resources((document["$id"], Resource.from_contents(document)) for document in (common, schema))
python_jsonschema = jsonschema.Draft202012Validator(schema, registry=registry, format_checker=jsonschema.FormatChecker())
rust = jsonschema_rs.validator_for(schema, validate_formats=True, registry=jsonschema_rs.Registry([(common["$id"], common)]))
for check in (lambda: activity_events.validate(message), lambda: python_jsonschema.validate(json.loads(message)), lambda: rust.validate(json.loads(message))):
    check()  # every validator must accept the event, or the figures mean nothing


def per_call_ns(statement: Any) -> float:
    timer = timeit.Timer(statement)
    count, _ = timer.autorange()
    best = min(timer.repeat(repeat=7, number=count))
    return best / count * 1e9


results = {
    "json.loads": per_call_ns(lambda: json.loads(message)),
    "validate": per_call_ns(lambda: activity_events.validate(message)),
    "decode": per_call_ns(lambda: activity_events.decode(message)),
    "jsonschema-rs": per_call_ns(lambda: rust.is_valid(json.loads(message))),
    "python-jsonschema": per_call_ns(lambda: python_jsonschema.is_valid(json.loads(message))),
}
json.dump(results, sys.stdout)
