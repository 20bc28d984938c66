"""Cost of the personnel extractor: milliseconds per article of ``extract_personnel`` over corpus/personnel.

    python benchmarks/personnel_cost.py [--repeat 20]

The articles are cleaned, normalised and segmented once (without word tokens, as the batch
command runs); only ``extract_personnel`` is timed, after one warm-up pass that loads the
lexicons and compiles the grammar. Prints the median and the best of the repeats, in ms per
article, and the process CPU time per article.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from vnnews_extract.clean import clean
from vnnews_extract.text.document import build_document
from vnnews_extract.extract.personnel import extract_personnel
from vnnews_extract.text.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "personnel"


def documents() -> list:
    return [segment(build_document(clean(p.read_bytes()))) for p in sorted(CORPUS.glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    docs = documents()
    for doc in docs:  # warm-up: lexicons, compiled patterns
        extract_personnel(doc)
    wall: list[float] = []
    cpu_start = time.process_time()
    for _ in range(args.repeat):
        start = time.perf_counter()
        for doc in docs:
            extract_personnel(doc)
        wall.append((time.perf_counter() - start) * 1000 / len(docs))
    cpu = (time.process_time() - cpu_start) * 1000 / (len(docs) * args.repeat)
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"extract_personnel over {len(docs)} articles (mean {chars:.0f} characters), {args.repeat} repeats:")
    print(f"  median {statistics.median(wall):.2f} ms/article, best {min(wall):.2f} ms/article, CPU {cpu:.2f} ms/article")


if __name__ == "__main__":
    main()
