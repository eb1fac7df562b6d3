"""The article's container to model blocks: paragraphs, headings, lists, quotes, figures, tables, code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from export.model import (
    Block,
    Definition,
    DefinitionList,
    Footnote,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Table,
    TableCell,
    VideoReport,
)
from export.readers.html.images import ImageStore
from export.readers.html.inline import BLOCK_TAGS, InlineText, read_flow, read_inline
from export.readers.html.picture_sources import SOURCE_ATTRIBUTES, best_source, web_address
from export.readers.html.tidy import tidy_blocks
from export.readers.html.tree import HEADING_TAGS, drop, tag_of
from export.readers.html.videos import PLACEHOLDER, video_report
from export.whitespace import collapse_whitespace, folded
from export.xmlchars import remove_xml_illegal

CONTAINER_TAGS = frozenset(
    {"div", "section", "article", "main", "header", "footer", "aside", "center", "span", "font", "body"}
)
FLOW_BLOCK_TAGS = BLOCK_TAGS | {"img", "picture", "main", "center", "figcaption", PLACEHOLDER}
ICON_SIZE = 32
MAX_CELL = 100
NOTE_LABEL = re.compile(r"^\[?\(?[0-9]{1,3}[a-z]?\)?\]?$|^[*†‡§]{1,3}$")
MIN_LAYOUT_CELL_BLOCKS = 2
# Pre-HTML5 captioned pictures: a box whose class names a caption ("wp-caption") around one picture.
CAPTIONED = re.compile(r"(?:^|\s)[\w-]*caption(?:\s|$)", re.IGNORECASE)
MAX_CAPTION = 600
CAPTION_XPATH = etree.XPath(".//*[self::figcaption or contains(@class,'caption-text')]")
ICON_CLASSES = re.compile(r"emoji|smiley|icon", re.IGNORECASE)


@dataclass
class BodyContent:
    """What the article's container holds: blocks, the article's own footnotes, embedded videos."""

    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    videos: list[VideoReport] = field(default_factory=list)


def read_body(
    container: etree._Element, base_url: str | None, images: ImageStore, title: str | None = None
) -> BodyContent:
    """The container's content as blocks; notes found by their references are taken out as footnotes."""
    reader = _BlockReader(base_url, images, title)
    content = BodyContent()
    content.footnotes = reader.take_footnotes(container)
    content.blocks = tidy_blocks(reader.blocks(container))
    content.videos = reader.videos
    return content


def read_comment_body(container: etree._Element, base_url: str | None) -> BodyContent:
    """A comment's blocks and videos, read as the article's are, with no footnotes of its own.

    Its pictures are never carried: one with a caption keeps it and its alternative text, one without
    stands as its alternative text ("5 stars"), as the comment's words.
    """
    reader = _BlockReader(base_url, ImageStore(None), None)
    blocks = [_without_image(block) for block in reader.blocks(container)]
    return BodyContent(blocks=[block for block in blocks if block is not None], videos=reader.videos)


def _without_image(block: Block) -> Block | None:
    if not isinstance(block, Picture):
        return block
    if block.caption:
        return Picture(alt=block.alt, caption=block.caption)
    return Paragraph(block.alt) if block.alt else None


