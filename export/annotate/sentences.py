"""Split plain text into sentences, as character offsets."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from export.datafiles import data_lines

_ABBREVIATIONS = Path(__file__).with_name("abbreviations_en.txt")
# A line break, or a run of sentence-final punctuation with any closing quotes or brackets, then a space;
# after punctuation, the group is the next character that is not a space ("" at the end).
# (Written with one leading character class: an alternation at the top would make it five times slower.)
# Linear: a run of punctuation is tried from its first mark only and never backtracked into, so a long run
# with no space after it ("!!!…x") is not rescanned from each of its marks.
_CANDIDATE = re.compile(r"[.!?…\n](?:(?<=\n)|(?<![.!?…].)[.!?…]*+[\"'”’»)\]]*+(?!\S)(?=\s*+(\S?)))")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_OPENERS = "\"'“‘«(["
_LONGEST_WORD = 64


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in data_lines(_ABBREVIATIONS))


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    """Whether the punctuation in ``match`` ends a sentence."""
    following = match.group(1)
    if following is None:  # a line break
        return True
    if following.islower():
        return False
    stop = match.start()
    if text[stop] == "." and text[stop + 1 : stop + 2] != ".":
        window = max(0, stop - _LONGEST_WORD)  # unbounded, the search back made long text quadratic
        after_space = max(window, text.rfind(" ", window, stop) + 1)
        word = text[after_space:stop]
        if "\n" in word or "\t" in word or "\u00a0" in word:  # rarely: then the other spaces
            after_space = 1 + max(
                after_space - 1, *(text.rfind(space, after_space, stop) for space in "\n\t\u00a0")
            )
        word = text[after_space : stop + 1].lstrip(_OPENERS)
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
