"""Readers: one module per input format, each producing an ``export.model.Article``; ``kinds`` says
which reader a file is for."""

from __future__ import annotations

from pathlib import Path

from export.model import Article
from export.readers.kinds import INPUT_KINDS, first_bytes, input_makes, looks_like_html
from export.readers.wxr.sniff import looks_like_wxr

__all__ = ["input_makes", "is_blog_export", "is_feed", "looks_like_html", "looks_like_wxr", "read_article"]


def is_blog_export(path: Path) -> bool:
    """Whether ``path`` is a regular file whose first bytes show a whole blog (a WordPress export, or
    a zip archive holding one); never reads a pipe."""
    return input_makes(path) == "blog"


def is_feed(path: Path) -> bool:
    """Whether ``path`` is a regular file whose first bytes show an RSS or Atom feed (not a WordPress
    export, RSS though it is); never reads a pipe."""
    return input_makes(path) == "feed"


def read_article(path: Path) -> Article:
    """Read the article saved at ``path`` with the first page reader whose kind its content shows."""
    start = first_bytes(path)
    for kind in INPUT_KINDS:
        if kind.read is not None and kind.sniff(start, path):
            return kind.read(path)
    raise AssertionError("the text reader takes every input")  # pragma: no cover
