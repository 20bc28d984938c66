"""Batch inputs: files, folders, globs and stdin -> a stream of ``InputItem``, in a stable order.

Kinds, by suffix (any of them may end in ``.gz``):

- ``.html``, ``.htm``, ``.txt`` (and any explicitly named file): one document, id = the path;
- ``.jsonl``, ``.ndjson``: one input per non-blank line, ``{"html"|"text", "url"?, "id"?, "published"?}``
  (``published``: the publication date, ISO, when the caller knows it), id = ``path#line``;
- ``.warc``: every HTML response record (status 2xx), url = WARC-Target-URI, fetched = WARC-Date,
  id = ``path#record`` (the record's 1-based position in the file; see :mod:`.warc`);
- ``-``: standard input (possibly gzipped), read as JSONL when its first non-blank line is a JSON
  object, else as one document.

The path in an id is canonical (absolute, symlinks resolved, see :mod:`.paths`), so one file is
one input however it is named; each input is listed once. A failure is isolated to what it
concerns: a bad JSONL line is an error item for that line, a broken WARC record for that record.

Nothing here holds more than one input in memory, and no read goes past ``max_bytes`` (after
decompression): a gzip bomb becomes an error record, not an exhausted machine.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from ..errors import InputError
from .paths import canonical, folder_files, glob_paths, has_magic
from .remote import canonical_url, expand_url, is_remote, is_url, local_path, open_url
from .safe import replace_surrogates, safe_text
from .warc import warc_items

DOC_SUFFIXES = (".html", ".htm", ".txt")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
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
    published: str | None = None  # the publication date a JSONL line gives ("published")


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
    """Sources in order: ``-``, files as given, folders (recursive, sorted), glob matches (sorted).

    Each input once: a path naming an input already listed (the same file by another name, or
    ``-`` twice) is dropped, and no directory is entered twice (symlink loops end).
    """
    seen: set[object] = set()
    for source in _expand_all(paths):
        key = _identity(source)
        if key not in seen:
            seen.add(key)
            yield source


def _identity(source: str) -> object:
    """What makes two sources one input: the same file (device and inode, so hard links too),
    else the same canonical path."""
    if is_remote(source):
        return canonical_url(source)
    if source != "-":
        try:
            info = os.stat(source)
            return info.st_dev, info.st_ino
        except (OSError, ValueError):
            pass
    return canonical(source)


def _expand_all(paths: Iterable[str]) -> Iterator[str]:
    for raw in paths:
        if is_remote(raw):
            yield from _remote(raw)
            continue
        raw = local_path(raw) if is_url(raw) else raw
        path = Path(raw)
        if raw == "-" or path.is_file():
            yield raw
        elif path.is_dir():
            yield from _folder(raw)
        elif has_magic(raw):
            for match in glob_paths(raw):
                yield from _folder(match) if Path(match).is_dir() else [match]
        else:
            yield raw  # missing: becomes an error record


def _remote(url: str) -> Iterator[str]:
    """A remote file, folder or glob; one that cannot be listed is kept, to become an error record."""
    try:
        yield from list(expand_url(url, kind_of))
    except Exception:  # noqa: BLE001 - no fsspec, no network, no such bucket: the read will say
        yield url


def _folder(path: str) -> Iterator[str]:
    yield from (p for p in folder_files(path) if kind_of(os.path.basename(p)))


def input_id(source: str) -> str:
    """The id of an input source: its canonical path (see :func:`vnnews_extract.batch.paths.canonical`),
    or for a remote source its canonical URL (see :mod:`.remote`)."""
    return canonical_url(source) if is_remote(source) else canonical(source)


def canonical_id(output_id: str) -> str:
    """An id read back from an output, in today's canonical form: ids written with a relative
    path (by earlier versions) are made absolute, so resuming matches them."""
    if output_id == "-" or output_id.startswith("-#") or os.path.isabs(output_id) or is_url(output_id):
        return output_id
    return canonical(output_id)


def iter_items(paths: Iterable[str], max_bytes: int) -> Iterator[InputItem]:
    """Every input under ``paths``, streamed."""
    return items_of(expand(paths), max_bytes)


def items_of(sources: Iterable[str], max_bytes: int) -> Iterator[InputItem]:
    """Every input of already expanded ``sources`` (see :func:`expand`), streamed."""
    for source in sources:
        base = input_id(source)
        if source == "-":
            yield from _guarded(base, _stdin_items(max_bytes))
        elif kind_of(source) == "jsonl":
            yield from _guarded(base, _jsonl_file(source, base, max_bytes))
        elif kind_of(source) == "warc":
            yield from _guarded(base, warc_items(source, base, max_bytes))
        else:
            yield InputItem(base, path=source)


def _guarded(source: str, items: Iterator[InputItem]) -> Iterator[InputItem]:
    """A container that cannot be opened or breaks midway becomes one error item (id = its id)."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - OSError, zlib, EOFError...: the run goes on
        yield InputItem(source, error=f"{type(exc).__name__}: {exc}"[:500])


