"""Text escaping and the plain-text renderer: seed text survives Markdown untouched."""

from __future__ import annotations

import html as htmllib
import string

import markdown
import pytest
from briefings.common.text import count_words, escape_markdown, slugify
from briefings.common.urls import relative_url
from briefings.site.footnote_html import FootnoteHtml, _letter, add_source_attributes
from briefings.site.render import (
    EntityTarget,
    LinkPolicy,
    Marker,
    Span,
    annotate_text,
    entities_box_html,
    without_marks,
)
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

EXTENSIONS = [
    "footnotes",
    "attr_list",
    "toc",
    "md_in_html",
    "tables",
    "smarty",
    "admonition",
    "def_list",
    "abbr",
    "pymdownx.emoji",
    "pymdownx.mark",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.magiclink",
    "pymdownx.critic",
    "pymdownx.arithmatex",
    "pymdownx.smartsymbols",
]
TARGET = EntityTarget("north-korea", "place", "North Korea", "../g/#north-korea")


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def text_of(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[link](javascript:alert(1)) ![img](x.png)",
        "*emphasis* _under_ **strong** `code` ~~del~~ ==mark== ^^ins^^",
        "# heading-like",
        "1. list-like",
        "- bullet-like",
        "> quote-like",
        "&amp; &lt; &#42; & plain",
        "{{ jinja }} {% tag %} {: .attr }",
        ":smile: $x$ @user https://example.com/a_b?c=1&d=2",
        "“curly” ‘quotes’ \"straight\" 'single' -- --- ...",
        "[^1] [1] [a]: b",
        "| a | b |",
        "!!! note",
        "{++ins++} {--del--}",
        "back\\slash \\* escaped",
        "1/2 3/4 (c) (tm) (r) +/- --> <-- <--> =/= c/o 1st 2nd",
        ". leading dot",
        ": leading colon",
        "-- leading dashes",
        "--- alone",
        "1) paren list",
        "Wait... what?! 12:30, U.S.-led, re-energise, e.g. x: y",
        "* * *",
        "+ plus",
    ],
)
def test_escape_markdown_is_literal(text: str) -> None:
    html = to_html(escape_markdown(text))
    assert text_of(html) == text
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_escape_markdown_property(text: str) -> None:
    text = " ".join(text.split())
    if not text:
        return
    html = to_html(escape_markdown(text))
    assert " ".join(text_of(html).split()) == text
    assert {t.name for t in BeautifulSoup(html, "html.parser").find_all(True)} <= {"p"}


def always(_: str) -> bool:
    return True


def test_annotate_text_contract() -> None:
    text = "North Korea's envoy <met> *them*."
    out = annotate_text(
        text,
        [Span(0, 11, "north-korea")],
        [Marker(len(text), "src-ap")],
        {"north-korea": TARGET},
        always,
    )
    html = to_html(out + "\n\n[^src-ap]: AP")
    soup = BeautifulSoup(html, "html.parser")
    mention = soup.select_one("a.entity")
    assert mention is not None
    assert mention["class"] == ["entity", "entity--place"]
    assert mention["data-entity"] == "north-korea"
    assert mention["data-entity-type"] == "place"
    assert mention.get("title") is None  # the card script shows the description
    assert mention["href"] == "../g/#north-korea"
    assert mention.get_text() == "North Korea"
    paragraph = soup.p
    assert paragraph is not None
    sup = paragraph.select_one("sup")
    assert sup is not None
    sup.decompose()
    assert paragraph.get_text() == text


def test_marker_inside_mention_moves_after_it() -> None:
    out = annotate_text("Say Korea", [Span(4, 9, "k")], [Marker(6, "n")], {"k": TARGET}, always)
    assert out.endswith("</a>[^n]")


def test_unknown_target_left_plain() -> None:
    assert annotate_text("Iran", [Span(0, 4, "iran")], [], {}, always) == "Iran"


def test_link_policy_first_per_section() -> None:
    policy = LinkPolicy("first")
    assert [policy("a"), policy("a"), policy("b")] == [True, False, True]
    policy.new_section()
    assert policy("a")
    every = LinkPolicy("all")
    assert every("a") and every("a")


def test_unlinked_mentions_are_spans() -> None:
    policy = LinkPolicy("first")
    spans = [Span(0, 5, "k"), Span(10, 15, "k")]
    out = annotate_text("Korea and Korea", spans, [], {"k": TARGET}, policy)
    soup = BeautifulSoup(to_html(out), "html.parser")
    assert [t.name for t in soup.select(".entity")] == ["a", "span"]
    assert soup.select_one("span.entity")["data-entity"] == "north-korea"


