"""Dask engine: extraction on a laptop's cores or on a cluster of machines.

``pip install "vnnews_extract[dask]"`` (dask and distributed, pinned to one release: a newer dask
with an older distributed does not work). Two entry points:

- :func:`extract_bag` — a ``dask.bag.Bag`` of records (error records included), one partition per
  shard, for users who want to go on in Dask (filter, join, ``to_dataframe``…);
- :func:`run` — every shard written by :func:`vnnews_extract.batch.shards.process_shard` into an
  output folder (Parquet or JSONL shards; a local path or any fsspec URL), with retries; shards
  already complete are skipped, so rerunning a stopped run finishes it.

Each worker loads the lexicons and underthesea once, when it starts (:class:`WarmWorker`, a
worker plugin), not once per shard. A worker that dies (killed, out of memory) loses only its
shard in progress: the scheduler gives it to another worker, whose files replace any trace of it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import dask.bag as db
from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from .batch.inputs import expand
from .batch.outdir import OutDir
from .batch.run import _init_worker, process
from .batch.sharded import pending
from .batch.shards import DEFAULT_SHARD_LINES, Shard, ShardDone, plan, process_shard, shard_items
from .options import DEFAULT_OPTIONS, Options

RETRIES = 3


@dataclass(frozen=True)
class Settings:
    """How a run is cut and written: ``fmt`` parquet or jsonl, ``shard_lines`` lines per shard of
    a large JSONL file, ``retries`` per shard when it raises (a worker's death is retried by the
    scheduler on its own, up to ``distributed.scheduler.allowed-failures`` times)."""

    fmt: str = "parquet"
    shard_lines: int = DEFAULT_SHARD_LINES
    retries: int = RETRIES


class WarmWorker(WorkerPlugin):
    """Loads the lexicons and underthesea in each worker as it starts (and in every worker that
    replaces one), so no shard pays for them; and stops the worker's statistical profiler, which
    samples the running task's stack every 10 ms (``profile=True`` keeps it, for the dashboard)."""

    name = "vnnews-extract-warm"

    def __init__(self, options: Options = DEFAULT_OPTIONS, profile: bool = False) -> None:
        self.options, self.profile = options, profile

    def setup(self, worker: Any) -> None:
        if not self.profile:
            for name in ("profile", "profile-cycle"):
                callback = getattr(worker, "periodic_callbacks", {}).get(name)
                if callback is not None:
                    callback.stop()
        _init_worker(self.options)
        worker.vnnews_extract_warm = True


def shards_of(paths: Iterable[str], shard_lines: int = DEFAULT_SHARD_LINES) -> list[Shard]:
    """The shards of ``paths`` (files, folders, globs, URLs), listed here, on the client."""
    return plan(list(expand(paths)), shard_lines)


def extract_bag(paths: Iterable[str], options: Options | None = None, shard_lines: int = DEFAULT_SHARD_LINES) -> db.Bag:
    """A bag of every record (``Article`` dicts and error records) under ``paths``."""
    shards = shards_of(paths, shard_lines)
    return db.from_sequence(shards, npartitions=max(1, len(shards))).map_partitions(_records, options or DEFAULT_OPTIONS)


def _records(shards: Iterable[Shard], options: Options) -> list[dict[str, Any]]:
    return [process(item, options).record for shard in shards for item in shard_items(shard, options.max_input_bytes)]


def local_client(workers: int | None = None) -> Client:
    """A client of a new LocalCluster: ``workers`` processes (default: the cores), one thread each."""
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster)


def run(paths: Iterable[str], out: str, client: Client | None = None, options: Options | None = None,
        settings: Settings | None = None) -> dict[str, int]:
    """Write every shard of ``paths`` into ``out``; the counts of the run (``shards``,
    ``skipped``, ``inputs``, ``articles``, ``failures``, ``statistics``, ``people``, ``events``).
    Without ``client``, a LocalCluster with one worker per core is started and closed."""
    settings = settings or Settings()
    shards = shards_of(paths, settings.shard_lines)
    pending(OutDir(out), shards)  # refuses an output cut another way (ForeignOutputError), before any work
    totals: dict[str, int] = {"shards": 0, "skipped": 0}
    own = client is None
    client = client or local_client()
    try:
        for done in run_shards(shards, out, client, options, settings):
            totals["shards"] += 1
            totals["skipped"] += done.skipped
            for key, value in done.counts.items():
                totals[key] = totals.get(key, 0) + value
    finally:
        if own:
            _close(client)
    return totals


def run_shards(shards: list[Shard], out: str, client: Client, options: Options | None, settings: Settings) -> Iterator[ShardDone]:
    """:func:`process_shard` of every shard on the cluster, as each completes (any order)."""
    options = options or DEFAULT_OPTIONS
    client.register_plugin(WarmWorker(options))
    futures = client.map(process_shard, shards, out_dir=out, options=options, fmt=settings.fmt,
                         retries=settings.retries, pure=False)
    try:
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.cancel(futures)


def _close(client: Client) -> None:
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()
