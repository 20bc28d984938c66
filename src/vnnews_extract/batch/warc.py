"""WARC files read in one pass, in bounded memory and linear time: one item per HTML response.

A WARC file is a sequence of records: a ``WARC/1.x`` line, header lines, a blank line, then a
block of ``Content-Length`` bytes. Each record is read once, with every read bounded by
``max_bytes``: a header block larger than that, a block larger than that (skipped unread), a
``Content-Length`` that is not a number, or a truncated record is an error item for that record
(``path#record``), and reading goes on at the next ``WARC/`` line when it can.

Of the ``response`` records, those holding an HTTP response with a 2xx status and an HTML (or
no) content type become items: the HTTP body (chunked transfer and gzip/deflate content
encodings undone, bounded too), with ``WARC-Target-URI`` as url and ``WARC-Date`` as fetched.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from ..errors import InputError
from .safe import safe_text

if TYPE_CHECKING:
    from .inputs import InputItem

_CHUNK = 1 << 16


class FramingError(InputError):
    """The record cannot be delimited; reading resumes at the next ``WARC/`` line."""


class _Reader:
    """Bounded line and block reads over a binary stream, with one line of look-ahead."""

    def __init__(self, stream: IO[bytes], max_bytes: int) -> None:
        self.stream, self.max_bytes = stream, max_bytes
        self.pending: bytes | None = None

    def line(self, limit: int) -> bytes:
        """One line of at most ``limit`` bytes; a longer one is skipped and FramingError raised."""
        if self.pending is not None:
            line, self.pending = self.pending, None
            return line
        line = self.stream.readline(limit + 1)
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := self.stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            raise FramingError(f"WARC header larger than {self.max_bytes} bytes (see --max-bytes)")
        return line

    def next_version_line(self) -> bytes:
        """Skip to the next line starting with ``WARC/`` (b"" at the end of the file)."""
        while True:
            try:
                line = self.line(self.max_bytes)
            except FramingError:
                continue
            if not line or line.startswith(b"WARC/"):
                return line

    def block(self, length: int) -> bytes:
        data = self.stream.read(length)
        if len(data) < length:
            raise InputError("truncated WARC record: shorter than its Content-Length")
        return data

    def skip(self, length: int) -> None:
        while length > 0:
            got = len(self.stream.read(min(length, _CHUNK)))
            if got == 0:
                raise InputError("truncated WARC record: shorter than its Content-Length")
            length -= got


def headers(reader: _Reader) -> dict[str, str]:
    """Header lines up to a blank line, all together at most ``max_bytes``; names lower-cased."""
    out: dict[str, str] = {}
    budget, last = reader.max_bytes, ""
    while True:
        line = reader.line(budget)
        budget -= len(line)
        if not line:
            raise InputError("truncated WARC record: its headers never end")
        if not line.strip():
            return out
        text = line.decode("utf-8", "backslashreplace").rstrip("\r\n")
        if text[:1] in (" ", "\t") and last:
            out[last] += " " + text.strip()  # a folded header line
        elif ":" in text:
            name, value = text.split(":", 1)
            last = name.strip().lower()
            out[last] = value.strip()


def content_length(fields: dict[str, str]) -> int:
    value = fields.get("content-length", "").strip()
    if not value.isdigit() or not value.isascii():
        raise FramingError(f"WARC record with an invalid Content-Length: {value[:40]!r}")
    return int(value)


def warc_items(path: str, base: str, max_bytes: int) -> Iterator[InputItem]:
    """Items of a WARC file (``.gz`` too); ids ``base#record``. A file that does not start like
    a WARC file raises InputError (one error item for the file)."""
    from .inputs import open_binary

    with open_binary(path) as stream:
        reader = _Reader(stream, max_bytes)
        line = _first_line(reader)
        if line and not line.startswith(b"WARC/"):
            raise InputError("not a WARC file: it does not start with a WARC/ version line")
        number = 0
        while line:
            number += 1
            item, line = _record(reader, line, f"{base}#{number}")
            if item is not None:
                yield item


def _first_line(reader: _Reader) -> bytes:
    while (line := reader.line(reader.max_bytes)) and not line.strip():
        pass
    return line


def _record(reader: _Reader, version: bytes, item_id: str) -> tuple[InputItem | None, bytes]:
    """The item of the record whose first line is ``version`` (None: not an HTML response),
    and the next record's first line (b"" at the end)."""
    from .inputs import InputItem

    fields: dict[str, str] = {}
    try:
        if not version.startswith(b"WARC/"):
            raise FramingError("no WARC/ version line where a record should start (a wrong Content-Length before it?)")
        fields = headers(reader)
        length = content_length(fields)
        item = _item(reader, fields, length, item_id)
    except FramingError as exc:
        return InputItem(item_id, url=_url(fields), error=str(exc)), reader.next_version_line()
    except (InputError, EOFError, OSError, zlib.error) as exc:  # truncated or corrupt: the file ends here
        message = str(exc) if isinstance(exc, InputError) else f"truncated or corrupt WARC record: {exc}"
        return InputItem(item_id, url=_url(fields), error=message[:500]), b""
    return item, _first_line(reader)


