"""One ``<item>`` of a WordPress export to a picklable ``WxrItem``: fields as strings, comments raw."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from export.model import PostInfo

WP_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
# Fields whose text is prose: the space around it is the author's, not the exporter's padding.
PROSE_FIELDS = frozenset({"content", "excerpt", "title", "description", "comment_content"})
# Children that are not simple fields: read on their own, or not at all.
NOT_FIELDS = frozenset({"comment", "commentmeta", "postmeta", "category"})
FIELD_NAMES: dict[str, str] = {}  # tags met, to their field names (a lookup is quicker than a call)
MAX_NAMES = 4096


@dataclass
class RawComment:
    """A comment as the export gives it; ``date`` is the post's local time ("2011-04-01 12:00:00")."""

    id: str = ""
    parent: str = ""
    author: str = ""
    author_url: str = ""
    date: str = ""
    type: str = ""
    approved: str = ""
    content: str = ""


@dataclass
class WxrItem:
    """An item of the export (post, page, attachment, menu item, ...): what to choose by, and its raw text."""

    info: PostInfo
    content: str = ""
    excerpt: str = ""
    link: str = ""
    creator: str = ""
    comments: list[RawComment] = field(default_factory=list)


@dataclass
class ItemQuirks:
    """Exporter faults met while reading items, for one warning each."""

    padded_field: str | None = None  # a field whose value had line breaks around it
    untyped: list[str] = field(default_factory=list)  # ids of items without wp:post_type


def field_name(tag: str) -> str:
    """The local name of an element's tag, with ``encoded`` told apart as "content" or "excerpt"."""
    name = FIELD_NAMES.get(tag)
    if name is None:
        namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
        name = ("excerpt" if "excerpt" in namespace else "content") if local == "encoded" else local
        if len(FIELD_NAMES) < MAX_NAMES:
            FIELD_NAMES[tag] = name
    return name


def element_text(element: etree._Element) -> str:
    """The element's text; an entity reference the parser did not expand stays as written (``&name;``)."""
    return (element.text or "") if not len(element) else "".join(element.itertext())


def read_fields(element: etree._Element, quirks: ItemQuirks) -> dict[str, str]:
    """The element's leaf child fields by name, values stripped (the first of each name)."""
    fields: dict[str, str] = {}
    names = FIELD_NAMES
    for child in element.iterchildren(etree.Element):
        tag = child.tag
        name = names.get(tag) or field_name(tag)
        if name in fields or name in NOT_FIELDS:
            continue
        if len(child):  # an element holding elements is no field; one holding entity references is
            if isinstance(child[0].tag, str):
                continue
            raw = "".join(child.itertext())
        else:
            raw = child.text or ""
        value = raw.strip()
        if value != raw and quirks.padded_field is None and "\n" in raw and name not in PROSE_FIELDS:
            quirks.padded_field = name
        fields[name] = value
    return fields


def read_item(element: etree._Element, position: int, authors: dict[str, str], quirks: ItemQuirks) -> WxrItem:
    """The item ``element`` (the ``position``-th of the export) as a ``WxrItem``."""
    fields = read_fields(element, quirks)
    post_id = fields.get("post_id") or f"#{position}"
    kind = fields.get("post_type")
    if not kind:
        quirks.untyped.append(post_id)
    login = fields.get("creator") or None
    info = PostInfo(
        post_id=post_id,
        kind=kind or "post",
        status=fields.get("status") or "publish",
        slug=fields.get("post_name") or None,
        title=fields.get("title", ""),
        published=wp_datetime(fields.get("post_date"))
        or wp_datetime(fields.get("post_date_gmt"))
        or rfc822_datetime(fields.get("pubDate")),
        author_login=login,
        author_name=authors.get(login, login) if login else None,
        categories=_categories(element),
        password_protected=bool(fields.get("post_password")),
    )
    comments = [_comment(child, quirks) for child in element.iterchildren("{*}comment")]
    return WxrItem(
        info=info,
        content=fields.get("content", ""),
        excerpt=fields.get("excerpt", ""),
        link=fields.get("link", ""),
        creator=login or "",
        comments=comments,
    )


def _comment(element: etree._Element, quirks: ItemQuirks) -> RawComment:
    fields = read_fields(element, quirks)
    return RawComment(
        id=fields.get("comment_id", ""),
        parent=fields.get("comment_parent", ""),
        author=fields.get("comment_author", ""),
        author_url=fields.get("comment_author_url", ""),
        date=fields.get("comment_date") or fields.get("comment_date_gmt", ""),
        type=fields.get("comment_type", ""),
        approved=fields.get("comment_approved", ""),
        content=fields.get("comment_content", ""),
    )


def _categories(element: etree._Element) -> list[str]:
    """The item's category names, then their slugs where they differ (tags are not categories)."""
    names: list[str] = []
    slugs: list[str] = []
    for child in element.iterchildren("category"):
        if child.get("domain", "category") == "category":
            names.append(element_text(child).strip())
            slugs.append((child.get("nicename") or "").strip())
    found = [name for name in names if name]
    return found + [slug for slug in dict.fromkeys(slugs) if slug and slug not in found]


def wp_datetime(text: str | None) -> dt.datetime | None:
    """A WordPress date ("2011-04-01 12:00:00"); None for an empty, zero or invalid one."""
    match = WP_DATE.match(text or "")
    if match is None:
        return None
    try:
        if len(match.string) == 19 and match.string.isascii() and match[4] != "24":  # no 24:00 next day
            return dt.datetime.fromisoformat(match.string)  # the same time, quicker
        year, month, day, hour, minute, second = map(int, match.groups())
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:  # 0000-00-00 of a draft, or a day that does not exist
        return None


def rfc822_datetime(text: str | None) -> dt.datetime | None:
    """An RSS date ("Tue, 14 Jan 2014 17:31:03 +0000") as a naive UTC time; None when invalid."""
    if not text:
        return None
    import email.utils  # rarely needed: WordPress gives post_date; loading it costs more than a post

    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed
