"""The sources registry: the shipped sources.yml, name resolution, and errors with lines."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from briefings.common.errors import SourcesError
from briefings.common.names import source_key as normalize_name
from briefings.sourcing.registry import (
    SOURCE_KINDS,
    SourceEntry,
    SourceRegistry,
    load_sources,
)

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def registry() -> SourceRegistry:
    loaded, problems = load_sources(ROOT / "sources.yml", ROOT)
    assert problems == []
    return loaded


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_registry_has_the_seed_sources(registry: SourceRegistry) -> None:
    ids = {entry.id for entry in registry}
    assert {
        "associated-press",
        "rusi",
        "us-intelligence",
        "white-house",
        "us-government",
        "inss",
    } <= ids
    assert len(registry) == len(ids)
    for entry in registry:
        assert entry.kind in SOURCE_KINDS
        assert entry.description
        assert entry.path == "sources.yml" and entry.line is not None
    ap = registry.get("associated-press")
    assert ap is not None and ap.url == "https://apnews.com/" and "AP" in ap.aliases
    assert registry.get("nonexistent") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Associated Press", "associated-press"),
        ("the Associated Press", "associated-press"),
        ("The  ASSOCIATED press", "associated-press"),
        ("AP", "associated-press"),
        ("an interview with AP", "associated-press"),
        ("ap news", None),  # short acronyms match inside phrases only in capitals
        ("the Royal United Services Institute (RUSI) analysis", "rusi"),
        ("RUSI’s analysis", "rusi"),
        ("rusi", "rusi"),
        ("Washington", "us-government"),
        ("The newly downgraded intelligence by Washington", "us-government"),
        ("a declassified US intelligence report", "us-intelligence"),
        ("the White House", "white-house"),
        ("Lim Soo-ho, a senior analyst at the Institute for National Security Strategy", "inss"),
        ("Kremlin spokesman Dmitry Peskov", None),
        ("a defence official", None),
        ("us", None),
        ("", None),
    ],
)
def test_resolve(registry: SourceRegistry, name: str, expected: str | None) -> None:
    entry = registry.resolve(name)
    assert (entry.id if entry else None) == expected


def test_longest_name_inside_a_phrase_wins() -> None:
    registry = SourceRegistry(
        [
            SourceEntry("un", "United Nations", "other"),
            SourceEntry("unsc", "United Nations Security Council", "other"),
        ]
    )
    entry = registry.resolve("a United Nations Security Council resolution")
    assert entry is not None and entry.id == "unsc"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Associated Press", "associated press"),
        ("  the  White\nHouse, ", "white house"),
        ("Russia’s ministry", "russia's ministry"),
        ("Theatre Royal", "theatre royal"),
    ],
)
def test_normalize_name(name: str, key: str) -> None:
    assert normalize_name(name) == key


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("- id: a\n  name: A\n  kind: [oops\n", 4, "while parsing a flow sequence at line 3"),
        ("- id: a\n  name: A\n kind: media\n", 3, "invalid YAML"),
        ("id: a\nname: A\n", 1, "must be a YAML list"),
        ("- just a string\n", 1, "must be a mapping"),
        # Types are named in an editor's words, not by the loader's classes.
        ("id: a\nname: A\n", 1, "must be a YAML list of sources, not a mapping"),
        ("- [a, b]\n", 1, "each source must be a mapping, not a list"),
        ("- id: a\n  name: 12\n  kind: media\n", 2, "'name' must be a string, not a number"),
        ("- name: A\n  kind: media\n", 1, "missing 'id'"),
        ("- id: a\n  kind: media\n", 1, "missing 'name'"),
        ("- id: a\n  name: A\n", 1, "missing 'kind'"),
        ("- id: a\n  name: A\n  kind: blog\n", 3, "unknown kind 'blog'"),
        ("- id: Not A Slug\n  name: A\n  kind: media\n", 1, "invalid source id"),
        ("- id: a\n  name: 12\n  kind: media\n", 2, "'name' must be a string"),
        ("- id: a\n  name: A\n  kind: media\n  aliases: AP\n", 4, "'aliases' of 'a'"),
        ("- id: a\n  name: A\n  kind: media\n  url: ftp://x\n", 4, "invalid url"),
        # Characters outside printable ASCII (the renderer's placeholders among them).
        (
            '- id: a\n  name: A\n  kind: media\n  url: "https://x.org/\\ue0020\\ue003"\n',
            4,
            "invalid url",
        ),
        ("- id: a\n  name: A\n  kind: media\n  url: https://x.org/café\n", 4, "invalid url"),
        ("- id: a\n  name: A\n  name: B\n  kind: media\n", 3, "duplicate key 'name'"),
        (
            "- id: a\n  name: A\n  kind: media\n  description: x\n"
            "- id: a\n  name: B\n  kind: media\n  description: y\n",
            5,
            "duplicate source id 'a'",
        ),
        (
            "- id: a\n  name: A\n  kind: media\n  aliases: [Alpha]\n  description: x\n"
            "- id: b\n  name: B\n  kind: media\n  aliases: [the alpha]\n  description: y\n",
            6,
            "claims the name 'the alpha', which already belongs to 'a'",
        ),
    ],
)
def test_malformed_registry_names_file_and_line(
    tmp_path: Path, text: str, line: int, reason: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SourcesError) as caught:
        load_sources(path, tmp_path)
    assert caught.value.path == "sources.yml"
    assert caught.value.line == line
    assert reason in caught.value.reason


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourcesError) as caught:
        load_sources(tmp_path / "nope.yml")
    assert "cannot read" in caught.value.reason


def test_warnings_for_empty_description_and_unknown_keys(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        - id: a
          name: A
          kind: media
          alias: [typo]
        - id: b
          name: B
          kind: think tank
          description: A think tank.
        """,
    )
    registry, problems = load_sources(path, tmp_path)
    assert len(registry) == 2
    assert [(p.line, p.reason) for p in problems] == [
        (4, "unknown key 'alias' ignored"),
        (1, "source 'a' has no description"),
    ]


def test_empty_file_is_an_empty_registry(tmp_path: Path) -> None:
    registry, problems = load_sources(write(tmp_path, "# nothing yet\n"), tmp_path)
    assert len(registry) == 0 and problems == []


def test_entry_fields_and_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        # comment
        - id: reuters
          name: Reuters
          aliases: [Thomson Reuters, Reuters]
          kind: news agency
          url: https://www.reuters.com/
          description: News agency.
        """,
    )
    registry, _ = load_sources(path)
    (entry,) = list(registry)
    assert entry == SourceEntry(
        "reuters",
        "Reuters",
        "news agency",
        ("Thomson Reuters", "Reuters"),
        "https://www.reuters.com/",
        "News agency.",
        str(path),
        2,
    )


def test_registry_constructor_rejects_duplicates() -> None:
    with pytest.raises(SourcesError, match="duplicate source id"):
        SourceRegistry([SourceEntry("a", "A", "media"), SourceEntry("a", "B", "media")])


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("- id: a\n  name: A\n  kind: media\n  description: 2022-02-30\n", 4),
        ("- id: a\n  name: A\n  kind: media\n- 0x_\n", 4),
    ],
)
def test_unbuildable_values_name_the_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "sources.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(SourcesError) as caught:
        load_sources(path, tmp_path)
    assert (caught.value.path, caught.value.line) == ("sources.yml", line)
    assert "invalid value" in caught.value.reason
