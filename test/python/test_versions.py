"""Several versions of one event, and tolerant consumers, in the Python package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import activity_events
import pytest
import versions_events
from conftest import ROOT

FIXTURE = ROOT / "test" / "fixtures" / "versions" / "schemas"


def examples(file: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(Path(FIXTURE / file).read_text(encoding="utf-8"))["examples"]
    return found


def test_decode_upcasts_by_the_steps_the_schema_declares() -> None:
    event = versions_events.decode(examples("archive/note.v1.json")[0])
    assert isinstance(event, versions_events.NoteCreated)
    assert (event.version, event.payload.title, event.payload.priority) == (2, "Groceries", "normal")


def test_decode_upcasts_with_the_upcaster_written_by_hand() -> None:
    event = versions_events.decode(examples("archive/task.v1.json")[1])
    assert isinstance(event, versions_events.TaskAssigned)
    assert event.payload.assignee == versions_events.Person(id="alan", name="Alan Turing")


def test_every_version_validates_against_its_own_schema() -> None:
    versions_events.validate(examples("archive/note.v1.json")[0])
    with pytest.raises(versions_events.ContractValidationError) as caught:
        versions_events.validate({**examples("note.json")[0], "version": 3})
    assert [issue.pointer for issue in caught.value.issues] == ["/version"]


def test_strict_producers_tolerant_consumers() -> None:
    event = activity_events.create_text_job_requested(user_id="u", payload={"activityType": "quiz", "prompt": "p", "language": "en"})
    newer = json.loads(activity_events.encode(event))
    newer["traceId"] = "from a newer producer"
    newer["payload"]["addedLater"] = "teachers"
    assert [issue.pointer for issue in activity_events.validation_errors(newer)] == ["/payload/addedLater", "/traceId"]
    assert activity_events.validation_errors(newer, tolerant=True) == []
    assert activity_events.decode(newer).job_id == event.job_id
