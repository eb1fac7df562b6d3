"""Bytes of a saved page to a safe lxml tree: the encoding found, nothing fetched, active content dropped."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from export.errors import InputError
from export.readers.decode import decode_labelled, decode_unlabelled
from export.readers.html.nesting import deeper_than, flatten, too_deep
from export.readers.html.tree import drop
from export.xmlchars import remove_xml_illegal_markup

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
XML_DECLARATION = re.compile(r"\A\s*+<\?xml\s[^>]*+>")
PRESCAN_BYTES = 4096
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
_DROPPED = frozenset({*DROPPED_TAGS, "form"})  # a form that wraps the page's paragraphs is kept, as a div
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "srcset", "data")
CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
BINARY_SAMPLE = 8192
MAX_CONTROL_SHARE = 0.05
# A form holding this many paragraphs wraps the page (ASP.NET does so): keep its content.
PAGE_FORM_PARAGRAPHS = 3


def decode_html(data: bytes, declared: str | None = None) -> str:
    """The page's text: by its BOM; else as UTF-8 when it is valid UTF-8, whatever the page declares; else by
    the charset its server ``declared``, its meta charset or XML declaration; else as UTF-8 (even if slightly
    damaged) or a detected encoding."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    for label in (declared, declared_encoding(data[:PRESCAN_BYTES])):
        if label and (text := decode_labelled(data, label)) is not None:
            return text
    return decode_unlabelled(data)


def declared_encoding(start: bytes) -> str:
    """The encoding label the page's first bytes declare (meta charset, else XML declaration), lower-cased."""
    declared = META_CHARSET.search(start) or XML_ENCODING.match(start)
    return declared.group(1).decode("ascii").lower() if declared else ""


@dataclass(frozen=True)
class ParsedPage:
    """A page's tree and the markup it was parsed from (flattened when nested too deep), for other parsers."""

    root: etree._Element
    markup: str


def parse_page(data: bytes, path: str | Path, declared: str | None = None) -> ParsedPage:
    """The page parsed without network access or entity loading, by a plain lxml parser (its elements are
    quicker to make than ``lxml.html``'s, and the readers use no ``HtmlElement`` method); ``declared`` is
    the charset its server declared, if it was fetched."""
    text = decode_html(data, declared)
    if not text.strip():
        raise InputError(path, "is empty")
    sample = text[:BINARY_SAMPLE]
    if len(CONTROL_CHARS.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise InputError(path, "looks like a binary file, not a saved page")
    # lxml refuses a text that declares its encoding; the declaration has done its job.
    text = XML_DECLARATION.sub("", remove_xml_illegal_markup(text), count=1)
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, collect_ids=False)
    try:
        root = etree.fromstring(text, parser=parser)
        if too_deep(parser) or (root is not None and deeper_than(root)):
            text = flatten(text)
            root = etree.fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(path, f"is not a readable HTML page ({error})") from None
    if root is None or not any(text.strip() for text in root.itertext()):
        raise InputError(path, "holds no text")
    return ParsedPage(root, text)


def parse_html(data: bytes, path: str | Path, declared: str | None = None) -> etree._Element:
    """The page's ``html`` element, parsed without network access or entity loading; ``declared`` is the
    charset its server declared, if it was fetched."""
    return parse_page(data, path, declared).root


def clean_tree(root: etree._Element) -> None:
    """Drop scripts, styles, frames, embedded objects and form controls, event handlers and scripted links.

    One walk finds them all: ``iter()`` filtered by 19 tags costs more to set up than a post's walk."""
    dropped = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == "form" and len(element.findall(".//p")) >= PAGE_FORM_PARAGRAPHS:
            element.tag = "div"
        elif tag in _DROPPED:
            dropped.append(element)
        for name, value in element.items():
            lowered = name.lower()
            scripted = lowered in URL_ATTRIBUTES and "script:" in "".join(value.split()).lower()
            if lowered.startswith("on") or lowered == "style" or scripted:
                del element.attrib[name]
    for element in dropped:
        drop(element)
