"""The background store writer: order, errors, and the ingest that uses it."""

from __future__ import annotations

import threading
import time

import pytest

from warwire.store_writer import StoreWriter


def test_tasks_run_in_order_in_another_thread() -> None:
    done: list[tuple[int, str]] = []
    with StoreWriter(depth=2) as writer:
        for n in range(50):
            writer.submit(lambda n=n: done.append((n, threading.current_thread().name)))
    assert [n for n, _ in done] == list(range(50))
    assert {name for _, name in done} == {"warwire-store"}


def test_unthreaded_writer_runs_each_task_at_once() -> None:
    done: list[str] = []
    with StoreWriter(threaded=False) as writer:
        writer.submit(lambda: done.append(threading.current_thread().name))
        assert done == [threading.current_thread().name]


def test_first_error_reaches_the_caller_and_later_tasks_do_not_run() -> None:
    done: list[int] = []

    def fail() -> None:
        raise ValueError("disk full")

    writer = StoreWriter(depth=1)
    writer.submit(lambda: done.append(1))
    writer.submit(fail)
    writer.submit(lambda: done.append(3))
    with pytest.raises(ValueError, match="disk full"):
        for _ in range(100):  # the error surfaces at a later submit or at close
            time.sleep(0.01)
            writer.submit(lambda: done.append(4))
        writer.close()
    writer.close()
    assert done == [1]


def test_the_callers_error_wins_and_queued_work_is_finished() -> None:
    done: list[int] = []
    with pytest.raises(KeyError), StoreWriter() as writer:
        writer.submit(lambda: (time.sleep(0.05), done.append(1)))
        raise KeyError("annotator failed")
    assert done == [1]
