"""Seed reader: the real seed, hand-written cases and every bad input of issue 3/7."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from briefings.common.errors import SeedError
from briefings.content.seeds import (
    decode_seed,
    derive_title,
    find_seed_files,
    first_sentence,
    parse_seed,
    read_seed,
)

ROOT = Path(__file__).resolve().parents[3]
REAL_SEED = ROOT / "seeds" / "000_59870affd8118fe3.txt"
TODAY = date(2026, 11, 26)


def parse(text: str, path: str = "seeds/x.txt"):
    return parse_seed(text, path, today=TODAY)


def test_real_seed_structure() -> None:
    seed = read_seed(REAL_SEED, ROOT, today=TODAY)
    assert seed.date == date(2022, 9, 7)
    assert seed.path == "seeds/000_59870affd8118fe3.txt"
    kinds = [b.kind for b in seed.blocks]
    assert kinds.count("subheading") == 1
    assert kinds.count("caption") == 2
    assert kinds.count("paragraph") == 7
    sub = next(b for b in seed.blocks if b.kind == "subheading")
    assert sub.text == (
        "Russian military weapons use critical specialist components manufactured 'abroad'"
    )
    captions = [b for b in seed.blocks if b.kind == "caption"]
    assert [c.credit for c in captions] == ["AP", "AP"]
    assert captions[0].text.endswith("in Vladivostok, Russia.")
    assert seed.blocks[0].text.startswith("As Moscow felt the shockwaves")
    assert seed.blocks[0].line == 1
    assert len(seed.title) <= 100 and seed.title_derived
    assert seed.summary.startswith("As Moscow felt") and seed.summary.endswith("chips.")


def test_real_seed_every_word_kept() -> None:
    raw = REAL_SEED.read_text("utf-8")
    seed = read_seed(REAL_SEED, ROOT, today=TODAY)
    rebuilt = " ".join(
        f"{b.text} {b.credit_label} {b.credit}" if b.kind == "caption" else b.text
        for b in seed.blocks
    )
    body = raw.split("2022-09-07", 1)[1]
    assert rebuilt.split() == body.split()


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("date 2024-01-02 First para.\n\nSecond para.", ["paragraph", "paragraph"]),
        (
            "date 2024-01-02\n\nIntro.\n\nA short heading\n\nBody.",
            ["paragraph", "subheading", "paragraph"],
        ),
        (
            "date 2024-01-02\nIntro.\n\nSoldiers at the front. Credit: Reuters\n\nBody.",
            ["paragraph", "caption", "paragraph"],
        ),
        ("date 2024-01-02\nIntro.\n\nShort closing line", ["paragraph", "paragraph"]),
        ("date 2024-01-02\nIntro.\n\nWhat next?\n\nBody.", ["paragraph", "paragraph", "paragraph"]),
        (
            "date 2024-01-02\nIntro.\n\n“A quoted line,” he said\n\nBody.",
            ["paragraph", "subheading", "paragraph"],
        ),
        ("date 2024-01-02\nline one\nline two.\n\nBody.", ["paragraph", "paragraph"]),
    ],
)
def test_block_kinds(text: str, kinds: list[str]) -> None:
    assert [b.kind for b in parse(text).blocks] == kinds


def test_headline_first_line_becomes_title() -> None:
    seed = parse("date 2024-01-02\nGrain deal collapses\n\nThe deal ended on Monday.")
    assert seed.title == "Grain deal collapses"
    assert [b.text for b in seed.blocks] == ["The deal ended on Monday."]


def test_title_header_overrides() -> None:
    seed = parse("title My own headline\ndate 2024-01-02\nBody text here.")
    assert seed.title == "My own headline"
    assert not seed.title_derived
    assert seed.blocks[0].text == "Body text here."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Short one. Next.", "Short one"),
        ("The U.S. said so. Then more.", "The U.S. said so"),
        ("Dr. Smith arrived today. Later.", "Dr. Smith arrived today"),
    ],
)
def test_derive_title_first_sentence(sentence: str, expected: str) -> None:
    assert derive_title(sentence) == expected


def test_derive_title_never_cuts_words() -> None:
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu " * 5
    title = derive_title(words.strip() + ".")
    assert len(title) <= 100
    assert title.endswith("…")
    assert all(w in words.split() for w in title.rstrip("…").split())


def test_derive_title_prefers_clause_boundary() -> None:
    text = "A" + " word" * 12 + ", and then the sentence goes on and on" + " more" * 20 + "."
    title = derive_title(text)
    assert title == "A" + " word" * 12 + "…"


def test_first_sentence_keeps_closing_quote() -> None:
    assert first_sentence('He said "it works." Next one.') == 'He said "it works."'


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t\n  ", "\n\n"],
)
def test_empty_files_rejected(text: str) -> None:
    with pytest.raises(SeedError, match="is empty") as info:
        parse(text)
    assert info.value.path == "seeds/x.txt"


def test_missing_date() -> None:
    with pytest.raises(SeedError, match="has no date") as info:
        parse("Just an article.\n\nMore.")
    assert "date YYYY-MM-DD" in info.value.hint


def test_date_from_filename_when_no_header() -> None:
    seed = parse_seed("Just an article.", "seeds/2023-05-06-story.txt", today=TODAY)
    assert seed.date == date(2023, 5, 6)


@pytest.mark.parametrize("token", ["2022-13-45", "2022-02-30", "22-9-7", "2022/09/07"])
def test_impossible_date(token: str) -> None:
    with pytest.raises(SeedError, match="impossible or malformed date") as info:
        parse(f"date {token} Text.")
    assert info.value.line == 1
    assert token in info.value.reason


def test_future_date_warns() -> None:
    seed = parse("date 2030-01-01 Text.")
    assert len(seed.warnings) == 1
    assert "in the future" in str(seed.warnings[0])
    assert not parse("date 2026-11-27 Text.").warnings


def test_leading_whitespace_before_header() -> None:
    seed = parse("   \n  date 2022-09-07 As it began.")
    assert seed.date == date(2022, 9, 7)
    assert seed.blocks[0].text == "As it began."


def test_word_date_is_body_text() -> None:
    seed = parse_seed("date palms grow here.", "seeds/2020-01-01-a.txt", today=TODAY)
    assert seed.blocks[0].text == "date palms grow here."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xef\xbb\xbfdate 2022-01-01 A.", "date 2022-01-01 A."),
        (b"date 2022-01-01\r\nA.\r\n\r\nB.", "date 2022-01-01\nA.\n\nB."),
        (b"date 2022-01-01\rA.\r\rB.", "date 2022-01-01\nA.\n\nB."),
    ],
)
def test_decode_normalises(raw: bytes, expected: str) -> None:
    assert decode_seed(raw, "s.txt") == expected


def test_crlf_parses_like_lf() -> None:
    lf = parse(decode_seed(b"date 2022-01-01\nA one.\n\nHeading\n\nB two.", "x"))
    crlf = parse(decode_seed(b"date 2022-01-01\r\nA one.\r\n\r\nHeading\r\n\r\nB two.", "x"))
    assert lf.blocks == crlf.blocks


def test_non_utf8_reports_offset() -> None:
    with pytest.raises(SeedError, match=r"byte 0xff at byte offset 20") as info:
        decode_seed(b"date 2022-01-01\nabc \xff def", "seeds/bad.txt")
    assert info.value.line == 2
    assert "UTF-8" in info.value.hint


def test_nul_byte_rejected() -> None:
    with pytest.raises(SeedError, match="NUL byte"):
        decode_seed(b"date 2022-01-01\x00\x01\x02", "seeds/bin.txt")


def test_markup_is_kept_as_text() -> None:
    text = "date 2022-01-01 <script>alert(1)</script> *a* _b_ [1] & {{ x }}.\n\n# not a heading."
    seed = parse(text)
    assert seed.blocks[0].text == "<script>alert(1)</script> *a* _b_ [1] & {{ x }}."
    assert seed.blocks[1].text == "# not a heading."


def test_markdown_seed() -> None:
    text = "---\ntitle: A title\ndate: 2023-02-03\ntags: [a, b]\n---\nSome *body* text. More.\n"
    seed = parse_seed(text, "seeds/m.md", today=TODAY)
    assert seed.format == "markdown"
    assert seed.title == "A title"
    assert seed.tags == ("a", "b")
    assert seed.summary == "Some body text."
    assert seed.markdown.startswith("Some *body*")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter", "no YAML front matter"),
        ("---\ndate: [unclosed\n---\nx", "not valid YAML"),
        ("---\n- a\n---\nx", "must be a mapping"),
        ("---\ntitle: t\n---\nx", "has no date"),
        ("---\ndate: 2022-01-01\ntitle: [1]\n---\nx", "'title' must be text"),
        ("---\ndate: 2022-01-01\ntitle: 12\n---\nx", "'title' must be text, not a number"),
        ("---\ndate: 2022-01-01\n---\n  \n", "no article text"),
    ],
)
def test_markdown_seed_errors(text: str, message: str) -> None:
    with pytest.raises(SeedError, match=message):
        parse_seed(text, "seeds/m.md", today=TODAY)


def test_find_seed_files_ignores_non_seeds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    for name in ["b.txt", "a.md", "README", ".gitkeep", ".hidden.txt", "sub/c.txt", "notes.rst"]:
        (seeds / name).write_text("date 2022-01-01 x.")
    found = [p.relative_to(seeds).as_posix() for p in find_seed_files(seeds, tmp_path)]
    assert found == ["a.md", "b.txt", "sub/c.txt"]


def test_symlink_outside_repository_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("date 2022-01-01 x.")
    root = tmp_path / "repo"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "link.txt").symlink_to(outside)
    (root / "seeds" / "ok.txt").write_text("date 2022-01-01 x.")
    links = find_seed_files(root / "seeds", root)
    assert [p.name for p in links] == ["link.txt", "ok.txt"]
    with pytest.raises(SeedError, match="symlink points outside the repository"):
        read_seed(root / "seeds" / "link.txt", root)
    assert read_seed(root / "seeds" / "ok.txt", root).blocks[0].text == "x."


def test_symlink_loop_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").symlink_to(tmp_path / "seeds" / "b.txt")
    (tmp_path / "seeds" / "b.txt").symlink_to(tmp_path / "seeds" / "a.txt")
    for path in find_seed_files(tmp_path / "seeds", tmp_path):
        with pytest.raises(SeedError, match="broken or looping symlink"):
            read_seed(path, tmp_path)


def test_symlink_inside_repository_allowed(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "other.txt").write_text("date 2022-01-01 x.")
    (tmp_path / "seeds" / "link.txt").symlink_to(tmp_path / "other.txt")
    assert len(find_seed_files(tmp_path / "seeds", tmp_path)) == 1


def test_large_single_paragraph_is_linear() -> None:
    text = "date 2022-01-01 " + ("word " * 1_000_000) + "end."
    seed = parse(text)
    assert len(seed.blocks) == 1
    assert len(seed.title) <= 100


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Soldiers at the front. Credit: Reuters", "caption"),
        ("Soldiers at the front. Photo credit: Jane Doe/AFP", "caption"),
        ("Credit: AP", "caption"),
        ("The bank said it would extend more credit: about five billion dollars.", "paragraph"),
        ("Lenders tightened Credit: conditions worsened.", "paragraph"),
    ],
)
def test_caption_needs_a_credit_label_at_a_sentence_boundary(text: str, kind: str) -> None:
    seed = parse(f"date 2024-01-02\nIntro.\n\n{text}\n\nBody.")
    assert seed.blocks[1].kind == kind


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("date: 2022-13-45", "impossible value"),
        ("date: 2022-02-30", "impossible value"),
    ],
)
def test_markdown_seed_impossible_dates(front: str, message: str) -> None:
    with pytest.raises(SeedError, match=message) as info:
        parse_seed(f"---\n{front}\n---\nBody.\n", "seeds/m.md", today=TODAY)
    assert info.value.line == 2


def test_markdown_seed_datetime_is_its_date() -> None:
    seed = parse_seed("---\ndate: 2022-09-07 10:00:00\n---\nBody.\n", "seeds/m.md", today=TODAY)
    assert seed.date == date(2022, 9, 7)


def test_future_days_is_configurable() -> None:
    text = "date 2026-12-10 Text."
    assert parse_seed(text, "s.txt", today=TODAY, future_days=30).warnings == ()
    assert parse_seed(text, "s.txt", today=TODAY, future_days=7).warnings
