"""A page's comment thread: comments with their nesting, authors, dates and text, pingbacks apart."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

from lxml import etree

from export.model import (
    Block,
    Comment,
    CommentKind,
    CommentThread,
    ListBlock,
    Paragraph,
    VideoReport,
    comment_kind,
)
from export.readers.date_times import parse_date_in
from export.readers.html.blocks import read_comment_body
from export.readers.html.comment_byline import (
    date_in_byline,
    date_in_text,
    date_line_after_break,
    first_short_name,
    is_leftover,
    is_permalink,
    leading_date,
    read_author,
    read_date,
    read_time,
)
from export.readers.html.comment_fallback import (
    PICTURE_TAGS,
    REPLY_LISTS,
    comments_heading,
    dated_list_items,
    heading_comments,
    heading_region,
    id_and_classes,
    is_no_comments_notice,
    linkback_label,
    permalinked_items,
    relative_date_line,
    repeated_items,
    reply_block,
    section_items,
)
from export.readers.html.comment_pages import comment_pages
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
from export.readers.html.tree import (
    append_text,
    common_ancestor,
    drop,
    has_words_outside,
    heading_like,
    in_form,
    previous_element,
    text_of,
)
from export.whitespace import collapse_whitespace

MARKUP = "comment_markup.tsv"
WORDS = "comment_words.tsv"
COMMENT_ID = re.compile(r"^(?:li-|div-)?comment-?(\d+)$")
COMMENT_NUMBER = re.compile(r"\d+")
LONGEST_LABEL = 200
LIST_LEVELS = 4  # how far above a comment its list may be
LINK_TAGS = frozenset({"a"})  # an item that is links alone says nothing
LONGEST_DATE_LINK = 60  # "Sunday, 20 September 2020 at 10:32 pm": a permalink that is a date
LIST_TAGS = frozenset({"ul", "ol", "dl"})
AROUND_ITEM = LIST_TAGS | LINK_TAGS  # what a comment's wrapper may have beside it: replies, a reply link


@dataclass
class CommentSection:
    """Where a page's comments are, found once for reading them and for keeping them out of the body.

    ``items`` hold the comments when the page marks them up, or where repeated dated blocks in a
    comment section show them (``unmarked``); without any, ``region`` is a plain "Comments" heading and
    the blocks after it.
    """

    items: list[etree._Element]
    section: etree._Element | None = None
    heading: etree._Element | None = None
    region: list[etree._Element] = field(default_factory=list)
    unmarked: bool = False  # the items were found by their structure, without item markup


def find_comment_section(root: etree._Element) -> CommentSection:
    """The page's comment items, the section around them and its heading, else a heading's region."""
    items, unmarked = comment_items(root)
    heading = comments_heading(root) if not items else None
    if heading is not None:
        items = _one_thread(dated_list_items(heading))
    if not items:
        region = heading_region(heading) if heading is not None else []
        return CommentSection([], heading=heading, region=region)
    section = thread_section(items)
    return CommentSection(items, section, section_heading(section, items), unmarked=unmarked)


def read_comment_thread(
    root: etree._Element,
    base_url: str | None = None,
    published: dt.date | None = None,
    found: CommentSection | None = None,
    fetched_from: str | None = None,
) -> CommentThread:
    """The comment section of a whole page (a parsed document); an empty thread when it has none.

    ``published``, the article's date (else the page's article:published_time), dates comments without a year.
    ``found`` is the page's comment section when already looked for. The links to the thread's other
    pages resolve against ``fetched_from`` (where a fetched page is on the web), else the page's address.
    """
    base_url = page_address(root, base_url)
    published = published or _page_date(root)
    found = found or find_comment_section(root)
    if found.items and found.section is not None:
        comments = _nest(found.items, base_url, published, found.unmarked)
        scope = [found.section, *list(found.section.itersiblings())[:3]]
    else:
        scope = found.region
        comments = heading_comments(scope, base_url, published)
    pages, page_number = comment_pages(root, fetched_from or base_url, found.section)
    return CommentThread(
        comments=comments,
        announced=_announced(found.heading),
        closed=_closed(scope),
        pages=pages,
        page_number=page_number,
    )


def comment_items(root: etree._Element) -> tuple[list[etree._Element], bool]:
    """Every element of the page that holds one comment, pingback or trackback, in document order, and
    whether they were found without item markup (by repeated blocks of a comment section)."""
    if marked := _without_wrapped(_thread_items(root, "item")):
        return _one_thread(marked), False
    if unmarked := repeated_items(root):
        structural = section_items(root)  # holds more where the repeated blocks' classes name their authors
        return _one_thread(structural if set(unmarked) < set(structural) else unmarked), True
    if lone := _lone_comment(root):
        return _one_thread(lone), False
    return _one_thread(section_items(root) or permalinked_items(root)), True


def _thread_items(root: etree._Element, role: Literal["item", "lone"]) -> list[etree._Element]:
    """The elements the role's markup finds, in document order, that may be comments of the page's
    thread: not in a form, a widget or a ticker, with words outside their links, and no placeholder."""
    found: set[etree._Element] = set()
    for selector in xpaths(MARKUP, role):
        found.update(selector(root))
    regions: dict[etree._Element, bool] = {}
    return [
        element
        for element in root.iter()
        if element in found
        and not in_form(element)
        and not any(_apart(ancestor, regions, found) for ancestor in element.iterancestors())
        and _says_more_than_links(element)
        and not _placeholder(element)
    ]


def _placeholder(element: etree._Element) -> bool:
    """Whether the block is a script-drawn thread's placeholder: a short undated notice that there are no
    comments yet (a dated comment may say so too)."""
    return is_no_comments_notice(element) and read_date(element, None)[0] is None


def _lone_comment(root: etree._Element) -> list[etree._Element]:
    """A thread of one comment that no known markup names: the only block of a comment section with the
    class "comment" among its classes (one comment gives the repetition nothing to find), and that shows
    a date (a notice in such a block, "Comments are closed.", "Leave a comment" over a form, shows none)."""
    candidates = _thread_items(root, "lone")
    held = Counter(ancestor for candidate in candidates for ancestor in candidate.iterancestors())
    section = self_test(MARKUP, "section")
    for candidate in candidates:
        container = next((a for a in candidate.iterancestors() if matches(a, section)), None)
        if container is not None and held[container] == 1 and read_date(candidate, None)[0] is not None:
            return [candidate]
    return []


def _apart(region: etree._Element, known: dict[etree._Element, bool], items: set[etree._Element]) -> bool:
    """Whether the region is a widget, sidebar or live ticker, whose comment markup is not the page's
    thread (``known`` holds the regions already judged).

    A layout wrapper that names its sidebar ("has-sidebar"), or Blogger's post widget, holds the page's
    heading or article text too, outside the comment ``items`` (a ticker's entries may be ``article``s).
    """
    if region not in known:
        apart = patterns(WORDS, "apart")
        names = [region.get("id") or "", *(region.get("class") or "").split()]
        known[region] = (
            region.tag not in ("body", "html")
            and any(name and search(name, apart) for name in names)
            and not _holds_page(region, items)
        )
    return known[region]


def _holds_page(element: etree._Element, items: set[etree._Element]) -> bool:
    return any(
        isinstance(node, etree._Element)
        and node not in items
        and not any(ancestor in items for ancestor in node.iterancestors())
        for selector in xpaths(MARKUP, "page")
        for node in selector(element)
    )


def _says_more_than_links(element: etree._Element) -> bool:
    """Whether the item holds words outside links (a share button or a link to comments holds none);
    a pingback may be its link alone, and a run's words may follow it (Blogger's dt, then dd)."""
    if any(matches(element, self_test(MARKUP, role)) for role in ("pingback", "trackback", "run")):
        return True
    return has_words_outside(element, LINK_TAGS)


def _without_wrapped(items: list[etree._Element]) -> list[etree._Element]:
    """The items without those that are part of a numbered item around them (WordPress's li and its div;
    a theme's li#comment-N around an article or div that bears the comment's classes); an item in a
    reply list inside the other is a reply, whatever its number (old reddit's t1_ ids)."""
    replies = self_test(MARKUP, "replies")
    kept: list[etree._Element] = []
    kept_set: set[etree._Element] = set()
    blocks: dict[etree._Element, etree._Element | None] = {}  # each holder's text block, once found
    for item in items:  # in document order: an item's holder is judged before it
        holder = next((a for a in item.iterancestors() if a in kept_set), None)
        if holder is None or not _part_of(item, holder, blocks) or _in_replies(item, holder, replies):
            kept.append(item)
            kept_set.add(item)
    return kept


def _part_of(
    item: etree._Element, holder: etree._Element, blocks: dict[etree._Element, etree._Element | None]
) -> bool:
    """Whether the item is part of the numbered comment around it: its id's runs of digits begin the
    holder's (wpDiscuz's wpd-comm-1_0 and its comment-1; not HashOver's reply c1r2 in c1, nor a reply
    whose id is a slug), or it has no id, no list lies between them, and it holds all the holder says
    (OceanWP's article in its li, Jannah's div) or lies in the holder's text block (OceanWP's
    comment-entry); a reply without an id sits in a list, or beside its parent's own words."""
    outer = _number(holder)
    if not outer:
        return False
    if not (item.get("id") or item.get("data-comment-id")):
        between = itertools.takewhile(lambda ancestor: ancestor is not holder, item.iterancestors())
        if any(ancestor.tag in LIST_TAGS for ancestor in between):
            return False
        if not _says_beside(holder, item):
            return True
        if holder not in blocks:
            blocks[holder] = first_match(holder, xpaths(MARKUP, "content"))
        return blocks[holder] is not None and blocks[holder] in item.iterancestors()
    number = _number(item)
    return bool(number) and outer[: len(number)] == number


def _says_beside(holder: etree._Element, item: etree._Element) -> bool:
    """Whether the holder has words outside the item, its lists (the replies) and its links (a reply
    link): a walk in document order that passes over those, and stops at the first word."""
    stack = [holder]
    while stack:
        element = stack.pop()
        if isinstance(element.tag, str) and (element.text or "").strip():
            return True
        if any((child.tail or "").strip() for child in element):
            return True
        stack.extend(
            child for child in reversed(element) if child is not item and child.tag not in AROUND_ITEM
        )
    return False


def _in_replies(item: etree._Element, holder: etree._Element, replies: etree.XPath) -> bool:
    """Whether a reply list lies between the item and the item that holds it."""
    for ancestor in item.iterancestors():
        if ancestor is holder:
            return False
        if matches(ancestor, replies):
            return True
    return False


def _number(element: etree._Element) -> tuple[str, ...]:
    """The runs of digits in the item's id, the first being the comment's number."""
    return tuple(COMMENT_NUMBER.findall(element.get("id") or element.get("data-comment-id") or ""))


def _one_thread(items: list[etree._Element]) -> list[etree._Element]:
    """The items of the one list whose threads hold the most comments, replies counted.

    Comment markup elsewhere on the page (a widget, a teaser) would otherwise widen the thread's
    section to an element that holds the article too. Where each comment sits in a wrapper of its own,
    the list is the wrappers' parent, a level or more further up. A list inside a comment section wins
    over a longer one elsewhere; other lists in the same section (pingbacks listed apart) are kept, and
    so are sections of pingbacks and trackbacks beside it.
    """
    item_set = set(items)
    tops: dict[etree._Element, etree._Element] = {}  # each item's top-level comment
    for item in items:
        parent = _parent_item(item, item_set)
        tops[item] = item if parent is None else tops[parent]
    for level in range(1, LIST_LEVELS + 1):
        lists = Counter(_ancestor(top, level) for top in dict.fromkeys(tops.values()))
        if len(lists) < 2:
            return items
        home = max(lists, key=lambda candidate: (_in_section(candidate), lists[candidate]))
        if lists[home] > 1 or level == LIST_LEVELS:
            section = thread_section([item for item in items if _ancestor(tops[item], level) is home])
            kept = {item for item in items if section in tops[item].iterancestors()}
            kept |= _linkbacks_beside(section, [item for item in items if item not in kept])
            return [item for item in items if item in kept]
    return items


def _linkbacks_beside(section: etree._Element, items: list[etree._Element]) -> set[etree._Element]:
    """The items of the sections beside the thread's that hold pingbacks and trackbacks only (Dotclear's
    #pings, Serendipity's trackbacks section)."""
    parent = section.getparent()
    if parent is None:
        return set()
    linkback = [self_test(MARKUP, "pingback"), self_test(MARKUP, "trackback")]
    found: set[etree._Element] = set()
    for sibling in parent:
        if (
            sibling is section
            or not isinstance(sibling.tag, str)
            or not matches(sibling, self_test(MARKUP, "section"))
        ):
            continue
        inside = [item for item in items if sibling in item.iterancestors()]
        if inside and all(any(matches(item, test) for test in linkback) for item in inside):
            found.update(inside)
    return found


def _in_section(element: etree._Element | None) -> bool:
    """Whether the list is, or sits in, a container that says comments (#comments, .comments-area)."""
    test = self_test(MARKUP, "section")
    return element is not None and any(matches(node, test) for node in (element, *element.iterancestors()))


def _ancestor(element: etree._Element, level: int) -> etree._Element | None:
    for _ in range(level):
        if (parent := element.getparent()) is None:
            return element
        element = parent
    return element


def thread_section(items: list[etree._Element]) -> etree._Element:
    """The element around the comment list, widened to the containers whose id or class says comments."""
    item_set = set(items)
    section = common_ancestor([item for item in items if _parent_item(item, item_set) is None])
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
            if len(text := text_of(element)) <= LONGEST_LABEL
            and (search(text, count) or search(text, heading))
        ),
        None,
    )


