"""Find speculative claims, one per sentence: cues that survive their context, a kind, and a note."""

from __future__ import annotations

import re

from export.annotate.cues import Hit, cue_matches, cues_by_sentence, sentence_cues
from export.annotate.lexicon import Lexicon, apostrophes, default_lexicon, load_lexicon
from export.annotate.notes import claim_note
from export.annotate.sentences import split_sentences
from export.model import Claim, ClaimKind

__all__ = ["LEVELS", "find_claims", "load_lexicon"]

LEVELS = {"strict": 0.8, "default": 0.5, "all": 0.25}
_WORD = re.compile(r"\S+")
_PIECE = 1 << 16  # characters lower-cased at a time
_HEADLINE_WORDS = 16  # a title-case line of at most this many words, without a full stop, is a headline


def is_headline(sentence: str, lexicon: Lexicon) -> bool:
    """Whether ``sentence`` is a headline: short, in title case, not ended by a full stop."""
    words = sentence.split()
    if len(words) > _HEADLINE_WORDS or len(words) < 2 or sentence.rstrip("\"'”’)»").endswith((".", "…", ";")):
        return False
    content = [word for word in words if word.lower() not in lexicon.words["minor"] and word[:1].isalpha()]
    return bool(content) and all(word[0].isupper() for word in content)


def _kind(hits: list[Hit], lowered: str, lexicon: Lexicon) -> ClaimKind:
    """The first kind by priority among the cues of the first cue's clause (the main claim), and of
    sentence-wide kinds wherever they are."""
    boundary = lexicon.subordinator.search(lowered, hits[0].end)
    clause_end = boundary.start() if boundary else len(lowered)
    counted = [hit for hit in hits if hit.start < clause_end or lexicon.kinds[hit.kind].reach == "sentence"]
    priority = list(lexicon.kinds)
    return min(counted, key=lambda hit: (priority.index(hit.kind), -hit.weight)).kind


def _lower(text: str) -> str:
    """``text`` in lower case with the same offsets (a few characters lower-case to two: "İ")."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered


def _lowered(text: str) -> str:
    """``text`` lower-cased (same offsets) with ASCII apostrophes, a piece at a time: ``str.lower`` takes
    12 bytes a character while it works (a 10 MB paragraph: 126 MB), a piece only its own share."""
    if len(text) <= _PIECE:
        return apostrophes(_lower(text))
    pieces = []
    start = 0
    while start < len(text):
        # Cut after a space: final sigma's context never reaches across one, so pieces lower as the whole.
        cut = text.find(" ", start + _PIECE) + 1 or len(text)
        piece = text[start:cut].lower()
        if len(piece) != cut - start:  # lowered character by character, as the whole would be
            return apostrophes(_lower(text))
        pieces.append(apostrophes(piece))
        start = cut
    return "".join(pieces)


def find_claims(
    text: str, level: str = "default", lexicon: Lexicon | None = None, where: str = "the article"
) -> list[Claim]:
    """The speculative claims of ``text`` at ``level`` (strict, default, all): one per sentence, in order.

    ``where`` names the text in the notes: "the article", or "the comment" for a reader's comment."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    lexicon = lexicon or default_lexicon()
    # The same as lower-casing after: apostrophes have no case, and both kinds are transparent to final
    # sigma; made ASCII in the lower-case copy, a huge text is not held a third time.
    lowered = _lowered(text)
    matches = cue_matches(lowered, lexicon)
    if not matches:
        return []  # many paragraphs have no cue: spare splitting them
    spans = split_sentences(text)
    claims = []
    for (start, end), found in zip(spans, cues_by_sentence(lowered, matches, spans, lexicon), strict=True):
        if not found:
            continue
        sentence, original = lowered[start:end], text[start:end]
        hits = sentence_cues(apostrophes(original), sentence, found, LEVELS[level], lexicon)
        if hits and not is_headline(original, lexicon):  # most sentences have no cue: the cheaper test first
            kind = _kind(hits, sentence, lexicon)
            cues = list(dict.fromkeys(" ".join(original[hit.start : hit.end].split()) for hit in hits))
            note = claim_note(kind, hits, sentence, original, lexicon, where)
            claims.append(Claim(start, end, kind, cues, note, _cue_spans(hits, original, start)))
    return claims


def _cue_spans(hits: list[Hit], sentence: str, offset: int) -> list[tuple[int, int]]:
    """The cue words' offsets in the paragraph (``offset`` is the sentence's start), in order, overlapping
    ones merged; a cue with a gap ("officials ** said") gives its words on either side, not the gap."""
    pieces: list[tuple[int, int]] = []
    for hit in hits:
        head, gap, tail = hit.cue.partition(" ** ")
        words = [match.span() for match in _WORD.finditer(sentence, hit.start, hit.end)]
        before, after = len(head.split()), len(tail.split())
        if gap and len(words) >= before + after:
            pieces += [(words[0][0], words[before - 1][1]), (words[-after][0], words[-1][1])]
        else:
            pieces.append((hit.start, hit.end))
    spans: list[tuple[int, int]] = []
    for start, end in sorted((start + offset, end + offset) for start, end in pieces):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans
