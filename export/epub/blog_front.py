"""An anthology's front matter: its title page and its contents, posts grouped by year and month."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from lxml import etree

from export import __version__
from export.epub.container import NavPoint
from export.epub.frontmatter import claims_statement, colophon_claims
from export.epub.xhtml import (
    EPUB_TYPE,
    NSMAP,
    XHTML_NS,
    XML_LANG,
    Document,
    add,
    add_date,
    append_text,
    new_document,
    serialize,
)
from export.model import Blog
from export.months import MONTHS
from export.words import count_of
from export.xmlchars import remove_xml_illegal

UNDATED = "Undated"


@dataclass
class BookEntry:
    """One post as the contents list it: its title, date and documents."""

    title: str
    published: dt.datetime | None
    page: bool
    chapters: list[tuple[str, str]]  # (file name, title): the post, then its video reports
    comments: str | None
    comment_count: int
    order: int  # its place in the export

    def sort_key(self) -> tuple:
        """Pages first in export order, then posts by date, undated posts last."""
        if self.page:
            return (0, dt.datetime.min, self.order)
        return (1, self.published or dt.datetime.max, self.order)


@dataclass
class AnthologyStats:
    """What the title page says of the book's contents."""

    posts: int = 0
    pages: int = 0
    comments: int = 0
    links: int = 0  # pingbacks and trackbacks, counted apart from readers' comments
    claims: int | None = None  # None when claims were not marked
    first: dt.date | None = None
    last: dt.date | None = None
    skipped: list[str] = field(default_factory=list)  # "3 drafts", "2 attachments", ...


def anthology_title_page(blog: Blog, stats: AnthologyStats, file_name: str, stylesheet: str) -> Document:
    """The blog's title, description and owners, and what the book holds of it."""
    html, body = new_document(blog.title, blog.language, stylesheet, body_type="frontmatter")
    page = add(body, "section", class_="titlepage", epub_type="titlepage", aria_labelledby="book-title")
    add(page, "h1", blog.title, id="book-title", class_="book-title")
    if blog.description:
        add(page, "p", blog.description, class_="companion")
    if blog.owners:
        add(page, "p", ", ".join(person.name for person in blog.owners), class_="book-authors")
    facts = add(page, "dl", class_="provenance")
    if blog.url:
        add(facts, "dt", "Source")
        add(facts, "dd", blog.url)
    add(facts, "dt", "Contents")
    parts = [count_of(stats.posts, "post"), count_of(stats.comments, "comment")]
    if stats.links:
        parts.append(count_of(stats.links, "pingback or trackback", "pingbacks and trackbacks"))
    if stats.pages:
        parts.insert(1, count_of(stats.pages, "page"))
    add(facts, "dd", ", ".join(parts))
    if stats.first and stats.last:
        add(facts, "dt", "Period")
        period = add(facts, "dd")
        add_date(period, stats.first)
        if stats.last != stats.first:
            append_text(period, " – ")
            add_date(period, stats.last)
    add(facts, "dt", "Speculative claims")
    add(facts, "dd", claims_statement(stats.claims))
    if stats.skipped:
        add(facts, "dt", "Left out")
        add(facts, "dd", ", ".join(stats.skipped))
    add(
        page,
        "p",
        f"Made with annotated-epub {__version__} from the blog’s WordPress export."
        + colophon_claims(stats.claims),
        class_="colophon",
    )
    return Document(file_name, "Title page", serialize(html), landmark="titlepage")


def write_contents(
    xml: etree.xmlfile,
    blog: Blog,
    entries: list[BookEntry],
    groups: list[NavPoint],
    file_name: str,
    stylesheet: str,
    cover: Document,
    title_page: Document,
) -> None:
    """The navigation document (pages, posts by year and month, comments), written entry by entry."""
    html, body = new_document("Contents", blog.language, stylesheet)
    # The incremental writer would bind the xml namespace to a new prefix: the attribute is named as written.
    attributes = {name.replace(XML_LANG, "xml:lang"): value for name, value in html.attrib.items()}
    with xml.element(html.tag, attributes, nsmap=NSMAP):
        xml.write(html[0])  # the head
        with xml.element(body.tag):
            toc = {"id": "toc", EPUB_TYPE: "toc", "role": "doc-toc", "aria-labelledby": "toc-title"}
            with xml.element(_tag("nav"), toc):
                xml.write(_small(lambda parent: add(parent, "h1", "Contents", id="toc-title")))
                with xml.element(_tag("ol")):
                    _write_entry(xml, NavPoint(title_page.title, title_page.file_name))
                    for point in groups:
                        _write_entry(xml, point)
            xml.write(_small(lambda parent: _landmarks(parent, entries, file_name, cover, title_page)))


