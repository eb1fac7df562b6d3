"""Telling a WordPress export (WXR) from its first bytes."""

from __future__ import annotations

import re
from functools import cache

from export.readers.prologue import PROLOGUE_BYTES, as_utf8, root_tag

SNIFF_BYTES = PROLOGUE_BYTES
ZIP_MAGIC = b"PK\x03\x04"  # a zip archive, as WordPress.com gives its exports
WXR_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.\d+/$")


@cache
def _wxr_root() -> re.Pattern[bytes]:
    """The root of an export, compiled only for an input that starts with a tag (not a text page)."""
    return re.compile(rb"<rss\b[^>]*?https?://wordpress\.org/export/1\.\d+/", re.IGNORECASE)


def looks_like_wxr(start: bytes) -> bool:
    """True when a file's first bytes show an RSS document with a wordpress.org/export namespace."""
    start = as_utf8(start[:SNIFF_BYTES])
    position = root_tag(start, doctype=True)
    return position is not None and _wxr_root().match(start, position) is not None
