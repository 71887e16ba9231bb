"""Write a benchmark corpus as two MkDocs sites: with the plugin, and plain Markdown.

The plugin site has the articles as seeds in ``seeds/``, the glossary in
``glossary/<type>.yml`` and a ``sources.yml``; the plain site has one Markdown page per
article in ``docs/briefings/`` and the plugin disabled. Both configs ``INHERIT`` the
project's ``mkdocs.yml`` (theme, features, Markdown extensions), have a small nav and build
non-strict.

Command line: ``python -m benchmarks.sites --articles 100 --glossary 500 --out DIR``
(``--density low`` for the low-density corpus of issue 9).
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from benchmarks.corpus import (
    DEFAULT_SEED,
    DENSITIES,
    Article,
    Corpus,
    Entity,
    Source,
    corpus_stats,
    make_corpus,
)

PROJECT_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
"""The project's MkDocs configuration, inherited (theme, extensions) by both sites."""


def seed_text(article: Article) -> str:
    """Return ``article`` in the seed format: ``date`` line with the lede, blank-line blocks."""
    parts: list[str] = []
    for block in article.blocks:
        if block.kind == "caption":
            parts.append(f"{block.text} Credit: {block.credit}")
        else:
            parts.append(block.text)
    return f"date {article.date.isoformat()} " + "\n\n".join(parts) + "\n"


def markdown_page(article: Article) -> str:
    """Return ``article`` as a plain Markdown page: a title, then each block as text."""
    parts = [f"# {article.headline}"]
    for block in article.blocks:
        if block.kind == "subheading":
            parts.append(f"## {block.text}")
        elif block.kind == "caption":
            parts.append(f"{block.text} Credit: {block.credit}")
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


def _dump_yaml(data: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


def glossary_files(entities: Iterable[Entity]) -> dict[str, str]:
    """Return the glossary as YAML text by file name, one file per entity type."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for entity in entities:
        by_type.setdefault(entity.type, []).append(
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "description": entity.description,
            }
        )
    return {f"{kind}.yml": _dump_yaml(items) for kind, items in sorted(by_type.items())}


def sources_file(sources: Iterable[Source]) -> str:
    """Return the sources registry as YAML text."""
    return _dump_yaml(
        [
            {
                "id": s.id,
                "name": s.name,
                "aliases": list(s.aliases),
                "kind": s.kind,
                "url": s.url,
                "description": s.description,
            }
            for s in sources
        ]
    )


def _config(base_config: Path, nav: Sequence[tuple[str, str]], plugin_options: str) -> str:
    nav_lines = "\n".join(f"  - {title}: {uri}" for title, uri in nav)
    return (
        "# Written by benchmarks/sites.py: the project's theme and Markdown extensions,\n"
        "# a small nav (Material renders the nav into every page) and a non-strict build\n"
        "# (a small corpus cannot mention every entry of a large glossary).\n"
        f"INHERIT: {base_config.resolve().as_posix()}\n"
        "docs_dir: docs\n"
        "strict: false\n"
        f"nav:\n{nav_lines}\n"
        "plugins:\n"
        "  - search\n"
        f"  - briefings:\n{plugin_options}"
    )


_ABOUT = "# About\n\nA synthetic site written by the briefings build benchmark.\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_plugin_site(corpus: Corpus, root: Path, base_config: Path = PROJECT_CONFIG) -> Path:
    """Write a site whose briefings come from seeds through the plugin; return its config path."""
    for article in corpus.articles:
        text = seed_text(article)
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
        _write(root / "seeds" / f"{article.number:05d}_{digest}.txt", text)
    for name, text in glossary_files(corpus.entities).items():
        _write(root / "glossary" / name, text)
    _write(root / "sources.yml", sources_file(corpus.sources))
    _write(root / "docs" / "about.md", _ABOUT)
    nav = (
        ("Home", "index.md"),
        ("Archive", "archive/index.md"),
        ("Glossary", "glossary.md"),
        ("Sources", "sources.md"),
        ("About", "about.md"),
    )
    options = (
        "      enabled: true\n"
        "      seeds_dir: seeds\n"
        "      glossary_dir: glossary\n"
        "      sources_file: sources.yml\n"
    )
    config = root / "mkdocs.yml"
    _write(config, _config(base_config, nav, options))
    return config


def plain_page_uri(article: Article) -> str:
    """Return the docs-relative path of ``article``'s page in the plain site."""
    return f"briefings/{article.date.isoformat()}-{article.number:05d}.md"


def write_plain_site(corpus: Corpus, root: Path, base_config: Path = PROJECT_CONFIG) -> Path:
    """Write the same articles as plain Markdown pages, plugin disabled; return the config path."""
    for article in corpus.articles:
        _write(root / "docs" / plain_page_uri(article), markdown_page(article))
    _write(root / "docs" / "index.md", "# Briefings\n\nThe newest briefings, in plain Markdown.\n")
    _write(root / "docs" / "about.md", _ABOUT)
    config = root / "mkdocs.yml"
    _write(config, _config(base_config, (("Home", "index.md"), ("About", "about.md")), ""))
    config.write_text(config.read_text(encoding="utf-8") + "      enabled: false\n", "utf-8")
    return config


def main(argv: Sequence[str] | None = None) -> int:
    """Write a plugin site and a plain site under ``--out``; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=100, help="number of articles (N)")
    parser.add_argument("--glossary", type=int, default=500, help="glossary entries (G)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--density", choices=DENSITIES, default=DENSITIES[0], help="kind of corpus (realistic)"
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write (new)")
    parser.add_argument("--base-config", type=Path, default=PROJECT_CONFIG)
    args = parser.parse_args(argv)
    corpus = make_corpus(args.articles, args.glossary, args.seed, args.density)
    plugin = write_plugin_site(corpus, args.out / "plugin", args.base_config)
    plain = write_plain_site(corpus, args.out / "plain", args.base_config)
    print(f"plugin site: {plugin}\nplain site:  {plain}\n{corpus_stats(corpus)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
