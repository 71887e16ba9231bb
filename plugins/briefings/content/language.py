"""The language a seed is written in, detected offline (py3langid, model in the package).

The annotation rules (entity discovery, attribution, dates) are rules for English. A seed
in another language is published with its text intact and no annotation, and the editors'
report says so. Only a confident verdict on enough text counts: a short or mixed seed is
taken as English, which is what the desk writes.
"""

from __future__ import annotations

import functools
from typing import Any

ENGLISH = "en"
_SAMPLE = 1_500  # characters read: enough for a verdict, a fraction of a millisecond
_MINIMUM = 200  # characters below which no verdict is made
_CONFIDENCE = 0.95


@functools.cache
def _identifier() -> Any:
    """Load the language model once per process (about half a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the language ``text`` is written in ("en", "fr"…).

    Returns :data:`ENGLISH` unless the model is confident (probability 0.95 or more) on at
    least 200 characters.
    """
    sample = " ".join(text[:_SAMPLE].split())
    if len(sample) < _MINIMUM:
        return ENGLISH
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= _CONFIDENCE else ENGLISH
