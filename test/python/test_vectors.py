"""The Python package gives every shared vector's verdict and error list, like the TypeScript and Go packages."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import activity_events
import hostile_events
import order_events
import pytest
from conftest import CANONICAL_VECTORS, HOSTILE_VECTORS, ORDERS_VECTORS

Issues = Callable[[str], list[Any]]


def check(vector: dict[str, Any], validation_errors: Issues) -> None:
    issues = validation_errors(json.dumps(vector["event"]))
    assert (not issues) == vector["valid"], f"{vector['name']}: {issues}"
    if issues:
        assert [{"pointer": issue.pointer, "keyword": issue.keyword} for issue in issues] == vector["errors"], vector["name"]
        if "pointer" in vector:
            assert vector["pointer"] in [issue.pointer for issue in issues], f"{vector['name']}: {issues}"


@pytest.mark.parametrize("vector", CANONICAL_VECTORS, ids=lambda vector: vector["name"])
def test_canonical_vector(vector: dict[str, Any]) -> None:
    check(vector, activity_events.validation_errors)


@pytest.mark.parametrize("vector", HOSTILE_VECTORS, ids=lambda vector: vector["name"])
def test_hostile_vector(vector: dict[str, Any]) -> None:
    check(vector, hostile_events.validation_errors)


@pytest.mark.parametrize("vector", ORDERS_VECTORS, ids=lambda vector: vector["name"])
def test_orders_vector(vector: dict[str, Any]) -> None:
    check(vector, order_events.validation_errors)


@pytest.mark.parametrize("vector", [v for v in ORDERS_VECTORS if v["valid"]], ids=lambda vector: vector["name"])
def test_orders_decode_then_encode_gives_back_the_same_json(vector: dict[str, Any]) -> None:
    event = order_events.decode(json.dumps(vector["event"]))
    assert json.loads(order_events.encode(event)) == vector["event"]


@pytest.mark.parametrize("vector", [v for v in CANONICAL_VECTORS if v["valid"]], ids=lambda vector: vector["name"])
def test_decode_then_encode_gives_back_the_same_json(vector: dict[str, Any]) -> None:
    event = activity_events.decode(json.dumps(vector["event"]))
    assert json.loads(activity_events.encode(event)) == vector["event"]


@pytest.mark.parametrize("vector", [v for v in HOSTILE_VECTORS if v["valid"]], ids=lambda vector: vector["name"])
def test_hostile_decode_then_encode_gives_back_the_same_json(vector: dict[str, Any]) -> None:
    event = hostile_events.decode(json.dumps(vector["event"]))
    assert json.loads(hostile_events.encode(event)) == vector["event"]
