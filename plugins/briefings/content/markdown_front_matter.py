"""Markdown seeds (``*.md``): YAML front matter read into a Seed; the body stays Markdown.

The front matter may hold ``title``, ``date``, ``summary``, ``tags`` and ``sources``. A
missing title or summary is derived, as for a plain-text seed, from the body's first prose
paragraph with its inline Markdown removed.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from briefings.common.errors import SeedError
from briefings.content.files import yaml_type_name
from briefings.content.seed_model import (
    PROVENANCE_KEYS,
    Provenance,
    Seed,
    date_from_filename,
    parse_iso_date,
    provenance_value,
)
from briefings.content.text_seeds import TITLE_MAX, derive_summary, derive_title

_FRONT_MATTER_RE = re.compile(
    r"---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)


def parse_markdown_seed(text: str, path: str) -> Seed:
    """Parse a Markdown seed (not empty); raise :class:`SeedError` if it is malformed."""
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        raise SeedError(
            path,
            1,
            "Markdown seed has no YAML front matter",
            "start with a '---' line, then 'date: 2022-09-07' and 'title: ...', then '---'",
        )
    try:
        meta = yaml.safe_load(match["yaml"] or "") or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise SeedError(
            path, line, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
        ) from exc
    except (ValueError, OverflowError) as exc:
        # PyYAML builds dates and numbers eagerly: "date: 2022-13-45" fails here.
        raise SeedError(
            path, 2, f"front matter has an impossible value: {exc}", "write dates as YYYY-MM-DD"
        ) from exc
    if not isinstance(meta, dict):
        raise SeedError(path, 2, "front matter must be a mapping of keys to values")
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    seed_date = _front_matter_date(meta.get("date"), path) or date_from_filename(path)
    if seed_date is None:
        raise SeedError(path, 2, "has no date", "add 'date: YYYY-MM-DD' to the front matter")
    if not body.strip():
        raise SeedError(path, body_line, "has front matter but no article text")
    title = _front_matter_str(meta, "title", path)
    summary = _front_matter_str(meta, "summary", path)
    plain_first = _first_markdown_paragraph(body)
    return Seed(
        path=path,
        format="markdown",
        date=seed_date,
        title=title or derive_title(plain_first),
        title_derived=not title,
        summary=summary or derive_summary(plain_first),
        markdown=body,
        markdown_line=body_line,
        tags=_front_matter_list(meta, "tags", path),
        sources=_front_matter_list(meta, "sources", path),
        provenance=_front_matter_provenance(meta, path),
    )


def _front_matter_provenance(meta: dict[object, object], path: str) -> Provenance:
    """Return the article's origin from the front matter's provenance fields."""
    values: dict[str, object] = {}
    for key in PROVENANCE_KEYS:
        raw = meta.get(key)
        if raw is None:
            continue
        if key == "retrieved":
            values[key] = _front_matter_date(raw, path)
        else:
            values[key] = provenance_value(key, _front_matter_str(meta, key, path), path, 2)
    return Provenance(**values)  # type: ignore[arg-type]


def _front_matter_date(value: object, path: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_iso_date(str(value), path, 2)


def _front_matter_str(meta: dict[object, object], key: str, path: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SeedError(path, 2, f"front matter '{key}' must be text, not {yaml_type_name(value)}")
    return " ".join(value.split())


def _front_matter_list(meta: dict[object, object], key: str, path: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SeedError(path, 2, f"front matter '{key}' must be a list of text values")
    return tuple(value)


def _first_markdown_paragraph(body: str) -> str:
    """Return the first prose paragraph of a Markdown body with inline syntax removed."""
    for chunk in re.split(r"\n\s*\n", body):
        stripped = chunk.strip()
        if stripped and not re.match(r"(#|```|~~~|    |>|\||<|!!!|\[\^)", stripped):
            plain = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", stripped)
            plain = re.sub(r"\[\^[^\]]+\]", "", plain)
            plain = re.sub(r"[*_`]+", "", plain)
            return " ".join(plain.split())
    return " ".join(body.split())[:TITLE_MAX]
