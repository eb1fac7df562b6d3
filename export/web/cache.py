"""A cache of fetched responses on disk (``--cache DIR``), revalidated by ETag or Last-Modified.

Each response is one file, named by a hash of its address, written whole or not at all; a file that
cannot be read back exactly as written is ignored, and the address fetched afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from export.cache import write_whole
from export.errors import InputError

FORMAT = 1
SUFFIX = ".response"


@dataclass(frozen=True)
class CachedResponse:
    """A stored response: its body and the headers a fetch needs again."""

    url: str
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    def conditions(self) -> dict[str, str]:
        """The headers of a conditional request for this response."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class Cache:
    """Responses kept in ``directory`` (made if missing) by the address they were fetched from."""

    def __init__(self, directory: Path) -> None:
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(directory, f"cannot create the cache directory: {error.strerror}") from None
        if not directory.is_dir():
            raise InputError(directory, "the cache is not a directory")
        self.directory = directory

    def path(self, url: str) -> Path:
        """The file that holds the response of ``url``: a bounded name whatever the address."""
        digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / digest[:2] / (digest + SUFFIX)

    def get(self, url: str) -> CachedResponse | None:
        """The stored response of ``url``; None when there is none or it is damaged."""
        try:
            data = self.path(url).read_bytes()
            head, _, content = data.partition(b"\n")
            meta = json.loads(head)
            if (
                meta.get("format") != FORMAT
                or meta.get("url") != url
                or meta.get("length") != len(content)
                or meta.get("sha256") != hashlib.sha256(content).hexdigest()
            ):
                return None
            return CachedResponse(
                url, content, str(meta["content_type"]), meta.get("etag"), meta.get("last_modified")
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, url: str, content: bytes, headers: Mapping[str, str]) -> None:
        """Keep the response of ``url`` if it can be revalidated (ETag, Last-Modified) and may be kept."""
        etag, modified = headers.get("ETag"), headers.get("Last-Modified")
        if not (etag or modified) or "no-store" in headers.get("Cache-Control", "").lower():
            return
        meta = {
            "format": FORMAT,
            "url": url,
            "content_type": headers.get("Content-Type", ""),
            "etag": etag,
            "last_modified": modified,
            "length": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
        }
        head = json.dumps(meta, ensure_ascii=True).encode("ascii")
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs a fetch next time
            write_whole(self.path(url), head + b"\n" + content)