def _nest(
    items: list[etree._Element], base_url: str | None, published: dt.date | None, unmarked: bool = False
) -> list[Comment]:
    """The items as comments, each reply under its parent: the item around it, else the last item
    before it of a lower level where the page states levels (a flat list, or one the parser broke);
    ``unmarked`` items were found without item markup."""
    item_set = set(items)
    holders = {ancestor for item in items for ancestor in item.iterancestors()}
    made: dict[etree._Element, Comment] = {}
    top: list[Comment] = []
    open_levels: list[tuple[int, Comment]] = []  # the last comment of each level above the current one
    for item in items:
        comment = _read_item(item, _own_part(item, item_set, holders), base_url, published, unmarked)
        made[item] = comment
        parent = _parent_item(item, item_set)
        level = _level(item)
        while level and open_levels and open_levels[-1][0] >= level:
            open_levels.pop()
        if parent in made:
            made[parent].replies.append(comment)
        elif level and level > 1 and open_levels:
            open_levels[-1][1].replies.append(comment)
        else:
            top.append(comment)
        if level:
            open_levels.append((level, comment))
    return top


def _level(item: etree._Element) -> int | None:
    """The item's level in the thread where its markup states one (1 for a comment on the article)."""
    for selector in xpaths(MARKUP, "level"):
        value = selector(item)
        if isinstance(value, float) and math.isfinite(value) and value >= 1:  # NaN where it states none
            return int(value)
    return None


def _parent_item(item: etree._Element, item_set: set[etree._Element]) -> etree._Element | None:
    """The comment this one replies to: an enclosing item, or the item just before an enclosing reply list
    (the markup's, or any list, or a reply block: ``_replies_block``)."""
    replies = self_test(MARKUP, "replies")
    node = item.getparent()
    while node is not None:
        if node in item_set:
            return node
        if (before := previous_element(node)) in item_set and (
            matches(node, replies) or node.tag in REPLY_LISTS or _replies_block(node, item)
        ):
            return before
        node = node.getparent()
    return None


def _replies_block(block: etree._Element, item: etree._Element) -> bool:
    """Whether a block right after a comment that begins and ends with items of the item's tag holds its
    replies (Drupal's ``div.indented`` with its class words gone): not where the items state their levels
    (the levels say it), nor where the page hides the block or names it a block of more comments (a
    thread's later comments shown by a button, "more-comments", not replies to the comment before it)."""
    if not reply_block(block, item.tag) or _level(item) is not None:
        return False
    style = "".join((block.get("style") or "").split()).lower()
    if block.get("hidden") is not None or "display:none" in style:
        return False
    return not search(id_and_classes(block), patterns(WORDS, "more-block"))


def _read_item(
    item: etree._Element,
    own: etree._Element,
    base_url: str | None,
    published: dt.date | None,
    unmarked: bool = False,
) -> Comment:
    """One comment, pingback or trackback from its element and a copy of its own part; an ``unmarked``
    one's name is looked for in more places (``first_short_name``)."""
    kind: CommentKind = "pingback" if matches(item, self_test(MARKUP, "pingback")) else "comment"
    kind = "trackback" if matches(item, self_test(MARKUP, "trackback")) else kind
    date, dated = read_date(own, published)
    if date is None:
        date, dated = date_line_after_break(own, published)
    relative = relative_date_line(own) if unmarked and dated is None else None  # no date: gives its place
    comment = Comment(kind=kind, date=date, url=_permalink(item, own, base_url), time=read_time(own, dated))
    if kind == "comment":
        comment.author, named = read_author(own)
        if comment.author is None:
            comment.author, named = first_short_name(own, unmarked, dated if relative is None else relative)
        if comment.author and (label := search(comment.author, patterns(WORDS, "linkback-name"))):
            comment.kind, comment.author = (
                comment_kind(label[1]),
                None,
            )  # "Pingback von …" where a name would be
        elif comment.author is None and (labelled := linkback_label(own)):  # "Pingback: <link>", no name
            comment.kind = comment_kind(labelled)
    if comment.kind == "comment":
        comment.author_url = _author_url(named, base_url)
        if comment.date is None:
            comment.date, comment.time, dated = date_in_byline(named, published)
        body = first_match(own, xpaths(MARKUP, "content"))
        if body is None:
            body = own  # no text block: the whole comment
        # the commenter's picture, alt text and all, and a permalink on a line of its own ("Permalink")
        apart = [*_pictures_before(own, named), *_lone_permalinks(own)]
        for node in (named, dated, relative, *apart, first_match(own, xpaths(MARKUP, "permalink"))):
            if node is not None and node is not body and body in node.iterancestors():
                drop(node)  # the parts that gave its name and date, also where the text block holds them
        comment.blocks, comment.videos = _blocks(body, base_url)
        if _quotes_elsewhere(comment):
            _as_pingback(comment)
        if comment.date is None and comment.blocks and isinstance(first := comment.blocks[0], Paragraph):
            comment.date, comment.time, lead = leading_date([first], published)
            comment.blocks[:1] = lead
    else:
        _read_linkback(comment, own, base_url, dated)
    return comment


