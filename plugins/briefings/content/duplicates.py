"""Near-identical seeds: the same wire story pasted twice, found without comparing every pair.

Each seed's text becomes a set of word 5-grams (shingles); a MinHash signature of it is cut
into bands, and only seeds sharing a band are compared: the work grows with the number of
seeds, not with its square. A pair is reported when the Jaccard similarity of the shingle
sets is at least :data:`THRESHOLD`.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy

THRESHOLD = 0.8
_SHINGLE = 5
_BANDS, _ROWS = 20, 4  # 80 hashes: pairs at 0.8 share a band with probability > 0.999
_WORD_RE = re.compile(r"\w+")
_SALTS = numpy.array(
    [
        int.from_bytes(hashlib.blake2b(str(i).encode(), digest_size=8).digest(), "big") | 1
        for i in range(_BANDS * _ROWS)
    ],
    dtype=numpy.uint64,
)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Two seeds whose texts are near-identical."""

    first: str  # seed paths, in sorted order
    second: str
    similarity: float  # Jaccard similarity of their word 5-grams


def _shingles(text: str) -> frozenset[int]:
    """Return the CRC-32s of the text's word 5-grams (deterministic, unlike ``hash``)."""
    words = _WORD_RE.findall(text.casefold())
    size = min(_SHINGLE, len(words))
    return frozenset(
        zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1)
    )


def _signature(shingles: frozenset[int]) -> tuple[int, ...]:
    """Return the MinHash signature: per salt, the least salted shingle."""
    values = numpy.fromiter(shingles, dtype=numpy.uint64, count=len(shingles))
    salted = numpy.multiply.outer(_SALTS, values)  # wraps modulo 2**64, as meant
    return tuple(int(v) for v in salted.min(axis=1))


def find_duplicates(texts: Iterable[tuple[str, str]]) -> list[Duplicate]:
    """Return the near-identical pairs among ``(path, text)`` seeds, by path."""
    shingled = [(path, _shingles(text)) for path, text in sorted(texts)]
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    for index, (_path, shingles) in enumerate(shingled):
        if not shingles:
            continue
        signature = _signature(shingles)
        for band in range(_BANDS):
            key = (band, signature[band * _ROWS : (band + 1) * _ROWS])
            buckets.setdefault(key, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        pairs.update(itertools.combinations(members, 2))
    found = []
    for first, second in sorted(pairs):
        a, b = shingled[first][1], shingled[second][1]
        similarity = len(a & b) / len(a | b)
        if similarity >= THRESHOLD:
            found.append(Duplicate(shingled[first][0], shingled[second][0], round(similarity, 3)))
    return found
