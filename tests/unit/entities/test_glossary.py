"""Unit tests for briefings.glossary: loading, validation errors, warnings, lookups."""

# Curly apostrophes and dashes are part of what these tests are about.

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest
from briefings.common.errors import GlossaryError
from briefings.common.names import name_key
from briefings.entities.glossary import (
    ENTITY_TYPES,
    Glossary,
    GlossaryEntry,
)
from briefings.entities.glossary_files import load_glossary, load_lowercase_english_words
from briefings.entities.matcher import build_matcher

ROOT = Path(__file__).resolve().parents[3]

PUTIN = """\
- id: vladimir-putin
  name: Vladimir Putin
  type: person
  aliases: [Putin]
  description: President of **Russia**.
  links: [https://en.wikipedia.org/wiki/Vladimir_Putin]
  see_also: [russia]
"""
RUSSIA = """\
- id: russia
  name: Russia
  type: place
  description: Country.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write one glossary file and return its path."""
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_text(tmp_path: Path, text: str | bytes, name: str = "g.yml") -> Glossary:
    """Load one glossary file written from ``text``; return the glossary."""
    glossary, _problems = load_glossary([write(tmp_path, name, text)], root=tmp_path)
    return glossary


def entry(entry_id: str, *aliases: str, **fields: object) -> GlossaryEntry:
    values: dict[str, object] = {
        "id": entry_id,
        "name": entry_id.title(),
        "type": "other",
        "aliases": aliases,
        "description": "x",
        "path": "g.yml",
        "line": 1,
    }
    values.update(fields)
    return GlossaryEntry(**values)  # type: ignore[arg-type]


# --- loading --------------------------------------------------------------------------------


def test_loads_entry_with_every_field(tmp_path: Path) -> None:
    glossary = load_text(tmp_path, PUTIN + RUSSIA)
    putin = glossary.get("vladimir-putin")
    assert putin == GlossaryEntry(
        id="vladimir-putin",
        name="Vladimir Putin",
        type="person",
        aliases=("Putin",),
        description="President of **Russia**.",
        links=("https://en.wikipedia.org/wiki/Vladimir_Putin",),
        see_also=("russia",),
        case_sensitive=True,
        path="g.yml",
        line=1,
    )
    assert putin.surfaces == ("Vladimir Putin", "Putin")
    assert glossary.get("russia") == GlossaryEntry(
        "russia", "Russia", "place", (), "Country.", path="g.yml", line=8
    )


def test_files_read_in_sorted_order_and_iteration_sorted_by_id(tmp_path: Path) -> None:
    b = write(tmp_path, "b.yml", PUTIN)
    a = write(tmp_path, "a.yml", RUSSIA + "- {id: zz, name: Zed, type: other, description: z}\n")
    glossary, problems = load_glossary([b, a], root=tmp_path)
    assert [e.id for e in glossary] == ["russia", "vladimir-putin", "zz"]
    assert [(e.path, e.line) for e in glossary] == [("a.yml", 1), ("b.yml", 1), ("a.yml", 5)]
    assert problems == []
    assert len(glossary) == 3
    assert "russia" in glossary
    assert "iran" not in glossary
    assert glossary.get("iran") is None


