"""Command line: ``vnnews-extract run|schema|eval|people|show`` (see :mod:`.cli_help` for what
``--help`` says of each). A thin loop over ``pipeline``.

Exit status: 0 when every input succeeded, 1 when some inputs failed (each has an error
record in the output, this run's or an earlier one's when resuming), 2 for bad usage (unknown
option, no input found, an output that cannot be opened, is also an input or is not ours, a bad
``--config``), 3 when the run itself failed or was stopped (disk full, Ctrl-C, SIGTERM, workers
that cannot start). Every failure is one line on stderr, never a traceback. A closed output pipe
(``| head -1``) is no failure: the command stops quietly with 0, as Unix filters do.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ConfigError
from ..records import article_json_schema, output_json_schema
from ..viewer.show import add_parser as add_show_parser, run_show
from .cli_help import command_help, describe_commands, top_parser
from .cli_options import add_option_flags, options_from_args
from .engines import add_arguments as add_scale_arguments, in_slice, is_sharded, run_sharded
from .inputs import InputItem, canonical_id, count_sources, expand, items_of
from .outputs import FORMATS, ForeignOutputError, Writer, clashing_input, open_output, output_files
from .pool import Interrupted, WorkerStartError
from .progress import progress, summary_line
from .run import run_batch
from .safe import one_line

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_RUN_FAILED = 0, 1, 2, 3
NO_INPUT = "no input found (.html .htm .txt .jsonl .warc, optionally .gz)"
PIPE_CLOSED = "the output pipe was closed"


def _parser() -> argparse.ArgumentParser:
    parser = top_parser()
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help=argparse.SUPPRESS)
    _add_run(sub)
    schema = sub.add_parser("schema", **command_help("schema"))
    schema.add_argument("--article", action="store_true", help="the schema of the Article that extract() returns instead")
    ev = sub.add_parser("eval", **command_help("eval"))
    ev.add_argument("what", choices=["clean", "statistics", "people", "events", "agreement"])
    ev.add_argument("corpus", nargs="?", default="corpus")
    ev.add_argument("--quiet", action="store_true", help="only the overall lines")
    people = sub.add_parser("people", **command_help("people"))
    people.add_argument("input", help="JSONL written by 'run'")
    people.add_argument("-o", "--output", default="-", help="CSV file (default: standard output)")
    people.add_argument("--plot", help="also draw the careers in time: a .png or .svg file (needs matplotlib)")
    add_show_parser(sub, **command_help("show"))
    describe_commands(parser, sub.choices)
    return parser


def _add_run(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    run = sub.add_parser("run", **command_help("run"))
    run.add_argument("paths", nargs="+", help="files, folders (recursive), globs, or - for stdin; "
                     ".html .htm .txt .jsonl .warc, any of them .gz")
    run.add_argument("-o", "--output", default="-", help="JSONL file (default stdout), CSV folder or SQLite file")
    run.add_argument("-f", "--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    run.add_argument("-w", "--workers", type=int, default=_default_workers(), help="worker processes (default: cores)")
    run.add_argument("--resume", action="store_true", help="skip inputs the output already holds")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    add_option_flags(run)
    add_scale_arguments(run)


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    try:
        status = _command(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return status
    except KeyboardInterrupt:
        return _run_failed("interrupted")
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK  # the reader stopped reading (| head): a quiet end, as for any Unix filter
    except OSError as exc:
        return _run_failed(f"the command failed: {exc}")


def _command(args: argparse.Namespace) -> int:
    if args.command == "schema":
        schema = article_json_schema() if args.article else output_json_schema()
        print(json.dumps(schema, ensure_ascii=False, indent=2))
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


def _usage(problem: str) -> int:
    print(f"vnnews-extract: {one_line(problem, 500)}", file=sys.stderr)
    return EXIT_USAGE


def _run_failed(problem: str) -> int:
    print(f"vnnews-extract: {one_line(problem, 500)}", file=sys.stderr)
    return EXIT_RUN_FAILED


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's last flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _run(args: argparse.Namespace) -> int:
    try:
        args.options = options_from_args(args)  # --config, --only, --tokens, the limits
    except ConfigError as exc:
        return _usage(f"{exc}")
    args.max_bytes = args.options.max_input_bytes
    if is_sharded(args):
        return run_sharded(args)
    problem = _usage_problem(args)
    sources = [] if problem else list(expand(args.paths))
    if not problem and not sources:
        problem = NO_INPUT
    clash = None if problem else clashing_input(output_files(args.format, args.output), sources)
    if clash is not None:
        problem = f"the output {args.output} is also an input ({clash}): choose another -o; nothing was written"
    total = None if problem else count_sources(sources, args.max_bytes)
    if total == 0:
        problem = NO_INPUT
    if problem:
        return _usage(problem)
    try:
        writer = open_output(args.format, args.output, args.resume)
    except ForeignOutputError as exc:
        return _usage(f"{exc}")
    except (OSError, ValueError, sqlite3.Error) as exc:
        return _usage(f"cannot open the output: {exc}")
    return _extract_all(args, sources, writer, total)


def _extract_all(args: argparse.Namespace, sources: list[str], writer: Writer, total: int | None) -> int:
    """Run every input not yet in the output; write, summarise, and say how it went (exit status)."""
    started = time.perf_counter()
    counts: Counter[str] = Counter()
    failure = _loop(args, sources, writer, total, counts)
    try:
        writer.close()
    except (OSError, sqlite3.Error) as exc:
        failure = failure or f"cannot write the output: {exc}"
    if failure is PIPE_CLOSED:
        return EXIT_OK  # the reader stopped reading (| head): no summary, no complaint
    if not args.quiet:
        print(summary_line(counts, time.perf_counter() - started), file=sys.stderr)
    if failure:
        return _run_failed(f"{failure}; the output holds every input finished so far: rerun with --resume to go on")
    if counts["inputs"] + counts["skipped"] == 0 and not args.shard:  # a slice may hold no input
        return _usage(NO_INPUT)
    return EXIT_FAILURES if counts["failures"] or counts["skipped_failures"] else EXIT_OK


def _loop(args: argparse.Namespace, sources: list[str], writer: Writer, total: int | None, counts: Counter[str]) -> str | None:
    """Write the result of every input to do; None, or what stopped the run."""
    done = {canonical_id(i) for i in writer.done}
    failed = {canonical_id(i) for i in writer.failed}
    items = _skip_done(in_slice(items_of(sources, args.max_bytes), args.shard), done, failed, counts)
    remaining = None if total is None or args.shard else max(0, total - len(done))
    options = args.options
    try:
        with _signals_as_exceptions():
            for result in progress(run_batch(items, workers=args.workers, options=options), remaining, args.quiet):
                _write(writer, result.record)
                counts["inputs"] += 1
                counts.update(result.counts)
    except KeyboardInterrupt:
        return "interrupted (Ctrl-C)"
    except Interrupted as exc:
        return str(exc)
    except WorkerStartError as exc:
        return str(exc)
    except BrokenPipeError:
        _silence_stdout()
        return PIPE_CLOSED
    except OutputError as exc:
        return str(exc)
    except (OSError, sqlite3.Error) as exc:
        return f"the run failed: {exc}"
    return None


class OutputError(Exception):
    """The output cannot be written (disk full, I/O error)."""


def _write(writer: Writer, record: dict[str, object]) -> None:
    try:
        writer.write(record)
    except BrokenPipeError:
        raise
    except (OSError, sqlite3.Error) as exc:
        raise OutputError(f"cannot write the output: {exc}") from exc


@contextmanager
def _signals_as_exceptions() -> Iterator[None]:
    """SIGTERM and SIGHUP stop the run like Ctrl-C does: workers killed, output closed, summary."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.workers < 1 or args.max_bytes < 1:
        return "--workers and --max-bytes must be at least 1"
    if args.output == "-" and args.format != "jsonl":
        return f"--format {args.format} needs -o ({'a folder' if args.format == 'csv' else 'a file'})"
    if args.output == "-" and args.resume:
        return "--resume needs -o (it reads what the output already holds)"
    return None


def _skip_done(items: Iterable[InputItem], done: set[str], failed: set[str], counts: Counter[str]) -> Iterator[InputItem]:
    for item in items:
        if item.id in done:
            counts["skipped"] += 1
            counts["skipped_failures"] += item.id in failed
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
