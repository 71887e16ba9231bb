"""The briefing renderer works from analysed data alone: hand-made data, exact markup."""

from __future__ import annotations

from datetime import date

from briefings.content.seeds import parse_seed
from briefings.site.briefing_html import render_text_seed
from briefings.site.model import AnalysedBlock, AnalysedSeed, EntityTarget, Marker, Span
from briefings.site.render import Stash
from briefings.sourcing.model import Footnote, ResolvedDate
from bs4 import BeautifulSoup

TEXT = "Kyiv <b>said</b> on Tuesday that *Wagner* had left."
SEED = parse_seed(f"date 2022-09-07\n\n{TEXT}\n", "seeds/x.txt")
TUESDAY = date(2022, 9, 6)


def analysed(spans: tuple[Span, ...], markers: tuple[Marker, ...]) -> AnalysedSeed:
    note = Footnote(
        "src-kyiv",
        "kyiv",
        "Kyiv",
        "government",
        "",
        "",
        (ResolvedDate(TUESDAY, TUESDAY, "day", "on Tuesday"),),
        False,
        True,
    )
    return AnalysedSeed(
        (AnalysedBlock("paragraph", TEXT, spans, markers),),
        (note,) if markers else (),
        {"src-kyiv": 1} if markers else {},
        {"kyiv": 1},
        {"kyiv": TEXT},
        {"wagner": 1},
        {"wagner": TEXT},
        1 if markers else 0,
        1,
        (),
        (),
    )


TARGETS = {
    "kyiv": EntityTarget("kyiv", "place", "Kyiv", "../../glossary/#kyiv"),
    "wagner": EntityTarget("wagner", "organization", "Wagner", "../#wagner", reviewed=False),
}


def page_html(data: AnalysedSeed) -> BeautifulSoup:
    rendered = render_text_seed(SEED, data, TARGETS, "first")
    stash = Stash(rendered.fragments)
    return BeautifulSoup(stash.restore(rendered.markdown), "html.parser")


def test_marks_and_footnotes_come_from_the_data() -> None:
    wagner = TEXT.index("Wagner")
    soup = page_html(
        analysed(
            (Span(0, 4, "kyiv"), Span(wagner, wagner + 6, "wagner")),
            (Marker(len(TEXT), "src-kyiv"),),
        )
    )
    marks = soup.select("[data-entity]")
    assert [(m["data-entity"], m.get_text()) for m in marks[-2:]] == [
        ("kyiv", "Kyiv"),
        ("wagner", "Wagner"),
    ]
    assert marks[-1]["class"] == ["entity", "entity--organization", "entity--unreviewed"]
    ref = soup.select_one("sup#fnref\\:src-kyiv > a.footnote-ref")
    assert ref is not None and ref["data-source"] == "kyiv" and ref["href"] == "#fn:src-kyiv"
    note = soup.select_one("div.footnote li#fn\\:src-kyiv")
    assert note is not None and "Kyiv (government)" in note.get_text()
    assert "6 September 2022" in note.get_text()


def test_seed_text_stays_text_whatever_the_data_marks() -> None:
    soup = page_html(analysed((), ()))
    paragraph = soup.find("p", string=lambda s: s is not None and "Tuesday" in s)
    assert paragraph is not None and paragraph.get_text() == TEXT
    assert soup.find("b") is None and soup.find("em") is None
    assert soup.select(".footnote") == []
