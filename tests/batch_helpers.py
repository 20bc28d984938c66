"""Builders shared by the batch tests: small corpora, gzip, WARC files (written with warcio)."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "corpus" / "seed" / "000_a7ba4a489810e601.txt"
SEED_HTML = ROOT / "corpus" / "seed" / "chodon-wordpress.html"
WARC_DATE = "2021-06-01T08:00:00Z"


def gzip_file(src: Path, dest: Path) -> Path:
    with open(src, "rb") as fin, gzip.open(dest, "wb") as fout:
        shutil.copyfileobj(fin, fout)
    return dest


def gzip_bomb(dest: Path, size: int) -> Path:
    """A small .gz that expands to ``size`` bytes of spaces."""
    with gzip.open(dest, "wb") as out:
        chunk = b" " * (1 << 20)
        for _ in range(size // len(chunk)):
            out.write(chunk)
    return dest


def write_jsonl(dest: Path, lines: list[object | str]) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)
    dest.write_text(text, encoding="utf-8")
    return dest


def write_warc(dest: Path, records: list[tuple[str, str, str, bytes]], gz: bool) -> Path:
    """``records``: (url, HTTP status line, content type, body) responses, plus one request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(dest, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.vn")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://example.vn/", "request", http_headers=request))
        for url, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": WARC_DATE},
            )
            writer.write_record(record)
    return dest


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def text_corpus(folder: Path, n: int) -> Path:
    """``n`` small text articles (the seed with a numbered title), named in order."""
    folder.mkdir(parents=True, exist_ok=True)
    body = SEED_TXT.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(f"Bài số {i}\n{body}", encoding="utf-8")
    return folder
