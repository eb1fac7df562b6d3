"""The author as a link in the article's date line ("February 4, 2020 • written by <a>Kanae Nakamine</a>",
"<time>…</time> · <a href="/people/jane-doe">Jane Doe</a>"): where no markup names the author, a link
of two or three capitalised words beside the first ``time`` element after the headline that leads to a
person's page (``rel="author"`` or an author's word in its path; not a site's root)."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml import etree

from export.readers.html.header_lines import OUTSIDE_ARTICLE, short_name
from export.readers.html.markup_tables import data_lines
from export.whitespace import collapse_whitespace

MAX_BLOCK = 200  # characters of the date line's element: a meta line, not a paragraph or a teaser list
# The first time element after the headline (from the top without one), outside navigation, sidebars,
# footers and comments.
TIME_AFTER = etree.XPath(f"(following::time[not({OUTSIDE_ARTICLE})])[1]")
TIME = etree.XPath(f"(//body/descendant::time[not({OUTSIDE_ARTICLE})])[1]")
# Links of the date line that lead to no list of posts (a category, a tag, a topic) nor within a page ("#").
LINKS = etree.XPath(
    "descendant::a[@href][not(contains(@href,'/category/') or contains(@href,'/tag/')"
    " or contains(@href,'/tags/') or contains(@href,'/topics/') or contains(@href,'#'))]"
)
# Words before a link that make it no author's: a place ("in <a>New York</a>") or a picture's credit
# ("Foto: <a>Jo Smith</a>", credit_labels.txt).
NOT_AUTHOR_BEFORE = frozenset(
    {"in", "at", "from", "aus", "bei", "à", "en", "dans", "©", *data_lines("credit_labels.txt")}
)

# A link to a person's page: rel="author" or a word of author_path_words.txt in the path.
AUTHOR_PATH_WORDS = frozenset(word.casefold() for word in data_lines("author_path_words.txt"))
PATH_WORDS = re.compile(r"[-_+.]+")  # between the words of a path's segment


def dated_link_names(root: etree._Element, person: Callable[[str], bool]) -> list[str]:
    """The texts of the links in the date line's element (the ``time`` element's parent, then its
    grandparent, each of a meta line's length) that is a ``person``'s name of two or three
    capitalised words (co-authors: "by <a>Jane Doe</a> and <a>John Roe</a>")."""
    heading = root.find(".//h1")
    found = TIME_AFTER(heading) if heading is not None else TIME(root)
    if not found:
        return []
    block = found[0].getparent()
    for _ in range(2):
        if block is None or len(collapse_whitespace("".join(block.itertext()))) > MAX_BLOCK:
            return []
        links = (link for link in LINKS(block) if _led(link) and _to_person(link))
        texts = (collapse_whitespace("".join(link.itertext())) for link in links)
        names = [name for name in texts if short_name(name)]
        if names := [name for name in dict.fromkeys(names) if person(name)]:
            return names
        block = block.getparent()
    return []


def _led(link: etree._Element) -> bool:
    """Whether the word just before the link is no place's preposition nor a credit's label."""
    previous, parent = link.getprevious(), link.getparent()
    before = (previous.tail if previous is not None else parent.text if parent is not None else "") or ""
    words = before.split()
    return not words or words[-1].rstrip(":").casefold() not in NOT_AUTHOR_BEFORE


def _to_person(link: etree._Element) -> bool:
    """Whether the link leads to a person's page: ``rel="author"`` or an author's word in its path
    ("/author/jane-doe", "/about/people/kanae-nakamine/"), never a site's root ("https://www.ksta.de/")."""
    path = urlsplit(link.get("href", "")).path
    if not path.strip("/"):
        return False
    rel = (link.get("rel") or "").casefold().split()
    return "author" in rel or any(map(_persons_segment, path.casefold().split("/")))


def _persons_segment(segment: str) -> bool:
    """Whether the path's segment is an author's word ("u") or holds one of two letters or more
    ("meet-the-team"; not the "u" of "u-bahn")."""
    words = PATH_WORDS.split(segment)
    return segment in AUTHOR_PATH_WORDS or any(len(word) > 1 and word in AUTHOR_PATH_WORDS for word in words)