def _landmarks(parent, entries: list[BookEntry], file_name: str, cover: Document, title_page: Document):
    landmarks = add(parent, "nav", epub_type="landmarks", id="landmarks", hidden="hidden")
    add(landmarks, "h2", "Landmarks")
    marks = add(landmarks, "ol")
    add(add(marks, "li"), "a", cover.title, href=cover.file_name, epub_type="cover")
    add(add(marks, "li"), "a", "Contents", href=f"{file_name}#toc", epub_type="toc")
    add(add(marks, "li"), "a", title_page.title, href=title_page.file_name, epub_type="titlepage")
    first_chapter = next((entry.chapters[0][0] for entry in entries), None)
    if first_chapter:
        add(add(marks, "li"), "a", "Posts", href=first_chapter, epub_type="bodymatter")
    first_comments = next((entry.comments for entry in entries if entry.comments), None)
    if first_comments:
        add(add(marks, "li"), "a", "Comments", href=first_comments, epub_type="backmatter")
    return landmarks


def _small(build) -> etree._Element:
    """A short run of markup built as a tree (under a throwaway parent) and returned for writing whole."""
    holder = etree.Element(_tag("div"), nsmap=NSMAP)
    return build(holder)


def _tag(name: str) -> str:
    return f"{{{XHTML_NS}}}{name}"


def contents_groups(entries: list[BookEntry]) -> list[NavPoint]:
    """The contents' top entries: pages, posts by year and month, then every post's comments by year."""
    points: list[NavPoint] = []
    pages = [entry for entry in entries if entry.page]
    if pages:
        points.append(_group("Pages", [_post_point(entry) for entry in pages]))
    posts = [entry for entry in entries if not entry.page]
    for year, in_year in itertools.groupby(posts, key=_year):
        months = [
            _group(month, [_post_point(entry) for entry in in_month])
            for month, in_month in itertools.groupby(in_year, key=_month)
        ]
        points.append(_group(year, months) if year != UNDATED else months[0])
    with_comments = [entry for entry in entries if entry.comments]
    if with_comments:
        years = [
            _group(year, [_comments_point(entry) for entry in in_year])
            for year, in_year in itertools.groupby(with_comments, key=_year)
        ]
        points.append(_group("Comments", years))
    return points


def _group(title: str, children: list[NavPoint]) -> NavPoint:
    """A heading of the contents; it leads to its first entry, as the NCX needs a target for each point."""
    return NavPoint(title, children[0].href, children)


def _post_point(entry: BookEntry) -> NavPoint:
    file_name, _ = entry.chapters[0]
    videos = [NavPoint(title, name) for name, title in entry.chapters[1:]]
    return NavPoint(entry.title, file_name, videos)


def _comments_point(entry: BookEntry) -> NavPoint:
    return NavPoint(f"{entry.title} ({count_of(entry.comment_count, 'comment')})", entry.comments or "")


def _year(entry: BookEntry) -> str:
    if entry.page:
        return "Pages"
    return str(entry.published.year) if entry.published else UNDATED


def _month(entry: BookEntry) -> str:
    if not entry.published:
        return UNDATED
    return f"{MONTHS[entry.published.month - 1]} {entry.published.year}"


def _write_entry(xml: etree.xmlfile, point: NavPoint) -> None:
    with xml.element(_tag("li")):
        with xml.element(_tag("a"), href=point.href):
            xml.write(remove_xml_illegal(point.title))
        if point.children:
            with xml.element(_tag("ol")):
                for child in point.children:
                    _write_entry(xml, child)
