"""A whole blog as one book, written as it streams in: posts as chapters, comments in the back matter; and
the same machinery for a collection of articles, each a part with its own appendices."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import urlsplit

from export.epub.appendices import comments_appendix
from export.epub.blocks import image_path
from export.epub.blog_front import (
    BLOG,
    AnthologyStats,
    Arrangement,
    BookEntry,
    anthology_title_page,
    contents_groups,
    write_contents,
)
from export.epub.chapters import article_chapter, videos_chapter
from export.epub.container import PRECOMPRESSED, EpubContainer, NavPoint, PackageMetadata
from export.epub.cover import CoverImage, cover_description, cover_page, generated_cover
from export.epub.document import Document
from export.epub.labels import labels_for
from export.epub.package import (
    COVER_PAGE,
    GENERATOR,
    NAV,
    STYLESHEET,
    XHTML,
    BookOptions,
    accessibility_metadata,
    day_timestamp,
    identifier_from_digest,
)
from export.model import Article, Blog, BlogPost, Image, Person

TITLE_PAGE = "titlepage.xhtml"


@dataclass
class PostDocuments:
    """One post's documents, rendered (perhaps in a worker process) and ready to package."""

    index: int
    title: str
    published: dt.datetime | None
    page: bool  # a page of the blog rather than a dated post
    chapters: list[Document]  # the post, then its video reports
    comments: Document | None  # for the back matter
    comment_count: int
    digest: bytes  # of what the post's documents say, for the book's identifier
    appendices: list[Document] = field(default_factory=list)  # its own, read right after its chapters
    images: list[Image] = field(default_factory=list)  # the pictures its documents show

    @property
    def documents(self) -> list[Document]:
        """Every document of the post, in the order they are packaged."""
        return [*self.chapters, *self.appendices, *([self.comments] if self.comments else [])]

    def seal(self) -> PostDocuments:
        """Set ``digest`` from what the documents say and the pictures hold; returns itself."""
        digest = hashlib.sha256()
        for document in self.documents:
            digest.update(document.content)
        for image in self.images:
            digest.update(image.data)
        self.digest = digest.digest()
        return self


def post_documents(post: BlogPost, index: int) -> PostDocuments:
    """The chapter (and video reports) of post number ``index`` and the appendix of its comments."""
    article = post.article
    stem = f"post-{index:05d}"
    chapter_file, comments_file = f"{stem}.xhtml", f"{stem}-comments.xhtml"
    count = len(article.thread.all_comments())
    labels = labels_for(article.language)
    link = (f"{comments_file}#comments", labels.count(count, "comment")) if count else None
    chapters = [article_chapter(article, index, chapter_file, STYLESHEET, comments_link=link)]
    if article.videos:
        chapters.append(videos_chapter(article, index, f"{stem}-videos.xhtml", STYLESHEET))
    comments = None
    if count:
        title = labels("comments_on", title=article.title)
        back = (f"{chapter_file}#title", labels("back_to", title=article.title))
        comments = comments_appendix(article, index, comments_file, STYLESHEET, title, article_link=back)
    return PostDocuments(
        index=index,
        title=article.title,
        published=post.info.published,
        page=post.info.kind == "page",
        chapters=chapters,
        comments=comments,
        comment_count=count,
        digest=b"",
        images=article.images,
    ).seal()


