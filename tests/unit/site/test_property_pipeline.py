"""Property tests over generated seeds: the pipeline never crashes, loses or injects anything.

Each example goes through the real seed reader, the publisher (entities, footnotes) and
Python-Markdown with the site's extensions; the HTML is then read back with BeautifulSoup.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import markdown
import pytest
from briefings.content.seeds import parse_seed
from briefings.site.publisher import Publisher, PublisherOptions
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[3]
EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "toc"]

NAMES = ["North Korea", "Russia", "Vladimir Putin", "Putin", "RUSI", "Associated Press", "DPRK"]
WORD = st.one_of(
    st.sampled_from(
        [
            *NAMES,
            "Russian",
            "Iranian",
            "said",
            "according to",
            "the",
            "on Tuesday",
            "“quoted”",
            "'s",
            "’s",
            "<b>",
            "&",
            "*",
            "_",
            "[1]",
            "#",
            "{{",
            "}}",
            "`",
            "\\",
            "--",
            "Credit:",
        ]
    ),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=12,
    ),
)
SENTENCE = st.lists(WORD, min_size=1, max_size=14).map(lambda ws: " ".join(ws) + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
HEADING = st.lists(
    st.sampled_from(["War", "in", "North Korea", "supply", "lines"]), min_size=1, max_size=5
).map(" ".join)
BLOCK = st.one_of(PARAGRAPH, PARAGRAPH, HEADING, PARAGRAPH.map(lambda p: p + " Credit: AP"))


@pytest.fixture(scope="module")
def publisher() -> Publisher:
    options = PublisherOptions(
        root=ROOT,
        seeds_dir=ROOT / "seeds",
        glossary_dir=ROOT / "glossary",
        sources_file=ROOT / "sources.yml",
    )
    pub = Publisher(options)
    report = pub.load()
    assert not report.errors
    return pub


def render(publisher: Publisher, text: str) -> tuple[list[str], BeautifulSoup]:
    seed = parse_seed(text, "seeds/p.txt", today=date(2026, 1, 1))
    publisher.use_seeds([seed])
    pages, _ = publisher.render_pages(lambda uri: uri.removesuffix(".md") + "/")
    (briefing,) = publisher.briefings
    html = publisher.restore_html(
        briefing.url,
        markdown.markdown(pages[briefing.src_uri].split("---", 2)[2], extensions=EXTENSIONS),
    )
    texts = [seed.title] if not seed.title_derived else []
    for block in seed.blocks:
        texts.append(
            f"{block.text} {block.credit_label} {block.credit}"
            if block.kind == "caption"
            else block.text
        )
    return texts, BeautifulSoup(html, "html.parser")


def norm(text: str) -> str:
    return " ".join(text.split())


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(BLOCK, min_size=1, max_size=6))
def test_text_preserved_and_nothing_injected(publisher: Publisher, blocks: list[str]) -> None:
    text = "date 2022-09-07 " + "\n\n".join(blocks)
    try:
        texts, soup = render(publisher, text)
    except Exception as exc:  # a SeedError is a fine outcome for e.g. all-blank input
        from briefings.common.errors import SeedError

        assert isinstance(exc, SeedError)
        return
    for junk in soup.select(
        "sup[id^=fnref], div.footnote, aside.briefing-entities, p.briefing-meta, a.headerlink"
    ):
        junk.decompose()
    page = norm(soup.get_text())
    position = 0
    for expected in texts:
        wanted = norm(expected)
        found = page.find(wanted, position)
        assert found >= 0, (wanted, page)
        position = found + len(wanted)
    assert (
        soup.find(
            ["script", "img", "iframe", "em", "strong", "code", "ul", "ol", "table", "blockquote"]
        )
        is None
    )
    for tag in soup.find_all(True):
        assert not any(a.lower().startswith("on") for a in tag.attrs)
        assert not str(tag.get("href", "")).strip().lower().startswith("javascript:")
    for mention in soup.select(".entity"):
        assert mention["class"][1] == f"entity--{mention['data-entity-type']}"
