"""Packaging the book with ebooklib: metadata, manifest, spine, navigation, and a reproducible zip."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import zipfile
from dataclasses import dataclass

from ebooklib import epub

from export import __version__
from export.epub.appendices import archive_appendix, comments_appendix
from export.epub.blocks import image_path
from export.epub.chapters import article_chapter, videos_chapter
from export.epub.cover import CoverImage, cover_page, generated_cover
from export.epub.frontmatter import nav_document, title_page
from export.epub.glance import glance_appendix
from export.epub.xhtml import Document
from export.model import Article
from export.xmlchars import remove_xml_illegal

STYLESHEET = "style.css"
NAV = "nav.xhtml"
GLANCE = "glance.xhtml"
COVER_PAGE = "cover.xhtml"
COVER_ID = "cover-img"
XHTML = "application/xhtml+xml"
EARLIEST_ZIP_TIME = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
LATEST_ZIP_TIME = dt.datetime(2107, 12, 31, tzinfo=dt.UTC)  # a zip's year field ends there
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
PICTURES_SUMMARY = " The article's pictures carry its alternative text and captions."
SUMMARY = (
    "Text, with a cover picture that is also described in words; headings, a table of contents and "
    "landmarks for navigation. Speculative claims are "
    "marked in the text and explained in footnotes linked both ways; the text reflows and takes the "
    "reader's fonts and colours."
)


@dataclass
class BookOptions:
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
    front = cover_page(article, COVER_PAGE, STYLESHEET, image_name)
    documents = _content_documents(article, options, front)
    book = epub.EpubBook()
    _set_metadata(book, article)
    book.add_item(
        epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css", content=options.stylesheet)
    )
    image = epub.EpubCover(uid=COVER_ID, file_name=image_name)
    image.media_type, image.content = cover.media_type, cover.content
    book.add_item(image)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": COVER_ID})
    text = next(document for document in documents if document.landmark == "bodymatter")
    book.guide = [
        {"type": "cover", "href": COVER_PAGE, "title": "Cover"},
        {"type": "toc", "href": NAV, "title": "Contents"},
        {"type": "text", "href": text.file_name, "title": text.title},
    ]
    for image in article.images:
        book.add_item(
            epub.EpubItem(
                uid=f"image-{image.file_name.rsplit('.', 1)[0]}",
                file_name=image_path(image.file_name),
                media_type=image.media_type,
                content=image.data,
            )
        )
    for document in documents:
        item = epub.EpubItem(
            uid=document.file_name.removesuffix(".xhtml"),
            file_name=document.file_name,
            media_type=XHTML,
            content=document.content,
        )
        if document.file_name == NAV:
            item.properties = ["nav"]
        book.add_item(item)
        book.spine.append(item)
    book.add_item(epub.EpubNcx())
    book.toc = [_toc_entry(document) for document in documents if document.file_name not in (NAV, COVER_PAGE)]
    modified = book_timestamp(article)
    buffer = io.BytesIO()
    writer = _Writer(
        buffer,
        book,
        {
            "mtime": modified,
            "epub2_guide": True,
            "epub3_landmark": False,
            "epub3_pages": False,
            "raise_exceptions": True,
        },
    )
    writer.process()
    writer.write()
    return _reproducible_zip(buffer.getvalue(), modified)


class _Writer(epub.EpubWriter):
    """ebooklib's writer, also giving the package element the book's language (as DAISY Ace asks)."""

    def _write_opf_metadata(self, root) -> None:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", self.book.language)
        super()._write_opf_metadata(root)


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
    letters = iter("ABCDEFGH")
    if article.archive:
        title = f"Appendix {next(letters)}: From the archives"
        back.append(archive_appendix(article, "archive.xhtml", STYLESHEET, title))
    if article.thread.comments or article.thread.announced:
        title = f"Appendix {next(letters)}: Comments"
        number = 3 + len(body) + len(back)
        back.append(comments_appendix(article, number, "comments.xhtml", STYLESHEET, title, glance))
    if glance:
        title = f"Appendix {next(letters)}: Claims at a glance"
        back.append(glance_appendix(article, glance, STYLESHEET, title, [*body, *back]))
    if back:
        back[0].landmark = "backmatter"
    front = title_page(article, "titlepage.xhtml", STYLESHEET, claim_count)
    contents = nav_document(article, NAV, STYLESHEET, [front, *body, *back], cover)
    return [cover, front, contents, *body, *back]


def _toc_entry(document: Document):
    link = epub.Link(
        document.file_name, remove_xml_illegal(document.title), document.file_name.removesuffix(".xhtml")
    )
    if not document.toc:
        return link
    children = [
        epub.Link(href, remove_xml_illegal(title), href.replace(".xhtml#", "-"))
        for href, title in document.toc
    ]
    return (link, children)


def _set_metadata(book: epub.EpubBook, article: Article) -> None:
    book.set_identifier(f"urn:uuid:{content_identifier(article)}")
    book.set_title(remove_xml_illegal(article.title))
    book.set_language(article.language)
    book.set_unique_metadata(
        "OPF", "generator", "", {"name": "generator", "content": f"annotated-epub {__version__}"}
    )
    for index, person in enumerate(article.authors, start=1):
        book.add_author(remove_xml_illegal(person.name), role="aut", uid=f"creator{index}")
    for index, person in enumerate(article.contributors, start=1):
        book.add_metadata("DC", "contributor", remove_xml_illegal(person.name), {"id": f"contributor{index}"})
        book.add_metadata(
            None,
            "meta",
            "ctb",
            {"refines": f"#contributor{index}", "property": "role", "scheme": "marc:relators"},
        )
    if article.published:
        book.add_metadata("DC", "date", article.published.isoformat())
    if article.site:
        book.add_metadata("DC", "publisher", remove_xml_illegal(article.site))
    if article.source:
        book.add_metadata("DC", "source", remove_xml_illegal(article.source))
    description = _description(article)
    if description:
        book.add_metadata("DC", "description", remove_xml_illegal(description))
    for prop, value in ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": prop})
    summary = SUMMARY + (PICTURES_SUMMARY if article.images else "")
    book.add_metadata(None, "meta", summary, {"property": "schema:accessibilitySummary"})


def _description(article: Article) -> str:
    parts = []
    if article.standfirst:
        text = article.standfirst.text.strip()
        parts.append(text if text.endswith((".", "!", "?", "…")) else text + ".")
    if article.companion_title:
        parts.append(f"With the report “{article.companion_title}”.")
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
        digest.update(field.encode("utf-8", "surrogatepass") + b"\x1f")
    raw = bytearray(digest.digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50
    raw[8] = (raw[8] & 0x3F) | 0x80
    hexed = raw.hex()
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


def book_timestamp(article: Article) -> dt.datetime:
    """The article's last update, else its date, else SOURCE_DATE_EPOCH, else 1980-01-01 (zip's first day)."""
    day = article.updated or article.published
    if day:
        stamp = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        return min(max(stamp, EARLIEST_ZIP_TIME), LATEST_ZIP_TIME)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return max(dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC), EARLIEST_ZIP_TIME)
    return EARLIEST_ZIP_TIME


def _reproducible_zip(raw: bytes, when: dt.datetime) -> bytes:
    """The same entries with fixed times and modes; ``mimetype`` first and stored."""
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
