"""What the article-text tests share: a sentence long enough to be text, a post's address, blocks as texts,
a saved post."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from export.model import Block

SENTENCE = "This sentence belongs to the article and is long enough to count as its text. "
PAGE = "https://news.example.com/2024/05/the-story.html"


def texts(blocks: Iterable[Block]) -> list[str]:
    """Each block's text, or its kind where it has none (a picture, a list)."""
    return [getattr(block, "text", type(block).__name__) for block in blocks]


def saved_page(tmp_path: Path, body: str, head: str = "") -> Path:
    """A saved page titled "T" (``head`` after the title) whose post's ``div.entry-content`` holds
    ``body``."""
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><title>T</title>{head}</head><body>"
        f"<article><div class='entry-content'>{body}</div></article></body></html>",
        encoding="utf-8",
    )
    return path
