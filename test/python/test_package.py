"""Behaviour of the generated Python package, as a service uses it."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import activity_events as events
import hostile_events
import pydantic
import pytest

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def payload() -> events.TextJobPayload:
    return events.TextJobPayload(activity_type="quiz", prompt="Volcanoes", language="en", grade_level=4)


def test_factory_fills_the_envelope_and_returns_a_frozen_model() -> None:
    event = events.create_text_job_requested(user_id="user_42", payload=payload())
    assert event.event_type == events.TEXT_JOB_REQUESTED
    assert event.version == 1
    assert UUID4.match(event.event_id) and UUID4.match(event.job_id) and event.event_id != event.job_id
    assert datetime.fromisoformat(event.timestamp).utcoffset() is not None
    with pytest.raises(pydantic.ValidationError):
        event.user_id = "someone else"


def test_factory_accepts_a_mapping_with_wire_names_and_keeps_given_ids() -> None:
    event = events.create_image_job_requested(
        user_id="u",
        payload={"activityType": "poster", "prompt": "Planets", "size": {"width": 512, "height": 512}, "seed": None},
        job_id="6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b",
        timestamp="2026-01-01T00:00:00Z",
    )
    assert event.job_id == "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
    assert event.payload.size.width == 512
    wire = json.loads(events.encode(event))
    assert wire["payload"]["seed"] is None
    assert "count" not in wire["payload"]


def test_factory_refuses_an_invalid_event_listing_every_problem() -> None:
    with pytest.raises(events.ContractValidationError) as caught:
        events.create_text_job_requested(user_id="", payload={"activityType": "crossword", "language": "en"})
    pointers = {issue.pointer for issue in caught.value.issues}
    assert {"/userId", "/payload/activityType", "/payload/prompt"} <= pointers
    assert caught.value.event_type == "TEXT_JOB_REQUESTED"


def test_decode_dispatches_on_event_type_and_narrows_unions() -> None:
    data = {
        "eventType": "JOB_STATUS_CHANGED",
        "version": 1,
        "eventId": "a1b2c3d4-e5f6-4789-8abc-def012345678",
        "jobId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        "userId": "user_42",
        "timestamp": "2026-11-27T09:31:40.500Z",
        "payload": {"status": "failed", "jobKind": "image", "attempt": 1, "error": {"code": "TIMEOUT", "message": "slow", "retryable": True}},
    }
    event = events.decode(json.dumps(data).encode())
    assert isinstance(event, events.JobStatusChanged)
    assert isinstance(event.payload, events.JobFailed)
    assert event.payload.error.code == "TIMEOUT"
    assert json.loads(events.encode(event)) == data


def test_decode_refuses_garbage_unknown_types_and_nan() -> None:
    for data in (b"not json", b"[]", b'{"eventType": "NOPE"}', b'{"eventType": "TEXT_JOB_REQUESTED", "version": NaN}'):
        with pytest.raises(events.ContractValidationError):
            events.decode(data)


def test_topics_and_event_types() -> None:
    assert events.topic_of("TEXT_JOB_REQUESTED") == events.TOPIC_TEXT_JOBS == "text-jobs"
    assert events.TOPICS[events.ACTIVITY_GENERATED] == "activity-results"
    assert events.EVENT_TYPES == ("ACTIVITY_GENERATED", "IMAGE_JOB_REQUESTED", "JOB_STATUS_CHANGED", "TEXT_JOB_REQUESTED")


def test_patterns_are_read_as_ecmascript_reads_them() -> None:
    event = json.loads(json.dumps(events.create_text_job_requested(user_id="u", payload=payload()).model_dump(mode="json", by_alias=True, exclude_unset=True)))
    event["payload"]["language"] = "en\n"  # Python's "$" would match before the newline; ECMAScript's does not
    assert [issue.keyword for issue in events.validation_errors(event)] == ["pattern"]


def test_a_model_built_in_code_is_held_to_its_contract() -> None:
    with pytest.raises(events.ContractValidationError) as raised:
        events.TextJobPayload(activity_type="quiz", prompt="", language="en")
    assert [(issue.pointer, issue.keyword) for issue in raised.value.issues] == [("/prompt", "minLength")]
    with pytest.raises(events.ContractValidationError):
        events.TextJobPayload(activity_type="quiz", prompt="Volcanoes", language="english")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf{}",
        b"{\"eventType\": NaN}",
        b"[" * 5000 + b"]" * 5000,
        b"{\"version\": " + b"9" * 5000 + b"}",
        b"{\"eventType\": \"TEXT_JOB_REQUESTED\", \"version\": [1]}",
        b"\xff",
        b"{\"a\": \"\\ud800\"}",
        b"",
    ],
)
def test_no_input_crashes_validation_or_decoding(data: bytes) -> None:
    issues = events.validation_errors(data)
    assert issues and all(isinstance(issue, events.ValidationIssue) for issue in issues)
    with pytest.raises(events.ContractValidationError):
        events.decode(data)


def test_snake_case_names_are_not_read_on_the_wire() -> None:
    wire = json.loads(events.encode(events.create_text_job_requested(user_id="u", payload=payload())))
    wire["payload"]["grade_level"] = wire["payload"].pop("gradeLevel")
    issues = events.validation_errors(json.dumps(wire))
    assert [(issue.pointer, issue.keyword) for issue in issues] == [("/payload/grade_level", "additionalProperties")]
    decoded = events.decode(json.dumps(wire))
    assert isinstance(decoded, events.TextJobRequested) and decoded.payload.grade_level is None


def test_numbers_are_read_as_javascript_reads_them() -> None:
    wire = json.loads(events.encode(events.create_text_job_requested(user_id="u", payload=payload())))
    text = json.dumps(wire).replace('"version": 1', '"version": 1.0').replace('"gradeLevel": 4', '"gradeLevel": 4e0')
    event = events.decode(text)
    assert isinstance(event, events.TextJobRequested)
    assert event.version == 1 and event.payload.grade_level == 4 and isinstance(event.payload.grade_level, int)
    too_big = json.dumps(wire).replace('"gradeLevel": 4', '"gradeLevel": 9007199254740993')
    assert [(issue.pointer, issue.keyword) for issue in events.validation_errors(too_big)] == [("/payload/gradeLevel", "maximum")]


def test_factory_parameters_named_like_keywords_and_helpers() -> None:
    schema = json.loads((Path(__file__).resolve().parents[1] / "fixtures/hostile/schemas/hostile.json").read_text(encoding="utf-8"))
    event = hostile_events.create_hostile_event_x(
        user_id="u", payload=schema["examples"][0]["payload"], from_="f", type_="t", type_value="tv", new_envelope="n"
    )
    wire = json.loads(hostile_events.encode(event))
    assert (wire["from"], wire["type"], wire["typeValue"], wire["newEnvelope"]) == ("f", "t", "tv", "n")


def test_a_nan_given_as_a_python_value_is_a_number_no_document_holds() -> None:
    wire = json.loads(events.encode(events.create_text_job_requested(user_id="u", payload=payload())))
    wire["payload"]["gradeLevel"] = float("nan")
    assert [(issue.pointer, issue.keyword) for issue in events.validation_errors(wire)] == [("", "json")]
