"""Timing a call run again and again in this process, and the command line of another checkout to time."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path


def run_times(job: Callable[[], object], runs: int, *, warm: bool = False) -> list[float]:
    """The seconds each of ``runs`` calls of ``job`` took, one after another; ``warm``: after one untimed
    call (imports, caches)."""
    if warm:
        job()
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        found.append(time.perf_counter() - started)
    return found


def checkout_command(checkout: Path) -> list[str]:
    """The command that runs ``checkout``'s own entry point as ``python -m export`` does (a checkout whose
    entry point pauses the garbage collector while it loads is timed with that pause); add the arguments."""
    start = (
        f"import runpy, sys; sys.path.insert(0, {str(checkout)!r}); "
        "runpy.run_module('export', run_name='__main__', alter_sys=True)"
    )
    return [sys.executable, "-c", start]
