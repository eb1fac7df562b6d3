"""An RSS or Atom feed as a collection of its newest items, parsed by feedparser; an item with only a
summary is read from its page when the caller can fetch it.

Each item's HTML is read as a blog post's content is (``export.readers.html.fragment``): parsed without
network or entities, scripts, frames, forms, event handlers and unsafe links dropped. feedparser's own
sanitizer is turned off: it would drop the video players the fragment reader turns into video reports.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import time
from collections.abc import Callable
from typing import Any

from export.errors import InputError
from export.model import Article, Collection, Person, Section, block_texts
from export.readers.feed_choice import FeedChoice
from export.readers.html.fragment import parse_body, read_fragment
from export.readers.html.inline import safe_link
from export.readers.html.metadata import LANGUAGE_TAG
from export.readers.language import detect_language
from export.readers.origin import PageInput
from export.whitespace import collapse_whitespace

DEFAULT_LANGUAGE = "en"
UNTITLED = "(untitled)"
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(
    page: PageInput,
    choice: FeedChoice,
    item_page: Callable[[str], Article] | None = None,
    warn: Callable[[str, str], None] | None = None,
) -> Collection:
    """The feed ``page`` (a file's or an address's bytes) as a collection of its newest items chosen by
    ``choice``, newest first.

    An item that has only a summary is read from its page, ``item_page(address)``, when one is given;
    should that fail, ``warn(address, problem)`` is told and the item keeps its summary.
    """
    import feedparser

    path = page.name
    # Given a stream, feedparser never takes the data for an address or a file name to open; a fetched
    # feed's own address is the base of its relative links.
    headers = {"content-location": page.origin.address} if page.origin.address else {}
    parsed = feedparser.parse(
        io.BytesIO(page.data), sanitize_html=False, resolve_relative_uris=True, response_headers=headers
    )
    feed = parsed.feed
    if not parsed.entries and not feed.get("title"):
        cause = parsed.get("bozo_exception")
        raise InputError(path, "is not a feed that can be read" + (f" ({cause})" if cause else ""))
    entries = _newest(parsed.entries, choice)
    if not entries:
        dated = " between the dates asked for" if parsed.entries else ""
        raise InputError(path, f"the feed has no item{dated} to make a book of; nothing written")
    site = _plain(feed.get("title", ""), feed.get("title_detail")) or None
    language = _language(feed.get("language"))
    url = _address(feed.get("link"))
    articles = [_item_article(entry, site, language, url, item_page, warn) for entry in entries]
    author = feed.get("author_detail", {}).get("name") or feed.get("author")
    return Collection(
        articles=articles,
        title=site,
        description=_plain(feed.get("subtitle", ""), feed.get("subtitle_detail")) or None,
        url=url,
        site=site,
        language=language or articles[0].language,
        owners=[Person(name)] if (name := _plain(author or "")) else [],
        origin="feed",
    )


def _newest(entries: list[Any], choice: FeedChoice) -> list[Any]:
    """The items ``choice`` keeps, newest first (undated ones after, in the feed's order), at most its
    ``max_items``."""
    kept = [entry for entry in entries if choice.keeps(_day(_when(entry)))]
    kept.sort(key=lambda entry: _when(entry) or time.gmtime(0)[:6], reverse=True)  # stable: ties keep order
    return kept[: choice.max_items]


def _item_article(
    entry: Any,
    site: str | None,
    language: str | None,
    feed_url: str | None,
    item_page: Callable[[str], Article] | None,
    warn: Callable[[str, str], None] | None,
) -> Article:
    link = _address(entry.get("link"))
    markup, full = _item_markup(entry)
    if not full and link and item_page:
        try:
            return _with_feed_facts(item_page(link), entry, site)
        except InputError as error:
            if warn:
                warn(link, f"{error.problem}; the book has the feed's summary of it")
    content, images = read_fragment(markup, link or feed_url)
    text = " ".join(block_texts(content.blocks))
    published = _day(_when(entry, "published_parsed") or _when(entry, "updated_parsed"))
    updated = _day(_when(entry, "updated_parsed"))
    return Article(
        title=_plain(entry.get("title", ""), entry.get("title_detail")) or UNTITLED,
        authors=_authors(entry),
        site=site,
        published=published,
        updated=updated if updated and updated != published else None,
        language=language or detect_language(text) or DEFAULT_LANGUAGE,
        source=link,
        sections=[Section(content.blocks)] if content.blocks else [],
        footnotes=content.footnotes,
        videos=content.videos,
        images=images.used(),
    )


def _with_feed_facts(article: Article, entry: Any, site: str | None) -> Article:
    """The article of an item's page, with what the feed says of the item where the page does not say it:
    its authors, date and site."""
    if not article.authors:
        article.authors = _authors(entry)
    article.published = article.published or _day(_when(entry, "published_parsed") or _when(entry))
    article.site = article.site or site
    return article


def _authors(entry: Any) -> list[Person]:
    names = [_plain(author.get("name") or "") for author in entry.get("authors", [])]
    return [Person(name) for name in dict.fromkeys(names) if name]


def _item_markup(entry: Any) -> tuple[str, bool]:
    """The item's HTML, and whether it is its full content (RSS content:encoded, Atom content) rather than
    its summary (RSS description, Atom summary)."""
    contents = entry.get("content") or []
    for content in sorted(contents, key=lambda content: content.get("type") not in HTML_TYPES):
        value = content.get("value") or ""
        if value.strip():
            return _as_html(value, content.get("type")), True
    detail = entry.get("summary_detail") or {}
    return _as_html(entry.get("summary", ""), detail.get("type")), False


def _as_html(value: str, media_type: str | None) -> str:
    """``value`` as HTML: plain text becomes paragraphs at its blank lines."""
    if media_type in HTML_TYPES or media_type is None:
        return value
    paragraphs = [collapse_whitespace(part) for part in value.split("\n\n")]
    return "".join(f"<p>{html.escape(part)}</p>" for part in paragraphs if part)


def _plain(value: str, detail: dict | None = None) -> str:
    """A title's or description's text on one line, its markup dropped when the feed says it is HTML."""
    if detail and detail.get("type") in HTML_TYPES and "<" in value:
        body = parse_body(value)
        value = "".join(body.itertext()) if body is not None else ""
    return collapse_whitespace(value)


def _address(link: str | None) -> str | None:
    found = safe_link(link)
    return found if found and found.startswith(("http://", "https://")) else None


def _language(tag: str | None) -> str | None:
    tag = (tag or "").strip().replace("_", "-")
    return tag if LANGUAGE_TAG.match(tag) else None


def _when(entry: Any, key: str | None = None) -> tuple[int, ...] | None:
    """The item's date and time (UTC) as a tuple, from ``key`` or else its publication or update."""
    keys = (key,) if key else ("published_parsed", "updated_parsed")
    for name in keys:
        # ``in`` first: feedparser answers a missing updated_parsed with published_parsed, and a warning.
        if name in entry and (parsed := entry[name]):
            return tuple(parsed[:6])
    return None


def _day(when: tuple[int, ...] | None) -> dt.date | None:
    if not when:
        return None
    try:
        return dt.date(*when[:3])
    except ValueError:
        return None