def _pictures_before(own: etree._Element, named: etree._Element | None) -> list[etree._Element]:
    """The pictures just before the commenter's name in the comment's copy (their picture, whatever its
    class): no words between a picture and the name but a byline's ("Submitted by") or a date. A picture
    the commenter posted in their text, with the name in a footer after it, stays."""
    if named is None:
        return []
    pictures: list[tuple[etree._Element, int]] = []  # each picture, and where the words after it begin
    pieces: list[str] = []
    for event, element in etree.iterwalk(own, events=("start", "end")):
        if element is named:
            return _next_to_name(pictures, pieces)
        if not isinstance(element.tag, str):
            continue
        if event == "end":
            pieces.append("" if element is own else element.tail or "")
        elif element.tag in PICTURE_TAGS:
            pictures.append((element, len(pieces)))
        else:
            pieces.append(element.text or "")
    return []


def _next_to_name(pictures: list[tuple[etree._Element, int]], pieces: list[str]) -> list[etree._Element]:
    """The pictures, last first, while the words between each and the name are none, a byline's words
    ("Submitted by") or a date; those words only grow towards the first picture, and are read once."""
    found: list[etree._Element] = []
    between, end = "", len(pieces)
    for picture, start in reversed(pictures):
        words = collapse_whitespace(" ".join([*pieces[start:end], between])).strip(" ·|:-–—,")
        between, end = words, start
        if len(words) > LONGEST_DATE_LINK:
            break
        byline = search(f"{words} x", patterns(WORDS, "by"))  # "by" wants a name after it
        if words and not (byline and byline.end() >= len(words)) and date_in_text(words, None) is None:
            break
        found.append(picture)
    return found[::-1]


