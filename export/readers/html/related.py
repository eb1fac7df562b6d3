"""A page's related-posts and "from the archives" blocks as archive links."""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from export.model import ArchiveLink
from export.readers.date_times import parse_date_in
from export.readers.html.inline import safe_link
from export.readers.html.markup_tables import matches, one_walk, patterns, search, self_test, xpaths
from export.readers.html.page_address import page_address
from export.readers.html.tree import heading_like, inside, text_of

MARKUP = "related_markup.tsv"
BLOCK_NAMED = "@class or @id"  # what each block row tests (tests/test_html_related.py checks)
MOST_LINKS = 30
LEAST_LINK_SHARE = 0.4
LONGEST_BLOCK = 2000  # characters of text in a related block whose links are a small share of it
BY = re.compile(r"^(?:by|von)\s+", re.IGNORECASE)


def read_related_links(
    root: etree._Element, base_url: str | None = None, blocks: list[etree._Element] | None = None
) -> list[ArchiveLink]:
    """Every entry of the page's related-posts blocks: title, address, and authors and date where given.

    ``blocks`` are the page's ``related_elements`` when already found.
    """
    base_url = page_address(root, base_url)
    links: list[ArchiveLink] = []
    seen: set[str] = set()
    for block in related_elements(root) if blocks is None else blocks:
        for link in _entries(block, base_url):
            if link.url not in seen:
                seen.add(link.url or "")
                links.append(link)
    return links


def related_elements(root: etree._Element) -> list[etree._Element]:
    """The related-posts blocks of the page, outermost only, in document order."""
    named = one_walk(MARKUP, "block", BLOCK_NAMED)(root)
    found = {element for element in named if _small_or_mostly_links(element)}
    found.update(_blocks_under_headings(root, found))
    blocks = [element for element in root.iter() if element in found]
    return [block for block in blocks if not inside(block, found)]


def _small_or_mostly_links(block: etree._Element) -> bool:
    """A related block is a short list of links, not a wrapper whose class happens to say related."""
    if _link_count(block) > MOST_LINKS:
        return False
    return (
        len(text_of(block)) <= LONGEST_BLOCK
        or _link_share(block, block.makeelement("span", {})) >= LEAST_LINK_SHARE
    )


def _blocks_under_headings(root: etree._Element, known: set[etree._Element]) -> list[etree._Element]:
    """Blocks that a heading such as "From the archives" or "Related" starts: its container with links."""
    found = []
    for heading in root.iter():
        if not isinstance(heading.tag, str) or not heading_like(heading):
            continue
        text = text_of(heading)
        if len(text) > 80 or not search(text, patterns(MARKUP, "heading")) or inside(heading, known):
            continue
        block = heading.getparent()
        for _ in range(2):
            if block is None or _link_count(block) > _link_count(heading):
                break
            block = block.getparent()
        if block is None or not 0 < _link_count(block) - _link_count(heading) <= MOST_LINKS:
            continue
        if _link_share(block, heading) >= LEAST_LINK_SHARE:
            found.append(block)
    return found


def _link_share(block: etree._Element, heading: etree._Element) -> float:
    """How much of the block's text, its heading aside, is link text: high for link lists, low for prose."""
    links = sum(len(text_of(anchor)) for anchor in block.iter("a")) - sum(
        len(text_of(anchor)) for anchor in heading.iter("a")
    )
    text = len(text_of(block)) - len(text_of(heading))
    return links / text if text > 0 else 0.0


def _entries(block: etree._Element, base_url: str | None) -> list[ArchiveLink]:
    """One entry per page the block links to, with its title, authors and date."""
    anchors: dict[str, list[etree._Element]] = {}
    for anchor in block.iter("a"):
        url = safe_link(anchor.get("href"), base_url)
        if url and url.startswith("http") and not _skipped(anchor, block):
            anchors.setdefault(url, []).append(anchor)
    entries = []
    for url, found in anchors.items():
        container = _entry_container(found[0], block, set(anchors) - {url}, base_url)
        title = _title(container, found)
        if title:
            entries.append(ArchiveLink(title, _authors(container), url, _date(container)))
    return entries


def _entry_container(
    anchor: etree._Element, block: etree._Element, others: set[str], base_url: str | None
) -> etree._Element:
    """The widest element around the anchor, below the block, that links to no other entry."""
    container = anchor
    for parent in anchor.iterancestors():
        if parent is block or any(safe_link(a.get("href"), base_url) in others for a in parent.iter("a")):
            break
        container = parent
    return container


def _title(container: etree._Element, anchors: list[etree._Element]) -> str:
    """The text of the entry's title link, else the fullest link text, its title attribute or image text."""
    for selector in xpaths(MARKUP, "title"):
        for anchor in selector(container):
            if anchor in anchors and (text := text_of(anchor)):
                return text
    if text := max((text_of(anchor) for anchor in anchors), key=len):
        return text
    return _fallback_title(anchors)


def _fallback_title(anchors: list[etree._Element]) -> str:
    for anchor in anchors:
        if title := (anchor.get("title") or "").strip().split("\n")[0].strip():
            return title
        if (image := anchor.find(".//img")) is not None and (alt := (image.get("alt") or "").strip()):
            return alt
    return ""


def _date(container: etree._Element) -> dt.date | None:
    for selector in xpaths(MARKUP, "date"):
        for element in selector(container):
            for text in (element.get("datetime"), text_of(element)):
                if text and (date := parse_date_in(text)):
                    return date
    return None


def _authors(container: etree._Element) -> list[str]:
    for selector in xpaths(MARKUP, "author"):
        names = [BY.sub("", text_of(element)) for element in selector(container)]
        if names := [name for name in names if name]:
            return names
    return []


def _skipped(anchor: etree._Element, block: etree._Element) -> bool:
    """Whether the link is an author's, a category's, a share button or the block's own heading."""
    for element in (anchor, *anchor.iterancestors()):
        if element is block:
            return False
        if matches(element, self_test(MARKUP, "skip")):
            return True
        if heading_like(element) and search(text_of(element), patterns(MARKUP, "heading")):
            return True
    return False


def _link_count(element: etree._Element) -> int:
    return sum(1 for anchor in element.iter("a") if anchor.get("href"))
