"""The orders fixture's envelope comes from its config: orderId, occurredAt and data instead of the Activity
Builder's jobId, userId, timestamp and payload."""

from __future__ import annotations

import datetime
import json
import uuid

import order_events


def test_the_factory_fills_in_the_generated_properties() -> None:
    event = order_events.create_order_shipped(order_id="ORD-000777", data={"carrier": "ups", "trackingCode": "1Z999AA10123456784"})
    assert uuid.UUID(event.event_id).version == 4
    datetime.datetime.fromisoformat(event.occurred_at)
    fixed = order_events.create_order_shipped(
        order_id="ORD-000777",
        data={"carrier": "ups", "trackingCode": "1Z999AA10123456784"},
        event_id="5b1d7f0e-2c3a-4e5f-8a9b-0c1d2e3f4a5b",
        occurred_at="2026-12-03T12:00:00.000Z",
    )
    assert (fixed.event_id, fixed.occurred_at) == ("5b1d7f0e-2c3a-4e5f-8a9b-0c1d2e3f4a5b", "2026-12-03T12:00:00.000Z")


def test_the_record_is_keyed_and_headed_by_the_envelope_of_the_config() -> None:
    event = order_events.create_order_shipped(
        order_id="ORD-000777",
        data={"carrier": "ups", "trackingCode": "1Z999AA10123456784"},
        event_id="5b1d7f0e-2c3a-4e5f-8a9b-0c1d2e3f4a5b",
        occurred_at="2026-12-03T12:00:00.000Z",
    )
    record = order_events.to_record(event, "warehouse")
    headers = {name: value.decode() for name, value in record.headers}
    assert (record.topic, record.key) == ("shipments", b"ORD-000777")
    assert headers["ce_id"] == "5b1d7f0e-2c3a-4e5f-8a9b-0c1d2e3f4a5b"
    assert headers["ce_time"] == "2026-12-03T12:00:00.000Z"
    assert headers["ce_subject"] == "ORD-000777"
    wire = json.loads(record.value)
    assert not {"jobId", "userId", "timestamp", "payload"} & set(wire)
