"""Embedded addresses (oEmbed) in a post: a video's address becomes its player, another a plain link."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from export.datafiles import data_lines

TABLE = Path(__file__).with_name("shortcodes.tsv")
WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
# WordPress embeds an address standing alone on its line, or alone in a paragraph.
BARE_LINE = re.compile(r"^([ \t]*)(https?://[^\s<>\"]+)([ \t]*)$", re.IGNORECASE | re.MULTILINE)
BARE_PARAGRAPH = re.compile(r"(<p(?: [^>]*)?>\s*)(https?://[^\s<>\"]+)(\s*</p>)", re.IGNORECASE)
# The block editor's embed: <figure class="wp-block-embed ..."><div class="wp-block-embed__wrapper">URL</div>
# Linear: a tag's attributes are scanned once (the class found first, atomically), never past the next
# "<"; with [^>]* on both sides of the class, a long tag with no ">" took quadratic time.
EMBED_BLOCK = re.compile(
    r"<figure\b(?>[^<>]{0,1000}?\bwp-block-embed\b)[^<>]{0,1000}+>\s*+"
    r"<div\b(?>[^<>]{0,1000}?\bwp-block-embed__wrapper\b)[^<>]{0,1000}+>\s*+([^\s<]++)\s*+</div>"
    r"\s*+(?:<figcaption\b[^<>]{0,1000}+>[^<]{0,2000}+(?:<br\s*+/?>[^<]{0,2000}+)*+</figcaption>\s*+)?</figure>",
    re.IGNORECASE,
)


@cache
def table_rows(role: str) -> list[list[str]]:
    """The rows of ``shortcodes.tsv`` whose first column is ``role``, without that column."""
    rows = [line.split("\t") for line in data_lines(TABLE)]
    return [cells[1:] for cells in rows if cells[0] == role]


@cache
def _players() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern, re.IGNORECASE), player) for _, pattern, player in table_rows("video")]


def video_player(address: str) -> str | None:
    """The player's address of a known video site's page address, else None."""
    for pattern, player in _players():
        match = pattern.match(address)
        if match:
            return player.format(match.group(1))
    return None


def embed_markup(address: str) -> str:
    """HTML for an embedded address: a video's player, a link to any other web address, else nothing."""
    address = html.unescape(address.strip())
    if not WEB_ADDRESS.match(address):
        return ""
    player = video_player(address)
    if player:
        return f'<iframe src="{html.escape(player)}"></iframe>'
    quoted = html.escape(address)
    return f'<a href="{quoted}">{quoted}</a>'


def replace_embed_blocks(text: str) -> str:
    """The block editor's embeds as players or links (their figure and caption left out)."""
    if "wp-block-embed" not in text:
        return text
    return EMBED_BLOCK.sub(lambda match: embed_markup(match.group(1)), text)


def replace_bare_videos(text: str) -> str:
    """A video's address alone on its line or in its paragraph, as the classic editor embeds it."""
    if "://" not in text:
        return text

    def embed(match: re.Match[str]) -> str:
        address = html.unescape(match.group(2))
        return (
            f"{match.group(1)}{embed_markup(address)}{match.group(3)}" if video_player(address) else match[0]
        )

    return BARE_PARAGRAPH.sub(embed, BARE_LINE.sub(embed, text))
