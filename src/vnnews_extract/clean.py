"""Stage 1: any input (HTML or plain text, str or bytes) -> CleanedArticle.

Bytes are decoded (BOM, declared charset, UTF-8, windows-1258), then checked for legacy
Vietnamese encodings (TCVN3, VNI, UTF-8 read as windows-1252; see :mod:`legacy`): a confident
detection is converted, a doubtful one becomes a warning on the article.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .clean_html import clean_html, decode_html
from .clean_text import clean_text
from .errors import CleanError, InputError
from .legacy import Repair, repair
from .model import CleanedArticle

_HTML_SIGNS = regex.compile(r"<\s*(?:!doctype|html|head|body|div|p|article|meta|title|h1|table|span)\b", regex.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def looks_like_html(text: str) -> bool:
    """Whether a string is an HTML page rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("Chợ Đồn chú trọng ... 98,5% < 100%")
    (True, False)
    """
    return _HTML_SIGNS.search(text[:5000]) is not None


def decode(source: str | bytes) -> str:
    """The text of an input (see :func:`read_text`, which also reports legacy encodings)."""
    return read_text(source).text


def read_text(source: str | bytes) -> Repair:
    """Decode bytes, then detect and convert legacy Vietnamese encodings."""
    if isinstance(source, str):
        return repair(source)
    if not source.strip():
        raise InputError("empty input")
    if b"\x00" in source[:4096] and not source.startswith(_BOMS[1:]):
        raise InputError("binary input (NUL bytes)")
    text, warnings = _decode_bytes(source)
    fixed = repair(text)
    if fixed.encoding is None and not _is_utf8(source):
        # an 8-bit page may have been decoded with a guessed code page that hides TCVN3/VNI
        raw = repair(source.decode("latin-1"))
        if raw.encoding in ("tcvn3", "vni"):
            fixed = raw
    return Repair(fixed.text, fixed.encoding, warnings + fixed.warnings)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """The cleaner's decoder; valid non-ASCII UTF-8 wins over a declared single-byte charset."""
    text = decode_html(data)
    if data.startswith(_BOMS) or data.isascii() or not _is_utf8(data):
        return text, ()
    utf8 = data.decode("utf-8")
    if text == utf8:
        return text, ()
    # multi-byte UTF-8 sequences almost never occur by chance in an 8-bit text
    return utf8, ("the declared charset does not match the bytes, which are valid UTF-8: decoded as UTF-8",)


def clean(source: str | bytes, *, url: str | None = None) -> CleanedArticle:
    """Clean HTML or plain text into title, lead, body blocks and metadata."""
    read = read_text(source)
    text = read.text
    if not text.strip():
        raise InputError("empty input")
    try:
        cleaned = clean_html(text, url=url) if looks_like_html(text) else clean_text(text, url=url)
    except RecursionError as exc:  # safety net: the tree walk must not crash the caller
        raise CleanError("page too deeply nested to clean (recursion limit)") from exc
    if read.warnings:
        cleaned = replace(cleaned, warnings=tuple(cleaned.warnings) + read.warnings)
    return cleaned
