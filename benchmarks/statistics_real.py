"""Cost of the statistics extractor on real text: ms per article over shared/realnews.

    python benchmarks/statistics_real.py [--repeat 2] [--limit N] [--budget CHARS]

Every article of ``../shared/realnews/articles.jsonl.gz`` (4,000 real published articles) is
cleaned, normalised and segmented once, untimed; then only the statistics step is timed, as the
pipeline runs it (``pipeline._statistics``: figures found, their sentences POS-tagged within
``Options.pos_budget_chars``, records built). One warm-up pass loads the lexicons and the tagger.
Each article's time is its best over ``--repeat`` passes (so a moment of load on a shared machine
does not count); prints the median and p90 in ms per article, the mean, and the total.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from dataclasses import replace
from pathlib import Path

from vnnews_extract.clean import clean
from vnnews_extract.options import DEFAULT_OPTIONS
from vnnews_extract.pipeline import _statistics
from vnnews_extract.text.document import build_document
from vnnews_extract.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = next(
    (p / "shared" / "realnews" / "articles.jsonl.gz" for p in [ROOT, *ROOT.parents] if (p / "shared" / "realnews" / "articles.jsonl.gz").is_file()),
    ROOT / "shared" / "realnews" / "articles.jsonl.gz",
)


def documents(limit: int | None) -> list:
    with gzip.open(REALNEWS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = rows[:limit] if limit else rows
    options = DEFAULT_OPTIONS
    return [segment(build_document(clean(r["text"])), max_sentence_chars=options.max_sentence_chars) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--budget", type=int, default=None, help="pos_budget_chars (default: Options' default)")
    args = parser.parse_args()
    options = DEFAULT_OPTIONS if args.budget is None else replace(DEFAULT_OPTIONS, pos_budget_chars=args.budget)
    docs = documents(args.limit)
    for doc in docs[:50]:  # warm-up: lexicons, compiled patterns, the tagger
        _statistics(doc, options, [])
    best = [float("inf")] * len(docs)
    figures = 0
    for _ in range(args.repeat):
        figures = 0
        for i, doc in enumerate(docs):
            start = time.perf_counter()
            figures += len(_statistics(doc, options, []))
            best[i] = min(best[i], (time.perf_counter() - start) * 1000)
    ordered = sorted(best)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    print(f"statistics over {len(docs)} real articles ({figures} figures), best of {args.repeat} passes:")
    print(f"  median {statistics.median(best):.2f} ms/article, p90 {p90:.2f} ms/article, mean {statistics.fmean(best):.2f}, total {sum(best) / 1000:.1f} s")


if __name__ == "__main__":
    main()
