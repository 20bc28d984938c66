"""Shards: the unit of work of a sharded run, and of every engine that schedules one.

A shard is one source (a WARC or JSONL file, a page, a folder, a glob; local or a URL) or, for a
large uncompressed JSONL file, a run of its lines (``--shard-size``). :func:`process_shard` turns one shard into its
files under an output folder:

- ``parquet``: ``DIR/<table>/<shard>.parquet`` for the five tables (one fixed schema each, see
  :mod:`.arrow`);
- ``jsonl``: ``DIR/records/<shard>.jsonl``, one record per input as ``run`` writes them;

each written under a temporary name and renamed, then ``DIR/_manifest/<shard>.json``, written
last, says the shard is complete. A shard whose manifest exists is skipped: that is how a
stopped run, on one machine or a hundred, goes on. A shard's name comes from its source's id
and its line span, so the same shard always has the same name and is never written twice.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..options import DEFAULT_OPTIONS, Options
from .inputs import InputItem, LineReader, _lines, _numbered, _sniff, expand, input_id, items_of, kind_of, open_binary
from .outdir import OutDir
from .outputs import jsonl_line
from .run import Result, process
from .safe import safe_value
from .tables import CHILD_TABLES, TABLES, rows

MANIFESTS = "_manifest"
RECORDS = "records"
SHARD_FORMATS = ("parquet", "jsonl")
ROW_GROUP_ROWS = 1000
DEFAULT_SHARD_LINES = 1000
_COUNT_KEYS = ("inputs", "articles", "failures", "statistics", "people", "events")


@dataclass(frozen=True)
class Shard:
    """One unit of work: ``source``, or its lines ``first`` .. ``first + lines - 1`` starting at
    byte ``offset`` (``lines`` None: to the end)."""

    source: str
    first: int = 1
    lines: int | None = None
    offset: int = 0

    @property
    def id(self) -> str:
        return input_id(self.source)

    @property
    def name(self) -> str:
        """A file name, stable for the same shard: ``<stem>[-L<first>]-<hash>``."""
        ident = self.id
        key = json.dumps([ident, self.first, self.lines])
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", ident.rstrip("/").rsplit("/", 1)[-1].split(".")[0])[:40] or "input"
        span = f"-L{self.first}" if self.lines is not None or self.first > 1 else ""
        return f"{stem}{span}-{digest}"

    def spec(self) -> dict[str, Any]:
        return {"source": self.id, "first": self.first, "lines": self.lines}


def parse_part(text: str) -> tuple[int, int]:
    """``K/N`` (1 <= K <= N) as a pair; ValueError otherwise.

    >>> parse_part("2/8")
    (2, 8)
    """
    k, sep, n = text.partition("/")
    if not sep or not k.strip().isdigit() or not n.strip().isdigit() or not 1 <= int(k) <= int(n):
        raise ValueError(f"--shard wants K/N with 1 <= K <= N, not {text!r}")
    return int(k), int(n)


def in_part(item_id: str, part: tuple[int, int] | None) -> bool:
    """Whether an input (or a shard, by its name) belongs to slice K of N: a hash of its id, the
    same on every machine.

    >>> sum(in_part(f"/a.jsonl#{i}", (k, 3)) for i in range(30) for k in (1, 2, 3))
    30
    """
    if part is None:
        return True
    digest = hashlib.blake2b(item_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % part[1] == part[0] - 1


def shard_items(shard: Shard, max_bytes: int) -> Iterator[InputItem]:
    """The inputs of a shard, in order."""
    if shard.lines is None and shard.first == 1:
        return items_of(expand([shard.source]), max_bytes)
    return _piece(shard, max_bytes)


def _piece(shard: Shard, max_bytes: int) -> Iterator[InputItem]:
    """The lines of a JSONL piece; a piece that cannot be read is one error item, ``path#first-last``."""
    base = shard.id
    try:
        with open_binary(shard.source) as stream:
            stream.seek(shard.offset)
            lines = islice(_lines(LineReader(stream), max_bytes), shard.lines)
            yield from _numbered(lines, base, max_bytes, shard.first)
    except Exception as exc:  # noqa: BLE001 - gone, unreadable: the run goes on
        last = "" if shard.lines is None else shard.first + shard.lines - 1
        yield InputItem(f"{base}#{shard.first}-{last}", error=f"{type(exc).__name__}: {exc}"[:500])


