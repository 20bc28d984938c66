"""Cost of people and events on real published text: ms per article of ``extract_personnel`` over
the 4,000 articles of ../shared/realnews (or ``--limit`` of them).

    python benchmarks/personnel_real.py [--limit 4000] [--source PATH]

Each article is cleaned, normalised and segmented first (not timed); then ``extract_personnel`` is
timed per article with the thread's CPU clock (so other processes on the machine do not count),
after a warm-up that loads the lexicons and compiles the grammar. Prints the median, p90, p99 and
mean ms per article, the slowest article, the number of articles that raised, and the totals of
people and events found.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

from vnnews_extract.clean import clean
from vnnews_extract.extract.personnel import extract_personnel
from vnnews_extract.text.document import build_document
from vnnews_extract.text.segment import segment

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "realnews" / "articles.jsonl.gz"


def articles(path: Path, limit: int) -> list[tuple[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line, _ in zip(fh, range(limit))]
    return [(row["id"], row["text"]) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=4000)
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args()
    docs = [(aid, segment(build_document(clean(text)))) for aid, text in articles(args.source, args.limit)]
    for _, doc in docs[:50]:
        extract_personnel(doc)  # warm-up
    times, errors, people, events = [], 0, 0, 0
    for aid, doc in docs:
        start = time.thread_time()
        try:
            found = extract_personnel(doc)
        except Exception:  # noqa: BLE001 - a benchmark counts crashes, it does not stop on them
            errors += 1
            continue
        times.append(((time.thread_time() - start) * 1000, aid))
        people, events = people + len(found[0]), events + len(found[1])
    ms = sorted(t for t, _ in times)
    slowest = max(times)
    print(f"articles {len(docs)}, raised {errors}, people {people}, events {events}")
    print(f"extract_personnel ms/article: median {statistics.median(ms):.2f}  p90 {ms[int(0.9 * len(ms))]:.2f}  "
          f"p99 {ms[int(0.99 * len(ms))]:.2f}  mean {statistics.fmean(ms):.2f}  slowest {slowest[0]:.1f} ({slowest[1]})")


if __name__ == "__main__":
    main()
