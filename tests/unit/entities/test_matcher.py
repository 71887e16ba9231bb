"""Unit tests for briefings.matcher: word boundaries, longest match, case, variants, speed."""

# Curly apostrophes, dashes and look-alike letters are what these tests are about.

from __future__ import annotations

import itertools
import random
import string
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from briefings.common.names import (
    APOSTROPHES,
    HYPHENS,
    WHITESPACE,
    fold_case,
    is_acronym,
    normalise_surface,
    normalise_text,
)
from briefings.entities.glossary_files import load_glossary
from briefings.entities.matcher import Matcher, Mention, build_matcher
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_59870affd8118fe3.txt"

Term = tuple[str, str, bool]


def found(terms: list[Term], text: str) -> list[tuple[str, str]]:
    """Return (mention text, entry id) for every mention of ``terms`` in ``text``."""
    return [(text[m.start : m.end], m.entry_id) for m in Matcher(terms).find_mentions(text)]


CS = True
CI = False


@pytest.mark.parametrize(
    ("terms", "text", "expected"),
    [
        # whole words only
        ([("Iran", "iran", CS)], "Iranian drones", []),
        ([("Iran", "iran", CS)], "Iran, Iran.", [("Iran", "iran"), ("Iran", "iran")]),
        ([("Iran", "iran", CS)], "Iranian-made, from Iran-Iraq", [("Iran", "iran")]),
        ([("UN", "un", CS)], "UNESCO and fUNd", []),
        ([("UN", "un", CS)], "the UN.", [("UN", "un")]),
        ([("Russia", "russia", CS)], "Russian Russians Russia-backed", [("Russia", "russia")]),
        ([("Ukraine", "ukraine", CS)], "xUkraine Ukraine2 Ukraine", [("Ukraine", "ukraine")]),
        ([("Paris", "paris", CS)], "Parisé Paris\u0301 Paris", [("Paris", "paris")]),
        ([("Ивано", "iv", CS)], "Иванов Ивано", [("Ивано", "iv")]),
        ([("Brien", "brien", CS)], "O'Brien and O’Brien; 'Brien'", [("Brien", "brien")]),
        # longest match wins, leftmost first
        (
            [("Black Sea", "sea", CS), ("Black Sea Grain Initiative", "bsgi", CS)],
            "the Black Sea Grain Initiative, not the Black Sea",
            [("Black Sea Grain Initiative", "bsgi"), ("Black Sea", "sea")],
        ),
        (
            [("Korea", "korea", CS), ("North Korea", "nk", CS)],
            "North Korea and Korea",
            [("North Korea", "nk"), ("Korea", "korea")],
        ),
        (
            [("South Korea", "sk", CS), ("Korea Strait", "strait", CS)],
            "South Korea Strait",
            [("South Korea", "sk")],
        ),
        (
            [("North Korea", "nk", CS), ("Korea", "korea", CS)],
            "North Korean workers",
            [],
        ),
        # possessives: the suffix is not part of the mention
        ([("North Korea", "nk", CS)], "North Korea's", [("North Korea", "nk")]),
        ([("North Korea", "nk", CS)], "North Korea’s leader", [("North Korea", "nk")]),
        ([("Brussels", "b", CS)], "Brussels’ and Brussels' rules", [("Brussels", "b")] * 2),
        ([("Kim Jong Un", "kim", CS)], "Kim Jong Unʼs", [("Kim Jong Un", "kim")]),
        # acronyms are always case-sensitive
        ([("UN", "un", CI)], "un UN Un", [("UN", "un")]),
        ([("DPRK", "dprk", CI)], "dprk DPRK", [("DPRK", "dprk")]),
        ([("UAVs", "uav", CI)], "uavs UAVs", [("uavs", "uav"), ("UAVs", "uav")]),
        # other surfaces: case-sensitive unless the entry says otherwise
        ([("Turkey", "tr", CS)], "turkey Turkey TURKEY", [("Turkey", "tr")]),
        (
            [("Turkey", "tr", CI)],
            "turkey Turkey TURKEY",
            [("turkey", "tr"), ("Turkey", "tr"), ("TURKEY", "tr")],
        ),
        (
            [("ministry of defence", "mod", CI)],
            "The Russian Ministry of Defence",
            [("Ministry of Defence", "mod")],
        ),
        # case folding keeps offsets even where str.lower() would not
        (
            [("İstanbul", "ist", CI)],
            "in İSTANBUL, istanbul",
            [("İSTANBUL", "ist"), ("istanbul", "ist")],
        ),
        ([("x", "x", CI), ("Ab", "ab", CI)], "İİ ab", [("ab", "ab")]),
        (
            [("Οδυσσεας", "od", CI)],
            "ΟΔΥΣΣΕΑΣ οδυσσεας οδυσσεασ",
            [("ΟΔΥΣΣΕΑΣ", "od"), ("οδυσσεας", "od"), ("οδυσσεασ", "od")],
        ),
        # apostrophe, hyphen and whitespace variants
        (
            [("People's Republic", "prc", CS)],
            "People’s Republic, People‘s Republic, Peopleʼs Republic",
            [
                ("People’s Republic", "prc"),
                ("People‘s Republic", "prc"),
                ("Peopleʼs Republic", "prc"),
            ],
        ),
        (
            [("Mohajer-6", "m6", CS)],
            "Mohajer-6 Mohajer‐6 Mohajer‑6 Mohajer–6 Mohajer—6 Mohajer 6 Mohajer6",
            [
                ("Mohajer-6", "m6"),
                ("Mohajer‐6", "m6"),
                ("Mohajer‑6", "m6"),
                ("Mohajer–6", "m6"),
                ("Mohajer—6", "m6"),
            ],
        ),
        ([("Mohajer 6", "m6", CS)], "Mohajer-6", []),
        (
            [("North Korea", "nk", CS)],
            "North\u00a0Korea North\nKorea North\tKorea",
            [("North\u00a0Korea", "nk"), ("North\nKorea", "nk"), ("North\tKorea", "nk")],
        ),
        # documented limitation: two whitespace characters in a row do not match one space
        ([("North Korea", "nk", CS)], "North  Korea", []),
        ([("  North \u00a0 Korea ", "nk", CS)], "North Korea", [("North Korea", "nk")]),
        # regular-expression metacharacters are plain characters
        (
            [("C++", "cpp", CS), ("(UN)", "paren", CS), (".*", "star", CS)],
            "C++ or C, (UN) or UN, .* or ab",
            [("C++", "cpp"), ("(UN)", "paren"), (".*", "star")],
        ),
        # ties: a case-sensitive term beats a case-insensitive one, then the first term wins
        ([("Turkey", "bird", CI), ("Turkey", "country", CS)], "Turkey", [("Turkey", "country")]),
        ([("Turkey", "a", CS), ("Turkey", "b", CS)], "Turkey", [("Turkey", "a")]),
        # blank surfaces are ignored; empty text has no mentions
        ([("", "blank", CS), (" \n", "blank", CS)], "a b", []),
        ([("Iran", "iran", CS)], "", []),
        ([], "Iran", []),
    ],
)
def test_find_mentions(terms: list[Term], text: str, expected: list[tuple[str, str]]) -> None:
    assert found(terms, text) == expected


