"""Checks on assets/entities.css: WCAG AA contrast per entity type and a non-colour cue."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import pytest
from briefings.entities.glossary import ENTITY_TYPES

CSS_PATH = Path(__file__).resolve().parents[3] / "plugins" / "briefings" / "assets" / "entities.css"
AA = 4.5
LIGHT_PAGE = "#ffffff"
# Material's slate background is hsla(var(--md-hue), 15%, 14%, 1); sites may change the hue.
SLATE_HUES = range(360)
COLOURED = (*ENTITY_TYPES, "unreviewed")


def _rules(css: str) -> list[tuple[str, str]]:
    """Return (selector, body) for every innermost rule of ``css``."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return [
        (" ".join(selector.split()), body)
        for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    ]


def _declarations(body: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in body.split(";") if ":" in part)
    return {name.strip(): " ".join(value.split()) for name, value in pairs}


def _scheme_properties(scheme: str) -> dict[str, str]:
    for selector, body in _rules(CSS_PATH.read_text(encoding="utf-8")):
        if f'[data-md-color-scheme="{scheme}"]' in selector:
            return _declarations(body)
    raise AssertionError(f"no rule for scheme {scheme}")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """Return the WCAG 2 contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _hsl(hue: int, saturation: float, lightness: float) -> str:
    red, green, blue = colorsys.hls_to_rgb(hue / 360, lightness, saturation)
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in (red, green, blue))


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#000000", "#ffffff", 21.0), ("#777777", "#ffffff", 4.48), ("#ffffff", "#ffffff", 1.0)],
)
def test_contrast_formula(first: str, second: str, ratio: float) -> None:
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)


def test_slate_background_matches_material() -> None:
    assert _hsl(232, 0.15, 0.14) == "#1e2029"


@pytest.mark.parametrize("kind", COLOURED)
def test_light_scheme_contrast(kind: str) -> None:
    properties = _scheme_properties("default")
    colour = properties[f"--briefings-entity-{kind}"]
    assert re.fullmatch(r"#[0-9a-f]{6}", colour)
    assert contrast(colour, LIGHT_PAGE) >= AA
    assert contrast(colour, properties["--briefings-entity-tint"]) >= AA


@pytest.mark.parametrize("kind", COLOURED)
def test_slate_scheme_contrast(kind: str) -> None:
    properties = _scheme_properties("slate")
    colour = properties[f"--briefings-entity-{kind}"]
    assert re.fullmatch(r"#[0-9a-f]{6}", colour)
    worst = min(contrast(colour, _hsl(hue, 0.15, 0.14)) for hue in SLATE_HUES)
    assert worst >= AA
    assert contrast(colour, properties["--briefings-entity-tint"]) >= AA


def _type_rule(kind: str) -> dict[str, str]:
    for selector, body in _rules(CSS_PATH.read_text(encoding="utf-8")):
        if f".md-typeset .entity.entity--{kind}" in selector.split(", "):
            return _declarations(body)
    raise AssertionError(f"no rule for .entity--{kind}")


def test_every_type_has_its_colour_and_its_own_underline() -> None:
    cues = set()
    for kind in ENTITY_TYPES:
        declarations = _type_rule(kind)
        assert declarations["--briefings-entity-color"] == f"var(--briefings-entity-{kind})"
        line = declarations.get("text-decoration-line", "underline")
        cues.add((line, declarations["text-decoration-style"]))
    assert len(cues) == len(ENTITY_TYPES)


def test_links_keep_entity_colour_on_hover_and_focus() -> None:
    for selector, body in _rules(CSS_PATH.read_text(encoding="utf-8")):
        if ".md-typeset a.entity:hover" in selector:
            declarations = _declarations(body)
            assert declarations["color"].startswith("var(--briefings-entity-color")
            assert declarations["background-color"] == "var(--briefings-entity-tint)"
            break
    else:
        raise AssertionError("no hover rule")
    assert any(".md-typeset a.entity:focus-visible" in s for s, _ in _rules(CSS_PATH.read_text()))


REVIEW_MARKS_PATH = CSS_PATH.with_name("review-marks.css")


def test_published_view_draws_no_review_frames() -> None:
    """Readers see unreviewed entities like reviewed ones; the frames are the editors'."""
    css = CSS_PATH.read_text(encoding="utf-8")
    assert all("entity--unreviewed" not in selector for selector, _ in _rules(css))
    assert all("border" not in _declarations(body) for _, body in _rules(css))


def test_review_marks_are_muted_and_dashed() -> None:
    rules = _rules(REVIEW_MARKS_PATH.read_text(encoding="utf-8"))
    (body,) = [body for selector, body in rules if ".entity.entity--unreviewed" in selector]
    declarations = _declarations(body)
    assert declarations["--briefings-entity-color"] == "var(--briefings-entity-unreviewed)"
    assert "dashed" in declarations["border"]
