"""Teaser cards at the article's end: two or more titles, each followed by a cut-off excerpt ("The new reds
and how to combine them" / "Marsala, terracotta, ox blood and co. – the new…"), the way a site lists more of
its pages after an article. Generic: no word list and no class names; the cards are told by their shape and
by what a card's title is (a heading, or a line that is wholly a link's text).
"""

from __future__ import annotations

from export.model import Block, Heading, ListBlock, Paragraph, Picture

MIN_CARDS = 2
MAX_TITLE = 150  # as long as a teaser's title may be
MAX_EXCERPT = 400  # an excerpt is cut short; a paragraph longer than this is the article's
MAX_SHORT = 40  # a date, a category or a label line ("In "News"", "31.01.2022", "Related")
MAX_PREFIX = 2  # short lines a card may have before its title
CUT_OFF = ("…", "...")  # how an excerpt ends, also in brackets ("[…]")


def without_teaser_cards(blocks: list[Block]) -> list[Block]:
    """``blocks`` without the teaser cards that end them (in a row, or as a list's items), the short lines
    after the cards and one label line before them; the article ends where the cards begin. Fewer than two
    cards leave it as it is."""
    index = len(blocks)
    while index and _short(blocks[index - 1]):
        index -= 1
    if index and isinstance(last := blocks[index - 1], ListBlock):
        items = [block for item in last.items for block in item.blocks]
        start, prefixes = _cards(items, len(items))
        if start or len(prefixes) < MIN_CARDS:
            return blocks
        index -= 1
        return blocks[: index - 1] if index and _short(blocks[index - 1]) else blocks[:index]
    start, prefixes = _cards(blocks, index)
    if len(prefixes) < MIN_CARDS:
        return blocks
    # The first card's short lines: as many as the other cards have (a date, a category), and one label.
    allowed = max(prefixes[:-1]) + 1
    return blocks[: start + max(prefixes[-1] - allowed, 0)]


def _cards(blocks: list[Block], end: int) -> tuple[int, list[int]]:
    """Where the cards that end at ``end`` begin, and how many short lines each has before its title (the
    last card first): each a title and an excerpt, after at most two short lines."""
    index = end
    prefixes: list[int] = []
    while index >= 2 and _excerpt(blocks[index - 1]) and _title(blocks[index - 2]):
        index -= 2
        prefix = 0
        while index and prefix < MAX_PREFIX and _short(blocks[index - 1]):
            index -= 1
            prefix += 1
        prefixes.append(prefix)
    return index, prefixes


def _short(block: Block) -> bool:
    """A picture, or a line of a few words that is no sentence's end."""
    if isinstance(block, Picture):
        return True
    text = block.text.strip() if isinstance(block, Paragraph | Heading) else ""
    return bool(text) and len(text) <= MAX_SHORT and not text.endswith(".")


def _title(block: Block) -> bool:
    """A short heading, or a short paragraph that is wholly a link's text, that ends no sentence and is not
    cut off: a plain line of prose (a poem's, a dialogue's) is no card's title."""
    if not (isinstance(block, Heading) or (isinstance(block, Paragraph) and _all_linked(block))):
        return False
    text = block.text.strip()
    return bool(text) and len(text) <= MAX_TITLE and not text.endswith(".") and not _cut_off(text)


def _all_linked(paragraph: Paragraph) -> bool:
    """Whether links cover every letter and figure of the paragraph's text."""
    links = sorted((span.start, span.end) for span in paragraph.spans if span.kind == "link")
    if not links:
        return False
    covered = 0
    for start, end in links:
        if any(character.isalnum() for character in paragraph.text[covered:start]):
            return False
        covered = max(covered, end)
    return not any(character.isalnum() for character in paragraph.text[covered:])


def _excerpt(block: Block) -> bool:
    """A paragraph of an excerpt's length that ends cut off."""
    if not isinstance(block, Paragraph):
        return False
    text = block.text.strip()
    return len(text) <= MAX_EXCERPT and _cut_off(text)


def _cut_off(text: str) -> bool:
    return text.rstrip("])").rstrip().endswith(CUT_OFF)
