"""Last touches on the article's blocks: page furniture and a lone dateline out, headings from level 1."""

from __future__ import annotations

import re

from export.model import Block, Heading, Paragraph, Picture
from export.readers.html.markup_tables import data_lines
from export.whitespace import collapse_whitespace

FURNITURE_LINES = frozenset(line.strip().casefold() for line in data_lines("boilerplate_lines.txt"))
# A line of more words than the longest furniture line, and one more (a last word of colons goes), is none.
_MOST_WORDS = max((len(line.split()) for line in FURNITURE_LINES), default=0) + 1
MAX_DATELINE = 80
DATELINE = re.compile(
    r"\b\d{1,2}\.?\s+[^\W\d_]+\.?,?\s+\d{4}\b|\b[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"
)


def tidy_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks without furniture lines or an opening dateline, their headings renumbered."""
    return _level_headings(_without_dateline(_without_furniture(blocks)))


def _without_furniture(blocks: list[Block]) -> list[Block]:
    """The blocks without lines that are page furniture ("Advertisement", "Share this:")."""
    return [
        block
        for block in blocks
        if not (isinstance(block, Paragraph | Heading) and _is_furniture(block.text))
    ]


def _is_furniture(text: str) -> bool:
    """Whether the line is page furniture; a long line is told by its first words, not all of them."""
    return len(text.split(None, _MOST_WORDS)) <= _MOST_WORDS and _furniture_key(text) in FURNITURE_LINES


def _furniture_key(text: str) -> str:
    return collapse_whitespace(text).rstrip(":").strip().casefold()


def _level_headings(blocks: list[Block]) -> list[Block]:
    """Headings renumbered so the article's highest is level 1 (pages often start at h3)."""
    levels = [block.level for block in blocks if isinstance(block, Heading)]
    shift = min(levels, default=1) - 1
    for block in blocks:
        if isinstance(block, Heading):
            block.level -= shift
    return blocks


def _without_dateline(blocks: list[Block]) -> list[Block]:
    """The blocks without a short opening line that only dates the article (the book states the date)."""
    first = next(
        (
            index
            for index, block in enumerate(blocks)
            if not isinstance(block, Heading) and not _unsaid(block)
        ),
        None,
    )
    block = blocks[first] if first is not None else None
    if first is not None and isinstance(block, Paragraph):
        text = block.text
        if len(text) <= MAX_DATELINE and DATELINE.search(text):
            return blocks[:first] + blocks[first + 1 :]
    return blocks


def _unsaid(block: Block) -> bool:
    """A picture that says nothing yet: only its web address is known (a fetched page's, before it is)."""
    return isinstance(block, Picture) and not (block.image or block.alt or block.caption)
