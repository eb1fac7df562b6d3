"""Telling a WordPress export (WXR) from its first bytes."""

from __future__ import annotations

import re

from export.readers.prologue import PROLOGUE_BYTES, as_utf8, skip_prologue

SNIFF_BYTES = PROLOGUE_BYTES
ZIP_MAGIC = b"PK\x03\x04"  # a zip archive, as WordPress.com gives its exports
WXR_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.\d+/$")
WXR_ROOT = re.compile(rb"<rss\b[^>]*?https?://wordpress\.org/export/1\.\d+/", re.IGNORECASE)


def looks_like_wxr(start: bytes) -> bool:
    """True when a file's first bytes show an RSS document with a wordpress.org/export namespace."""
    start = as_utf8(start[:SNIFF_BYTES])
    position = skip_prologue(start, doctype=True)
    return position is not None and WXR_ROOT.match(start, position) is not None
