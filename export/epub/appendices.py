"""The back matter: the archive list and the comment thread."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from export.epub.blocks import write_blocks
from export.epub.document import Document
from export.epub.inline import address_key
from export.epub.labels import Labels, labels_for
from export.epub.notes import ChapterNotes
from export.epub.xhtml import add, add_copy, add_date, append_text, new_document, serialize, set_text
from export.model import Article, Comment, CommentThread
from export.records import Record

# Replies nest (and indent) this many levels deep at most; deeper ones say whom they answer.
INDENTED_LEVELS = 4
COMMENT_HEADING = 3  # a comment's own highest heading, under the appendix's h1 and its parts' h2


def archive_appendix(
    article: Article,
    file_name: str,
    stylesheet: str,
    title: str,
    *,
    bundled: Mapping[str, str] | None = None,
) -> Document:
    """Every "from the archives" entry with its title, authors, date and link; ``bundled`` leads links to
    the other articles of the book there."""
    labels = labels_for(article.language)
    html, body = new_document(title, article.language, stylesheet, body_type="backmatter")
    appendix = add(body, "section", epub_type="appendix", role="doc-appendix", aria_labelledby="archive")
    add(appendix, "h1", title, id="archive")
    entries = add(appendix, "ol", class_="archive")
    for link in article.archive:
        entry = add(entries, "li")
        if link.url:
            cite = add(entry, "cite")
            href = bundled.get(address_key(link.url), link.url) if bundled else link.url
            add(cite, "a", link.title, href=href)
        else:
            add(entry, "cite", link.title)
        if link.authors:
            append_text(entry, labels("archive_by", names=labels.join(link.authors)))
        if link.date:
            append_text(entry, ", ")
            add_date(entry, link.date, labels)
    return Document(file_name, title, serialize(html))


def comments_appendix(
    article: Article,
    number: int,
    file_name: str,
    stylesheet: str,
    title: str,
    glance: str | None = None,
    article_link: tuple[str, str] | None = None,
    *,
    bundled: Mapping[str, str] | None = None,
) -> Document:
    """Pingbacks apart from readers' comments, replies nested, numbering kept, the counts stated.

    ``article_link`` (href, text) leads back from the comments to their article; ``bundled`` leads links
    to the other articles of the book there.
    """
    thread = article.thread
    labels = labels_for(article.language)
    html, body = new_document(title, article.language, stylesheet, body_type="backmatter")
    notes = ChapterNotes(number, glance, labels=labels, bundled=bundled)
    appendix = add(body, "section", epub_type="appendix", role="doc-appendix", aria_labelledby="comments")
    add(appendix, "h1", title, id="comments")
    if article_link:
        add(add(appendix, "p", class_="article-link"), "a", article_link[1], href=article_link[0])
    add(appendix, "p", count_statement(thread, labels), class_="comment-count")
    links = [comment for comment in thread.comments if comment.kind != "comment"]
    readers = [comment for comment in thread.comments if comment.kind == "comment"]
    toc: list[tuple[str, str]] = []
    writer = _Thread(notes, labels)
    if links:
        heading = _link_heading(links, labels)
        add(appendix, "h2", heading, id="pingbacks")
        listing = add(appendix, "ol", class_="pingbacks")
        for index, comment in enumerate(links, start=1):
            _add_link_comment(listing, comment, f"link-{comment.number or index}", writer)
        toc.append((f"{file_name}#pingbacks", heading))
    if readers:
        add(appendix, "h2", labels("readers_comments"), id="reader-comments")
        listing = add(appendix, "ol", class_="comments")
        for index, comment in enumerate(readers, start=1):
            _add_reader_comment(listing, comment, f"comment-{comment.number or index}", writer)
        toc.append((f"{file_name}#reader-comments", labels("readers_comments")))
    if thread.closed:
        add(appendix, "p", labels("comments_closed"), class_="comments-closed")
    notes.write_section(body)
    return Document(file_name, title, serialize(html), toc=toc, claims=notes.placed)


def count_statement(thread: CommentThread, labels: Labels) -> str:
    """One sentence comparing the count the page announced with what this copy holds."""
    present = thread.all_comments()
    top_level = sum(comment.kind == "comment" for comment in thread.comments)
    by_kind = Counter(comment.kind for comment in present)
    kinds = [
        (by_kind["pingback"], "pingback"),
        (by_kind["trackback"], "trackback"),
        (top_level, "comment"),
        (by_kind["comment"] - top_level, "reply"),
    ]
    parts = [labels.count(count, noun) for count, noun in kinds if count]
    held = f"{labels.count(len(present), 'entry')} ({labels.join(parts)})" if parts else labels("held.none")
    if thread.announced is None:
        return labels("count.unknown", held=held)
    announced = labels.number(thread.announced)
    if thread.announced == len(present):
        return labels("count.all", announced=announced, held=held)
    return labels("count.some", announced=announced, held=held)


def _link_heading(links: list[Comment], labels: Labels) -> str:
    kinds = {comment.kind for comment in links}
    if kinds == {"pingback"}:
        return labels("pingbacks")
    return labels("trackbacks") if kinds == {"trackback"} else labels("pingbacks_and_trackbacks")


def _add_link_comment(listing, comment: Comment, anchor: str, thread: _Thread) -> None:
    """A pingback or trackback: its kind, the linking post, its site and date, excerpt and replies."""
    labels = thread.labels
    anchor = thread.unique(f"comment-{comment.number}" if comment.number else anchor)
    entry = add(listing, "li", id=anchor)
    if comment.number:
        entry.set("value", str(comment.number))
    append_text(entry, labels(f"kind_{comment.kind}"))
    if comment.url:
        cite = add(entry, "cite")
        add(cite, "a", comment.title or comment.url, href=comment.url)
    else:
        add(entry, "cite", comment.title or labels("untitled"))
    if comment.site:
        append_text(entry, f" ({comment.site})")
    if comment.date:
        append_text(entry, ", ")
        add_date(entry, comment.date, labels)
    for paragraph in comment.paragraphs:
        thread.notes.paragraph(entry, paragraph, class_="link-excerpt")
    _add_replies(entry, listing, comment, anchor, thread, 1)


def _add_replies(parent, listing, comment: Comment, anchor: str, thread: _Thread, depth: int) -> None:
    """The replies to ``comment`` (at ``depth``, 1 for a top-level entry of ``listing``), nested under it
    while the thread is shallower than INDENTED_LEVELS; deeper ones follow it in ``listing``, each saying
    whom it answers."""
    if not comment.replies:
        return
    name = comment.author or thread.labels("anonymous")
    for index, answer in enumerate(comment.replies, start=1):
        if index == 1 and depth < INDENTED_LEVELS:
            listing = add(parent, "ul", class_="replies")
        replied_to = (name, anchor) if depth >= INDENTED_LEVELS else None
        depth_of_answer = min(depth + 1, INDENTED_LEVELS)
        _add_reader_comment(listing, answer, f"{anchor}-{index}", thread, depth_of_answer, replied_to)


def _add_reader_comment(
    listing,
    comment: Comment,
    anchor: str,
    thread: _Thread,
    depth: int = 1,
    replied_to: tuple[str, str] | None = None,
) -> None:
    """A reader's comment at ``depth``; ``replied_to`` (name, anchor) when indentation does not show it."""
    labels = thread.labels
    linked = bool(comment.author_url)
    entry = add_copy(listing, _ENTRIES[linked, comment.date is not None])
    anchor = thread.unique(anchor)
    entry.set("id", anchor)
    if comment.number:
        entry.set("value", str(comment.number))
    box = entry[0]
    box.set("aria-label", _comment_label(comment, depth > 1, labels))
    meta = box[0]
    author = meta[0]
    name = comment.author or labels("anonymous")
    if linked:
        author[0].set("href", comment.author_url)
        set_text(author[0], name)
    else:
        set_text(author, name)
    if comment.date:
        _fill_when(meta[1], comment.date, comment.time, thread)
    if not comment.approved:
        append_text(meta, " ")
        add(meta, "span", labels("not_approved"), class_="unapproved")
    if replied_to:
        before, after = labels.around("in_reply_to", "name")
        line = add(box, "p", before, class_="in-reply-to")
        add(line, "a", replied_to[0], href=f"#{replied_to[1]}")
        append_text(line, after)
    write_blocks(box, comment.blocks, thread.notes, top_heading=COMMENT_HEADING)
    for video in comment.videos:
        line = add(box, "p", labels("comment_video"), class_="video-link")
        if video.url:
            add(line, "a", video.title, href=video.url)
        else:
            append_text(line, video.title)
    _add_replies(box, listing, comment, anchor, thread, depth)


