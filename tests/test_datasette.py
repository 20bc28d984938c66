"""The README's "Browsing with Datasette" section, run: the SQLite output served by Datasette on
127.0.0.1 with the README's metadata, and its facets (event type, statistic kind and unit) read
back and compared with the database. Skipped without the ``datasette`` extra."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from vnnews_extract.batch.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [ROOT / "corpus" / "seed" / "chodon-wordpress.html",
            ROOT / "corpus" / "pages" / "wp-newspaper-bachthong-trao-quyet-dinh.html",
            ROOT / "corpus" / "personnel" / "pers-a13-nguyen-binh-bo-nhiem-nhieu-can-bo.txt"]
STARTUP_DEADLINE_S = 60  # a readiness wait for the server, not a timing assertion


def readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Browsing with Datasette", 1)[1].split("\n## ", 1)[0]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    pytest.importorskip("datasette", reason="needs the 'datasette' extra: pip install -e '.[datasette]'")
    folder = tmp_path_factory.mktemp("datasette")
    database = folder / "out.db"
    assert main(["run", *map(str, ARTICLES), "--format", "sqlite", "-o", str(database), "-w", "1", "-q"]) == 0
    metadata = re.search(r"```json\n(.*?)```", readme_section(), re.S)
    assert metadata, "the README's Datasette section has no JSON metadata block"
    (folder / "datasette.json").write_text(metadata.group(1), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(folder / "datasette.json"),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, base)
        yield base, database
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_up(server: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + STARTUP_DEADLINE_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"datasette exited: {server.stderr.read().decode(errors='replace') if server.stderr else ''}")
        try:
            if _get(base + "/-/versions.json")[0] == 200:
                return
        except OSError:
            pass  # not listening yet
        time.sleep(0.2)
    pytest.fail("datasette did not answer")


def test_the_readme_command_uses_the_metadata_shown() -> None:
    assert "datasette out.db --metadata datasette.json" in readme_section()


def _counts(database: Path, table: str, column: str) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        return dict(db.execute(f"SELECT {column}, count(*) FROM {table} GROUP BY {column}").fetchall())  # noqa: S608


def _facet(base: str, path: str, column: str) -> dict[str, int]:
    status, body = _get(f"{base}{path}")
    assert status == 200
    results = json.loads(body)["facet_results"]
    return {r["value"]: r["count"] for r in results[column]["results"]}


def test_events_are_faceted_by_type(served: tuple[str, Path]) -> None:
    base, database = served
    assert _facet(base, "/out/events.json", "type") == _counts(database, "events", "type")


@pytest.mark.parametrize("column", ["kind", "unit"])
def test_statistics_are_faceted_by_kind_and_unit(column: str, served: tuple[str, Path]) -> None:
    base, database = served
    assert _facet(base, "/out/statistics.json", column) == _counts(database, "statistics", column)


@pytest.mark.parametrize("path", ["/out/events?_facet=type", "/out/statistics?_facet=kind&_facet=unit", "/out/articles"])
def test_the_pages_of_the_readme_open(path: str, served: tuple[str, Path]) -> None:
    status, body = _get(served[0] + path)
    assert status == 200 and b"<table" in body
