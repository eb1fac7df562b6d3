"""Markup nested deeper than libxml2's HTML parser goes (it stops at 256 levels and drops the rest of the
page, as broken comment sections can make it), or deeper than the readers' recursion goes: flattened, then
parsed again."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

# Open elements kept (real pages nest some 30 deep); deeper start tags and their end tags are left out.
MAX_DEPTH = 64
# A tree deeper than this is flattened too: the block reader recurses some four calls a level, and 250
# levels, which the parser keeps, ran out of Python's 1,000.
DEEPEST = 160
# A tag ends at the next "<" at the latest, so that text full of "<a" without ">" is scanned once.
TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*+)[^<>]*+>")
# Elements with no end tag, or whose end tag pages often leave out: they are never counted as nesting.
UNCOUNTED = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    | {"p", "li", "dt", "dd", "tr", "td", "th", "option", "html", "head", "body"}
)
# Elements whose content the parser reads as text, not markup (libxml2 2.14): never left out, as that would
# make a script's or style's code the page's text; they hold no elements, so they add one level at most.
RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)


def too_deep(parser: etree.HTMLParser) -> bool:
    """True when the parser's last run stopped at its depth limit."""
    return any("Excessive depth" in error.message for error in parser.error_log)


def deeper_than(root: etree._Element, levels: int = DEEPEST) -> bool:
    """Whether an element of the tree lies more than ``levels`` below ``root``; one walk, stopped there."""
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > levels:
            return True
    return False


def flatten(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` without the start tags that would open more than ``max_depth`` elements, nor their end tags;
    all text stays. One pass over the tags."""
    pieces: list[str] = []
    depth, kept_from = 0, 0
    dropped: Counter[str] = Counter()
    for tag in TAG.finditer(html):
        name = tag[2].lower()
        if name in UNCOUNTED or name in RAW_TEXT or tag[0].endswith("/>"):
            continue
        if not tag[1]:
            if depth < max_depth:
                depth += 1
                continue
            dropped[name] += 1
        elif dropped[name]:
            dropped[name] -= 1
        else:
            depth = max(depth - 1, 0)
            continue
        pieces.append(html[kept_from : tag.start()])
        kept_from = tag.end()
    pieces.append(html[kept_from:])
    return "".join(pieces)