class AnthologyBook:
    """An EPUB of a whole blog (or a collection), its documents written into ``stream`` as the posts arrive.

    ``blog`` names the book; ``arrangement`` lays it out; ``publisher`` is the blog's title unless given.
    """

    def __init__(
        self,
        stream: BinaryIO,
        blog: Blog,
        options: BookOptions,
        arrangement: Arrangement = BLOG,
        publisher: str | None = None,
    ) -> None:
        self.blog = blog
        self.options = options
        self.arrangement = arrangement
        self.publisher = blog.title if arrangement is BLOG else publisher
        self.container = EpubContainer(stream, day_timestamp(None))
        self.container.add(STYLESHEET, "text/css", options.stylesheet)
        self.entries: list[BookEntry] = []
        self.images: set[str] = set()  # the pictures packaged so far, by file name (named by content)
        self.digest = hashlib.sha256(
            "\x1f".join([blog.title, blog.url or "", blog.description or ""]).encode("utf-8", "surrogatepass")
        )

    def add_post(self, documents: PostDocuments) -> None:
        """Package one post's documents and pictures; only a line of the contents is kept in memory."""
        for image in documents.images:
            if image.file_name not in self.images:
                self.images.add(image.file_name)
                name, compress = image_path(image.file_name), image.media_type not in PRECOMPRESSED
                self.container.add(name, image.media_type, image.data, compress=compress)
        for document in documents.documents:
            self.container.add(document.file_name, XHTML, document.content)
        self.digest.update(documents.digest)
        self.entries.append(
            BookEntry(
                title=documents.title,
                published=documents.published,
                page=documents.page,
                chapters=[(document.file_name, document.title) for document in documents.chapters],
                comments=documents.comments.file_name if documents.comments else None,
                comment_count=documents.comment_count,
                order=documents.index,
                appendices=[(document.file_name, document.title) for document in documents.appendices],
            )
        )

    def abandon(self) -> None:
        """Stop writing a book that failed; the caller throws its file away."""
        self.container.abandon()

    def finish(self, stats: AnthologyStats) -> None:
        """Write the cover, title page and contents, then the package document, and close the book."""
        arrangement = self.arrangement
        order = BookEntry.sort_key if arrangement.by_date else (lambda entry: entry.order)
        blog, entries = self.blog, sorted(self.entries, key=order)
        cover = self.options.cover or blog_cover(blog)
        image_name = f"cover.{cover.extension}"
        self.container.add(image_name, cover.media_type, cover.content, compress=False)
        front = cover_page(cover_article(blog), COVER_PAGE, STYLESHEET, image_name, cover.description)
        title = anthology_title_page(blog, stats, TITLE_PAGE, STYLESHEET, arrangement)
        labels = labels_for(blog.language)
        toc = contents_groups(entries, labels, arrangement)
        self.container.add(COVER_PAGE, XHTML, front.content)
        self.container.add(TITLE_PAGE, XHTML, title.content)
        self.container.add_xml(
            NAV,
            XHTML,
            lambda xml: write_contents(xml, blog, entries, toc, NAV, STYLESHEET, front, title, arrangement),
            doctype="<!DOCTYPE html>",
            properties="nav",
        )
        parts = [name for entry in entries for name in entry.files]
        back = [entry.comments for entry in entries if entry.comments]
        guide = [("cover", labels("cover"), COVER_PAGE), ("toc", labels("contents"), NAV)]
        if parts:
            guide.append(("text", entries[0].title, parts[0]))
        self.container.finish(
            self._metadata(entries),
            spine=[COVER_PAGE, TITLE_PAGE, NAV, *parts, *back],
            toc=[NavPoint(title.title, TITLE_PAGE), *toc],
            guide=guide,
            cover_image=image_name,
        )

    def _metadata(self, entries: list[BookEntry]) -> PackageMetadata:
        blog = self.blog
        dates = [entry.published for entry in entries if entry.published]
        last = max(dates).date() if dates else None
        return PackageMetadata(
            identifier=f"urn:uuid:{identifier_from_digest(self.digest.digest())}",
            title=blog.title,
            language=blog.language,
            modified=day_timestamp(last),
            creators=[(person.name, "aut") for person in blog.owners],
            date=min(dates).date().isoformat() if dates else None,
            publisher=self.publisher,
            source=blog.url,
            description=blog.description,
            extra_meta=accessibility_metadata(labels_for(blog.language), pictures=bool(self.images)),
            generator=GENERATOR,
        )


def blog_cover(blog: Blog) -> CoverImage:
    """A cover drawn for the whole blog: its address, its title and its owners; described as such."""
    article = cover_article(blog)
    cover = generated_cover(article)
    cover.description = cover_description(article)
    return cover


def cover_article(blog: Blog) -> Article:
    """The blog as an article for its cover and conversions: title, owners, and its address as the site."""
    site = urlsplit(blog.url).netloc if blog.url else None
    authors = [Person(owner.name) for owner in blog.owners]
    return Article(title=blog.title, authors=authors, site=site or None, language=blog.language)
