"""The book's reading chapters: the article itself and the video reports that go with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from export.epub.article_notes import ArticleNotes
from export.epub.blocks import write_blocks
from export.epub.document import Document
from export.epub.inline import book_link
from export.epub.labels import Labels, labels_for
from export.epub.notes import ChapterNotes
from export.epub.xhtml import Streamed, add, add_date, append_text, new_document, serialize
from export.model import Article, Picture, VideoReport


def article_chapter(
    article: Article,
    number: int,
    file_name: str,
    stylesheet: str,
    glance: str | None = None,
    comments_link: tuple[str, str] | None = None,
    *,
    bundled: Mapping[str, str] | None = None,
    with_source: bool = False,
) -> Document:
    """The article: header with byline and dates, picture caption, standfirst, body, bio, notes.

    ``comments_link`` (href, text) ends the chapter with a link to the article's comments; ``bundled``
    leads links to the other articles of the book there; ``with_source`` names the article's address
    under its byline (in a book of several articles, whose title page cannot).
    """
    labels = labels_for(article.language)
    html, body = new_document(article.title, article.language, stylesheet, body_type="bodymatter")
    article_notes = ArticleNotes(article.footnotes, labels)
    stream = Streamed()  # a long article's blocks, paragraphs and notes are serialized as they are written
    notes = ChapterNotes(number, glance, article_notes, labels=labels, bundled=bundled, stream=stream)
    chapter = add(body, "section", epub_type="chapter", role="doc-chapter", aria_labelledby="title")
    header = add(chapter, "header")
    add(header, "h1", article.title, id="title")
    _add_byline(header, article, labels)
    if with_source and article.source:
        line = add(header, "p", f"{labels('source')}: ", class_="source")
        address = book_link(article.source)  # a file's name (a plain-text copy's) is no link
        if address:
            add(line, "a", article.source, href=address)
        else:
            append_text(line, article.source)
    if article.figure and (article.figure.caption or article.figure.credit):
        figure = add(chapter, "figure", class_="picture")
        add(figure, "p", labels("page_picture_missing"), class_="picture-missing")
        caption = add(figure, "figcaption", article.figure.caption)
        if article.figure.credit:
            if article.figure.caption:
                add(caption, "br")  # the credit on a line of its own, whatever the style
            add(caption, "span", article.figure.credit, class_="credit")
    if article.standfirst:
        notes.paragraph(chapter, article.standfirst, class_="standfirst")
    absent = _only_absent_pictures(article)
    if absent is not None:
        key, alt = ("only_picture_alt", absent) if absent else ("only_picture", "")
        add(chapter, "p", labels(key, alt=alt), class_="picture-missing")
    for section in article.sections if absent is None else []:
        parent = chapter
        if section.title:
            parent = add(chapter, "section")
            add(parent, "h2", section.title)
        for block in section.blocks:
            write_blocks(parent, [block], notes, top_heading=2)
            stream.flush(parent)
    if article.bio:
        bio = add(chapter, "section", class_="bio", aria_labelledby="about-author")
        add(bio, "h2", labels("about_author"), id="about-author")
        for paragraph in article.bio:
            notes.paragraph(bio, paragraph)
    if not article.videos:
        _add_editor_notes(chapter, article.editor_notes, labels)
    if comments_link:
        add(add(chapter, "p", class_="comments-link"), "a", comments_link[1], href=comments_link[0])
    article_notes.write_section(body, notes.paragraph)
    notes.write_section(body)
    content = stream.serialize(html)
    return Document(file_name, article.title, content, landmark="bodymatter", claims=notes.placed)


def _only_absent_pictures(article: Article) -> str | None:
    """When the article's text is nothing but pictures this copy lacks, their alternative text ("" for
    none); None otherwise."""
    blocks = [block for section in article.sections for block in section.blocks]
    pictures = [block for block in blocks if isinstance(block, Picture)]
    if not blocks or len(pictures) < len(blocks) or any(section.title for section in article.sections):
        return None
    if any(picture.image or picture.caption for picture in pictures):
        return None
    return "; ".join(picture.alt for picture in pictures if picture.alt)


def _add_byline(header, article: Article, labels: Labels) -> None:
    for person in article.authors:
        byline = add(header, "p", labels("byline"), class_="byline")
        add(byline, "span", person.name, class_="author")
        if person.role:
            add(byline, "br")
            add(byline, "span", person.role, class_="role")
    if article.contributors:
        names = ", ".join(person.name for person in article.contributors)
        add(header, "p", labels("with_people", names=names), class_="contributors")
    if article.published:
        dateline = add(header, "p", class_="dateline")
        if article.site:
            append_text(dateline, f"{article.site}, ")
        add_date(dateline, article.published, labels)
    if article.updated and not any(video.added_on for video in article.videos):
        _add_update_note(header, article.updated, labels)
    for venue in article.crossposted_at:
        add(header, "p", labels("crossposted", venue=venue), class_="crosspost")


def videos_chapter(
    article: Article,
    number: int,
    file_name: str,
    stylesheet: str,
    glance: str | None = None,
    *,
    bundled: Mapping[str, str] | None = None,
) -> Document:
    """The video reports, each a section with its channel, date and description, after the editor's note."""
    labels = labels_for(article.language)
    title = labels("video_reports")
    html, body = new_document(title, article.language, stylesheet, body_type="bodymatter")
    notes = ChapterNotes(number, glance, labels=labels, bundled=bundled)
    chapter = add(body, "section", epub_type="chapter", role="doc-chapter", aria_labelledby="videos")
    add(chapter, "h1", title, id="videos")
    _add_editor_notes(chapter, article.editor_notes, labels)
    toc: list[tuple[str, str]] = []
    previous_update = None
    for index, video in enumerate(article.videos, start=1):
        if video.added_on and video.added_on != previous_update:
            _add_update_note(chapter, video.added_on, labels)
        previous_update = video.added_on
        anchor = f"video-{index}"
        _add_video(chapter, video, anchor, notes, labels)
        toc.append((f"{file_name}#{anchor}", video.title))
    notes.write_section(body)
    return Document(file_name, title, serialize(html), toc=toc, claims=notes.placed)


def _add_editor_notes(parent, notes: list[str], labels: Labels) -> None:
    for note in notes:
        add(parent, "p", labels("editor_note", note=note), class_="editor-note")


def _add_update_note(parent, date: dt.date, labels: Labels) -> None:
    add_date(add(parent, "p", labels("updated_on"), class_="update-note"), date, labels)


def _add_video(parent, video: VideoReport, anchor: str, notes: ChapterNotes, labels: Labels) -> None:
    section = add(parent, "section", class_="video", id=anchor, aria_labelledby=f"{anchor}-title")
    add(section, "h2", video.title, id=f"{anchor}-title")
    if video.channel or video.published:
        meta = add(section, "p", class_="video-meta")
        if video.channel:
            append_text(meta, video.channel)
        if video.channel and video.published:
            append_text(meta, ", ")
        if video.published:
            add_date(meta, video.published, labels)
    for paragraph in video.description:
        notes.paragraph(section, paragraph)
    if video.url:
        link = add(section, "p", labels("watch_report"), class_="video-link")
        add(link, "a", video.url, href=video.url)
    else:
        add(section, "p", labels("video_missing"), class_="video-missing")