class _BlockReader:
    def __init__(self, base_url: str | None, images: ImageStore, title: str | None) -> None:
        self.base_url = base_url
        self.images = images
        self.title = folded(title or "")
        self.note_keys: frozenset[str] = frozenset()
        self.videos: list[VideoReport] = []

    def take_footnotes(self, container: etree._Element) -> list[Footnote]:
        """Notes the text refers to by short in-page links ("1", "[2]", "*"), removed from the flow."""
        ids = {
            node.get("id"): node for node in container.iter() if isinstance(node.tag, str) and node.get("id")
        }
        found: dict[str, etree._Element] = {}
        for link in container.iter("a"):
            key = (link.get("href") or "").strip()[1:] if (link.get("href") or "").startswith("#") else ""
            label = collapse_whitespace("".join(link.itertext()))
            if key in ids and key not in found and NOTE_LABEL.match(label):
                note = self._note_element(ids[key])
                if note is not None and link not in note.iter():
                    found[key] = note
        footnotes = []
        for key, note in found.items():
            for back in [a for a in note.iter("a") if (a.get("href") or "").startswith("#")]:
                drop(back)
            paragraphs = [p for p in self.paragraphs_of(note) if p.text]
            footnotes.append(Footnote(key, paragraphs))
            if note.getparent() is not None:
                drop(note)
        self.note_keys = frozenset(found)
        return footnotes

    @staticmethod
    def _note_element(target: etree._Element) -> etree._Element | None:
        """The element holding a note: the target, or the list item or paragraph around an empty anchor."""
        node = target
        while node is not None and not collapse_whitespace("".join(node.itertext()))[1:].strip():
            node = node.getparent()
        while node is not None and tag_of(node) not in ("li", "p", "div", "aside", "section", "dd", "td"):
            node = node.getparent()
        return node

    def paragraphs_of(self, element: etree._Element) -> list[Paragraph]:
        return [block for block in self.blocks(element) if isinstance(block, Paragraph)]

    def inline(self, element: etree._Element) -> Paragraph:
        return read_inline(element, self.base_url, self.note_keys)

    def blocks(self, element: etree._Element) -> list[Block]:
        """The blocks of a flow container: block children in turn, loose inline content as paragraphs."""
        return read_flow(element, self.base_url, self.note_keys, self._child_blocks)

    def _child_blocks(self, child: etree._Element, tag: str | None, loose: InlineText) -> list[Block] | None:
        """A block child's blocks, none for a second line break in a row (it ends a paragraph), else None."""
        if tag == "br" and loose.ends_with_break():
            return []
        if tag in FLOW_BLOCK_TAGS or (tag in CONTAINER_TAGS and _holds_blocks(child)):
            return self.block(child, tag)
        return None

    def block(self, element: etree._Element, tag: str) -> list[Block]:
        if tag in HEADING_TAGS:
            text = self.inline(element).text
            if not text or text.casefold() == self.title:
                return []
            return [Heading(text, max(int(tag[1]) - 1, 1))]
        if tag == "dl":
            return self.definitions(element)
        if tag in ("ul", "ol"):
            return self.listing(element, tag)
        if tag == "blockquote":
            inner = self.blocks(element)
            return [Quote(inner)] if inner else []
        if tag in ("figure", "img", "picture"):
            return self.figure(element)
        if tag == "table":
            return self.table(element)
        if tag == "pre":
            text = remove_xml_illegal("".join(element.itertext())).strip("\n")
            return [Preformatted(text)] if text.strip() else []
        if _captioned_picture(element):
            return self.figure(element)
        if tag == PLACEHOLDER:
            self.videos.append(video_report(element))
            return []
        if tag == "p" or not _holds_blocks(element):
            return self.paragraph_with_pictures(element)
        return self.blocks(element)

    def paragraph_with_pictures(self, element: etree._Element) -> list[Block]:
        """A paragraph; pictures inside it follow it as figures of their own."""
        pictures: list[Block] = []
        # Most paragraphs hold neither: one walk says so (``iter()`` filtered by a tag costs more to set up).
        tags = {node.tag for node in element.iter()}
        if "img" in tags:
            for image in [image for image in element.iter("img") if not is_icon(image)]:
                holder = image.getparent() if tag_of(image.getparent()) == "picture" else image
                pictures += self.figure(image)
                drop(holder)
        if PLACEHOLDER in tags:  # dropping pictures makes no placeholder
            for placeholder in list(element.iter(PLACEHOLDER)):
                self.videos.append(video_report(placeholder))
                drop(placeholder)
        paragraph = self.inline(element)
        return ([paragraph] if paragraph.text else []) + pictures

    def listing(self, element: etree._Element, tag: str) -> list[Block]:
        items = []
        for child in element:
            if tag_of(child) in ("li", "dt", "dd"):
                blocks = self.blocks(child)
                if blocks:
                    items.append(ListItem(blocks))
        if not items:
            return []
        start = element.get("start", "").strip()
        return [ListBlock(items, ordered=tag == "ol", start=int(start) if start.isdigit() else None)]

    def definitions(self, element: etree._Element) -> list[Block]:
        """A definition list; a description before any term goes before it, terms with none after it."""
        before: list[Block] = []
        entries: list[Definition] = []
        children = [grand for child in element for grand in (child if tag_of(child) == "div" else [child])]
        for child in children:
            tag = tag_of(child)
            if tag == "dt" and (term := self.inline(child)).text:
                if not entries or entries[-1].descriptions:
                    entries.append(Definition())
                entries[-1].terms.append(term)
            elif tag == "dd" and (blocks := self.blocks(child)):
                if entries:
                    entries[-1].descriptions.append(ListItem(blocks))
                else:
                    before += blocks
        after: list[Block] = []
        if entries and not entries[-1].descriptions:
            after = list(entries.pop().terms)
        return before + ([DefinitionList(entries)] if entries else []) + after

    def figure(self, element: etree._Element) -> list[Block]:
        image = element if tag_of(element) == "img" else element.find(".//img")
        caption_element = None
        if tag_of(element) != "img":
            caption_element = next(iter(CAPTION_XPATH(element)), None)
        caption = self.inline(caption_element) if caption_element is not None else None
        if image is None:
            if tag_of(element) == "figure":
                if caption_element is not None:
                    drop(caption_element)
                inner = self.blocks(element)
                return inner + ([caption] if caption and caption.text else [])
            return []
        alt = collapse_whitespace(remove_xml_illegal(image.get("alt") or ""))
        if is_icon(image):
            return [Paragraph(alt)] if alt and not caption else []
        stored = None
        for attribute in SOURCE_ATTRIBUTES:
            stored = stored or self.images.local_image(image.get(attribute))
        address = None if stored else self._address(image)
        fetchable = self.images.from_web and address is not None
        if stored is None and not alt and not (caption and caption.text) and not fetchable:
            return []
        return [
            Picture(
                image=stored.file_name if stored else None,
                alt=alt,
                caption=caption if caption and caption.text else None,
                address=address,
            )
        ]

    def _address(self, image: etree._Element) -> str | None:
        """Where the page shows the picture from on the web, its best version (see ``picture_sources``)."""
        source = best_source(image)
        base = self.images.web_base or self.base_url
        return web_address(self.images.web_sources.get(source or "", source), base)

    def table(self, element: etree._Element) -> list[Block]:
        rows = [row for row in element.iter("tr") if _nearest_table(row) is element]
        if _is_layout(element, rows):
            return [block for row in rows for cell in _cells(row) for block in self.blocks(cell)]
        caption_element = element.find("caption")
        caption = self.inline(caption_element) if caption_element is not None else None
        table = Table(caption=caption if caption and caption.text else None)
        for row in rows:
            cells = [
                TableCell(
                    self.inline(cell),
                    header=tag_of(cell) == "th",
                    colspan=_span(cell.get("colspan")),
                    rowspan=_span(cell.get("rowspan")),
                )
                for cell in _cells(row)
            ]
            if cells:
                table.rows.append(cells)
        return [table] if table.rows else []


