"""Counts in words for summaries, title pages and contents: "1 post", "1,204 posts"."""

from __future__ import annotations


def count_of(count: int, one: str, many: str | None = None) -> str:
    """``count`` with the noun for one or for several (``one`` + "s" unless ``many`` says otherwise)."""
    return f"1 {one}" if count == 1 else f"{count:,} {many or one + 's'}"
