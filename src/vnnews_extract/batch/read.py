"""``read_tables(path)``: any output of ``run`` as pandas DataFrames, one per table.

The same five tables whatever the output was (a JSONL file, an SQLite file, a folder of Parquet
or JSONL shards, local or a URL), with the same columns and dtypes (the fixed Arrow schemas of
:mod:`.arrow`, as nullable pandas dtypes) and the same order (by ``input``, then ``seq``): two
runs that extracted the same records give equal frames, whatever their format or engine. Only
complete shards (those with a manifest) are read. Needs the ``parquet`` extra (pyarrow, pandas).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .arrow import pyarrow, schema, to_arrow, to_pandas
from .inputs import kind_of, open_binary
from .outdir import OutDir
from .remote import is_remote
from .shards import RECORDS, complete_shards
from .tables import TABLES, rows

_SQLITE_MAGIC = b"SQLite format 3\x00"


def read_tables(path: str | os.PathLike[str]) -> dict[str, Any]:
    """``{"articles": DataFrame, "statistics": …, "people": …, "events": …, "errors": …}``."""
    target = os.fspath(path)
    if is_remote(target) and kind_of(target) == "jsonl":
        return _frames(_tables_of_records(_jsonl_records([target])))
    if is_remote(target) or os.path.isdir(target):
        return _frames(_shard_tables(OutDir(target)))
    with open(target, "rb") as stream:
        head = stream.read(len(_SQLITE_MAGIC))
    if head == _SQLITE_MAGIC:
        return _frames(_sqlite_tables(Path(target)))
    return _frames(_tables_of_records(_jsonl_records([target])))


def _frames(tables: dict[str, Any]) -> dict[str, Any]:
    frames = {}
    for name, table in tables.items():
        keys = [("input", "ascending")] + ([("seq", "ascending")] if "seq" in TABLES[name] else [])
        frames[name] = to_pandas(table.sort_by(keys))
    return frames


def _tables_of_records(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    collected: dict[str, list[Any]] = {table: [] for table in TABLES}
    for record in records:
        for table, table_rows in rows(record).items():
            collected[table].extend(table_rows)
    return {table: to_arrow(table, table_rows) for table, table_rows in collected.items()}


def _jsonl_records(paths: list[str]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with open_binary(path) as stream:
            for line in stream:
                if line.strip():
                    yield json.loads(line)


def _sqlite_tables(path: Path) -> dict[str, Any]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: to_arrow(table, db.execute(f"SELECT * FROM {table}").fetchall()) for table in TABLES}
    finally:
        db.close()


def _shard_tables(out: OutDir) -> dict[str, Any]:
    """The tables of the complete shards of a sharded output (Parquet or JSONL shards)."""
    if not out.exists():
        raise FileNotFoundError(out.url())
    names = complete_shards(out)
    if any(out.exists(RECORDS, f"{name}.jsonl") for name in names[:1]):
        return _tables_of_records(_jsonl_records([out.url(RECORDS, f"{name}.jsonl") for name in names]))
    import pyarrow.parquet as pq

    pa = pyarrow()
    tables = {}
    for table in TABLES:
        parts = [pq.read_table(out.path(table, f"{n}.parquet"), filesystem=out.fs, schema=schema(table)) for n in names]
        tables[table] = pa.concat_tables(parts) if parts else schema(table).empty_table()
    return tables
