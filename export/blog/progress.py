"""A one-line progress display for long conversions, shown only on a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

REDRAW_SECONDS = 0.2


class Progress:
    """Redraws "N posts · P% of FILE · R posts/s" in place; silent unless ``stream`` is a terminal."""

    def __init__(
        self,
        label: str,
        total_bytes: int,
        position: Callable[[], int],
        quiet: bool = False,
        stream: TextIO | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.shown = not quiet and self.stream.isatty()
        self.label, self.total, self.position = label, total_bytes, position
        self.started = self.drawn = time.monotonic()
        self.width = 0

    def update(self, done: int) -> None:
        """Show ``done`` posts and how far into the input its reader is, at most 5 times a second."""
        now = time.monotonic()
        if not self.shown or now - self.drawn < REDRAW_SECONDS:
            return
        self.drawn = now
        rate = done / max(now - self.started, 1e-9)
        position = self.position()
        share = f" · {min(position / self.total, 1):.0%} of {self.label}" if self.total and position else ""
        line = f"{done:,} post{'' if done == 1 else 's'}{share} · {rate:,.0f} posts/s"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        """Clear the line, so the summary starts on a clean one."""
        if self.shown and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