@dataclass(eq=False, repr=False)
class _Thread(Record):
    """What every entry of one comments appendix shares: its notes, its labels and the ids given so far."""

    notes: ChapterNotes
    labels: Labels
    taken: set[str] = field(default_factory=set)  # a page may number two comments alike; ids must differ
    days: dict[dt.date, tuple[str, str]] = field(default_factory=dict)  # comments share their days

    def unique(self, anchor: str) -> str:
        """``anchor``, or ``anchor.2``, ``anchor.3``… when an earlier comment had the same number."""
        candidate, count = anchor, 1
        while candidate in self.taken:
            count += 1
            candidate = f"{anchor}.{count}"
        self.taken.add(candidate)
        return candidate

    def day(self, date: dt.date) -> tuple[str, str]:
        """The date in the labels' words and in ISO form, each written once for the appendix."""
        known = self.days.get(date)
        if known is None:
            known = self.days[date] = (self.labels.date(date), date.isoformat())
        return known


def _fill_when(element, date: dt.date, time: dt.time | None, thread: _Thread) -> None:
    """The comment's date, and its time of day as the page gave it, in its ``time`` element (as
    ``add_date`` writes a date)."""
    words, iso = thread.day(date)
    if time is None:
        set_text(element, words)
        element.set("datetime", iso)
    else:
        clock = f"{time.hour:02d}:{time.minute:02d}"
        set_text(element, thread.labels.date_time(words, clock))
        element.set("datetime", f"{iso}T{clock}")


def _entry_template(linked: bool, dated: bool) -> etree._Element:
    """A reader's comment's ``li`` down to its author and date, left empty: copying it is quicker than
    making its elements one by one. Attributes come in the order ``_add_reader_comment`` sets them."""
    _, holder = new_document("", "en", "")
    entry = add(holder, "li")
    meta = add(add(entry, "article", class_="comment"), "p", class_="comment-meta")
    author = add(meta, "span", class_="comment-author")
    if linked:
        add(author, "a")
    if dated:
        author.tail = ", "
        add(meta, "time")
    return entry


_ENTRIES = {
    (linked, dated): _entry_template(linked, dated) for linked in (False, True) for dated in (False, True)
}


def _comment_label(comment: Comment, reply: bool, labels: Labels) -> str:
    who = comment.author or labels("anonymous_named")
    if comment.number:
        return labels("comment_numbered", number=comment.number, who=who)
    return labels("reply_by" if reply else "comment_by", who=who)
