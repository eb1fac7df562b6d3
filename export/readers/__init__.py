"""Readers: one module per input format, each producing an ``export.model.Article``."""

from __future__ import annotations

import re
from pathlib import Path

from export.model import Article
from export.readers.prologue import PROLOGUE_BYTES, as_utf8, skip_prologue
from export.readers.wxr.sniff import ZIP_MAGIC, looks_like_wxr

__all__ = ["is_blog_export", "looks_like_html", "looks_like_wxr", "read_article"]

# The first tag of an HTML page, after whatever prologue (comments, an XML declaration) comes before it.
HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.IGNORECASE)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def looks_like_html(start: bytes, suffix: str = "") -> bool:
    """True when the first bytes of a file (or, when they say nothing, its suffix) show an HTML page."""
    start = as_utf8(start[:PROLOGUE_BYTES])
    position = skip_prologue(start)
    if position is not None and HTML_ROOT.match(start, position):
        return True
    return suffix.lower() in HTML_SUFFIXES and b"<" in start


def is_blog_export(path: Path) -> bool:
    """Whether ``path`` is a regular file whose first bytes show a WordPress export, or a zip archive
    holding one (never reads a pipe)."""
    if not path.is_file():
        return False
    try:
        with path.open("rb") as stream:
            start = stream.read(PROLOGUE_BYTES)
    except OSError:
        return False
    if start.startswith(ZIP_MAGIC):
        from export.readers.wxr.parts import is_zipped_export

        return is_zipped_export(path)
    return looks_like_wxr(start)


def read_article(path: Path) -> Article:
    """Read the article saved at ``path`` with the reader for its format, told by its content."""
    try:
        with path.open("rb") as stream:
            start = stream.read(PROLOGUE_BYTES)
    except OSError:
        start = b""  # the text reader names what is wrong with the file
    if start.startswith(ZIP_MAGIC):
        from export.readers.wxr.parts import zip_problem

        raise zip_problem(path)
    if looks_like_html(start, path.suffix):
        from export.readers.html.page import read_html_page

        return read_html_page(path)
    from export.readers.text import read_text_page

    return read_text_page(path)
