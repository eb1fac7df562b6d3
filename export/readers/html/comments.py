"""A page's comment thread: comments with their nesting, authors, dates and text, pingbacks apart."""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import replace

from lxml import etree

from export.model import Comment, CommentThread, Paragraph
from export.readers.dates import parse_date_in
from export.readers.html.inline import read_paragraphs, safe_link
from export.readers.html.markup_tables import (
    descendants_test,
    first_match,
    matches,
    patterns,
    search,
    self_test,
    xpaths,
)
from export.readers.html.page_address import page_address

MARKUP = "comment_markup.tsv"
WORDS = "comment_words.tsv"
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HEADING_CLASS = re.compile(r"title|head|count", re.IGNORECASE)
COMMENT_ID = re.compile(r"^(?:li-|div-)?comment-?(\d+)$")
LONGEST_LABEL = 200


def read_comment_thread(root: etree._Element, base_url: str | None = None) -> CommentThread:
    """The comment section of a whole page (an lxml.html document); an empty thread when it has none."""
    base_url = page_address(root, base_url)
    published = _page_date(root)
    items = comment_items(root)
    if items:
        comments = _nest(items, base_url, published)
        section = thread_section(items)
        heading = section_heading(section, items)
        scope = [section, *list(section.itersiblings())[:3]]
    else:
        scope = fallback_region(root)
        comments = _fallback_comments(scope, base_url, published)
        heading = scope[0] if scope else None
    return CommentThread(comments=comments, announced=_announced(heading), closed=_closed(scope))


def comment_items(root: etree._Element) -> list[etree._Element]:
    """Every element of the page that holds one comment, pingback or trackback, in document order."""
    found: set[etree._Element] = set()
    for selector in xpaths(MARKUP, "item"):
        found.update(selector(root))
    return [element for element in root.iter() if element in found and not _in_form(element)]


def thread_section(items: list[etree._Element]) -> etree._Element:
    """The element around the comment list, widened to the containers whose id or class says comments."""
    item_set = set(items)
    section = _common_ancestor([item for item in items if _parent_item(item, item_set) is None])
    selectors = self_test(MARKUP, "section")
    while (parent := section.getparent()) is not None and parent.tag != "body" and matches(parent, selectors):
        section = parent
    return section


def section_heading(section: etree._Element, items: list[etree._Element]) -> etree._Element | None:
    """The heading that announces the thread: inside the section before its first comment, or just before."""
    candidates = _headings_before(section, set(items))
    for element in (section, section.getparent()):
        if element is None:
            continue
        siblings = [
            sibling for sibling in element.itersiblings(preceding=True) if isinstance(sibling.tag, str)
        ]
        candidates += siblings[:3]
    count = patterns(WORDS, "count")
    heading = patterns(WORDS, "heading")
    return next(
        (
            element
            for element in candidates
            if len(text := _text(element)) <= LONGEST_LABEL and (search(text, count) or search(text, heading))
        ),
        None,
    )


def _nest(items: list[etree._Element], base_url: str | None, published: dt.date | None) -> list[Comment]:
    """The items as comments, each reply under its parent."""
    item_set = set(items)
    made: dict[etree._Element, Comment] = {}
    top: list[Comment] = []
    for item in items:
        comment = _read_item(item, base_url, published)
        made[item] = comment
        parent = _parent_item(item, item_set)
        (made[parent].replies if parent in made else top).append(comment)
    return top


def _parent_item(item: etree._Element, item_set: set[etree._Element]) -> etree._Element | None:
    """The comment this one replies to: an enclosing item, or the item just before an enclosing reply list."""
    replies = self_test(MARKUP, "replies")
    node = item.getparent()
    while node is not None:
        if node in item_set:
            return node
        if matches(node, replies) and (before := _previous_element(node)) in item_set:
            return before
        node = node.getparent()
    return None


