"""The article's blocks as XHTML: paragraphs, headings, lists, quotes, figures, tables, code."""

from __future__ import annotations

from lxml import etree

from export.epub.notes import ChapterNotes
from export.epub.xhtml import add
from export.model import (
    Block,
    DefinitionList,
    Heading,
    ListBlock,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Table,
)

IMAGES_DIR = "images"


def image_path(file_name: str) -> str:
    """Where an image of the article lives in the book, relative to the chapters."""
    return f"{IMAGES_DIR}/{file_name}"


def write_blocks(parent: etree._Element, blocks: list[Block], notes: ChapterNotes, top_heading: int) -> None:
    """Append ``blocks``; a Heading of level 1 becomes ``h{top_heading}``."""
    for block in blocks:
        if isinstance(block, Paragraph):
            notes.paragraph(parent, block)
        elif isinstance(block, Heading):
            add(parent, f"h{min(block.level + top_heading - 1, 6)}", block.text)
        elif isinstance(block, ListBlock):
            _write_list(parent, block, notes, top_heading)
        elif isinstance(block, DefinitionList):
            _write_definitions(parent, block, notes, top_heading)
        elif isinstance(block, Quote):
            write_blocks(add(parent, "blockquote"), block.blocks, notes, top_heading)
        elif isinstance(block, Picture):
            _write_picture(parent, block, notes)
        elif isinstance(block, Table):
            _write_table(parent, block, notes)
        elif isinstance(block, Preformatted):
            add(parent, "pre", block.text)


def _write_list(parent: etree._Element, block: ListBlock, notes: ChapterNotes, top_heading: int) -> None:
    start = str(block.start) if block.ordered and block.start not in (None, 1) else None
    listing = add(parent, "ol" if block.ordered else "ul", start=start)
    for item in block.items:
        if len(item.blocks) == 1 and isinstance(item.blocks[0], Paragraph):
            notes.paragraph(listing, item.blocks[0], tag="li")
        else:
            write_blocks(add(listing, "li"), item.blocks, notes, top_heading)


def _write_definitions(
    parent: etree._Element, block: DefinitionList, notes: ChapterNotes, top_heading: int
) -> None:
    listing = add(parent, "dl", class_="definitions")
    for entry in block.entries:
        for term in entry.terms:
            notes.paragraph(listing, term, tag="dt")
        for description in entry.descriptions:
            blocks = description.blocks
            if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
                notes.paragraph(listing, blocks[0], tag="dd")
            else:
                write_blocks(add(listing, "dd"), blocks, notes, top_heading)


def _write_picture(parent: etree._Element, picture: Picture, notes: ChapterNotes) -> None:
    if not picture.image and not picture.alt and not picture.caption:
        return
    figure = add(parent, "figure", class_="figure")
    if picture.image:
        add(figure, "img", src=image_path(picture.image), alt=picture.alt)
    else:
        caption = picture.caption.text if picture.caption else ""
        labels = notes.labels
        if picture.alt and picture.alt != caption:
            text = labels("picture_missing_alt", alt=picture.alt)
        else:
            text = labels("picture_missing")
        add(figure, "p", text, class_="picture-missing")
    if picture.caption:
        notes.paragraph(figure, picture.caption, tag="figcaption")


def _write_table(parent: etree._Element, table: Table, notes: ChapterNotes) -> None:
    element = add(parent, "table")
    if table.caption:
        notes.paragraph(element, table.caption, tag="caption")
    body = add(element, "tbody")
    for row in table.rows:
        tr = add(body, "tr")
        for cell in row:
            written = notes.paragraph(tr, cell.content, tag="th" if cell.header else "td")
            for name, span in (("colspan", cell.colspan), ("rowspan", cell.rowspan)):
                if span > 1:
                    written.set(name, str(span))