def plan(sources: list[str], shard_lines: int = DEFAULT_SHARD_LINES, part: tuple[int, int] | None = None) -> list[Shard]:
    """The shards of a run over already expanded ``sources``: one per source, and a large
    uncompressed JSONL file cut into runs of ``shard_lines`` lines (0: never cut); with ``part``
    (K, N), only those whose name falls in slice K of N."""
    shards: list[Shard] = []
    for source in sources:
        pieces = _pieces(source, shard_lines) if shard_lines and _splittable(source) else None
        if not pieces or len(pieces) == 1:
            shards.append(Shard(source))
        else:
            shards += [Shard(source, first, lines, offset) for first, lines, offset in pieces]
    return [shard for shard in shards if in_part(shard.name, part)]


def _splittable(source: str) -> bool:
    return source != "-" and kind_of(source) == "jsonl" and not source.lower().endswith(".gz")


def _pieces(source: str, every: int) -> list[tuple[int, int | None, int]] | None:
    """(first line, number of lines or None for the rest, byte offset) of each run of ``every``
    lines; None when the file cannot be read or is not UTF-8 (its offsets would not be bytes)."""
    try:
        with open_binary(source) as stream:
            if _sniff(stream.read(4)) not in (None, "utf-8-sig"):
                return None
            stream.seek(0)
            starts = list(_line_starts(stream, every))
    except Exception:  # noqa: BLE001 - unreadable: one shard, whose read reports the error
        return None
    return [(1 + i * every, every if i + 1 < len(starts) else None, offset) for i, offset in enumerate(starts)]


def _line_starts(stream: Any, every: int) -> Iterator[int]:
    """Byte offsets of lines 1, 1 + every, 1 + 2 * every… (a line is what ``readline`` gives)."""
    yield 0
    line, position, pending = 0, 0, None
    while chunk := stream.read(1 << 20):
        if pending is not None:  # a line does start there: the file goes on
            yield pending
            pending = None
        start = 0
        while (found := chunk.find(b"\n", start)) >= 0:
            line, start = line + 1, found + 1
            if line % every == 0:
                if pending is not None:
                    yield pending
                pending = position + start
        position += len(chunk)
        if pending is not None and pending < position:
            yield pending
            pending = None


@dataclass
class ShardDone:
    """What :func:`process_shard` did: the shard's name, whether it was already complete, its counts."""

    name: str
    skipped: bool
    counts: dict[str, int] = field(default_factory=dict)


def process_shard(shard: Shard | str, out_dir: str | OutDir, options: Options | None = None, fmt: str = "parquet") -> ShardDone:
    """Turn one shard (a :class:`Shard`, or a file, folder, glob or URL) into its ``fmt`` files
    under ``out_dir``; skipped when its manifest says it is complete. Raises only when the output
    cannot be written (every input that fails becomes an error record)."""
    shard = shard if isinstance(shard, Shard) else Shard(shard)
    out = out_dir if isinstance(out_dir, OutDir) else OutDir(out_dir)
    options = options or DEFAULT_OPTIONS
    if out.exists(MANIFESTS, f"{shard.name}.json"):
        return ShardDone(shard.name, True, read_manifests(out, [shard.name])[shard.name]["counts"])
    writer = ShardWriter(out, shard, fmt)
    try:
        for item in shard_items(shard, options.max_input_bytes):
            writer.write(process(item, options))
        return ShardDone(shard.name, False, writer.commit())
    except BaseException:
        writer.abort()
        raise


