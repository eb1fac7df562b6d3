"""Comments a page states in its JSON-LD (schema.org ``Comment`` objects in its article's ``comment``), for
a page whose thread is drawn by a script and so is not in its markup."""

from __future__ import annotations

from export.model import Comment, Paragraph
from export.readers.date_times import parse_date_in, parse_time_in
from export.readers.html import json_ld

COMMENT_TYPES = frozenset({"Comment", "UserComments"})  # not a Q&A page's ``Answer``: that is its own text
# A forum topic's posts are the page's own text (as its markup's are: see the thread reader), not comments.
FORUM_TYPES = frozenset({"DiscussionForumPosting"})
TEXT_MEMBERS = ("text", "commentText")
DATE_MEMBERS = ("dateCreated", "datePublished", "commentTime")


def json_ld_comments(articles: list[dict]) -> list[Comment]:
    """The comments (with their replies) of the page's JSON-LD articles (``json_ld.Graph.articles``), in
    order; none where none is."""
    comments: list[Comment] = []
    for article in articles:
        if not json_ld.types(article) & FORUM_TYPES:
            comments.extend(_thread(article.get("comment")))
    return comments


def _thread(value: object) -> list[Comment]:
    """The comments of a ``comment`` value (one object or a list), each with its own ``comment`` replies:
    walked with a stack, not a call a level (the JSON may nest as deep as its decoder goes)."""
    top: list[Comment] = []
    stack: list[tuple[object, list[Comment]]] = [(value, top)]
    while stack:
        value, siblings = stack.pop()
        if isinstance(value, list):
            stack.extend((entry, siblings) for entry in reversed(value))
        elif isinstance(value, dict) and json_ld.types(value) & COMMENT_TYPES:
            if (comment := _comment(value)) is None:
                continue  # no text: its replies go with it
            siblings.append(comment)
            stack.append((value.get("comment"), comment.replies))
    return top


def _comment(item: dict) -> Comment | None:
    """One comment from its object: its author's name, date, time of day and text; None without text."""
    raw = next((value for key in TEXT_MEMBERS if isinstance(value := item.get(key), str)), "")
    lines = [text for line in raw.splitlines() if (text := json_ld.string(line))]
    if not lines:
        return None
    names = json_ld.person_names(item.get("author") or item.get("creator"))
    stamp = next((text for key in DATE_MEMBERS if (text := json_ld.string(item.get(key)))), None)
    date = parse_date_in(stamp) if stamp else None
    return Comment(
        author=names[0] if names else None,
        date=date,
        time=parse_time_in(stamp) if stamp and date and "T" in stamp else None,
        blocks=[Paragraph(line) for line in lines],
    )