def _captioned_picture(element: etree._Element) -> bool:
    """A small box whose class names a caption ("wp-caption") around one picture."""
    return (
        bool(CAPTIONED.search(element.get("class") or ""))
        and len(element.findall(".//img")) == 1
        and len(collapse_whitespace("".join(element.itertext()))) <= MAX_CAPTION
    )


def _cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if tag_of(cell) in ("td", "th")]


def _nearest_table(row: etree._Element) -> etree._Element | None:
    return next(row.iterancestors("table"), None)


def _is_layout(table: etree._Element, rows: list[etree._Element]) -> bool:
    """Tables that lay out a page rather than hold data: nested tables, block content, or one column."""
    if any(True for _ in table.iterdescendants("table")):
        return True
    cells = [cell for row in rows for cell in _cells(row)]
    if not cells or all(len(_cells(row)) == 1 for row in rows):
        return True
    block_children = sum(
        1 for cell in cells for child in cell if tag_of(child) in BLOCK_TAGS and tag_of(child) != "br"
    )
    return block_children >= MIN_LAYOUT_CELL_BLOCKS * len(rows)


def _span(value: str | None) -> int:
    value = (value or "").strip()
    return min(max(int(value), 1), MAX_CELL) if value.isdigit() else 1


def is_icon(image: etree._Element) -> bool:
    """Emoji, smileys and pictures of icon size, which stand in the text as their alternative text."""
    if ICON_CLASSES.search(image.get("class") or ""):
        return True
    sizes = [image.get("width", ""), image.get("height", "")]
    numbers = [int(size) for size in sizes if size.strip().isdigit()]
    return len(numbers) == 2 and max(numbers) <= ICON_SIZE


def _holds_blocks(element: etree._Element) -> bool:
    return any(tag_of(node) in FLOW_BLOCK_TAGS for node in element.iterdescendants())
