"""The parts of a page that the comment and related-posts readers consume, for the body reader to skip."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from export.model import ArchiveLink, CommentThread
from export.readers.html.comment_fallback import heading_comments
from export.readers.html.comments import CommentSection, find_comment_section, read_comment_thread
from export.readers.html.markup_tables import xpaths
from export.readers.html.related import read_related_links, related_elements
from export.readers.html.tree import inside

__all__ = ["comment_section_elements", "consumed_elements", "read_comments_and_related", "related_elements"]


def read_comments_and_related(
    root: etree._Element, base_url: str | None, published: dt.date | None, fetched_from: str | None = None
) -> tuple[CommentThread, list[ArchiveLink], list[etree._Element]]:
    """The comment thread, the archive links, and the elements they were read from (as ``consumed_elements``).

    Each section is looked for once, for reading it and for keeping it out of the body. ``fetched_from``
    is what a fetched page's links to its other comment pages resolve against.
    """
    found = find_comment_section(root)
    thread = read_comment_thread(root, base_url, published=published, found=found, fetched_from=fetched_from)
    related = related_elements(root)
    archive = read_related_links(root, base_url, blocks=related)
    return thread, archive, _outermost(_section_elements(root, found, bool(thread.comments)) + related)


def comment_section_elements(root: etree._Element) -> list[etree._Element]:
    """The comment section's outermost elements: the thread with its heading, and the reply form.

    Under a plain "Comments" heading, the blocks after it count only when comments were read from them.
    """
    found = find_comment_section(root)
    return _section_elements(root, found, bool(found.items or heading_comments(found.region, None, None)))


def consumed_elements(root: etree._Element) -> list[etree._Element]:
    """Everything the comment and related-posts readers read, outermost elements only, in page order."""
    return _outermost(comment_section_elements(root) + related_elements(root))


def _section_elements(root: etree._Element, found: CommentSection, read_any: bool) -> list[etree._Element]:
    """``comment_section_elements`` of the section found; ``read_any`` when comments were read from it."""
    if not found.items:
        return found.region if read_any else found.region[:1]
    elements = [found.section]
    if found.heading is not None and not _within(found.heading, elements):
        elements.append(found.heading)
    for selector in xpaths("comment_markup.tsv", "form"):
        elements += [form for form in selector(root) if not _within(form, elements)]
    return _outermost(elements)


def _within(element: etree._Element, containers: list[etree._Element]) -> bool:
    return any(element is container or container in element.iterancestors() for container in containers)


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    chosen = set(elements)
    kept = [element for element in chosen if not inside(element, chosen)]
    order = {element: index for index, element in enumerate(elements[0].getroottree().iter())} if kept else {}
    return sorted(kept, key=order.__getitem__)
