"""``python -m briefings.suggest``: write unreviewed entities as glossary entries to review.

Reads the seeds, glossary and sources like a build does, and writes every entity found in
the seeds but missing from the glossary to a YAML file in the glossary's own format, most
mentioned first: id, name, type, aliases and an empty description, with the evidence and
the sentences it appears in as comments. Accepting a candidate is moving it (with a
description written) into a ``glossary/*.yml`` file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from briefings.site.publisher import Publisher, PublisherOptions
from briefings.site.records import Discovered

HEADER = """\
# Entities found in the seeds that the glossary does not know yet, most mentioned first.
# Review each entry: check name, type and aliases, write a one- or two-sentence neutral
# description, then move it into a glossary/*.yml file. Delete entries that are wrong.
"""


def candidates_yaml(entities: Sequence[Discovered]) -> str:
    """Return the review file: one glossary-format entry per entity, evidence as comments."""
    chunks = [HEADER]
    for entity in entities:
        c = entity.candidate
        entry = {
            "id": c.id,
            "name": c.name,
            "type": c.type,
            "aliases": list(c.aliases),
            "description": "",
        }
        text = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
        notes = [
            f"confidence {c.confidence:.2f}; mentioned in {len(entity.mentions)} briefing(s)",
            *(f"evidence: {e}" for e in c.evidence),
            *(
                f"in {path}: {' '.join(m.sentence.split())}"
                for path, m in zip(entity.paths, entity.mentions, strict=True)
            ),
        ]
        lines = text.rstrip("\n").split("\n")
        comments = ["  # " + note.replace("\n", " ") for note in notes]
        chunks.append("\n".join([lines[0], *comments, *lines[1:]]))
    return "\n\n".join(chunks) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0, or 1 when the inputs have errors)."""
    parser = argparse.ArgumentParser(prog="python -m briefings.suggest", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--glossary", default="glossary")
    parser.add_argument("--sources", default="sources.yml")
    parser.add_argument("--output", type=Path, default=Path("review/glossary-candidates.yml"))
    args = parser.parse_args(argv)
    root = args.root.resolve()
    publisher = Publisher(
        PublisherOptions(
            root=root,
            seeds_dir=root / args.seeds,
            glossary_dir=root / args.glossary,
            sources_file=root / args.sources,
        )
    )
    report = publisher.load()
    for problem in report.errors:
        print(f"error: {problem}", file=sys.stderr)
    if report.errors:
        return 1
    publisher.render_pages(lambda uri: uri.removesuffix(".md") + "/")
    entities = publisher.discovered()
    output = args.output if args.output.is_absolute() else root / args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(candidates_yaml(entities), encoding="utf-8")
    print(f"{len(entities)} candidate entries written to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