def _url(fields: dict[str, str]) -> str | None:
    url = fields.get("warc-target-uri")
    return safe_text(url.strip("<>")) if url else None


def _item(reader: _Reader, fields: dict[str, str], length: int, item_id: str) -> InputItem | None:
    from .inputs import InputItem

    wanted = fields.get("warc-type", "").lower() == "response"
    if not wanted or length > reader.max_bytes:
        reader.skip(length)
        if wanted:
            return InputItem(item_id, url=_url(fields), error=f"WARC record too large: more than {reader.max_bytes} bytes; see --max-bytes")
        return None
    block = reader.block(length)
    body = html_body(block, reader.max_bytes)
    if body is None:
        return None
    fetched = fields.get("warc-date")
    return InputItem(item_id, data=body, url=_url(fields), fetched=safe_text(fetched) if fetched else None)


def html_body(block: bytes, max_bytes: int) -> bytes | None:
    """The body of an HTTP response block when it is a 2xx HTML page, else None."""
    if not block.startswith(b"HTTP/"):
        return None
    head, _, body = block.partition(b"\r\n\r\n")
    if not _:
        head, _, body = block.partition(b"\n\n")
    lines = head.decode("latin-1").splitlines()
    status = lines[0].split(" ", 2)[1] if len(lines[0].split(" ", 2)) > 1 else ""
    fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    content_type = fields.get("content-type", "").lower()
    if not status.startswith("2") or not ("html" in content_type or not content_type):
        return None
    if "chunked" in fields.get("transfer-encoding", "").lower():
        body = dechunk(body)
    return decode_content(body, fields.get("content-encoding", "").lower().strip(), max_bytes)


def dechunk(body: bytes) -> bytes:
    """Undo chunked transfer encoding; a body that is not validly chunked is kept as it is.

    >>> dechunk(b"4\\r\\nXin \\r\\n5\\r\\nchao!\\r\\n0\\r\\n\\r\\n")
    b'Xin chao!'
    """
    out, pos = bytearray(), 0
    while True:
        end = body.find(b"\r\n", pos)
        size_text = body[pos:end].split(b";", 1)[0].strip() if end >= 0 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            return body
        if size == 0:
            return bytes(out)
        out += body[end + 2 : end + 2 + size]
        pos = end + 2 + size + 2


def decode_content(body: bytes, encoding: str, max_bytes: int) -> bytes:
    """Undo gzip/deflate content encoding, refusing more than ``max_bytes`` (a bomb in a WARC);
    an unknown encoding or a body that does not decode is kept as it is."""
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    for wbits in ((47,) if "gzip" in encoding else (15, -15)):
        try:
            decoder = zlib.decompressobj(wbits)
            out = decoder.decompress(body, max_bytes + 1)
        except zlib.error:
            continue
        if len(out) > max_bytes:
            raise InputError(f"WARC record too large: more than {max_bytes} bytes decompressed; see --max-bytes")
        return out
    return body
