"""Forked worker processes for a long run: batches of tasks out, results back in task order.

Each worker has a pipe of its own and is handed a batch only when it is idle, all from the calling
thread: there is no feeder thread to block on a full pipe, so stopping the workers never hangs (as
``multiprocessing.Pool.terminate`` can when its task thread is caught writing to dead workers).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkProcess
from typing import Any, TypeVar, cast

Task = TypeVar("Task")
Result = TypeVar("Result")

BATCH = 8  # tasks sent to a worker at a time
AHEAD = 4  # batches per worker done or under way before their results are taken: bounds memory


class WorkerLost(Exception):
    """A worker process ended without handing back its batch (killed, or out of memory)."""


def in_workers(
    tasks: Iterator[Task],
    work: Callable[[Task], Result],
    jobs: int,
    start: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """``work`` on each task in ``jobs`` forked processes, each of which first calls ``start`` if given."""
    context = multiprocessing.get_context("fork")
    workers: list[tuple[ForkProcess, Connection]] = []
    try:
        for _ in range(jobs):
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, work, start), daemon=True)
            process.start()
            theirs.close()
            workers.append((process, ours))
        yield from _in_order([connection for _, connection in workers], _batches(tasks))
        for _, connection in workers:
            connection.send(None)  # no more work: the worker returns
    except BaseException:
        for process, _ in workers:
            process.terminate()  # a worker holds the signal while it puts a book in place
        raise
    finally:
        for process, connection in workers:
            process.join()
            connection.close()


def _in_order(connections: list[Connection], batches: Iterator[list]) -> Iterator:
    """Hand each batch to an idle worker; yield the results batch by batch, in the batches' order."""
    idle = list(connections)
    under_way: dict[Connection, int] = {}
    finished: dict[int, list] = {}
    sent = taken = 0
    more = True
    while True:
        while more and idle and sent - taken < len(connections) * AHEAD:
            batch = next(batches, None)
            if batch is None:
                more = False
                break
            connection = idle.pop()
            connection.send(batch)
            under_way[connection] = sent
            sent += 1
        while taken in finished:
            yield from finished.pop(taken)
            taken += 1
        if not under_way:
            if more and idle:
                continue  # results were taken, so batches may go out again
            return
        for ready in wait(list(under_way)):
            connection = cast(Connection, ready)  # wait() hands back what it was given
            try:
                results = connection.recv()
            except EOFError:
                raise WorkerLost("a worker process ended before finishing its posts") from None
            if isinstance(results, Exception):
                raise results
            finished[under_way.pop(connection)] = results
            idle.append(connection)


def _serve(connection: Connection, work: Callable[[Any], Any], start: Callable[[], None] | None) -> None:
    """A worker's life: batches in, results out, until told there is no more."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the calling process stops the run and cleans up
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if start is not None:
        start()
    while (batch := connection.recv()) is not None:
        try:
            results = [work(task) for task in batch]
        except Exception as error:  # raised again in the calling process, which ends the run
            connection.send(error)
            return
        connection.send(results)


def _batches(tasks: Iterator) -> Iterator[list]:
    batch = []
    for task in tasks:
        batch.append(task)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
