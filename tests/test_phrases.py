"""The phrase index finds what one regex of all its phrases, tried in the index's order, finds."""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export.annotate import phrases as phrases_module
from export.annotate.lexicon import default_lexicon
from export.annotate.phrases import PhraseIndex, phrase_regex

FAST = settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def one_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """What the index stands for: every phrase in one alternation, on word boundaries, in order."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(phrase_regex, phrases))})(?![\w-])")


def found(phrases: tuple[str, ...], text: str) -> list[str]:
    spans = [(start, end) for start, end, _ in PhraseIndex(phrases).matches(text)]
    assert spans == [match.span() for match in one_regex(phrases).finditer(text)]
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it could well rain", ["could well"]),  # the longer phrase, first in order
        ("could,well it", ["could"]),  # a comma is not a space
        ("could\n\t well", ["could\n\t well"]),  # any whitespace between words
        ("coulds -could could- could_ (could)", ["could"]),  # word boundaries: not a hyphen or underscore
        ("sources close by said it", ["sources close by said"]),  # "*": up to two words
        ("sources a b c said", []),
        ("officials, in private, said", []),  # "**": not over clause punctuation
        ("officials in a long private talk said", ["officials in a long private talk said"]),
        ("the president's sources told", ["president's sources"]),  # attached to the word before
        ("he'll go, we'll probably see", ["he'll", "we'll probably"]),
        ("don't expect it", ["don't expect"]),
        ("don't, expect", []),
    ],
)
def test_phrases_in_text(text: str, expected: list[str]):
    phrases = (
        "sources * said",
        "officials ** said",
        "'ll probably",
        "'s sources",
        "don't expect",
        "could well",
        "could",
        "'ll",
    )
    assert found(phrases, text) == expected


def test_the_first_phrase_in_order_wins_where_several_start():
    assert found(("'s sources", "john"), "john's sources") == ["john's sources"]
    assert found(("john", "'s sources"), "john's sources") == ["john"]


@pytest.mark.parametrize(
    "text",
    [
        "the u.s.'s sources said",  # after a dot in the word before: a start of its own
        "the u.s-'s sources, john-smith's sources",
        "x" * 64 + "'s sources and " + "x" * 65 + "'s sources",  # a word too long to attach to
        "y." * 40 + "y's sources",  # the run before the apostrophe is longer than a phrase's reach
        "a's " * 20 + "b's sources",  # apostrophes in few characters: the text is scanned whole
        "it's (john's) sources; 's sources",
        "the officials' sources said, " + "and so on " * 8,  # "s'": what follows starts before the apostrophe
        "don't, won't, isn't: the president's sources " + "and so on " * 8,  # apostrophes no phrase follows
    ],
)
def test_attached_phrases_only_where_the_word_before_runs_to_an_apostrophe(text: str):
    found(("'s sources", "'ll"), text)
    found(("'s sources", "'ll"), f"{text} " * 300)


WORDS = ["may", "well", "it's", "sources", "said", "a", "the", "b-c", "i", "9"]
SEPARATORS = [" ", "  ", "\n", ",", ", ", "'", "'s ", "-", "_", "’", ".", "; ", "(", "é", ""]
PHRASES = st.lists(
    st.lists(st.sampled_from([*WORDS, "*", "**"]), min_size=1, max_size=4)
    .filter(lambda words: words[0] not in ("*", "**") and words[-1] not in ("*", "**"))
    .map(" ".join)
    | st.sampled_from(["'s sources", "'ll", "'s"]),
    min_size=1,
    max_size=8,
    unique=True,
).map(tuple)
TEXTS = st.lists(st.sampled_from(WORDS + SEPARATORS), max_size=30).map("".join)


@FAST
@given(PHRASES, TEXTS)
def test_the_index_finds_what_one_regex_finds(phrases: tuple[str, ...], text: str):
    found(phrases, text)
    found(phrases, " ".join([text] * (5000 // (len(text) + 1) + 1)))  # a long text's runs are listed


@FAST
@given(PHRASES, TEXTS, st.integers(1, 40))
def test_a_long_text_listed_a_piece_at_a_time_gives_what_one_regex_finds(
    phrases: tuple[str, ...], text: str, piece: int
):
    with patch.object(phrases_module, "_PIECE", piece):  # many pieces, boundaries everywhere
        found(phrases, " ".join([text] * (5000 // (len(text) + 1) + 1)))


def test_the_lexicon_cues_in_a_text_of_their_own_words():
    phrases = default_lexicon().cue_order
    words = sorted({word for phrase in phrases for word in phrase.split() if "*" not in word})
    text = " ".join(words) + ". " + ", ".join(reversed(words)) + " he'll probably see john's sources"
    assert found(phrases, text)
