from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from batch_helpers import SEED_HTML, SEED_TXT
from vnnews_extract.batch.cli import main
from vnnews_extract.batch.output_csv import CsvWriter
from vnnews_extract.batch.outputs import recover_jsonl
from vnnews_extract.batch.tables import TABLES


def _inputs(tmp_path: Path) -> list[str]:
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"\x00\x01binary")
    return [str(SEED_TXT), str(SEED_HTML), str(broken)]


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_writes_five_tables_linked_by_input(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert main(["run", *_inputs(tmp_path), "--format", "csv", "-o", str(out), "-q", "-w", "1"]) == 1
    articles, stats = _csv(out / "articles.csv"), _csv(out / "statistics.csv")
    assert [a["input"] for a in articles] == [str(SEED_TXT), str(SEED_HTML)]
    assert [e["type"] for e in _csv(out / "errors.csv")] == ["InputError"]
    assert {s["input"] for s in stats} == {str(SEED_TXT), str(SEED_HTML)}
    assert len(stats) == sum(int(a["statistics"]) for a in articles)
    for table in ("people", "events"):
        assert list(_csv(out / f"{table}.csv")[0]) == list(TABLES[table])
    first = articles[0]
    assert first["text"][int(stats[0]["evidence_start"]) : int(stats[0]["evidence_end"])] == stats[0]["evidence"]


def _db_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_sqlite_has_keys_and_a_rerun_replaces_rather_than_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    args = ["run", *_inputs(tmp_path), "--format", "sqlite", "-o", str(db), "-q", "-w", "1"]
    assert main(args) == 1
    first = _db_counts(db)
    assert first["articles"] == 2 and first["errors"] == 1 and first["statistics"] > 0
    assert main(args) == 1
    assert _db_counts(db) == first
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO statistics (input, seq, kind) VALUES ('nope', 0, 'count')")
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"statistics_kind", "people_name", "events_type"} <= indexes


def test_sqlite_rerun_turns_an_error_into_an_article(tmp_path: Path) -> None:
    page, db = tmp_path / "p.txt", tmp_path / "out.db"
    page.write_bytes(b"")
    assert main(["run", str(page), "--format", "sqlite", "-o", str(db), "-q"]) == 1
    page.write_bytes(SEED_TXT.read_bytes())
    assert main(["run", str(page), "--format", "sqlite", "-o", str(db), "-q"]) == 0
    counts = _db_counts(db)
    assert (counts["articles"], counts["errors"]) == (1, 0)


def test_readme_query_runs(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    main(["run", str(SEED_TXT), str(SEED_HTML), "--format", "sqlite", "-o", str(db), "-q"])
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    query = readme.split("```sql\n", 1)[1].split("```", 1)[0]
    with sqlite3.connect(db) as conn:
        assert conn.execute(query).fetchall()


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        (b'{"input": "a"}\n{"input": "b"}\n', {"a", "b"}),
        (b'{"input": "a"}\n{"input": "b"', {"a"}),
        (b'{"input": "a"}\n{"inp', {"a"}),
        (b"", set()),
    ],
    ids=["complete", "last-line-unterminated", "last-line-cut", "empty"],
)
def test_recover_jsonl_drops_a_truncated_last_line(tmp_path: Path, content: bytes, kept: set[str]) -> None:
    path = tmp_path / "o.jsonl"
    path.write_bytes(content)
    assert recover_jsonl(path) == kept
    assert path.read_bytes().count(b"\n") == len(kept) and path.read_bytes().endswith(b"\n") == bool(kept)


def test_csv_resume_cuts_a_partial_row_and_orphan_children(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert main(["run", str(SEED_TXT), "--format", "csv", "-o", str(out), "-q"]) == 0
    stats = out / "statistics.csv"
    good_stats = stats.read_bytes()
    with open(stats, "ab") as stream:  # a second input's children, then a kill mid-row
        stream.write(good_stats.split(b"\n", 1)[1].replace(str(SEED_TXT).encode(), b"other")[:700])
    with open(out / "articles.csv", "ab") as stream:
        stream.write(b'other,x,"partial text\n')
    writer = CsvWriter(out, resume=True)
    writer.close()
    assert writer.done == {str(SEED_TXT)}
    assert stats.read_bytes() == good_stats
    assert [a["input"] for a in _csv(out / "articles.csv")] == [str(SEED_TXT)]


def test_jsonl_lines_survive_any_line_splitter() -> None:
    import json as _json

    from vnnews_extract.batch.outputs import jsonl_line

    line = jsonl_line({"text": "một\u2028hai\u2029ba\u0085bốn"})
    assert "\u2028" not in line and "\u2029" not in line
    assert line.splitlines() == [line.rstrip("\n")]  # NEL too (issue 13 fuzz)
    assert _json.loads(line) == {"text": "một\u2028hai\u2029ba\u0085bốn"}