def _lone_permalinks(own: etree._Element) -> list[etree._Element]:
    """The links to a comment itself that are all their line says and say they are one: a permalink word,
    a number or "#", or a date (Drupal's "Permalink" paragraph; never a reply's "@Anna" mention). Each
    line's text read once, however many such links it holds."""
    lines: dict[etree._Element, str] = {}
    found = []
    for link in own.iter("a"):
        line = link.getparent()
        if not is_permalink(link) or line is None or line is own:
            continue
        if line not in lines:
            lines[line] = text_of(line)
        if lines[line] == (text := text_of(link)) and _says_permalink(text):
            found.append(link)
    return found


def _says_permalink(text: str) -> bool:
    """Whether a link's whole text is a permalink's: its word, a number or "#", or a date."""
    if search(text, patterns(WORDS, "permalink")) or search(text, patterns(WORDS, "relative")):
        return True
    return len(text) <= LONGEST_DATE_LINK and date_in_text(text, None) is not None


def _own_part(
    item: etree._Element, items: set[etree._Element], holders: set[etree._Element]
) -> etree._Element:
    """A copy of the item without the comments nested in it (``holders`` are the elements around any)."""
    if matches(item, self_test(MARKUP, "run")):
        return _run_part(item, items)
    own = item.makeelement(item.tag, dict(item.attrib))
    own.text = item.text
    for child in item:
        if child in items or (isinstance(child.tag, str) and matches(child, self_test(MARKUP, "replies"))):
            append_text(own, child.tail)
        elif child in holders:
            part = _own_part(child, items, holders)
            part.tail = child.tail
            own.append(part)
        else:
            own.append(copy.deepcopy(child))
    return own


