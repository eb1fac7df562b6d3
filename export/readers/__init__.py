"""Readers: one module per input format, each producing an ``export.model.Article``."""

from __future__ import annotations

from pathlib import Path

from export.model import Article


def read_article(path: Path) -> Article:
    """Read the article saved at ``path`` with the reader for its format."""
    from export.readers.text import read_text_page

    return read_text_page(path)
