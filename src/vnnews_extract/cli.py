"""Command line: ``vnnews-extract run|schema|eval``. A thin loop over ``pipeline``.

Exit status: 0 when every input succeeded, 1 when some inputs failed (each has an error
record in the output), 2 for bad usage (unknown option, no input found).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from .batch import InputItem, discover_inputs, run_batch
from .records import article_json_schema

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnnews-extract", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract every article under the given files and folders to JSONL")
    run.add_argument("paths", nargs="+", help="files or folders (.html, .htm, .txt), searched recursively")
    run.add_argument("-o", "--output", default="-", help="output JSONL file (default: standard output)")
    run.add_argument("-w", "--workers", type=int, default=os.cpu_count() or 1, help="worker processes")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    sub.add_parser("schema", help="print the JSON Schema of an Article")
    ev = sub.add_parser("eval", help="score the extractors against the gold files of a corpus")
    ev.add_argument("what", choices=["clean", "statistics", "people", "events"])
    ev.add_argument("corpus", nargs="?", default="corpus")
    ev.add_argument("--quiet", action="store_true", help="only the overall lines")
    people = sub.add_parser("people", help="merge the people of a JSONL output into career timelines")
    people.add_argument("input", help="JSONL written by 'run'")
    people.add_argument("-o", "--output", default="-", help="CSV file (default: standard output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    if args.command == "schema":
        print(json.dumps(article_json_schema(), ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.command == "eval":
        from .evaluate import run_eval

        return run_eval(args.what, Path(args.corpus), quiet=args.quiet)
    if args.command == "people":
        from .timeline import run_people

        return run_people(Path(args.input), args.output)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    items = list(discover_inputs(args.paths))
    if not items:
        print("vnnews-extract: no input files found (.html, .htm, .txt)", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    counts = {"inputs": 0, "articles": 0, "failures": 0, "statistics": 0, "people": 0, "events": 0}
    try:
        for line, summary in _progress(run_batch(items, workers=max(1, args.workers)), len(items), args.quiet):
            out.write(line + "\n")
            out.flush()
            counts["inputs"] += 1
            for key, value in summary.items():
                counts[key] = counts.get(key, 0) + value
    finally:
        if out is not sys.stdout:
            out.close()
    elapsed = time.perf_counter() - started
    if not args.quiet:
        rate = counts["inputs"] / elapsed if elapsed else 0.0
        print(
            f"inputs {counts['inputs']}, articles {counts['articles']}, failures {counts['failures']}, "
            f"statistics {counts['statistics']}, people {counts['people']}, events {counts['events']}, "
            f"elapsed {elapsed:.1f}s, {rate:.1f} articles/s",
            file=sys.stderr,
        )
    return EXIT_FAILURES if counts["failures"] else EXIT_OK


def _progress(results: Iterable[tuple[str, dict[str, int]]], total: int, quiet: bool) -> Iterator[tuple[str, dict[str, int]]]:
    if quiet:
        yield from results
        return
    if sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(results, total=total, unit="article", file=sys.stderr)
        return
    last = time.perf_counter()
    for done, item in enumerate(results, start=1):
        now = time.perf_counter()
        if now - last >= 5 or done == total:
            print(f"{done}/{total} inputs", file=sys.stderr)
            last = now
        yield item


__all__ = ["main", "InputItem"]

if __name__ == "__main__":
    sys.exit(main())
