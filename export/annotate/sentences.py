"""Split plain text into sentences, as character offsets."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_ABBREVIATIONS = Path(__file__).with_name("abbreviations_en.txt")
# A line break, or a run of sentence-final punctuation with any closing quotes or brackets, then a space.
# (Written with one leading character class: an alternation at the top would make it five times slower.)
_CANDIDATE = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*[\"'”’»)\]]*(?!\S))")
_NEXT = re.compile(r"\s*(\S?)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_OPENERS = "\"'“‘«(["
_LONGEST_WORD = 64


@cache
def _abbreviations() -> frozenset[str]:
    lines = _ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    """Whether the punctuation in ``match`` ends a sentence."""
    if match.group() == "\n":
        return True
    if _NEXT.match(text, match.end()).group(1).islower():
        return False
    if match.group().startswith(".") and not match.group().startswith(".."):
        window = max(0, match.start() - _LONGEST_WORD)  # unbounded, the search back made long text quadratic
        after_space = max(window, *(text.rfind(space, window, match.start()) + 1 for space in " \n\t\u00a0"))
        word = text[after_space : match.start() + 1].lstrip(_OPENERS)
        return not (_INITIALS.fullmatch(word) or word.lower() in _abbreviations())
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the sentences of ``text``, trimmed of surrounding whitespace."""
    spans = []
    start = 0
    ends = [m.end() for m in _CANDIDATE.finditer(text) if _is_boundary(text, m)]
    for end in [*ends, len(text)]:
        segment = text[start:end]
        stripped = segment.strip()
        if stripped:
            first = start + len(segment) - len(segment.lstrip())
            spans.append((first, first + len(stripped)))
        start = end
    return spans
