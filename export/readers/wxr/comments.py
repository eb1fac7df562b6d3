"""An item's raw comments to a thread: approval decided, replies nested, cycles and depth bounded."""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache

from export.model import MAX_REPLY_DEPTH, Comment, CommentThread, Paragraph, comment_kind
from export.readers.html.blocks import BodyContent
from export.readers.html.fragment import read_comment_fragment
from export.readers.html.inline import safe_link
from export.readers.wxr.autop import autop
from export.readers.wxr.items import RawComment, wp_datetime
from export.whitespace import collapse_whitespace
from export.xmlchars import remove_xml_illegal

APPROVED = frozenset({"1", "approve", "approved"})
# WordPress shows a comment only when comment_approved is "1"; "" (seen in exports) is held like "0".
LEFT_OUT = {"spam": "spam comment", "trash": "trashed comment", "post-trashed": "trashed comment"}
HELD = "unapproved comment"
LINK_KINDS = frozenset({"pingback", "trackback"})
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
NO_PARENT = frozenset({"", "0"})


def read_thread(
    raw: list[RawComment], include_unapproved: bool = False
) -> tuple[CommentThread, Counter[str]]:
    """The thread of the comments kept, and the number left out by reason.

    Spam and trash are always left out; held comments are kept, marked not approved, only on request.
    A reply whose parent is left out or missing goes under its nearest kept ancestor, else to the top.
    """
    left_out: Counter[str] = Counter()
    kept: dict[str, Comment] = {}
    order: list[tuple[RawComment, Comment]] = []
    for comment in raw:
        status = comment.approved.lower()
        approved = status in APPROVED
        if status in LEFT_OUT or not (approved or include_unapproved):
            left_out[LEFT_OUT.get(status, HELD)] += 1
            continue
        made = _comment(comment, approved)
        order.append((comment, made))
        kept.setdefault(comment.id, made)
    parents = _kept_parents(raw, order, kept)
    return CommentThread(comments=_nest(order, parents)), left_out


def _kept_parents(
    raw: list[RawComment], order: list[tuple[RawComment, Comment]], kept: dict[str, Comment]
) -> dict[int, Comment]:
    """Each kept comment's nearest kept ancestor (by ``id()``), cycles cut so that every chain ends."""
    parent_of = {comment.id: comment.parent for comment in reversed(raw)}
    nearest: dict[str, Comment | None] = {}

    def ancestor(start: str) -> Comment | None:
        if start in NO_PARENT:
            return None
        if start in kept:  # as most are: a kept parent
            return kept[start]
        path: list[str] = []
        seen: set[str] = set()
        current = start
        found: Comment | None = None
        while current not in NO_PARENT and current not in seen:
            if current in kept:
                found = kept[current]
                break
            if current in nearest:
                found = nearest[current]
                break
            seen.add(current)
            path.append(current)
            current = parent_of.get(current, "")
        for node in path:
            nearest[node] = found
        return found

    parents: dict[int, Comment] = {}
    place = {id(made): number for number, (_, made) in enumerate(order)}
    backwards = True  # every parent before its reply in the file, as WordPress writes them: no cycle
    for comment, made in order:
        parent = ancestor(comment.parent)
        if parent is not None and parent is not made:
            parents[id(made)] = parent
            backwards = backwards and place[id(parent)] < place[id(made)]
    if backwards:
        return parents
    # A cycle among kept comments (A under B under A): the first comment met on it goes to the top.
    done: set[int] = set()
    for _, made in order:
        chain: list[int] = []
        on_chain: set[int] = set()
        node: Comment | None = made
        while node is not None and id(node) not in done:
            if id(node) in on_chain:
                del parents[id(node)]
                break
            chain.append(id(node))
            on_chain.add(id(node))
            node = parents.get(id(node))
        done.update(chain)
    return parents


def _nest(order: list[tuple[RawComment, Comment]], parents: dict[int, Comment]) -> list[Comment]:
    """Replies put under their parents, in file order; those deeper than MAX_REPLY_DEPTH at that depth."""
    children: dict[int, list[Comment]] = {}
    top: list[Comment] = []
    for _, made in order:
        parent = parents.get(id(made))
        if parent is None:
            top.append(made)
        else:
            children.setdefault(id(parent), []).append(made)
    stack: list[tuple[Comment, int, Comment | None]] = [(comment, 0, None) for comment in top]
    while stack:
        comment, depth, container = stack.pop()
        for reply in children.get(id(comment), []):
            if depth < MAX_REPLY_DEPTH or container is None:
                comment.replies.append(reply)
                stack.append((reply, depth + 1, comment))
            else:
                container.replies.append(reply)
                stack.append((reply, depth, container))
    return top


def _comment(raw: RawComment, approved: bool) -> Comment:
    kind = comment_kind(raw.type)
    when = wp_datetime(raw.date)
    author = " ".join(html.unescape(remove_xml_illegal(raw.author)).split()) or None
    address = _web_address(raw.author_url)
    link = kind in LINK_KINDS
    body = comment_content(raw.content)
    return Comment(
        kind=kind,
        author=author,
        date=when.date() if when else None,
        time=when.time() if when else None,
        blocks=body.blocks,
        videos=body.videos,
        title=author if link else None,
        url=address if link else None,
        author_url=None if link else address,
        approved=approved,
    )


@lru_cache(maxsize=4096)  # commenters come back: their addresses repeat
def _web_address(address: str) -> str | None:
    """The address if it is a web address a book may link to, else None."""
    safe = safe_link(address)
    return safe if safe and safe.startswith(("http://", "https://")) else None


def comment_content(content: str) -> BodyContent:
    """A comment's text as blocks and videos: blank lines part paragraphs, a newline is a line break,
    and HTML is read as the article's is (headings, lists, tables, quotes, code, video players)."""
    content = remove_xml_illegal(content)
    if "<" not in content:
        if "&" in content:
            content = html.unescape(content)
        if "\n" not in content:
            text = _collapsed(content)
            return BodyContent(blocks=[Paragraph(text)] if text else [])
        texts = [_plain_lines(piece) for piece in BLANK_LINE.split(content.replace("\r\n", "\n"))]
        return BodyContent(blocks=[Paragraph(text) for text in texts if text])
    return read_comment_fragment(autop(content))


def _plain_lines(piece: str) -> str:
    """The piece's lines with their whitespace collapsed, blank ones left out."""
    if "\n" not in piece:
        return _collapsed(piece)
    return "\n".join([" ".join(words) for line in piece.split("\n") if (words := line.split())])


def _collapsed(text: str) -> str:
    """``collapse_whitespace(text)``, without splitting a text that has only single spaces inside (most):
    every other whitespace character is one that ``isprintable`` is false for."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return collapse_whitespace(text)
