"""What may come before a document's root element, skipped in one pass: whitespace, a byte-order mark, the
XML declaration and processing instructions, comments and (if asked) a DOCTYPE with its internal subset."""

from __future__ import annotations

import codecs
import re

WHITESPACE = re.compile(rb"[ \t\n\r\f\v]*+")
# Each opener with the closer that ends it; a DOCTYPE is handled apart (its subset may hold ">").
BRACKETED = ((b"<?", b"?>"), (b"<!--", b"-->"))
DOCTYPE = b"<!doctype"
# A file's first bytes are read this far: the root may follow a long DOCTYPE or comment.
PROLOGUE_BYTES = 64 * 1024
WIDE_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def as_utf8(start: bytes) -> bytes:
    """The first bytes of a file without a byte-order mark, UTF-16 ones turned into UTF-8."""
    start = start.removeprefix(codecs.BOM_UTF8)
    for bom, encoding in WIDE_BOMS:
        if start.startswith(bom):
            return start[len(bom) :].decode(encoding, errors="ignore").encode("utf-8")
    return start


def skip_prologue(start: bytes, doctype: bool = False) -> int | None:
    """Offset of the first byte of ``start`` that is none of the prologue's parts; None when a part runs past
    the end of ``start`` (it cannot be told what follows). Linear in ``len(start)``."""
    position = 0
    while True:
        blank = WHITESPACE.match(start, position)
        position = blank.end() if blank else position
        for opener, closer in BRACKETED:
            if start.startswith(opener, position):
                end = start.find(closer, position + len(opener))
                break
        else:
            if not (doctype and start[position : position + len(DOCTYPE)].lower() == DOCTYPE):
                return position
            end = _doctype_end(start, position)
            closer = b">"
        if end < 0:
            return None
        position = end + len(closer)


def root_tag(start: bytes, doctype: bool = False) -> int | None:
    """Offset of the ``<`` that opens the root element after the prologue (``skip_prologue``); None where no
    tag opens there (a text page) or a part runs past the end of ``start``."""
    position = skip_prologue(start, doctype)
    return position if position is not None and start.startswith(b"<", position) else None


def _doctype_end(start: bytes, position: int) -> int:
    """Offset of the ``>`` closing the DOCTYPE at ``position`` (past its ``[...]`` subset), or -1."""
    close = start.find(b">", position)
    subset = start.find(b"[", position)
    if subset < 0 or 0 <= close < subset:
        return close
    subset_end = start.find(b"]", subset)
    return -1 if subset_end < 0 else start.find(b">", subset_end)