def open_binary(path: str) -> IO[bytes]:
    """Open a file (or a remote URL) for reading, decompressing ``.gz`` on the fly."""
    if is_remote(path):
        return open_url(path, gz=path.lower().endswith(".gz"))
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
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


def _jsonl_file(path: str, base: str, max_bytes: int) -> Iterator[InputItem]:
    with open_binary(path) as stream:
        yield from jsonl_items(stream, base, max_bytes)


def jsonl_items(stream: IO[bytes], source: str, max_bytes: int, first: int = 1) -> Iterator[InputItem]:
    """One item per non-blank line; a bad or oversized line is an error item, never skipped.

    The stream may be UTF-8 (with or without a BOM), UTF-16 or UTF-32 (see :class:`LineReader`).
    """
    reader = stream if isinstance(stream, LineReader) else LineReader(stream)
    yield from _numbered(_lines(reader, max_bytes), source, max_bytes, first)


def _numbered(lines: Iterable[bytes | None], source: str, max_bytes: int, first: int) -> Iterator[InputItem]:
    for number, line in enumerate(lines, start=first):
        if line is None:
            yield InputItem(f"{source}#{number}", error=f"line too large: more than {max_bytes} bytes")
        elif line.strip():
            yield jsonl_item(line, f"{source}#{number}")


def _lines(stream: IO[bytes] | LineReader, max_bytes: int) -> Iterator[bytes | None]:
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
    except RecursionError:
        return InputItem(item_id, error="invalid JSON line: nested too deeply")
    except ValueError as exc:
        return InputItem(item_id, error=f"invalid JSON line: {exc}"[:500])
    if not isinstance(obj, dict):
        return InputItem(item_id, error=f"JSON line is not an object (a {_json_type(obj)})")
    return object_item(obj, item_id, "JSON line")


def object_item(obj: Mapping[str, object], item_id: str, what: str = "JSON line") -> InputItem:
    """The input an object of a JSONL line stands for: ``{"html"|"text", "url"?, "id"?}`` (an
    error item when it has neither an ``html`` nor a ``text`` string; bytes, which only a Python
    caller can give, are read like a file's)."""
    content = next((v for v in (obj.get("html"), obj.get("text")) if isinstance(v, (str, bytes))), None)
    if content is None:
        return InputItem(item_id, error=f'{what} has no "html" or "text" string')
    given_url = obj.get("url")
    url = safe_text(given_url) if isinstance(given_url, str) else None
    data = replace_surrogates(content) if isinstance(content, str) else content
    given_published = obj.get("published")
    published = safe_text(given_published) if isinstance(given_published, str) else None
    return InputItem(item_id, data=data, url=url, article_id=given_id(obj.get("id")), published=published)


