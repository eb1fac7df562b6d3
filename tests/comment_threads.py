"""What the comment-reader tests share: a thread read from a fragment of markup, its comments as tuples."""

from __future__ import annotations

import lxml.html

from export.model import CommentThread
from export.readers.html.comments import read_comment_thread

BASE = "https://example.org/post/"


def thread_of(markup: str, base_url: str | None = BASE) -> CommentThread:
    """The comment thread of a page whose body is ``markup``."""
    return read_comment_thread(lxml.html.document_fromstring(f"<html><body>{markup}</body></html>"), base_url)


def who_when_what(thread: CommentThread) -> list[tuple]:
    """Each comment's author, date and paragraphs, in reading order."""
    return [(c.author, c.date, [p.text for p in c.paragraphs]) for c in thread.all_comments()]
