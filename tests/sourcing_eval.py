"""Score source footnotes against hand-marked gold: ``python tests/sourcing_eval.py DIR...``.

Each article ``<slug>.txt`` in a folder has a ``<slug>.sources.yml`` (format in
``tests/eval/round2/README.md``): one item per attributed sentence and source, with a
quote from the sentence and the canonical source. The articles are published by the real
:class:`~briefings.site.publisher.Publisher` with this repository's glossary and sources
(discovery on, no cache), and the footnotes a reader sees are compared with the gold:

- **recall**: gold attributions whose sentence carries a footnote for them;
- **precision**: footnote markers that sit on a sentence with a gold attribution;
- **canonical**: attributions footnoted with the right canonical source name;
- **merged**: pairs of attributions to one source that share one footnote;
- **split errors**: pairs of attributions to different sources that share a footnote.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

import markdown
import yaml
from briefings.common.names import source_key
from briefings.content.sentences import split_sentences
from briefings.site.publisher import Publisher, PublisherOptions
from briefings.sourcing.attribution.text import in_quotes, quoted_spans
from bs4 import BeautifulSoup, NavigableString, Tag

ROOT = Path(__file__).resolve().parents[1]
EXTENSIONS = ["footnotes", "attr_list", "toc", "md_in_html"]


@dataclass(frozen=True)
class Footnoted:
    """A footnote marker as a reader sees it: the sentence it ends, its footnote."""

    paragraph: int
    sentence: int
    label: str
    source_id: str
    text: str  # the footnote's text


@dataclass(frozen=True)
class GoldItem:
    """One gold attribution: the sentence holding ``quote`` cites ``source``."""

    paragraph: int
    sentence: int
    source: str
    kind: str
    aliases: tuple[str, ...]


@dataclass
class Scores:
    """Counts summed over articles; the ratios are the figures the issue sets targets on."""

    gold: int = 0
    found: int = 0
    markers: int = 0
    on_gold: int = 0
    canonical: int = 0
    pairs: int = 0
    merged: int = 0
    split_errors: int = 0
    misses: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        """Return recall, precision, canonical and merged as fractions."""
        return {
            "recall": self.found / self.gold if self.gold else 1.0,
            "precision": self.on_gold / self.markers if self.markers else 1.0,
            "canonical": self.canonical / self.gold if self.gold else 1.0,
            "merged": self.merged / self.pairs if self.pairs else 1.0,
        }


def publish(folder: Path, tmp: Path) -> dict[str, BeautifulSoup]:
    """Return the rendered body of every article in ``folder`` by slug."""
    options = PublisherOptions(
        root=ROOT,
        seeds_dir=folder,
        glossary_dir=ROOT / "glossary",
        sources_file=ROOT / "sources.yml",
        today=date(2030, 1, 1),
        cache_dir=None,
        parallel=False,
    )
    publisher = Publisher(options)
    report = publisher.load()
    assert not report.errors, report.errors
    pages, _ = publisher.render_pages(lambda uri: uri.removesuffix(".md") + "/")
    out = {}
    for briefing in publisher.briefings:
        body = pages[briefing.src_uri].split("---", 2)[2]
        html = publisher.restore_html(briefing.url, markdown.markdown(body, extensions=EXTENSIONS))
        out[Path(briefing.seed.path).stem] = BeautifulSoup(html, "html.parser")
    return out


def _paragraphs(soup: BeautifulSoup) -> list[Tag]:
    return [p for p in soup.find_all("p") if not p.find_parent(class_="footnote")]


def _text_and_markers(paragraph: Tag) -> tuple[str, list[tuple[int, Tag]]]:
    """Return a paragraph's text without markers, and each marker's offset in it."""
    parts: list[str] = []
    markers: list[tuple[int, Tag]] = []
    for node in paragraph.descendants:
        if isinstance(node, Tag) and node.name == "sup" and node.select_one("a.footnote-ref"):
            markers.append((len("".join(parts)), node))
        elif isinstance(node, NavigableString) and not node.find_parent("sup"):
            parts.append(str(node))
    return "".join(parts), markers


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the sentences of a paragraph as the gold counts them: a quotation with a full
    stop inside ('"The cells are fine. The software failed," she said.') is one sentence
    with its attribution, not two."""
    quotes = quoted_spans(text)
    spans: list[tuple[int, int]] = []
    for start, end in split_sentences(text):
        if spans and in_quotes(quotes, start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _sentence_at(text: str, offset: int) -> int:
    """Return the index of the sentence a marker at ``offset`` ends."""
    spans = sentence_spans(text)
    for index, (start, end) in enumerate(spans):
        if start < offset <= end + 3:
            return index
    return len(spans) - 1


def read_page(soup: BeautifulSoup) -> tuple[list[str], list[Footnoted]]:
    """Return the paragraphs' texts and the footnote markers of a rendered briefing."""
    for backref in soup.select("div.footnote a.footnote-backref"):
        backref.decompose()
    notes = {
        str(li["id"]).removeprefix("fn:"): " ".join(li.get_text(" ").split())
        for li in soup.select("div.footnote li[id]")
    }
    texts: list[str] = []
    found: list[Footnoted] = []
    for index, paragraph in enumerate(_paragraphs(soup)):
        text, markers = _text_and_markers(paragraph)
        texts.append(text)
        for offset, sup in markers:
            link = sup.select_one("a.footnote-ref")
            assert link is not None
            label = str(link["href"]).removeprefix("#fn:")
            found.append(
                Footnoted(
                    index,
                    _sentence_at(text, offset),
                    label,
                    str(link.get("data-source", "")),
                    notes.get(label, ""),
                )
            )
    return texts, found


def read_gold(path: Path, texts: list[str]) -> list[GoldItem]:
    """Return the gold attributions of one article, located in its paragraphs."""
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    gold = []
    for item in items:
        quote = " ".join(str(item["quote"]).split())
        where = [(i, t.find(quote)) for i, t in enumerate(texts) if quote in t]
        assert len(where) == 1, f"{path.name}: quote {quote!r} found {len(where)} times"
        paragraph, offset = where[0]
        spans = sentence_spans(texts[paragraph])
        sentence = next(i for i, (s, e) in enumerate(spans) if s <= offset < e)
        gold.append(
            GoldItem(
                paragraph,
                sentence,
                str(item["source"]),
                str(item["kind"]),
                tuple(str(a) for a in item.get("aliases") or ()),
            )
        )
    return gold


def _names_match(note: str, item: GoldItem) -> bool:
    """Return whether a footnote's text names the gold source (its first part, before the
    kind in parentheses and the dates)."""
    head = note.split(" — ")[0]
    named = head.split(" (")[0].strip()
    whole = head.rsplit(" (", 1)[0].strip()  # a name with a parenthesis: "Tarn (Pvt) Ltd"
    if whole != named and item.kind != "anonymous":
        names = {source_key(n) for n in (item.source, *item.aliases)}
        if source_key(whole) in names:
            return True
    if item.kind == "anonymous":
        named = named.removeprefix("Anonymous sources:").removeprefix("Anonymous").strip()
        return source_key(named) == source_key(item.source) or (
            bool(named) and source_key(item.source).split()[-1] in source_key(named)
        )
    return source_key(named) in {source_key(n) for n in (item.source, *item.aliases)}


def score_article(soup: BeautifulSoup, gold_path: Path, scores: Scores) -> None:
    """Add one article's counts to ``scores``."""
    texts, found = read_page(soup)
    gold = read_gold(gold_path, texts)
    by_sentence: dict[tuple[int, int], list[Footnoted]] = {}
    for marker in found:
        by_sentence.setdefault((marker.paragraph, marker.sentence), []).append(marker)
    gold_sentences = {(g.paragraph, g.sentence) for g in gold}
    scores.markers += len(found)
    scores.on_gold += sum((f.paragraph, f.sentence) in gold_sentences for f in found)
    for marker in found:
        if (marker.paragraph, marker.sentence) not in gold_sentences:
            shown = marker.text.split(" — ")[0]
            scores.misses.append(f"{gold_path.stem}: extra footnote {shown!r} ¶{marker.paragraph}")
    label_of: dict[int, str] = {}
    for index, item in enumerate(gold):
        scores.gold += 1
        markers = by_sentence.get((item.paragraph, item.sentence), [])
        same = [g for g in gold if (g.paragraph, g.sentence) == (item.paragraph, item.sentence)]
        if len(markers) >= len({g.source for g in same}) or (markers and len(same) == 1):
            scores.found += 1
        else:
            scores.misses.append(f"{gold_path.stem}: missed {item.source!r} ¶{item.paragraph}")
            continue
        named = [m for m in markers if _names_match(m.text, item)]
        if named:
            scores.canonical += 1
            label_of[index] = named[0].label
        else:
            shown = "; ".join(m.text.split(" — ")[0] for m in markers)
            scores.misses.append(f"{gold_path.stem}: {item.source!r} footnoted as {shown!r}")
            if len(markers) == 1:
                label_of[index] = markers[0].label
    for (i, a), (j, b) in combinations(enumerate(gold), 2):
        if a.source == b.source:
            scores.pairs += 1
            if i in label_of and label_of.get(i) == label_of.get(j):
                scores.merged += 1
            else:
                scores.misses.append(f"{gold_path.stem}: {a.source!r} not merged (¶{b.paragraph})")
        elif i in label_of and label_of.get(i) == label_of.get(j):
            scores.split_errors += 1
            scores.misses.append(f"{gold_path.stem}: {a.source!r} and {b.source!r} share a note")


def score(folders: Iterable[Path], tmp: Path) -> Scores:
    """Return the scores of every article with gold in ``folders``."""
    scores = Scores()
    for folder in folders:
        for slug, soup in sorted(publish(folder, tmp).items()):
            gold_path = folder / f"{slug}.sources.yml"
            if gold_path.exists():
                score_article(soup, gold_path, scores)
    return scores


def main(argv: list[str]) -> int:
    """Print the scores of the folders named in ``argv``."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        scores = score([Path(a) for a in argv], Path(tmp))
    for name, value in scores.ratios().items():
        print(f"{name:10} {value:.3f}")
    print(f"split errors {scores.split_errors}; gold {scores.gold}; markers {scores.markers}")
    for miss in scores.misses:
        print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