def test_paths_are_absolute_without_root(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as caught:
        load_glossary([write(tmp_path, "g.yml", "- 3\n")])
    assert caught.value.path == (tmp_path / "g.yml").as_posix()


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\ufeff"])
def test_empty_file_has_no_entries(tmp_path: Path, text: str) -> None:
    assert len(load_text(tmp_path, text)) == 0


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert "russia" in load_text(tmp_path, b"\xef\xbb\xbf" + RUSSIA.encode())


def test_defaults(tmp_path: Path) -> None:
    glossary = load_text(tmp_path, "- id: x\n  name: X\n  type: other\n  aliases:\n")
    assert glossary.get("x") == GlossaryEntry("x", "X", "other", (), "", path="g.yml", line=1)


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("- id: x\n  name: [unclosed\n", 3, "invalid YAML"),
        ("- id: x\n\tname: X\n", 2, "invalid YAML"),
        ("id: x\nname: X\n", 1, "must be a YAML list of entries, not a mapping"),
        ("just text\n", 1, "must be a YAML list of entries, not text"),
        ("- id: a\n  name: A\n  type: other\n- just a string\n", 4, "must be a mapping, not text"),
        ("- [a, b]\n", 1, "must be a mapping, not a list"),
        ("- name: X\n  type: other\n", 1, "entry has no 'id'"),
        ("- id: x\n  type: other\n", 1, "entry has no 'name'"),
        ("- id: x\n  name: X\n", 1, "entry has no 'type'"),
        ("- id: x\n  name: X\n  type: other\n  aliases: Putin\n", 4, "'aliases' must be a list"),
        ("- id: x\n  name: X\n  type: other\n  aliases:\n    - a\n    - 3\n", 6, "item 2 of"),
        ("- id: x\n  name: X\n  type: other\n  aliases: ['  ']\n", 4, "item 1 of 'aliases' is"),
        ("- id: Vladimir_Putin\n  name: X\n  type: other\n", 1, "is not a slug"),
        ("- id: a--b\n  name: X\n  type: other\n", 1, "is not a slug"),
        ("- id: 12\n  name: X\n  type: other\n", 1, "'id' must be text, not a number"),
        ("- id: x\n  name: No\n  type: other\n", 2, "not the boolean false"),
        ("- id: x\n  name: ' '\n  type: other\n", 2, "empty name"),
        ("- id: x\n  name: X\n  type: Person\n", 3, "unknown type 'Person'"),
        ("- id: x\n  name: X\n  type: country\n", 3, "unknown type 'country'"),
        ("- id: x\n  name: X\n  type: other\n  alias: [Y]\n", 4, "unknown key 'alias'"),
        ("- id: x\n  name: X\n  type: other\n  name: Y\n", 4, "duplicate key 'name' (first"),
        ("- id: x\n  name: X\n  type: other\n  case_sensitive: maybe\n", 4, "true or false"),
        ("- id: x\n  name: X\n  type: other\n  links: [javascript:alert(1)]\n", 4, "not an http"),
        ("- id: x\n  name: X\n  type: other\n  links: [/wiki/X]\n", 4, "not an http"),
        ("- id: x\n  name: X\n  type: other\n  see_also: [Not An Id]\n", 4, "is not an id"),
        ("- id: x\n  name: X\n  type: other\n  description: [a]\n", 4, "must be text"),
        ("- id: x\n  name: X\n  type: other\n  see_also: [y]\n", 1, "unknown id 'y'"),
        (
            "- {id: a, name: A, type: other}\n- {id: a, name: B, type: other}\n",
            2,
            "duplicate id 'a': already defined at g.yml:1",
        ),
        (
            "- {id: a, name: Kim Jong-Un, type: person}\n"
            "- {id: b, name: B, type: person, aliases: [kim  jong‑un]}\n",
            2,
            "'kim  jong‑un' of 'b' is also a name or alias of 'a' (g.yml:1)",
        ),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        load_text(tmp_path, text)
    assert caught.value.path == "g.yml"
    assert caught.value.line == line
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("- id: x\n  name: X\n  type: other\n  alias: [Y]\n", "did you mean 'aliases'?"),
        ("- id: x\n  name: X\n  type: other\n  aliases: Putin\n", "aliases: [Putin]"),
        ("- id: x\n  name: No\n  type: other\n", "quotes"),
        ("- id: x\n  name: X\n  type: other\n  see_also: [x-]\n", "lower-case"),
        (RUSSIA + "- {id: x, name: X, type: other, see_also: [rusia]}\n", "did you mean 'russia'?"),
        ("- id: x\n  name: X\n  type: Person\n", "person, organization"),
    ],
)
def test_errors_have_hints(tmp_path: Path, text: str, hint: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        load_text(tmp_path, text)
    assert hint in caught.value.hint


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yml", RUSSIA)
    b = write(tmp_path, "b.yml", "# places\n" + RUSSIA)
    with pytest.raises(GlossaryError) as caught:
        load_glossary([b, a], root=tmp_path)
    assert str(caught.value).startswith(
        "b.yml:2: duplicate id 'russia': already defined at a.yml:1"
    )


def test_non_utf8_bytes_name_the_line(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as caught:
        load_text(tmp_path, b"- id: x\n  name: Caf\xe9\n  type: place\n")
    assert (caught.value.line, caught.value.reason) == (
        2,
        "is not valid UTF-8: byte 0xe9 at byte offset 19",
    )


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="cannot read the file"):
        load_glossary([tmp_path / "missing.yml"], root=tmp_path)


def test_see_also_cycles_are_fine(tmp_path: Path) -> None:
    glossary = load_text(
        tmp_path,
        "- {id: a, name: A, type: other, description: a, see_also: [b]}\n"
        "- {id: b, name: B, type: other, description: b, see_also: [a]}\n",
    )
    assert glossary.get("a") is not None
    assert glossary.get("b") is not None


def test_glossary_constructor_validates_entries() -> None:
    with pytest.raises(GlossaryError, match="duplicate id 'a'"):
        Glossary([entry("a"), entry("a", name="Other")])
    with pytest.raises(GlossaryError, match="'A' of 'b' is also a name or alias of 'a'"):
        Glossary([entry("a"), entry("b", "A")])
    with pytest.raises(GlossaryError, match="unknown id 'c'"):
        Glossary([entry("a", see_also=("c",))])
    assert len(Glossary(())) == 0


# --- warnings -------------------------------------------------------------------------------


def test_empty_description_warns(tmp_path: Path) -> None:
    path = write(tmp_path, "g.yml", "- id: x\n  name: X\n  type: other\n  description: ' '\n")
    _glossary, problems = load_glossary([path], root=tmp_path)
    assert [(p.path, p.line, p.reason) for p in problems] == [
        ("g.yml", 1, "entry 'x' has an empty description")
    ]


@pytest.mark.parametrize(
    ("aliases", "case_sensitive", "warned"),
    [
        (["May", "Will", "Bill", "Chase", "Mark", "Turkey"], False, 6),
        (["May", "Turkey"], True, 0),  # case-sensitive: "may" is never marked
        (["US", "UN", "AP"], False, 0),  # acronyms are always case-sensitive
        (["Khusnullin", "Mohajer-6", "Kim Jong Un", "Pyongyang"], False, 0),
    ],
)
def test_common_word_alias_warns_when_case_insensitive(
    tmp_path: Path, aliases: list[str], case_sensitive: bool, warned: int
) -> None:
    text = (
        f"- id: x\n  name: Xyzzy Plugh\n  type: other\n  description: d\n"
        f"  case_sensitive: {str(case_sensitive).lower()}\n  aliases: [{', '.join(aliases)}]\n"
    )
    _glossary, problems = load_glossary([write(tmp_path, "g.yml", text)], root=tmp_path)
    assert len(problems) == warned
    assert all("common English word" in p.reason and p.line == 1 for p in problems)


def test_lowercase_english_words_keep_proper_nouns_out() -> None:
    words = load_lowercase_english_words()
    assert {"may", "will", "bill", "chase", "mark", "turkey"} <= words
    assert not {"iran", "putin", "pyongyang", "khusnullin", "May", "Turkey"} & words


def test_repeated_alias_and_self_reference_warn(tmp_path: Path) -> None:
    text = "- {id: x, name: X Y, type: other, description: d, aliases: [X  Y], see_also: [x]}\n"
    _glossary, problems = load_glossary([write(tmp_path, "g.yml", text)], root=tmp_path)
    assert [p.reason for p in problems] == [
        "see_also of 'x' names the entry itself",
        "'X  Y' is repeated in 'x'",
    ]


# --- lookups and descriptions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kim Jong Un", "kim-jong-un"),
        ("kim jong un", "kim-jong-un"),
        ("KIM  JONG\u00a0UN", "kim-jong-un"),
        ("Kim Jong‑un", "kim-jong-un"),
        ("Kim Jong–un", "kim-jong-un"),
        ("People’s Republic of China", "china"),
        ("  china ", "china"),
        ("Kim", None),
        ("Chinese", None),
    ],
)
def test_find_by_name(query: str, expected: str | None) -> None:
    glossary = Glossary(
        [
            entry("kim-jong-un", "Kim Jong-un", name="Kim Jong Un"),
            entry("china", "People's Republic of China", name="China"),
        ]
    )
    found = glossary.find_by_name(query)
    assert (found.id if found else None) == expected


