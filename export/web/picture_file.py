"""A fetched picture made fit for a book: checked by its bytes, decoded safely, scaled down for e-readers
and re-encoded where that saves space. The same bytes always give the same picture."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image as Pillow
from PIL import ImageOps, UnidentifiedImageError

from export.model import Image
from export.readers.html.images import NAME_DIGITS, sniff_image
from export.readers.html.picture_sources import BOOK_WIDTH

MAX_PIXELS = 40_000_000  # a 7,000 x 5,700 photograph; more is a decompression bomb, not a picture
MAX_SIDE = 30_000
MIN_SIDE = 3  # smaller: a tracking pixel or a lazy loader's placeholder
JPEG_QUALITY = 85
LOW_JPEG_QUALITY = 70  # for a JPEG that was saved at a lower quality than ours
WEBP_SUFFIX = "webp"
DECODERS = {"png": "PNG", "jpg": "JPEG", "gif": "GIF", "webp": "WEBP"}
ORIENTATION = 0x0112  # the EXIF tag that says how a camera held the picture
# Pillow warns on opening a picture of over 89 million pixels; MAX_PIXELS refuses far fewer, unwarned.
warnings.filterwarnings("ignore", category=Pillow.DecompressionBombWarning)


class PictureRefused(Exception):
    """A picture the book does not take, with the reason in a few words."""


@dataclass(frozen=True)
class _Encoding:
    """How a picture is written again: Pillow's format, the file's extension and media type."""

    format: str
    extension: str
    media_type: str


PNG = _Encoding("PNG", "png", "image/png")
JPEG = _Encoding("JPEG", "jpg", "image/jpeg")


def book_picture(data: bytes) -> Image:
    """``data`` as a book's picture: PNG, JPEG, GIF or WebP by its bytes (SVG and others refused), its
    longest side at most 1600 px, and re-encoded when scaled, turned or when that is smaller.

    WebP becomes JPEG, or PNG where it is transparent, as many e-readers show no WebP; an animated GIF
    that must be scaled keeps its first frame. PictureRefused says why a picture is not taken."""
    kind = sniff_image(data)
    if kind is None:
        raise PictureRefused("not a PNG, JPEG, GIF or WebP picture")
    extension = kind[1]
    try:
        with Pillow.open(io.BytesIO(data), formats=[DECODERS[extension]]) as picture:
            _check_size(picture.size)
            reencoded = _reencoded(picture, extension, len(data))
    except Pillow.DecompressionBombError:
        raise PictureRefused("too many pixels (a decompression bomb)") from None
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError, EOFError) as error:
        raise PictureRefused(f"damaged ({error.__class__.__name__})") from None
    if reencoded is not None and (reencoded[1] is not None or len(reencoded[0]) < len(data)):
        content, encoding = reencoded[0], reencoded[1] or _ENCODINGS[extension]
    else:
        content, encoding = data, _ENCODINGS[extension]
    name = f"{hashlib.sha256(content).hexdigest()[:NAME_DIGITS]}.{encoding.extension}"
    return Image(name, encoding.media_type, content)


def _check_size(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise PictureRefused(f"too many pixels ({width} x {height}; a decompression bomb?)")
    if max(width, height) < MIN_SIDE:
        raise PictureRefused(f"{width} x {height} pixels: a tracking pixel or placeholder")


def _reencoded(picture: Pillow.Image, extension: str, size: int) -> tuple[bytes, _Encoding | None] | None:
    """The picture written again, and its new encoding when it must change (None: the same, kept only
    if smaller); None when it is best kept as it is (a GIF of the right size, kept with its animation)."""
    scale = BOOK_WIDTH / max(picture.size)
    turned = _orientation(picture) not in (0, 1)
    must = scale < 1 or turned or extension == WEBP_SUFFIX
    if extension == "gif" and not must:
        return None
    if scale < 1 and extension == "jpg":
        picture.draft(picture.mode, _scaled(picture.size, scale))  # decode at a smaller size: less memory
    picture.load()
    image = ImageOps.exif_transpose(picture) if turned else picture
    image = _plain_mode(image)
    if max(image.size) > BOOK_WIDTH:
        image = image.resize(_scaled(image.size, BOOK_WIDTH / max(image.size)), Pillow.Resampling.LANCZOS)
    encoding = _encoding_for(image, extension)
    icc = picture.info.get("icc_profile")
    colours = {"icc_profile": icc} if icc else {}
    if encoding is JPEG:
        # A JPEG saved at a lower quality than ours would grow: then the lower quality is tried too.
        written = [_saved(image, "JPEG", quality=JPEG_QUALITY, optimize=True, **colours)]
        if extension == "jpg" and len(written[0]) > size:
            written.append(_saved(image, "JPEG", quality=LOW_JPEG_QUALITY, optimize=True, **colours))
        content = min(written, key=len)
    else:
        content = _saved(image, "PNG", optimize=True, **colours)
    changed = must or encoding is not _ENCODINGS[extension]
    return content, (encoding if changed else None)


def _saved(image: Pillow.Image, kind: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def _orientation(picture: Pillow.Image) -> int:
    try:
        return int(picture.getexif().get(ORIENTATION, 1))
    except (OSError, ValueError, TypeError, SyntaxError):
        return 1


def _plain_mode(image: Pillow.Image) -> Pillow.Image:
    """The picture in a mode that scales smoothly and saves as PNG or JPEG (palettes opened up)."""
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    if image.mode == "CMYK":
        return image.convert("RGB")
    transparent = image.mode in ("PA", "RGBa", "La") or "transparency" in image.info
    return image.convert("RGBA" if transparent else "RGB")


def _encoding_for(image: Pillow.Image, extension: str) -> _Encoding:
    """JPEG for a photograph (a JPEG, or an opaque WebP), PNG for everything else."""
    opaque = image.mode in ("RGB", "L")
    return JPEG if opaque and extension in ("jpg", WEBP_SUFFIX) else PNG


def _scaled(size: tuple[int, int], scale: float) -> tuple[int, int]:
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


_ENCODINGS = {
    "png": PNG,
    "jpg": JPEG,
    "gif": _Encoding("GIF", "gif", "image/gif"),
    WEBP_SUFFIX: _Encoding("WEBP", WEBP_SUFFIX, "image/webp"),
}
