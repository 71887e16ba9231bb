"""Discovery's cost per article (issue 15): ``python -m benchmarks.discovery``.

Times :meth:`EntityDiscoverer.discover` alone, once the gazetteers are loaded, on the
evaluation articles (``tests/eval/round2`` and ``round3``: real density, written by helpers),
with the shipped glossary's names known, as a build does. Each article is discovered
``--repeat`` times and its fastest run is kept, so other work on the machine counts as little
as it can. Reports milliseconds per article and per 700 words (the budget of issue 15 is 5 ms
per 700-word article), and the slowest articles.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

from briefings.content.seeds import find_seed_files, read_seed
from briefings.entities.discovery import EntityDiscoverer, load_gazetteers
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
    parser.add_argument("--repeat", type=int, default=5, help="runs per article (fastest kept)")
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
    best: list[tuple[float, str, int]] = []
    gc.disable()  # a collection landing in one article's run is not that article's cost
    try:
        for name, texts, words in articles:
            runs = []
            for _ in range(args.repeat):
                begin = time.perf_counter()
                discoverer.discover(texts)
                runs.append(time.perf_counter() - begin)
                gc.collect()
            best.append((min(runs) * 1000, name, words))
    finally:
        gc.enable()
    total_ms = sum(ms for ms, _n, _w in best)
    total_words = sum(words for _ms, _n, words in best)
    per_700 = total_ms / total_words * WORDS
    print(f"gazetteers loaded in {loaded:.2f} s; discoverer built in {built * 1000:.0f} ms")
    print(
        f"{len(best)} articles, {total_words / len(best):.0f} words on average, "
        f"{len(known)} glossary names known; fastest of {args.repeat} runs each"
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
