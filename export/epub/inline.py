"""A paragraph's text with its spans and claims as well-nested XHTML, elements split where intervals cross."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import urlsplit

from lxml import etree

from export.epub.xhtml import add, append_text
from export.model import Span
from export.records import Record

SPAN_ELEMENTS = {
    "em": "em",
    "strong": "strong",
    "code": "code",
    "sub": "sub",
    "sup": "sup",
    "del": "del",
    "ins": "ins",
}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
NOTEREF_RANK = 1  # the article's own note references: nothing may nest inside them
CUE_RANK = 3  # a claim's cue words nest innermost, split by any element they cross
# The class of the sup around every note reference: it raises the number where our stylesheet is ignored
# (Kindle after conversion); the sup is outside the link, as a sup inside it breaks Apple Books' popups.
NOTE_MARK = "note-mark"


@dataclass(slots=True, eq=False, repr=False)
class Mark(Record):
    """One interval to render as an element; claims have rank 0 so they nest outermost and stay whole.

    A lower rank nests outside a higher one: claims 0, note references 1, links and emphasis 2, cues 3."""

    start: int
    end: int
    rank: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    after: Callable[[etree._Element], None] | None = None


def book_link(target: str | None) -> str | None:
    """The address a link keeps in the book: absolute http(s) or mailto only (page fragments do not exist)."""
    if not target or target.startswith("#"):
        return None
    return target if urlsplit(target).scheme.lower() in LINK_SCHEMES else None


def address_key(address: str) -> str:
    """What two addresses of one page share: host in lower case, path without its closing slash, query;
    scheme, default port and fragment aside (``http://Example.com/a/#x`` is ``https://example.com/a``)."""
    try:
        parts = urlsplit(address.strip())
        port = parts.port
    except ValueError:
        return address
    host = (parts.hostname or "") + (f":{port}" if port not in (None, 80, 443) else "")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


def span_marks(
    spans: list[Span],
    noteref: Callable[[str], dict[str, str] | None],
    bundled: Mapping[str, str] | None = None,
) -> list[Mark]:
    """Marks for the paragraph's spans; ``noteref`` gives a note reference's attributes, None to drop it.

    ``bundled`` maps the ``address_key`` of each article bound in the same book to its place in the book:
    a link to one of them leads there instead of to the web."""
    marks: list[Mark] = []
    for span in spans:
        if span.kind == "noteref":
            attrs = noteref(span.target or "")
            if attrs:
                marks.append(Mark(span.start, span.end, NOTEREF_RANK, "sup", {"class_": NOTE_MARK}))
                marks.append(Mark(span.start, span.end, NOTEREF_RANK, "a", attrs))
    refs = [(mark.start, mark.end) for mark in marks]
    for span in spans:
        if span.kind == "noteref" or any(span.start < end and start < span.end for start, end in refs):
            continue  # nothing inside a note reference but its number
        if span.kind == "link":
            href = book_link(span.target)
            if href and bundled:
                href = bundled.get(address_key(href), href)
            if href:
                marks.append(Mark(span.start, span.end, 2, "a", {"href": href}))
        elif span.kind in SPAN_ELEMENTS:
            marks.append(Mark(span.start, span.end, 2, SPAN_ELEMENTS[span.kind]))
    return marks


def write_inline(
    element: etree._Element,
    text: str,
    marks: list[Mark],
    flush: Callable[[etree._Element], None] | None = None,
) -> None:
    """Append ``text`` to ``element`` with every mark as an element; crossing marks are split.

    ``flush(element)`` is called between the marks at the top level (a long paragraph's are streamed)."""
    marks = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    if not marks:
        append_text(element, text)
        return

    def order(index: int) -> tuple[int, int, int, int]:
        mark = marks[index]
        return (mark.rank, mark.start, -mark.end, index)

    by_start = sorted(range(len(marks)), key=lambda index: marks[index].start)
    boundaries = sorted({0, len(text)} | {mark.start for mark in marks} | {mark.end for mark in marks})
    active: list[int] = []  # the marks over the current piece (by index), outermost first
    stack: list[tuple[int, etree._Element]] = []
    given_ids: set[str] = set()
    following = 0  # in by_start, the first mark not yet started

    def close_to(depth: int, position: int) -> None:
        while len(stack) > depth:
            mark = marks[stack.pop()[0]]
            if mark.end == position and mark.after:
                mark.after(stack[-1][1] if stack else element)

    for start, end in pairwise(boundaries):
        active = [index for index in active if marks[index].end > start]
        if following < len(by_start) and marks[by_start[following]].start == start:
            first = following
            while following < len(by_start) and marks[by_start[following]].start == start:
                following += 1
            active = sorted(active + by_start[first:following], key=order)
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep][0] == active[keep]:
            keep += 1
        close_to(keep, start)
        if flush and not stack:
            flush(element)
        for index in active[keep:]:
            mark = marks[index]
            attrs = dict(mark.attrs)
            if "id" in attrs:
                if attrs["id"] in given_ids:
                    del attrs["id"]
                given_ids.add(mark.attrs["id"])
            child = add(stack[-1][1] if stack else element, mark.tag, **attrs)
            stack.append((index, child))
        append_text(stack[-1][1] if stack else element, text[start:end])
    close_to(0, len(text))
