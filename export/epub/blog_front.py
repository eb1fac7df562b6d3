"""An anthology's front matter: its title page and its contents, a blog's posts grouped by year and month,
a collection's articles in the order given."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from lxml import etree

from export import __version__
from export.epub.container import NavPoint
from export.epub.document import Document
from export.epub.frontmatter import add_fact, claims_statement, colophon_claims
from export.epub.labels import Labels, labels_for
from export.epub.xhtml import (
    EPUB_TYPE,
    NSMAP,
    XHTML_NS,
    XML_LANG,
    add,
    add_date,
    append_text,
    new_document,
    serialize,
)
from export.model import Blog
from export.xmlchars import remove_xml_illegal


@dataclass(frozen=True)
class Arrangement:
    """How an anthology lays out its parts and what it calls them.

    A blog (``by_date``): pages, then posts by year and month, every post's comments in the back matter.
    A collection: its articles in the order given, each followed by its own appendices.
    """

    by_date: bool
    noun: str  # what the title page counts: "post" or "article" (a key of labels.tsv)
    colophon: str  # the colophon's label
    landmark: str  # the label of the body matter's landmark


BLOG = Arrangement(True, "post", "made_with_blog", "posts")
COLLECTION = Arrangement(False, "article", "made_with_collection", "articles")
FEED = Arrangement(False, "article", "made_with_feed", "articles")


@dataclass
class BookEntry:
    """One post as the contents list it: its title, date and documents."""

    title: str
    published: dt.datetime | None
    page: bool
    chapters: list[tuple[str, str]]  # (file name, title): the post, then its video reports
    comments: str | None  # the post's comments in the back matter
    comment_count: int
    order: int  # its place in the export
    appendices: list[tuple[str, str]] = field(default_factory=list)  # (file name, title), after its chapters

    @property
    def files(self) -> list[str]:
        """The entry's chapters and its own appendices, in reading order (comments in the back apart)."""
        return [name for name, _ in [*self.chapters, *self.appendices]]

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
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (3, "draft", "drafts"), ...


def anthology_title_page(
    blog: Blog, stats: AnthologyStats, file_name: str, stylesheet: str, arrangement: Arrangement = BLOG
) -> Document:
    """The blog's title, description and owners, and what the book holds of it."""
    labels = labels_for(blog.language)
    html, body = new_document(blog.title, blog.language, stylesheet, body_type="frontmatter")
    page = add(body, "section", class_="titlepage", epub_type="titlepage", aria_labelledby="book-title")
    add(page, "h1", blog.title, id="book-title", class_="book-title")
    if blog.description:
        add(page, "p", blog.description, class_="companion")
    if blog.owners:
        add(page, "p", ", ".join(person.name for person in blog.owners), class_="book-authors")
    facts = add(page, "dl", class_="provenance")
    if blog.url:
        add_fact(facts, labels("source"), blog.url)
    parts = [labels.count(stats.posts, arrangement.noun), labels.count(stats.comments, "comment")]
    if stats.links:
        parts.append(labels.count(stats.links, "link"))
    if stats.pages:
        parts.insert(1, labels.count(stats.pages, "page"))
    add_fact(facts, labels("contents"), ", ".join(parts))
    if stats.first and stats.last:
        period = add_fact(facts, labels("period"))
        add_date(period, stats.first, labels)
        if stats.last != stats.first:
            append_text(period, " – ")
            add_date(period, stats.last, labels)
    add_fact(facts, labels("speculative_claims"), claims_statement(stats.claims, labels))
    if stats.skipped:
        skipped = ", ".join(labels.left_out(*reason) for reason in stats.skipped)
        add_fact(facts, labels("left_out"), skipped)
    colophon = labels(arrangement.colophon, version=__version__) + colophon_claims(stats.claims, labels)
    add(page, "p", colophon, class_="colophon")
    return Document(file_name, labels("title_page"), serialize(html), landmark="titlepage")


def write_contents(
    xml: etree.xmlfile,
    blog: Blog,
    entries: list[BookEntry],
    groups: list[NavPoint],
    file_name: str,
    stylesheet: str,
    cover: Document,
    title_page: Document,
    arrangement: Arrangement = BLOG,
) -> None:
    """The navigation document (pages, posts by year and month, comments), written entry by entry."""
    labels = labels_for(blog.language)
    html, body = new_document(labels("contents"), blog.language, stylesheet)
    # The incremental writer would bind the xml namespace to a new prefix: the attribute is named as written.
    attributes = {name.replace(XML_LANG, "xml:lang"): value for name, value in html.attrib.items()}
    with xml.element(html.tag, attributes, nsmap=NSMAP):
        xml.write(html[0])  # the head
        with xml.element(body.tag):
            toc = {"id": "toc", EPUB_TYPE: "toc", "role": "doc-toc", "aria-labelledby": "toc-title"}
            with xml.element(_tag("nav"), toc):
                xml.write(_small(lambda parent: add(parent, "h1", labels("contents"), id="toc-title")))
                with xml.element(_tag("ol")):
                    _write_entry(xml, NavPoint(title_page.title, title_page.file_name))
                    for point in groups:
                        _write_entry(xml, point)
            marks = _small(
                lambda parent: _landmarks(parent, entries, file_name, cover, title_page, labels, arrangement)
            )
            xml.write(marks)


