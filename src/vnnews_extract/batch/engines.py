"""``run`` with sharded outputs: ``--format parquet`` on this machine, and ``--engine dask``.

Both plan the same shards (see :mod:`.shards`), skip those already complete (a rerun finishes a
stopped run; ``--resume`` changes nothing here), and write the same files; the local engine
through the ``--workers`` pool, the Dask engine through a cluster (``--scheduler``, else a
LocalCluster of ``--workers`` processes). Exit status as for any run: 0, 1 (some inputs failed,
in this run or in the shards skipped), 2 (bad usage, nothing written), 3 (the run failed or was
stopped: the complete shards stay, rerun to go on).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator

from ..options import Options
from .inputs import InputItem, count_sources, expand
from .outdir import OutDir
from .outputs import ForeignOutputError
from .progress import PLAIN_EVERY_SECONDS, progress, summary_line
from .run import Result
from .shards import DEFAULT_SHARD_LINES, SHARD_FORMATS, Shard, ShardDone, in_part, parse_part, plan
from .sharded import check_output, pending, run_local

ENGINES = ("local", "dask")


def add_arguments(run: argparse.ArgumentParser) -> None:
    """The options of ``run`` for crawl-scale runs."""
    run.add_argument("--engine", choices=ENGINES, default="local",
                     help="local (worker processes here) or dask (a cluster; writes parquet or jsonl shards into -o DIR)")
    run.add_argument("--scheduler", help="with --engine dask: the scheduler's address, tcp://HOST:8786 (default: a local cluster)")
    run.add_argument("--shard", type=_part, help="K/N: only the K-th of N stable slices of the inputs (of the shards, "
                     "with parquet), for SLURM arrays and GNU parallel")
    run.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_LINES,
                     help=f"parquet and dask: lines per shard of a large uncompressed JSONL file (default {DEFAULT_SHARD_LINES}; 0: whole files)")


def _part(text: str) -> tuple[int, int]:
    try:
        return parse_part(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def is_sharded(args: argparse.Namespace) -> bool:
    return bool(args.format == "parquet" or args.engine != "local" or args.scheduler)


def in_slice(items: Iterable[InputItem], part: tuple[int, int] | None) -> Iterator[InputItem]:
    """The inputs of ``--shard K/N`` (all of them without it)."""
    return (item for item in items if in_part(item.id, part))


def run_sharded(args: argparse.Namespace) -> int:
    """``run`` into a sharded output: check, plan, skip what is complete, run, summarise."""
    from .cli import EXIT_FAILURES, EXIT_OK, NO_INPUT, _usage

    problem = _usage_problem(args)
    sources = [] if problem else list(expand(args.paths))
    if not problem and not sources:
        problem = NO_INPUT
    if problem:
        return _usage(problem)
    try:
        out = OutDir(args.output)
        check_output(out)
        todo, skipped = pending(out, plan(sources, args.shard_size, args.shard))
    except (ForeignOutputError, ValueError, OSError) as exc:
        return _usage(f"{exc}")
    counts: Counter[str] = Counter()
    for manifest in skipped.values():
        counts["skipped"] += manifest["counts"].get("inputs", 0)
        counts["skipped_failures"] += manifest["counts"].get("failures", 0)
    failure = _execute(args, todo, out, counts, None if skipped or args.shard else count_sources(sources, args.max_bytes))
    if failure:
        from .cli import _run_failed

        return _run_failed(f"{failure}; every complete shard is kept: rerun the same command to go on")
    return EXIT_FAILURES if counts["failures"] or counts["skipped_failures"] else EXIT_OK


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.workers < 1 or args.max_bytes < 1 or args.shard_size < 0:
        return "--workers and --max-bytes must be at least 1, --shard-size at least 0"
    if args.output == "-":
        return f"--format {args.format} {'with --engine dask ' if args.engine == 'dask' else ''}needs -o DIR (a folder or a URL)"
    if args.format not in SHARD_FORMATS:
        return f"--engine dask writes parquet or jsonl shards, not {args.format}"
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    if args.engine == "dask" and (args.shard or "-" in args.paths):
        return "--engine dask reads no standard input and takes no --shard (the cluster splits the run)"
    return _missing_extra(args)


def _missing_extra(args: argparse.Namespace) -> str | None:
    try:
        if args.format == "parquet":
            import pyarrow  # noqa: F401
        if args.engine == "dask":
            import distributed  # noqa: F401
    except ImportError:
        extra = "dask" if args.engine == "dask" else "parquet"
        return f'{"the Dask engine" if extra == "dask" else "Parquet"} needs the {extra} extra: pip install "vnnews_extract[{extra}]"'
    return None


def _execute(args: argparse.Namespace, todo: list[Shard], out: OutDir, counts: Counter[str], total: int | None) -> str | None:
    """Run the shards; None, or what stopped the run. Counts and the summary line as it goes."""
    from .cli import _signals_as_exceptions

    started = time.perf_counter()
    options = getattr(args, "options", None) or Options(max_input_bytes=args.max_bytes)
    try:
        with _signals_as_exceptions():
            if args.engine == "dask":
                _on_dask(args, todo, out, options, counts)
            else:
                _on_pool(args, run_local(todo, out, args.workers, options, args.format), counts, total)
        return None
    except KeyboardInterrupt:
        return "interrupted (Ctrl-C)"
    except Exception as exc:  # noqa: BLE001 - a worker start, the output, the cluster: one line, exit 3
        return f"the run failed: {type(exc).__name__}: {exc}"
    finally:
        if not args.quiet:
            print(summary_line(counts, time.perf_counter() - started), file=sys.stderr)


def _on_pool(args: argparse.Namespace, done: Iterable[Result | ShardDone], counts: Counter[str], total: int | None) -> None:
    results = (r for r in done if isinstance(r, Result))
    for result in progress(results, total, args.quiet):
        counts["inputs"] += 1
        counts.update(result.counts)


def _on_dask(args: argparse.Namespace, todo: list[Shard], out: OutDir, options: Options, counts: Counter[str]) -> None:
    from ..dask import Settings, local_client, run_shards

    from distributed import Client

    client = Client(args.scheduler) if args.scheduler else local_client(args.workers)
    try:
        settings = Settings(fmt=args.format, shard_lines=args.shard_size)
        _report(run_shards(todo, out.url(), client, options, settings), len(todo), counts, args.quiet)
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and not args.scheduler:
            cluster.close()


def _report(done: Iterable[ShardDone], total: int, counts: Counter[str], quiet: bool) -> None:
    """Count each finished shard; a progress line every few seconds."""
    started = last = time.perf_counter()
    for number, shard in enumerate(done, start=1):
        counts.update(shard.counts)
        now = time.perf_counter()
        if not quiet and (now - last >= PLAIN_EVERY_SECONDS or number == total):
            rate = counts["inputs"] / (now - started)
            print(f"{number}/{total} shards, {counts['inputs']} inputs, {rate:.1f} articles/s", file=sys.stderr, flush=True)
            last = now
