"""Run the Nu Html Checker (vnu.jar) over a built site and fail on any error not allow-listed.

vnu reports ``error`` messages (invalid HTML), ``info`` messages with subtype ``warning`` and
plain ``info`` notes, plus ``non-document-error`` when a file cannot be read. Errors and
non-document errors fail the check unless one entry of the allow-list matches them exactly:
the same message text and, where the entry gives one, a fragment of vnu's source extract, so
that an entry for a theme's markup cannot hide the same mistake in ours. Every entry must say
why it is there. Warnings are printed, grouped, and do not fail.

Run it as ``python tests/quality/check_html.py site``; it exits 1 on any error not allowed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
DEFAULT_ALLOWLIST = HERE / "vnu-allowlist.toml"
_FAILING_TYPES = frozenset({"error", "non-document-error"})
_ENTRY_KEYS = frozenset({"message", "extract", "reason"})


@dataclass(frozen=True, slots=True)
class VnuMessage:
    """One vnu message: its type (and subtype), where it is, what it says."""

    type: str
    message: str
    url: str = ""
    line: int = 0
    sub_type: str = ""
    extract: str = ""

    @property
    def fails(self) -> bool:
        """Whether this message fails the check unless allowed (errors, unreadable files)."""
        return self.type in _FAILING_TYPES

    def location(self, site: Path | None = None) -> str:
        """Return ``file:line`` with the file relative to ``site`` when it is inside it."""
        path = self.url.removeprefix("file:")
        if site is not None:
            prefix = site.resolve().as_posix().rstrip("/") + "/"
            path = path.removeprefix(prefix)
        return f"{path}:{self.line}" if self.line else path

    def __str__(self) -> str:
        return f"{self.location()}: {self.type}: {self.message}"


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """An allowed vnu error: the exact message, an optional extract fragment, the reason."""

    message: str
    reason: str
    extract: str = ""

    def matches(self, message: VnuMessage) -> bool:
        """Return whether ``message`` is the error this entry allows."""
        return message.message == self.message and self.extract in message.extract


@dataclass(slots=True)
class HtmlReport:
    """vnu's messages sorted out: failing errors, allowed ones per entry, warnings."""

    files: int = 0
    errors: list[VnuMessage] = field(default_factory=list)
    allowed: Counter[AllowEntry] = field(default_factory=Counter)
    warnings: list[VnuMessage] = field(default_factory=list)
    unused: list[AllowEntry] = field(default_factory=list)

    def summary(self) -> str:
        """Return a one-line summary of the counts."""
        return (
            f"vnu: {self.files} pages checked, {len(self.errors)} errors, "
            f"{sum(self.allowed.values())} allow-listed, {len(self.warnings)} warnings"
        )


class AllowListError(ValueError):
    """The allow-list file is malformed: an entry lacks its message or its reason."""


def load_allowlist(path: Path) -> list[AllowEntry]:
    """Return the entries of the TOML allow-list at ``path`` (``[[allow]]`` tables).

    Raises :class:`AllowListError` when an entry has unknown keys, no message or no reason.
    """
    data = tomllib.loads(path.read_text("utf-8"))
    entries: list[AllowEntry] = []
    for number, table in enumerate(data.get("allow", []), start=1):
        unknown = set(table) - _ENTRY_KEYS
        if unknown:
            raise AllowListError(f"{path}: entry {number}: unknown keys {sorted(unknown)}")
        message = str(table.get("message", "")).strip()
        reason = str(table.get("reason", "")).strip()
        if not message or not reason:
            raise AllowListError(f"{path}: entry {number}: needs both 'message' and 'reason'")
        entries.append(AllowEntry(message, reason, str(table.get("extract", ""))))
    extra = set(data) - {"allow"}
    if extra:
        raise AllowListError(f"{path}: unknown top-level keys {sorted(extra)}")
    return entries


def parse_vnu_json(text: str) -> list[VnuMessage]:
    """Return the messages of vnu's ``--format json`` output.

    Raises ``ValueError`` when ``text`` is not vnu's JSON.
    """
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise ValueError("not vnu JSON output: no 'messages' list")
    return [
        VnuMessage(
            type=str(item.get("type", "")),
            message=str(item.get("message", "")),
            url=str(item.get("url", "")),
            line=int(item.get("lastLine", item.get("firstLine", 0)) or 0),
            sub_type=str(item.get("subType", "")),
            extract=str(item.get("extract", "")),
        )
        for item in data["messages"]
    ]


def classify(messages: Iterable[VnuMessage], allowlist: Sequence[AllowEntry]) -> HtmlReport:
    """Return the report: each failing message is allowed by the first matching entry or
    kept as an error; ``info`` messages of subtype ``warning`` are kept as warnings."""
    report = HtmlReport()
    for message in messages:
        if message.fails:
            entry = next((e for e in allowlist if e.matches(message)), None)
            if entry is None:
                report.errors.append(message)
            else:
                report.allowed[entry] += 1
        elif message.sub_type == "warning":
            report.warnings.append(message)
    report.unused = [entry for entry in allowlist if entry not in report.allowed]
    return report


def run_vnu(site: Path, jar: Path = DEFAULT_JAR, java: str = "java") -> str:
    """Run vnu over every HTML file under ``site``; return its JSON output.

    Raises ``FileNotFoundError`` when the jar is missing (run ``make quality-deps``) and
    ``RuntimeError`` when vnu prints nothing usable.
    """
    if not jar.is_file():
        raise FileNotFoundError(f"{jar}: missing (run make quality-deps)")
    command = [java, "-jar", str(jar), "--format", "json", "--stdout", "--exit-zero-always"]
    command += ["--skip-non-html", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"vnu failed ({result.returncode}): {result.stderr.strip()[:2000]}")
    return result.stdout


def format_report(report: HtmlReport, site: Path | None = None) -> Iterable[str]:
    """Yield the report's lines: every error, warnings grouped by message, then the summary."""
    for error in report.errors:
        yield f"ERROR {error.location(site)}: {error.message}"
        if error.extract.strip():
            yield "      " + " ".join(error.extract.split())[:200]
    for message, count in Counter(w.message for w in report.warnings).most_common():
        yield f"warning ({count}x): {message}"
    for entry, count in report.allowed.items():
        yield f"allowed ({count}x): {entry.message[:100]}"
    for entry in report.unused:
        yield f"note: allow-list entry no longer needed: {entry.message[:100]}"
    yield report.summary()


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point. Returns the exit status: 0 when no error is left."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder, e.g. site/")
    parser.add_argument("--jar", type=Path, default=DEFAULT_JAR)
    parser.add_argument("--allowlist", type=Path, default=DEFAULT_ALLOWLIST)
    args = parser.parse_args(argv)
    pages = sum(1 for p in args.site.rglob("*") if p.suffix in (".html", ".htm") and p.is_file())
    if pages == 0:
        print(f"check_html: no HTML pages under {args.site} (run make build)", file=sys.stderr)
        return 2
    try:
        allowlist = load_allowlist(args.allowlist)
        output = run_vnu(args.site, args.jar)
    except (AllowListError, FileNotFoundError, RuntimeError) as exc:
        print(f"check_html: {exc}", file=sys.stderr)
        return 2
    report = classify(parse_vnu_json(output), allowlist)
    report.files = pages
    for line in format_report(report, args.site):
        print(line)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
