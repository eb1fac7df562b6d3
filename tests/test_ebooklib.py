"""ebooklib, the most used Python EPUB library, reads every kind of book we write: the title, authors,
spine and table of contents it finds are the ones in our package document and navigation (or NCX)."""

from __future__ import annotations

from pathlib import Path

import pytest
from books import NS, entry
from conftest import CORPUS
from ebooklib import epub

from export.cli import main

PAGE = CORPUS / "html" / "readability__aclu.source.html"
EXPORT = CORPUS / "wxr" / "remark42__realmenweardress_xmlTestWP.xml"
SPLIT_EXPORT = CORPUS / "wxr" / "pelican__wordpressexport.xml"
NCX = {"n": "http://www.daisy.org/z3986/2005/ncx/"}


@pytest.fixture(scope="module")
def books(seed_book, seed_kepub, tmp_path_factory) -> dict[str, Path]:
    """One book of each kind: the seed's article, its KEPUB, a saved page, an anthology and --split books."""
    folder = tmp_path_factory.mktemp("ebooklib")
    made = {"seed article": seed_book, "seed kepub": seed_kepub}
    for kind, source, options in (
        ("html page", PAGE, ()),
        ("anthology", EXPORT, ()),
        ("split", SPLIT_EXPORT, ("--split",)),
    ):
        out = folder / (f"{kind}/" if options else f"{kind}.epub")
        assert main([str(source), "-q", "-o", str(out), *options]) == 0
        if options:
            made |= {f"{kind} {book.stem}": book for book in sorted(out.glob("*.epub"))}
        else:
            made[kind] = out
    assert len(made) > 6
    return made


def written_toc(book: Path, ncx: bool) -> list[tuple[int, str, str]]:
    """Our table of contents as (depth, title, href) in reading order: the nav document's, or the NCX's."""
    if ncx:
        root = entry(book, "EPUB/toc.ncx")
        points = root.xpath("//n:navPoint", namespaces=NCX)
        return [
            (
                len(point.xpath("ancestor::n:navPoint", namespaces=NCX)),
                point.findtext("n:navLabel/n:text", namespaces=NCX),
                point.find("n:content", NCX).get("src"),
            )
            for point in points
        ]
    root = entry(book, "EPUB/nav.xhtml")
    links = root.xpath("//h:nav[@epub:type='toc']//h:li/h:a", namespaces=NS)
    return [
        (len(link.xpath("ancestor::h:li", namespaces=NS)) - 1, link.text, link.get("href")) for link in links
    ]


def read_toc(toc: list, depth: int = 0) -> list[tuple[int, str, str]]:
    """ebooklib's table of contents as (depth, title, href): links, and sections with their children."""
    found = []
    for node in toc:
        if isinstance(node, tuple | list):
            section, children = node
            found.append((depth, section.title, section.href))
            found.extend(read_toc(children, depth + 1))
        else:
            found.append((depth, node.title, node.href))
    return found


@pytest.mark.parametrize("ncx", [False, True], ids=["nav", "ncx"])
def test_ebooklib_reads_title_authors_spine_and_contents_as_written(books, ncx):
    for kind, book in books.items():
        read = epub.read_epub(str(book), {"ignore_ncx": not ncx})
        opf = entry(book, "EPUB/content.opf")
        assert [title for title, _ in read.get_metadata("DC", "title")] == opf.xpath(
            "//dc:title/text()", namespaces=NS
        ), kind
        assert [name for name, _ in read.get_metadata("DC", "creator")] == opf.xpath(
            "//dc:creator/text()", namespaces=NS
        ), kind
        itemrefs = opf.xpath("//opf:spine/opf:itemref", namespaces=NS)
        assert read.spine == [(ref.get("idref"), ref.get("linear", "yes")) for ref in itemrefs], kind
        hrefs = {item.get("id"): item.get("href") for item in opf.xpath("//opf:item", namespaces=NS)}
        assert [read.get_item_with_id(idref).get_name() for idref, _ in read.spine] == [
            hrefs[ref.get("idref")] for ref in itemrefs
        ], kind
        toc = read_toc(read.toc)
        assert toc == written_toc(book, ncx) and len(toc) >= 2, kind
