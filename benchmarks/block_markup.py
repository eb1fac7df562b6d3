"""Where a page's chosen blocks stand in the page's markup: each block's text found in the page tree, and
the element that holds it described (its own and its ancestors' tags and class/id words, siblings, links
around it, its place beside the headline and inside our container).

Benchmark-side only (``html_trim_eval.py --collect`` keeps it beside the blocks): the reader's blocks do not
keep their elements, and trafilatura's text was converted from its own XML, so a block is found by its text
in the page with all whitespace left out (its whole text, else its first and last characters in order).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lxml import etree

SKIPPED = re.compile(r"[\s\xad\u200b-\u200d\ufeff]+")  # whitespace, soft hyphens, zero-width marks
CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # class and id tokens split on -_ and camelCase
ENDS = 40  # a block not found whole is looked for by this many characters at each end
MIN_KEY = 3
MIN_WORD = 2


def class_words(element: etree._Element) -> list[str]:
    """The lower-cased words of an element's class, id and role ("shareBar-top" -> share, bar, top)."""
    text = " ".join(element.get(name) or "" for name in ("class", "id", "role"))
    return sorted({word.lower() for word in CLASS_WORD.findall(text) if len(word) >= MIN_WORD})


@dataclass
class Level:
    """One element of a block's ancestry, from the root down."""

    serial: int  # the element's place in the page's document order (an element's identity)
    tag: str
    words: list[str]


@dataclass
class Markup:
    """A block's element: its ancestry (root first, the element last) and what surrounds it."""

    found: str  # "whole" or "ends"
    levels: list[Level]
    share: float  # the block's characters over its element's
    siblings: int  # the element's parent's element children
    similar: int  # ... of the element's tag and class
    parent_links: float  # the share of the parent's text in links
    grandparent_links: float
    place: float  # where the block's text starts in the page's text (0-1)
    after_headline: float  # 1 after the page's first h1, 0 before it, 0.5 where there is none
    from_headline: float  # its distance from the headline in the page's text (share of it; 1 if none)
    in_container: bool  # inside the container our reader found
    extra: dict[str, float] = field(default_factory=dict)


class PageText:
    """A page's text without whitespace, each run of it owned by the element whose text or tail it is."""

    def __init__(self, root: etree._Element) -> None:
        self.starts: list[int] = []
        self.owners: list[etree._Element] = []
        self.serials: dict[etree._Element, int] = {}
        pieces: list[str] = []
        length = 0
        for event, node in etree.iterwalk(root, events=("start", "end")):
            if event == "start":
                if isinstance(node.tag, str):
                    self.serials[node] = len(self.serials)
                    piece, owner = node.text, node
                else:
                    continue
            else:
                piece, owner = node.tail, node.getparent()
                if owner is None:
                    continue
            cleaned = SKIPPED.sub("", piece or "")
            if cleaned:
                self.starts.append(length)
                self.owners.append(owner)
                pieces.append(cleaned)
                length += len(cleaned)
        self.text = "".join(pieces)

    def owner(self, offset: int) -> etree._Element:
        return self.owners[bisect.bisect_right(self.starts, offset) - 1]

    def find(self, text: str, start: int) -> tuple[int, int, str] | None:
        """The span of ``text`` (whitespace left out) at or after ``start``, else anywhere; or of its ends."""
        key = SKIPPED.sub("", text)
        if len(key) < MIN_KEY:
            return None
        for origin in (start, 0):
            at = self.text.find(key, origin)
            if at >= 0:
                return at, at + len(key), "whole"
        if len(key) <= 2 * ENDS:
            return None
        for origin in (start, 0):
            head = self.text.find(key[:ENDS], origin)
            if head >= 0:
                tail = self.text.find(key[-ENDS:], head + ENDS)
                if tail >= 0 and tail - head < 4 * len(key):
                    return head, tail + ENDS, "ends"
        return None


def _ancestry(element: etree._Element) -> list[etree._Element]:
    chain = [element]
    while (parent := chain[-1].getparent()) is not None:
        chain.append(parent)
    return chain[::-1]


def _common(first: etree._Element, second: etree._Element) -> etree._Element:
    a, b = _ancestry(first), _ancestry(second)
    common = a[0]
    for x, y in zip(a, b, strict=False):
        if x is not y:
            break
        common = x
    return common


def _length(element: etree._Element) -> int:
    return len(SKIPPED.sub("", "".join(element.itertext())))


def _links(element: etree._Element | None) -> float:
    if element is None:
        return 0.0
    total = _length(element)
    linked = sum(_length(link) for link in element.iter("a") if link.getparent() is not None)
    return min(linked / total, 1.0) if total else 0.0


def _headline(page: PageText, root: etree._Element) -> int | None:
    for heading in root.iter("h1"):
        key = SKIPPED.sub("", "".join(heading.itertext()))
        if len(key) >= MIN_KEY:
            at = page.text.find(key)
            if at >= 0:
                return at
    return None


def describe(root: etree._Element, texts: list[str], container: etree._Element | None) -> list[Markup | None]:
    """Each block text's element in ``root`` described (None where its text is not found)."""
    page = PageText(root)
    headline = _headline(page, root)
    size = max(len(page.text), 1)
    inside = set(container.iter()) if container is not None else set()
    found: list[Markup | None] = []
    cursor = 0
    for text in texts:
        span = page.find(text, cursor)
        if span is None:
            found.append(None)
            continue
        start, end, how = span
        cursor = end
        element = _common(page.owner(start), page.owner(end - 1))
        parent = element.getparent()
        grandparent = parent.getparent() if parent is not None else None
        siblings = [node for node in parent if isinstance(node.tag, str)] if parent is not None else [element]
        similar = sum(
            node.tag == element.tag and node.get("class") == element.get("class") for node in siblings
        )
        levels = [
            Level(page.serials.get(node, -1), str(node.tag).lower(), class_words(node))
            for node in _ancestry(element)
        ]
        found.append(
            Markup(
                how,
                levels,
                min((end - start) / max(_length(element), 1), 1.0),
                len(siblings),
                similar,
                _links(parent),
                _links(grandparent),
                start / size,
                0.5 if headline is None else float(start > headline),
                1.0 if headline is None else abs(start - headline) / size,
                element in inside,
            )
        )
    return found
