"""The front matter: the title page with the article's provenance, and the navigation document."""

from __future__ import annotations

from lxml import etree

from export import __version__
from export.epub.document import Document
from export.epub.labels import Labels, labels_for
from export.epub.xhtml import add, add_date, append_text, new_document, serialize
from export.model import Article


def title_page(article: Article, file_name: str, stylesheet: str, claim_count: int | None) -> Document:
    """Title, authors, and where and when the article appeared; ``claim_count`` None means claims were off."""
    labels = labels_for(article.language)
    html, body = new_document(article.title, article.language, stylesheet, body_type="frontmatter")
    page = add(body, "section", class_="titlepage", epub_type="titlepage", aria_labelledby="book-title")
    add(page, "h1", article.title, id="book-title", class_="book-title")
    if article.companion_title:
        add(page, "p", labels("with_report", title=article.companion_title), class_="companion")
    if article.authors:
        add(page, "p", ", ".join(person.name for person in article.authors), class_="book-authors")
    if article.contributors:
        names = ", ".join(person.name for person in article.contributors)
        add(page, "p", labels("with_people", names=names), class_="book-contributors")
    facts = add(page, "dl", class_="provenance")
    if article.site or article.published:
        value = add_fact(facts, labels("published"))
        if article.site:
            append_text(value, article.site + (", " if article.published else ""))
        if article.published:
            add_date(value, article.published, labels)
    if article.updated:
        add_date(add_fact(facts, labels("updated")), article.updated, labels)
    if article.crossposted_at:
        add_fact(facts, labels("crossposted_at"), ", ".join(article.crossposted_at))
    if article.source:
        add_fact(facts, labels("source"), article.source)
    add_fact(facts, labels("speculative_claims"), claims_statement(claim_count, labels))
    colophon = labels("made_with", version=__version__) + colophon_claims(claim_count, labels)
    add(page, "p", colophon, class_="colophon")
    return Document(file_name, labels("title_page"), serialize(html), landmark="titlepage")


def add_fact(facts: etree._Element, term: str, value: str | None = None) -> etree._Element:
    """Append a term and its value to the title page's list, grouped so that no page break parts them;
    returns the value's ``dd``."""
    group = add(facts, "div", class_="fact")
    add(group, "dt", term)
    return add(group, "dd", value)


def colophon_claims(claim_count: int | None, labels: Labels) -> str:
    """The colophon's word on the claim detector; nothing when the book's claims were not marked."""
    return "" if claim_count is None else " " + labels("colophon_claims")


def claims_statement(claim_count: int | None, labels: Labels) -> str:
    """What the title page says of the claims marked: none, how many, or that they were not looked for."""
    if claim_count is None:
        return labels("claims.off")
    return labels("claims.none") if claim_count == 0 else labels.count(claim_count, "claims_marked")


def nav_document(
    article: Article,
    file_name: str,
    stylesheet: str,
    documents: list[Document],
    cover: Document | None = None,
) -> Document:
    """The EPUB 3 navigation document: table of contents and landmarks (the cover a landmark only)."""
    labels = labels_for(article.language)
    html, body = new_document(labels("contents"), article.language, stylesheet)
    toc = add(body, "nav", epub_type="toc", id="toc", role="doc-toc", aria_labelledby="toc-title")
    add(toc, "h1", labels("contents"), id="toc-title")
    entries = add(toc, "ol")
    for document in documents:
        entry = add(entries, "li")
        add(entry, "a", document.title, href=document.file_name)
        if document.toc:
            children = add(entry, "ol")
            for href, title in document.toc:
                add(add(children, "li"), "a", title, href=href)
    landmarks = add(body, "nav", epub_type="landmarks", id="landmarks", hidden="hidden")
    add(landmarks, "h2", labels("landmarks"))
    marks = add(landmarks, "ol")
    if cover:
        add(add(marks, "li"), "a", cover.title, href=cover.file_name, epub_type=cover.landmark)
    add(add(marks, "li"), "a", labels("contents"), href=f"{file_name}#toc", epub_type="toc")
    for document in documents:
        if document.landmark:
            add(add(marks, "li"), "a", document.title, href=document.file_name, epub_type=document.landmark)
    return Document(file_name, labels("contents"), serialize(html))
