"""Readers: one module per input format, each producing an ``export.model.Article``; ``kinds`` says
which reader a file is for."""

from __future__ import annotations

from pathlib import Path

from export.errors import InputError
from export.model import Article
from export.readers.kinds import INPUT_KINDS, first_bytes, looks_like_html
from export.readers.origin import Origin, PageInput
from export.readers.prologue import PROLOGUE_BYTES
from export.readers.wxr.sniff import looks_like_wxr

__all__ = ["is_blog_export", "looks_like_html", "looks_like_wxr", "read_article", "read_page"]


def is_blog_export(path: Path) -> bool:
    """Whether ``path`` is a regular file whose first bytes show a whole blog (a WordPress export, or
    a zip archive holding one); never reads a pipe."""
    if not path.is_file():
        return False
    start, origin = first_bytes(path), Origin.file(path)
    return next(kind for kind in INPUT_KINDS if kind.sniff(start, origin)).read is None


def read_article(path: Path) -> Article:
    """Read the article saved at ``path`` with the first page reader whose kind its content shows."""
    start = first_bytes(path)
    origin = Origin.file(path)
    kind = next(kind for kind in INPUT_KINDS if kind.read is not None and kind.sniff(start, origin))
    assert kind.read is not None  # the text reader takes every input
    return kind.read(PageInput.from_file(path))


def read_page(page: PageInput) -> Article:
    """Read a page held in memory (a fetched one) with the reader whose kind its first bytes show, as
    ``read_article`` reads a saved file; InputError if they show a whole blog."""
    kind = next(kind for kind in INPUT_KINDS if kind.sniff(page.data[:PROLOGUE_BYTES], page.origin))
    if kind.read is None:
        raise InputError(page.name, "is a whole blog (a WordPress export): save it and give the file")
    return kind.read(page)
