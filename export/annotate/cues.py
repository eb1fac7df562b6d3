"""Cue words in a sentence, and the context rules that cancel some of them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from export.annotate.lexicon import Lexicon, Rule, level_cap
from export.annotate.phrases import ascii_translated, is_patterned
from export.model import ClaimKind
from export.whitespace import collapse_whitespace

CueMatch = tuple[int, int, str]  # a cue's offsets in a text, and the cue
_WORD_RUN = re.compile(r"\w+")
# Every byte that is not an ASCII word character made a space: the words of ASCII text by three passes in C.
_ASCII_SPACES = bytes(code if chr(code).isalnum() or code == ord("_") else ord(" ") for code in range(128))
_ASCII_SPACES += b" " * 128
_MAX_RAISING = 4096  # the cues (and thresholds) whose raising rules are kept
_MAX_CUE_SETS = 4096  # the sets of a sentence's cues whose rules to try are kept


class _TextWords(dict[str, set[bytes]]):
    """The words of a text (its runs of word characters, in UTF-8), found once, when the rule index or a
    rule first asks."""

    def __missing__(self, text: str) -> set[bytes]:
        translated = ascii_translated(text, _ASCII_SPACES)
        if translated is not None:
            found = set(translated.split())
        else:
            found = {word.encode() for word in _WORD_RUN.findall(text)}
        self[text] = found
        return found


class Hit(NamedTuple):
    """A cue found in a sentence: its offsets, its words as the lexicon has them, kind and weight."""

    start: int
    end: int
    cue: str
    kind: ClaimKind
    weight: float
    family: str = ""  # what set its weight, when not the cue alone: "rule:NAME" or "condition"

    @property
    def source(self) -> str:
        """The family that puts this cue at its level (levels_en.tsv): the cue, a rule or a condition."""
        return self.family or self.cue


def _overlap(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether ``start``..``end`` and ``other_start``..``other_end`` overlap."""
    return start < other_end and other_start < end


def _hit(match: CueMatch, lowered: str, lexicon: Lexicon, offset: int = 0) -> Hit:
    """The cue found at ``match`` of ``lowered``: the cue whose words it is, if one is (a pattern may come
    first and match the words of a literal cue), else the one that matched; offsets from ``offset``."""
    start, end, cue = match
    if is_patterned(cue):
        words = collapse_whitespace(lowered[start:end])
        if words in lexicon.cues:
            cue = words
    return Hit(start - offset, end - offset, cue, *lexicon.cues[cue])


def cue_matches(lowered: str, lexicon: Lexicon) -> list[CueMatch]:
    """The cues of lower-cased text, in order and apart: the offsets of each, and the cue that matched."""
    return lexicon.phrases.matches(lowered)


def cues_by_sentence(
    lowered: str, matches: list[CueMatch], spans: list[tuple[int, int]], lexicon: Lexicon
) -> list[list[Hit]]:
    """The cues of each sentence (``spans``) of lower-cased text, from its ``matches``, offsets into the
    sentence: what scanning each alone finds, unless a match runs over a sentence's end: then that is done."""
    found: list[list[Hit]] = [[] for _ in spans]
    index = 0
    for match in matches:
        start, end, _ = match
        while index < len(spans) and spans[index][1] <= start:
            index += 1
        if index == len(spans) or not spans[index][0] <= start < end <= spans[index][1]:
            return [
                [_hit(match, lowered[s:e], lexicon) for match in cue_matches(lowered[s:e], lexicon)]
                for s, e in spans
            ]
        found[index].append(_hit(match, lowered, lexicon, spans[index][0]))
    return found


