"""--format parquet: five tables, one fixed schema each, shards renamed into place and skipped once
complete; read_tables gives the same frames for JSONL, SQLite and Parquet; DuckDB reads the files."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow", reason="Parquet tests need the parquet extra: pip install '.[parquet]'")
pytest.importorskip("pandas", reason="read_tables needs pandas: pip install '.[parquet]'")
import pyarrow.parquet as pq  # noqa: E402

from batch_helpers import write_jsonl  # noqa: E402
from scale_helpers import assert_same_tables, mixed_inputs, short_lines  # noqa: E402
from vnnews_extract import read_tables  # noqa: E402
from vnnews_extract.batch import shards as shards_module  # noqa: E402
from vnnews_extract.batch.arrow import schema  # noqa: E402
from vnnews_extract.batch.cli import main  # noqa: E402
from vnnews_extract.batch.shards import Shard, process_shard  # noqa: E402
from vnnews_extract.batch.tables import SQL_TYPES, TABLES  # noqa: E402


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mixed_inputs(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def reference(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The tables of a plain JSONL run with one worker."""
    out = tmp_path_factory.mktemp("ref") / "out.jsonl"
    assert main(["run", str(inputs), "-o", str(out), "-w", "1", "-q"]) == 1  # the bad JSONL line
    return read_tables(out)


def _run_parquet(inputs: Path, out: Path, *extra: str) -> int:
    return main(["run", str(inputs), "--format", "parquet", "-o", str(out), "-q", *extra])


@pytest.mark.parametrize("table", list(TABLES))
def test_each_table_has_one_schema_derived_from_the_table_definitions(table: str) -> None:
    fixed = schema(table)
    assert fixed.names == list(TABLES[table])
    wanted = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
    assert [f.type for f in fixed] == [wanted[SQL_TYPES.get(c, "TEXT")] for c in TABLES[table]]
    assert not fixed.field("input").nullable


def test_parquet_output_has_five_tables_of_fixed_schema_and_the_rows_of_jsonl(inputs: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run_parquet(inputs, out, "-w", "1") == 1
    for table in TABLES:
        files = sorted((out / table).glob("*.parquet"))
        assert len(files) == len(list((out / "_manifest").glob("*.json"))) == 6
        assert all(pq.read_schema(f).equals(schema(table), check_metadata=False) for f in files)  # all-null columns too
    assert_same_tables(read_tables(out), reference)


def test_read_tables_gives_equal_frames_for_jsonl_sqlite_and_parquet(inputs: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    assert main(["run", str(inputs), "--format", "sqlite", "-o", str(tmp_path / "out.db"), "-w", "1", "-q"]) == 1
    assert _run_parquet(inputs, tmp_path / "pq", "-w", "2", "--shard-size", "3") == 1
    assert_same_tables(read_tables(tmp_path / "out.db"), reference)
    assert_same_tables(read_tables(tmp_path / "pq"), reference)
    assert len(reference["articles"]) == 15 and len(reference["errors"]) == 1
    assert all(len(reference[t]) for t in TABLES)


def test_duckdb_reads_the_parquet_files_directly(inputs: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="pip install duckdb (in the test extra)")
    out = tmp_path / "out"
    _run_parquet(inputs, out)
    count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/articles/*.parquet')").fetchall()
    assert count == [(len(reference["articles"]),)]
    query = (f"SELECT e.type, count(*) FROM read_parquet('{out}/events/*.parquet') e "
             f"JOIN read_parquet('{out}/articles/*.parquet') a ON a.input = e.input GROUP BY 1 ORDER BY 1")
    expected = reference["events"].groupby("type").size()
    assert duckdb.sql(query).fetchall() == [(k, int(v)) for k, v in expected.items()]


def test_a_rerun_skips_complete_shards_and_still_counts_their_failures(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _run_parquet(inputs, out) == 1
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    assert main(["run", str(inputs), "--format", "parquet", "-o", str(out)]) == 1
    assert "inputs 0," in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == before


def test_a_shard_stopped_midway_leaves_nothing_and_is_redone(inputs: Path, reference: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    real, seen = shards_module.process, []

    def dies_on_the_second(item: Any, options: Any) -> Any:
        seen.append(item.id)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(item, options)

    monkeypatch.setattr(shards_module, "process", dies_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        process_shard(Shard(str(inputs / "lines.jsonl")), str(out))
    assert [p for p in out.rglob("*") if p.is_file()] == []  # temporary files removed, no manifest
    assert read_tables(out)["articles"].empty
    monkeypatch.undo()
    assert _run_parquet(inputs, out) == 1
    assert_same_tables(read_tables(out), reference)


def test_an_output_cut_another_way_is_refused(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _run_parquet(inputs, out, "--shard-size", "3") == 1
    assert _run_parquet(inputs, out, "--shard-size", "4") == 2
    assert "another --shard-size" in capsys.readouterr().err


def test_slices_written_into_one_folder_hold_every_input_once(inputs: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out"
    for k in (1, 2, 3):  # three machines of a SLURM array, one after the other here
        assert _run_parquet(inputs, out, "--shard", f"{k}/3", "--shard-size", "3", "-w", "1") in (0, 1)
    assert_same_tables(read_tables(out), reference)
    assert _run_parquet(inputs, out, "--shard-size", "3") == 1  # a run without --shard: all done already


def test_a_folder_of_other_files_is_refused(inputs: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    assert _run_parquet(inputs, tmp_path / "out") == 2
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["notes.txt"]


def test_parquet_needs_an_output_folder(inputs: Path) -> None:
    assert main(["run", str(inputs), "--format", "parquet", "-q"]) == 2


def test_a_run_stopped_by_sigterm_exits_3_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "many.jsonl", short_lines(300))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "vnnews_extract", "run", str(source), "--format", "parquet", "-o", str(out),
               "--shard-size", "10", "-w", "1"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(list(out.glob("_manifest/*.json"))) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 3, err
    assert "rerun the same command to go on" in err
    finished = {p.stem for p in out.glob("_manifest/*.json")}
    assert 2 <= len(finished) < 30 and {p.stem for p in out.glob("*/*.parquet")} == finished  # no shard half there
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0 and f"skipped {10 * len(finished)} " in rerun.stderr
    articles = read_tables(out)["articles"]
    assert len(articles) == 300 and articles["input"].is_unique


def test_parquet_runs_take_the_options_of_flags_and_config(inputs: Path, reference: dict[str, Any], tmp_path: Path) -> None:
    """--only and the limits reach the shard runs too: with only statistics asked, the people and
    events tables are empty while the statistics are those of the plain run."""
    assert len(reference["people"]) > 0 and len(reference["statistics"]) > 0
    out = tmp_path / "only"
    assert _run_parquet(inputs, out, "-w", "1", "--only", "statistics") == 1
    tables = read_tables(out)
    assert len(tables["people"]) == 0 and len(tables["events"]) == 0
    assert len(tables["statistics"]) == len(reference["statistics"])
    capped = tmp_path / "capped"
    assert _run_parquet(inputs, capped, "-w", "1", "--max-statistics", "1") == 1
    per_input = read_tables(capped)["statistics"].groupby("input").size()
    assert per_input.max() == 1
