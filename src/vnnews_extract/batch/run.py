"""Batch extraction: a stream of inputs -> a stream of records, in input order, errors isolated.

Workers are processes (see :mod:`.pool`); each loads lexicons and underthesea once (at start).
At most ``workers * IN_FLIGHT_PER_WORKER`` inputs are in flight, so memory does not grow with the
number of inputs. A failing input becomes an error record ``{"id", "input", "error": {"type",
"message"}}`` and the run goes on; so does an input whose worker process dies on it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any, NamedTuple

from ..errors import VnnewsError
from .inputs import InputItem, load
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import extract
from ..records import BatchRecord, ErrorDetail, ErrorRecord
from .pool import Interrupted, Job, Pool

IN_FLIGHT_PER_WORKER = 4
_WARM_TEXT = "Ngày 1/6, UBND tỉnh bổ nhiệm ông Nguyễn Văn An giữ chức Giám đốc Sở Y tế. Tỷ lệ đạt 98,5%."
_worker_options: Options = DEFAULT_OPTIONS


class Result(NamedTuple):
    record: dict[str, Any]
    counts: dict[str, int]
    pid: int
    peak_rss_kb: int


def process(item: InputItem, options: Options | None = None) -> Result:
    """Run one input; never raises."""
    options = options or _worker_options
    try:
        article = extract(load(item, options.max_input_bytes), url=item.url, options=options, published=item.published)
        fields = {**dict(article), "id": item.article_id if item.article_id is not None else article.id}
        record = BatchRecord.model_construct(**fields, input=item.id, fetched=item.fetched).as_output()
        counts = {
            "articles": 1, "statistics": len(article.statistics), "people": len(article.people),
            "events": len(article.events),
        }
        return _result(record, counts)
    except (VnnewsError, OSError, ValueError, RecursionError, MemoryError) as exc:
        return _result(error_record(item.id, exc), {"failures": 1})
    except Interrupted:
        raise  # SIGTERM or SIGHUP during an input of an in-process run (--workers 1): the run stops
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the input: record it
        return _result(error_record(item.id, exc, bug=True), {"failures": 1})


def error_record(item_id: str, exc: BaseException, bug: bool = False) -> dict[str, Any]:
    """The :class:`ErrorRecord` of a failed input, as written: ``{"id", "input", "error": {"type",
    "message"}}`` (``"unexpected": true`` in ``error`` for a bug)."""
    error = ErrorDetail(type=type(exc).__name__, message=str(exc)[:500], unexpected=bug)
    return ErrorRecord(id=item_id, input=item_id, error=error).as_output()


def _result(record: dict[str, Any], counts: dict[str, int]) -> Result:
    return Result(record, counts, os.getpid(), peak_rss_kb())


def peak_rss_kb() -> int:
    """Peak resident set size of this process in KiB (0 where the OS does not say)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _init_worker(options: Options) -> None:
    """Load lexicons and underthesea once per worker, before the first real input."""
    global _worker_options
    _worker_options = options
    try:
        extract(_WARM_TEXT, options=options)
    except Exception:  # noqa: BLE001, S110 - warming is best effort; real inputs report errors
        pass


def worker_crashed(item: InputItem, how: str) -> Result:
    """The record of an input whose worker process died on it (out of memory, a crash)."""
    message = f"the worker process died on this input ({how})"
    return _result(error_record(item.id, WorkerCrash(message)), {"failures": 1})


class WorkerCrash(VnnewsError):
    """The process extracting an input died before it could finish."""


def max_workers() -> int:
    """The most worker processes a run starts: twice the cores this process may use."""
    try:
        cores = len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS, Windows
        cores = os.cpu_count() or 1
    return 2 * cores


def run_batch(items: Iterable[InputItem], workers: int = 1, options: Options = DEFAULT_OPTIONS) -> Iterator[Result]:
    """Results in input order, with bounded work in flight.

    Never more workers than inputs, nor than :func:`max_workers`. The worker processes are
    started here, before the caller iterates (and perhaps starts a progress-bar thread), so
    forking never happens in a process with extra threads. Raises WorkerStartError when they
    cannot start.
    """
    stream = iter(items)
    head = list(islice(stream, max(1, min(workers, max_workers()))))
    workers = min(workers, max_workers(), len(head))
    if workers <= 1:
        return (process(item, options) for item in chain(head, stream))
    job = Job(work=process, init=_init_worker, init_args=(options,), crashed=worker_crashed)
    pool = Pool(workers, job)
    return pool.imap(chain(head, stream), workers * IN_FLIGHT_PER_WORKER)
