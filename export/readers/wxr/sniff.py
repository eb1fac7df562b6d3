"""Telling a WordPress export (WXR) from its first bytes."""

from __future__ import annotations

import codecs
import re

SNIFF_BYTES = 64 * 1024  # the root may follow a long DOCTYPE
ZIP_MAGIC = b"PK\x03\x04"  # a zip archive, as WordPress.com gives its exports
WXR_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.\d+/$")
# Whatever may come before the root: a declaration, comments, processing instructions and a DOCTYPE.
WXR_START = re.compile(
    rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)*"
    rb"<rss\b[^>]*?https?://wordpress\.org/export/1\.\d+/",
    re.DOTALL | re.IGNORECASE,
)
WIDE_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def looks_like_wxr(start: bytes) -> bool:
    """True when a file's first bytes show an RSS document with a wordpress.org/export namespace."""
    start = start[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8)
    for bom, encoding in WIDE_BOMS:
        if start.startswith(bom):
            start = start[len(bom) :].decode(encoding, errors="ignore").encode("utf-8")
    return WXR_START.match(start) is not None
