"""Small operations on lxml trees that the html readers share."""

from __future__ import annotations

import re

from lxml import etree

from export.whitespace import collapse_whitespace


def tag_of(node: etree._Element) -> str | None:
    """The element's tag name in lower case; None for a comment or processing instruction."""
    return node.tag.lower() if isinstance(node.tag, str) else None


def text_of(element: etree._Element) -> str:
    """The element's text without its tail, whitespace collapsed."""
    return collapse_whitespace(etree.tostring(element, method="text", encoding="unicode", with_tail=False))


def has_words(text: str | None) -> bool:
    """Whether a node's text or tail holds a letter or digit."""
    return text is not None and any(character.isalnum() for character in text)


def has_words_outside(element: etree._Element, tags: frozenset[str]) -> bool:
    """Whether the element holds a letter or digit outside its descendants of ``tags`` (links, times); a
    walk with a stack, not a recursion: markup may nest thousands deep."""
    stack = [element]
    while stack:
        node = stack.pop()
        if has_words(node.text):
            return True
        for child in node:
            if has_words(child.tail):
                return True
            if isinstance(child.tag, str) and child.tag not in tags:
                stack.append(child)
    return False


def append_text(element: etree._Element, text: str | None) -> None:
    """Add ``text`` after the element's last child, or to its text when it has none."""
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def drop(node: etree._Element) -> None:
    """Remove ``node`` but keep the text after it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def previous_element(node: etree._Element) -> etree._Element | None:
    """The nearest element before ``node`` among its siblings, skipping comments."""
    return next(
        (sibling for sibling in node.itersiblings(preceding=True) if isinstance(sibling.tag, str)), None
    )


def next_element(node: etree._Element) -> etree._Element | None:
    """The nearest element after ``node`` among its siblings, skipping comments."""
    return next((sibling for sibling in node.itersiblings() if isinstance(sibling.tag, str)), None)


def in_form(element: etree._Element) -> bool:
    """Whether the element sits inside a form (a reply box, a search field)."""
    return any(ancestor.tag == "form" for ancestor in element.iterancestors())


def common_ancestor(elements: list[etree._Element]) -> etree._Element:
    """The deepest element that holds all of ``elements`` (the first itself when it is the tree's root)."""
    shared = set(elements[0].iterancestors())
    for element in elements[1:]:
        shared &= set(element.iterancestors())
    return next((ancestor for ancestor in elements[0].iterancestors() if ancestor in shared), elements[0])


def inside(element: etree._Element, containers: set[etree._Element]) -> bool:
    """Whether one of ``containers`` is an ancestor of the element."""
    return any(ancestor in containers for ancestor in element.iterancestors())


HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADING_CLASS = re.compile(r"title|head", re.IGNORECASE)


def heading_like(element: etree._Element) -> bool:
    """Whether the element is a heading, or styled as one by a class that says title or head."""
    if element.tag in HEADING_TAGS:
        return True
    names = element.get("class")
    return bool(names and _HEADING_CLASS.search(names))
