"""Shortcuts taken for speed give what the plain way gives, for any text."""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from export.annotate import sentences
from export.annotate.claims import find_claims
from export.annotate.cues import _TextWords
from export.annotate.lexicon import default_lexicon, load_lexicon
from export.annotate.phrases import _SEPARATOR, _separated
from export.annotate.sentences import split_sentences
from export.readers import text as text_reader
from export.readers.wxr.comments import _collapsed
from export.xmlchars import is_xml_legal, remove_xml_illegal, xml_illegal

FAST = settings(max_examples=300, deadline=None, derandomize=True)
# Every kind of whitespace str.split() knows, the printable characters around it, and some that are not.
SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"
OTHERS = ["a", "Z", "é", ".", "\u200b", "\x00", "\ufeff"]
TEXT = st.text(alphabet=st.sampled_from([*SPACES, *OTHERS]), max_size=40)


@given(TEXT)
@FAST
def test_collapsed_is_split_and_joined(text):
    assert _collapsed(text) == " ".join(text.split())


def test_collapsed_keeps_a_tidy_text_as_it_is():
    tidy = "A comment, with single spaces only."
    assert _collapsed(tidy) is tidy
    assert _collapsed(" two  spaces\u00a0here ") == "two spaces here"


# Dashes, quotes and spaces beyond ASCII (the table's path: every non-ASCII character a separator) among
# letters, some of them non-ASCII (the regex's path), and the "?" the table's path puts in their place.
MIXED = st.text(
    alphabet=st.sampled_from(["a", " ", "-", "'", "?", "_", "\u2014", "\u2019", "\u201c", "\xa0", "é"])
)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text(max_size=30) | MIXED)
@FAST
def test_separated_is_the_separator_regex(text):
    assert _separated(text) == _SEPARATOR.sub(" ", text)


def test_separated_covers_every_ascii_character():
    ascii_text = "".join(map(chr, range(128)))
    assert _separated(ascii_text) == _SEPARATOR.sub(" ", ascii_text)


