"""HTML mixed content to model paragraphs: collapsed text with stand-off spans for inline markup."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import quote, urljoin, urlsplit

from lxml import etree

from export.model import Paragraph, Span, SpanKind
from export.readers.html.link_syntax import NOT_URL_CODE_POINTS, escaped_past_host, host_is_valid
from export.readers.html.parse import DROPPED_TAGS
from export.readers.html.tree import tag_of
from export.xmlchars import remove_xml_illegal

SOFT_HYPHEN = "\u00ad"
SPAN_TAGS: dict[str, SpanKind] = {
    "em": "em",
    "i": "em",
    "cite": "em",
    "dfn": "em",
    "var": "em",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
    "sub": "sub",
    "sup": "sup",
    "del": "del",
    "ins": "ins",
}
SKIPPED_TAGS = frozenset(DROPPED_TAGS) | {"form", "audio", "video", "head", "title", "meta", "link"}
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "pre",
        "table",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "address",
        "hr",
    }
)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
WHITESPACE = " \t\n\r\f"
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
URL_UNSAFE = re.compile(r'["<>\\^`{|}' + NOT_URL_CODE_POINTS + "]")
T = TypeVar("T")


def safe_link(href: str | None, base_url: str | None = None) -> str | None:
    """The address a link may keep in the book: http(s) and mailto absolute, or a fragment; else None."""
    if not href:
        return None
    href = "".join(href.split())
    if href.startswith("#"):
        return href if len(href) > 1 else None
    try:
        if base_url:
            href = urljoin(base_url, href)
        parts = urlsplit(href)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES or (scheme != "mailto" and not parts.hostname) or not href.split(":", 1)[1]:
        return None
    if scheme != "mailto" and not host_is_valid(parts):
        return None
    href = escaped_past_host(BAD_PERCENT.sub("%25", href), parts)
    return URL_UNSAFE.sub(lambda match: quote(match[0], safe=""), href)


class InlineText:
    """Collects collapsed text and spans while walking an element's content.

    A link to one of ``note_keys`` (``#key``) becomes a note reference to that key.
    """

    def __init__(self, base_url: str | None, note_keys: frozenset[str] = frozenset()) -> None:
        self.base_url = base_url
        self.note_keys = note_keys
        self.parts: list[str] = []
        self.length = 0
        self.pending_space = False
        self.spans: list[Span] = []

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        text = remove_xml_illegal(text)
        if SOFT_HYPHEN in text:  # a line-breaking hint that splits words for search and the claim detector
            text = text.replace(SOFT_HYPHEN, "")
            if not text:
                return
        if text[0] in WHITESPACE:
            self.pending_space = True
        run = text.strip(WHITESPACE)  # its words joined already when only single spaces part them
        if "  " in run or "\n" in run or "\t" in run or "\r" in run or "\f" in run:
            run = " ".join([word for word in _split_html_whitespace(run) if word])
        if run:  # one emission for the run: its words joined by single spaces
            self._emit(run)
        if text[-1] in WHITESPACE:
            self.pending_space = True

    def ends_with_break(self) -> bool:
        """True when the text so far ends with a line break."""
        return bool(self.parts) and self.parts[-1] == "\n"

    def add_break(self) -> None:
        self.pending_space = False
        self._append("\n")

    def _emit(self, word: str) -> None:
        if self.pending_space and self.length and not self.parts[-1].endswith("\n"):
            self._append(" ")
        self.pending_space = False
        self._append(word)

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def walk(self, element: etree._Element) -> None:
        for child in element:
            self.add_node(child)

    def add_node(self, node: etree._Element) -> None:
        tag = tag_of(node)
        if tag is None or tag in SKIPPED_TAGS:
            self.add_text(node.tail)
            return
        if tag == "br":
            self.add_break()
        elif tag == "img":
            self.add_text(node.get("alt"))
        else:
            if tag in BLOCK_TAGS:
                self.pending_space = True
            start = self.length
            self.add_text(node.text)
            self.walk(node)
            self._close(node, tag, start)
            if tag in BLOCK_TAGS:
                self.pending_space = True
        self.add_text(node.tail)

    def _close(self, node: etree._Element, tag: str, start: int) -> None:
        kind: SpanKind | None = SPAN_TAGS.get(tag)
        target = None
        if tag == "a":
            target = safe_link(node.get("href"), self.base_url)
            kind = "link" if target else None
            if target and target.startswith("#") and target[1:] in self.note_keys:
                kind, target = "noteref", target[1:]
        if kind and self.length > start:
            text = "".join(self.parts)
            while start < self.length and text[start] in " \n":
                start += 1
            if start < self.length:
                self.spans.append(Span(start, self.length, kind, target))

    def paragraph(self) -> Paragraph:
        text = "".join(self.parts)
        if not self.spans:
            return Paragraph(text.strip(" \n"))
        stripped = text.rstrip(" \n")
        lead = len(text) - len(text.lstrip(" \n"))
        text = stripped[lead:]
        spans = []
        for span in self.spans:
            start, end = max(span.start - lead, 0), min(span.end - lead, len(text))
            if start < end:
                spans.append(Span(start, end, span.kind, span.target))
        spans.sort(key=lambda span: (span.start, -span.end))
        return Paragraph(text, spans=spans)


def _split_html_whitespace(text: str) -> list[str]:
    """Split on HTML's ASCII whitespace only, so that no-break spaces stay inside words."""
    for character in "\t\n\r\f":
        text = text.replace(character, " ")
    return text.split(" ")


def read_inline(
    element: etree._Element, base_url: str | None = None, note_keys: frozenset[str] = frozenset()
) -> Paragraph:
    """The element's content as one paragraph: whitespace collapsed, ``<br>`` as a newline, spans kept."""
    collector = InlineText(base_url, note_keys)
    collector.add_text(element.text)
    collector.walk(element)
    return collector.paragraph()


def read_flow(
    element: etree._Element,
    base_url: str | None,
    note_keys: frozenset[str],
    read_child: Callable[[etree._Element, str | None, InlineText], list[T] | None],
) -> list[T | Paragraph]:
    """The element's content in order: what ``read_child`` makes of a child, loose inline content between.

    ``read_child`` gets each child, its tag and the loose text collected so far; it returns None for a
    child that is inline content, else the child's items (the loose text before it becomes a paragraph).
    """
    found: list[T | Paragraph] = []
    collector = InlineText(base_url, note_keys)
    collector.add_text(element.text)
    for child in element:
        tag = tag_of(child)
        items = read_child(child, tag, collector)
        if items is None:
            collector.add_node(child)
            continue
        if (paragraph := collector.paragraph()).text:
            found.append(paragraph)
        collector = InlineText(base_url, note_keys)
        found += items
        collector.add_text(child.tail)
    if (paragraph := collector.paragraph()).text:
        found.append(paragraph)
    return found


def read_paragraphs(element: etree._Element, base_url: str | None = None) -> list[Paragraph]:
    """The element's content as paragraphs: each block child one, loose inline content grouped between."""

    def read_child(child: etree._Element, tag: str | None, _loose: InlineText) -> list[Paragraph] | None:
        if tag in BLOCK_TAGS and tag not in ("ul", "ol", "dl", "table", "hr"):
            if tag in ("div", "blockquote", "section", "article", "figure") and _has_block_child(child):
                return read_paragraphs(child, base_url)
            paragraphs = [read_inline(child, base_url)]
        elif tag in ("ul", "ol", "dl"):
            paragraphs = [read_inline(item, base_url) for item in child if tag_of(item) in ("li", "dt", "dd")]
        else:
            return None
        return [paragraph for paragraph in paragraphs if paragraph.text]

    return read_flow(element, base_url, frozenset(), read_child)


def _has_block_child(element: etree._Element) -> bool:
    return any(tag_of(child) in BLOCK_TAGS for child in element)
