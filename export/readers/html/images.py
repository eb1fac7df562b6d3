"""Pictures saved beside the page (the browser's ``<name>_files/`` folder) become the book's images."""

from __future__ import annotations

import hashlib
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
    """Finds pictures in the page's folder, never outside it and never on the network."""

    def __init__(self, page: Path) -> None:
        self.folder = page.resolve().parent
        self.images: dict[str, Image] = {}

    def local_image(self, src: str | None) -> Image | None:
        """The picture ``src`` names if the page's folder holds it; None for remote or missing ones."""
        if not src or urlsplit(src).scheme or src.startswith("//"):
            return None
        path = (self.folder / unquote(urlsplit(src).path)).resolve()
        if not path.is_relative_to(self.folder) or not path.is_file():
            return None
        try:
            if path.stat().st_size > MAX_IMAGE_BYTES:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        kind = sniff_image(data)
        if kind is None:
            return None
        name = f"{hashlib.sha256(data).hexdigest()[:NAME_DIGITS]}.{kind[1]}"
        return self.images.setdefault(name, Image(name, kind[0], data))

    def used(self) -> list[Image]:
        """The pictures found so far, in a stable order."""
        return [self.images[name] for name in sorted(self.images)]
