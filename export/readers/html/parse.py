"""Bytes of a saved page to a safe lxml tree: the encoding found, nothing fetched, active content dropped."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import lxml.html
from lxml import etree

from export.errors import InputError
from export.readers.decode import decode_cp1252
from export.readers.html.tree import drop
from export.xmlchars import remove_xml_illegal

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
PRESCAN_BYTES = 4096
# As browsers do (WHATWG Encoding): these labels mean windows-1252; a UTF-16 label without a BOM means UTF-8.
CP1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp1252"}
)
DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "input",
    "button",
    "select",
    "textarea",
    "svg",
    "math",
    "canvas",
    "dialog",
)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "srcset", "data")
CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
BINARY_SAMPLE = 8192
MAX_CONTROL_SHARE = 0.05
# A form holding this many paragraphs wraps the page (ASP.NET does so): keep its content.
PAGE_FORM_PARAGRAPHS = 3


def decode_html(data: bytes) -> str:
    """The page's text: encoding from the BOM, else the meta charset, else UTF-8, else windows-1252."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = META_CHARSET.search(data[:PRESCAN_BYTES])
    label = declared.group(1).decode("ascii").lower() if declared else ""
    if label in CP1252_LABELS or label in ("windows-1252", "x-cp1252"):
        return decode_cp1252(data)
    if label and not label.startswith(("utf-8", "utf8", "utf-16", "utf-32")):
        try:
            return data.decode(label, errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_cp1252(data)


def parse_html(data: bytes, path: str | Path) -> etree._Element:
    """The page's ``html`` element, parsed without network access or entity loading."""
    text = decode_html(data)
    if not text.strip():
        raise InputError(path, "is empty")
    sample = text[:BINARY_SAMPLE]
    if len(CONTROL_CHARS.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise InputError(path, "looks like a binary file, not a saved page")
    text = remove_xml_illegal(text)
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, collect_ids=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(path, f"is not a readable HTML page ({error})") from None
    if root is None or not "".join(root.itertext()).strip():
        raise InputError(path, "holds no text")
    return root


def clean_tree(root: etree._Element) -> None:
    """Drop scripts, styles, frames, embedded objects and form controls, event handlers and scripted links."""
    for form in root.iter("form"):
        if len(form.findall(".//p")) >= PAGE_FORM_PARAGRAPHS:
            form.tag = "div"
    for element in list(root.iter(*DROPPED_TAGS, "form")):
        drop(element)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            lowered = name.lower()
            scripted = lowered in URL_ATTRIBUTES and "script:" in "".join(value.split()).lower()
            if lowered.startswith("on") or lowered == "style" or scripted:
                del element.attrib[name]
