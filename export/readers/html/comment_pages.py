"""The links from one page of a comment thread to its other pages (WordPress's ``/comment-page-2/``,
``?cpage=2``, "Older comments"), for a later step to follow. Nothing here fetches."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree

from export.model import CommentPageLink, CommentPageRelation
from export.readers.html.inline import safe_link
from export.readers.html.markup_tables import (
    descendants_test,
    first_match,
    matches,
    patterns,
    search,
    self_test,
    xpaths,
)
from export.readers.html.tree import text_of

MARKUP = "comment_markup.tsv"
WORDS = "comment_words.tsv"
# WordPress's pretty comment-page segment; its query form is ``cpage=N``.
PAGE_SEGMENT = re.compile(r"/comment-page-(\d{1,5})(?=/|$)")
PAGE_QUERY = "cpage"
PAGE_HINT = re.compile(r"comment-page-|cpage|%")  # what an address naming a comment page must hold
MAX_LINKS = 200  # a page numbering hundreds of comment pages links only a few of them at a time
# A comment's own anchor, or the reply form's, as WordPress names them: links to them are to this page.
OWN_ANCHOR = re.compile(r"(?:(?:li-|div-)?comment-\d+|respond)$")
RELATIONS: dict[str, CommentPageRelation] = {"prev": "older", "previous": "older", "next": "newer"}


def page_number(url: str) -> int | None:
    """The comment page an address names (``/comment-page-3/``, ``?cpage=3``); None when it names none."""
    parts = urlsplit(url)
    if found := PAGE_SEGMENT.search(parts.path):
        return int(found[1])
    for name, value in parse_qsl(parts.query):
        if name == PAGE_QUERY and value.isdigit() and len(value) <= 5:
            return int(value)
    return None


def thread_address(url: str) -> str:
    """The address without its comment page and fragment: the same for every page of one thread."""
    parts = urlsplit(url)
    path = PAGE_SEGMENT.sub("", parts.path)
    query = urlencode([(name, value) for name, value in parse_qsl(parts.query, True) if name != PAGE_QUERY])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path.rstrip("/") or "/", query, ""))


def comment_pages(
    root: etree._Element, address: str | None, section: etree._Element | None = None
) -> tuple[list[CommentPageLink], int | None]:
    """The page's links to other pages of its comment thread, each address once, and this page's own
    number in the thread where it shows (``current_page_number``).

    A link counts when its address is a numbered page of the same thread as ``address``, or when it says
    "Older/Newer comments", or is marked rel=prev/next inside the comment navigation or ``section``;
    only http(s) links of the same site as ``address`` count. A comment's own permalink
    (``/comment-page-2/#comment-12``) or the reply form's (``#respond``) is no link to another page: it
    tells this page's number.
    """
    if not address:
        return [], None
    here = thread_address(address)
    navigation = self_test(MARKUP, "page-nav")
    links: dict[str, CommentPageLink] = {}
    permalinks: Counter[int] = Counter()
    for anchor in root.iter("a"):
        relation = _relation(anchor, navigation, section)
        if relation is None and not _may_name_page(anchor.get("href"), address):
            continue  # neither a page's link by its words nor by its address: not worth resolving
        url = safe_link(anchor.get("href"), address)
        if not url or not same_origin(url, address) or len(links) >= MAX_LINKS:
            continue
        number = page_number(url)
        numbered = number is not None and thread_address(url) == here
        if numbered and relation is None and OWN_ANCHOR.match(urlsplit(url).fragment):
            permalinks[number or 0] += 1
        elif numbered or relation is not None:
            key = url.split("#")[0]
            if key != address.split("#")[0] and key not in links:
                links[key] = CommentPageLink(key, number, relation)
    own = current_page_number(root, address)
    if own is None and permalinks:
        own = permalinks.most_common(1)[0][0]
    return [link for link in links.values() if link.number is None or link.number != own], own


def _may_name_page(href: str | None, address: str) -> bool:
    """Whether the link may resolve to a numbered comment page (``page_number``): its address is made of
    the link's and the page's, so one of them holds the page segment or query name, whole or escaped."""
    return any(PAGE_HINT.search(text) for text in ("".join((href or "").split()), address))


def current_page_number(root: etree._Element, address: str | None) -> int | None:
    """This page's number in its thread: from its address, else the comment navigation's current mark."""
    if address and (number := page_number(address)) is not None:
        return number
    if first_match(root, xpaths(MARKUP, "current-page")) is None:  # no mark anywhere: not worth the search
        return None
    for element in descendants_test(MARKUP, "page-nav", with_self=True)(root):  # one XPath for the tree
        mark = first_match(element, xpaths(MARKUP, "current-page"))
        text = text_of(mark) if mark is not None else ""
        if text.isdigit() and len(text) <= 5:
            return int(text)
    return None


def _relation(
    anchor: etree._Element, navigation: etree.XPath, section: etree._Element | None
) -> CommentPageRelation | None:
    """ "older" or "newer" when the link says so in words, or by rel=prev/next inside the comment
    navigation or section; None otherwise."""
    text = text_of(anchor)
    if search(text, patterns(WORDS, "older")):
        return "older"
    if search(text, patterns(WORDS, "newer")):
        return "newer"
    words = (anchor.get("rel") or "").lower().split()
    rel = next((RELATIONS[word] for word in words if word in RELATIONS), None)
    if rel is None:
        return None
    inside = any(ancestor is section or matches(ancestor, navigation) for ancestor in anchor.iterancestors())
    return rel if inside else None


def same_origin(url: str, address: str) -> bool:
    """Whether both addresses have the same scheme, host and port."""
    one, other = urlsplit(url), urlsplit(address)
    return (one.scheme.lower(), one.netloc.lower()) == (other.scheme.lower(), other.netloc.lower())
