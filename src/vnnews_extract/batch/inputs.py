"""Batch inputs: files, folders, globs and stdin -> a stream of ``InputItem``, in a stable order.

Kinds, by suffix (any of them may end in ``.gz``):

- ``.html``, ``.htm``, ``.txt`` (and any explicitly named file): one document, id = the path;
- ``.jsonl``, ``.ndjson``: one input per non-blank line, ``{"html"|"text", "url"?, "id"?}``,
  id = ``path#line``;
- ``.warc``: every HTML response record (status 2xx), url = WARC-Target-URI, fetched = WARC-Date,
  id = ``path#record`` (the record's 1-based position in the file);
- ``-``: standard input, read as JSONL when its first line is a JSON object, else as one document.

Nothing here holds more than one input in memory, and no read goes past ``max_bytes`` (after
decompression): a gzip bomb becomes an error record, not an exhausted machine.
"""

from __future__ import annotations

import glob
import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import InputError

DOC_SUFFIXES = (".html", ".htm", ".txt")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
_GLOB_CHARS = ("*", "?", "[")
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input: a file to read in the worker, or data already read (JSONL line, WARC record)."""

    id: str
    path: str | None = None
    data: bytes | str | None = None
    url: str | None = None
    fetched: str | None = None
    article_id: str | None = None
    error: str | None = None  # a problem found while listing (bad JSONL line, broken WARC)


def kind_of(name: str) -> str | None:
    """``doc``, ``jsonl``, ``warc`` or None (not an input suffix), ignoring a final ``.gz``.

    >>> kind_of("a/b.HTML.gz"), kind_of("dump.jsonl"), kind_of("crawl.warc.gz"), kind_of("x.json")
    ('doc', 'jsonl', 'warc', None)
    """
    lower = name.lower().removesuffix(".gz")
    for kind, suffixes in (("doc", DOC_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    return None


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Sources in order: ``-``, files as given, folders (recursive, sorted), glob matches (sorted)."""
    for raw in paths:
        path = Path(raw)
        if raw == "-" or path.is_file():
            yield raw
        elif path.is_dir():
            yield from _folder(path)
        elif any(c in raw for c in _GLOB_CHARS):
            for match in sorted(glob.glob(raw, recursive=True)):
                yield from expand([match]) if Path(match).is_dir() else [match]
        else:
            yield raw  # missing: becomes an error record


def _folder(path: Path) -> Iterator[str]:
    yield from sorted(str(p) for p in path.rglob("*") if p.is_file() and kind_of(p.name))


def iter_items(paths: Iterable[str], max_bytes: int) -> Iterator[InputItem]:
    """Every input under ``paths``, streamed."""
    for source in expand(paths):
        if source == "-":
            yield from _stdin_items(max_bytes)
        elif kind_of(source) == "jsonl":
            yield from _guarded(source, _jsonl_file(source, max_bytes))
        elif kind_of(source) == "warc":
            yield from _guarded(source, _warc_items(source, max_bytes))
        else:
            yield InputItem(source, path=source)


