"""Output formats: plain EPUB 3, and KEPUB for Kobo and AZW3 for Kindle, both made from the EPUB.

Each format is declared once in ``FORMATS``: its file suffix, its converter and what the command line
says of it. The command line's ``--format`` choices come from there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from export.model import Article, BookFormat


class OutputFormat(NamedTuple):
    """One output format: the suffix of its files, how it is made from the EPUB, whether it is an EPUB."""

    suffix: str
    convert: Callable[[bytes, Article, Path | str], bytes]  # (EPUB bytes, article, input) -> the book's bytes
    help: str  # the format in --format's help, its name first
    is_epub: bool = True  # EPUBCheck can check it


def _epub(epub: bytes, article: Article, source: Path | str) -> bytes:
    return epub


def _kepub(epub: bytes, article: Article, source: Path | str) -> bytes:
    from export.formats.kepub import kepub_from_epub

    return kepub_from_epub(epub)


def _azw3(epub: bytes, article: Article, source: Path | str) -> bytes:
    from export.epub.package import book_timestamp, content_identifier
    from export.formats.azw3 import azw3_from_epub

    return azw3_from_epub(epub, source, book_timestamp(article), content_identifier(article))


FORMATS: dict[BookFormat, OutputFormat] = {
    "epub": OutputFormat(".epub", _epub, "epub (default)"),
    "kepub": OutputFormat(".kepub.epub", _kepub, "kepub for Kobo (*.kepub.epub)"),
    "azw3": OutputFormat(".azw3", _azw3, "azw3 for Kindle (needs calibre)", is_epub=False),
}


def convert_book(epub: bytes, fmt: BookFormat, article: Article, source: Path | str) -> bytes:
    """The book in format ``fmt``, made from its EPUB bytes."""
    return FORMATS[fmt].convert(epub, article, source)
