"""Throughput of the batch command, against the pipeline a user would otherwise assemble.

    pip install ".[bench]" && python benchmarks/throughput.py [--n 2000] [--small 200] [--baseline-n 200]

Builds N pages from corpus/ (cycling through it, each copy lightly varied so no two are equal),
writes them to a temporary folder, then prints:

- articles/s of ``run_batch`` over those files with 1 and 2 workers, for ``--small`` and ``--n``
  inputs, and peak RSS per worker (flat from small to N: memory does not grow with inputs);
- the share of CPU time per stage (clean, normalise, segment, POS, statistics, people/events),
  timing the stage functions directly in one process, called as ``pipeline.analyse`` calls them;
- on the first ``--baseline-n`` of the same pages, the assembled pipeline: trafilatura for the
  text, underthesea ``word_tokenize`` and ``ner`` on every sentence, a regex for numbers; and our
  pipeline (1 worker) on those same pages, with the ratio.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any
from pathlib import Path

from vnnews_extract.batch.run import run_batch
from vnnews_extract.batch.inputs import iter_items
from vnnews_extract.options import DEFAULT_OPTIONS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|phần trăm|tỷ|triệu|nghìn|ha|km|tấn|người|đồng)?")


def corpus_pages() -> list[Path]:
    """The corpus inputs (pages and texts), in a fixed order."""
    pages = [p for p in CORPUS.rglob("*") if p.suffix in (".html", ".txt") and p.is_file()]
    return sorted(pages)


def vary(source: bytes, suffix: str, number: int) -> bytes:
    """A light, content-preserving variation: one extra sentence at the end of the body."""
    extra = f"Bản cập nhật số {number} lúc {number % 24} giờ.".encode()
    if suffix == ".html" and b"</body>" in source:
        return source.replace(b"</body>", b"<p>" + extra + b"</p></body>", 1)
    return source.rstrip() + b"\n" + extra + b"\n"


def build_pages(n: int, folder: Path) -> list[Path]:
    sources = corpus_pages()
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        path = folder / f"p{i:05d}{src.suffix}"
        path.write_bytes(vary(src.read_bytes(), src.suffix, i))
        paths.append(path)
    return paths


def run_ours(paths: list[Path], workers: int) -> tuple[float, dict[int, int], float]:
    """(articles/s, peak RSS in KiB per worker pid, CPU seconds per article spent in workers)."""
    started, cpu_main, cpu_children = time.perf_counter(), time.process_time(), _children_cpu()
    peaks: dict[int, int] = {}
    items = iter_items([str(p) for p in paths], DEFAULT_OPTIONS.max_input_bytes)
    count = 0
    for result in run_batch(items, workers=workers):
        count += 1
        peaks[result.pid] = max(peaks.get(result.pid, 0), result.peak_rss_kb)
    rate = count / (time.perf_counter() - started)
    in_workers = time.process_time() - cpu_main if workers == 1 else _children_cpu() - cpu_children
    return rate, peaks, in_workers / max(1, count)


def _children_cpu() -> float:
    """CPU seconds of the finished (joined) child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stage_times(paths: list[Path]) -> dict[str, float]:
    """Seconds spent in each stage function over ``paths``, in one process."""
    from vnnews_extract.clean import clean
    from vnnews_extract.extract.personnel import extract_personnel
    from vnnews_extract.extract.statistics import extract_statistics, find_figures
    from vnnews_extract.options import DEFAULT_OPTIONS
    from vnnews_extract.text.document import build_document
    from vnnews_extract.text.segment import segment, tag_sentences

    window = (DEFAULT_OPTIONS.pos_window_before, DEFAULT_OPTIONS.pos_window_after)

    totals = dict.fromkeys(("clean", "normalise", "segment", "POS", "statistics", "people/events"), 0.0)
    for path in paths:
        cleaned = _timed(totals, "clean", lambda: clean(path.read_bytes()))  # noqa: B023
        doc = _timed(totals, "normalise", lambda: build_document(cleaned))  # noqa: B023
        doc = _timed(totals, "segment", lambda: segment(doc))  # noqa: B023
        found = _timed(totals, "statistics", lambda: find_figures(doc, DEFAULT_OPTIONS.max_number_candidates))  # noqa: B023
        tagged = _timed(totals, "POS", lambda: tag_sentences(doc, found.by_sentence, DEFAULT_OPTIONS.pos_budget_chars, window)[0])  # noqa: B023
        _timed(totals, "statistics", lambda: list(extract_statistics(tagged, found)))  # noqa: B023
        _timed(totals, "people/events", lambda: extract_personnel(doc))  # noqa: B023
    return totals


