"""Plain data of the entities room: a mention in text, and an entity discovery found.

The site's stages and its renderer read these without importing the matcher or discovery.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """A glossary mention: ``text[start:end]`` is exactly the mention as written."""

    start: int
    end: int
    entry_id: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity discovered in an article, ready to be reviewed into the glossary.

    ``name`` is the longest full form seen, ``aliases`` the other forms the article uses
    ("Prigozhin", an acronym), ``evidence`` the reasons for its ``type``, strongest first.
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    confidence: float
    evidence: tuple[str, ...]
