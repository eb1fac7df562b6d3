"""Embedded video players become placeholders carrying the video's own page address, never a player."""

from __future__ import annotations

import re

from lxml import etree

from export.model import VideoReport
from export.readers.html.markup_tables import data_lines
from export.whitespace import collapse_whitespace

PLACEHOLDER = "x-video"
PLAYER_TAGS = ("iframe", "embed", "object", "video")


def _load_providers() -> list[tuple[str, re.Pattern[str], str]]:
    providers = []
    for line in data_lines("videos.tsv"):
        name, pattern, page = line.split("\t")
        providers.append((name, re.compile(pattern, re.IGNORECASE), page))
    return providers


PROVIDERS = _load_providers()


def video_page(address: str) -> tuple[str, str] | None:
    """(provider, page address) of a known player's address, else None."""
    for name, pattern, page in PROVIDERS:
        match = pattern.search(address)
        if match:
            return name, page.format(*match.groups())
    return None


def mark_videos(root: etree._Element) -> None:
    """Replace each known video player with an empty placeholder holding the video's page and title."""
    for player in list(root.iter(*PLAYER_TAGS)):
        address = player.get("src") or player.get("data") or player.get("data-src") or ""
        found = video_page(address)
        if found is None or player.getparent() is None:
            continue
        provider, page = found
        placeholder = etree.Element(PLACEHOLDER, url=page, provider=provider)
        title = collapse_whitespace(player.get("title") or "")
        if title:
            placeholder.set("title", title)
        placeholder.tail = player.tail
        player.getparent().replace(player, placeholder)


def video_report(placeholder: etree._Element) -> VideoReport:
    """The report a placeholder stands for: its title (or the provider's name) and the video's page."""
    title = placeholder.get("title") or f"A video on {placeholder.get('provider')}"
    return VideoReport(title=title, url=placeholder.get("url"))
