"""Source footnotes for Markdown seeds: markers go into prose blocks of the author's Markdown.

Author-written footnotes (``[^1]``, ``[^note]``) are kept; generated labels never collide
with them, and Python-Markdown numbers both kinds together in order of first reference.
"""

from __future__ import annotations

import re
from datetime import date

from .footnotes import Footnote, FootnotePlanner, footnote_markdown
from .sources import SourceRegistry

_LABEL_RE = re.compile(r"\[\^([^\]\s]+)\]")
_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# Blocks that are not prose: headings, indented code, quotes, tables, HTML, lists,
# footnote definitions, admonitions, attribute lists.
_NOT_PROSE_RE = re.compile(r"\s{0,3}(#|>|\||<|[-*+] |\d+[.)] |\[\^|!!!|\?\?\?|\{:)|\s{4}|\t")


def markdown_with_footnotes(
    body: str, registry: SourceRegistry, reference_date: date
) -> tuple[str, list[Footnote], list[str]]:
    """Return the Markdown body with source footnote markers and definitions added.

    Also returns the footnotes (in order of first use) and the names of unknown sources.
    """
    planner = FootnotePlanner(
        registry, reference_date, reserved_labels=set(_LABEL_RE.findall(body))
    )
    out: list[str] = []
    in_fence = ""
    for block in re.split(r"(\n\s*\n)", body):
        fence = _FENCE_RE.match(block)
        if in_fence or fence or not block.strip() or _NOT_PROSE_RE.match(block):
            out.append(block)
            for line in block.split("\n"):
                marker = _FENCE_RE.match(line)
                if marker and (not in_fence or marker[1].startswith(in_fence)):
                    in_fence = "" if in_fence else marker[1][:3]
            continue
        refs = planner.add_paragraph(block)
        position = 0
        pieces = []
        for ref in sorted(refs, key=lambda r: r.offset):
            pieces.append(block[position : ref.offset])
            pieces.append(f"[^{ref.label}]")
            position = ref.offset
        pieces.append(block[position:])
        out.append("".join(pieces))
    notes = planner.footnotes
    text = "".join(out).rstrip("\n")
    if notes:
        text += "\n\n" + "\n".join(f"[^{n.label}]: {footnote_markdown(n)}" for n in notes)
    return text + "\n", notes, list(planner.unknown_sources)
