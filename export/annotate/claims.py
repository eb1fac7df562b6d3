"""Find speculative claims, one per sentence: cues that survive their context, a kind, and a note."""

from __future__ import annotations

import re
from collections.abc import Iterator

from export.annotate.cues import Hit, cue_matches, cues_by_sentence, sentence_cues
from export.annotate.lexicon import Lexicon, apostrophes, default_lexicon, load_lexicon
from export.annotate.notes import claim_note
from export.annotate.sentences import split_sentences
from export.model import Claim, ClaimKind
from export.whitespace import collapse_whitespace

__all__ = ["LEVELS", "find_claims", "load_lexicon"]

LEVELS = {"strict": 0.8, "default": 0.5, "all": 0.25}
_WORD = re.compile(r"\S+")
_PIECE = 1 << 16  # characters of a long text looked at at a time
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
    return lowered if len(lowered) == len(text) else _lower_each(text)


def _lower_each(text: str) -> str:
    """``text`` lower-cased character by character (so no final sigma), those that lower to two kept."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _windows(text: str) -> Iterator[tuple[int, str, str, list[tuple[int, int]] | None]]:
    """The text in windows of whole sentences (a short text: one, its sentences not split yet): each
    window's offset, text, lower-case copy with ASCII apostrophes, and sentences (offsets in the window).

    A long text is not lower-cased whole: ``str.lower`` takes 12 bytes a character while it works (a
    10 MB paragraph: 126 MB), and its cues are matched a window at a time."""
    if len(text) <= _PIECE:
        yield 0, text, apostrophes(_lower(text)), None
        return
    spans = split_sentences(text)
    # Sentences are apart by whitespace, where final sigma's context stops: each window lowers as in the
    # whole, unless a character lowers to two ("İ"): then the whole is lowered character by character.
    lower = str.lower if all(len(c.lower()) == 1 for c in set(text)) else _lower_each
    first = 0
    while first < len(spans):
        last = first
        while last + 1 < len(spans) and spans[last][1] - spans[first][0] < _PIECE:
            last += 1
        offset = spans[first][0]
        window = text[offset : spans[last][1]]
        shifted = [(start - offset, end - offset) for start, end in spans[first : last + 1]]
        yield offset, window, apostrophes(lower(window)), shifted
        first = last + 1


def find_claims(
    text: str, level: str = "default", lexicon: Lexicon | None = None, where: str = "the article"
) -> list[Claim]:
    """The speculative claims of ``text`` at ``level`` (strict, default, all): one per sentence, in order.

    ``where`` names the text in the notes: "the article", or "the comment" for a reader's comment."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    lexicon = lexicon or default_lexicon()
    return [
        _claim(start, original, sentence, hits, lexicon, where)
        for start, original, sentence, hits in _cued_sentences(text, LEVELS[level], lexicon)
    ]


def sentence_hits(text: str, lexicon: Lexicon | None = None) -> list[tuple[int, int, list[Hit]]]:
    """Each sentence of ``text`` that would be a claim at level ``all``: its offsets and the cues that
    survive their context with their weights (what ``benchmarks/claims_levels.py`` weighs families by)."""
    cued = _cued_sentences(text, LEVELS["all"], lexicon or default_lexicon())
    return [(start, start + len(original), hits) for start, original, _, hits in cued]


def _cued_sentences(
    text: str, threshold: float, lexicon: Lexicon
) -> Iterator[tuple[int, str, str, list[Hit]]]:
    """Each sentence of ``text`` that is a claim at ``threshold``: its offset, its text, its lower-cased
    text and the cues that survive their context and reach the threshold."""
    # The same as lower-casing after: apostrophes have no case, and both kinds are transparent to final
    # sigma; made ASCII in the lower-case copy, a text is not held a third time.
    for offset, window, lowered, sentences in _windows(text):
        matches = cue_matches(lowered, lexicon)
        if not matches:  # many paragraphs have no cue: spare splitting them
            continue
        spans = split_sentences(window) if sentences is None else sentences
        for (start, end), found in zip(
            spans, cues_by_sentence(lowered, matches, spans, lexicon), strict=True
        ):
            if not found:
                continue
            sentence, original = lowered[start:end], window[start:end]
            hits = sentence_cues(apostrophes(original), sentence, found, threshold, lexicon)
            # most sentences have no cue left: the cheaper test first
            if hits and not is_headline(original, lexicon):
                yield offset + start, original, sentence, hits


def _claim(start: int, original: str, sentence: str, hits: list[Hit], lexicon: Lexicon, where: str) -> Claim:
    """The claim of a sentence ``start`` characters into its paragraph: its kind, cue words and note."""
    kind = _kind(hits, sentence, lexicon)
    cues = list(dict.fromkeys(collapse_whitespace(original[hit.start : hit.end]) for hit in hits))
    note = claim_note(kind, hits, sentence, original, lexicon, where)
    return Claim(start, start + len(original), kind, cues, note, _cue_spans(hits, original, start))


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
