"""Which of two readings of a page's article text the book takes: our container's or trafilatura's."""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from lxml import etree

from export.model import Block, CommentThread, Heading, Paragraph, Preformatted, block_paragraphs
from export.readers.html.blocks import BodyContent
from export.whitespace import folded

MainText = Literal["hybrid", "ours", "trafilatura"]
WORD = re.compile(r"\w+")
ELEMENT_COUNT = etree.XPath("count(//*)")
SHINGLE = 4
# Ours is kept when it and trafilatura's hold the same text: then ours keeps more of its structure
# (code blocks, list numbering, table spans and captions, the article's own footnotes).
SAME_TEXT = 0.97
# A page of more elements than this is read by ours alone: trafilatura's time grows with the square of a
# page's size (a 15,000-element article about 3 s, 50,000 over a minute; docs/reading-robustness.md), and
# tune's largest page has 10,106 elements, the small corpus's 2,487.
MOST_FOR_TRAFILATURA = 20_000


def reader_for(root: etree._Element, strategy: MainText) -> MainText:
    """``strategy``, or "ours" where the page holds more elements than trafilatura reads in bounded time."""
    return strategy if ELEMENT_COUNT(root) <= MOST_FOR_TRAFILATURA else "ours"


def choose_body(
    ours: BodyContent,
    named: bool,
    theirs: BodyContent,
    strategy: MainText,
    thread: CommentThread,
    standfirst: Paragraph | None,
) -> BodyContent:
    """``theirs`` (without what the thread or standfirst already hold) or ``ours``, as ``strategy`` says;
    neither is changed.

    "hybrid": ours where a named container holds the same text as trafilatura's, else trafilatura's
    (measured on corpus-large, trafilatura's text finds more of the article and keeps less around it).
    """
    theirs = _without_repeats(theirs, thread, standfirst)
    if not theirs.blocks or strategy == "ours":
        return ours
    if strategy == "trafilatura" or not ours.blocks or not named:
        return theirs
    mine, other = _shingles(ours.blocks), _shingles(theirs.blocks)
    shared = sum((mine & other).values())
    same = shared >= SAME_TEXT * sum(mine.values()) and shared >= SAME_TEXT * sum(other.values())
    return ours if same else theirs


def _shingles(blocks: list[Block]) -> Counter[tuple[str, ...]]:
    """Word 4-shingles of each block's text apart, so the order of blocks does not count."""
    texts = [
        text
        for block in blocks
        for text in (
            [block.text]
            if isinstance(block, Heading | Preformatted)
            else [paragraph.text for paragraph in block_paragraphs([block])]
        )
    ]
    found: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        words = WORD.findall(text.casefold())
        found.update(
            tuple(words[index : index + SHINGLE]) for index in range(max(len(words) - SHINGLE + 1, 1))
        )
    return found


def _without_repeats(theirs: BodyContent, thread: CommentThread, standfirst: Paragraph | None) -> BodyContent:
    """``theirs`` without the paragraphs that are the standfirst or a comment's text, and the heading that is
    the standfirst (a subtitle, ``subtitle.py``)."""
    comments = [paragraph for comment in thread.all_comments() for paragraph in comment.paragraphs]
    lead = folded(standfirst.text) if standfirst is not None else ""
    elsewhere = {folded(paragraph.text) for paragraph in comments} | {lead}
    elsewhere.discard("")
    kept = [
        block
        for block in theirs.blocks
        if not (isinstance(block, Paragraph) and folded(block.text) in elsewhere)
        and not (isinstance(block, Heading) and lead and folded(block.text) == lead)
    ]
    return theirs if len(kept) == len(theirs.blocks) else BodyContent(kept, theirs.footnotes, theirs.videos)
