"""The address a saved page's relative links resolve against."""

from __future__ import annotations

from lxml import etree

from export.readers.html.inline import safe_link


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