class ShardWriter:
    """The files of one shard, written under temporary names; :meth:`commit` renames them into
    place (child tables first, the manifest last); :meth:`abort` removes them."""

    def __init__(self, out: OutDir, shard: Shard, fmt: str) -> None:
        if fmt not in SHARD_FORMATS:
            raise ValueError(f"shards are written as parquet or jsonl, not {fmt}")
        self.out, self.shard, self.fmt = out, shard, fmt
        self.counts: dict[str, int] = dict.fromkeys(_COUNT_KEYS, 0)
        self._temps: dict[tuple[str, ...], tuple[Any, str]] = {}
        self._tables: dict[str, Any] = {}
        self._buffers: dict[str, list[Any]] = {table: [] for table in TABLES}
        for parts in self._files():
            out.makedirs(*parts[:-1])
            self._temps[parts] = out.open_temp(*parts)
        if fmt == "parquet":
            self._open_parquet()

    def _files(self) -> list[tuple[str, ...]]:
        if self.fmt == "jsonl":
            return [(RECORDS, f"{self.shard.name}.jsonl")]
        order = (*CHILD_TABLES, "errors", "articles")  # the order of commit: parents last
        return [(table, f"{self.shard.name}.parquet") for table in order]

    def _open_parquet(self) -> None:
        import pyarrow.parquet as pq

        from .arrow import schema

        for (table, _), (stream, _) in self._temps.items():
            self._tables[table] = pq.ParquetWriter(stream, schema(table), compression="zstd")

    def write(self, result: Result) -> None:
        record = safe_value(result.record)
        self.counts["inputs"] += 1
        for key, value in result.counts.items():
            self.counts[key] = self.counts.get(key, 0) + value
        if self.fmt == "jsonl":
            stream = self._temps[(RECORDS, f"{self.shard.name}.jsonl")][0]
            stream.write(jsonl_line(record).encode("utf-8"))
            return
        for table, table_rows in rows(record).items():
            self._buffers[table].extend(table_rows)
            if len(self._buffers[table]) >= ROW_GROUP_ROWS:
                self._flush(table)

    def _flush(self, table: str) -> None:
        from .arrow import to_arrow

        self._tables[table].write_table(to_arrow(table, self._buffers[table]))
        self._buffers[table] = []

    def commit(self) -> dict[str, int]:
        """Close, rename into place, write the manifest; the shard's counts."""
        for table in self._tables:
            if self._buffers[table]:
                self._flush(table)
            self._tables[table].close()
        for parts, (stream, temp) in self._temps.items():
            stream.close()
            self.out.commit(temp, *parts)
        self._temps = {}
        write_manifest(self.out, self.shard, self.fmt, self.counts)
        return self.counts

    def abort(self) -> None:
        for table in self._tables.values():
            try:
                table.close()
            except Exception:  # noqa: BLE001, S110 - already broken: it is being removed anyway
                pass
        self._tables = {}
        for stream, temp in self._temps.values():
            try:
                stream.close()
            except Exception:  # noqa: BLE001, S110 - already broken: it is being removed anyway
                pass
            self.out.remove(temp)
        self._temps = {}


def write_manifest(out: OutDir, shard: Shard, fmt: str, counts: dict[str, int]) -> None:
    """``_manifest/<shard>.json``, written last: the shard is complete."""
    manifest = {"shard": shard.name, **shard.spec(), "format": fmt, "counts": counts}
    out.makedirs(MANIFESTS)
    stream, temp = out.open_temp(MANIFESTS, f"{shard.name}.json")
    with stream:
        stream.write(json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    out.commit(temp, MANIFESTS, f"{shard.name}.json")


def complete_shards(out: OutDir) -> list[str]:
    """Names of the shards whose manifest exists, sorted."""
    return [n.removesuffix(".json") for n in out.names(MANIFESTS) if n.endswith(".json") and not n.startswith(".")]


def read_manifests(out: OutDir, names: list[str]) -> dict[str, dict[str, Any]]:
    """The manifests of ``names`` (those that can be read and parsed), by shard name."""
    paths = {out.path(MANIFESTS, f"{name}.json"): name for name in names}
    found = {}
    for path, data in out.read_many(list(paths)).items():
        try:
            found[paths[path]] = json.loads(data)
        except (ValueError, KeyError):
            continue
    return found
