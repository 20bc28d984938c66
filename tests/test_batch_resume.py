"""Every input exactly once: broken inputs are accounted for, killed runs resume without loss."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from batch_helpers import SEED_HTML, SEED_TXT, gzip_bomb, gzip_file, read_jsonl, text_corpus, write_jsonl, write_warc
from vnnews_extract.batch.cli import main
from vnnews_extract.batch.inputs import count_items, iter_items


def _broken_folder(root: Path) -> Path:
    folder = root / "crawl"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.txt").write_bytes(SEED_TXT.read_bytes())
    gzip_file(SEED_HTML, folder / "sub" / "ok.html.gz")
    gzip_bomb(folder / "bomb.html.gz", 8 << 20)
    (folder / "corrupt.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 50)
    (folder / "empty.htm").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x00\x01\x02")
    write_jsonl(folder / "dump.jsonl", [{"text": "Ông Lê Văn Ba được bầu làm Chủ tịch UBND huyện."}, "{oops", {"x": 1}])
    write_warc(folder / "c.warc.gz", [("https://a.vn/1", "200 OK", "text/html", SEED_HTML.read_bytes())], gz=True)
    (folder / "truncated.warc.gz").write_bytes((folder / "c.warc.gz").read_bytes()[:-3000])
    (folder / "README.json").write_text("{}")  # not an input
    return folder


def test_folder_with_broken_files_accounts_for_every_input(tmp_path: Path) -> None:
    folder = _broken_folder(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["run", str(folder), "-o", str(out), "-q", "-w", "2", "--max-bytes", str(1 << 20)]) == 1
    records = read_jsonl(out)
    expected = [item.id for item in iter_items([str(folder)], 1 << 20)]
    assert [r["input"] for r in records] == expected
    assert count_items([str(folder)], 1 << 20) is None  # issue 13: WARC files are not parsed twice to count
    ok = {Path(str(r["input"])).name for r in records if "error" not in r}
    assert ok == {"ok.txt", "ok.html.gz", "dump.jsonl#1", "c.warc.gz#2"}
    errors = {Path(str(r["input"])).name: r["error"] for r in records if "error" in r}
    assert "too large" in errors["bomb.html.gz"]["message"]
    assert set(errors) == {"bomb.html.gz", "corrupt.txt.gz", "empty.htm", "binary.html", "dump.jsonl#2",
                           "dump.jsonl#3", "truncated.warc.gz#2"}
    warc = next(r for r in records if str(r["input"]).endswith("c.warc.gz#2"))
    assert (warc["url"], warc["fetched"]) == ("https://a.vn/1", "2021-06-01T08:00:00Z")


def test_jsonl_input_id_becomes_the_article_id(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "d.jsonl", [{"text": SEED_TXT.read_text(encoding="utf-8"), "id": "bai-1"}])
    out = tmp_path / "o.jsonl"
    assert main(["run", str(dump), "-o", str(out), "-q"]) == 0
    [record] = read_jsonl(out)
    assert (record["id"], record["input"]) == ("bai-1", f"{dump}#1")


def _ids(fmt: str, out: Path) -> list[str]:
    if fmt == "jsonl":
        return [str(r["input"]) for r in read_jsonl(out)]
    if fmt == "csv":
        with open(out / "articles.csv", encoding="utf-8", newline="") as stream:
            return [row["input"] for row in csv.DictReader(stream)]
    with sqlite3.connect(out) as db:
        return [row[0] for row in db.execute("SELECT input FROM articles")]


def _output(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / {"jsonl": "out.jsonl", "csv": "csv", "sqlite": "out.db"}[fmt]


def test_resume_after_a_kill_mid_line_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = text_corpus(tmp_path / "in", 6)
    out = tmp_path / "out.jsonl"
    assert main(["run", str(folder), "-o", str(out), "-q", "-w", "1"]) == 0
    data = out.read_bytes()
    cut = data.index(b"\n", data.index(b"\n") + 1) + 500  # two whole lines, then a third cut short
    out.write_bytes(data[:cut])
    assert main(["run", str(folder), "-o", str(out), "-q", "--resume"]) == 0
    assert _ids("jsonl", out) == sorted(str(p) for p in folder.iterdir())
    assert read_jsonl(out) == [json.loads(line) for line in data.decode().splitlines()]


def _progressed(fmt: str, out: Path) -> bool:
    """At least a few inputs written (read without touching the output)."""
    try:
        if fmt == "sqlite":
            with sqlite3.connect(f"file:{out}?mode=ro", uri=True) as db:
                return db.execute("SELECT count(*) FROM articles").fetchone()[0] >= 3
        path = out if fmt == "jsonl" else out / "articles.csv"
        return path.read_bytes().count(b".txt," if fmt == "csv" else b"\n") >= 3
    except (OSError, sqlite3.Error):
        return False


def _kill_part_way(args: list[str], fmt: str, out: Path) -> bool:
    """Start the command, kill its process group once a few inputs are out; whether it was running."""
    command = [sys.executable, "-m", "vnnews_extract", *args]
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not _progressed(fmt, out) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    was_running = proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return was_running


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sqlite"])
def test_run_killed_part_way_then_resumed_holds_every_input_once(tmp_path: Path, fmt: str) -> None:
    folder = text_corpus(tmp_path / "in", 60)
    out = _output(tmp_path, fmt)
    args = ["run", str(folder), "--format", fmt, "-o", str(out), "-w", "2"]
    assert _kill_part_way(args, fmt, out), "the run ended before it could be killed"
    assert main([*args, "--resume", "-q"]) == 0
    ids = _ids(fmt, out)
    assert Counter(ids) == Counter(str(p) for p in folder.iterdir())
    if fmt == "csv":
        with open(out / "statistics.csv", encoding="utf-8", newline="") as stream:
            per_input = Counter(row["input"] for row in csv.DictReader(stream))
        assert len(per_input) == 60 and len(set(per_input.values())) == 1  # same text: same rows, once


@pytest.mark.parametrize(
    "args",
    [
        ["run", "nothing-here-*.html"],
        ["run", "x.txt", "--format", "csv"],
        ["run", "x.txt", "--resume"],
        ["run", "x.txt", "--workers", "0"],
        ["run", "x.txt", "--format", "xml", "-o", "o"],
        ["frobnicate"],
    ],
    ids=["no-input", "csv-without-o", "resume-to-stdout", "zero-workers", "unknown-format", "unknown-command"],
)
def test_bad_usage_exits_2(args: list[str]) -> None:
    assert main(args) == 2


def test_exit_codes_0_and_1(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert main(["run", str(SEED_TXT), "-o", str(tmp_path / "a.jsonl"), "-q"]) == 0
    assert main(["run", str(SEED_TXT), str(empty), "-o", str(tmp_path / "b.jsonl"), "-q"]) == 1
