"""The vnu wrapper: parsing its JSON, allow-list matching, and the committed allow-list."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from check_html import (
    DEFAULT_ALLOWLIST,
    DEFAULT_JAR,
    AllowEntry,
    AllowListError,
    VnuMessage,
    classify,
    format_report,
    load_allowlist,
    parse_vnu_json,
    run_vnu,
)

AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is …"
THEME_TOGGLE = '<input class="md-toggle" data-md-toggle="search" type="checkbox">'
OUR_CHECKBOX = '<input class="briefing-filter" type="checkbox" autocomplete="off">'
ENTRY = AllowEntry(AUTOCOMPLETE, "Material's toggles", '<input class="md-toggle"')


def vnu(type_: str, message: str, extract: str = "", sub_type: str = "") -> VnuMessage:
    """Return a vnu message of ``type_`` on line 3 of a page."""
    return VnuMessage(type_, message, "file:/s/index.html", 3, sub_type, extract)


@pytest.mark.parametrize(
    ("message", "outcome"),
    [
        (vnu("error", AUTOCOMPLETE, THEME_TOGGLE), "allowed"),
        (vnu("error", AUTOCOMPLETE, OUR_CHECKBOX), "error"),
        (vnu("error", AUTOCOMPLETE + " ", THEME_TOGGLE), "error"),
        (vnu("error", "Duplicate ID “russia”.", THEME_TOGGLE), "error"),
        (vnu("non-document-error", "IO error", ""), "error"),
        (vnu("info", "Trailing slash on void elements has no effect", "<hr />"), "ignored"),
        (vnu("info", "Consider adding a “lang” attribute", "", "warning"), "warning"),
    ],
)
def test_classify(message: VnuMessage, outcome: str) -> None:
    report = classify([message], [ENTRY])
    got = {
        "allowed": sum(report.allowed.values()),
        "error": len(report.errors),
        "warning": len(report.warnings),
    }
    expected = {"allowed": 0, "error": 0, "warning": 0}
    if outcome != "ignored":
        expected[outcome] = 1
    assert got == expected
    assert report.unused == ([] if outcome == "allowed" else [ENTRY])


def test_entry_without_extract_matches_the_message_anywhere() -> None:
    entry = AllowEntry("Bad value.", "why")
    assert entry.matches(vnu("error", "Bad value.", "<anything>"))
    assert not entry.matches(vnu("error", "Bad value", "<anything>"))


def test_parse_vnu_json() -> None:
    text = json.dumps(
        {
            "messages": [
                {
                    "type": "error",
                    "url": "file:/s/a/index.html",
                    "lastLine": 7,
                    "message": "Stray end tag “div”.",
                    "extract": "</div>",
                },
                {"type": "info", "subType": "warning", "message": "w"},
            ]
        }
    )
    first, second = parse_vnu_json(text)
    assert first == VnuMessage(
        "error", "Stray end tag “div”.", "file:/s/a/index.html", 7, "", "</div>"
    )
    assert first.location(Path("/s")) == "a/index.html:7"
    assert (second.type, second.sub_type, second.line, second.fails) == (
        "info",
        "warning",
        0,
        False,
    )
    with pytest.raises(ValueError, match="messages"):
        parse_vnu_json('{"version": "1"}')


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('[[allow]]\nmessage = "m"\n', "needs both"),
        ('[[allow]]\nreason = "r"\n', "needs both"),
        ('[[allow]]\nmessage = "m"\nreason = "  "\n', "needs both"),
        ('[[allow]]\nmessage = "m"\nreason = "r"\npattern = ".*"\n', "unknown keys"),
        ("ignore_all = true\n", "unknown top-level"),
    ],
)
def test_malformed_allowlist(tmp_path: Path, toml: str, problem: str) -> None:
    path = tmp_path / "allow.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(AllowListError, match=problem):
        load_allowlist(path)


def test_committed_allowlist_is_well_formed() -> None:
    entries = load_allowlist(DEFAULT_ALLOWLIST)
    assert entries, "an empty allow-list should be deleted along with this test"
    for entry in entries:
        assert len(entry.reason.split()) >= 8, f"explain this entry better: {entry.message}"
        assert "briefing" not in entry.extract, "never allow-list our own markup"
    assert len({(e.message, e.extract) for e in entries}) == len(entries)


def test_format_report_lists_errors_and_summary() -> None:
    report = classify([vnu("error", "Duplicate ID “x”.", "<p id=x>")], [ENTRY])
    report.files = 1
    lines = list(format_report(report, Path("/s")))
    assert lines[0] == "ERROR index.html:3: Duplicate ID “x”."
    assert lines[-1] == "vnu: 1 pages checked, 1 errors, 0 allow-listed, 0 warnings"


@pytest.mark.slow
def test_real_vnu_finds_a_duplicate_id(tmp_path: Path) -> None:
    if not DEFAULT_JAR.is_file() or shutil.which("java") is None:
        pytest.skip("vnu.jar or java missing: run make quality-deps")
    page = '<!doctype html><html lang="en"><title>t</title><p id="a">1</p><p id="a">2</p></html>'
    (tmp_path / "index.html").write_text(page, "utf-8")
    messages = parse_vnu_json(run_vnu(tmp_path))
    assert [m.message for m in messages if m.fails] == ["Duplicate ID “a”."]
