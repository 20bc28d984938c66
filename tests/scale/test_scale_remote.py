"""Remote inputs and outputs through fsspec, against local filesystems only: memory:// in this
process, and an HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import functools
import http.server
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

fsspec = pytest.importorskip("fsspec", reason="remote paths need the remote extra: pip install '.[remote]'")

from batch_helpers import gzip_bomb, read_jsonl, write_jsonl  # noqa: E402
from scale_helpers import mixed_inputs, short_lines  # noqa: E402
from vnnews_extract.batch.cli import main  # noqa: E402
from vnnews_extract.batch.inputs import expand, input_id  # noqa: E402


@pytest.fixture
def memory() -> Iterator[tuple[Any, str]]:
    """A fresh memory:// folder: (filesystem, its URL)."""
    fs = fsspec.filesystem("memory")
    root = f"/t{uuid.uuid4().hex[:8]}"
    yield fs, f"memory://{root}"
    fs.rm(root, recursive=True)


def _upload(fs: Any, local: Path, root: str) -> None:
    for path in sorted(local.rglob("*")):
        if path.is_file():
            fs.pipe(f"{root.removeprefix('memory://')}/{path.relative_to(local).as_posix()}", path.read_bytes())


def _without_ids(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k not in ("input", "id")} for r in records]


def test_files_folders_and_globs_at_urls_each_once(memory: tuple[Any, str], tmp_path: Path) -> None:
    fs, root = memory
    _upload(fs, mixed_inputs(tmp_path / "in"), root)
    listed = list(expand([f"{root}/lines.jsonl", root, f"{root}/**/*.txt", f"{root}/nope.txt", root.replace("://", ":///") + "/lines.jsonl"]))
    assert listed[0] == f"{root}/lines.jsonl" and root.startswith("memory:///")
    assert len(listed) == len(set(listed)) == 7  # 6 input files + the missing one, each once
    assert listed[-1].endswith("/nope.txt") and input_id(listed[0]) == listed[0]


def test_remote_inputs_give_the_records_local_ones_give(memory: tuple[Any, str], tmp_path: Path) -> None:
    fs, root = memory
    local = mixed_inputs(tmp_path / "in")
    _upload(fs, local, root)
    assert main(["run", str(local), "-o", str(tmp_path / "local.jsonl"), "-w", "1", "-q"]) == 1
    assert main(["run", root, f"{root}/missing.jsonl", "-o", str(tmp_path / "remote.jsonl"), "-w", "1", "-q"]) == 1
    here, there = read_jsonl(tmp_path / "local.jsonl"), read_jsonl(tmp_path / "remote.jsonl")
    assert _without_ids([r for r in there if "missing" not in r["input"]]) == _without_ids(here)
    assert all(str(r["input"]).startswith("memory:///") for r in there)
    assert "FileNotFoundError" in there[-1]["error"]["message"]


def test_max_bytes_bounds_remote_reads(memory: tuple[Any, str], tmp_path: Path) -> None:
    fs, root = memory
    fs.pipe(f"{root[9:]}/bomb.txt.gz", gzip_bomb(tmp_path / "bomb.txt.gz", 8 << 20).read_bytes())
    fs.pipe(f"{root[9:]}/big.jsonl", b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "Ti\xe1\xbb\x81n."}\n')
    assert main(["run", root, "-o", str(tmp_path / "out.jsonl"), "--max-bytes", "4096", "-q"]) == 1
    found = {r["input"].rsplit("/", 1)[1]: r for r in read_jsonl(tmp_path / "out.jsonl")}
    assert "too large" in found["bomb.txt.gz"]["error"]["message"]
    assert "too large" in found["big.jsonl#1"]["error"]["message"] and "error" not in found["big.jsonl#2"]


def test_file_urls_are_local_paths_with_canonical_ids(tmp_path: Path) -> None:
    page = write_jsonl(tmp_path / "a.jsonl", short_lines(2))
    assert list(expand([page.as_uri(), str(page)])) == [str(page)]


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A folder served over HTTP on 127.0.0.1, on a free port."""
    folder = mixed_inputs(tmp_path / "served")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", folder
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def test_https_style_urls_are_read_from_a_local_http_server(http_root: tuple[str, Path], tmp_path: Path) -> None:
    pytest.importorskip("aiohttp", reason="http(s):// inputs need aiohttp (the remote extra)")
    url, folder = http_root
    sources = [f"{url}/lines.jsonl", f"{url}/crawl.warc.gz", f"{url}/page.html.gz", f"{url}/texts/a000.txt"]
    assert main(["run", *sources, "-o", str(tmp_path / "http.jsonl"), "-w", "1", "-q"]) == 1
    local = [str(folder / "lines.jsonl"), str(folder / "crawl.warc.gz"), str(folder / "page.html.gz"), str(folder / "texts/a000.txt")]
    assert main(["run", *local, "-o", str(tmp_path / "local.jsonl"), "-w", "1", "-q"]) == 1
    there = read_jsonl(tmp_path / "http.jsonl")
    assert _without_ids(there) == _without_ids(read_jsonl(tmp_path / "local.jsonl"))
    assert there[0]["input"] == f"{url}/lines.jsonl#1"


def test_outputs_are_written_to_and_read_from_remote_paths(memory: tuple[Any, str], tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra")
    from scale_helpers import assert_same_tables
    from vnnews_extract import read_tables

    local = mixed_inputs(tmp_path / "in")
    assert main(["run", str(local), "--format", "parquet", "-o", f"{memory[1]}/out", "-w", "1", "-q"]) == 1
    assert main(["run", str(local), "--format", "parquet", "-o", str(tmp_path / "out"), "-w", "1", "-q"]) == 1
    assert_same_tables(read_tables(f"{memory[1]}/out"), read_tables(tmp_path / "out"))
    assert main(["run", str(local), "--format", "parquet", "-o", f"{memory[1]}/out", "-q"]) == 1  # all skipped
    assert len(memory[0].ls(f"{memory[1][9:]}/out/_manifest")) == 6
    assert main(["run", str(local), "-o", str(tmp_path / "one.jsonl"), "-w", "1", "-q"]) == 1
    memory[0].pipe(f"{memory[1][9:]}/one.jsonl", (tmp_path / "one.jsonl").read_bytes())
    assert_same_tables(read_tables(f"{memory[1]}/one.jsonl"), read_tables(tmp_path / "out"))