def _run_part(item: etree._Element, items: set[etree._Element]) -> etree._Element:
    """A copy of the item and the siblings after it up to the next item, in one ``div``."""
    own = item.makeelement("div", {})
    own.append(copy.deepcopy(item))
    for sibling in item.itersiblings():
        if sibling in items:
            break
        own.append(copy.deepcopy(sibling))
    return own


def _author_url(named: etree._Element | None, base_url: str | None) -> str | None:
    """The address the commenter's name links to, when it is a web page."""
    if named is None:
        return None
    links = [named] if named.tag == "a" else list(named.iter("a"))
    for link in links:
        url = safe_link(link.get("href"), base_url)
        if url and url.startswith("http") and not is_permalink(link):
            return url
    return None


def _permalink(item: etree._Element, own: etree._Element, base_url: str | None) -> str | None:
    link = first_match(own, xpaths(MARKUP, "permalink"))
    url = safe_link(link.get("href"), base_url) if link is not None else None
    if url and url.startswith("#") and base_url:
        url = base_url.split("#")[0] + url
    if url and url.startswith("http"):
        return url
    anchor = previous_element(item)
    for element in (item, anchor if anchor is not None and anchor.tag == "a" else None):
        if element is not None and COMMENT_ID.match(element.get("id") or "") and base_url:
            return base_url.split("#")[0] + "#" + element.get("id")
    return None


def _paragraphs(element: etree._Element, base_url: str | None) -> list[Paragraph]:
    """The comment's text without its author line, meta data, reply and like links."""
    element = copy.deepcopy(element)
    for node in descendants_test(MARKUP, "skip")(element):
        drop(node)
    return [
        paragraph
        for paragraph in read_paragraphs(element, base_url)
        if any(c.isalnum() for c in paragraph.text) and not is_leftover(paragraph.text)
    ]


def _blocks(element: etree._Element, base_url: str | None) -> tuple[list[Block], list[VideoReport]]:
    """The comment's blocks and videos without its author line, meta data, reply and like links."""
    element = copy.deepcopy(element)
    for node in descendants_test(MARKUP, "skip")(element):
        drop(node)
    content = read_comment_body(element, base_url)
    return [block for block in content.blocks if _kept(block)], content.videos


