"""``python -m briefings.export``: write the export of a site (see :mod:`briefings.export`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefings.export import ExportError, export_site


def main(argv: list[str] | None = None) -> int:
    """Export the site; return 1 when it has errors (or warnings, for a strict site)."""
    parser = argparse.ArgumentParser(
        prog="python -m briefings.export",
        description="Write the annotated site as plain pages any Material-compatible "
        "engine builds without the briefings plugin.",
    )
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-o", "--output", type=Path, default=Path("export"))
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        exported = export_site(args.config_file, args.output)
    except ExportError as exc:
        print(f"ERROR   -  export: {exc}", file=sys.stderr)
        return 1
    report = exported.report
    for problem in report.errors:
        print(f"ERROR   -  {problem}", file=sys.stderr)
    for problem in report.warnings:
        print(f"WARNING -  {problem}", file=sys.stderr)
    for note in report.notes:
        print(f"INFO    -  {note}", file=sys.stderr)
    seconds = time.perf_counter() - start
    print(
        f"INFO    -  export: {len(exported.pages)} pages written to {args.output}/ "
        f"in {seconds:.2f} seconds",
        file=sys.stderr,
    )
    if report.errors or (exported.strict and report.warnings):
        kind = "errors" if report.errors else "warnings, and the site is strict"
        print(f"ERROR   -  export: stopped by {kind}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
