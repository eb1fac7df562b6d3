"""Worker processes for blog runs: results in task order, errors raised in the caller, stopping at once."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

import pytest

from export.blog.workers import WorkerLost, in_workers


def _slow_square(number: int) -> int:
    time.sleep(random.random() / 500)  # finish out of order
    return number * number


def test_results_come_back_in_task_order_whatever_order_the_workers_finish_in():
    assert list(in_workers(iter(range(200)), _slow_square, 2, lambda: None)) == [n * n for n in range(200)]
    assert multiprocessing.active_children() == []


def test_the_start_function_runs_in_every_worker_before_its_work():
    started: list[int] = []

    def work(number: int) -> tuple[int, list[int]]:
        return number, list(started)

    results = list(in_workers(iter(range(20)), work, 2, lambda: started.append(os.getpid())))
    assert [number for number, _ in results] == list(range(20))
    assert all(len(seen) == 1 and seen[0] != os.getpid() for _, seen in results)


def test_an_error_in_a_worker_is_raised_in_the_caller_and_the_workers_stop():
    def work(number: int) -> int:
        if number == 30:
            raise ValueError("post 30 is broken")
        return number

    with pytest.raises(ValueError, match="post 30 is broken"):
        list(in_workers(iter(range(100)), work, 2, lambda: None))
    assert multiprocessing.active_children() == []


def test_stopping_the_results_half_way_stops_the_workers():
    results = in_workers(iter(range(10_000)), _slow_square, 2, lambda: None)
    assert next(results) == 0
    results.close()
    assert multiprocessing.active_children() == []


def test_a_worker_that_dies_ends_the_run_with_an_error():
    def work(number: int) -> int:
        if number == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        return number

    with pytest.raises(WorkerLost):
        list(in_workers(iter(range(50)), work, 2, lambda: None))
    assert multiprocessing.active_children() == []
