"""The share of a chapter's words that its stylesheet visibly marks as claims."""

from __future__ import annotations

import pytest

from export.visible_marks import marked_words, visible_claim_classes

CHAPTER = (
    b'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>'
    b"<h1>A title</h1><p>One two "
    b'<span class="speculative" data-claim="possibility">it <span class="cue">may</span> '
    b'<em>rain</em> to<span class="cue">morrow</span></span>'
    b'<a class="noteref" epub:type="noteref" href="#note-1">1</a>.</p><p>Next paragraph.</p>'
    b'<section epub:type="footnotes"><p>A note of many words that are not counted.</p></section>'
    b"</body></html>"
)


@pytest.mark.parametrize(
    ("css", "classes"),
    [
        (".cue { text-decoration: underline dotted; }", {"cue"}),
        ("span.speculative, p .cue { background-color: #eee }", {"speculative", "cue"}),
        (".speculative { text-decoration: none } .cue { font-weight: bold !important }", {"cue"}),
        ("/* .cue { color: red } */ .speculative[data-claim] {}", set()),
        (".speculative .other { text-decoration: underline } .cue { text-indent: 1em }", set()),
    ],
)
def test_visible_classes_are_the_claim_classes_a_rule_gives_a_visible_style(css, classes):
    assert visible_claim_classes(css) == classes


def test_words_are_counted_apart_in_each_block_and_notes_are_left_out():
    nothing = marked_words(CHAPTER, "")
    assert (nothing.marked, nothing.words) == (0, 10)  # "tomorrow" is one word, "1" a note number


def test_a_word_counts_once_when_any_of_it_is_marked():
    cues = marked_words(CHAPTER, ".cue { text-decoration: underline }")
    assert (cues.marked, cues.words) == (2, 10) and cues.share == 0.2
    claims = marked_words(CHAPTER, ".speculative { text-decoration: underline }")
    assert claims.marked == 4
