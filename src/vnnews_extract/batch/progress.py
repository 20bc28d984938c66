"""Progress on stderr: a tqdm bar on a terminal, a plain periodic line otherwise; the summary."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
PLAIN_EVERY_SECONDS = 5.0
SUMMARY_KEYS = ("inputs", "articles", "failures", "statistics", "people", "events")


def progress(results: Iterable[T], total: int | None, quiet: bool) -> Iterator[T]:
    """Pass ``results`` through, reporting on stderr as they go by."""
    if quiet:
        yield from results
    elif sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(results, total=total, unit="article", file=sys.stderr, smoothing=0.1)
    else:
        yield from _plain(results, total)


def _plain(results: Iterable[T], total: int | None) -> Iterator[T]:
    started = last = time.perf_counter()
    done = 0
    for done, item in enumerate(results, start=1):
        now = time.perf_counter()
        if now - last >= PLAIN_EVERY_SECONDS:
            print(progress_line(done, total, now - started), file=sys.stderr, flush=True)
            last = now
        yield item


def progress_line(done: int, total: int | None, elapsed: float) -> str:
    """``done/total inputs, rate, ETA``.

    >>> progress_line(50, 200, 10.0)
    '50/200 inputs, 5.0 articles/s, ETA 30s'
    >>> progress_line(50, None, 10.0)
    '50 inputs, 5.0 articles/s'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    if total is None:
        return f"{done} inputs, {rate:.1f} articles/s"
    eta = (total - done) / rate if rate > 0 else 0.0
    return f"{done}/{total} inputs, {rate:.1f} articles/s, ETA {max(0.0, eta):.0f}s"


def summary_line(counts: dict[str, int], elapsed: float) -> str:
    """The closing summary (inputs, articles, failures, records of each kind, elapsed, rate)."""
    parts = [f"{key} {counts.get(key, 0)}" for key in SUMMARY_KEYS]
    if counts.get("skipped"):
        earlier = counts.get("skipped_failures", 0)
        parts.append(f"skipped {counts['skipped']} (already in the output{f', {earlier} of them failures' if earlier else ''})")
    rate = counts.get("inputs", 0) / elapsed if elapsed > 0 else 0.0
    return ", ".join(parts) + f", elapsed {elapsed:.1f}s, {rate:.1f} articles/s"