def test_entities_box_groups_by_type() -> None:
    targets = {
        "b": EntityTarget("b", "person", "Bob", "#b"),
        "a": EntityTarget("a", "person", "Alice", "#a"),
        "p": EntityTarget("p", "place", "Paris <x>", "#p"),
    }
    html = entities_box_html({"b": 1, "a": 2, "p": 1}, targets)
    soup = BeautifulSoup(html, "html.parser")
    groups = soup.select(".briefing-entities__group")
    assert [g["data-entity-type"] for g in groups] == ["person", "place"]
    assert [a.get_text() for a in groups[0].select("a")] == ["Alice", "Bob"]
    assert groups[1].a.get_text() == "Paris <x>"
    assert entities_box_html({}, targets) == ""


def test_add_source_attributes() -> None:
    html = to_html("A.[^src-ap] B.[^src-ap] C.[^own]\n\n[^src-ap]: AP\n[^own]: mine")
    out = add_source_attributes(html, {"src-ap": "associated-press"})
    soup = BeautifulSoup(out, "html.parser")
    refs = soup.select("sup > a.footnote-ref")
    assert [r.get("data-source") for r in refs] == ["associated-press", "associated-press", None]
    assert soup.select_one("sup[id='fnref2:src-ap']")["data-source"] == "associated-press"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Russia buys North Korean rockets", "russia-buys-north-korean-rockets"),
        ("Café crème — “quoted”", "cafe-creme-quoted"),
        ("!!!", ""),
        ("a" * 70, "a" * 60),
        ("word " * 20, "word-word-word-word-word-word-word-word-word-word-word-word"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert len(slugify(text)) <= 60


def test_count_words() -> None:
    assert count_words("North Korea’s well-known envoy, 3 times.") == 6


@pytest.mark.parametrize(
    ("target", "base", "expected"),
    [
        ("glossary/#x", "briefings/a/", "../../glossary/#x"),
        ("glossary.html#x", "briefings/a.html", "../glossary.html#x"),
        ("", "briefings/a/", "../../"),
        ("briefings/a/", "", "briefings/a/"),
        ("briefings/a/", "archive/2022/09/", "../../../briefings/a/"),
        ("glossary/", "glossary/", "./"),
    ],
)
def test_relative_url(target: str, base: str, expected: str) -> None:
    assert relative_url(target, base) == expected


def test_every_ascii_punctuation_is_safe() -> None:
    text = string.punctuation
    assert htmllib.unescape(escape_markdown(text)) == text
    assert text_of(to_html(escape_markdown(text))) == text


def test_footnote_html_is_python_markdowns_markup() -> None:
    """Single-use footnotes are written exactly as the footnotes extension writes them."""
    notes = FootnoteHtml({"src-ap": "ap", "src-rusi": "rusi"})
    body = f"<p>A.{notes.reference('src-ap')} B.{notes.reference('src-rusi')}</p>"
    ours = body + "\n" + notes.definitions({"src-ap": "AP", "src-rusi": "RUSI"})
    theirs = add_source_attributes(
        to_html("A.[^src-ap] B.[^src-rusi]\n\n[^src-ap]: AP\n[^src-rusi]: RUSI"),
        {"src-ap": "ap", "src-rusi": "rusi"},
    )
    assert ours == theirs


def test_a_source_cited_three_times_gets_lettered_back_references() -> None:
    notes = FootnoteHtml({"src-ap": "ap"})
    refs = [notes.reference("src-ap") for _ in range(3)]
    assert [BeautifulSoup(r, "html.parser").sup["id"] for r in refs] == [  # type: ignore[index]
        "fnref:src-ap",
        "fnref2:src-ap",
        "fnref3:src-ap",
    ]
    soup = BeautifulSoup(notes.definitions({"src-ap": "AP"}), "html.parser")
    backs = soup.select("li#fn\\:src-ap a.footnote-backref")
    assert [a["href"] for a in backs] == ["#fnref:src-ap", "#fnref2:src-ap", "#fnref3:src-ap"]
    assert [a.sup.get_text() for a in backs if a.sup] == ["a", "b", "c"]
    assert len({a["title"] for a in backs}) == 3
    assert backs[1]["title"] == "Jump back to citation b of footnote 1 in the text"


def test_citation_letters_go_on_after_z() -> None:
    assert [_letter(n) for n in (1, 2, 26, 27, 28, 52, 53)] == [
        "a",
        "b",
        "z",
        "aa",
        "ab",
        "az",
        "ba",
    ]


def test_search_gets_a_page_whose_marks_are_text() -> None:
    marked = (
        '<p>Talks in <a class="entity entity--place" data-entity="kralovo" '
        'data-entity-type="place" data-reviewed="true" href="../kralovo/">Kralovo</a> and '
        '<span class="entity entity--person entity--unreviewed" data-entity="ilse-marren" '
        'data-entity-type="person" data-reviewed="false">Ilse Marren</span> ended.'
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
    )
    assert without_marks(marked) == (
        "<p>Talks in Kralovo and Ilse Marren ended."
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
    )
    assert without_marks("<p>No marks, <a href='x'>a link</a>.</p>") == (
        "<p>No marks, <a href='x'>a link</a>.</p>"
    )
