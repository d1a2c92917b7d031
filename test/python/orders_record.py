"""Prints the Kafka record the Python bindings of the orders fixture make for one event, as JSON."""

from __future__ import annotations

import json
import sys

import order_events

event = order_events.create_order_shipped(
    order_id="ORD-000777",
    data={"carrier": "ups", "trackingCode": "1Z999AA10123456784"},
    event_id=sys.argv[1],
    occurred_at="2026-12-03T12:00:00.000Z",
)
record = order_events.to_record(event, "warehouse")
json.dump(
    {
        "topic": record.topic,
        "key": record.key.decode(),
        "value": record.value.decode(),
        "headers": {name: value.decode() for name, value in record.headers},
    },
    sys.stdout,
)
