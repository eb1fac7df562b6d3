"""trafilatura's reading of a page: its main text turned back into plain HTML for our block reader,
the authors it names and the date htmldate finds.

trafilatura's XML keeps the article's structure (p, head, list/item, quote, table/row/cell, graphic,
hi, ref, lb, code); each becomes its HTML tag, with only the attributes the block reader reads
(a picture's source and alternative text, a link's target). Anything else keeps its text only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lxml import etree

from export.readers.html.blocks import CAPTION_XPATH
from export.readers.html.picture_sources import SOURCE_ATTRIBUTES
from export.readers.html.tree import HEADING_TAGS, append_text
from export.threads import import_with_signals_blocked
from export.whitespace import collapse_whitespace

# One walk, not a union (libxml2 merges a union's node sets pairwise, in time the product of their sizes);
# the plain substring test first: it is cheap and rules out most elements before the token test.
CAPTIONED_FIGURES = etree.XPath(
    "//*[self::figure or (contains(@class, 'wp-caption')"
    " and contains(concat(' ',normalize-space(@class),' '),' wp-caption '))]"
)
HI_TAGS = {"#b": "strong", "#i": "em", "#u": "em", "#t": "code", "#sub": "sub", "#sup": "sup"}
# trafilatura's elements that are one HTML element each, whatever their attributes.
PLAIN_TAGS = {
    "p": "p",
    "item": "li",
    "quote": "blockquote",
    "table": "table",
    "row": "tr",
    "graphic": "img",
    "ref": "a",
    "lb": "br",
}
KEPT_ATTRIBUTES = {"img": ("src", "alt"), "a": ("href",), "ol": ("start",), "td": ("colspan", "rowspan")}
# The name of an HTML attribute in trafilatura's XML where it is another: a link's target, a cell's span.
XML_ATTRIBUTES = {"href": "target", "colspan": "span"}


# htmldate's first-publication date. Its extensive search hands undated pages to dateparser, which
# compiles every language's patterns (seconds, up to a minute per page); a fixed latest date keeps the
# book the same whatever day it is made.
DATE_PARAMETERS = {"original_date": True, "extensive_search": False, "max_date": "2100-12-31"}
# What of the main text trafilatura keeps: its structure, links and pictures, not the comments.
TEXT_OPTIONS = {
    "include_comments": False,
    "include_formatting": True,
    "include_links": True,
    "include_images": True,
    "include_tables": True,
}


@dataclass
class Reading:
    """What trafilatura finds in a page: the main text as a ``div`` (None if none), authors and date."""

    body: etree._Element | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None


def read_with_trafilatura(markup: str, root: etree._Element) -> Reading:
    """trafilatura's reading of the page ``markup``, whose tree ``root`` names the pictures' captions.

    trafilatura parses the markup itself (as ``parse.py`` does: no network, no entities): its functions
    need ``lxml.html`` elements, which the readers' plain tree is not.
    """
    trafilatura = import_with_signals_blocked("trafilatura")

    captions = _captions(root)
    document = trafilatura.bare_extraction(
        markup, **TEXT_OPTIONS, with_metadata=True, date_extraction_params=DATE_PARAMETERS
    )
    if document is None or isinstance(document, dict):  # a dict only when asked for with as_dict
        return Reading()
    body = document.body
    text = body is not None and "".join(body.itertext()).strip()
    return Reading(
        to_html(body, captions) if text else None,
        [name.strip() for name in (document.author or "").split(";") if name.strip()],
        _day(document.date),
    )


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _captions(root: etree._Element) -> dict[str, str]:
    """Each captioned picture's addresses (any of its source attributes) to its caption's words."""
    found = {}
    for figure in CAPTIONED_FIGURES(root):
        image, caption = figure.find(".//img"), next(iter(CAPTION_XPATH(figure)), None)
        if image is not None and caption is not None:
            words = collapse_whitespace("".join(caption.itertext()))
            found.update({image.get(name): words for name in SOURCE_ATTRIBUTES if image.get(name)})
    return found


def to_html(body: etree._Element, captions: dict[str, str] | None = None) -> etree._Element:
    """trafilatura's ``body`` element as a new ``div`` of HTML elements.

    trafilatura writes a figure's caption as the paragraph after its picture; where the page's
    figure for that picture has that caption, the two become a figure again.
    """
    result = etree.Element("div")
    result.text = body.text
    children = list(body)
    skip = None
    for index, child in enumerate(children):
        if child is skip:
            continue
        following = children[index + 1] if index + 1 < len(children) else None
        caption = (captions or {}).get(child.get("src") or "") if child.tag == "graphic" else None
        if caption and following is not None and following.tag == "p" and _words(following) == caption:
            figure = etree.SubElement(result, "figure")
            figure.append(_convert(child))
            figure[-1].tail = None
            figcaption = _convert(following)
            figcaption.tag = "figcaption"
            figure.append(figcaption)
            figure.tail, figcaption.tail = figcaption.tail, None
            skip = following
        else:
            result.append(_convert(child))
    return result


def _words(node: etree._Element) -> str:
    return collapse_whitespace("".join(node.itertext()))


def _convert(node: etree._Element) -> etree._Element:
    tag = _html_tag(node)
    element = etree.Element(tag or "span")
    for name in KEPT_ATTRIBUTES.get(tag or "", ()):
        value = node.get(XML_ATTRIBUTES.get(name, name))
        if value is not None:
            element.set(name, value)
    element.text = node.text
    for child in node:
        if isinstance(child.tag, str):
            element.append(_convert(child))
        else:
            append_text(element, child.tail)
    element.tail = node.tail
    return element


def _html_tag(node: etree._Element) -> str | None:
    """The HTML tag for a trafilatura element; None for one whose text alone is kept."""
    tag = node.tag if isinstance(node.tag, str) else ""
    rend = (node.get("rend") or "").lower()
    if tag == "head":
        return rend if rend in HEADING_TAGS else "h2"
    if tag == "list":
        return "ol" if rend == "ol" else "ul"
    if tag == "hi":
        return HI_TAGS.get(rend, "em")
    if tag == "cell":
        return "th" if node.get("role") == "head" else "td"
    if tag == "code":
        return "code" if node.getparent() is not None and node.getparent().tag in ("p", "item") else "pre"
    return PLAIN_TAGS.get(tag)
