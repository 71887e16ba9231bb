"""``python -m briefings.suggest``: write what the seeds name that no editor has reviewed.

Reads the seeds, glossary and sources like a build does, and writes two review files:

- every entity found in the seeds but missing from the glossary, in the glossary's own
  format, most mentioned first: id, name, type, aliases and an empty description, with the
  evidence and the sentences it appears in as comments (``review/glossary-candidates.yml``);
- every named source the briefings cite that is in neither the sources registry nor the
  glossary, in the format of ``sources.yml``, most cited first: id, name, kind and an empty
  description, with the sentences citing it as comments (``review/sources-candidates.yml``).

Accepting a candidate is moving it (with a description written) into ``glossary/*.yml`` or
``sources.yml``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

import yaml

from briefings.common.text import slugify
from briefings.site.publisher import Publisher, PublisherOptions
from briefings.site.records import Discovered, SourceToReview

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
        notes = [
            f"confidence {c.confidence:.2f}; mentioned in {len(entity.mentions)} briefing(s)",
            *(f"evidence: {e}" for e in c.evidence),
            *(
                f"in {path}: {' '.join(m.sentence.split())}"
                for path, m in zip(entity.paths, entity.mentions, strict=True)
            ),
        ]
        chunks.append(_commented(entry, notes))
    return "\n\n".join(chunks) + "\n"


def _commented(entry: Mapping[str, object], notes: Sequence[str]) -> str:
    """Return ``entry`` as one YAML list item, with ``notes`` as comments under its first
    line (so the entry can be moved into the real file as it is)."""
    text = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    lines = text.rstrip("\n").split("\n")
    comments = ["  # " + note.replace("\n", " ") for note in notes]
    return "\n".join([lines[0], *comments, *lines[1:]])


SOURCES_HEADER = """\
# Sources the briefings cite that are in neither sources.yml nor the glossary, most cited
# first. Review each entry: check name and kind, write a one-line description (and a url),
# then move it into sources.yml. Delete entries that are wrong.
"""


def sources_yaml(sources: Sequence[SourceToReview], taken: Collection[str]) -> str:
    """Return the sources review file, in the format of ``sources.yml``; ids never repeat
    one in ``taken`` (the registry's) or each other."""
    chunks = [SOURCES_HEADER]
    used = set(taken)
    for source in sources:
        base = slugify(source.name) or "source"
        source_id, suffix = base, 2
        while source_id in used:
            source_id, suffix = f"{base}-{suffix}", suffix + 1
        used.add(source_id)
        entry = {"id": source_id, "name": source.name, "kind": source.kind, "description": ""}
        notes = [
            f"cited in {len(source.paths)} briefing(s)",
            *(
                f"in {path}: {' '.join(sentence.split())}"
                for path, sentence in zip(source.paths, source.sentences, strict=True)
            ),
        ]
        chunks.append(_commented(entry, notes))
    return "\n\n".join(chunks) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0, or 1 when the inputs have errors)."""
    parser = argparse.ArgumentParser(prog="python -m briefings.suggest", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--glossary", default="glossary")
    parser.add_argument("--sources", default="sources.yml")
    parser.add_argument("--decisions", default="decisions.yml")
    parser.add_argument("--output", type=Path, default=Path("review/glossary-candidates.yml"))
    parser.add_argument(
        "--sources-output", type=Path, default=Path("review/sources-candidates.yml")
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    publisher = Publisher(
        PublisherOptions(
            root=root,
            seeds_dir=root / args.seeds,
            glossary_dir=root / args.glossary,
            sources_file=root / args.sources,
            decisions_file=root / args.decisions,
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
    sources = publisher.index.sources_to_review()
    output = args.sources_output
    output = output if output.is_absolute() else root / output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(sources_yaml(sources, [s.id for s in publisher.sources]), encoding="utf-8")
    print(f"{len(sources)} candidate sources written to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
