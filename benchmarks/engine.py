"""The Dask engine against ``--workers`` on one machine, and what a large run costs.

    pip install ".[dask,bench]" && python benchmarks/engine.py [--n 1000] [--workers 2] [--shard-size 50]

Writes the first N real articles of ``../shared/realnews/articles.jsonl.gz`` as a temporary JSONL
file (``{"id", "text"}`` lines; nothing is copied into the repository), then, in this one run:

1. wall time of ``vnnews-extract run tmp.jsonl -o out.jsonl --workers W`` (worker start included);
2. wall time of the Dask engine: a LocalCluster of W worker processes started, every shard of
   ``--shard-size`` lines written as Parquet, the cluster closed; and the run alone;
3. whether both outputs hold the same rows (``read_tables`` of each, compared frame by frame);
4. throughput per worker (articles per CPU second of a worker: wall time on a shared machine
   depends on what else runs there); the scheduler's overhead per task (no-op tasks through the same
   cluster) and per shard (``process_shard`` of an empty shard through the cluster: the task, five
   Parquet files, the manifest, the renames); the shard size that keeps that overhead under 1%;
5. a model of 10 million pages on N machines from those measured numbers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "realnews" / "articles.jsonl.gz"
PAGES = 10_000_000


def write_input(source: Path, n: int, dest: Path) -> Path:
    """The first ``n`` articles of ``source`` as ``{"id", "text"}`` lines."""
    with gzip.open(source, "rt", encoding="utf-8") as lines, open(dest, "w", encoding="utf-8") as out:
        for number, line in enumerate(lines):
            if number == n:
                break
            article = json.loads(line)
            out.write(json.dumps({"id": article["id"], "text": article["text"]}, ensure_ascii=False) + "\n")
    return dest


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_workers(path: Path, out: Path, workers: int) -> tuple[float, float]:
    """(wall time, CPU seconds of the worker processes) of ``run --workers``."""
    from vnnews_extract.batch.cli import main

    started, cpu = time.perf_counter(), _children_cpu()
    status = main(["run", str(path), "-o", str(out), "--workers", str(workers), "-q"])
    assert status in (0, 1), status
    return time.perf_counter() - started, _children_cpu() - cpu


def time_dask(path: Path, out: Path, workers: int, shard_lines: int) -> tuple[float, float, float]:
    """(wall time with the cluster's start and close, the run alone, CPU seconds of the workers in the run)."""
    from vnnews_extract.dask import Settings, local_client, run

    started = time.perf_counter()
    client = local_client(workers)
    begun, cpu = time.perf_counter(), sum(client.run(_cpu).values())
    run([str(path)], str(out), client, settings=Settings(shard_lines=shard_lines))
    alone, cpu = time.perf_counter() - begun, sum(client.run(_cpu).values()) - cpu
    client.cluster.close()
    client.close()
    return time.perf_counter() - started, alone, cpu


def identical(jsonl: Path, parquet: Path) -> tuple[bool, dict[str, int]]:
    import pandas.testing

    from vnnews_extract import read_tables

    ours, theirs = read_tables(jsonl), read_tables(parquet)
    for table in ours:
        try:
            pandas.testing.assert_frame_equal(ours[table], theirs[table])
        except AssertionError:
            return False, {}
    return True, {table: len(frame) for table, frame in ours.items()}


def compare(args: argparse.Namespace, path: Path, folder: Path) -> float:
    """Both engines, alternated ``--repeat`` times; the median CPU seconds per article of a ``--workers`` worker."""
    cpus, ratios = [], []
    for turn in range(1, args.repeat + 1):
        local, local_cpu = time_workers(path, folder / "out.jsonl", args.workers)
        print(f"[{turn}] --workers {args.workers}: {local:.1f} s for {args.n} articles ({args.n / local:.1f} articles/s), "
              f"{local_cpu:.1f} CPU s in workers")
        wall, alone, cpu = time_dask(path, folder / f"parquet-{turn}", args.workers, args.shard_size)
        print(f"[{turn}] dask LocalCluster({args.workers}), shards of {args.shard_size}: {wall:.1f} s with the cluster's "
              f"start and close ({wall / local:.2f}x --workers {args.workers}); the run alone {alone:.1f} s "
              f"({alone / local:.2f}x), {cpu:.1f} CPU s in workers")
        cpus.append(local_cpu / args.n)
        ratios.append(wall / local)
    print(f"dask / --workers {args.workers}, wall time with the cluster's start: median {statistics.median(ratios):.2f}x, "
          f"best {min(ratios):.2f}x over {args.repeat} alternations")
    return statistics.median(cpus)


def _noop(x: int) -> int:
    return x


def overheads(workers: int, folder: Path, tasks: int, shards: int) -> tuple[float, float, float]:
    """(scheduler tasks/s, worker-seconds per no-op task, worker-seconds per empty shard)."""
    from vnnews_extract.batch.shards import Shard, process_shard
    from vnnews_extract.dask import local_client

    client = local_client(workers)
    try:
        client.gather(client.map(_noop, range(100), pure=False))  # connections up
        started = time.perf_counter()
        client.gather(client.map(_noop, range(tasks), pure=False))
        wall = time.perf_counter() - started
        empties = [Shard(str(_empty(folder, i))) for i in range(shards)]
        started = time.perf_counter()
        client.gather(client.map(process_shard, empties, out_dir=str(folder / "empty-out"), pure=False))
        shard_wall = time.perf_counter() - started
    finally:
        client.cluster.close()
        client.close()
    return tasks / wall, wall * workers / tasks, shard_wall * workers / shards


def _empty(folder: Path, number: int) -> Path:
    path = folder / f"empty{number:04d}.jsonl"
    path.write_text("\n", encoding="utf-8")
    return path


def model(rate: float, shard_cost: float, capacity: float, min_pages: int) -> None:
    """10 million pages on N machines of 2 and of 16 workers, from the measured numbers: shards of
    at least ``min_pages`` (overhead under 1%), larger when that many workers would load the
    scheduler past a tenth of its measured capacity; the run takes as many waves of shards as
    there are shards per worker, rounded up."""
    page = 1 / rate
    print(f"model: {PAGES:,} pages at {rate:.1f} pages/s per worker; {1000 * shard_cost:.1f} ms per shard; "
          f"scheduler capacity {capacity:,.0f} tasks/s")
    for cores in (2, 16):
        for machines in (1, 10, 100, 500):
            workers = machines * cores
            pages = max(min_pages, math.ceil(workers * rate / (0.1 * capacity)))
            pages = math.ceil(pages / 1000) * 1000
            tasks = math.ceil(PAGES / pages)
            share = shard_cost / (pages * page)
            hours = math.ceil(tasks / workers) * (pages * page + shard_cost) / 3600  # in waves of shards
            load = min(workers, tasks) * rate / pages
            print(f"  {machines:>3} machines x {cores:>2} workers: {hours:7.2f} h, shards of {pages:,} pages "
                  f"({tasks:,} tasks, overhead {100 * share:.2f}%), scheduler {load:.1f} tasks/s "
                  f"({100 * load / capacity:.1f}% of capacity)")


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="real articles (default 1000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes in both engines (default 2)")
    parser.add_argument("--shard-size", type=int, default=50, help="lines per shard in the Dask run (default 50)")
    parser.add_argument("--tasks", type=int, default=2000, help="no-op tasks for the scheduler's overhead (default 2000)")
    parser.add_argument("--repeat", type=int, default=2, help="alternate the two engines this many times (default 2)")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="the real articles (articles.jsonl.gz)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_input(args.articles, args.n, folder / "articles.jsonl")
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        cpu = compare(args, path, folder)
        same, sizes = identical(folder / "out.jsonl", folder / "parquet-1")
        print(f"output identical: {'yes' if same else 'NO'} {sizes}")
        rate = 1 / cpu
        capacity, per_task, per_shard = overheads(args.workers, folder, args.tasks, 50)
        print(f"throughput per worker: {rate:.1f} articles per CPU second ({1000 * cpu:.1f} ms of CPU per article: "
              f"a worker with a core to itself); load average after: {os.getloadavg()[0]:.1f}")
        print(f"scheduler: {capacity:,.0f} no-op tasks/s, {1000 * per_task:.2f} ms per task; "
              f"an empty shard through the cluster: {1000 * per_shard:.1f} ms")
        size = int(per_shard / (0.01 / rate)) + 1
        print(f"shard size for overhead under 1%: at least {size} articles")
        model(rate, per_shard, capacity, size)


if __name__ == "__main__":
    main()
