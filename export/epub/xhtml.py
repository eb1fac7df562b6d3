"""Building XHTML content documents as lxml trees and serializing them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from export.xmlchars import remove_xml_illegal

if TYPE_CHECKING:
    from export.epub.notes import PlacedClaim

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
NSMAP = {None: XHTML_NS, "epub": EPUB_NS}


@dataclass
class Document:
    """One XHTML content document of the book, ready to package."""

    file_name: str
    title: str
    content: bytes
    landmark: str | None = None
    toc: list[tuple[str, str]] | None = None
    claims: list[PlacedClaim] = field(default_factory=list)  # marked in this document, in reading order


def new_document(title: str, language: str, stylesheet: str, body_type: str | None = None):
    """An empty XHTML document with its head filled in; returns (html, body)."""
    html = etree.Element(f"{{{XHTML_NS}}}html", nsmap=NSMAP)
    html.set("lang", language)
    html.set(XML_LANG, language)
    head = add(html, "head")
    add(head, "meta", charset="utf-8")
    add(head, "title", title)
    add(head, "link", rel="stylesheet", type="text/css", href=stylesheet)
    body = add(html, "body")
    if body_type:
        body.set(EPUB_TYPE, body_type)
    return html, body


def add(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append a child in the XHTML namespace; ``class_`` is class, ``epub_type`` epub:type, ``_`` a hyphen."""
    element = etree.SubElement(parent, f"{{{XHTML_NS}}}{tag}")
    for name, value in attrs.items():
        if value is None:
            continue
        if name == "epub_type":
            element.set(EPUB_TYPE, value)
        else:
            element.set(name.rstrip("_").replace("_", "-"), value)
    if text:
        element.text = remove_xml_illegal(text)
    return element


def append_text(element: etree._Element, text: str) -> None:
    """Append text after the element's last child, turning newlines into line breaks."""
    for index, line in enumerate(remove_xml_illegal(text).split("\n")):
        if index:
            etree.SubElement(element, f"{{{XHTML_NS}}}br")
        if not line:
            continue
        last = next(element.iterchildren(reversed=True), None)  # len(element) counts every child
        if last is not None:
            last.tail = (last.tail or "") + line
        else:
            element.text = (element.text or "") + line


def serialize(html: etree._Element) -> bytes:
    """The document as UTF-8 XHTML with the HTML5 doctype."""
    return etree.tostring(
        html.getroottree(),
        encoding="utf-8",
        xml_declaration=True,
        doctype="<!DOCTYPE html>",
    )


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(date: dt.date) -> str:
    """A date as readers of English expect it: "March 28, 2016"."""
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def add_date(parent: etree._Element, date: dt.date) -> etree._Element:
    """Append a ``time`` element for ``date``."""
    return add(parent, "time", format_date(date), datetime=date.isoformat())
