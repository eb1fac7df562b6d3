"""Several articles as one book, each a part with its chapters and its own appendices, written with the
anthology's machinery (``export.epub.anthology``): a title page and contents for the collection."""

from __future__ import annotations

import datetime as dt
import io

from export.epub.anthology import AnthologyBook, PostDocuments
from export.epub.appendices import archive_appendix, comments_appendix
from export.epub.blog_front import COLLECTION, FEED, AnthologyStats
from export.epub.chapters import article_chapter, videos_chapter
from export.epub.glance import glance_appendix
from export.epub.inline import address_key
from export.epub.labels import labels_for
from export.epub.package import STYLESHEET, BookOptions
from export.model import Article, Blog, Collection


def write_collection(collection: Collection, options: BookOptions) -> bytes:
    """The whole EPUB 3 file of ``collection``, byte-identical for the same articles in the same order."""
    bundled = bundled_places(collection.articles)
    arrangement = FEED if collection.origin == "feed" else COLLECTION
    buffer = io.BytesIO()
    book = AnthologyBook(buffer, collection_head(collection), options, arrangement, collection.site)
    stats = AnthologyStats(claims=0 if options.claims_marked else None)
    for index, article in enumerate(collection.articles, start=1):
        book.add_post(part_documents(article, index, bundled, options.claims_marked))
        comments, links = article.thread.counts()
        stats.posts += 1
        stats.comments += comments
        stats.links += links
        if stats.claims is not None:
            stats.claims += sum(len(paragraph.claims) for paragraph in article.paragraphs())
    dates = [article.published for article in collection.articles if article.published]
    stats.first, stats.last = (min(dates), max(dates)) if dates else (None, None)
    book.finish(stats)
    return buffer.getvalue()


def collection_head(collection: Collection) -> Blog:
    """What names the book, as a blog's head does: its title (given, else the one site all its articles
    come from, else "N articles"), description, address, language and owners."""
    title = collection.title
    if not title:
        sites = {article.site for article in collection.articles}
        site = sites.pop() if len(sites) == 1 else None
        title = site or labels_for(collection.language).count(len(collection.articles), "article")
    return Blog(
        title=title,
        description=collection.description,
        url=collection.url,
        language=collection.language,
        owners=collection.owners,
    )


def bundled_places(articles: list[Article]) -> dict[str, str]:
    """Where each article with an address begins in the book, by ``address_key``; the first of two alike."""
    places: dict[str, str] = {}
    for index, article in enumerate(articles, start=1):
        if article.source:
            places.setdefault(address_key(article.source), f"{_stem(index)}.xhtml#title")
    return places


def part_documents(
    article: Article, index: int, bundled: dict[str, str], claims_marked: bool
) -> PostDocuments:
    """Article number ``index`` as a part: its chapter (with its address) and video reports, then its
    archive list, comments and claims at a glance, each linking inside the book where ``bundled`` says."""
    stem = _stem(index)
    chapter_file, comments_file = f"{stem}.xhtml", f"{stem}-comments.xhtml"
    labels = labels_for(article.language)
    claims = claims_marked and any(paragraph.claims for paragraph in article.paragraphs())
    glance = f"{stem}-glance.xhtml" if claims else None
    count = len(article.thread.all_comments())
    link = (f"{comments_file}#comments", labels.count(count, "comment")) if count else None
    chapter = article_chapter(
        article, 1, chapter_file, STYLESHEET, glance, link, bundled=bundled, with_source=True
    )
    chapters = [chapter]
    if article.videos:
        videos = videos_chapter(article, 2, f"{stem}-videos.xhtml", STYLESHEET, glance, bundled=bundled)
        chapters.append(videos)
    appendices = []
    if article.archive:
        title = labels("appendix.archive")
        appendices.append(
            archive_appendix(article, f"{stem}-archive.xhtml", STYLESHEET, title, bundled=bundled)
        )
    if article.thread.comments or article.thread.announced:
        title = labels("comments_on", title=article.title)
        back = (f"{chapter_file}#title", labels("back_to", title=article.title))
        comments = comments_appendix(
            article, 3, comments_file, STYLESHEET, title, glance, article_link=back, bundled=bundled
        )
        appendices.append(comments)
    if glance:
        title = labels("appendix.glance")
        appendices.append(glance_appendix(article, glance, STYLESHEET, title, [*chapters, *appendices]))
    published = dt.datetime.combine(article.published, dt.time()) if article.published else None
    return PostDocuments(
        index=index,
        title=article.title,
        published=published,
        page=False,
        chapters=chapters,
        comments=None,
        comment_count=count,
        digest=b"",
        appendices=appendices,
        images=article.images,
    ).seal()


def _stem(index: int) -> str:
    return f"part-{index:03d}"
