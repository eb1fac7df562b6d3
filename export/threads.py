"""Imports of libraries that start threads, made so that none of those threads ever takes an interrupt."""

from __future__ import annotations

import importlib
import signal
from types import ModuleType


def import_with_signals_blocked(name: str) -> ModuleType:
    """Import module ``name`` with every signal blocked in this thread while it loads.

    Threads a library starts on import (numpy's, under trafilatura and py3langid) inherit that mask, so an
    interrupt always goes to the main thread, which may be holding it back (export.pipeline).
    """
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    try:
        return importlib.import_module(name)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
