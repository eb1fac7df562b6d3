"""benchmarks/block_markup.py and html_block_model's markup features, on a synthetic page."""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from block_markup import class_words, describe
from html_block_model import Example, Vocabulary, _region, with_markup
from html_trim_eval import Saved
from large_corpus import LargeGold

from export.model import Paragraph

PAGE = """<html><body>
<h1>The bridge</h1>
<article class="post-body"><div class="entryContent">
<p>The council met on <a href="/m">Monday</a> and agreed
  to rebuild the bridge.</p>
<p>Work starts in May.</p>
<figure><figcaption class="wp-caption-text">The old bridge, 1950</figcaption></figure>
</div>
<aside class="shareBar"><div>Share this story</div></aside></article>
<nav><a href="/">Home</a></nav>
</body></html>"""

TEXTS = [
    "The council met on Monday and agreed to rebuild the bridge.",
    "Work starts in May.",
    "The old bridge, 1950",
    "Share this story",
    "Not on this page at all",
]


def _described():
    root = etree.fromstring(PAGE)
    container = root.find(".//div[@class='entryContent']")
    return describe(root, TEXTS, container)


def test_class_words_split_on_dashes_and_camel_case():
    element = etree.fromstring('<div class="shareBar-top post_meta" id="AdSlot2" role="complementary"/>')
    assert class_words(element) == ["ad", "bar", "complementary", "meta", "post", "share", "slot", "top"]


def test_each_text_is_found_at_its_element_whatever_its_whitespace():
    found = _described()
    assert [m.levels[-1].tag if m else None for m in found] == ["p", "p", "figcaption", "div", None]
    first, _, caption, share, _ = found
    assert first is not None and first.found == "whole" and first.share == 1.0
    assert first.siblings == 3 and first.similar == 2  # two paragraphs and a figure
    assert first.after_headline == 1.0 and first.in_container
    assert caption is not None and caption.levels[-1].words == ["caption", "text", "wp"]
    assert share is not None and not share.in_container
    assert [level.words for level in share.levels[-2:]] == [["bar", "share"], []]


def test_markup_rows_carry_the_words_below_the_texts_common_ancestor():
    found = _described()
    assert _region(found) == 3  # html, body, article: the four texts' common ancestor is the article
    blocks = [Paragraph(text) for text in TEXTS]
    vocabulary = Vocabulary(["bar", "post", "share"])
    rows = with_markup([[0.0]] * len(blocks), found, vocabulary)
    words = [row[-3:] for row in rows if row is not None]
    # "post" is the common ancestor's word, every block's: no block carries it
    assert words == [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 1.0], [0.0, 0.0, 0.0]]
    assert rows[-1] is not None and not any(rows[-1][1:])  # not found: every markup feature 0


def test_a_word_is_learned_only_from_enough_sites():
    found = _described()
    blocks = [Paragraph(text) for text in TEXTS]

    def example(site: str) -> Example:
        gold = LargeGold(Path("page.html"), "trafilatura", site)
        rows: list[list[float] | None] = [[0.0]] * len(blocks)
        saved = Saved(list(blocks), None, False, "", found)
        return Example(gold, saved, list(blocks), rows, [None] * 5, rows, [None] * 5, found, found)

    assert Vocabulary.learn([example(f"s{i}.org") for i in range(4)]).words == []
    learned = Vocabulary.learn([example(f"s{i}.org") for i in range(5)]).words
    assert "share" in learned and "post" not in learned and "entry" in learned


def test_word_scores_favour_the_words_of_boilerplate_blocks():
    found = _described()
    blocks = [Paragraph(text) for text in TEXTS]
    marks: list[int | None] = [0, 0, None, 1, None]  # the share bar is boilerplate, the paragraphs article

    def example(site: str) -> Example:
        gold = LargeGold(Path("page.html"), "trafilatura", site)
        rows: list[list[float] | None] = [[0.0]] * len(blocks)
        saved = Saved(list(blocks), None, False, "", found)
        return Example(gold, saved, list(blocks), rows, marks, rows, marks, found, found)

    vocabulary = Vocabulary.learn([example(f"s{i}.org") for i in range(5)], 5, scored=True)
    assert vocabulary.scores is not None and vocabulary.scores["share"] > 0 > vocabulary.scores["entry"]
    rows = with_markup([[0.0]] * len(blocks), found, vocabulary)
    highest = [row[-2] for row in rows if row is not None]
    assert highest[3] == vocabulary.scores["share"] and highest[0] < 0 and highest[4] == 0.0
