"""Who holds a belief or passes a claim on: the short noun phrase before the cue's verb."""

from __future__ import annotations

import re

from export.annotate.cues import Hit
from export.annotate.lexicon import Lexicon
from export.whitespace import collapse_whitespace

_WORD = re.compile(r"\w[\w'.-]*")
# Looked for with str.rfind: a regex's class of them, some beyond Latin-1, is slow to compile (~1 M instr.).
_CLAUSE_BREAKS = ',;:()[]"“”–—'


def holder_span(lowered: str, hit: Hit, lexicon: Lexicon) -> tuple[int, int] | None:
    """The span of the short noun phrase before the cue's verb: who holds the belief or passes it on.

    None when there is none, or when the verb is passive ("he is believed to"): its subject holds nothing.
    """
    stop, skip = lexicon.words["stop"], lexicon.words["skip"]
    verb = next((w for w in _WORD.finditer(lowered, hit.start, hit.end) if w.group() in stop), None)
    anchor = verb.start() if verb else hit.end
    clause = 1 + max(lowered.rfind(mark, 0, anchor) for mark in _CLAUSE_BREAKS)  # after the last break, or 0
    words = list(_WORD.finditer(lowered, clause, anchor))
    last = len(words)
    while last and words[last - 1].group() in skip:
        last -= 1
    skipped = {w.group() for w in words[last:]}
    if verb and verb.group() in lexicon.words["participle"] and skipped & lexicon.words["be"]:
        return None
    first = last
    modal = lexicon.words["modal"]
    while first and last - first < 5:
        word = words[first - 1].group()
        if word in stop or word in skip or word in modal:  # three lookups: no union of the sets made
            break
        first -= 1
    if all(w.group() in lexicon.words["determiner"] for w in words[first:last]):
        return None
    return words[first].start(), words[last - 1].end()


def holder_name(original: str, span: tuple[int, int], lexicon: Lexicon) -> str:
    """How a note names the holder: a pronoun by its description, a noun phrase by its own words."""
    words = collapse_whitespace(original[span[0] : span[1]])
    if words.lower() in lexicon.pronouns:
        return lexicon.pronouns[words.lower()]
    if span[0] == 0 and words.split()[0].lower() in lexicon.words["determiner"]:
        return words[0].lower() + words[1:]
    return words
