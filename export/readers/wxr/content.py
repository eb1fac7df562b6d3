"""A post's ``content:encoded`` to blocks: shortcodes and embeds, then paragraphs, then the HTML reader."""

from __future__ import annotations

from export.readers.html.blocks import BodyContent
from export.readers.html.fragment import read_fragment
from export.readers.html.images import ImageStore
from export.readers.wxr.autop import autop
from export.readers.wxr.embeds import replace_bare_videos, replace_embed_blocks
from export.readers.wxr.shortcodes import expand_shortcodes

BLOCK_EDITOR_MARK = "<!-- wp:"


def read_content(content: str, base_url: str | None) -> tuple[BodyContent, ImageStore]:
    """The post's blocks, footnotes and videos, and the pictures it carries in ``data:`` addresses.

    Block-editor markup has its paragraphs already; classic-editor text gets them as WordPress shows it.
    """
    text = expand_shortcodes(content)
    text = replace_embed_blocks(text) if BLOCK_EDITOR_MARK in text else autop(replace_bare_videos(text))
    return read_fragment(text, base_url)
