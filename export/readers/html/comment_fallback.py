"""Comment sections without known markup: repeated blocks that say "comment", or runs under a heading."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from export.model import Comment
from export.readers.date_times import parse_date_after, parse_time_in
from export.readers.html.comment_byline import (
    LINE_PARTS,
    LONGEST_BYLINE,
    SEPARATOR,
    TextCounts,
    first_short_name,
    shows_date,
)
from export.readers.html.inline import read_paragraphs
from export.readers.html.markup_tables import patterns, search
from export.readers.html.tree import (
    HEADING_TAGS,
    drop,
    has_words_outside,
    heading_like,
    in_form,
    next_element,
    text_of,
)
from export.whitespace import collapse_whitespace

WORDS = "comment_words.tsv"
ITEM_TAGS = frozenset({"li", "div", "article", "section"})
LINK_AND_TIME_TAGS = frozenset({"a", "time"})
LONGEST_HEADING = 200
SHORTEST_COMMENT = 20
LONGEST_NOTICE = 200
LONGEST_COUNT_LINE = 40
PICTURE_TAGS = frozenset({"img", "amp-img", "picture"})
HEADING_WRAPPERS = 2  # how far above a heading its section's list may begin
LIST_ITEM_TAGS = frozenset({"li", "article", "div", "section", "dd", "dt"})  # a dt with its dd
REPLY_LISTS = frozenset({"ul", "ol"})
PERMALINK = re.compile(r"#comment-?\d+$")  # a comment's own address on its page
LONGEST_RELATIVE = 30  # "il y a 3 semaines", "about 11 months ago"
LONE_TAGS = frozenset({"li", "article"})  # a list's item, or an article, may be a thread's only comment


def repeated_items(root: etree._Element) -> list[etree._Element]:
    """Sibling blocks of one kind that say comment, or under a parent that does, with their nested kin."""
    says = patterns(WORDS, "container")
    refuses = patterns(WORDS, "not-container")
    in_forms = {node for form in root.iter("form") for node in form.iter()}
    for parent in root.iter():
        if not isinstance(parent.tag, str) or parent in in_forms:
            continue
        groups = _groups(parent)
        if not groups or search(id_and_classes(parent), refuses):
            continue
        parent_says = bool(search(id_and_classes(parent), says))
        for signature, grouped in groups.items():
            named = " ".join(signature[1])
            if search(named, refuses) or not (parent_says or search(named, says)):
                continue
            members = [member for member in grouped if not _refused(member, refuses)]
            if sum(_unlinked_length(member) >= SHORTEST_COMMENT for member in members) >= 2 and not (
                _about_other_pages(members)
            ):
                return _with_nested(parent, signature)
    return []


def section_items(root: etree._Element) -> list[etree._Element]:
    """Without comment markup on the items: the first set of sibling blocks of one tag in a comment
    section (one whose name says comment, or after the comments heading) that each show a date and say
    something outside their links, with the blocks of that tag nested in them as replies; a block that
    holds such a set of its own is a wrapper, not a comment. Where no section holds two, a list item or
    article alone may be the thread's one comment."""
    judged: dict[etree._Element, bool] = {}
    sections, after_heading = _sections(root)
    inside = {node for section in sections for node in section.iter()}
    first_after = after_heading[0] if after_heading else None
    parents: list[etree._Element] = []
    at = 0  # where the blocks after the heading go: before the first parent at or after the first of them
    for node in root.iter():
        if node is first_after:
            at = len(parents)
        if node in inside and isinstance(node.tag, str) and not in_form(node):
            parents.append(node)
    groups = [list(parent) for parent in parents]
    if after_heading:  # the blocks after the heading, in page order among the others
        groups.insert(at, after_heading)
    for fewest in (2, 1):
        for children in groups:  # in page order: a list comes before the reply lists in its items
            members = _dated_children(children, judged, fewest)
            if members and not any(_wrapper(member, judged) for member in members):
                return _with_replies(members, judged)
    return []


