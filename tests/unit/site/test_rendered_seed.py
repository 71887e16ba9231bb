"""RenderedSeed survives a JSON round trip; any other shape is a cache miss."""

from __future__ import annotations

import json
from typing import Any

import pytest
from briefings.site.model import RenderedSeed

RENDERED = RenderedSeed(
    "# Title\n\n\ue0020\ue003\n",
    ['<p class="x">Hello “world”</p>'],
    [["new:some-agency", "Some Agency", "organization", "Some Agency said so."]],
    [("tass", "TASS", 2, "news agency")],
    {"moscow": 3},
    {"moscow": "In Moscow it rained."},
    {"alex-smith": 1},
    {"alex-smith": "Alex Smith spoke."},
    4,
    9,
    [("experts believe", "Experts believe it.")],
)


def test_round_trip() -> None:
    data = json.loads(json.dumps(RENDERED.to_json()))
    assert RenderedSeed.from_json(data) == RENDERED


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("claims"),
        lambda d: d.update(citations=[["tass", "TASS"]]),
        lambda d: d.update(unreviewed_sources=[["new:x", "X"]]),
        lambda d: d.update(unreviewed_sources=["X"]),
        lambda d: d.update(counts=["moscow"]),
        lambda d: d.update(sentences="many"),
        lambda d: d.update(fragments=None),
    ],
)
def test_other_shapes_are_misses(damage: Any) -> None:
    data = json.loads(json.dumps(RENDERED.to_json()))
    damage(data)
    assert RenderedSeed.from_json(data) is None


@pytest.mark.parametrize("data", [None, [], "text", 3])
def test_non_objects_are_misses(data: Any) -> None:
    assert RenderedSeed.from_json(data) is None


@pytest.mark.parametrize(
    ("name", "value"),
    [("markdown", 3), ("fragments", [1]), ("attributed", True), ("counts", {"x": "2"})],
)
def test_wrong_types_are_misses(name: str, value: Any) -> None:
    data = json.loads(json.dumps(RENDERED.to_json()))
    data[name] = value
    assert RenderedSeed.from_json(data) is None