def sentence_cues(
    sentence: str, lowered: str, found: list[Hit], threshold: float, lexicon: Lexicon
) -> list[Hit]:
    """The cues ``found`` in one sentence that survive the context rules and reach ``threshold``, in text
    order."""
    raising = None
    if not any(hit.weight >= threshold for hit in found):
        # Only a rule that raises a cue to the threshold can make a claim here: try those first.
        raising = frozenset().union(*[_raising(hit.cue, threshold, lexicon) for hit in found])
        if not raising:  # as is most often the case: the sentence's words are not needed
            return []
    words = _TextWords()
    held = words[lowered]
    if raising is not None:
        key_words = lexicon.rule_keys
        # a rule with key words is tried only where the sentence holds one (``rule_keys``)
        possible = (i for i in raising if i not in key_words or not key_words[i].isdisjoint(held))
        if not any(_matches(i, sentence, lowered, words, lexicon) for i in possible):
            return []
    cues = tuple([hit.cue for hit in found])
    tried = lexicon.tried_rules.get(cues) or _tried_rules(cues, lexicon)
    matched: list[tuple[re.Match[str], int]] = []
    looks = lexicon.word_looks
    in_sentence, in_lowered = sentence.__contains__, lowered.__contains__
    for index, rule, keys in tried:
        if keys is not None and (keys.isdisjoint(held) or not _holds(rule.words, held)):
            continue  # the sentence lacks the words of each of its branches
        text, holds = (sentence, in_sentence) if rule.exact_case else (lowered, in_lowered)
        for needles in rule.needles:  # as _matches, without a call for each rule tried
            if not any(map(holds, needles)):
                break
        else:
            if keys is None and index in looks and not _has_words(index, text, words, lexicon):
                continue
            for match in rule.pattern.finditer(text):
                if rule.whole_sentence:
                    return []
                matched.append((match, index))
    if matched:
        kept, spans = _weighed_by(matched, found, lexicon)
    else:  # as most often: no context changes a cue
        kept, spans = found, _NO_SPANS
    licensed = _license_conditions(lowered, kept, spans, lexicon)
    if lexicon.levels:
        licensed = [_capped(hit, lexicon.levels) for hit in licensed]
    return [hit for hit in licensed if hit.weight >= threshold]


def _weighed_by(
    matched: list[tuple[re.Match[str], int]], found: list[Hit], lexicon: Lexicon
) -> tuple[list[Hit], _Spans]:
    """The cues ``found`` as the rules ``matched`` leave them (those a rule cancels dropped), and the spans
    of the cancelling matches."""
    by_cue, rules = lexicon.rules_by_cue, lexicon.rules
    # The cues of a sentence do not overlap and are in order: those a match overlaps are a run of them.
    starts, ends = [hit.start for hit in found], [hit.end for hit in found]
    weights: list[list[tuple[float, int]]] = [[] for _ in found]
    for match, index in matched:
        for position in range(bisect_right(ends, match.start()), bisect_left(starts, match.end())):
            if index in lexicon.rules_for_any or index in by_cue[found[position].cue]:
                weights[position].append((rules[index].weight, index))
    kept = []
    for hit, given in zip(found, weights, strict=True):
        if not given:
            kept.append(hit)
        elif (lowest := min(given))[0] > 0:  # a context that makes the cue weaker or surer: the lowest
            kept.append(_weighed(hit, lowest[0], f"rule:{rules[lowest[1]].name}"))
    return kept, _Spans(match.span() for match, index in matched if not rules[index].weight)


def _tried_rules(
    cues: tuple[str, ...], lexicon: Lexicon
) -> tuple[tuple[int, Rule, frozenset[bytes] | None], ...]:
    """The rules tried for a sentence with ``cues``, in order: index, rule and its key words if it has
    (``rule_keys``), kept for the next sentence with those cues."""
    rules, keys = lexicon.rules, lexicon.rule_keys
    indices = sorted(lexicon.rules_for_any.union(*(lexicon.rules_by_cue[cue] for cue in cues)))
    tried = tuple((index, rules[index], keys.get(index)) for index in indices)
    if len(lexicon.tried_rules) < _MAX_CUE_SETS:
        lexicon.tried_rules[cues] = tried
    return tried


def _raising(cue: str, threshold: float, lexicon: Lexicon) -> frozenset[int]:
    """The rules for ``cue`` (listing it, or every cue) that give it at least ``threshold``, kept for the
    next sentence with it."""
    found = lexicon.raising.get((cue, threshold))
    if found is None:
        rules, tried = lexicon.rules, lexicon.rules_by_cue[cue].union(lexicon.rules_for_any)
        found = frozenset(index for index in tried if rules[index].weight >= threshold)
        if len(lexicon.raising) < _MAX_RAISING:
            lexicon.raising[cue, threshold] = found
    return found


def _capped(hit: Hit, levels: dict[str, float]) -> Hit:
    """``hit`` with at most the weight its family and its kind may keep (levels_en.tsv)."""
    most = level_cap(levels, hit.source, hit.kind)
    return hit if hit.weight <= most else _weighed(hit, most)


