"""Building XHTML content documents as lxml trees and serializing them."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from lxml import etree

from export.xmlchars import remove_xml_illegal

if TYPE_CHECKING:
    from export.epub.labels import Labels

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
NSMAP = {None: XHTML_NS, "epub": EPUB_NS}


def new_document(
    title: str, language: str, stylesheet: str, body_type: str | None = None
) -> tuple[etree._Element, etree._Element]:
    """An empty XHTML document with its head filled in; returns (html, body)."""
    html = _BLANK.__copy__()  # the whole tree (an lxml copy is deep), made in C: quicker than six elements
    html.set("lang", language)
    html.set(XML_LANG, language)
    head, body = html
    _, title_element, link = head
    set_text(title_element, title)
    link.set("href", stylesheet)
    if body_type:
        body.set(EPUB_TYPE, body_type)
    return html, body


class _Names(dict):
    """Names computed once each: ``_Names(name_of)[key]`` is ``name_of(key)``."""

    def __init__(self, name_of: Callable[[str], str], **known: str) -> None:
        super().__init__(known)
        self.name_of = name_of

    def __missing__(self, key: str) -> str:
        value = self[key] = self.name_of(key)
        return value


TAGS = _Names(lambda tag: f"{{{XHTML_NS}}}{tag}")
ATTRIBUTES = _Names(lambda name: name.rstrip("_").replace("_", "-"), epub_type=EPUB_TYPE)


def add(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    """Append a child in the XHTML namespace; ``class_`` is class, ``epub_type`` epub:type, ``_`` a hyphen.

    An attribute whose value is None is left out."""
    element = etree.SubElement(parent, TAGS[tag])
    if attrs:
        for name, value in attrs.items():
            if value is not None:
                element.set(ATTRIBUTES[name], value)
    if text:
        _put(element, "text", text)
    return element


def add_copy(parent: etree._Element, prepared: etree._Element) -> etree._Element:
    """Append a copy of ``prepared`` (children and all: an lxml copy is deep, made in C) and return it.

    ``__copy__`` called directly: ``copy.copy`` first finds in Python how to copy (0.5 against 0.3 µs)."""
    element = prepared.__copy__()
    parent.append(element)
    return element


def _blank_document() -> etree._Element:
    """What every document starts from (``new_document`` copies it and fills it in; never changed)."""
    html = etree.Element(TAGS["html"], nsmap=NSMAP)
    head = add(html, "head")
    add(head, "meta", charset="utf-8")
    add(head, "title")
    add(head, "link", rel="stylesheet", type="text/css")
    add(html, "body")
    return html


_BLANK = _blank_document()


def append_text(element: etree._Element, text: str) -> None:
    """Append text after the element's last child, turning newlines into line breaks."""
    if "\n" not in text:
        if text:
            _append_line(element, text)
        return
    for index, line in enumerate(text.split("\n")):
        if index:
            etree.SubElement(element, TAGS["br"])
        if line:
            _append_line(element, line)


def _append_line(element: etree._Element, line: str) -> None:
    """Append ``line`` to the element's text, or to its last child's tail."""
    try:
        last = element[-1]  # lxml finds the last child at once; len() counts them all
    except IndexError:
        _put(element, "text", (element.text or "") + line)
    else:
        _put(last, "tail", (last.tail or "") + line)


def set_text(element: etree._Element, text: str) -> None:
    """Set the element's text (unless empty, as ``add`` does), less the XML-illegal characters."""
    if text:
        _put(element, "text", text)


def _put(element: etree._Element, field: str, text: str) -> None:
    """Set the element's ``text`` or ``tail``, less what lxml refuses: exactly the XML-illegal characters."""
    try:
        setattr(element, field, text)
    except ValueError:  # cheaper than checking every text first
        setattr(element, field, remove_xml_illegal(text))


def serialize(html: etree._Element) -> bytes:
    """The document as UTF-8 XHTML with the HTML5 doctype."""
    return etree.tostring(
        html.getroottree(),
        encoding="utf-8",
        xml_declaration=True,
        doctype="<!DOCTYPE html>",
    )


def add_date(parent: etree._Element, date: dt.date, labels: Labels) -> etree._Element:
    """Append a ``time`` element for ``date``, written in the labels' language."""
    return add(parent, "time", labels.date(date), datetime=date.isoformat())


class Streamed:
    """A document written while it is built: the children of a long element are serialized and dropped
    as they come, so that a chapter of a huge page never holds its whole tree. The bytes are serialize()'s.

    ``flush(holder)`` takes the holder's children out once there are enough of them, leaving a marker;
    ``serialize(html)`` puts them back, as bytes, where the marker is."""

    FLUSH_AT = 64  # children: a book's usual chapter is never flushed, and serialized as it always was

    def __init__(self) -> None:
        self.parts: list[list[bytes]] = []

    def flush(self, holder: etree._Element, *, at: int = FLUSH_AT) -> None:
        """Serialize and drop ``holder``'s children (after its marker, but the last) once it has ``at``."""
        if len(holder) < at:  # as most holders: too few with or without a marker
            return
        first = holder[0] if len(holder) else None
        marked = (
            first is not None and first.tag is etree.Comment and _marker_text().fullmatch(first.text or "")
        )
        if len(holder) - bool(marked) < at:
            return
        if marked:
            parts = self.parts[int(marked[1])]
        else:
            holder.insert(0, etree.Comment(f"streamed-{len(self.parts)}"))
            parts = []
            self.parts.append(parts)
        for child in holder[1:-1]:  # the last stays: text appended later goes on its tail, in its place
            parts.append(_fragment(child))
            holder.remove(child)

    def serialize(self, html: etree._Element) -> bytes:
        """The whole document, as ``serialize(html)`` would give it had nothing been flushed.

        The flushed bytes are let go as they are copied: the document is held about once, not twice."""
        if not self.parts:  # nothing was flushed, as in most chapters
            return serialize(html)
        out = io.BytesIO()
        self._write(serialize(html), out)
        return out.getvalue()

    def _write(self, data: bytes, out: io.BytesIO) -> None:
        """Write ``data``, each marker replaced by its holder's flushed children (which may hold more)."""
        view, position = memoryview(data), 0
        for marker in _marker_bytes().finditer(data):
            out.write(view[position : marker.start()])
            parts = self.parts[int(marker[1])]
            parts.reverse()
            while parts:
                self._write(parts.pop(), out)
            position = marker.end()
        out.write(view[position:])


@cache
def _marker_text() -> re.Pattern[str]:
    """A marker comment's text; compiled for the first long holder only (most books have none)."""
    return re.compile(r"streamed-(\d+)")


@cache
def _marker_bytes() -> re.Pattern[bytes]:
    """A marker in serialized bytes: text never serializes as "<!--", only these comments can."""
    return re.compile(rb"<!--streamed-(\d+)-->")


_DECLARATIONS = "".join(
    f' xmlns:{prefix}="{uri}"' if prefix else f' xmlns="{uri}"' for prefix, uri in NSMAP.items()
).encode()


def _fragment(element: etree._Element) -> bytes:
    """``element`` with its tail as its document serializes it (lxml declares the namespaces on it alone)."""
    data = etree.tostring(element, encoding="utf-8")
    tag = etree.QName(element).localname.encode()
    head = b"<" + tag + _DECLARATIONS
    if not data.startswith(head) or etree.QName(element).namespace != XHTML_NS:
        raise ValueError(f"cannot stream a <{tag.decode()}> outside the XHTML namespace")
    return b"<" + tag + data[len(head) :]
