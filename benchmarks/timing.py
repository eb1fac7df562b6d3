"""Timing a call run again and again in this process."""

from __future__ import annotations

import time
from collections.abc import Callable


def run_times(job: Callable[[], object], runs: int) -> list[float]:
    """The seconds each of ``runs`` calls of ``job`` took, one after another."""
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        found.append(time.perf_counter() - started)
    return found
