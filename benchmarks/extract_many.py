"""extract_many over a stream of inputs: every record in order, memory flat.

    python benchmarks/extract_many.py [--n 1000] [--workers 2] [--at 100,500,1000]

Makes N sources from corpus/ as they are taken (a generator: the corpus pages cycled, each copy
lightly varied), one kind after another: a JSONL-like dict with an id, the page's bytes, its text
as a str, a pathlib path to a copy on disk; every 100th source is an empty text, which must come
back as an ErrorRecord in its place. The records are consumed one by one and not kept (only
their ids). At each checkpoint it prints the records so far, the rate, the peak and current RSS of
this process, the peak RSS of each worker process, and the most sources taken ahead of the records
given back (the inputs in flight). At the end it checks the order: each record against the id its
source must give (the given id; the pipeline's id of the cleaned text; ``sources[i]`` for errors).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from throughput import corpus_pages, vary  # benchmarks/ is this script's folder

from vnnews_extract import ErrorRecord, extract_many
from vnnews_extract.clean import clean
from vnnews_extract.pipeline import article_id
from vnnews_extract.text.document import build_document

KINDS = ("dict", "bytes", "str", "path")


class Sources:
    """The N sources, made lazily; counts how many were taken."""

    def __init__(self, n: int, folder: Path) -> None:
        self.n, self.folder, self.taken = n, folder, 0
        self.pages = [(p.suffix, p.read_bytes()) for p in corpus_pages()]

    def content(self, i: int) -> tuple[str, bytes]:
        suffix, raw = self.pages[i % len(self.pages)]
        return suffix, vary(raw, suffix, i)

    def make(self, i: int) -> object:
        if i % 100 == 99:
            return ""  # an error, in its place
        suffix, data = self.content(i)
        kind = KINDS[i % len(KINDS)]
        if kind == "dict":
            return {"html" if suffix == ".html" else "text": data.decode("utf-8", "replace"), "id": f"doc-{i:05d}"}
        if kind == "path":
            path = self.folder / f"p{i:05d}{suffix}"
            path.write_bytes(data)
            return path
        return data if kind == "bytes" else data.decode("utf-8", "replace")

    def __iter__(self) -> Iterator[object]:
        for i in range(self.n):
            self.taken += 1
            yield self.make(i)

    def expected_id(self, i: int) -> str:
        """The id the record of source ``i`` must have (recomputed here, after the run)."""
        if i % 100 == 99:
            return f"sources[{i}]"
        if KINDS[i % len(KINDS)] == "dict":
            return f"doc-{i:05d}"
        suffix, data = self.content(i)
        source = data if KINDS[i % len(KINDS)] != "str" else data.decode("utf-8", "replace")
        cleaned = clean(source)
        return article_id(cleaned.url, build_document(cleaned).text)


def rss_kb(pid: int | str, field: str) -> int:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of a process, in KiB (0 when unknown)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def checkpoint(done: int, started: float, ahead: int) -> str:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = sorted(rss_kb(p.pid, "VmHWM") for p in multiprocessing.active_children())
    rate = done / (time.perf_counter() - started)
    return (f"{done:>6} records, {rate:5.1f} records/s; main process peak RSS {peak / 1024:.0f} MB, now "
            f"{rss_kb('self', 'VmRSS') / 1024:.0f} MB; workers' peak RSS (MB): "
            f"{', '.join(f'{kb / 1024:.0f}' for kb in workers)}; most sources in flight so far: {ahead}")


def run(n: int, workers: int, marks: set[int], folder: Path) -> tuple[Sources, list[str]]:
    sources = Sources(n, folder)
    ids: list[str] = []
    ahead = 0
    started = time.perf_counter()
    for done, record in enumerate(extract_many(sources, workers=workers), start=1):
        ids.append(record.input if isinstance(record, ErrorRecord) else record.id)
        ahead = max(ahead, sources.taken - done)
        if done in marks:
            print(checkpoint(done, started, ahead), flush=True)
    return sources, ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="sources (default 1000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--at", default="100,500,1000", help="checkpoints (default 100,500,1000)")
    args = parser.parse_args(argv)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"extract_many over {args.n} sources ({', '.join(KINDS)} in turn, every 100th empty), "
          f"{args.workers} workers; {os.cpu_count()} cores, load average {load}", flush=True)
    with tempfile.TemporaryDirectory(prefix="vnnews-bench-") as tmp:
        sources, ids = run(args.n, args.workers, {int(m) for m in args.at.split(",")}, Path(tmp))
        wrong = [i for i, got in enumerate(ids) if got != sources.expected_id(i)]
    errors = sum(1 for i in ids if i.startswith("sources["))
    print(f"order: {len(ids)} records for {args.n} sources, {errors} error records in place, "
          f"{len(wrong)} out of place{f' (first: {wrong[0]})' if wrong else ''}")
    return 0 if len(ids) == args.n and not wrong else 1


if __name__ == "__main__":
    sys.exit(main())
