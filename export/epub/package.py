"""Packaging the book: its documents, metadata, spine and navigation, streamed into a reproducible zip."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from dataclasses import dataclass

from export import __version__
from export.epub.appendices import archive_appendix, comments_appendix
from export.epub.blocks import image_path
from export.epub.chapters import article_chapter, videos_chapter
from export.epub.container import (
    EARLIEST_ZIP_TIME,
    PRECOMPRESSED,
    EpubContainer,
    NavPoint,
    PackageMetadata,
    zip_time,
)
from export.epub.cover import CoverImage, cover_page, generated_cover
from export.epub.document import Document
from export.epub.frontmatter import nav_document, title_page
from export.epub.glance import glance_appendix
from export.epub.labels import Labels, labels_for
from export.model import Article
from export.records import Record

STYLESHEET = "style.css"
NAV = "nav.xhtml"
GLANCE = "glance.xhtml"
COVER_PAGE = "cover.xhtml"
COVER_ID = "cover-img"
XHTML = "application/xhtml+xml"
_DIGESTED = 1 << 16  # characters of a text encoded at once for a digest
GENERATOR = f"annotated-epub {__version__}"
ACCESSIBILITY = [
    ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityFeature", "annotations"),
    ("schema:accessibilityFeature", "ARIA"),
    ("schema:accessibilityHazard", "none"),
]


@dataclass(eq=False, repr=False)
class BookOptions(Record):
    """What the writer needs beyond the article: the stylesheet, whether claims were marked, the cover.

    ``cover`` None means a cover generated from the article.
    """

    stylesheet: bytes
    claims_marked: bool = True
    cover: CoverImage | None = None


def write_epub(article: Article, options: BookOptions) -> bytes:
    """The whole EPUB 3 file for ``article``, byte-identical for the same article and options."""
    cover = options.cover or generated_cover(article)
    image_name = f"cover.{cover.extension}"
    front = cover_page(article, COVER_PAGE, STYLESHEET, image_name, cover.description)
    documents = _content_documents(article, options, front)
    buffer = io.BytesIO()
    book = EpubContainer(buffer, book_timestamp(article))
    book.add(STYLESHEET, "text/css", options.stylesheet, item_id="style")
    book.add(image_name, cover.media_type, cover.content, item_id=COVER_ID, compress=False)
    for image in article.images:
        book.add(
            image_path(image.file_name),
            image.media_type,
            image.data,
            compress=image.media_type not in PRECOMPRESSED,
        )
    for document in documents:
        book.add(
            document.file_name,
            XHTML,
            document.content,
            properties="nav" if document.file_name == NAV else None,
        )
    text = next(document for document in documents if document.landmark == "bodymatter")
    labels = labels_for(article.language)
    book.finish(
        book_metadata(article),
        spine=[document.file_name for document in documents],
        toc=[_toc_entry(document) for document in documents if document.file_name not in (NAV, COVER_PAGE)],
        guide=[
            ("cover", labels("cover"), COVER_PAGE),
            ("toc", labels("contents"), NAV),
            ("text", text.title, text.file_name),
        ],
        cover_image=image_name,
    )
    return buffer.getvalue()


def _content_documents(article: Article, options: BookOptions, cover: Document) -> list[Document]:
    """Cover, title page, contents, chapters and appendices in reading (spine) order.

    A chapter's number in its note ids is its place in the spine after the cover: the title page is 1.
    """
    claim_count = None
    if options.claims_marked:
        claim_count = sum(len(paragraph.claims) for paragraph in article.paragraphs())
    glance = GLANCE if claim_count else None
    body = [article_chapter(article, 3, "article.xhtml", STYLESHEET, glance)]
    if article.videos:
        body.append(videos_chapter(article, 3 + len(body), "videos.xhtml", STYLESHEET, glance))
    back: list[Document] = []
    labels = labels_for(article.language)
    letters = iter("ABCDEFGH")

    def appendix_title(key: str) -> str:
        return labels("appendix", letter=next(letters), title=labels(key))

    if article.archive:
        title = appendix_title("appendix.archive")
        back.append(archive_appendix(article, "archive.xhtml", STYLESHEET, title))
    if article.thread.comments or article.thread.announced:
        title = appendix_title("appendix.comments")
        number = 3 + len(body) + len(back)
        back.append(comments_appendix(article, number, "comments.xhtml", STYLESHEET, title, glance))
    if glance:
        title = appendix_title("appendix.glance")
        back.append(glance_appendix(article, glance, STYLESHEET, title, [*body, *back]))
    if back:
        back[0].landmark = "backmatter"
    front = title_page(article, "titlepage.xhtml", STYLESHEET, claim_count)
    contents = nav_document(article, NAV, STYLESHEET, [front, *body, *back], cover)
    return [cover, front, contents, *body, *back]


def _toc_entry(document: Document) -> NavPoint:
    children = [NavPoint(title, href) for href, title in document.toc or []]
    return NavPoint(document.title, document.file_name, children)


def book_metadata(article: Article) -> PackageMetadata:
    """The package metadata of ``article``'s book: identifier, title, people, dates, accessibility."""
    labels = labels_for(article.language)
    return PackageMetadata(
        identifier=f"urn:uuid:{content_identifier(article)}",
        title=article.title,
        language=article.language,
        modified=book_timestamp(article),
        creators=[(person.name, "aut") for person in article.authors],
        contributors=[(person.name, "ctb") for person in article.contributors],
        date=article.published.isoformat() if article.published else None,
        publisher=article.site,
        source=article.source,
        description=_description(article, labels) or None,
        extra_meta=accessibility_metadata(labels, pictures=bool(article.images)),
        generator=GENERATOR,
    )


