from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from batch_helpers import SEED_HTML, SEED_TXT, WARC_DATE, gzip_bomb, gzip_file, write_jsonl, write_warc
from vnnews_extract.errors import InputError
from vnnews_extract.batch.inputs import InputItem, count_items, expand, iter_items, kind_of, load

MB = 1 << 20


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.html", "doc"), ("a.HTM", "doc"), ("a.txt.gz", "doc"), ("d.jsonl", "jsonl"), ("d.ndjson.gz", "jsonl"),
        ("c.warc", "warc"), ("c.warc.gz", "warc"), ("notes.json", None), ("x.gz", None),
    ],
    ids=lambda v: str(v),
)
def test_kind_of_reads_the_suffix_under_gz(name: str, kind: str | None) -> None:
    assert kind_of(name) == kind


def test_expand_walks_folders_sorted_globs_and_keeps_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    for name in ("b/c/z.html", "b/a.txt.gz", "b/notes.json", "y.warc"):
        (tmp_path / name).write_bytes(b"x")
    found = list(expand([str(tmp_path / "b"), str(tmp_path / "*.warc"), str(tmp_path / "missing.txt")]))
    assert found == [str(tmp_path / "b/a.txt.gz"), str(tmp_path / "b/c/z.html"), str(tmp_path / "y.warc"),
                     str(tmp_path / "missing.txt")]


def test_gzipped_document_is_decompressed(tmp_path: Path) -> None:
    path = gzip_file(SEED_HTML, tmp_path / "page.html.gz")
    [item] = iter_items([str(path)], MB)
    assert item.id == str(path)
    assert load(item, MB) == SEED_HTML.read_bytes()


def test_gzip_bomb_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = gzip_bomb(tmp_path / "bomb.html.gz", 64 * MB)
    assert path.stat().st_size < MB
    with pytest.raises(InputError, match="too large"):
        load(InputItem(str(path), path=str(path)), 2 * MB)


def test_plain_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match="too large"):
        load(InputItem(str(path), path=str(path)), 1000)


def test_jsonl_gives_one_item_per_line_with_url_and_id(tmp_path: Path) -> None:
    lines: list[object | str] = [
        {"html": "<html><body><p>Xin chào</p></body></html>", "url": "https://a.vn/1"},
        {"text": "Một bài báo.", "id": 42},
        "",
        "{not json",
        [1, 2],
        {"url": "https://a.vn/no-content"},
    ]
    path = write_jsonl(tmp_path / "d.jsonl", lines)
    items = list(iter_items([str(path)], MB))
    assert [i.id for i in items] == [f"{path}#{n}" for n in (1, 2, 4, 5, 6)]
    assert (items[0].url, items[0].data) == ("https://a.vn/1", "<html><body><p>Xin chào</p></body></html>")
    assert (items[1].article_id, items[1].data) == ("42", "Một bài báo.")
    assert [i.error is not None for i in items] == [False, False, True, True, True]
    assert count_items([str(path)], MB) == len(items)


def test_jsonl_gz_and_an_oversized_line_is_an_error_but_the_next_line_is_read(tmp_path: Path) -> None:
    plain = write_jsonl(tmp_path / "d.jsonl", [{"text": "x" * 5000}, {"text": "ngắn"}])
    path = gzip_file(plain, tmp_path / "d.jsonl.gz")
    items = list(iter_items([str(path)], 1000))
    assert [i.id for i in items] == [f"{path}#1", f"{path}#2"]
    assert items[0].error is not None and "too large" in items[0].error
    assert items[1].data == "ngắn"


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_keeps_html_responses_with_their_url_and_date(tmp_path: Path, gz: bool) -> None:
    html = SEED_HTML.read_bytes()
    records = [
        ("https://a.vn/1", "200 OK", "text/html; charset=utf-8", html),
        ("https://a.vn/logo.png", "200 OK", "image/png", b"\x89PNG"),
        ("https://a.vn/gone", "404 Not Found", "text/html", b"<html>404</html>"),
        ("https://a.vn/2", "200 OK", "application/xhtml+xml", b"<html><p>Hai</p></html>"),
    ]
    path = write_warc(tmp_path / ("c.warc.gz" if gz else "c.warc"), records, gz)
    items = list(iter_items([str(path)], MB))
    assert [(i.url, i.fetched) for i in items] == [("https://a.vn/1", WARC_DATE), ("https://a.vn/2", WARC_DATE)]
    assert items[0].data == html
    assert [i.id for i in items] == [f"{path}#2", f"{path}#5"]  # record 1 is the request
    assert count_items([str(path)], MB) is None  # issue 13: a WARC file is parsed once, not counted ahead


def test_broken_warc_is_one_error_item(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    [item] = iter_items([str(path)], MB)
    assert item.id == str(path) and item.error


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_document(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, SEED_TXT.read_bytes())
    [item] = iter_items(["-"], MB)
    assert (item.id, item.data) == ("-", SEED_TXT.read_bytes())


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, '{"text": "Một."}\n{"text": "Hai."}\n'.encode())
    items = list(iter_items(["-"], MB))
    assert [(i.id, i.data) for i in items] == [("-#1", "Một."), ("-#2", "Hai.")]
