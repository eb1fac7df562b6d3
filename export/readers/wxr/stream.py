"""The export's bytes as the XML parser reads them, with two known exporter faults repaired on the way."""

from __future__ import annotations

import re
from typing import BinaryIO

CHUNK = 64 * 1024
MAX_HEAD = 1024 * 1024
ROOT_TAG = re.compile(rb"<rss\b[^>]*>", re.IGNORECASE)
# Prefixes exporters use without declaring them (WordPress.com leaves out atom:), and their namespaces.
KNOWN_PREFIXES = {
    b"atom": b"http://www.w3.org/2005/Atom",
    b"wfw": b"http://wellformedweb.org/CommentAPI/",
    b"sy": b"http://purl.org/rss/1.0/modules/syndication/",
    b"slash": b"http://purl.org/rss/1.0/modules/slash/",
    b"georss": b"http://www.georss.org/georss",
    b"geo": b"http://www.w3.org/2003/01/geo/wgs84_pos#",
    b"media": b"http://search.yahoo.com/mrss/",
    b"dc": b"http://purl.org/dc/elements/1.1/",
    b"content": b"http://purl.org/rss/1.0/modules/content/",
    b"excerpt": b"http://wordpress.org/export/1.2/excerpt/",
}
# Characters XML 1.0 forbids (all C0 controls but tab, line feed and carriage return).
CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
LOOKBACK = 16


class RepairingStream:
    """A binary file's reader for the XML parser: the root gets the namespace declarations it lacks,
    and control characters are left out (in ASCII-compatible encodings only).

    ``undeclared_used`` and ``controls_removed`` say which repairs the file needed so far.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.pending = b""
        self.added: list[bytes] = []
        self.added_use: re.Pattern[bytes] | None = None  # finds a start tag with an added prefix
        self.undeclared_used: list[str] = []
        self.controls_removed = False
        self.ascii_compatible = True
        self.tail = b""
        self.started = False

    def read(self, size: int = CHUNK) -> bytes:
        """Up to ``size`` repaired bytes; empty only at the end of the file."""
        if not self.started:
            self.started = True
            self.pending = self._repair(self._head())
        while not self.pending:
            chunk = self.raw.read(max(size, CHUNK))
            if not chunk:
                return b""
            self.pending = self._repair(chunk)
        data, self.pending = self.pending[:size], self.pending[size:]
        return data

    def _head(self) -> bytes:
        """The file's start up to the end of the root's start tag, the missing declarations added to it."""
        head = self.raw.read(CHUNK)
        self.ascii_compatible = not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00<" not in head[:4]
        while self.ascii_compatible and not ROOT_TAG.search(head) and len(head) < MAX_HEAD:
            more = self.raw.read(CHUNK)
            if not more:
                break
            head += more
        found = ROOT_TAG.search(head) if self.ascii_compatible else None
        if found is None:
            return head
        tag = found.group()
        self.added = [prefix for prefix in KNOWN_PREFIXES if not re.search(rb"xmlns:%s\s*=" % prefix, tag)]
        self.added_use = _prefix_use(self.added)
        declarations = b"".join(b' xmlns:%s="%s"' % (prefix, KNOWN_PREFIXES[prefix]) for prefix in self.added)
        end = found.start() + len(b"<rss")
        return head[:end] + declarations + head[end:]

    def _repair(self, chunk: bytes) -> bytes:
        if not self.ascii_compatible:
            return chunk
        # Looked for one by one (each a memchr, in C) before the chunk is copied without them: most exports
        # have none, and deleting by translate looks up every byte.
        held = any(map(chunk.__contains__, CONTROL_BYTES))
        cleaned = chunk.translate(None, CONTROL_BYTES) if held else chunk
        self.controls_removed = self.controls_removed or len(cleaned) != len(chunk)
        if self.added_use is not None:
            seen = self.tail + cleaned
            used = set(self.added_use.findall(seen))
            if used:
                self.undeclared_used += [prefix.decode("ascii") for prefix in self.added if prefix in used]
                self.added = [prefix for prefix in self.added if prefix not in used]
                self.added_use = _prefix_use(self.added)
            self.tail = seen[-LOOKBACK:]
        return cleaned


def _prefix_use(prefixes: list[bytes]) -> re.Pattern[bytes] | None:
    """A pattern finding start tags with any of ``prefixes`` (one pass over a chunk); None for none."""
    if not prefixes:
        return None
    return re.compile(rb"<(%s):" % b"|".join(re.escape(prefix) for prefix in prefixes))
