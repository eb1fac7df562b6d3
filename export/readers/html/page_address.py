"""The address a saved page's relative links resolve against, an address's registered domain, and the
address a Wayback Machine copy is of."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from export.readers.html.inline import safe_link

# The mark of the web a browser writes into a page it saves: "<!-- saved from url=(0040)https://... -->".
SAVED_FROM = re.compile(rb"<!-- saved from url=\(\d{1,5}\)([^\s>]++)")
SAVED_FROM_BYTES = 4096
WEB_SCHEMES = ("http", "https")
# Second-level labels under which a country's domains are registered ("bbc.co.uk", "abc.net.au").
COUNTRY_SECOND_LEVELS = frozenset({"ac", "co", "com", "edu", "gov", "gv", "ne", "net", "or", "org"})
# The Wayback Machine's path to a copy of an address, before the address.
ARCHIVED = re.compile(r"/web/\d{1,14}[a-z_]{0,4}/(https?://.*)")


def page_address(root: etree._Element, base_url: str | None = None) -> str | None:
    """``base_url`` when given, else the page's canonical link, else its ``og:url``; None without any."""
    if base_url:
        return base_url
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (url := safe_link(link.get("href"))):
            return url
    for meta in root.iter("meta"):
        if meta.get("property") == "og:url" and (url := safe_link(meta.get("content"))):
            return url
    return None


def saved_from(data: bytes) -> str | None:
    """The web address a browser's "saved from url" comment near the top of the page names, if any."""
    mark = SAVED_FROM.search(data[:SAVED_FROM_BYTES])
    return safe_link(mark.group(1).decode("ascii", errors="replace")) if mark else None


def page_source(stated: str | None, fetched_from: str | None) -> str | None:
    """The page's address: the one it states (canonical link or ``og:url``, resolved against the address it
    was fetched from), else that address; None for a saved page that states none."""
    if fetched_from is None:
        return stated
    resolved = safe_link(stated, fetched_from)
    return resolved if resolved and urlsplit(resolved).scheme.lower() in WEB_SCHEMES else fetched_from


def document_base(root: etree._Element, fetched_from: str) -> str:
    """What a fetched page's relative addresses resolve against, as a browser does: its first
    ``<base href>`` (an http or https address, resolved against the page's), else the page's address."""
    base = next((element for element in root.iter("base") if element.get("href")), None)
    resolved = safe_link(base.get("href"), fetched_from) if base is not None else None
    return resolved if resolved and urlsplit(resolved).scheme.lower() in WEB_SCHEMES else fetched_from


def registered_domain(address: str | None) -> str | None:
    """The registered domain of an address's host ("example.com" for "news.example.com", "bbc.co.uk")."""
    host = (urlsplit(address or "").hostname or "").lower()
    if not host:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in COUNTRY_SECOND_LEVELS else 2
    return ".".join(labels[-keep:])


def unarchived(address: str) -> str:
    """The address the Wayback Machine's copy is of ("/web/20160330101229/http://site.net/" ->
    "http://site.net/"), else the address itself."""
    parts = urlsplit(address)
    archived = (
        ARCHIVED.match(parts.path) if (parts.hostname or "web.archive.org") == "web.archive.org" else None
    )
    return archived[1] + (f"?{parts.query}" if parts.query else "") if archived else address