def _read_item(item: etree._Element, base_url: str | None, published: dt.date | None) -> Comment:
    """One comment, pingback or trackback from its element."""
    own = _own_part(item)
    kind = "pingback" if matches(item, self_test(MARKUP, "pingback")) else "comment"
    kind = "trackback" if matches(item, self_test(MARKUP, "trackback")) else kind
    comment = Comment(kind=kind, date=_date(own, published), url=_permalink(item, own, base_url))
    if kind == "comment":
        comment.author = _author(own)
        body = first_match(own, xpaths(MARKUP, "content"))
        comment.paragraphs = _paragraphs(own if body is None else body, base_url)
    else:
        _read_linkback(comment, own, base_url)
    return comment


def _own_part(item: etree._Element) -> etree._Element:
    """A copy of the item without the replies nested in it."""
    own = item.makeelement(item.tag, dict(item.attrib))
    own.text = item.text
    for child in item:
        if isinstance(child.tag, str) and matches(child, self_test(MARKUP, "replies")):
            _append_text(own, child.tail)
        else:
            own.append(copy.deepcopy(child))
    for node in descendants_test(MARKUP, "replies")(own):
        _drop(node)
    return own


def _author(own: etree._Element) -> str | None:
    found = first_match(own, xpaths(MARKUP, "author"))
    if found is None and (box := first_match(own, xpaths(MARKUP, "author-box"))) is not None:
        found = copy.deepcopy(box)
        for node in [*descendants_test(MARKUP, "skip")(found), *found.iter("img", "time", "a")]:
            if node.tag != "a" or _is_permalink(node):
                _drop(node)
    if found is None:
        return None
    name = patterns(WORDS, "says")[0].sub("", _text(found)).strip(" ·|:")
    return name or None


def _date(own: etree._Element, published: dt.date | None) -> dt.date | None:
    for selector in xpaths(MARKUP, "date"):
        for element in selector(own):
            for text in (element.get("datetime"), _text(element)):
                if text and (date := _dated(text, published)):
                    return date
    return None


def _dated(text: str, published: dt.date | None) -> dt.date | None:
    """The date in ``text``; one without a year falls on or after the article's date."""
    date = parse_date_in(text, published.year if published else None)
    if date and published and date < published and str(date.year) not in text:
        date = parse_date_in(text, published.year + 1)
    return date


def _permalink(item: etree._Element, own: etree._Element, base_url: str | None) -> str | None:
    link = first_match(own, xpaths(MARKUP, "permalink"))
    url = safe_link(link.get("href"), base_url) if link is not None else None
    if url and url.startswith("http"):
        return url
    anchor = _previous_element(item)
    for element in (item, anchor if anchor is not None and anchor.tag == "a" else None):
        if element is not None and COMMENT_ID.match(element.get("id") or "") and base_url:
            return base_url.split("#")[0] + "#" + element.get("id")
    return None


def _paragraphs(element: etree._Element, base_url: str | None) -> list[Paragraph]:
    """The comment's text without its author line, meta data, reply and like links."""
    element = copy.deepcopy(element)
    for node in descendants_test(MARKUP, "skip")(element):
        _drop(node)
    return read_paragraphs(element, base_url)


def _read_linkback(comment: Comment, own: etree._Element, base_url: str | None) -> None:
    """A pingback's or trackback's linking page: title, site, address, and any excerpt after the link."""
    link = next((a for a in own.iter("a") if safe_link(a.get("href"), base_url)), None)
    if link is not None:
        title = _text(link)
        comment.url = safe_link(link.get("href"), base_url)
        if " | " in title:
            title, comment.site = (part.strip() for part in title.rsplit(" | ", 1))
        comment.title = title or None
        _drop(link)
    label = patterns(WORDS, "linkback")[0]
    for paragraph in _paragraphs(own, base_url):
        if match := label.match(paragraph.text):
            paragraph = _without_start(paragraph, match.end())
        if paragraph.text:
            comment.paragraphs.append(paragraph)


def _without_start(paragraph: Paragraph, cut: int) -> Paragraph:
    """The paragraph without its first ``cut`` characters, spans moved along."""
    spans = [
        replace(span, start=span.start - cut, end=span.end - cut)
        for span in paragraph.spans
        if span.start >= cut
    ]
    return Paragraph(paragraph.text[cut:], spans=spans)


def _announced(heading: etree._Element | None) -> int | None:
    if heading is None or not (match := search(_text(heading), patterns(WORDS, "count"))):
        return None
    return int(match["n"]) if match["n"] else 1