def permalinked_items(root: etree._Element) -> list[etree._Element]:
    """Without a comment section: the first run of sibling blocks of one tag that each look like a
    comment and hold a permalink to a comment of one page ("#comment-12"), with their replies."""
    links = [
        link for link in root.iter("a") if PERMALINK.search(link.get("href") or "") and not in_form(link)
    ]
    held = Counter(ancestor for link in links for ancestor in link.iterancestors())
    judged: dict[etree._Element, bool] = {}
    for parent in (node for node in root.iter() if held[node] >= 2 and node.find(".//h1") is None):
        members = _dated_children(list(parent), judged, 2)
        if (
            len(members) >= 2
            and all(_permalinked(member, held) for member in members)
            and _one_page(members)
            and not any(_wrapper(member, judged) for member in members)
        ):
            return _with_replies(members, judged)
    return []


def _permalinked(block: etree._Element, held: Counter[etree._Element]) -> bool:
    """Whether the block, or a ``dt``'s ``dd`` blocks up to the next ``dt``, holds a comment's permalink."""
    if held[block] or block.tag != "dt":
        return bool(held[block])
    for sibling in block.itersiblings():
        if sibling.tag == "dt":
            return False
        if sibling.tag == "dd" and held[sibling]:
            return True
    return False


def _one_page(members: list[etree._Element]) -> bool:
    """Whether the blocks' comment permalinks all lead to one page (Drupal's /comment/N addresses count
    as pages of their own here: without a comment section they may be a list of the latest comments)."""
    return len(_linked_pages(members, PERMALINK.search)) <= 1


def _dated_children(
    children: list[etree._Element], judged: dict[etree._Element, bool], fewest: int
) -> list[etree._Element]:
    """The sibling blocks of the first tag of which ``fewest`` or more look like comments (one only
    where it is a list item or an article, or has replies of its kind)."""
    for tag in dict.fromkeys(child.tag for child in children if child.tag in LIST_ITEM_TAGS):
        members = [child for child in children if child.tag == tag and _commentlike(child, judged)]
        if len(members) < fewest or _about_other_pages(members):
            continue
        if len(members) >= 2 or tag in LONE_TAGS or len(_with_replies(members, judged)) >= 2:
            return members
    return []


