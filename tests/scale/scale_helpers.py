"""Small inputs shared by the crawl-scale tests (Parquet, remote paths, shards, Dask): a folder of
every input kind, with failures, so that every table gets rows and a shard can be empty."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from batch_helpers import SEED_HTML, text_corpus, write_jsonl, write_warc

SENTENCES = (
    "Ngày 1/6, UBND tỉnh bổ nhiệm ông Nguyễn Văn An giữ chức Giám đốc Sở Y tế.",
    "Tỷ lệ hộ nghèo giảm còn 3,5%, thấp hơn năm 2020.",
    "Bà Trần Thị Bình, Phó Chủ tịch UBND huyện, cho biết huyện có 1.200 hộ dân.",
    "Doanh thu đạt 25 tỷ đồng, tăng 12% so với cùng kỳ.",
    "Ông Lê Văn Cường được bầu làm Chủ tịch HĐND xã với 98% phiếu.",
)


def short_lines(n: int) -> list[object | str]:
    """``n`` short articles as JSONL objects (two sentences each, ids 0..n-1)."""
    return [{"id": i, "text": f"Tin số {i}\n{SENTENCES[i % 5]} {SENTENCES[(i + 2) % 5]}"} for i in range(n)]


def mixed_inputs(folder: Path, lines: int = 10) -> Path:
    """Pages, a JSONL file (with a bad line and a blank one), a gzipped page, a WARC with two
    pages and a 404, and a WARC with no page at all (an empty shard)."""
    folder.mkdir(parents=True, exist_ok=True)
    text_corpus(folder / "texts", 2)
    write_jsonl(folder / "lines.jsonl", [*short_lines(lines)[:3], "{not json", "", *short_lines(lines)[3:]])
    (folder / "page.html.gz").write_bytes(gzip.compress(SEED_HTML.read_bytes()))
    html = "<html><head><title>Tin</title></head><body><p>{}</p></body></html>"
    write_warc(folder / "crawl.warc.gz", [
        ("https://example.vn/a", "200 OK", "text/html", html.format(SENTENCES[0]).encode()),
        ("https://example.vn/gone", "404 Not Found", "text/html", b"gone"),
        ("https://example.vn/b", "200 OK", "text/html; charset=utf-8", html.format(SENTENCES[3]).encode()),
    ], gz=True)
    write_warc(folder / "empty.warc", [("https://example.vn/x", "404 Not Found", "text/html", b"")], gz=False)
    return folder


def assert_same_tables(got: dict[str, Any], expected: dict[str, Any]) -> None:
    import pandas.testing

    assert list(got) == list(expected)
    for table in expected:
        pandas.testing.assert_frame_equal(got[table], expected[table], obj=table)


def records(path: Path) -> dict[str, dict[str, Any]]:
    """The records of a JSONL output (or of JSONL shards in a folder), by input."""
    files = sorted(path.glob("records/*.jsonl")) if path.is_dir() else [path]
    found: dict[str, dict[str, Any]] = {}
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert record["input"] not in found, f"{record['input']} twice"
            found[record["input"]] = record
    return found
