"""The book's cover: a generated PNG with the article's title, authors, site and date, or the user's image."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from export import cache
from export.epub.document import Document
from export.epub.labels import labels_for
from export.epub.xhtml import add, new_document, serialize
from export.model import Article
from export.records import Record

FONTS = Path(__file__).resolve().parent / "fonts"
TITLE_FONT = FONTS / "DejaVuSerif-Bold.ttf"
TEXT_FONT = FONTS / "DejaVuSans.ttf"
WIDTH, HEIGHT, MARGIN = 1600, 2560, 150  # the 1:1.6 shape and size Kindle and Kobo ask for
PAPER, INK, ACCENT = (246, 243, 235), (24, 24, 28), (140, 32, 32)
# Drawn as palette indices: 0-239 blend paper into ink (anti-aliased edges fall in between), 255 is red.
FULL_INK, MUTED, RED, INK_STEPS = 239, 170, 255, 239
TITLE_SIZES = range(150, 71, -6)
TITLE_BOX_HEIGHT = 1250
TITLE_CHARACTERS = 400  # a longer title is cut there on the cover, which bounds the wrapping
PNG_END = b"IEND\xaeB`\x82"  # the last chunk of a whole PNG file
MEDIA_TYPES = {b"\x89PNG\r\n\x1a\n": ("image/png", "png"), b"\xff\xd8\xff": ("image/jpeg", "jpg")}


@dataclass(eq=False, repr=False)
class CoverImage(Record):
    """The cover's bytes and what they are."""

    content: bytes
    media_type: str = "image/png"
    extension: str = "png"
    description: str | None = None  # what the picture shows, when not the book's own title and authors


def cover_image_type(content: bytes) -> tuple[str, str] | None:
    """The media type and file extension of a PNG or JPEG image, from its first bytes; None otherwise."""
    for magic, kind in MEDIA_TYPES.items():
        if content.startswith(magic):
            return kind
    return None


class CoverText(NamedTuple):
    """The words a generated cover shows: all that decides its pixels besides the fonts and this module."""

    site: str  # upper case; empty for none
    title: str
    authors: str
    date: str  # empty for none
    edition: str

    @classmethod
    def of(cls, article: Article) -> CoverText:
        labels = labels_for(article.language)
        return cls(
            site=article.site.upper() if article.site else "",
            title=article.title,
            authors=", ".join(person.name for person in article.authors),
            date=labels.date(article.published) if article.published else "",
            edition=labels("annotated_edition"),
        )


def generated_cover(article: Article) -> CoverImage:
    """A PNG cover in clean type: site at the top, the title large, then authors, the date at the foot.

    Drawn once for the words it shows; later runs read it from the user's cache directory (export.cache).
    """
    text = CoverText.of(article)
    key = cache.digest(_recipe(), *text)
    content = cache.read("covers", key)
    if content is None or not content.endswith(PNG_END):
        content = draw_cover(text)
        cache.keep("covers", key, content)
    return CoverImage(content)


@functools.cache
def _recipe() -> str:
    """The digest of what draws a cover besides its words: this module, the fonts, Pillow's version."""
    import PIL

    return cache.digest(
        Path(__file__).read_bytes(), TITLE_FONT.read_bytes(), TEXT_FONT.read_bytes(), PIL.__version__
    )


def draw_cover(text: CoverText) -> bytes:
    """The PNG of a cover showing ``text``."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    top = MARGIN + 40
    if text.site:
        site = _font(TEXT_FONT, 54)
        for line in _wrap(text.site, site, width)[:2]:
            draw.text((MARGIN, top), line, font=site, fill=MUTED)
            top += 72
    draw.rectangle((MARGIN, top + 30, WIDTH - MARGIN, top + 34), fill=FULL_INK)
    top += 200
    size, lines = _fit_title(text.title, lambda size: _font(TITLE_FONT, size), width)
    title = _font(TITLE_FONT, size)
    for line in lines:
        draw.text((MARGIN, top), line, font=title, fill=FULL_INK)
        top += round(size * 1.18)
    top += 70
    draw.rectangle((MARGIN, top, MARGIN + 260, top + 18), fill=RED)
    top += 110
    names = _font(TEXT_FONT, 72)
    for line in _wrap(text.authors, names, width)[:3]:
        draw.text((MARGIN, top), line, font=names, fill=FULL_INK)
        top += 96
    foot = _font(TEXT_FONT, 54)
    if text.date:
        draw.text((MARGIN, HEIGHT - MARGIN - 150), text.date, font=foot, fill=MUTED)
    draw.text((MARGIN, HEIGHT - MARGIN - 70), text.edition, font=foot, fill=MUTED)
    image.putpalette(_palette(), "RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


@functools.cache
def _font(path: Path, size: int):
    """The font at ``path`` in ``size``, read once per run however many covers and sizes try it."""
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _palette() -> list[int]:
    """256 RGB entries: paper blended into ink over 0-INK_STEPS, the accent at RED, paper elsewhere."""
    colours = [
        tuple(round(paper + (ink - paper) * step / INK_STEPS) for paper, ink in zip(PAPER, INK, strict=True))
        for step in range(INK_STEPS + 1)
    ]
    colours += [PAPER] * (255 - len(colours)) + [ACCENT]
    return [channel for colour in colours for channel in colour]


def _fit_title(text: str, font_of, width: int) -> tuple[int, list[str]]:
    """The largest title size whose wrapped lines fit the title's box; at the smallest, lines cut with "…"."""
    if len(text) > TITLE_CHARACTERS:
        text = text[:TITLE_CHARACTERS].rstrip() + "…"
    for size in TITLE_SIZES:
        lines = _wrap(text, font_of(size), width)
        if len(lines) * size * 1.18 <= TITLE_BOX_HEIGHT:
            return size, lines
    size, font = TITLE_SIZES[-1], font_of(TITLE_SIZES[-1])
    most = int(TITLE_BOX_HEIGHT // (size * 1.18))
    lines = _wrap(text, font, width)
    last = lines[most - 1].split()
    while len(last) > 1 and font.getlength(" ".join([*last, "…"])) > width:
        last.pop()
    return size, [*lines[: most - 1], " ".join([*last, "…"])]


def _wrap(text: str, font, width: int) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is broken between letters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while font.getlength(line) > width and len(line) > 1:
            cut = _longest_fitting_prefix(line, font, width)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def _longest_fitting_prefix(word: str, font, width: int) -> int:
    """How many of the word's letters fit the width (at least one), by halving the search."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def cover_page(
    article: Article, file_name: str, stylesheet: str, image_name: str, description: str | None = None
) -> Document:
    """The cover as the book's first page: the image alone, described for screen readers.

    The description is the article's title and authors unless ``description`` says otherwise.
    """
    title = labels_for(article.language)("cover")
    html, body = new_document(title, article.language, stylesheet)
    body.set("class", "cover")
    section = add(body, "section", class_="cover", epub_type="cover", aria_label=title)
    add(section, "img", src=image_name, alt=description or cover_description(article), role="doc-cover")
    return Document(file_name, title, serialize(html), landmark="cover")


def cover_description(article: Article) -> str:
    """The words a generated cover shows: "Cover: TITLE, by AUTHORS", in the article's language."""
    labels = labels_for(article.language)
    authors = ", ".join(person.name for person in article.authors)
    if authors:
        return labels("cover_title_by", title=article.title, authors=authors)
    return labels("cover_title", title=article.title)
