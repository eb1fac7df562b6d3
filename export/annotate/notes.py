"""The plain-English note of a claim: why it is speculative, quoting its cue and naming its holder."""

from __future__ import annotations

from export.annotate.cues import Hit
from export.annotate.holders import holder_name, holder_span
from export.annotate.lexicon import Lexicon

NOTE_LIMIT = 300
QUOTE_WORDS = 6


def _quote(words: str) -> str:
    """A cue's words for a note; a long one (officials ... said) by its first words and its last."""
    split = words.split()
    if len(split) <= QUOTE_WORDS:
        return " ".join(split)
    return " ".join(split[: QUOTE_WORDS - 2]).rstrip('”",;–—') + " … " + split[-1]


def claim_note(kind: str, hits: list[Hit], lowered: str, original: str, lexicon: Lexicon) -> str:
    """The kind's note template with the cue words quoted and, when the sentence says, the holder named."""
    template = lexicon.kinds[kind]
    ours = [hit for hit in hits if hit.kind == kind]
    quotes = [_quote(original[hit.start : hit.end]) for hit in ours]
    holder = None
    named = template.note_with_holder and len(quotes[0]) == len(
        " ".join(original[ours[0].start : ours[0].end].split())
    )
    span = holder_span(lowered, ours[0], lexicon) if named else None
    if span and span[1] > ours[0].start and lowered[span[0] : span[1]] not in lexicon.pronouns:
        # The holder is part of the cue ("Magnier's sources"): quote the source's own words.
        quotes[0] = " ".join(original[min(span[0], ours[0].start) : span[1]].split())
    elif span:
        holder = holder_name(original, span, lexicon)
    cue = ", ".join(f"“{quote}”" for quote in dict.fromkeys(quotes[:2]))
    if holder:
        note = template.note_with_holder.format(cue=cue, holder=holder)
    else:
        note = template.note.format(cue=cue)
    return note if len(note) <= NOTE_LIMIT else template.note.format(cue=f"“{quotes[0][:60]}”")
