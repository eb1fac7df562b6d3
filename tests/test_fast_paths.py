"""Shortcuts taken for speed give what the plain way gives, for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from export.annotate.phrases import _SEPARATOR, _separated
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
