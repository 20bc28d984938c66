"""Command line: ``vnnews-extract run|schema|eval``. A thin loop over ``pipeline``.

Exit status: 0 when every input succeeded, 1 when some inputs failed (each has an error
record in the output), 2 for bad usage (unknown option, no input found).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .run import run_batch
from .inputs import InputItem, count_items, iter_items
from ..options import DEFAULT_OPTIONS, Options
from .outputs import FORMATS, open_output
from .progress import progress, summary_line
from ..records import article_json_schema
from ..viewer.show import add_parser as add_show_parser, run_show

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnnews-extract", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    _add_run(sub)
    sub.add_parser("schema", help="print the JSON Schema of an Article")
    ev = sub.add_parser("eval", help="score the extractors against the gold files of a corpus")
    ev.add_argument("what", choices=["clean", "statistics", "people", "events", "agreement"])
    ev.add_argument("corpus", nargs="?", default="corpus")
    ev.add_argument("--quiet", action="store_true", help="only the overall lines")
    people = sub.add_parser("people", help="merge the people of a JSONL output into career timelines")
    people.add_argument("input", help="JSONL written by 'run'")
    people.add_argument("-o", "--output", default="-", help="CSV file (default: standard output)")
    people.add_argument("--plot", help="also draw the careers in time: a .png or .svg file (needs matplotlib)")
    add_show_parser(sub)
    return parser


def _add_run(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    run = sub.add_parser("run", help="extract every input under the given paths")
    run.add_argument("paths", nargs="+", help="files, folders (recursive), globs, or - for stdin; "
                     ".html .htm .txt .jsonl .warc, any of them .gz")
    run.add_argument("-o", "--output", default="-", help="JSONL file (default stdout), CSV folder or SQLite file")
    run.add_argument("-f", "--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    run.add_argument("-w", "--workers", type=int, default=_default_workers(), help="worker processes (default: cores)")
    run.add_argument("--resume", action="store_true", help="skip inputs the output already holds")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_OPTIONS.max_input_bytes,
                     help="largest input, after decompression (default 20 MB)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    if args.command == "schema":
        print(json.dumps(article_json_schema(), ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.command == "eval":
        from ..evaluate import run_eval

        return run_eval(args.what, Path(args.corpus), quiet=args.quiet)
    if args.command == "people":
        from ..timeline import run_people

        return run_people(Path(args.input), args.output, args.plot)
    if args.command == "show":
        return run_show(args)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    problem = _usage_problem(args)
    total = None if problem else count_items(args.paths, args.max_bytes)
    if not problem and total == 0:
        problem = "no input found (.html .htm .txt .jsonl .warc, optionally .gz)"
    if problem:
        print(f"vnnews-extract: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        writer = open_output(args.format, args.output, args.resume)
    except (OSError, ValueError, sqlite3.Error) as exc:
        print(f"vnnews-extract: cannot open the output: {exc}", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    counts: Counter[str] = Counter()
    items = _skip_done(iter_items(args.paths, args.max_bytes), writer.done, counts)
    remaining = None if total is None else max(0, total - len(writer.done))
    options = Options(max_input_bytes=args.max_bytes)
    try:
        for result in progress(run_batch(items, workers=args.workers, options=options), remaining, args.quiet):
            writer.write(result.record)
            counts["inputs"] += 1
            counts.update(result.counts)
    finally:
        writer.close()
    if not args.quiet:
        print(summary_line(counts, time.perf_counter() - started), file=sys.stderr)
    return EXIT_FAILURES if counts["failures"] else EXIT_OK


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.workers < 1 or args.max_bytes < 1:
        return "--workers and --max-bytes must be at least 1"
    if args.output == "-" and args.format != "jsonl":
        return f"--format {args.format} needs -o ({'a folder' if args.format == 'csv' else 'a file'})"
    if args.output == "-" and args.resume:
        return "--resume needs -o (it reads what the output already holds)"
    return None


def _skip_done(items: Iterable[InputItem], done: set[str], counts: Counter[str]) -> Iterator[InputItem]:
    for item in items:
        if item.id in done:
            counts["skipped"] += 1
        else:
            yield item


def _default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


__all__ = ["main", "InputItem"]

if __name__ == "__main__":
    sys.exit(main())
