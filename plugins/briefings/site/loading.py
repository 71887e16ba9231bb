"""The first stage of a build: read and validate the glossary, the sources and every seed.

A bad file stops nothing else: its problem goes into the :class:`~briefings.site.records.Report`
and the rest of the site is published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefings.common.errors import BriefingsError
from briefings.content.decisions import Decisions, load_decisions
from briefings.content.seeds import Seed, find_seed_files, is_seed_name, read_seed
from briefings.entities.glossary import Glossary
from briefings.entities.glossary_files import load_glossary
from briefings.site.options import PublisherOptions
from briefings.site.records import Report
from briefings.sourcing.registry import SourceRegistry, load_sources


@dataclass(frozen=True, slots=True)
class Inputs:
    """What editors wrote, read and validated."""

    glossary: Glossary
    sources: SourceRegistry
    seeds: list[Seed]
    decisions: Decisions = field(default_factory=Decisions)


GLOSSARY_SUFFIXES = (".yml", ".yaml")


def find_glossary_files(folder: Path) -> list[Path]:
    """Return the glossary files in ``folder`` (not in its sub-folders), sorted by path."""
    return sorted(path for suffix in GLOSSARY_SUFFIXES for path in folder.glob("*" + suffix))


def is_input_file(options: PublisherOptions, path: Path) -> bool:
    """Whether a build reads the file ``path``, when it lies in the seeds or the glossary
    folder (anything else: True). Editors' backups and swap files there are not read."""
    if path.is_relative_to(options.glossary_dir):
        return path.parent == options.glossary_dir and path.suffix in GLOSSARY_SUFFIXES
    if path.is_relative_to(options.seeds_dir):
        folders = path.relative_to(options.seeds_dir).parts[:-1]
        return is_seed_name(path.name) and not any(p.startswith(".") for p in folders)
    return True


def load_inputs(options: PublisherOptions) -> tuple[Inputs, Report]:
    """Return the glossary, sources and seeds of ``options``, and the problems found."""
    report = Report()
    root = options.root
    glossary = Glossary(())
    sources = SourceRegistry(())
    try:
        glossary, warnings = load_glossary(find_glossary_files(options.glossary_dir), root=root)
        report.warnings.extend(warnings)
    except BriefingsError as exc:
        report.errors.append(exc.problem)
    if options.sources_file.exists():
        try:
            sources, warnings = load_sources(options.sources_file, root=root)
            report.warnings.extend(warnings)
        except BriefingsError as exc:
            report.errors.append(exc.problem)
    decisions = Decisions()
    if options.decisions_file is not None:
        try:
            decisions = load_decisions(options.decisions_file, root)
        except BriefingsError as exc:
            report.errors.append(exc.problem)
    seeds: list[Seed] = []
    try:
        paths = find_seed_files(options.seeds_dir, root)
    except BriefingsError as exc:
        report.errors.append(exc.problem)
        paths = []
    for path in paths:
        try:
            seed = read_seed(path, root, today=options.today, future_days=options.future_days)
        except BriefingsError as exc:
            report.errors.append(exc.problem)
            continue
        report.warnings.extend(seed.warnings)
        seeds.append(seed)
    return Inputs(glossary, sources, seeds, decisions), report
