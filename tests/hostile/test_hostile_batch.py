"""Issue 13: the batch command against hostile ids, inputs and outputs (run in-process).

Each test is a reproduction from the issue, named after the class of failure it guards.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from batch_helpers import SEED_TXT, read_jsonl, write_jsonl, write_warc
from vnnews_extract.batch import inputs as inputs_module
from vnnews_extract.batch.cli import main
from vnnews_extract.batch.inputs import count_items, iter_items

SHORT = "Tỷ lệ hộ dân dùng nước sạch đạt 98,5%."
FORMATS = ["jsonl", "csv", "sqlite"]


def _out(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / {"jsonl": "out.jsonl", "csv": "csv", "sqlite": "out.db"}[fmt]


def _inputs_of(fmt: str, out: Path) -> list[str]:
    """The ``input`` of every record of an output (articles and errors)."""
    if fmt == "jsonl":
        return [str(r["input"]) for r in read_jsonl(out)]
    if fmt == "csv":
        ids = []
        for table in ("articles", "errors"):
            with open(out / f"{table}.csv", encoding="utf-8", newline="") as stream:
                ids += [row["input"] for row in csv.DictReader(stream)]
        return ids
    with sqlite3.connect(out) as db:
        return [r[0] for r in db.execute("SELECT input FROM articles UNION ALL SELECT input FROM errors")]


def _run(*args: str) -> int:
    return main(["run", *args, "-q", "-w", "1"])


# ---------------------------------------------------------------- item 1: bad ids


@pytest.fixture
def bad_ids(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.jsonl").write_text(
        '{"text": "%s", "url": "http://x/\\ud800"}\n{"text": "%s", "id": "a\\udfffb"}\n' % (SHORT, SHORT), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"a\xff\xfe.txt"), "wb") as stream:
        stream.write(SHORT.encode("utf-8"))
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_issue13_bad_ids_are_written_in_every_format_and_resume_skips_them(bad_ids: Path, tmp_path: Path, fmt: str) -> None:
    out = _out(tmp_path, fmt)
    assert _run(str(bad_ids), "--format", fmt, "-o", str(out)) == 0
    ids = _inputs_of(fmt, out)
    assert len(ids) == 3 and any(i.endswith("a\\xff\\xfe.txt") for i in ids)
    assert _run(str(bad_ids), "--format", fmt, "-o", str(out), "--resume") == 0
    assert sorted(_inputs_of(fmt, out)) == sorted(ids)


def test_issue13_bad_ids_keep_their_url_and_id_as_escapes(bad_ids: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert _run(str(bad_ids / "s.jsonl"), "-o", str(out)) == 0
    first, second = read_jsonl(out)
    assert first["url"] == "http://x/\\ud800" and second["id"] == "a\\udfffb"
    out.read_bytes().decode("utf-8")  # strict UTF-8 throughout


# ---------------------------------------------------------------- item 3: no output over an input


def _same_file(tmp_path: Path) -> tuple[list[str], Path]:
    path = tmp_path / "same.txt"
    path.write_text(SHORT, encoding="utf-8")
    return [str(path), "-o", str(path)], path


def _jsonl_onto_itself(tmp_path: Path) -> tuple[list[str], Path]:
    path = write_jsonl(tmp_path / "x.jsonl", [{"text": SHORT}])
    return [str(path), "-o", str(path)], path


def _output_inside_the_input_folder(tmp_path: Path) -> tuple[list[str], Path]:
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "a.txt").write_text(SHORT, encoding="utf-8")
    out = write_jsonl(tmp_path / "crawl" / "out.jsonl", [{"id": "x", "input": "y", "error": {"type": "E", "message": "m"}}])
    return [str(tmp_path / "crawl"), "-o", str(out), "--resume"], out


def _hard_link(tmp_path: Path) -> tuple[list[str], Path]:
    path = write_jsonl(tmp_path / "x.jsonl", [{"text": SHORT}])
    os.link(path, tmp_path / "linked.jsonl")
    return [str(path), "-o", str(tmp_path / "linked.jsonl")], path


def _sqlite_onto_input(tmp_path: Path) -> tuple[list[str], Path]:
    path = write_jsonl(tmp_path / "x.jsonl", [{"text": SHORT}])
    return [str(path), "--format", "sqlite", "-o", str(path)], path


@pytest.mark.parametrize("case", [_same_file, _jsonl_onto_itself, _output_inside_the_input_folder, _hard_link, _sqlite_onto_input],
                         ids=lambda f: f.__name__.strip("_"))
def test_issue13_an_output_that_is_an_input_is_refused_untouched(case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args, protected = case(tmp_path)
    before = protected.read_bytes()
    assert _run(*args) == 2
    assert protected.read_bytes() == before
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "also an input" in err


FOREIGN_JSONL = [
    ('{"title": "no input field"}\n{"input": "a"}\n', "no-input-first-line"),
    ('{"input": "a"}\nnot json at all\n{"input": "b"}\n', "garbage-in-the-middle"),
    ("plain text without newline", "unterminated-text"),
    ('[1, 2]\n', "not-an-object"),
]


@pytest.mark.parametrize("content", [c for c, _ in FOREIGN_JSONL], ids=[i for _, i in FOREIGN_JSONL])
def test_issue13_resume_onto_a_foreign_jsonl_is_refused_untouched(content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text(content, encoding="utf-8")
    assert _run(str(SEED_TXT), "-o", str(out), "--resume") == 2
    assert out.read_text(encoding="utf-8") == content
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("table", ["articles", "errors", "statistics"])
def test_issue13_resume_onto_a_foreign_csv_is_refused_and_nothing_is_cut(table: str, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert _run(str(SEED_TXT), "--format", "csv", "-o", str(out)) == 0
    with open(out / "articles.csv", "ab") as stream:
        stream.write(b'other,x,"partial')  # a kill's tail in a file we own: would be cut, if all were ours
    (out / f"{table}.csv").write_text("name;value\nfoo;1\nbar;2\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert _run(str(SEED_TXT), "--format", "csv", "-o", str(out), "--resume") == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_issue13_csv_with_a_broken_row_before_good_rows_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert _run(str(SEED_TXT), "--format", "csv", "-o", str(out)) == 0
    data = (out / "statistics.csv").read_bytes()
    header, rest = data.split(b"\n", 1)
    (out / "statistics.csv").write_bytes(header + b"\nshort,row\n" + rest)
    assert _run(str(SEED_TXT), "--format", "csv", "-o", str(out), "--resume") == 2
    assert (out / "statistics.csv").read_bytes() == header + b"\nshort,row\n" + rest


def test_issue13_sqlite_with_foreign_tables_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "o.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE articles (name TEXT, body TEXT)")
        conn.execute("INSERT INTO articles VALUES ('keep', 'me')")
    for resume in ([], ["--resume"]):
        assert _run(str(SEED_TXT), "--format", "sqlite", "-o", str(db), *resume) == 2
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT * FROM articles").fetchall() == [("keep", "me")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_issue13_an_output_that_cannot_be_opened_is_one_line_and_exit_2(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a-file" if fmt == "csv" else tmp_path  # csv needs a folder, the others a file
    target.touch() if fmt == "csv" else None
    assert _run(str(SEED_TXT), "--format", fmt, "-o", str(target)) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_issue13_a_killed_runs_tail_is_still_cut_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_bytes(b'{"id": "x", "inp')  # killed while writing its first line
    assert _run(str(SEED_TXT), "-o", str(out), "--resume") == 0
    assert [r["input"] for r in read_jsonl(out)] == [str(SEED_TXT)]


# ---------------------------------------------------------------- item 4: deep nesting per line


def test_issue13_a_deeply_nested_jsonl_line_is_one_error_and_later_lines_run(tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"text": SHORT}) + "\n" + "[" * 100_000 + "\n" + '{"a": ' * 50_000 + "\n"
                    + json.dumps({"text": SHORT}) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert _run(str(dump), "-o", str(out)) == 1
    records = read_jsonl(out)
    assert [r["input"] for r in records] == [f"{dump}#{n}" for n in (1, 2, 3, 4)]
    assert ["error" in r for r in records] == [False, True, True, False]
    assert "nested too deeply" in records[1]["error"]["message"]


# ---------------------------------------------------------------- item 8: symlink loops, files once


def _looped_tree(root: Path) -> Path:
    (root / "g" / "a" / "b").mkdir(parents=True)
    (root / "g" / "top.txt").write_text(SHORT, encoding="utf-8")
    (root / "g" / "a" / "b" / "deep.txt").write_text(SHORT, encoding="utf-8")
    (root / "g" / "a" / "b" / "loop").symlink_to("../..")
    (root / "g" / "a" / "up").symlink_to("..")
    (root / "g" / "alias.txt").symlink_to("top.txt")
    return root / "g"


@pytest.mark.parametrize("pattern", ["{g}", "{g}/**/*.txt", "{g}/**", "{g}/*/**/*.txt"], ids=["folder", "glob", "glob-all", "glob-mid"])
def test_issue13_symlink_loops_end_and_each_file_is_read_once(tmp_path: Path, pattern: str) -> None:
    folder = _looped_tree(tmp_path)
    ids = [i.id for i in iter_items([pattern.format(g=folder)], 1000)]
    assert len(ids) == len(set(ids))
    # "g/*/**/*.txt" reaches top.txt through the link a/b/loop -> g: the same file, one id
    assert set(ids) == {str(folder / "top.txt"), str(folder / "a" / "b" / "deep.txt")}


# ---------------------------------------------------------------- item 9: WARC


def _warc(tmp_path: Path) -> Path:
    return write_warc(tmp_path / "c.warc", [(f"https://a.vn/{n}", "200 OK", "text/html", f"<p>{SHORT} {n}</p>".encode()) for n in (1, 2, 3)], gz=False)


def test_issue13_warc_record_with_a_bad_content_length_is_an_error_record(tmp_path: Path) -> None:
    path = _warc(tmp_path)
    data = path.read_bytes()
    second = data.index(b"Content-Length: ", data.index(b"https://a.vn/1"))
    end = data.index(b"\r\n", second)
    path.write_bytes(data[:second] + b"Content-Length: abc" + data[end:])
    items = list(iter_items([str(path)], 1 << 20))
    assert [(i.id.rsplit("#", 1)[1], i.error is not None) for i in items] == [("2", True), ("3", False), ("4", False)]
    assert "Content-Length" in str(items[0].error) and items[0].url == "https://a.vn/1"
    assert [i.url for i in items[1:]] == ["https://a.vn/2", "https://a.vn/3"]  # reading resumed at the next record


def test_issue13_a_huge_warc_header_line_is_bounded_by_max_bytes(tmp_path: Path) -> None:
    good = _warc(tmp_path).read_bytes()
    path = tmp_path / "h.warc.gz"
    with gzip.open(path, "wb") as out:
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: " + b"a" * (8 << 20) + b"\r\n\r\n" + good)
    items = list(iter_items([str(path)], 1 << 20))
    assert "larger than" in str(items[0].error)
    assert [i.url for i in items if i.error is None] == [f"https://a.vn/{n}" for n in (1, 2, 3)]


def test_issue13_a_warc_file_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _warc(tmp_path)
    opened: list[str] = []
    real = inputs_module.open_binary

    def spy(name: str):  # type: ignore[no-untyped-def]
        opened.append(name)
        return real(name)

    monkeypatch.setattr(inputs_module, "open_binary", spy)
    assert count_items([str(path)], 1 << 20) is None
    assert _run(str(path), "-o", str(tmp_path / "o.jsonl")) == 0
    assert opened == [str(path)] and len(read_jsonl(tmp_path / "o.jsonl")) == 3


# ---------------------------------------------------------------- item 13: exit status after resume


@pytest.mark.parametrize("fmt", FORMATS)
def test_issue13_resume_exit_status_counts_earlier_failures(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = _out(tmp_path, fmt)
    assert _run(str(SEED_TXT), str(empty), "--format", fmt, "-o", str(out)) == 1
    assert main(["run", str(SEED_TXT), str(empty), "--format", fmt, "-o", str(out), "--resume", "-w", "1"]) == 1
    assert "1 of them failures" in capsys.readouterr().err
    assert _run(str(SEED_TXT), "--format", fmt, "-o", str(out), "--resume") == 0  # the failed input is not in this run


# ---------------------------------------------------------------- item 15: stdin and JSONL oddities


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


JSONL_TEXT = ('{"text": "%s", "id": 1}\n\n{"text": "Hai.", "id": true}\n{"text": "Ba.", "id": {"b": [1, 2], "a": null}}\n'
              '{"text": "Bốn.", "id": 2.5}\n' % SHORT)
STDIN_CASES = [
    (b"\n\n  \n" + JSONL_TEXT.encode(), [4, 6, 7, 8], "leading-blank-lines"),
    (gzip.compress(JSONL_TEXT.encode()), [1, 3, 4, 5], "gzip"),
    (JSONL_TEXT.encode("utf-16"), [1, 3, 4, 5], "utf-16-bom"),
    (JSONL_TEXT.encode("utf-16-le"), [1, 3, 4, 5], "utf-16-le-no-bom"),
    (JSONL_TEXT.encode("utf-8-sig"), [1, 3, 4, 5], "utf-8-bom"),
]


@pytest.mark.parametrize(("data", "lines"), [(d, n) for d, n, _ in STDIN_CASES], ids=[i for _, _, i in STDIN_CASES])
def test_issue13_stdin_jsonl_oddities_give_one_record_per_line(data: bytes, lines: list[int], tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, data)
    out = tmp_path / "o.jsonl"
    assert _run("-", "-o", str(out)) == 0
    records = read_jsonl(out)
    assert [r["input"] for r in records] == [f"-#{n}" for n in lines]
    assert [r["id"] for r in records] == ["1", "true", '{"a":null,"b":[1,2]}', "2.5"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_issue13_unicode_jsonl_files_decode_without_phantom_records(encoding: str, tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(JSONL_TEXT.encode(encoding))
    out = tmp_path / "o.jsonl"
    assert _run(str(dump), "-o", str(out)) == 0
    assert [r["input"] for r in read_jsonl(out)] == [f"{dump}#{n}" for n in (1, 3, 4, 5)]
    assert count_items([str(dump)], 1 << 20) == 4


def test_issue13_stdin_prose_after_blank_lines_is_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\n\n" + SEED_TXT.read_bytes())
    out = tmp_path / "o.jsonl"
    assert _run("-", "-o", str(out)) == 0
    [record] = read_jsonl(out)
    assert record["input"] == "-" and len(record["statistics"]) == 13


def test_issue13_deeply_nested_stdin_lines_are_isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = json.dumps({"text": SHORT}).encode()
    _stdin(monkeypatch, line + b"\n" + b"[" * 100_000 + b"\n" + line + b"\n")
    out = tmp_path / "o.jsonl"
    assert _run("-", "-o", str(out)) == 1
    assert [("error" in r, r["input"]) for r in read_jsonl(out)] == [(False, "-#1"), (True, "-#2"), (False, "-#3")]


def test_issue13_deeply_nested_first_stdin_line_is_a_document_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"[" * 100_000 + b"\n")
    out = tmp_path / "o.jsonl"
    assert _run("-", "-o", str(out)) in (0, 1)
    assert [r["input"] for r in read_jsonl(out)] == ["-"]


# ---------------------------------------------------------------- item 16: canonical ids


def test_issue13_the_same_input_twice_is_processed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEED_TXT.parent)
    out = tmp_path / "o.jsonl"
    assert _run(SEED_TXT.name, str(SEED_TXT), f"../seed/{SEED_TXT.name}", str(SEED_TXT.parent), "-o", str(out)) == 0
    ids = [r["input"] for r in read_jsonl(out)]
    assert ids.count(str(SEED_TXT)) == 1 and len(ids) == len(set(ids))


def test_issue13_a_hard_linked_file_is_one_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    assert [i.id for i in iter_items([str(tmp_path)], 1000)] == [str(tmp_path / "a.txt")]


def test_issue13_relative_and_absolute_paths_resume_to_the_same_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SHORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _run("in", "-o", "o.jsonl") == 0
    assert _run(str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), "--resume") == 0
    assert len(read_jsonl(tmp_path / "o.jsonl")) == 1


def test_issue13_relative_ids_of_older_outputs_still_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.jsonl").write_text(json.dumps({"id": "x", "input": "a.txt", "error": {"type": "E", "message": "m"}}) + "\n")
    assert _run("a.txt", "-o", "o.jsonl", "--resume") == 1
    assert len(read_jsonl(tmp_path / "o.jsonl")) == 1