def _sections(root: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """The blocks that may hold a comment section's items: those whose names say comment, and the blocks
    after the comments heading or its wrapper; none that holds the page's heading, nor a widget or
    sidebar. Also the blocks after the heading's wrapper, which may be its comments themselves."""
    says, refuses = patterns(WORDS, "container"), patterns(WORDS, "not-container")
    apart = [*refuses, *patterns(WORDS, "apart")]
    named = [
        element
        for element in root.iter(*ITEM_TAGS)
        if search(id_and_classes(element), says)
        and not search(id_and_classes(element), refuses)
        and not in_form(element)
    ]
    heading, counted = comments_heading(root), False
    if heading is None:
        heading = _count_line(root)
        counted = heading is not None
    starts = _heading_and_wrappers(heading, counted) if heading is not None else []
    after = [sibling for start in starts for sibling in start.itersiblings() if isinstance(sibling.tag, str)]
    outermost = [sibling for sibling in after if starts and sibling.getparent() is starts[-1].getparent()]

    def usable(block: etree._Element) -> bool:
        return block.find(".//h1") is None and not search(id_and_classes(block), apart)

    return [block for block in (*named, *after) if usable(block)], [
        block for block in outermost if usable(block)
    ]


def _count_line(root: etree._Element) -> etree._Element | None:
    """Without a comments heading: the first short block without links whose whole text says it is the
    comments or counts them ("Comments ( 3 )", Better AMP's title ``div``), outside forms."""
    words = [*patterns(WORDS, "heading"), *patterns(WORDS, "count")]
    for element in root.iter("div", "p", "span"):
        if not (element.text or "").strip():  # its words begin in it
            continue
        text = _short_text(element)
        if text and search(text, words) and element.find(".//a") is None and not in_form(element):
            return element
    return None


def _short_text(element: etree._Element) -> str | None:
    """The element's text, whitespace collapsed, where it is a short line; read no further than that."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece.strip())
        if size > LONGEST_COUNT_LINE:
            return None
    return collapse_whitespace(" ".join(pieces))


def _heading_and_wrappers(heading: etree._Element, links_too: bool = False) -> list[etree._Element]:
    """The heading and the blocks around it that hold nothing else (a heading's wrapper); with
    ``links_too``, nothing else but links (a count line's header, with an "Add Comment" button)."""
    found = [heading]
    for ancestor in list(heading.iterancestors())[:HEADING_WRAPPERS]:
        if (_unlinked_text(ancestor) if links_too else text_of(ancestor)) != text_of(heading):
            break
        found.append(ancestor)
    return found


def _unlinked_text(element: etree._Element) -> str:
    """The element's text without the words of its links."""
    copied = copy.deepcopy(element)
    for link in list(copied.iter("a")):
        drop(link)
    return text_of(copied)


def _commentlike(block: etree._Element, judged: dict[etree._Element, bool]) -> bool:
    """Whether a block looks like one comment: no form in it, words outside its links, and a date; or
    a pingback or trackback by its label ("Pingback: <link>"). A ``dt`` is judged with the ``dd``
    blocks after it (a name and date over the text)."""
    if block not in judged:
        whole = _whole(block)
        judged[block] = whole.find(".//form") is None and (
            (_unlinked_length(whole) >= SHORTEST_COMMENT and (_shows_when(whole) or _answerable(whole)))
            or linkback_label(whole) is not None
        )
    return judged[block]


def _whole(block: etree._Element) -> etree._Element:
    """The block as it is judged: any block itself, but a ``dt`` as a copy of it and the ``dd`` blocks
    after it, up to the next ``dt``, in one ``div``."""
    if block.tag != "dt":
        return block
    whole = block.makeelement("div", {})
    whole.append(copy.deepcopy(block))
    for sibling in block.itersiblings():
        if sibling.tag == "dt":
            break
        if sibling.tag == "dd":
            whole.append(copy.deepcopy(sibling))
    return whole


def linkback_label(block: etree._Element) -> str | None:
    """The pingback's or trackback's label the block starts with where it holds a link ("Pingback")."""
    labelled = search(text_of(block), patterns(WORDS, "linkback-name"))
    return labelled[1] if labelled is not None and block.find(".//a[@href]") is not None else None


def _with_replies(members: list[etree._Element], judged: dict[etree._Element, bool]) -> list[etree._Element]:
    """The blocks, and those of their tag nested in them or in a list right after them that look like
    comments (a ``div`` or ``section`` only where it has a class they all have, or where none of them has
    a class, has none either and leaves its comment a date of its own), in page order. A short comment
    ("Danke!") among them counts where it has a class they all have and shows a date."""
    tag = members[0].tag
    shared = set.intersection(*(set(_signature(member)[1]) for member in members))
    classless = not any(member.get("class") for member in members)
    kin = [block for block in members[0].getparent() if block.tag == tag and _short_kin(block, shared)]
    found = {*members, *kin}
    for member in found.copy():
        after = next_element(member)  # a list of replies right after its comment
        replies_after = after is not None and (after.tag in REPLY_LISTS or reply_block(after, tag))
        holders = [member, *([after] if replies_after else [])]
        own_date: bool | None = None  # whether the comment shows a date outside the comments nested in it
        for nested in (node for holder in holders for node in holder.iterdescendants(tag)):
            alike = tag in LONE_TAGS or bool(shared & set(_signature(nested)[1]))
            if not alike and classless and not nested.get("class"):
                if own_date is None:
                    inner = [node for node in member.iterdescendants(tag) if _commentlike(node, judged)]
                    own_date = _dated_without(member, inner)
                alike = own_date
            if alike and (_commentlike(nested, judged) or _short_kin(nested, shared)):
                found.add(nested)
    return [element for element in members[0].getparent().iter(tag) if element in found]


def reply_block(block: etree._Element, tag: str) -> bool:
    """Whether a ``div`` or ``section`` with no words before its first child begins and ends with blocks of
    ``tag`` (an empty anchor before one aside): right after a comment, its replies (Drupal 8/9's
    ``div.indented``, whatever its class). Its ends only, not its children's tails nor their count: it is
    asked for each of its items."""
    if block.tag not in ("div", "section") or (block.text or "").strip():
        return False
    first = next(iter(block), None)
    if first is not None and first.tag == "a" and not len(first) and not (first.text or "").strip():
        first = first.getnext()
    return first is not None and first.tag == tag and block[-1].tag == tag


def _short_kin(block: etree._Element, shared: set[str]) -> bool:
    """Whether a block too short to look like a comment has a class the comments all have, some words
    outside its links, no form, and a date (a ``dt`` with its ``dd`` blocks)."""
    if not shared & set(_signature(block)[1]):
        return False
    whole = _whole(block)
    return whole.find(".//form") is None and _unlinked_length(whole) > 0 and _shows_when(whole)


def _answerable(block: etree._Element) -> bool:
    """Whether an undated block shows a picture before any of its words (the commenter's) and, after
    it, a reply link or button ("Reply", "Antworten"): a comment by its other evidence."""
    reply = patterns(WORDS, "reply")[0]
    pictured = words = False
    for event, element in etree.iterwalk(block, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if event == "end":
            words = words or (element is not block and bool((element.tail or "").strip()))
            continue
        if element.tag in PICTURE_TAGS:
            pictured = pictured or not words
        elif pictured and element.tag in ("a", "button") and reply.match(text_of(element)):
            return True
        words = words or bool((element.text or "").strip())
    return False


def _shows_when(block: etree._Element) -> bool:
    """Whether a block shows a date, or an element holding only a relative one ("3 years ago", "2h") and
    more of a comment than that (``_commenter_beside``)."""
    counts = TextCounts(block)  # counted once for both questions
    if shows_date(block, counts):
        return True
    relative = relative_date_element(block, counts)
    return relative is not None and _commenter_beside(block, relative)


def _commenter_beside(block: etree._Element, relative: etree._Element) -> bool:
    """Whether a relatively dated block shows a comment's other evidence: a reply link or button, a link
    to a comment on the page ("#comment-12"), or a name line before the relative date over a text of its
    own. A news box's headline beside "2 hrs" shows none of them."""
    reply = patterns(WORDS, "reply")[0]
    for element in block.iter("a", "button"):
        href = element.get("href") or ""
        if PERMALINK.search(href) or "replytocom" in href or reply.match(text_of(element)):
            return True
    named = first_short_name(block, True, relative)[1]
    if named is None:
        return False
    name = 0 if named.tag == "a" or next(named.iterancestors("a"), None) is not None else len(text_of(named))
    return _unlinked_length(block) - name - len(text_of(relative)) >= SHORTEST_COMMENT


def relative_date_line(block: etree._Element) -> etree._Element | None:
    """The relative date's element (``relative_date_element``), or the short line around it where the rest
    of that line holds no letters (a vote count beside it: "0 · 2h")."""
    line = relative_date_element(block)
    while line is not None and (parent := line.getparent()) is not None and parent is not block:
        rest = text_of(parent).replace(text_of(line), "", 1)
        if len(parent) > LINE_PARTS or any(character.isalpha() for character in rest):
            break
        line = parent
    return line


def relative_date_element(block: etree._Element, counts: TextCounts | None = None) -> etree._Element | None:
    """The innermost element of the block that holds only a relative date ("6 years ago", "vor 2 Tagen",
    "il y a 3 jours", "2h"), or a short row of a few parts with one among them ("Like · Reply · 3 hrs"):
    when a comment was written, though no date without the time the page was saved."""
    relative = patterns(WORDS, "relative")
    chosen: etree._Element | None = None
    counts = counts or TextCounts(block)
    for element in block.iter():
        if not isinstance(element.tag, str) or len(element) > LINE_PARTS:
            continue
        if not counts.short(element, LONGEST_BYLINE, dated=False):
            continue
        text = text_of(element) if len(element) else collapse_whitespace(element.text or "")
        if not text or len(text) > LONGEST_BYLINE:
            continue
        if any(len(part) <= LONGEST_RELATIVE and search(part, relative) for part in SEPARATOR.split(text)):
            if chosen is not None and chosen not in element.iterancestors():
                break  # past the first one's elements: it is the innermost
            chosen = element
    return chosen


def _wrapper(block: etree._Element, judged: dict[etree._Element, bool]) -> bool:
    """Whether the block holds a run of comments of its own and shows no date outside them (a comment
    with its replies shows its own), and the run is not one block of its own text before replies that
    share a class with it (a thread's block: its comment, then its replies' blocks, as wpDiscuz nests)."""
    inner = _dated_children(list(block), judged, 2)
    if not inner or _dated_without(block, inner):
        return False
    own = set(_signature(block)[1])
    others = [member for member in inner if not own & set(_signature(member)[1])]
    return not (own and len(others) == 1 and others[0] is inner[0])


def _dated_without(block: etree._Element, nested: list[etree._Element]) -> bool:
    """Whether the block shows a date outside the ``nested`` blocks (replies, not wrappers of its text)."""
    left_out = set(nested)
    copied = copy.deepcopy(block)
    pairs = zip(block.iter(), copied.iter(), strict=True)
    for duplicate in [duplicate for original, duplicate in pairs if original in left_out]:
        duplicate.getparent().remove(duplicate)
    return shows_date(copied)


def _refused(member: etree._Element, refuses: list[re.Pattern[str]]) -> bool:
    """Whether the block's id rules it out (a form, a widget), or it is a short notice that there are no
    comments (what a static copy keeps of a thread a script draws)."""
    return bool(search(member.get("id") or "", refuses)) or is_no_comments_notice(member)


def is_no_comments_notice(element: etree._Element) -> bool:
    """Whether the block is a short notice that there are no comments ("Be the first to comment!")."""
    text = text_of(element)
    return len(text) <= LONGEST_NOTICE and bool(search(text, patterns(WORDS, "none")))


def _about_other_pages(members: list[etree._Element]) -> bool:
    """Whether the blocks link to comments on several pages: a list of the latest comments, not a thread
    (a thread's permalinks all lead to its own page, "#comment-N" alone included; Drupal's /comment/N
    addresses are left aside)."""
    return len(_linked_pages(members, lambda href: "#comment" in href and "/comment/" not in href)) >= 2


def _linked_pages(members: list[etree._Element], to_comment: Callable[[str], object]) -> set[str]:
    """The pages other than this one that the blocks' links to comments (``to_comment`` tells them by their
    address) lead to: each address without its fragment."""
    return {
        href.split("#")[0]
        for member in members
        for link in member.iter("a")
        if to_comment(href := link.get("href") or "")
    } - {""}


def _unlinked_length(element: etree._Element) -> int:
    """How much text the block holds outside links: none in a list of links to comments elsewhere."""
    linked = sum(len(text_of(link)) for link in element.iter("a"))
    return len(text_of(element)) - linked


def _groups(parent: etree._Element) -> dict[tuple[str, tuple[str, ...]], list[etree._Element]]:
    children = [child for child in parent if isinstance(child.tag, str) and child.tag in ITEM_TAGS]
    if len(children) < 2:
        return {}
    groups: dict[tuple[str, tuple[str, ...]], list[etree._Element]] = {}
    for child in children:
        groups.setdefault(_signature(child), []).append(child)
    return {signature: members for signature, members in groups.items() if len(members) >= 2}


def _signature(element: etree._Element) -> tuple[str, tuple[str, ...]]:
    """The element's tag and its class words, without those that number or alternate (odd, even, depth-2)."""
    words = (element.get("class") or "").split()
    return element.tag, tuple(sorted(word for word in words if not _alternates(word)))


@lru_cache(maxsize=4096)
def _alternates(word: str) -> bool:
    """Whether a class word numbers or alternates blocks (judged once a word: pages repeat their words)."""
    return bool(search(word, patterns(WORDS, "alternating")))


def _with_nested(parent: etree._Element, signature: tuple[str, tuple[str, ...]]) -> list[etree._Element]:
    return [element for element in parent.iterdescendants(signature[0]) if _signature(element) == signature]


def id_and_classes(element: etree._Element) -> str:
    """The element's id and class words, as a block's names are searched for words ("comments", "more")."""
    return f"{element.get('id') or ''} {element.get('class') or ''}".strip()


def dated_list_items(heading: etree._Element) -> list[etree._Element]:
    """The items of the first list after the comments heading whose items each bear a ``time`` of their
    own (replies in lists inside them): a thread whose markup names no comment (taz's "Leserkommentare")."""
    for start in (heading, *list(heading.iterancestors())[:HEADING_WRAPPERS]):
        for sibling in start.itersiblings():
            if not isinstance(sibling.tag, str) or heading_like(sibling):
                continue
            for listing in (sibling, *sibling.iterdescendants("ul", "ol")):
                if listing.tag not in ("ul", "ol"):
                    continue
                items = [item for item in listing.iter("li") if _dated_here(item)]
                if items and all(_dated_here(item) for item in listing if item.tag == "li"):
                    # latest comments on other posts, or a list of dated links to articles
                    return [] if _about_other_pages(items) or not any(map(_says_more, items)) else items
    return []


def _says_more(item: etree._Element) -> bool:
    """Whether the list item holds words outside its links and its ``time`` elements (a comment's text)."""
    return has_words_outside(item, LINK_AND_TIME_TAGS)


def _dated_here(item: etree._Element) -> bool:
    """Whether a ``time`` element belongs to this list item and not to one nested in it."""
    return any(next(time.iterancestors("li"), None) is item for time in item.iter("time"))


# Comments under a plain heading ("Kommentare"), each a run of a sub-heading, a date line and text.


def heading_region(heading: etree._Element) -> list[etree._Element]:
    """The heading over a comment section without comment markup, and the siblings holding its comments."""
    region = [heading]
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if heading_like(sibling) or sibling.tag == "form" or sibling.find(".//form") is not None:
            break
        region.append(sibling)
    return region


def heading_comments(
    region: list[etree._Element], base_url: str | None, published: dt.date | None
) -> list[Comment]:
    """Comments as runs under repeated sub-headings ("#1 Kommentar von Naru-chan", date, then text)."""
    comments = [
        _heading_comment(heading, base_url, published)
        for container in region[1:]
        for heading in container.iter(*HEADING_TAGS)
    ]
    return [comment for comment in comments if comment.paragraphs or comment.date]


def comments_heading(root: etree._Element) -> etree._Element | None:
    """The page's first heading that says comments ("Kommentare", "3 Responses to …"), outside forms."""
    for element in root.iter():
        if not isinstance(element.tag, str) or not heading_like(element) or in_form(element):
            continue
        text = text_of(element)
        if len(text) <= LONGEST_HEADING and (
            search(text, patterns(WORDS, "heading")) or search(text, patterns(WORDS, "count"))
        ):
            return element
    return None


def _heading_comment(heading: etree._Element, base_url: str | None, published: dt.date | None) -> Comment:
    title = text_of(heading)
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
    if paragraphs and (date := parse_date_after(paragraphs[0].text, published)):
        comment.date, comment.time = date, parse_time_in(paragraphs[0].text)
        paragraphs = paragraphs[1:]
    comment.blocks = [*paragraphs]
    return comment
