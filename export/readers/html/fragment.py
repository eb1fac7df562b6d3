"""An HTML fragment (a blog post's content) to blocks: the page reader's parts without page detection."""

from __future__ import annotations

from lxml import etree

from export.model import Picture
from export.readers.html.blocks import (
    CAPTIONED,
    BodyContent,
    is_icon,
    read_body,
    read_comment_body,
)
from export.readers.html.images import DATA_URI, ImageStore
from export.readers.html.nesting import flatten, too_deep
from export.readers.html.parse import clean_tree
from export.readers.html.picture_sources import SOURCE_ATTRIBUTES
from export.readers.html.tree import drop, tag_of
from export.readers.html.videos import PLACEHOLDER, mark_videos
from export.whitespace import collapse_whitespace
from export.xmlchars import remove_xml_illegal_markup

# A plain etree parser: the readers use no HtmlElement methods, and its elements are quicker to make.
PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, collect_ids=False)
# A picture is held by its figure, a captioned box ("wp-caption") or a link around it alone.
HOLDER_TAGS = frozenset({"figure", "picture", "a", "div", "p", "span"})


def read_fragment(html: str, base_url: str | None = None) -> tuple[BodyContent, ImageStore]:
    """The fragment's blocks, footnotes and videos, and its ``data:`` pictures (others are left out).

    A picture that is not in the fragment goes with its caption: no placeholder stays in the text, unless
    the fragment held nothing else; then one absent Picture, with the first alternative text, says so.
    """
    images = ImageStore(None)
    root = _cleaned_body(html)
    if root is None:
        return BodyContent(), images
    absent = _drop_absent_pictures(root)
    content = read_body(root, base_url, images)
    if absent and not content.blocks:
        content.blocks.append(Picture(alt=next((alt for alt in absent if alt), "")))
    return content, images


def read_comment_fragment(html: str, base_url: str | None = None) -> BodyContent:
    """A comment's HTML as blocks and videos, cleaned as an article's fragment is; no pictures carried."""
    root = _cleaned_body(html)
    return BodyContent() if root is None else read_comment_body(root, base_url)


def _cleaned_body(html: str) -> etree._Element | None:
    """The fragment's body, its videos marked and active content dropped; None when it holds nothing."""
    text = remove_xml_illegal_markup(html)
    root = parse_body(text) if text.strip() else None
    if root is None:  # blank, or all head matter (title, meta)
        return None
    for fake in list(root.iter(PLACEHOLDER)):  # only mark_videos may make placeholders
        drop(fake)
    mark_videos(root)
    clean_tree(root)
    return root


def parse_body(html: str) -> etree._Element | None:
    """The body that ``html`` parses to, None when it is all head matter (a child lookup, not a path)."""
    root = etree.fromstring(f"<html><body>{html}</body></html>", PARSER)
    if too_deep(PARSER):
        root = etree.fromstring(f"<html><body>{flatten(html)}</body></html>", PARSER)
    return next(root.iterchildren("body"), None)


def _drop_absent_pictures(root: etree._Element) -> list[str]:
    """Remove each picture not carried in a ``data:`` address, with the figure or caption box holding it;
    returns the alternative texts of those removed.

    Icons (emoji, smileys) stay: the body reader puts their alternative text in the line.
    """
    removed = []
    for image in list(root.iter("img")):
        if is_icon(image) or any(
            DATA_URI.match((image.get(name) or "").strip()) for name in SOURCE_ATTRIBUTES
        ):
            continue
        holder = image
        while (
            (parent := holder.getparent()) is not None and parent is not root and _holds_only(parent, holder)
        ):
            holder = parent
        if parent is not None and parent is not root and _is_caption_box(parent):
            holder = parent if len(parent.findall(".//img")) == 1 else holder
        removed.append(collapse_whitespace(image.get("alt") or ""))
        drop(holder)
    for figure in list(root.iter("figure")):  # a gallery whose pictures are all gone
        if all(tag_of(node) in ("figcaption", None) for node in figure):
            drop(figure)
    return removed


def _holds_only(parent: etree._Element, child: etree._Element) -> bool:
    """True when ``parent`` is a holder with no text or element but ``child`` (and a figure's caption)."""
    tag = tag_of(parent)
    if tag not in HOLDER_TAGS or (parent.text or "").strip() or (child.tail or "").strip():
        return False
    others = [node for node in parent if node is not child]
    if tag == "figure":
        others = [node for node in others if tag_of(node) != "figcaption"]
    return not any(isinstance(node.tag, str) or (node.tail or "").strip() for node in others)


def _is_caption_box(element: etree._Element) -> bool:
    return tag_of(element) == "figure" or bool(CAPTIONED.search(element.get("class") or ""))
