"""Milliseconds per page of the cleaner on the big hostile HTML pages and on the corpus pages.

    python benchmarks/clean_big_pages.py [corpus/] [--repeat N] [--big DIR]

The big pages (100,000 links, a 1 MB paragraph, 20,000 short paragraphs, a 5 MB attribute,
100,000 nested tags) are written by ``tests/hostile/generate.py`` into a temporary folder unless
``--big`` names a folder that already holds them. Each page is cleaned (``clean(bytes)``: decode,
legacy-encoding check and HTML cleaning) ``--repeat`` times and the best time is kept, which is
the least disturbed by other work on the machine; the corpus line is the median of those best
times over all corpus pages.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from vnnews_extract.clean import clean

ROOT = Path(__file__).resolve().parents[1]
BIG_PAGES = (
    "links-100000.html", "paragraph-1mb.html", "many-short-paragraphs.html",
    "long-attribute-5mb.html", "nested-100000.html",
)


def _ms(data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        clean(data)
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def _write_big(folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    from generate import BIG  # type: ignore[import-not-found]

    for name in BIG_PAGES:
        BIG[name](folder / name)


def _corpus_median(corpus: Path, repeat: int) -> tuple[int, float]:
    folder = corpus / "pages" if (corpus / "pages").is_dir() else corpus
    pages = [p.read_bytes() for p in sorted(folder.glob("*.html"))]
    times = []
    for data in pages:
        clean(data)  # warm caches (lexicons, regexes)
        times.append(_ms(data, repeat))
    return len(pages), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big", help="folder already holding the big pages (else generated into a temp folder)")
    args = parser.parse_args()
    count, median = _corpus_median(Path(args.corpus), max(args.repeat, 5))
    print(f"{'corpus median':28s} {median:9.2f} ms/page   ({count} pages)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.big) if args.big else Path(tmp)
        if not args.big:
            _write_big(folder)
        for name in BIG_PAGES:
            data = (folder / name).read_bytes()
            print(f"{name:28s} {_ms(data, args.repeat):9.0f} ms/page   ({len(data) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