def _has_words(index: int, text: str, words: _TextWords, lexicon: Lexicon) -> bool:
    """Whether ``text`` has the words of a branch of the rule at ``index`` (without, it cannot match); asked
    for its first sentences only (``Lexicon.word_looks``): once its regex is compiled, that is quicker."""
    looks = lexicon.word_looks.pop(index, 0)
    if _holds(lexicon.rules[index].words, words[text]):
        return True  # its regex is compiled now: its words are not looked for again
    if looks > 1:
        lexicon.word_looks[index] = looks - 1
    return False


def _holds(branches: tuple[tuple[frozenset[bytes], ...], ...], found: set[bytes]) -> bool:
    """Whether the words ``found`` have, for one of the ``branches``, a word of each of its sets."""
    for branch in branches:
        for needed in branch:
            if found.isdisjoint(needed):
                break
        else:
            return True
    return False


def _matches(index: int, sentence: str, lowered: str, words: _TextWords, lexicon: Lexicon) -> bool:
    """Whether the rule at ``index`` matches the sentence: tried only where its text holds a needle of each
    of the rule's needle sets (without, it cannot match) and, while they are looked for, its words."""
    rule = lexicon.rules[index]
    text = sentence if rule.exact_case else lowered
    holds = text.__contains__
    for needles in rule.needles:
        if not any(map(holds, needles)):
            return False
    if index in lexicon.word_looks and not _has_words(index, text, words, lexicon):
        return False
    return rule.pattern.search(text) is not None


class _Spans:
    """Spans of text, merged and in order, to ask in logarithmic time whether a span overlaps one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlap(self, start: int, end: int) -> bool:
        position = bisect_right(self.ends, start)
        return position < len(self.starts) and self.starts[position] < end


_NO_SPANS = _Spans(())


_TRAILING = 0.45  # the most a condition after its consequence weighs by itself: level all only


def _license_conditions(lowered: str, hits: list[Hit], cancelled: _Spans, lexicon: Lexicon) -> list[Hit]:
    """Keep a condition (if, unless) only with a modal consequence, which then counts as strongly as it;
    a condition after its consequence ("it could … if") adds no weight of its own."""
    if all(hit.kind != "conditional" for hit in hits):  # as most often
        return hits
    conditions: list[Hit] = []
    others: list[Hit] = []
    for hit in hits:
        is_condition = hit.kind == "conditional" and not lexicon.modal.fullmatch(lowered, hit.start, hit.end)
        (conditions if is_condition else others).append(hit)
    if not conditions:
        return hits
    first = next(
        (m.span() for m in lexicon.modal.finditer(lowered) if not cancelled.overlap(*m.span())), None
    )
    if first is None:
        return others
    start, end = first
    own = [hit for hit in others if hit.kind != "conditional" and _overlap(start, end, hit.start, hit.end)]
    trailing = all(hit.start > start for hit in conditions)
    strongest = max(hit.weight for hit in conditions)
    if own:
        # The modal is a cue of its own ("if …, it could"): under the condition, a conditional claim, as
        # strong as the condition before it, or as the modal alone when the condition trails.
        weight = own[0].weight if trailing else max(own[0].weight, strongest)
        modal = [_conditioned(h, weight) if h.kind == "possibility" else h for h in own]
        kept = [hit for hit in others if hit not in own]
        conditions = [_weighed(hit, min(hit.weight, weight)) for hit in conditions]
        return sorted([*kept, *modal, *conditions], key=lambda hit: hit.start)
    weight = min(strongest, _TRAILING) if trailing else strongest
    kept = [hit for hit in others if not _overlap(hit.start, hit.end, start, end)]
    conditions = [_weighed(hit, min(hit.weight, weight)) for hit in conditions]
    consequence = Hit(start, end, lowered[start:end], "conditional", weight, "condition")
    return sorted([*kept, *conditions, consequence], key=lambda hit: hit.start)


def _conditioned(hit: Hit, weight: float) -> Hit:
    """A modal of possibility under a condition: conditional; of the family "condition" if that raised it."""
    family = "condition" if weight > hit.weight else hit.family
    return Hit(hit.start, hit.end, hit.cue, "conditional", weight, family)


def _weighed(hit: Hit, weight: float, family: str | None = None) -> Hit:
    return Hit(hit.start, hit.end, hit.cue, hit.kind, weight, hit.family if family is None else family)