def accessibility_metadata(labels: Labels, pictures: bool) -> list[tuple[str, str]]:
    """The book-level accessibility properties and summary; ``pictures``: the text has pictures of its own."""
    summary = labels("accessibility") + (labels("accessibility.pictures") if pictures else "")
    return [*ACCESSIBILITY, ("schema:accessibilitySummary", summary)]


def _description(article: Article, labels: Labels) -> str:
    parts = []
    if article.standfirst:
        text = article.standfirst.text.strip()
        parts.append(text if text.endswith((".", "!", "?", "…")) else text + ".")
    if article.companion_title:
        parts.append(labels("description_report", title=article.companion_title))
    return " ".join(parts)


def content_identifier(article: Article) -> str:
    """A name-based (version 5 layout) UUID from the article's title, byline, date, source and text."""
    digest = hashlib.sha256()
    fields = [
        article.title,
        article.published.isoformat() if article.published else "",
        article.site or "",
        article.source or "",
        *(person.name for person in article.authors),
        *(paragraph.text for paragraph in article.body_paragraphs()),
    ]
    for field in fields:
        for start in range(0, len(field), _DIGESTED):  # a huge paragraph is never encoded whole
            digest.update(field[start : start + _DIGESTED].encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return identifier_from_digest(digest.digest())


def identifier_from_digest(digest: bytes) -> str:
    """A UUID in the name-based (version 5) layout from the first 16 bytes of a SHA-256 ``digest``."""
    raw = bytearray(digest[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50
    raw[8] = (raw[8] & 0x3F) | 0x80
    hexed = raw.hex()
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


def book_timestamp(article: Article) -> dt.datetime:
    """The article's last update, else its date, else SOURCE_DATE_EPOCH, else 1980-01-01 (zip's first day)."""
    return day_timestamp(article.updated or article.published)


def day_timestamp(day: dt.date | None) -> dt.datetime:
    """Midnight UTC of ``day``, else SOURCE_DATE_EPOCH, else 1980-01-01, within the years a zip can hold."""
    if day:
        return zip_time(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return zip_time(dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC))
    return EARLIEST_ZIP_TIME
