"""A text's language when its source does not state it: told offline by py3langid, whose model ships inside
the package (97 languages; measured on corpus-large by benchmarks/language_eval.py)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from export.threads import import_with_signals_blocked

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# The identifier reads at most this much of a text: enough to tell, and its time stays bounded.
SAMPLE_CHARACTERS = 20_000
# Fewer letters than this say too little to tell a language by.
MIN_LETTERS = 40
# Below this probability the identifier abstains ("und").
MIN_CONFIDENCE = 0.3
UNDETERMINED = "und"


@cache
def _identifier() -> LanguageIdentifier:
    """The identifier, its model loaded on first use (half a second): pages that state a language never do."""
    langid = import_with_signals_blocked("py3langid.langid")
    return langid.LanguageIdentifier.from_model_file(
        langid.MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE
    )


def detect_language(text: str) -> str | None:
    """The ISO 639 code of the language ``text`` is written in, or None when too little tells it."""
    sample = text[:SAMPLE_CHARACTERS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    language, _ = _identifier().classify(sample)
    return None if language == UNDETERMINED else str(language)
