"""A text's language when its source does not state it: told offline by py3langid, whose model ships inside
the package (97 languages; measured on corpus-large by benchmarks/language_eval.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from export.datafiles import data_lines
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
# A text is told by its commonest words when it has this many words, this share of them are one
# language's, and that language has this many times the next one's (measured: benchmarks/language_eval.py).
STOPWORD_MIN_WORDS = 50
STOPWORD_MIN_SHARE = 0.15
STOPWORD_MARGIN = 3
WORD = re.compile(r"[^\W\d_]+")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    lines = data_lines(Path(__file__).with_name("stopwords.tsv"))
    return {language: frozenset(words.split()) for language, words in (line.split("\t") for line in lines)}


def by_common_words(sample: str) -> str | None:
    """The language whose commonest words plainly dominate ``sample``, or None when none does."""
    words = WORD.findall(sample.lower())
    if len(words) < STOPWORD_MIN_WORDS:
        return None
    found = Counter(words)  # each distinct word looked up once per language, not each of its uses
    counts = sorted(
        (
            (sum(found[word] for word in common & found.keys()), language)
            for language, common in _stopwords().items()
        ),
        reverse=True,
    )
    (best, language), (second, _) = counts[0], counts[1]
    return language if best >= STOPWORD_MIN_SHARE * len(words) and best >= STOPWORD_MARGIN * second else None


@cache
def _identifier() -> LanguageIdentifier:
    """The identifier, its model loaded on first use (half a second): pages that state a language never do."""
    langid = import_with_signals_blocked("py3langid.langid")
    return langid.LanguageIdentifier.from_model_file(
        langid.MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE
    )


def language_sample(title: str, texts: Iterable[str]) -> str:
    """A title and the texts after it, joined by line breaks, as far as ``detect_language`` reads them: a
    long page's whole text is not copied."""
    parts = [title]
    length = len(title)
    for text in texts:
        if length >= SAMPLE_CHARACTERS:
            break
        parts.append(text[: SAMPLE_CHARACTERS - length])
        length += 1 + len(parts[-1])
    return "\n".join(parts)


def detect_language(text: str) -> str | None:
    """The ISO 639 code of the language ``text`` is written in, or None when too little tells it."""
    sample = text[:SAMPLE_CHARACTERS]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None
    if common := by_common_words(sample):
        return common  # spares loading the identifier's model (half a second)
    language, _ = _identifier().classify(sample)
    return None if language == UNDETERMINED else str(language)
