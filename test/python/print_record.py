"""Prints the Kafka record the Python bindings make for one event, as JSON, for the TypeScript integration test."""

from __future__ import annotations

import json
import sys

import activity_events

event = activity_events.create_job_status_changed(
    user_id="python-user",
    job_id=sys.argv[1],
    payload={"status": "queued", "jobKind": "image", "queuePosition": 2},
)
record = activity_events.to_record(event, "python-service")
json.dump(
    {
        "topic": record.topic,
        "key": record.key.decode(),
        "value": record.value.decode(),
        "headers": {name: value.decode() for name, value in record.headers},
    },
    sys.stdout,
)
