"""Shared fixtures: the vectors of the canonical contracts, of the hostile fixture and of the orders fixture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def load_vectors(out: Path) -> list[dict[str, Any]]:
    document = json.loads((out / "vectors" / "vectors.json").read_text(encoding="utf-8"))
    vectors: list[dict[str, Any]] = document["vectors"]
    assert vectors, f"no vectors in {out}"
    return vectors


CANONICAL_VECTORS = load_vectors(ROOT / "test" / "fixtures" / "activity" / "out")
HOSTILE_VECTORS = load_vectors(ROOT / "test" / "fixtures" / "hostile" / "out")
ORDERS_VECTORS = load_vectors(ROOT / "test" / "fixtures" / "orders" / "generated")