def given_id(value: object) -> str | None:
    """The article id a JSONL line gives: a string as is, anything else as its JSON text.

    >>> given_id(42), given_id(True), given_id({"a": 1}), given_id(None), given_id("bài-1")
    ('42', 'true', '{"a":1}', None, 'bài-1')
    """
    if value is None:
        return None
    if isinstance(value, str):
        return safe_text(value)
    return safe_text(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _json_type(value: object) -> str:
    return {list: "list", str: "string", bool: "boolean", int: "number", float: "number"}.get(type(value), "null")


class LineReader:
    """Lines of a byte stream, as UTF-8 bytes, whatever Unicode encoding it is in.

    A UTF-8 BOM is dropped; a UTF-16 or UTF-32 stream (by its BOM, or UTF-16 without one when it
    starts with ``{`` and a NUL byte) is decoded and re-encoded, so a UTF-16 JSONL file reads like
    any other. ``readline(limit)`` and ``read(limit)`` are bounded like :class:`io.BufferedReader`'s.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        buffered = stream if hasattr(stream, "peek") else io.BufferedReader(cast(io.RawIOBase, stream))
        encoding = _sniff(buffered.peek(4)[:4])  # type: ignore[attr-defined]
        self._text: io.TextIOWrapper | None = None
        self._bytes: IO[bytes] = buffered
        if encoding == "utf-8-sig":
            buffered.read(3)
        elif encoding is not None:
            self._text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="\n")

    def readline(self, limit: int = -1) -> bytes:
        if self._text is None:
            return self._bytes.readline(limit)
        return self._text.readline(limit).encode("utf-8", "surrogatepass")

    def read(self, limit: int = -1) -> bytes:
        if self._text is None:
            return self._bytes.read(limit)
        return self._text.read(limit).encode("utf-8", "surrogatepass")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _sniff(head: bytes) -> str | None:
    """The encoding a stream's first bytes announce (None: bytes as they are)."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if len(head) >= 2 and head[0] in b"{[ \r\n\t" and head[1] == 0:
        return "utf-16-le"
    if len(head) >= 2 and head[0] == 0 and head[1] in b"{[ \r\n\t":
        return "utf-16-be"
    return None


def _stdin_items(max_bytes: int) -> Iterator[InputItem]:
    """Standard input, possibly gzipped: JSONL when its first non-blank line is a JSON object,
    else one document."""
    reader = LineReader(_maybe_gunzip(sys.stdin.buffer))
    head: list[bytes] = []
    size = 0
    while (line := reader.readline(max_bytes + 1)) and not line.strip() and size <= max_bytes:
        head.append(line)
        size += len(line)
    if line and len(line) <= max_bytes and _is_json_object(line):
        yield jsonl_item(line, f"-#{len(head) + 1}")
        yield from _numbered(_lines(reader, max_bytes), "-", max_bytes, len(head) + 2)
        return
    try:
        data = b"".join(head) + line
        if len(data) > max_bytes:
            raise InputError(f"input too large: more than {max_bytes} bytes; see --max-bytes")
        yield InputItem("-", data=data + read_bounded(reader, max_bytes - len(data)))  # type: ignore[arg-type]
    except InputError as exc:
        yield InputItem("-", error=str(exc))


def _maybe_gunzip(stream: IO[bytes]) -> IO[bytes]:
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(cast(io.RawIOBase, stream))
    if buffered.peek(2)[:2] == b"\x1f\x8b":  # type: ignore[attr-defined]
        return gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[return-value]
    return buffered


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def count_items(paths: Iterable[str], max_bytes: int) -> int | None:
    """How many inputs there are (for the progress bar), or None when that would mean parsing
    an input twice: standard input and WARC files are not counted ahead."""
    return count_sources(list(expand(paths)), max_bytes)


def count_sources(sources: Iterable[str], max_bytes: int) -> int | None:
    """:func:`count_items` over already expanded sources. JSONL lines are counted, not parsed."""
    total = 0
    for source in sources:
        kind = kind_of(source)
        if source == "-" or kind == "warc":
            return None
        if kind == "jsonl":
            total += sum(1 for _ in _guarded(source, _count_lines(source, max_bytes)))
        else:
            total += 1
    return total


def _count_lines(source: str, max_bytes: int) -> Iterator[InputItem]:
    with open_binary(source) as stream:
        reader = LineReader(stream)
        yield from (InputItem("") for line in _lines(reader, max_bytes) if line is None or line.strip())