def test_name_key() -> None:
    assert name_key(" Kim\tJong‐Un’s ") == "kim jong-un's"


@pytest.mark.parametrize(
    ("description", "plain"),
    [
        ("President of **Russia** since *2012*.", "President of Russia since 2012."),
        ("See [the report](https://example.org/r) and ![map](m.png).", "See the report and map."),
        ("A [ref link][1] here.", "A ref link here."),
        ("Uses `C++` and __bold__ and _it_ and ~~gone~~.", "Uses C++ and bold and it and gone."),
        ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
        ("<b>Bold</b> <script>alert(1)</script> <!-- note --> end", "Bold alert(1) end"),
        (
            "Line one\n\n  line   two\n# Heading\n> quote\n- item",
            "Line one line two Heading quote item",
        ),
        ("AT&amp;T &lt;b&gt; \\*not emphasis\\*", "AT&T <b> *not emphasis*"),
        ("Autolink <https://example.org/x>.", "Autolink https://example.org/x."),
        ("", ""),
    ],
)
def test_plain_description(description: str, plain: str) -> None:
    assert entry("x", description=description).plain_description == plain


# --- scale ----------------------------------------------------------------------------------


def test_ten_thousand_aliases_and_metacharacters(tmp_path: Path) -> None:
    aliases = [f"Alias number {i}" for i in range(10_000)] + ["C++", "(UN)", ".*", "a|b", "[x]"]
    lines = "\n".join(f"    - '{alias}'" for alias in aliases)
    text = f"- id: big\n  name: Big\n  type: other\n  description: d\n  aliases:\n{lines}\n"
    started = time.perf_counter()
    glossary, problems = load_glossary([write(tmp_path, "g.yml", text)], root=tmp_path)
    matcher = build_matcher(glossary)
    elapsed = time.perf_counter() - started
    assert problems == []
    assert len(glossary.get("big").aliases) == 10_005  # type: ignore[union-attr]
    sample = "Use C++ or (UN) or .* or a|b or [x] or Alias number 9999, not Alias number 99999."
    found = [sample[m.start : m.end] for m in matcher.find_mentions(sample)]
    assert found == ["C++", "(UN)", ".*", "a|b", "[x]", "Alias number 9999"]
    assert elapsed < 10.0  # typically well under a second


# --- the real starter glossary --------------------------------------------------------------

FILE_TYPES = {
    "people.yml": "person",
    "organizations.yml": "organization",
    "places.yml": "place",
    "equipment.yml": "equipment",
    "events.yml": "event",
}


def test_real_glossary_loads_cleanly() -> None:
    paths = sorted((ROOT / "glossary").glob("*.yml"))
    glossary, problems = load_glossary(paths, root=ROOT)
    assert problems == []
    assert len(glossary) >= 25
    for item in glossary:
        assert item.type in ENTITY_TYPES
        assert item.path.startswith("glossary/")
        assert FILE_TYPES[Path(item.path).name] == item.type
        assert item.plain_description
        assert all(link.startswith("https://en.wikipedia.org/wiki/") for link in item.links)
