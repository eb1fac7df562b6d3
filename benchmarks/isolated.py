"""Run one call per forked child process, a few at a time, each killed when it outlives its time limit."""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from types import ModuleType
from typing import Any

CONTEXT = multiprocessing.get_context("fork")


@contextmanager
def swapped(module: ModuleType, **replacements: Any) -> Iterator[None]:
    """``module``'s names replaced by ``replacements`` (a reader's step watched by a benchmark), restored
    after."""
    saved = {name: getattr(module, name) for name in replacements}
    for name, value in replacements.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)


def _child(function: Callable[[Any], Any], argument: Any, pipe: Connection) -> None:
    try:
        pipe.send(("ok", function(argument)))
    except BaseException as error:
        last = traceback.extract_tb(error.__traceback__)[-1:]
        where = f" at {last[0].filename.rsplit('/', 1)[-1]}:{last[0].lineno}" if last else ""
        pipe.send(("error", f"{type(error).__name__}: {str(error)[:160]}{where}"))
    pipe.close()


def run_isolated(
    function: Callable[[Any], Any], arguments: list[Any], jobs: int, limit: float
) -> Iterator[tuple[int, str, Any]]:
    """(index, "ok" | "error" | "timeout", result or message) for each argument, as they finish."""
    import time

    pending = list(enumerate(arguments))[::-1]
    running: dict[Connection, tuple[int, Any, float]] = {}
    while pending or running:
        while pending and len(running) < jobs:
            index, argument = pending.pop()
            receiver, sender = CONTEXT.Pipe(duplex=False)
            process = CONTEXT.Process(target=_child, args=(function, argument, sender), daemon=True)
            process.start()
            sender.close()
            running[receiver] = (index, process, time.monotonic() + limit)
        soonest = min(deadline for _, _, deadline in running.values())
        for ready in wait(list(running), timeout=max(soonest - time.monotonic(), 0.01)):
            assert isinstance(ready, Connection), "wait() returns some of the receivers it was given"
            index, process, _ = running.pop(ready)
            try:
                status, value = ready.recv()
            except EOFError:
                process.join()  # its pipe can close before it is reaped, when exitcode is still None
                status, value = "error", f"child died (exit {process.exitcode})"
            ready.close()
            process.join()
            yield index, status, value
        now = time.monotonic()
        for receiver, (index, process, deadline) in list(running.items()):
            if now >= deadline:
                process.kill()
                process.join()
                receiver.close()
                del running[receiver]
                yield index, "timeout", f"over {limit:g} s"
