"""Whitespace in plain text: runs of it made one space, the ends trimmed."""

from __future__ import annotations


def collapse_whitespace(text: str) -> str:
    """``text`` with every run of whitespace made one space and none at either end: " a \\n b " -> "a b"."""
    return " ".join(text.split())


def folded(text: str) -> str:
    """``text`` as two texts are compared for sameness: whitespace collapsed, case folded."""
    return collapse_whitespace(text).casefold()