def test_mentions_are_ordered_dataclasses() -> None:
    mentions = Matcher([("Iran", "iran", True), ("Syria", "syria", True)]).find_mentions(
        "Syria and Iran"
    )
    assert mentions == [Mention(0, 5, "syria"), Mention(10, 14, "iran")]
    assert sorted(reversed(mentions)) == mentions


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("UN", True), ("DPRK", True), ("U.S.", True), ("UAVs", False), ("A", False), ("C++", False)],
)
def test_is_acronym(surface: str, expected: bool) -> None:
    assert is_acronym(surface) is expected


def test_whitespace_is_every_isspace_character() -> None:
    expected = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(WHITESPACE) == expected


def test_variant_sets_do_not_overlap() -> None:
    assert not set(WHITESPACE) & set(APOSTROPHES)
    assert not set(APOSTROPHES) & set(HYPHENS)
    assert all(unicodedata.category(c) == "Pd" or c in "\u2212\ufe63\uff0d" for c in HYPHENS)


@given(st.text())
def test_normalisation_and_folding_keep_length(text: str) -> None:
    normalised = normalise_text(text)
    assert len(normalised) == len(text)
    assert len(fold_case(normalised)) == len(text)
    variants = WHITESPACE + APOSTROPHES + HYPHENS
    assert all(a == b or a in variants for a, b in zip(text, normalised, strict=True))


# --- property test against a brute-force oracle --------------------------------------------


