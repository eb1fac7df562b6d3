"""Counts in words for summaries, title pages and contents: "1 post", "1,204 posts", "2.5 MB"."""

from __future__ import annotations


def count_of(count: int, one: str, many: str | None = None) -> str:
    """``count`` with the noun for one or for several (``one`` + "s" unless ``many`` says otherwise)."""
    return f"1 {one}" if count == 1 else f"{count:,} {many or one + 's'}"


def byte_size(size: int) -> str:
    """A size in bytes as messages show it: "512 bytes", "1.5 KB", "32.0 MB"."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
