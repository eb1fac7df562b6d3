"""Pictures saved with the page (its `<name>_files/` folder or `data:` addresses) become book images."""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import re
import struct
from pathlib import Path
from urllib.parse import unquote, urlsplit

from export.model import Image

# EPUB 3 core media types for raster images, by their first bytes.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
)
MAX_IMAGE_BYTES = 20 * 1024 * 1024
DATA_URI = re.compile(r"^data:image/[\w.+-]+;base64,", re.IGNORECASE)
NAME_DIGITS = 16


def sniff_image(data: bytes) -> tuple[str, str] | None:
    """(media type, file extension) of a PNG, JPEG, GIF or WebP picture; None for anything else."""
    for signature, media_type, extension in SIGNATURES:
        if data.startswith(signature):
            return media_type, extension
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    return None


class ImageStore:
    """Finds pictures in the page's folder, never outside it and never on the network.

    Without a page (a blog post's fragment), only pictures in ``data:`` addresses are found.
    ``web_sources`` is given for a page that came from the web: each of its pictures' source values to
    the best version's address (``picture_sources.source_addresses``); its pictures are then kept with
    their addresses even when they say nothing else, for a later step to fetch; ``web_base`` is what
    those addresses resolve against (the page's ``<base href>`` or the address it was fetched from).
    """

    def __init__(
        self, page: Path | None, web_sources: dict[str, str] | None = None, web_base: str | None = None
    ) -> None:
        self.folder = page.resolve().parent if page else None
        self.images: dict[str, Image] = {}
        self._found: dict[str, Image | None] = {}
        self.from_web = web_sources is not None
        self.web_sources = web_sources or {}
        self.web_base = web_base

    def fork(self) -> ImageStore:
        """A store for another reading of the same page: it shares the pictures looked up, not those used."""
        other = copy.copy(self)
        other.images = {}
        return other

    def local_image(self, src: str | None) -> Image | None:
        """The picture ``src`` names if the page holds it (its folder, or a ``data:`` address); else None."""
        if not src:
            return None
        src = src.strip()
        if src not in self._found:
            self._found[src] = self._find(src)
        image = self._found[src]
        return None if image is None else self.images.setdefault(image.file_name, image)

    def _find(self, src: str) -> Image | None:
        if DATA_URI.match(src):
            return self._image(_data_uri_bytes(src))
        if self.folder is None or urlsplit(src).scheme or src.startswith("//"):
            return None
        path = (self.folder / unquote(urlsplit(src).path)).resolve()
        if not path.is_relative_to(self.folder) or not path.is_file():
            return None
        try:
            if path.stat().st_size > MAX_IMAGE_BYTES:
                return None
            return self._image(path.read_bytes())
        except OSError:
            return None

    def _image(self, data: bytes | None) -> Image | None:
        if not data or len(data) > MAX_IMAGE_BYTES:
            return None
        kind = sniff_image(data)
        if kind is None or _one_pixel(data):
            return None
        return Image(f"{hashlib.sha256(data).hexdigest()[:NAME_DIGITS]}.{kind[1]}", kind[0], data)

    def used(self) -> list[Image]:
        """The pictures found so far, in a stable order."""
        return [self.images[name] for name in sorted(self.images)]


def _one_pixel(data: bytes) -> bool:
    """True for a one-pixel PNG or GIF: a tracking pixel or a lazy-loading placeholder, not a picture."""
    if data.startswith(b"\x89PNG") and len(data) >= 24:
        return struct.unpack(">II", data[16:24]) == (1, 1)
    if data.startswith(b"GIF") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10]) == (1, 1)
    return False


def _data_uri_bytes(src: str) -> bytes | None:
    encoded = src.split(",", 1)[1]
    if len(encoded) > MAX_IMAGE_BYTES * 4 // 3 + 4:
        return None
    try:
        return base64.b64decode("".join(encoded.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