def _closed(scope: list[etree._Element]) -> bool:
    """Whether a line of the section says that it takes no more comments."""
    closed = patterns(WORDS, "closed")
    return any(
        search(text, closed) for place in scope if isinstance(place.tag, str) for text in place.itertext()
    )


def _headings_before(section: etree._Element, item_set: set[etree._Element]) -> list[etree._Element]:
    found = []
    for element in section.iter():
        if element in item_set:
            break
        if isinstance(element.tag, str) and _heading_like(element):
            found.append(element)
    return found


def _heading_like(element: etree._Element) -> bool:
    return element.tag in HEADING_TAGS or bool(HEADING_CLASS.search(element.get("class") or ""))


# The generic fallback: comments under a heading ("Kommentare") as runs of a sub-heading and text.


def _fallback_heading(root: etree._Element) -> etree._Element | None:
    for element in root.iter():
        if not isinstance(element.tag, str) or not _heading_like(element) or _in_form(element):
            continue
        text = _text(element)
        if len(text) <= LONGEST_LABEL and (
            search(text, patterns(WORDS, "heading")) or search(text, patterns(WORDS, "count"))
        ):
            return element
    return None


def fallback_region(root: etree._Element) -> list[etree._Element]:
    """The heading over a comment section without comment markup, and the siblings holding its comments."""
    heading = _fallback_heading(root)
    if heading is None:
        return []
    region = [heading]
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if _heading_like(sibling) or sibling.tag == "form" or sibling.find(".//form") is not None:
            break
        region.append(sibling)
    return region


def _fallback_comments(
    region: list[etree._Element], base_url: str | None, published: dt.date | None
) -> list[Comment]:
    """Comments as runs under repeated sub-headings ("#1 Kommentar von Naru-chan", date, then text)."""
    comments = [
        _fallback_comment(heading, base_url, published)
        for container in region[1:]
        for heading in container.iter(*HEADING_TAGS)
    ]
    return [comment for comment in comments if comment.paragraphs or comment.date]


def _fallback_comment(heading: etree._Element, base_url: str | None, published: dt.date | None) -> Comment:
    title = _text(heading)
    number = re.match(r"#\s*(\d+)", title)
    author = patterns(WORDS, "byline")[0].sub("", title).strip() or None
    comment = Comment(number=int(number[1]) if number else None, author=author)
    holder = etree.Element("div")
    holder.text = heading.tail
    for sibling in heading.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag in HEADING_TAGS:
            break
        holder.append(copy.deepcopy(sibling))
    paragraphs = read_paragraphs(holder, base_url)
    if paragraphs and (date := _dated(paragraphs[0].text, published)):
        comment.date = date
        paragraphs = paragraphs[1:]
    comment.paragraphs = paragraphs
    return comment


# Small helpers over the tree.


def _text(element: etree._Element) -> str:
    return " ".join(etree.tostring(element, method="text", encoding="unicode", with_tail=False).split())


def _append_text(element: etree._Element, text: str | None) -> None:
    """Add ``text`` after the element's last child, or to its text when it has none."""
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _drop(node: etree._Element) -> None:
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


def _is_permalink(node: etree._Element) -> bool:
    return node.tag == "a" and "#comment" in (node.get("href") or "")


def _previous_element(node: etree._Element) -> etree._Element | None:
    return next(
        (sibling for sibling in node.itersiblings(preceding=True) if isinstance(sibling.tag, str)), None
    )


def _in_form(element: etree._Element) -> bool:
    return any(ancestor.tag == "form" for ancestor in element.iterancestors())


def _common_ancestor(elements: list[etree._Element]) -> etree._Element:
    shared = set(elements[0].iterancestors())
    for element in elements[1:]:
        shared &= set(element.iterancestors())
    return next(ancestor for ancestor in elements[0].iterancestors() if ancestor in shared)


def _page_date(root: etree._Element) -> dt.date | None:
    """The article's date, for comment dates that leave the year out ("Jun 20th at 2:41 am")."""
    for meta in root.iter("meta"):
        if meta.get("property") == "article:published_time" and (
            date := parse_date_in(meta.get("content") or "")
        ):
            return date
    return None
