"""The needles of a rule's pattern: strings every match contains, read without the private regex parser."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from export.annotate.lexicon import default_lexicon
from export.annotate.needles import needle_sets, word_sets


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bwill\b", (("will",),)),
        (r"abc", (("abc",),)),
        (r"x\.y", (("x.y",),)),
        (r"ab?c", (("a",), ("c",))),
        (r"ab+c", (("a",), ("b",), ("c",))),
        (r"(?:foo|bar)baz", (("foo", "bar"), ("baz",))),
        (r"\b(?:may|might)\s+(?:i|we)\b", (("may", "might"), ("i", "we"))),
        (r"\b(?:may|might)\s+be\s+(?:made|used)\b", (("may", "might"), ("be",), ("made", "used"))),
        (r"(?P<n>hello) world", (("hello",), (" world",))),
        (r"a(?=bbbb)c", (("a",), ("c",))),  # a lookahead holds nothing of the match
        ('[“"]\\w', (("“", '"'),)),
        (r"[“\"]\w+[”\"]", (("“", '"'), ("”", '"'))),
        (r"\bsources?\s+of\b", (("source",), ("of",))),
        (r"\b(?:contrary|opposite)\s+to\b", (("contrary", "opposite"), ("to",))),
        (r"\b(?:so|)\s+could\b", (("could",),)),  # an empty branch: the group needs nothing
        (r"(?:foo|bar)baz|qux", (("baz", "qux"),)),  # several branches: one set, a needle of each
        (r"\w+|x", ()),
        (r"\bmay\b|\w+", ()),  # a branch without a literal
        (r"(?:will)?\s*\w+", ()),  # optional
        (r"(?i)abc", ()),  # case-insensitive
        (r"(?i)\bmay\b", ()),
        (r"(?i:may)", ()),
        # an escape's argument is no literal: "\x41" is "A", "\N{EM DASH}" is a dash
        (r"\x41bc", (("bc",),)),
        (r"\u00e9t\u00e9", (("t",),)),
        (r"\N{EM DASH} or", ((" or",),)),
        (r"(a)\1bc|\101bc", (("bc",),)),
    ],
)
def test_needle_sets_of_a_pattern(pattern: str, expected: tuple[tuple[str, ...], ...]):
    """Every match of the pattern holds a string of each set; none when that is not sure."""
    assert needle_sets(re.compile(pattern)) == expected


def test_case_blind_patterns_have_none():
    assert needle_sets(re.compile("abc", re.IGNORECASE)) == ()


ALPHABET = "ab()|?*+.[]\\{}1,^"


@given(st.text(alphabet=ALPHABET, max_size=12), st.text(alphabet="ab(). |", max_size=20))
def test_every_match_holds_a_needle(source: str, text: str):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set": still a pattern
            pattern = re.compile(source)
    except (re.error, OverflowError):
        return
    match = pattern.search(text)
    if match:
        for needles_of_one in needle_sets(pattern):
            assert any(needle in match.group() for needle in needles_of_one)


def test_the_lexicon_rules_find_their_needles_in_every_sentence_they_match():
    lines = (Path(__file__).parent / "data" / "claims_en.tsv").read_text(encoding="utf-8").splitlines()
    sentences = [line.rsplit("\t", 1)[-1].lower() for line in lines if not line.startswith("#")]
    rules = default_lexicon().rules
    assert sum(bool(rule.needles) for rule in rules) > len(rules) // 2
    for rule in rules:
        for sentence in sentences:
            if rule.pattern.search(sentence):
                for needles_of_one in rule.needles:
                    assert any(needle in sentence for needle in needles_of_one), (rule.name, sentence)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bwill\b", ((frozenset({"will"}),),)),
        (r"will", ()),  # not bounded: "willing" holds it
        (r"\b(?:may|might)\s+(?:also\s+|not\s+)?be\b", (({"may", "might"}, {"be"}),)),
        (r"\b(?:may|might)\s*be\b", ()),  # "maybe" has neither word
        (r"\bi'd\b", (({"i"}, {"d"}),)),
        (r"\bi\s+would\b|\bwe\b", (({"i"}, {"would"}), ({"we"},))),
        (r"\bi\s+would\b|\w+", ()),  # a branch without words
        (r"\bsources?\s+of\b", (({"of"},),)),
        (r"\b(?!not\b)(?:x|y)\s+z", (({"x", "y"},),)),  # a lookahead is passed over
        (r"[,;]\s*(?:so|thus)\b", (({"so", "thus"},),)),
        (r"\b[Aa]ccording\s+to\b", (({"to"},),)),
        (r"(?i)\bmay\b", ()),
        (r"\bmay\N{EM DASH}\s+be\b", (({"be"},),)),
        (r"\bmay\x20be\b", ()),
    ],
)
def test_word_sets_of_a_pattern(pattern: str, expected: tuple[tuple[set[str], ...], ...]):
    """Every match of a branch has, in its text, a whole word of each of the branch's sets."""
    assert word_sets(pattern) == tuple(tuple(frozenset(words) for words in branch) for branch in expected)


WORD_ALPHABET = ["a", "b", "ab", " ", "'", r"\b", r"\s", r"\s+", r"\W", "(?:", "(?!", "(?<=a", ")", "|", "?"]
WORD_ALPHABET += ["*", "+", "[,a]", "[ ']", "[_']", ".", r"\x61", r"\x20", r"\141", r"\N{SPACE}"]


@given(st.lists(st.sampled_from(WORD_ALPHABET), max_size=10), st.text(alphabet="ab ',\n", max_size=16))
def test_every_match_has_a_word_of_each_set(pieces: list[str], text: str):
    source = "".join(pieces)
    try:
        pattern = re.compile(source)
    except re.error:
        return
    branches = word_sets(source)
    for match in pattern.finditer(text):
        if branches:  # the text's words inside the match
            runs = re.finditer(r"\w+", text)
            words = {run.group() for run in runs if match.start() <= run.start() and run.end() <= match.end()}
            assert any(all(words & needed for needed in branch) for branch in branches), (source, text)


def test_the_lexicon_rules_find_their_words_in_every_sentence_they_match():
    lines = (Path(__file__).parent / "data" / "claims_en.tsv").read_text(encoding="utf-8").splitlines()
    sentences = [line.rsplit("\t", 1)[-1] for line in lines if not line.startswith("#")]
    rules = default_lexicon().rules
    assert sum(bool(rule.words) for rule in rules) > len(rules) * 3 // 4
    for rule in rules:
        for sentence in sentences:
            text = sentence if rule.exact_case else sentence.lower()
            words = {word.encode() for word in re.findall(r"\w+", text)}
            if rule.words and rule.pattern.search(text):
                assert any(all(words & needed for needed in branch) for branch in rule.words), rule.name
