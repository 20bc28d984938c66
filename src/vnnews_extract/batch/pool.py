"""Worker processes for the batch: tied to the parent's life, fed one input at a time, in order.

Each worker is a process with its own pipe. It is given one input at a time, so when a worker
dies (the kernel's out-of-memory killer, a crash in a C extension) the input it held is known:
that input gets a record saying so, a new worker takes its place, and the run goes on.

Workers never outlive the run: on Linux the kernel kills a worker when its parent dies
(``PR_SET_PDEATHSIG``, so even ``kill -9`` of the parent leaves no orphan), elsewhere a thread
in the worker exits it within a second of the parent's death; the parent kills its workers when
it stops early (Ctrl-C, SIGTERM, an error). Workers ignore Ctrl-C: the parent alone decides.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

READY = "ready"
STARTUP_SECONDS = 300.0  # a worker not ready by then is taken as unable to start (no hang)
_PR_SET_PDEATHSIG = 1
_END = object()
# Exit by one of these signals means the run is being stopped, not that the input was at fault.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class WorkerStartError(RuntimeError):
    """A worker process could not be started (or died before it was ready)."""


class Interrupted(Exception):
    """The run was stopped by a signal (SIGTERM, SIGHUP, or a worker killed by one)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.signum = signum


@dataclass
class Job:
    """What a worker runs: ``init(*init_args)`` once, then ``work(item)`` per input."""

    work: Callable[[Any], Any]
    init: Callable[..., None]
    init_args: tuple[Any, ...]
    crashed: Callable[[Any, str], Any]  # the result for an input whose worker died (in the parent)


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: tuple[int, Any] | None = None


def tie_to_parent(parent: int) -> None:
    """Make this process die with ``parent`` (called first thing in a worker)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the watch thread does it
            pass
    if os.getppid() != parent:
        os._exit(1)  # the parent died before we got here
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _worker_main(conn: Connection, job: Job, parent: int) -> None:
    tie_to_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    job.init(*job.init_args)
    conn.send(READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, item = message
        conn.send((seq, job.work(item)))


class Pool:
    """``size`` workers running ``job``; :meth:`imap` gives results in input order."""

    def __init__(self, size: int, job: Job) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self._context: Any = multiprocessing.get_context(method)  # a fork or spawn context: both have Process and Pipe
        self._job = job
        self._workers: list[_Worker] = []
        try:
            self._workers = [self._spawn() for _ in range(size)]
            for worker in self._workers:
                self._wait_ready(worker)
        except BaseException:
            self.close(kill=True)
            raise

    def _spawn(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child_end, self._job, os.getpid()), daemon=True)
        try:
            process.start()
        except OSError as exc:
            parent_end.close()
            raise WorkerStartError(f"cannot start a worker process: {exc}") from exc
        finally:
            child_end.close()
        return _Worker(process, parent_end)

    def _wait_ready(self, worker: _Worker) -> None:
        wait([worker.conn, worker.process.sentinel], timeout=STARTUP_SECONDS)
        try:
            if worker.conn.poll() and worker.conn.recv() == READY:
                return
        except (EOFError, OSError):
            pass
        worker.process.join(timeout=5)  # its pipe can close a moment before the process is gone
        if worker.process.is_alive():
            raise WorkerStartError(f"a worker process was not ready after {STARTUP_SECONDS:.0f} s")
        raise WorkerStartError(f"a worker process exited while starting ({_exit_text(worker.process.exitcode)})")

    def imap(self, items: Iterable[Any], limit: int) -> Iterator[Any]:
        """``job.work(item)`` for every item, in order, with at most ``limit`` items in flight."""
        try:
            yield from self._ordered(iter(items), max(limit, len(self._workers)))
        except BaseException:
            self.close(kill=True)
            raise
        self.close()

    def _ordered(self, items: Iterator[Any], limit: int) -> Iterator[Any]:
        results: dict[int, Any] = {}
        sent = emitted = 0
        exhausted = False
        while True:
            for worker in self._workers:
                if exhausted or worker.task is not None or sent - emitted >= limit:
                    continue
                item = next(items, _END)
                if item is _END:
                    exhausted = True
                    break
                self._send(worker, sent, item)
                sent += 1
            while emitted in results:
                yield results.pop(emitted)
                emitted += 1
            if exhausted and emitted == sent:
                return
            self._collect(results)

    def _send(self, worker: _Worker, seq: int, item: Any) -> None:
        """Give ``item`` to an idle worker; one that died while idle is replaced first."""
        for attempt in (1, 2):
            try:
                worker.conn.send((seq, item))
            except (OSError, ValueError):
                if attempt == 2:
                    raise WorkerStartError("cannot hand an input to a fresh worker process") from None
                self._replace(worker)
                continue
            worker.task = (seq, item)
            return

    def _collect(self, results: dict[int, Any]) -> None:
        """Wait until a busy worker has a result, or has died."""
        busy = [w for w in self._workers if w.task is not None]
        if not busy:
            return
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                self._settle(worker, results)

    def _settle(self, worker: _Worker, results: dict[int, Any]) -> None:
        assert worker.task is not None
        seq, item = worker.task
        try:
            if worker.conn.poll():
                done_seq, result = worker.conn.recv()
                results[done_seq], worker.task = result, None
        except (EOFError, OSError):
            pass
        if worker.process.is_alive() or worker.process.exitcode is None:
            if worker.task is None:
                return
            worker.process.join(timeout=5)  # the pipe broke: the process is on its way out
        if worker.task is not None:
            code = worker.process.exitcode
            if code is not None and code < 0 and -code in STOP_SIGNALS:
                raise Interrupted(-code)
            results[seq], worker.task = self._job.crashed(item, _exit_text(code)), None
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.conn.close()
        worker.process.join(timeout=1)
        fresh = self._spawn()
        self._wait_ready(fresh)
        worker.process, worker.conn = fresh.process, fresh.conn

    def close(self, kill: bool = False) -> None:
        """Stop the workers: politely once the work is done, at once (``kill``) otherwise."""
        for worker in self._workers:
            if not kill:
                try:
                    worker.conn.send(None)
                except (OSError, ValueError):
                    pass
            elif worker.process.is_alive():
                worker.process.kill()
        for worker in self._workers:
            worker.process.join(timeout=None if kill else 10)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers = []


def _exit_text(code: int | None) -> str:
    """How a worker process ended, in words.

    >>> _exit_text(-9), _exit_text(1)
    ('killed by SIGKILL (out of memory?)', 'exit status 1')
    """
    if code is None:
        return "still running"
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        return f"killed by {name}" + (" (out of memory?)" if -code == signal.SIGKILL else "")
    return f"exit status {code}"