def _timed(totals: dict[str, float], stage: str, call: Callable[[], Any]) -> Any:
    started = time.process_time()
    value = call()
    totals[stage] += time.process_time() - started
    return value


def assembled(source: bytes, is_html: bool) -> int:
    """What a user would otherwise glue together; returns how many numbers it found."""
    import trafilatura
    from underthesea import ner, sent_tokenize, word_tokenize

    page = source.decode("utf-8", errors="replace")
    text = (trafilatura.extract(page) if is_html else None) or page
    for sentence in sent_tokenize(text):
        word_tokenize(sentence)
        ner(sentence)
    return len(NUMBER.findall(text))


def run_assembled(paths: list[Path]) -> float:
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    assembled(paths[0].read_bytes(), True)  # load the models before timing, as for our workers
    started = time.perf_counter()
    for path in paths:
        assembled(path.read_bytes(), path.suffix == ".html")
    return len(paths) / (time.perf_counter() - started)


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="pages in the large run (default 2000)")
    parser.add_argument("--small", type=int, default=200, help="pages in the small run (default 200)")
    parser.add_argument("--baseline-n", type=int, default=200, help="pages for the assembled pipeline (default 200)")
    return parser.parse_args(argv)


def report_runs(paths: list[Path], small: int) -> None:
    run_ours(paths[:20], 1)  # load lexicons in this process first: the 1-worker runs use it
    for n in (small, len(paths)):
        rates, cpu = {}, {}
        for workers in (1, 2):
            rates[workers], peaks, cpu[workers] = run_ours(paths[:n], workers)
            rss = ", ".join(f"{kb / 1024:.0f}" for _, kb in sorted(peaks.items()))
            print(f"ours    {n:>5} inputs, {workers} worker(s): {rates[workers]:7.1f} articles/s, "
                  f"{1000 * cpu[workers]:.1f} ms CPU per article; peak RSS per worker (MB): {rss}", flush=True)
        print(f"        {n:>5} inputs: 2 workers / 1 worker = {rates[2] / rates[1]:.2f}x measured (target >= 1.7x); "
              f"{min(2.0, 2 * cpu[1] / cpu[2]):.2f}x from CPU per article (what 2 idle cores would give)", flush=True)


def report_stages(paths: list[Path]) -> None:
    totals = stage_times(paths)
    whole = sum(totals.values())
    shares = ", ".join(f"{stage} {100 * t / whole:.0f}%" for stage, t in totals.items())
    print(f"stages  over {len(paths)} inputs ({len(paths) / whole:.1f} articles/s in one process): {shares}")


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    with tempfile.TemporaryDirectory(prefix="vnnews-bench-") as tmp:
        paths = build_pages(args.n, Path(tmp))
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"pages   {len(paths)} built from {len(corpus_pages())} corpus files; {os.cpu_count()} cores, "
              f"load average {load} (other work on the machine lowers every rate)", flush=True)
        report_runs(paths, args.small)
        report_stages(paths[: args.small])
        subset = paths[: args.baseline_n]
        ours = run_ours(subset, 1)[0]
        theirs = run_assembled(subset)
        print(f"compare {len(subset)} inputs, 1 process: ours {ours:.1f} articles/s, assembled (trafilatura + "
              f"underthesea word_tokenize + ner + regex) {theirs:.1f} articles/s = {ours / theirs:.1f}x (target >= 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