# XML's forbidden characters and their neighbours, a lone surrogate among them, amid ordinary text.
XML_EDGES = ["\x00", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x0e", "\x1f", " ", "\x7f", "\x80", "é"]
XML_EDGES += ["\ud7ff", "\ud800", "\udfff", "\ue000", "\ufffd", "\ufffe", "\uffff", "\U00010000", "’"]


@given(st.text(alphabet=st.sampled_from([*XML_EDGES, "a", "<"]), max_size=30) | st.text(max_size=30))
@FAST
def test_is_xml_legal_is_the_regex(text):
    assert is_xml_legal(text) == (xml_illegal().search(text) is None)
    assert remove_xml_illegal(text) == xml_illegal().sub("", text)


def test_xml_legal_text_is_given_back_as_it_is():
    text = "A line\twith a tab,\r\na break and “quotes” – and an emoji 🙂."
    assert remove_xml_illegal(text) is text
    assert remove_xml_illegal("a\x00b\udc80c\uffffd") == "abcd"


# Context rules given a lookahead that only says sooner what the rest of the regex needs: their regex as
# it was, and the words and characters their matches turn on.
PLAIN_RULES = {
    "named-subject": r"\b(?!(?:It|He|She|They|We|You|One|This|That|There|These|Those|Some|Many|Most|Others|"
    r"People|Users|Readers|Consumers|Customers|Buyers|Owners|Drivers|Players|Fans)\b)(?![A-Z][a-z]+(?:ers|ees|"
    r"ors|ists|ants|ents|ians|ions|ies|ics)\b)[A-Z][a-z]+\s+(?:could|may|might)\s+(?!not\b|have\b|be\b|well\b|"
    r"also\b|even\b|always\b|just\b)[a-z]+\b",
    "relative-modal": r"\bwho\s+(?:\w+ly\s+)?(?:could|might|may)\b|\b(?!(?:says|said|say|estimates|estimated|"
    r"thinks|think|thought|believes|believe|believed|shows|show|showed|suggests|suggest|suggested|means|mean|"
    r"meant|hopes|hope|hoped|fears|fear|feared|is|was|argues|argued|warns|warned|notes|noted|found|finds|clear|"
    r"possible|likely|possibility|chance|risk|fact|sure|so|now|concern|concerns|worried|and|but)\s)\w+\s+that\s+"
    r"(?:\w+ly\s+)?(?:could|might|may)\b",
}
RULE_WORDS = {
    "named-subject": "It He They Fans Users Fixers Ions Anna Zed Éva X é "
    "could may might not have just run a 9",
    "relative-modal": "who Who that says but so is and quickly ly only could might may run a é 9 _",
}
RULE_GAPS = [" ", " ", " ", "  ", "\n", "\xa0", "", ".", "-", "'"]


@given(st.data(), st.sampled_from(sorted(PLAIN_RULES)))
@settings(max_examples=3000, deadline=None, derandomize=True)
def test_context_rules_match_as_their_plain_regex(data, name):
    words = st.sampled_from(RULE_WORDS[name].split())
    pieces = data.draw(st.lists(st.tuples(words, st.sampled_from(RULE_GAPS)), max_size=7))
    text = "".join(word + gap for word, gap in pieces)
    shipped = next(rule for rule in default_lexicon().rules if rule.name == name).pattern
    plain = re.compile(PLAIN_RULES[name])
    for variant in (text, text.lower()):
        assert [m.span() for m in shipped.finditer(variant)] == [m.span() for m in plain.finditer(variant)]


def test_context_rules_match_as_their_plain_regex_on_every_three_words():
    for name, plain_expression in PLAIN_RULES.items():
        shipped = next(rule for rule in default_lexicon().rules if rule.name == name).pattern
        plain = re.compile(plain_expression)
        words = RULE_WORDS[name].split()
        for first, second, third in product(words, repeat=3):
            for before, after in product(("", "x", "é", ". "), ("", "é", ".")):
                text = f"{before}{first} {second} {third}{after}"
                assert [m.span() for m in shipped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _plain_split(text: str) -> list[tuple[int, int]]:
    """split_sentences as it was: the word before a full stop found by looking back for each space."""

    def boundary(match: re.Match[str]) -> bool:
        following = match.group(1)
        if following is None or following.islower():
            return following is None
        stop = match.start()
        if text[stop] == "." and text[stop + 1 : stop + 2] != ".":
            window = max(0, stop - 64)
            spaces = [text.rfind(space, window, stop) for space in " \n\t\u00a0"]
            word = text[1 + max(window - 1, *spaces) : stop + 1].lstrip("\"'“‘«([")
            return not (re.fullmatch(r"(?:[A-Z]\.)+", word) or word.lower() in sentences._abbreviations())
        return True

    ends = [m.end() for m in sentences._CANDIDATE.finditer(text) if boundary(m)]
    spans, start = [], 0
    for end in [*ends, len(text)]:
        segment = text[start:end]
        if segment.strip():
            first = start + len(segment) - len(segment.lstrip())
            spans.append((first, first + len(segment.strip())))
        start = end
    return spans


SENTENCE_PIECES = ["Dr", "U.S", "A.B", "etc", "e.g", "it", "Rain", "x" * 70, "(Mr", "“No", "9"]
SENTENCE_GAPS = [" ", " ", ". ", ".", "\n", "\t", "\xa0", ". \t", "\xa0.", "! ", "?” ", "... ", "", ".\xa0"]


@given(st.lists(st.tuples(st.sampled_from(SENTENCE_PIECES), st.sampled_from(SENTENCE_GAPS)), max_size=10))
@settings(max_examples=2000, deadline=None, derandomize=True)
def test_split_sentences_finds_the_word_before_a_stop_as_before(pieces):
    text = "".join(word + gap for word, gap in pieces)
    assert split_sentences(text) == _plain_split(text)


def test_a_rule_for_every_cue_raises_a_weak_cue_as_one_listing_it(tmp_path: Path):
    """A sentence whose cues are all below the threshold is kept for a "*" rule that raises them too."""
    text = "Rain may plainly come."  # "may": 0.45, below the strict level's 0.8
    for number, cancels in enumerate(("may", "*")):
        rules = tmp_path / f"rules{number}.tsv"
        rules.write_text(f"sure\t{cancels}\tany\t\\bmay\\s+plainly\\b\t0.9\n", encoding="utf-8")
        claims = find_claims(text, "strict", load_lexicon(rules=rules))
        assert [(claim.start, claim.end) for claim in claims] == [(0, len(text))], cancels


# The text reader's marks, quotes, bullets and spaces, the regexes its string methods replaced (to be fast to
# compile), and the cleaned lines it applies them to.
READER_MARKS = [
    *".!?\u2026:;\"'\u201d\u2019)]\u201c\u2018\u00ab\u2022\u25e6\u2023\u25aa*-",
    "\u2014",
    "a",
    "1",
]
READER_TEXT = st.text(alphabet=st.sampled_from([*SPACES, *READER_MARKS, *OTHERS]), max_size=30)
SENTENCE_END = re.compile("[.!?\u2026:;][\"'\u201d\u2019)\\]]*\\Z")  # \Z for $: a paragraph ends with no "\n"
LIST_BULLET = re.compile(r"^[•◦‣▪*-]\s+")
REPLY_ITEM = re.compile(r"^[•◦*-]\s+(?P<text>\S.*)$")
COMMENT_HEADER = re.compile(
    r"^(?P<count>\d+|[a-z]+)\s+(?:thoughts?|comments?|responses?|repl(?:y|ies))\s+(?:on|to)\s+[\"'“‘«]",
    re.IGNORECASE,
)


@given(READER_TEXT)
@FAST
def test_the_text_readers_string_methods_are_the_regexes(text):
    end = text_reader._sentence_end(text)
    assert (end >= 0) == bool(SENTENCE_END.search(text))
    assert (text[:end] if end >= 0 else text) == SENTENCE_END.sub("", text)
    after = text_reader._after_marker(text, text_reader.LIST_BULLETS)
    assert (text if after is None else after) == LIST_BULLET.sub("", text)
    line = text_reader._clean(text)
    reply = REPLY_ITEM.match(line)
    assert text_reader._after_marker(line, text_reader.REPLY_MARKERS) == (reply["text"] if reply else None)


@given(st.sampled_from(["12 thoughts on", "One reply to", "no  Comments\u00a0on"]), READER_TEXT)
@FAST
def test_the_comment_header_is_its_regex(start, rest):
    line = text_reader._clean(start + rest)
    header, expected = text_reader._comment_header(line), COMMENT_HEADER.match(line)
    assert (header and header["count"]) == (expected and expected["count"])


@given(st.text(max_size=30) | MIXED)
@FAST
def test_a_texts_words_are_its_runs_of_word_characters(text):
    assert _TextWords()[text] == {word.encode() for word in re.findall(r"\w+", text)}
