"""The one writer thread, which runs the hall's commands in batches (group commit).

Jobs are queued from any thread; the writer takes the first one and every job already queued
behind it (up to :data:`BATCH`) and hands them to ``run_batch`` together, which runs them in
order and commits what they changed once for all of them. Only when the batch is done does each
job's future get its result or its error: nobody is answered before the commit that makes the
answer true. An idle writer never waits for company: a lone job is a batch of one. A job whose
future was cancelled before the writer took it is dropped unrun.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("hallq.server")
BATCH = 64  # jobs committed together at most: bounds how long the lock is held at once


@dataclass(eq=False)
class Job:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    future: Future[Any] = field(default_factory=Future)
    result: Any = None
    error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn(*self.args)
        except BaseException as e:  # handed to whoever waits for the job
            self.error = e

    def fail(self, error: BaseException) -> None:
        """What it did was not committed after all: it is refused with the commit's error."""
        self.error, self.result = error, None

    def answer(self) -> None:
        if self.error is not None:
            self.future.set_exception(self.error)
        else:
            self.future.set_result(self.result)


class Writer:
    def __init__(self, run_batch: Callable[[list[Job]], None], name: str = "hallq-writer") -> None:
        self.run_batch = run_batch
        self.jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self.thread.start()

    def here(self) -> bool:
        return threading.get_ident() == self.thread.ident

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        job = Job(fn, args)
        self.jobs.put(job)
        return job.future

    def close(self) -> None:
        """Runs what was queued before, then stops."""
        if self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join()

    def _loop(self) -> None:
        while True:
            first = self.jobs.get()
            if first is None:
                return
            batch, stop = [first], False
            while len(batch) < BATCH:
                try:
                    more = self.jobs.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stop = True
                    break
                batch.append(more)
            # a caller that gave up before its job ran (a request cancelled, a client gone)
            # was answered nothing: the job is not run; the others can no longer be cancelled
            batch = [job for job in batch if job.future.set_running_or_notify_cancel()]
            if not batch:
                if stop:
                    return
                continue
            try:
                self.run_batch(batch)
            except BaseException as e:  # never leave a caller waiting
                log.exception("the writer's batch failed")
                for job in batch:
                    if job.error is None:
                        job.fail(e)
            for job in batch:
                try:
                    job.answer()
                except Exception:  # the writer outlives any one answer: the hall needs it
                    log.exception("answering a job of the writer's batch")
            if stop:
                return
