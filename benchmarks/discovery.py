"""Discovery's cost per article (issue 15): ``python -m benchmarks.discovery``.

Times :meth:`EntityDiscoverer.discover` alone, once the gazetteers are loaded, on the
evaluation articles (``tests/eval/round2`` and ``round3``: real density, written by helpers),
with the shipped glossary's names known, as a build does: ``--repeat`` passes over all the
articles, one after another, and the fastest pass counts, so that other work on the machine
counts as little as it can. Reports milliseconds per article and per 700 words (the budget
of issue 15 is 5 ms per 700-word article), and the slowest articles.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from briefings.content.seeds import find_seed_files, read_seed
from briefings.entities.discovery import RUNS, EntityDiscoverer, load_gazetteers
from briefings.entities.glossary_files import load_glossary
from briefings.site.loading import find_glossary_files
from briefings.site.rendering import discovery_texts

ROOT = Path(__file__).resolve().parents[1]
EVAL_FOLDERS = (ROOT / "tests" / "eval" / "round2", ROOT / "tests" / "eval" / "round3")
BUDGET_MS = 5.0  # per 700-word article (issue 15)
WORDS = 700


def _articles(folders: list[Path]) -> list[tuple[str, list[str], int]]:
    """Return (name, discovery texts, words) of every article under ``folders``."""
    articles = []
    for folder in folders:
        for path in find_seed_files(folder, ROOT):
            if path.name == "README.md":
                continue
            seed = read_seed(path, ROOT)
            texts = discovery_texts(seed)
            articles.append((path.stem, texts, sum(len(t.split()) for t in texts)))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(EVAL_FOLDERS))
    parser.add_argument("--repeat", type=int, default=5, help="passes (the fastest counts)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    gazetteers = load_gazetteers()
    loaded = time.perf_counter() - start
    glossary, _warnings = load_glossary(find_glossary_files(ROOT / "glossary"), root=ROOT)
    known = [surface for entry in glossary for surface in (entry.name, *entry.aliases)]
    start = time.perf_counter()
    discoverer = EntityDiscoverer(known, gazetteers=gazetteers)
    built = time.perf_counter() - start
    articles = _articles(args.folders)
    if not articles:
        print("no articles found", file=sys.stderr)
        return 1
    for _name, texts, _words in articles:  # warm-up: caches, first-call costs
        discoverer.discover(texts)
    # As a build runs discovery: one article after another, the garbage collector on. The
    # fastest of the passes counts, so that other work on the machine counts as little as
    # it can; each article's fastest run names the slowest articles.
    passes: list[float] = []
    fastest = [float("inf")] * len(articles)
    for _ in range(args.repeat):
        begin = time.perf_counter()
        for index, (_name, texts, _words) in enumerate(articles):
            started = time.perf_counter()
            discoverer.discover(texts)
            fastest[index] = min(fastest[index], time.perf_counter() - started)
        passes.append(time.perf_counter() - begin)
    best = [
        (ms * 1000, name, words) for ms, (name, _t, words) in zip(fastest, articles, strict=True)
    ]
    total_ms = min(passes) * 1000
    total_words = sum(words for _name, _texts, words in articles)
    per_700 = total_ms / total_words * WORDS
    print(f"discovery modules: {RUNS}")
    print(f"gazetteers loaded in {loaded:.2f} s; discoverer built in {built * 1000:.0f} ms")
    print(
        f"{len(best)} articles, {total_words / len(best):.0f} words on average, "
        f"{len(known)} glossary names known; fastest of {args.repeat} passes"
    )
    print(
        f"per article: mean {total_ms / len(best):.2f} ms, "
        f"median {statistics.median(ms for ms, _n, _w in best):.2f} ms, "
        f"max {max(best)[0]:.2f} ms"
    )
    verdict = "met" if per_700 <= BUDGET_MS else "missed"
    print(f"per {WORDS} words: {per_700:.2f} ms (budget {BUDGET_MS:.0f} ms: {verdict})")
    print("slowest per word:")
    for ms, name, words in sorted(best, key=lambda b: -b[0] / b[2])[:5]:
        print(f"  {name}: {ms:.2f} ms, {words} words, {ms / words * WORDS:.2f} ms per {WORDS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