def _kept(block: Block) -> bool:
    """Whether a comment keeps a block: a paragraph with words that is no leftover ("Reply"), any other
    block but a menu of actions."""
    if isinstance(block, Paragraph):
        return any(c.isalnum() for c in block.text) and not is_leftover(block.text)
    return not _action_menu(block)


def _action_menu(block: Block) -> bool:
    """Whether a list is a menu of a comment's actions, each item a leftover word ("Edit", "Report")."""
    if not isinstance(block, ListBlock) or not block.items:
        return False
    return all(
        len(item.blocks) == 1 and isinstance(line := item.blocks[0], Paragraph) and is_leftover(line.text)
        for item in block.items
    )


def _quotes_elsewhere(comment: Comment) -> bool:
    """Whether a comment's whole text is an excerpt in brackets ("[…] text […]") under a link's title:
    a pingback that the theme shows as a comment."""
    excerpt = patterns(WORDS, "linkback-excerpt")
    return bool(
        comment.author_url
        and len(comment.blocks) == 1
        and isinstance(comment.blocks[0], Paragraph)
        and search(comment.blocks[0].text, excerpt)
    )


def _as_pingback(comment: Comment) -> None:
    """The comment made a pingback: its name is the linking page's title, its link the page."""
    title, comment.url, comment.kind = comment.author or "", comment.author_url, "pingback"
    if " | " in title:
        title, comment.site = (part.strip() for part in title.rsplit(" | ", 1))
    comment.title, comment.author, comment.author_url = title or None, None, None


def _read_linkback(
    comment: Comment, own: etree._Element, base_url: str | None, dated: etree._Element | None
) -> None:
    """A linkback's page from its first link off this page and not a comment number's (outside the ``dated``
    line where one is), its site, and its excerpt: its text block where it has one, the date line left out."""
    skipped = descendants_test(MARKUP, "skip")(own)
    page = (base_url or "").split("#")[0] + "#"
    links = [
        a
        for a in own.iter("a")
        if a not in skipped
        and (url := safe_link(a.get("href"), base_url))
        and not url.startswith(("#", page))
    ]
    undated = [a for a in links if dated is None or (a is not dated and dated not in a.iterancestors())]
    marked = first_match(own, xpaths(MARKUP, "source"))
    link = marked if marked is not None else next(iter(undated or links), None)
    if link is not None:
        labelled = any(node in skipped for node in link.iterancestors())  # a "Permalink" in the meta line
        title = "" if labelled else text_of(link)
        comment.url = safe_link(link.get("href"), base_url)
        if " | " in title:
            title, comment.site = (part.strip() for part in title.rsplit(" | ", 1))
        comment.title = title or None
        drop(link)
    if (site := first_match(own, xpaths(MARKUP, "site"))) is not None:
        comment.site = text_of(site) or comment.site
        drop(site)
    if dated is not None and dated is not own and own in dated.iterancestors():
        drop(dated)  # its date, read already
    body = first_match(own, xpaths(MARKUP, "content"))
    label = patterns(WORDS, "linkback")[0]
    for paragraph in _paragraphs(own if body is None else body, base_url):
        if match := label.match(paragraph.text):
            paragraph = _without_start(paragraph, match.end())
        if paragraph.text:
            comment.blocks.append(paragraph)


def _without_start(paragraph: Paragraph, cut: int) -> Paragraph:
    """The paragraph without its first ``cut`` characters, spans moved along."""
    spans = [
        replace(span, start=span.start - cut, end=span.end - cut)
        for span in paragraph.spans
        if span.start >= cut
    ]
    return Paragraph(paragraph.text[cut:], spans=spans)


def _announced(heading: etree._Element | None) -> int | None:
    if heading is None or not (match := search(text_of(heading), patterns(WORDS, "count"))):
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
        if isinstance(element.tag, str) and heading_like(element):
            found.append(element)
    return found


def _page_date(root: etree._Element) -> dt.date | None:
    """The article's date, for comment dates that leave the year out ("Jun 20th at 2:41 am")."""
    for meta in root.iter("meta"):
        if meta.get("property") == "article:published_time" and (
            date := parse_date_in(meta.get("content") or "")
        ):
            return date
    return None
