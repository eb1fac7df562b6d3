"""The parts of a page that the comment and related-posts readers consume, for the body reader to skip."""

from __future__ import annotations

from lxml import etree

from export.readers.html.comment_fallback import heading_comments, heading_region
from export.readers.html.comments import comment_items, section_heading, thread_section
from export.readers.html.markup_tables import xpaths
from export.readers.html.related import related_elements

__all__ = ["comment_section_elements", "consumed_elements", "related_elements"]


def comment_section_elements(root: etree._Element) -> list[etree._Element]:
    """The comment section's outermost elements: the thread with its heading, and the reply form.

    Under a plain "Comments" heading, the blocks after it count only when comments were read from them.
    """
    items = comment_items(root)
    if not items:
        region = heading_region(root)
        return region if heading_comments(region, None, None) else region[:1]
    section = thread_section(items)
    found = [section]
    heading = section_heading(section, items)
    if heading is not None and not _within(heading, found):
        found.append(heading)
    for selector in xpaths("comment_markup.tsv", "form"):
        found += [form for form in selector(root) if not _within(form, found)]
    return _outermost(found)


def consumed_elements(root: etree._Element) -> list[etree._Element]:
    """Everything the comment and related-posts readers read, outermost elements only, in page order."""
    return _outermost(comment_section_elements(root) + related_elements(root))


def _within(element: etree._Element, containers: list[etree._Element]) -> bool:
    return any(element is container or container in element.iterancestors() for container in containers)


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    chosen = set(elements)
    kept = [
        element for element in chosen if not any(ancestor in chosen for ancestor in element.iterancestors())
    ]
    order = {element: index for index, element in enumerate(elements[0].getroottree().iter())} if kept else {}
    return sorted(kept, key=order.__getitem__)
