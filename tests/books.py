"""Books built by the command line for the tests, and the parts of their archives parsed as XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import SEED
from lxml import etree

from export.cli import main

NS = {
    "h": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def build(tmp_path: Path, *args: str, source: Path = SEED, name: str = "book.epub") -> Path:
    """The book of ``source`` (the seed unless told) built by the command line with ``args``."""
    out = tmp_path / name
    assert main([str(source), "-o", str(out), "-q", *args]) == 0
    return out


def convert(*args: object) -> int:
    """The command line's exit status on ``args`` (paths or strings), quietly."""
    return main([*map(str, args), "-q"])


def entry(book: Path, name: str) -> etree._Element:
    """One part of the book's archive, parsed."""
    with zipfile.ZipFile(book) as archive:
        return etree.fromstring(archive.read(name))


def documents(book: Path, suffixes: tuple[str, ...] = (".xhtml",)) -> dict[str, etree._Element]:
    """Every part of the book's archive whose name ends in one of ``suffixes``, parsed, by name."""
    with zipfile.ZipFile(book) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith(suffixes)
        }


def words(element: etree._Element) -> str:
    """The element's text, white space collapsed to single spaces."""
    return " ".join("".join(element.itertext()).split())