def _word(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def _boundaries_ok(text: str, start: int, end: int) -> bool:
    if start > 0 and _word(text[start - 1]) and _word(text[start]):
        return False
    if start > 1 and text[start - 1] == "'" and _word(text[start - 2]) and _word(text[start]):
        return False
    return not (end < len(text) and _word(text[end - 1]) and _word(text[end]))


def oracle(terms: list[Term], text: str) -> list[Mention]:
    """Brute force: try every term at every offset, then keep leftmost-longest."""
    normalised = normalise_text(text)
    folded = fold_case(normalised)
    first: dict[tuple[bool, str], tuple[int, str]] = {}
    for index, (surface, entry_id, case_sensitive) in enumerate(terms):
        exact = case_sensitive or is_acronym(surface)
        key = normalise_surface(surface)
        if key:
            first.setdefault((exact, key if exact else fold_case(key)), (index, entry_id))
    candidates = []
    for (exact, key), (index, entry_id) in first.items():
        haystack = normalised if exact else folded
        for start in range(len(text) - len(key) + 1):
            end = start + len(key)
            if haystack[start:end] == key and _boundaries_ok(normalised, start, end):
                candidates.append((start, -len(key), 0 if exact else 1, index, entry_id))
    chosen: list[Mention] = []
    for start, negative_length, _kind, _index, entry_id in sorted(candidates):
        if not chosen or start >= chosen[-1].end:
            chosen.append(Mention(start, start - negative_length, entry_id))
    return chosen


ALPHABET = "aAbBzZ0İiıΣσςé\u0301'’ʼ-–—  \u00a0\n.(+*"


@st.composite
def glossary_and_text(draw: st.DrawFn) -> tuple[list[Term], str]:
    surfaces = draw(st.lists(st.text(ALPHABET, min_size=1, max_size=5), min_size=1, max_size=6))
    terms = [(s, draw(st.sampled_from(["a", "b", "c"])), draw(st.booleans())) for s in surfaces]
    variant = st.builds(
        lambda surface, case: {"upper": surface.upper(), "lower": surface.lower()}.get(
            case, surface
        ),
        st.sampled_from(surfaces),
        st.sampled_from(["as is", "upper", "lower"]),
    )
    pieces = draw(st.lists(st.one_of(variant, st.text(ALPHABET, max_size=3)), max_size=12))
    return terms, "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(glossary_and_text())
def test_find_mentions_matches_oracle_and_invariants(case: tuple[list[Term], str]) -> None:
    terms, text = case
    mentions = Matcher(terms).find_mentions(text)
    assert mentions == oracle(terms, text)
    assert mentions == sorted(mentions)
    normalised = normalise_text(text)
    for previous, mention in itertools.pairwise(mentions):
        assert previous.end <= mention.start
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert _boundaries_ok(normalised, mention.start, mention.end)
        written = normalise_text(text[mention.start : mention.end])
        keys = {
            normalise_surface(s) if cs or is_acronym(s) else fold_case(normalise_surface(s))
            for s, entry_id, cs in terms
            if entry_id == mention.entry_id
        }
        assert written in keys or fold_case(written) in keys


# --- the real glossary and seed ---------------------------------------------------------


def test_real_seed_marks_its_entities() -> None:
    glossary, _problems = load_glossary(sorted((ROOT / "glossary").glob("*.yml")), root=ROOT)
    text = SEED.read_text(encoding="utf-8")
    mentions = build_matcher(glossary).find_mentions(text)
    marked = {(text[m.start : m.end], m.entry_id) for m in mentions}
    for expected in [
        ("Vladimir Putin", "vladimir-putin"),
        ("Kim Jong Un", "kim-jong-un"),
        ("RUSI", "royal-united-services-institute"),
        ("Royal United Services Institute", "royal-united-services-institute"),
        ("Associated Press", "associated-press"),
        ("Mohajer-6", "mohajer-6"),
        ("North Korea", "north-korea"),
        ("DPRK", "north-korea"),
        ("Russian ministry of defence", "russian-ministry-of-defence"),
    ]:
        assert expected in marked
    for mention in mentions:
        for word in ("Russian", "Iranian", "Ukrainian", "Korean"):
            for index in _occurrences(text, word):
                assert not (index < mention.start < index + len(word))
                assert not (index < mention.end < index + len(word))
    assert {m.entry_id for m in mentions} == {entry.id for entry in glossary}


def _occurrences(text: str, word: str) -> list[int]:
    found_at, index = [], text.find(word)
    while index >= 0:
        found_at.append(index)
        index = text.find(word, index + 1)
    return found_at


# --- speed ----------------------------------------------------------------------------------


def _synthetic_terms(entries: int, aliases: int, seed: int = 7) -> list[Term]:
    rng = random.Random(seed)

    def name() -> str:
        words = rng.randint(1, 3)
        return " ".join(
            rng.choice(string.ascii_uppercase)
            + "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9)))
            for _ in range(words)
        )

    terms: list[Term] = []
    for index in range(entries):
        case_sensitive = rng.random() < 0.8
        terms += [(name(), f"entry-{index}", case_sensitive) for _ in range(1 + aliases)]
    return terms


def test_speed_5000_entries_3_aliases() -> None:
    """Generous bounds (shared CI cores); typical: build ~0.08 s, find ~0.15 ms for 4 KB."""
    terms = _synthetic_terms(5000, 3)
    started = time.perf_counter()
    matcher = Matcher(terms)
    build_seconds = time.perf_counter() - started
    rng = random.Random(3)
    words = ["the", "said", "of", "Moscow’s", "on\u00a0Tuesday", "—", "in\n"]
    pieces = [rng.choice(terms)[0] if rng.random() < 0.1 else rng.choice(words) for _ in range(900)]
    text = " ".join(pieces)[:4096]
    started = time.perf_counter()
    rounds = 50
    for _ in range(rounds):
        mentions = matcher.find_mentions(text)
    find_seconds = (time.perf_counter() - started) / rounds
    assert mentions
    assert build_seconds < 2.0
    assert find_seconds < 0.005