def _landmarks(
    parent,
    entries: list[BookEntry],
    file_name: str,
    cover: Document,
    title_page: Document,
    labels: Labels,
    arrangement: Arrangement,
):
    landmarks = add(parent, "nav", epub_type="landmarks", id="landmarks", hidden="hidden")
    add(landmarks, "h2", labels("landmarks"))
    marks = add(landmarks, "ol")
    add(add(marks, "li"), "a", cover.title, href=cover.file_name, epub_type="cover")
    add(add(marks, "li"), "a", labels("contents"), href=f"{file_name}#toc", epub_type="toc")
    add(add(marks, "li"), "a", title_page.title, href=title_page.file_name, epub_type="titlepage")
    first_chapter = next((entry.chapters[0][0] for entry in entries), None)
    if first_chapter:
        add(add(marks, "li"), "a", labels(arrangement.landmark), href=first_chapter, epub_type="bodymatter")
    first_comments = next((entry.comments for entry in entries if entry.comments), None)
    if first_comments:
        add(add(marks, "li"), "a", labels("comments"), href=first_comments, epub_type="backmatter")
    return landmarks


def _small(build) -> etree._Element:
    """A short run of markup built as a tree (under a throwaway parent) and returned for writing whole."""
    holder = etree.Element(_tag("div"), nsmap=NSMAP)
    return build(holder)


def _tag(name: str) -> str:
    return f"{{{XHTML_NS}}}{name}"


def contents_groups(
    entries: list[BookEntry], labels: Labels, arrangement: Arrangement = BLOG
) -> list[NavPoint]:
    """The contents' top entries: pages, posts by year and month, then every post's comments by year; or
    a collection's articles in order, each with its chapters and appendices under it."""
    if not arrangement.by_date:
        return [_part_point(entry) for entry in entries]
    points: list[NavPoint] = []
    pages = [entry for entry in entries if entry.page]
    if pages:
        points.append(_group(labels("pages"), [_post_point(entry) for entry in pages]))
    posts = [entry for entry in entries if not entry.page]
    for year, in_year in itertools.groupby(posts, key=lambda entry: _year(entry, labels)):
        months = [
            _group(month, [_post_point(entry) for entry in in_month])
            for month, in_month in itertools.groupby(in_year, key=lambda entry: _month(entry, labels))
        ]
        points.append(_group(year, months) if year != labels("undated") else months[0])
    with_comments = [entry for entry in entries if entry.comments]
    if with_comments:
        years = [
            _group(year, [_comments_point(entry, labels) for entry in in_year])
            for year, in_year in itertools.groupby(with_comments, key=lambda entry: _year(entry, labels))
        ]
        points.append(_group(labels("comments"), years))
    return points


def _group(title: str, children: list[NavPoint]) -> NavPoint:
    """A heading of the contents; it leads to its first entry, as the NCX needs a target for each point."""
    return NavPoint(title, children[0].href, children)


def _post_point(entry: BookEntry) -> NavPoint:
    file_name, _ = entry.chapters[0]
    videos = [NavPoint(title, name) for name, title in entry.chapters[1:]]
    return NavPoint(entry.title, file_name, videos)


def _part_point(entry: BookEntry) -> NavPoint:
    file_name, _ = entry.chapters[0]
    rest = [*entry.chapters[1:], *entry.appendices]
    return NavPoint(entry.title, file_name, [NavPoint(title, name) for name, title in rest])


def _comments_point(entry: BookEntry, labels: Labels) -> NavPoint:
    count = labels.count(entry.comment_count, "comment")
    return NavPoint(f"{entry.title} ({count})", entry.comments or "")


def _year(entry: BookEntry, labels: Labels) -> str:
    if entry.page:
        return labels("pages")
    return str(entry.published.year) if entry.published else labels("undated")


def _month(entry: BookEntry, labels: Labels) -> str:
    return labels.month_year(entry.published) if entry.published else labels("undated")


def _write_entry(xml: etree.xmlfile, point: NavPoint) -> None:
    with xml.element(_tag("li")):
        with xml.element(_tag("a"), href=point.href):
            xml.write(remove_xml_illegal(point.title))
        if point.children:
            with xml.element(_tag("ol")):
                for child in point.children:
                    _write_entry(xml, child)
