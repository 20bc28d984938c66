"""Sharded runs on one machine, and the checks every sharded run makes before it starts.

:func:`run_local` feeds the inputs of many shards through one pool of worker processes (the
same pool as ``--workers``: input order, bounded work in flight) and writes each shard's files as
its last result comes back, so a one-machine run writes exactly the files a Dask run writes, and
either can finish what the other started.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from ..options import Options
from .outdir import OutDir
from .outputs import ForeignOutputError
from .run import Result, run_batch
from .shards import MANIFESTS, RECORDS, Shard, ShardDone, ShardWriter, complete_shards, read_manifests, shard_items
from .tables import TABLES

_Entry = list[Any]  # [shard, number of inputs (None until all are listed), results received]


def run_local(shards: Iterable[Shard], out: OutDir, workers: int, options: Options, fmt: str) -> Iterator[Result | ShardDone]:
    """Every result as it comes (for progress), and a :class:`ShardDone` when a shard is complete."""
    ledger: deque[_Entry] = deque()
    writer: ShardWriter | None = None
    try:
        for result in run_batch(_listed(shards, ledger, options.max_input_bytes), workers, options):
            while ledger[0][1] == ledger[0][2]:  # the head shard is complete: the result is the next one's
                yield _commit(ledger.popleft(), writer, out, fmt)
                writer = None
            writer = writer or ShardWriter(out, ledger[0][0], fmt)
            writer.write(result)
            ledger[0][2] += 1
            yield result
        while ledger:
            yield _commit(ledger.popleft(), writer, out, fmt)
            writer = None
    except BaseException:
        if writer is not None:
            writer.abort()
        raise


def _listed(shards: Iterable[Shard], ledger: deque[_Entry], max_bytes: int) -> Iterator[Any]:
    """The inputs of every shard in order; each shard's entry says how many it had once listed."""
    for shard in shards:
        entry: _Entry = [shard, None, 0]
        ledger.append(entry)
        count = 0
        for item in shard_items(shard, max_bytes):
            count += 1
            yield item
        entry[1] = count


def _commit(entry: _Entry, writer: ShardWriter | None, out: OutDir, fmt: str) -> ShardDone:
    writer = writer or ShardWriter(out, entry[0], fmt)  # a shard with no input still gets its files
    return ShardDone(entry[0].name, False, writer.commit())


def check_output(out: OutDir) -> None:
    """Refuse (ForeignOutputError) a folder that holds anything but a sharded output's folders."""
    ours = {MANIFESTS, RECORDS, *TABLES}
    found = [name for name in out.names() if not name.startswith(".")]
    if not set(found) <= ours:
        raise ForeignOutputError(f"{out.url()}: holds files that are not a sharded output of run ({', '.join(found[:3])}…); choose another -o")


def pending(out: OutDir, shards: list[Shard]) -> tuple[list[Shard], dict[str, dict[str, Any]]]:
    """(shards still to do, manifests of those already complete). ForeignOutputError when a
    complete shard overlaps a planned one it is not (the output was cut another way: another
    ``--shard-size``), since finishing it would give inputs twice."""
    done = set(complete_shards(out))
    manifests = read_manifests(out, sorted(done))
    planned = {shard.name for shard in shards}
    by_source: dict[str, list[dict[str, Any]]] = {}
    for name, manifest in manifests.items():
        if name not in planned:
            by_source.setdefault(manifest.get("source", ""), []).append(manifest)
    for shard in shards:
        for other in by_source.get(shard.id, []):
            if _overlap(shard, other):
                raise ForeignOutputError(
                    f"{out.url()}: its shard {other.get('shard')} covers inputs of {shard.name}, cut another way "
                    "(another --shard-size): use the same --shard-size as before, or another -o")
    todo = [shard for shard in shards if shard.name not in done]
    return todo, {name: m for name, m in manifests.items() if name in planned}


def _overlap(shard: Shard, other: dict[str, Any]) -> bool:
    first, lines = int(other.get("first") or 1), other.get("lines")
    end = float("inf") if lines is None else first + int(lines)
    mine = float("inf") if shard.lines is None else shard.first + shard.lines
    return not (end <= shard.first or mine <= first)