def _guarded(source: str, items: Iterator[InputItem]) -> Iterator[InputItem]:
    """A container that cannot be opened or breaks midway becomes one error item (id = path)."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - OSError, zlib, warcio's own types: the run goes on
        yield InputItem(source, error=f"{type(exc).__name__}: {exc}"[:500])


def open_binary(path: str) -> IO[bytes]:
    """Open a file for reading, decompressing ``.gz`` on the fly."""
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def read_bounded(stream: IO[bytes], max_bytes: int, what: str = "input") -> bytes:
    """Read a whole stream, refusing (InputError) more than ``max_bytes``."""
    try:
        data = stream.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(f"corrupt compressed {what}: {exc}") from exc
    if len(data) > max_bytes:
        raise InputError(f"{what} too large: more than {max_bytes} bytes (decompressed); see --max-bytes")
    return data


def load(item: InputItem, max_bytes: int) -> bytes | str:
    """The content of an input (called in the worker)."""
    if item.error is not None:
        raise InputError(item.error)
    if item.data is not None:
        return item.data
    assert item.path is not None
    with open_binary(item.path) as stream:
        return read_bounded(stream, max_bytes)


def _jsonl_file(path: str, max_bytes: int) -> Iterator[InputItem]:
    with open_binary(path) as stream:
        yield from jsonl_items(stream, path, max_bytes)


def jsonl_items(stream: IO[bytes], source: str, max_bytes: int, first: int = 1) -> Iterator[InputItem]:
    """One item per non-blank line; a bad or oversized line is an error item, never skipped."""
    for number, line in enumerate(_lines(stream, max_bytes), start=first):
        if line is None:
            yield InputItem(f"{source}#{number}", error=f"line too large: more than {max_bytes} bytes")
        elif line.strip():
            yield jsonl_item(line, f"{source}#{number}")


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of at most ``max_bytes`` (None for a longer one, whose rest is skipped unread)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def jsonl_item(line: bytes, item_id: str) -> InputItem:
    """Parse one JSONL line into an item (an error item when it is not a usable object)."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return InputItem(item_id, error=f"invalid JSON line: {exc}")
    if not isinstance(obj, dict):
        return InputItem(item_id, error="JSON line is not an object")
    content = obj.get("html") if isinstance(obj.get("html"), str) else obj.get("text")
    if not isinstance(content, str):
        return InputItem(item_id, error='JSON line has no "html" or "text" string')
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    given = obj.get("id")
    return InputItem(item_id, data=content, url=url, article_id=None if given is None else str(given))


def _stdin_items(max_bytes: int) -> Iterator[InputItem]:
    stream = sys.stdin.buffer
    first = stream.readline(max_bytes + 1)
    if _is_json_object(first):
        yield jsonl_item(first, "-#1")
        yield from jsonl_items(stream, "-", max_bytes, first=2)
        return
    try:
        if len(first) > max_bytes:
            raise InputError(f"input too large: more than {max_bytes} bytes; see --max-bytes")
        yield InputItem("-", data=first + read_bounded(stream, max_bytes - len(first)))
    except InputError as exc:
        yield InputItem("-", error=str(exc))


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _warc_items(path: str, max_bytes: int) -> Iterator[InputItem]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if _is_html_response(record):
                yield _warc_item(record, f"{path}#{number}", max_bytes)


def _is_html_response(record: object) -> bool:
    if getattr(record, "rec_type", None) != "response" or record.http_headers is None:  # type: ignore[attr-defined]
        return False
    headers = record.http_headers  # type: ignore[attr-defined]
    status = headers.get_statuscode() or ""
    content_type = (headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ("html" in content_type or not content_type)


def _warc_item(record: object, item_id: str, max_bytes: int) -> InputItem:
    headers = record.rec_headers  # type: ignore[attr-defined]
    url, fetched = headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date")
    try:
        data = read_bounded(record.content_stream(), max_bytes, "WARC record")  # type: ignore[attr-defined]
        if getattr(record.raw_stream, "limit", 0) > 0:  # type: ignore[attr-defined]
            raise InputError("truncated WARC record: shorter than its Content-Length")
    except InputError as exc:
        return InputItem(item_id, url=url, fetched=fetched, error=str(exc))
    return InputItem(item_id, data=data, url=url, fetched=fetched)


def count_items(paths: Iterable[str], max_bytes: int) -> int | None:
    """How many inputs there are (for the progress bar); None when stdin is among them."""
    total = 0
    for source in expand(paths):
        if source == "-":
            return None
        kind = kind_of(source)
        if kind in ("jsonl", "warc"):
            total += sum(1 for _ in _guarded(source, _count_stream(source, kind, max_bytes)))
        else:
            total += 1
    return total


def _count_stream(source: str, kind: str | None, max_bytes: int) -> Iterator[InputItem]:
    if kind == "warc":
        from warcio.archiveiterator import ArchiveIterator

        with open(source, "rb") as stream:
            yield from (InputItem("") for r in ArchiveIterator(stream) if _is_html_response(r))
        return
    with open_binary(source) as stream:
        yield from (InputItem("") for line in _lines(stream, max_bytes) if line is None or line.strip())
