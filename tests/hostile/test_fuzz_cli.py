"""Issue 13, "done when": a fuzz pass over the batch command.

Random JSONL lines, random file names and contents, random nesting and random bytes on standard
input, 2,000 cases in all (derandomized hypothesis, so CI sees the same cases every time), run
through ``main`` in-process with one worker; then a few real runs of the command with two
workers over a seeded random tree. Each case checks that nothing escapes (no exception, no
traceback), the exit status says what happened, and every input is in the output exactly once,
a resumed run included.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnnews_extract.batch.cli import main
from vnnews_extract.batch.inputs import iter_items, kind_of

FUZZ = settings(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
MAX_BYTES = 4000
WORDS = st.sampled_from(["Tỷ lệ", "đạt", "98,5%", "ông", "Nguyễn Văn An", "Giám đốc", "Sở Y tế", "1.126", "tỷ đồng",
                         "bổ nhiệm", "\u200e", "\ud800", "\x00", "<p>", "</div>", "&amp;", "\n", " ", "năm 2020"])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


# Memory-backed when there is one: SQLite's and the kernel's syncs cost nothing there.
_TMP = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


@contextlib.contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="vnnews-fuzz", dir=_TMP) as name:
        yield Path(name)


def _records(fmt: str, out: Path) -> list[tuple[str, bool]]:
    """(input, is an error) of every record of an output."""
    if fmt == "jsonl":
        lines = out.read_bytes().decode("utf-8").splitlines()  # strict UTF-8
        return [(r["input"], "error" in r) for r in map(json.loads, lines)]
    if fmt == "csv":
        found = []
        for table in ("articles", "errors"):
            with open(out / f"{table}.csv", encoding="utf-8", newline="") as stream:
                found += [(row["input"], table == "errors") for row in csv.DictReader(stream)]
        return found
    with sqlite3.connect(out) as db:
        return [(r[0], bool(r[1])) for r in db.execute("SELECT input, 0 FROM articles UNION ALL SELECT input, 1 FROM errors")]


def _check_run(args: list[str], fmt: str, out: Path, expected: list[str], resume: bool = True) -> None:
    """Run, then resume: every expected input once, the exit status matching the errors."""
    status = main(["run", *args, "--format", fmt, "-o", str(out), "-q", "-w", "1", "--max-bytes", str(MAX_BYTES)])
    records = _records(fmt, out)
    assert sorted(i for i, _ in records) == sorted(expected)
    assert status == (1 if any(e for _, e in records) else 0)
    if not resume:
        return
    again = main(["run", *args, "--format", fmt, "-o", str(out), "-q", "-w", "1", "--max-bytes", str(MAX_BYTES), "--resume"])
    assert again == status and sorted(i for i, _ in _records(fmt, out)) == sorted(expected)


def _json_line(data: st.DataObject) -> bytes:
    kind = data.draw(st.sampled_from(["article", "value", "bytes", "nested", "blank"]))
    if kind == "article":
        obj = {data.draw(st.sampled_from(["text", "html", "body"])): "".join(data.draw(st.lists(WORDS, max_size=12)))}
        for key in ("url", "id"):
            if data.draw(st.booleans()):
                obj[key] = data.draw(JSON_VALUES)
        return json.dumps(obj, ensure_ascii=data.draw(st.booleans())).encode("utf-8", "surrogatepass")
    if kind == "value":
        return json.dumps(data.draw(JSON_VALUES)).encode()
    if kind == "nested":
        depth = data.draw(st.integers(1, 30_000))
        return (b"[" * depth + (b"]" * depth if data.draw(st.booleans()) else b""))[:MAX_BYTES - 2]
    if kind == "blank":
        return data.draw(st.sampled_from([b"", b"  ", b"\t", b"\r"]))
    return data.draw(st.binary(max_size=200)).replace(b"\n", b"")


@settings(FUZZ, max_examples=700)
@given(st.data())
def test_fuzz_any_jsonl_lines_give_one_record_per_line(data: st.DataObject) -> None:
    lines = ['{"text": "Tỷ lệ đạt 5%."}'.encode()]  # a UTF-8 first line: no encoding is sniffed from random bytes
    lines += [_json_line(data) for _ in range(data.draw(st.integers(0, 8)))]
    fmt = data.draw(st.sampled_from(["jsonl", "csv", "sqlite"]))
    gz = data.draw(st.booleans())
    with _folder() as tmp:
        path = tmp / ("d.jsonl.gz" if gz else "d.jsonl")
        payload = b"\n".join(lines) + (b"\n" if data.draw(st.booleans()) else b"")
        path.write_bytes(gzip.compress(payload) if gz else payload)
        expected = [f"{path}#{n}" for n, line in enumerate(lines, start=1) if line.strip()]
        _check_run([str(path)], fmt, tmp / "out", expected, resume=data.draw(st.integers(0, 3)) == 0)


_NAME = st.binary(min_size=1, max_size=24).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")).filter(lambda b: b not in (b".", b".."))
_SUFFIX = st.sampled_from([b".txt", b".html", b".HTM", b".txt.gz", b".json", b""])


@settings(FUZZ, max_examples=500)
@given(st.lists(st.tuples(_NAME, _SUFFIX, st.binary(max_size=300), st.booleans()), min_size=1, max_size=6,
                unique_by=lambda t: t[0] + t[1]), st.sampled_from(["jsonl", "csv", "sqlite"]), st.integers(0, 3))
def test_fuzz_any_file_names_and_bytes_give_one_record_per_file(files: list[tuple[bytes, bytes, bytes, bool]], fmt: str, resume: int) -> None:
    with _folder() as tmp:
        root = os.fsencode(tmp / "in")
        os.makedirs(os.path.join(root, b"sub"))
        written = set()
        for name, suffix, content, nested in files:
            path = os.path.join(root, b"sub" if nested else b"", name + suffix)
            if path in written or os.path.exists(path):
                continue
            with open(path, "wb") as stream:
                stream.write(gzip.compress(content) if suffix.endswith(b".gz") else content)
            written.add(path)
        # the ids, worked out independently: real path, bytes that are not UTF-8 as \xNN escapes
        expected = [os.path.realpath(p).decode("utf-8", "backslashreplace") for p in written if kind_of(os.fsdecode(p)) == "doc"]
        if expected:
            _check_run([str(tmp / "in")], fmt, tmp / "out", expected, resume=resume == 0)


@settings(FUZZ, max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(["[", '{"a":', "<div>", "<p><b>", "<table><tr><td>"]), st.integers(1, 3000), st.booleans()),
                min_size=1, max_size=3))
def test_fuzz_any_nesting_is_one_record_per_input(nests: list[tuple[str, int, bool]]) -> None:
    with _folder() as tmp:
        lines, pages = [], []
        for opener, depth, closed in nests:
            if opener.startswith("<"):
                closer = "".join(f"</{t}" for t in reversed(opener.split("<")[1:])) if closed else ""
                pages.append(f"<html><body>{opener * depth}<p>Tỷ lệ đạt 98,5%.</p>{closer * depth}</body></html>")
            else:
                closer = "]" if opener == "[" else "}"
                lines.append(opener * depth + ("1" + closer * depth if closed else ""))
        dump = tmp / "d.jsonl"
        dump.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        for n, page in enumerate(pages):
            (tmp / f"p{n}.html").write_text(page, encoding="utf-8")
        sources = [str(dump), *(str(tmp / f"p{n}.html") for n in range(len(pages)))]
        expected = [f"{dump}#{n}" for n in range(1, len(lines) + 1)] + sources[1:]
        if expected:
            _check_run(sources, "jsonl", tmp / "out.jsonl", expected, resume=False)


@settings(FUZZ, max_examples=500)
@given(st.one_of(st.binary(max_size=400), st.lists(st.sampled_from([b'{"text": "T\xe1\xbb\xb7 l\xe1\xbb\x87 5%."}', b"", b"  ", b"[", b"\xff\xfe",
                                                                    b'{"id": 1}', b"null"]), max_size=6).map(b"\n".join)),
       st.sampled_from(["plain", "gzip", "utf-16"]))
def test_fuzz_any_bytes_on_stdin_are_accounted_for(payload: bytes, wrap: str) -> None:
    data = gzip.compress(payload) if wrap == "gzip" else payload.decode("utf-8", "replace").encode("utf-16") if wrap == "utf-16" else payload
    real = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        with _folder() as tmp:
            out = tmp / "o.jsonl"
            status = main(["run", "-", "-o", str(out), "-q", "-w", "1", "--max-bytes", str(MAX_BYTES)])
            records = _records("jsonl", out)
    finally:
        sys.stdin = real
    ids = [i for i, _ in records]
    assert ids == ["-"] or (ids and all(i.startswith("-#") for i in ids) and ids == sorted(set(ids), key=lambda i: int(i[2:])))
    assert status == (1 if any(e for _, e in records) else 0)


# ---------------------------------------------------------------- the real command, two workers


def _random_tree(root: Path, seed: int) -> None:
    """A seeded random tree: odd names, random bytes, JSONL of random lines, broken gzip and WARC,
    a symlink loop and a file linked twice."""
    rnd = random.Random(seed)
    sub = os.fsencode(root / "a" / "b")
    os.makedirs(sub)
    for n in range(24):
        name = bytes(rnd.choice(b"ab \xff\xe1\x80\n#%'\"\\:;") for _ in range(rnd.randint(1, 10))) + f"{n}".encode()
        suffix = rnd.choice([b".txt", b".html", b".jsonl", b".txt.gz", b".warc", b".warc.gz"])
        folder = sub if rnd.random() < 0.5 else os.fsencode(root)
        if suffix == b".jsonl":
            lines = [rnd.choice([b'{"text": "T\xe1\xbb\xb7 l\xe1\xbb\x87 5%."}', b"[" * rnd.randint(1, 50_000), rnd.randbytes(40).replace(b"\n", b""), b""])
                     for _ in range(rnd.randint(0, 6))]
            content = b"\n".join(lines)
        else:
            content = rnd.randbytes(rnd.randint(0, 400))
        with open(os.path.join(folder, name + suffix), "wb") as stream:
            stream.write(gzip.compress(content)[: rnd.randint(5, 60)] if suffix.endswith(b".gz") and rnd.random() < 0.5 else content)
    (root / "a" / "b" / "loop").symlink_to("../..")
    (root / "again.txt").symlink_to(root / "a" / "b" / "loop" / next(p.name for p in root.iterdir() if p.is_file()))


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sqlite"])
def test_fuzz_the_real_command_with_two_workers_accounts_for_every_input(fmt: str, tmp_path: Path) -> None:
    _random_tree(tmp_path / "in", seed={"jsonl": 1, "csv": 2, "sqlite": 3}[fmt])
    expected = [item.id for item in iter_items([str(tmp_path / "in")], MAX_BYTES)]
    out = tmp_path / ("out" if fmt == "csv" else f"out.{fmt}")
    command = [sys.executable, "-m", "vnnews_extract", "run", str(tmp_path / "in"), "--format", fmt, "-o", str(out),
               "-w", "2", "--max-bytes", str(MAX_BYTES)]
    done = subprocess.run(command, capture_output=True, timeout=300, check=False)
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and done.returncode in (0, 1), stderr[-2000:]
    assert stderr.strip().count("\n") == 0 and "inputs " in stderr  # the summary, nothing else
    records = _records(fmt, out)
    assert sorted(i for i, _ in records) == sorted(expected) and len(expected) >= 20
