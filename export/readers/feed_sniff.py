"""Telling an RSS or Atom feed from its first bytes: the root element, after whatever prologue."""

from __future__ import annotations

import re
from functools import cache

from export.readers.prologue import PROLOGUE_BYTES, as_utf8, root_tag


# RSS 0.9x and 2.0 by their root; Atom 1.0 and 0.3, RSS 0.90 and 1.0 by their namespace in the root's
# attributes. Matched at one place, each lazy run stops at the tag's end: linear in the prefix.
@cache
def _feed_root() -> re.Pattern[bytes]:
    """A feed's root tag, compiled only for an input that starts with a tag (not a text page)."""
    return re.compile(
        rb"<(?:rss\b"
        rb"|feed\b[^>]*?(?:w3\.org/2005/Atom|purl\.org/atom/ns#)"
        rb"|(?:[\w.-]+:)?RDF\b[^>]*?(?:purl\.org/rss/1\.0/|netscape\.com/rss/0\.9))",
        re.IGNORECASE,
    )


def looks_like_feed(start: bytes) -> bool:
    """True when a file's first bytes show an RSS or Atom document (a WordPress export among them: the
    registry tries exports first)."""
    start = as_utf8(start[:PROLOGUE_BYTES])
    position = root_tag(start, doctype=True)
    return position is not None and _feed_root().match(start, position) is not None
