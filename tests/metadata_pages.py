"""What the metadata tests share: a synthetic page, its head and body before an article's text, read."""

from __future__ import annotations

from export.readers.html.metadata import PageMetadata, read_metadata
from export.readers.html.parse import parse_html

TEXT = "<div class='entry-content'>" + "<p>This sentence belongs to the article and is long enough.</p>" * 5
TEXT += "</div>"


def page_metadata(head: str, body: str = "", lang: str = "en") -> PageMetadata:
    """What ``read_metadata`` finds on a page of ``head`` and ``body`` followed by an article's text."""
    html = f"<!DOCTYPE html><html lang='{lang}'><head>{head}</head><body>{body}{TEXT}</body></html>"
    return read_metadata(parse_html(html.encode(), "page.html"))


def body_metadata(body: str, head: str = "") -> PageMetadata:
    """``page_metadata`` with the body first, for tests whose pages differ in their body."""
    return page_metadata(head, body)
