"""Which items of a feed make its book: a small option, apart from the feed reader and what it imports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_MAX_ITEMS = 10


@dataclass(frozen=True)
class FeedChoice:
    """Which items make the book: the newest ``max_items`` of those dated from ``since`` to ``until``."""

    max_items: int = DEFAULT_MAX_ITEMS
    since: dt.date | None = None
    until: dt.date | None = None

    def keeps(self, day: dt.date | None) -> bool:
        """Whether an item of ``day`` is within the dates asked for (an undated one only when none are)."""
        if not (self.since or self.until):
            return True
        return (
            day is not None
            and not (self.since and day < self.since)
            and not (self.until and day > self.until)
        )
