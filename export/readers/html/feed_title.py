"""The post's title its comments feed's link names: WordPress titles a post's feed "Site » Post's Title
Comments Feed" (address: the post's, then "feed/") beside the site's "Site » Comments Feed"
(``feed_links_extra`` and ``feed_links``, wp-includes/general-template.php), in the page's language."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from export.whitespace import collapse_whitespace

FEED_LINKS = etree.XPath(
    "//link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"
    "[contains(@type, 'rss') or contains(@type, 'atom')][@title]"
)
# Between the site's name and the feed's own name: "Flawless Food » Comments Feed" (the first one).
FEED_SEPARATOR = re.compile(r"\s[»|\-–—:·]\s")
MAX_FEEDS = 20  # feed links read at most: each is matched against each other
SITE_FEEDS = frozenset({"", "comments"})  # the paths of a site's own feeds before "/feed/"


def feed_title(root: etree._Element) -> str | None:
    """The post's title a post's feed link holds before another feed's name of the same site (the
    site-wide "Comments Feed", "Kommentar-Feed"): "Site » Headline Comments Feed" -> "Headline"; else None."""
    feeds: dict[str, list[tuple[str, bool]]] = {}
    for site, name, href in _named_feeds(root):
        feeds.setdefault(site, []).append((name, _post_feed(href)))
    for named in feeds.values():
        for name, post in named:
            others = [
                other for other, _ in named if len(name) > len(other) + 1 and name.endswith(f" {other}")
            ]
            if post and others:
                return name[: -len(max(others, key=len))].strip()
    return None


def _post_feed(href: str) -> bool:
    """Whether the feed's address is a post's ("/2020/05/headline/feed/"), not the site's ("/feed/",
    "/comments/feed/", also below a folder: "/blog/comments/feed/", "/de/comments/feed/")."""
    try:
        path = urlsplit(href).path.rstrip("/")
    except ValueError:
        return False
    head, _, last = path.rpartition("/")
    return last == "feed" and head.rpartition("/")[2] not in SITE_FEEDS


def feed_site_names(root: etree._Element) -> set[str]:
    """The site's names its feed links' titles show before their first separator ("Flawless Food" of
    "Flawless Food » Comments Feed")."""
    return {site for site, _, _ in _named_feeds(root)}


def _named_feeds(root: etree._Element) -> list[tuple[str, str, str]]:
    """The page's feed links whose title has a separator, each with the site's name before it and the
    feed's own name after it and its address ("Flawless Food", "Comments Feed", "/comments/feed/")."""
    found = []
    for link in FEED_LINKS(root)[:MAX_FEEDS]:
        parts = FEED_SEPARATOR.split(collapse_whitespace(link.get("title") or ""), maxsplit=1)
        if len(parts) == 2:
            found.append((parts[0], parts[1], link.get("href") or ""))
    return found
