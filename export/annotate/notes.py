"""The plain-English note of a claim: why it is speculative, quoting its cue and naming its holder."""

from __future__ import annotations

import re

from export.annotate.cues import Hit
from export.annotate.holders import holder_name, holder_span
from export.annotate.lexicon import Lexicon
from export.whitespace import collapse_whitespace

NOTE_LIMIT = 300


def _quote(hit: Hit, original: str) -> str:
    """A cue's words for a note; one with a gap (``officials ** said``) by its words on either side."""
    words = original[hit.start : hit.end].split()
    head, gap, tail = hit.cue.partition(" ** ")
    if not gap:
        return " ".join(words)
    return " ".join(words[: len(head.split())]) + " … " + " ".join(words[-len(tail.split()) :])


def _head(hit: Hit, original: str) -> Hit:
    """The part of a cue before its gap, where its verb is: the holder is looked for before that."""
    head, gap, _ = hit.cue.partition(" ** ")
    if not gap:
        return hit
    words = list(re.finditer(r"\S+", original[hit.start : hit.end]))
    return Hit(hit.start, hit.start + words[len(head.split()) - 1].end(), hit.cue, hit.kind, hit.weight)


def claim_note(kind: str, hits: list[Hit], lowered: str, original: str, lexicon: Lexicon, where: str) -> str:
    """The kind's note template with the cue words quoted and, when the sentence says, the holder named;
    ``where`` names the text the claim is in ("the article")."""
    template = lexicon.kinds[kind]
    ours = [hit for hit in hits if hit.kind == kind]
    quotes = [_quote(hit, original) for hit in ours]
    holder = None
    span = holder_span(lowered, _head(ours[0], original), lexicon) if template.note_with_holder else None
    if span and span[1] > ours[0].start and lowered[span[0] : span[1]] not in lexicon.pronouns:
        # The holder is part of the cue ("Magnier's sources"): quote the source's own words.
        quotes[0] = collapse_whitespace(original[min(span[0], ours[0].start) : span[1]])
    elif span:
        holder = holder_name(original, span, lexicon)
    cue = ", ".join(f"“{quote}”" for quote in dict.fromkeys(quotes[:2]))
    if holder and template.note_with_holder:
        note = template.note_with_holder.format(cue=cue, holder=holder, where=where)
    else:
        note = template.note.format(cue=cue, where=where)
    return note if len(note) <= NOTE_LIMIT else template.note.format(cue=f"“{quotes[0][:60]}”", where=where)
