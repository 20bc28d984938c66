"""The cleaner on real saved pages: ms per stage, the ratio to trafilatura, and time per MB.

    pip install ".[bench]" && python benchmarks/clean_real_pages.py [--pages ../shared/realpages] [--repeat 7]

Prints, in one run:

1. per page, the cleaner's time (``clean(bytes)``: decoding, legacy-encoding check and HTML
   cleaning) and ``trafilatura.extract(bytes)``'s, and their ratio; then the medians over the
   pages and the ratio of the medians (issue 16's target: 0.5 or less);
2. the median milliseconds of each cleaning stage over the pages;
3. time per MB of HTML from 0.1 to 10 MB, on pages made of the real pages' bodies repeated
   (each size is one page), and the ratio of the slowest to the fastest ms/MB (target: 1.5 or less).

Times are per-thread CPU time (``time.thread_time``, so other work on a shared machine does not
count), ours and theirs interleaved page by page, and the median of ``--repeat`` runs each.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import regex

from vnnews_extract.clean import clean

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "realpages"
SIZES_MB = (0.1, 0.3, 1.0, 3.0, 10.0)
_BODY = regex.compile(r"<body[^>]*>(.*)</body>", regex.S | regex.I)


def cpu_ms(fn: Callable[[], object]) -> float:
    start = time.thread_time()
    fn()
    return (time.thread_time() - start) * 1000


def trafilatura_extract(data: bytes) -> object:
    import trafilatura

    return trafilatura.extract(data)


def compare(pages: list[tuple[str, bytes]], repeat: int) -> None:
    print(f"{'page':36s} {'clean ms':>9s} {'trafilatura ms':>15s} {'ratio':>6s}")
    ours_all, theirs_all = [], []
    for name, data in pages:
        clean(data), trafilatura_extract(data)  # warm: lexicons, regexes, imports
        ours, theirs = [], []
        for _ in range(repeat):
            ours.append(cpu_ms(lambda data=data: clean(data)))  # type: ignore[misc]
            theirs.append(cpu_ms(lambda data=data: trafilatura_extract(data)))  # type: ignore[misc]
        o, t = statistics.median(ours), statistics.median(theirs)
        ours_all.append(o)
        theirs_all.append(t)
        print(f"{name:36s} {o:9.2f} {t:15.2f} {o / t:6.2f}")
    o, t = statistics.median(ours_all), statistics.median(theirs_all)
    print(f"{'median over pages':36s} {o:9.2f} {t:15.2f} {o / t:6.2f}   (target: 0.50 or less)")


class Laps:
    """Adds each stage's CPU milliseconds to ``runs[stage]`` as ``clean`` reports its end."""

    def __init__(self, runs: dict[str, list[float]]) -> None:
        self.runs = runs
        self.last = time.thread_time()

    def __call__(self, stage: str) -> None:
        now = time.thread_time()
        self.runs.setdefault(stage, []).append((now - self.last) * 1000)
        self.last = now


def stages(pages: list[tuple[str, bytes]], repeat: int) -> None:
    if "lap" not in clean.__kwdefaults__:  # an older cleaner, without stage laps
        print("\nms per cleaning stage: not available from this version of the cleaner")
        return
    per_stage: dict[str, list[float]] = {}
    for _, data in pages:
        runs: dict[str, list[float]] = {}
        for _ in range(repeat):
            clean(data, lap=Laps(runs))
        for stage, values in runs.items():
            per_stage.setdefault(stage, []).append(statistics.median(values))
    print("\nms per cleaning stage (median over pages):")
    for stage, values in per_stage.items():
        print(f"  {stage:20s} {statistics.median(values):7.2f}")
    print(f"  {'sum of medians':20s} {sum(statistics.median(v) for v in per_stage.values()):7.2f}")


def big_page(pages: list[tuple[str, bytes]], size: int) -> bytes:
    """One page of about ``size`` bytes: the real pages' bodies, repeated."""
    bodies = [m.group(1) for _, data in pages if (m := _BODY.search(data.decode("utf-8", "replace")))]
    parts: list[str] = []
    total = 0
    while total < size:
        body = bodies[len(parts) % len(bodies)]
        parts.append(body)
        total += len(body.encode("utf-8"))
    html = "<html><head><meta charset='utf-8'><title>Trang lớn</title></head><body>" + "".join(parts) + "</body></html>"
    return html.encode("utf-8")


def per_mb(pages: list[tuple[str, bytes]], repeat: int) -> None:
    print("\ntime per MB of HTML (one page per size, the real pages' bodies repeated):")
    rates = []
    for mb in SIZES_MB:
        data = big_page(pages, int(mb * 1_000_000))
        runs = max(1, repeat if mb < 3 else 1)
        ms = statistics.median(cpu_ms(lambda data=data: clean(data)) for _ in range(runs))  # type: ignore[misc]
        rates.append(ms / (len(data) / 1e6))
        print(f"  {len(data) / 1e6:6.2f} MB {ms:10.1f} ms {rates[-1]:8.1f} ms/MB")
    print(f"  slowest / fastest ms/MB: {max(rates) / min(rates):.2f}   (target: 1.50 or less)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=str(PAGES))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    folder = Path(args.pages)
    pages = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.html"))]
    if not pages:
        raise SystemExit(f"no pages under {folder}")
    print(f"{len(pages)} real pages from {folder}, {args.repeat} timed runs each\n")
    compare(pages, args.repeat)
    stages(pages, args.repeat)
    per_mb(pages, args.repeat)


if __name__ == "__main__":
    main()
