"""CSV output: articles.csv, statistics.csv, people.csv, events.csv and errors.csv in one folder.

Rows are appended and flushed; an input's child rows (statistics, people, events) are written
before its articles.csv (or errors.csv) row, which marks the input as done. So after a kill:

- a parent file may end in a partial row: resume cuts it off;
- child files may end in rows of an input whose parent row never got written (and a partial
  row): those rows are all after the last row of a done input, and resume cuts them off.

Before anything is cut, every file is checked: a file of another shape (another header, a
broken row that is not the last) is refused and left as it is. Without ``--resume`` the files
are written afresh.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .outputs import ForeignOutputError
from .safe import safe_value
from .tables import CHILD_TABLES, TABLES, rows

PARENT_TABLES = ("articles", "errors")


class CsvWriter:
    def __init__(self, folder: Path, resume: bool) -> None:
        self.done: set[str] = set()
        self.failed: set[str] = set()
        if resume and folder.is_dir():
            self.done, self.failed = recover_csv(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self._streams: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        self._quoted: dict[str, Any] = {}  # for rows holding a carriage return, which csv leaves unquoted
        for table, columns in TABLES.items():
            path = folder / f"{table}.csv"
            fresh = not resume or not path.exists() or path.stat().st_size == 0
            stream = open(path, "w" if fresh else "a", encoding="utf-8", newline="")
            self._streams[table], self._writers[table] = stream, csv.writer(stream, lineterminator="\n")
            self._quoted[table] = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
            if fresh:
                self._writers[table].writerow(columns)
                stream.flush()

    def write(self, record: dict[str, Any]) -> None:
        for table, table_rows in rows(safe_value(record)).items():  # children first, the parent row last
            for row in table_rows:
                has_cr = any(isinstance(cell, str) and "\r" in cell for cell in row)
                (self._quoted if has_cr else self._writers)[table].writerow(row)
            if table_rows:
                self._streams[table].flush()

    def close(self) -> None:
        for stream in self._streams.values():
            stream.close()


def recover_csv(folder: Path) -> tuple[set[str], set[str]]:
    """(inputs, inputs with an error row) of a CSV output folder, after cutting every file after
    its last good row. Every file is checked before any is cut: a file of another shape raises
    ForeignOutputError and nothing is changed."""
    done: set[str] = set()
    failed: set[str] = set()
    cuts: dict[Path, int] = {}
    for table in PARENT_TABLES:
        path = folder / f"{table}.csv"
        ids, cuts[path] = _scan(path, TABLES[table], None)
        done |= ids
        if table == "errors":
            failed = ids
    for table in CHILD_TABLES:
        path = folder / f"{table}.csv"
        _, cuts[path] = _scan(path, TABLES[table], done)
    for path, good in cuts.items():
        if path.exists() and path.stat().st_size > good:
            with open(path, "r+b") as stream:
                stream.truncate(good)
    return done, failed


def _scan(path: Path, columns: tuple[str, ...], keep: set[str] | None) -> tuple[set[str], int]:
    """(inputs of the rows, byte offset after the last good row) of one CSV file.

    A row is good when complete (all columns, ends in a newline) and, if ``keep`` is given, when
    it belongs to an input in ``keep`` (rows after the last such row are cut). Only the end of the
    file may be broken (a kill mid-row); a wrong header or a broken row with rows after it means
    the file is not ours: ForeignOutputError.
    """
    if not path.exists():
        return set(), 0
    ids: set[str] = set()
    good = 0
    for end, row in _rows_with_ends(path, len(columns)):
        if end == 0:  # the broken tail
            if good == 0 and not _header_prefix(row, columns):
                raise ForeignOutputError(f"{path}: not a CSV output of this version (header {row[:3]}...)")
            break
        if good == 0:
            if tuple(row) != columns:
                raise ForeignOutputError(f"{path}: not a CSV output of this version (header {row[:3]}...)")
            good = end
            continue
        if keep is None or row[0] in keep:
            good = end
        if keep is None:
            ids.add(row[0])
    return ids, good


def _header_prefix(row: list[str], columns: tuple[str, ...]) -> bool:
    """A header cut short by a kill: its cells are a prefix of ``columns``."""
    if len(row) > len(columns):
        return False
    cells = list(row)
    return all(a == b for a, b in zip(cells[:-1], columns)) and (not cells or columns[len(cells) - 1].startswith(cells[-1]))


def _rows_with_ends(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    """Complete rows with the byte offset just after each; then (0, row) for a broken tail.

    A broken row (wrong width, no newline, bad quoting) that is not at the very end of the file
    raises ForeignOutputError.
    """
    consumed = [0, True]
    size = path.stat().st_size

    def lines(stream: IO[bytes]) -> Iterator[str]:
        for raw in stream:
            consumed[0] += len(raw)
            consumed[1] = raw.endswith(b"\n")
            yield raw.decode("utf-8", errors="replace")

    csv.field_size_limit(2**31 - 1)  # article texts are long
    with open(path, "rb") as stream:
        reader = csv.reader(lines(stream), strict=True)
        try:
            for row in reader:
                if len(row) == width and consumed[1]:
                    yield int(consumed[0]), row
                    continue
                if consumed[0] < size:
                    raise ForeignOutputError(f"{path}: a row of {len(row)} columns where {width} were expected, not at the end")
                yield 0, row
                return
        except csv.Error as exc:
            if consumed[0] < size:
                raise ForeignOutputError(f"{path}: not a CSV output of this version ({exc})") from exc
            yield 0, []
