"""Cue words in a sentence, and the context rules that cancel some of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from export.annotate.lexicon import Lexicon


@dataclass(frozen=True)
class Hit:
    """A cue found in a sentence: its offsets, its words as the lexicon has them, kind and weight."""

    start: int
    end: int
    cue: str
    kind: str
    weight: float


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start``..``end`` overlaps any of ``spans``."""
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _hit(match: re.Match[str], lexicon: Lexicon, offset: int = 0) -> Hit:
    """The cue that matched, found by its words or else by its pattern; offsets from ``offset``."""
    words = " ".join(match.group().split())
    cue = words if words in lexicon.cues else next(c for p, c in lexicon.patterned if p.fullmatch(words))
    return Hit(match.start() - offset, match.end() - offset, cue, *lexicon.cues[cue])


def cue_matches(lowered: str, lexicon: Lexicon) -> list[re.Match[str]]:
    """The cues of lower-cased text, as matches of the lexicon's pattern."""
    pattern = lexicon.pattern if "'" in lowered else lexicon.without_apostrophe  # the same matches, faster
    return list(pattern.finditer(lowered))


def cues_by_sentence(
    lowered: str, matches: list[re.Match[str]], spans: list[tuple[int, int]], lexicon: Lexicon
) -> list[list[Hit]]:
    """The cues of each sentence (``spans``) of lower-cased text, from its ``matches``, offsets into the
    sentence: what scanning each alone finds, unless a match runs over a sentence's end: then that is done."""
    found: list[list[Hit]] = [[] for _ in spans]
    index = 0
    for match in matches:
        while index < len(spans) and spans[index][1] <= match.start():
            index += 1
        if index == len(spans) or not spans[index][0] <= match.start() < match.end() <= spans[index][1]:
            return [[_hit(m, lexicon) for m in cue_matches(lowered[s:e], lexicon)] for s, e in spans]
        found[index].append(_hit(match, lexicon, spans[index][0]))
    return found


def sentence_cues(
    sentence: str, lowered: str, found: list[Hit], threshold: float, lexicon: Lexicon
) -> list[Hit]:
    """The cues ``found`` in one sentence that survive the context rules and reach ``threshold``, in text
    order."""
    if not any(hit.weight >= threshold or hit.cue in lexicon.reweighted for hit in found):
        return []  # nothing to flag: spare the context rules
    by_cue = lexicon.rules_by_cue
    tried = lexicon.rules_for_any.union(*(by_cue[hit.cue] for hit in found))
    matched: list[tuple[re.Match[str], int]] = []
    for index in sorted(tried):
        rule = lexicon.rules[index]
        text = sentence if rule.exact_case else lowered
        if rule.needles and not any(needle in text for needle in rule.needles):
            continue  # it cannot match: spare the regex
        for match in rule.pattern.finditer(text):
            if rule.whole_sentence:
                return []
            matched.append((match, index))
    kept = []
    for hit in found:
        weights = [
            lexicon.rules[index].weight
            for match, index in matched
            if hit.start < match.end()
            and match.start() < hit.end
            and (index in by_cue[hit.cue] or index in lexicon.rules_for_any)
        ]
        if not weights:
            kept.append(hit)
        elif min(weights) > 0:  # a context that makes the cue weaker or surer: the lowest such weight
            kept.append(Hit(hit.start, hit.end, hit.cue, hit.kind, min(weights)))
    spans = [match.span() for match, index in matched if not lexicon.rules[index].weight]
    return [hit for hit in _license_conditions(lowered, kept, spans, lexicon) if hit.weight >= threshold]


_TRAILING = 0.45  # the most a condition after its consequence weighs by itself: level all only


def _license_conditions(
    lowered: str, hits: list[Hit], cancelled: list[tuple[int, int]], lexicon: Lexicon
) -> list[Hit]:
    """Keep a condition (if, unless) only with a modal consequence, which then counts as strongly as it;
    a condition after its consequence ("it could … if") adds no weight of its own."""
    conditions = [
        hit
        for hit in hits
        if hit.kind == "conditional" and not lexicon.modal.fullmatch(lowered, hit.start, hit.end)
    ]
    if not conditions:
        return hits
    modals = [m.span() for m in lexicon.modal.finditer(lowered) if not overlaps(*m.span(), cancelled)]
    if not modals:
        return [hit for hit in hits if hit not in conditions]
    start, end = modals[0]
    others = [hit for hit in hits if hit not in conditions]
    own = [
        hit for hit in others if hit.kind != "conditional" and overlaps(start, end, [(hit.start, hit.end)])
    ]
    trailing = all(hit.start > start for hit in conditions)
    strongest = max(hit.weight for hit in conditions)
    if own:
        # The modal is a cue of its own ("if …, it could"): under the condition, a conditional claim, as
        # strong as the condition before it, or as the modal alone when the condition trails.
        weight = own[0].weight if trailing else max(own[0].weight, strongest)
        modal = [
            Hit(h.start, h.end, h.cue, "conditional", weight) if h.kind == "possibility" else h for h in own
        ]
        kept = [hit for hit in others if hit not in own]
        conditions = [_weighed(hit, min(hit.weight, weight)) for hit in conditions]
        return sorted([*kept, *modal, *conditions], key=lambda hit: hit.start)
    weight = min(strongest, _TRAILING) if trailing else strongest
    kept = [hit for hit in others if not overlaps(hit.start, hit.end, [(start, end)])]
    conditions = [_weighed(hit, min(hit.weight, weight)) for hit in conditions]
    consequence = Hit(start, end, lowered[start:end], "conditional", weight)
    return sorted([*kept, *conditions, consequence], key=lambda hit: hit.start)


def _weighed(hit: Hit, weight: float) -> Hit:
    return Hit(hit.start, hit.end, hit.cue, hit.kind, weight)
