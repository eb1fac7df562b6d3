"""The command's entry point (the ``annotated-epub`` script and ``python -m export``): the command line
loaded with the garbage collector paused."""

from __future__ import annotations

import gc


def run() -> None:
    """Load the command line and run it.

    Loading it makes some 19,000 objects that live as long as the process (modules, classes, functions);
    the collector would scan them again and again while they are made, finding nothing to free (some 7% of
    converting one page). It is paused while they are made, they are then frozen out of its sight, and it
    collects as usual from there on. When the run is over, whatever it leaves is frozen too: the process
    is ending, and the interpreter's last collection at exit would look through all of it for cycles
    that need no freeing.
    """
    gc.disable()
    try:
        from export.cli import run as run_command_line
    finally:
        gc.freeze()
        gc.enable()
    try:
        run_command_line()
    finally:
        gc.freeze()
