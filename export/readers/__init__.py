"""Readers: one module per input format, each producing an ``export.model.Article``."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from export.model import Article
from export.readers.wxr.sniff import SNIFF_BYTES as EXPORT_SNIFF_BYTES
from export.readers.wxr.sniff import ZIP_MAGIC, looks_like_wxr

__all__ = ["is_blog_export", "looks_like_html", "looks_like_wxr", "read_article"]

SNIFF_BYTES = 1024
HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.I | re.S
)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def looks_like_html(start: bytes, suffix: str = "") -> bool:
    """True when the first bytes of a file (or, when they say nothing, its suffix) show an HTML page."""
    for bom, encoding in BOMS:
        if start.startswith(bom):
            start = start[len(bom) :].decode(encoding, errors="ignore").encode("utf-8")
            break
    if HTML_START.match(start):
        return True
    return suffix.lower() in HTML_SUFFIXES and b"<" in start


def is_blog_export(path: Path) -> bool:
    """Whether ``path`` is a regular file whose first bytes show a WordPress export, or a zip archive
    holding one (never reads a pipe)."""
    if not path.is_file():
        return False
    try:
        with path.open("rb") as stream:
            start = stream.read(EXPORT_SNIFF_BYTES)
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
            start = stream.read(SNIFF_BYTES)
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
