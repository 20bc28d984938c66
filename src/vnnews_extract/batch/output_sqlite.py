"""SQLite output: the tables of :mod:`vnnews_extract.tables` in one file, with keys and indexes.

Each input is written in one transaction that first deletes whatever the file held for that
input (its article, whose child rows go by ``ON DELETE CASCADE``, or its error), so a rerun
replaces rather than duplicates, and a kill leaves every input either fully there or absent.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from .outputs import ForeignOutputError
from .safe import safe_value
from .tables import CHILD_TABLES, SQL_TYPES, TABLES, rows

INDEXES = (
    "CREATE INDEX IF NOT EXISTS articles_id ON articles(id)",
    "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
    "CREATE INDEX IF NOT EXISTS statistics_kind ON statistics(kind, unit)",
    "CREATE INDEX IF NOT EXISTS people_name ON people(name)",
    "CREATE INDEX IF NOT EXISTS events_type ON events(type)",
    "CREATE INDEX IF NOT EXISTS events_person ON events(person)",
)


def schema() -> list[str]:
    """CREATE statements: articles and errors keyed by input; children keyed by (input, seq)."""
    statements = []
    for table, columns in TABLES.items():
        defs = [f'"{c}" {SQL_TYPES.get(c, "TEXT")}' for c in columns]
        if table in CHILD_TABLES:
            defs[0] = '"input" TEXT NOT NULL REFERENCES articles(input) ON DELETE CASCADE'
            defs.append('PRIMARY KEY ("input", "seq")')
        else:
            defs[0] = '"input" TEXT PRIMARY KEY'
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(defs)})")
    return statements + list(INDEXES)


def check_schema(db: sqlite3.Connection, path: Path) -> None:
    """Refuse (ForeignOutputError) a file that is not SQLite, or whose tables of our names have
    other columns: nothing is written into it."""
    try:
        for table, columns in TABLES.items():
            found = tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
            if found and found != columns:
                raise ForeignOutputError(f"{path}: its table {table!r} has other columns ({', '.join(found[:4])}...); not writing into it")
    except sqlite3.OperationalError:
        raise  # cannot open it at all (a folder, no permission): not a question of shape
    except sqlite3.DatabaseError as exc:
        raise ForeignOutputError(f"{path}: not an SQLite file written by this command ({exc})") from exc


class SqliteWriter:
    def __init__(self, path: Path, resume: bool) -> None:
        self._db = sqlite3.connect(path, isolation_level=None)
        try:
            check_schema(self._db, path)
        except ForeignOutputError:
            self._db.close()
            raise
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        with self._transaction():
            for statement in schema():
                self._db.execute(statement)
        self.done: set[str] = set()
        self.failed: set[str] = set()
        if resume:
            self.failed = {key for (key,) in self._db.execute("SELECT input FROM errors")}
            self.done = self.failed | {key for (key,) in self._db.execute("SELECT input FROM articles")}
        self._inserts = {
            table: f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})"
            for table, columns in TABLES.items()
        }

    def _transaction(self) -> sqlite3.Connection:
        self._db.execute("BEGIN")
        return self._db  # the connection's context manager commits, or rolls back on error

    def write(self, record: dict[str, Any]) -> None:
        record = safe_value(record)
        key = record["input"]
        table_rows = rows(record)
        with self._transaction():
            self._db.execute("DELETE FROM articles WHERE input = ?", (key,))
            self._db.execute("DELETE FROM errors WHERE input = ?", (key,))
            for table in ("articles", "errors", *CHILD_TABLES):  # parents before children
                if table_rows.get(table):
                    self._db.executemany(self._inserts[table], table_rows[table])

    def close(self) -> None:
        self._db.close()
