"""Output formats besides plain EPUB 3: KEPUB for Kobo and AZW3 for Kindle, both made from the EPUB."""

from __future__ import annotations

from pathlib import Path

from export.model import Article

SUFFIXES = {"epub": ".epub", "kepub": ".kepub.epub", "azw3": ".azw3"}


def convert_book(epub: bytes, fmt: str, article: Article, source: Path) -> bytes:
    """The book in format ``fmt`` (one of SUFFIXES), made from its EPUB bytes."""
    if fmt == "kepub":
        from export.formats.kepub import kepub_from_epub

        return kepub_from_epub(epub)
    if fmt == "azw3":
        from export.epub.package import book_timestamp, content_identifier
        from export.formats.azw3 import azw3_from_epub

        return azw3_from_epub(epub, source, book_timestamp(article), content_identifier(article))
    return epub
