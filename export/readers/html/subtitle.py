"""The headline's subtitle: a heading right after the page's headline, read as the article's standfirst."""

from __future__ import annotations

from lxml import etree

from export.readers.html.tree import drop, next_element, tag_of, text_of
from export.whitespace import folded

SUBTITLE_LENGTH = (30, 400)
SUBTITLE_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def take_subtitle(root: etree._Element, title: str | None) -> etree._Element | None:
    """The heading that is the next element after the ``h1`` whose text is the article's ``title`` (a
    subtitle or dek, as in HTML's ``hgroup``), taken out of the tree so the body does not repeat it.

    Generic, no class word: the headline is known by the title the page states, which a site's name
    in an ``h1`` (a blog theme's header) is not; a subtitle is a sentence or so, not a section."""
    wanted = folded(title or "")
    if not wanted:
        return None
    low, high = SUBTITLE_LENGTH
    for headline in root.iter("h1"):
        if folded(text_of(headline)) != wanted:
            continue
        following = next_element(headline)  # a comment between them passed over
        if following is None or tag_of(following) not in SUBTITLE_TAGS:
            return None
        text = text_of(following)
        if not low <= len(text) <= high or folded(text) == wanted:
            return None
        drop(following)
        return following
    return None
