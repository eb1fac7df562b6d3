"""Building XHTML content documents as lxml trees and serializing them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
    html = etree.Element(TAGS["html"], nsmap=NSMAP)
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
