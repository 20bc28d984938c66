"""Stage 1: any input (HTML or plain text, str or bytes) -> CleanedArticle.

Bytes are decoded (BOM, declared charset, UTF-8, windows-1258), then checked for legacy
Vietnamese encodings (TCVN3, VNI, UTF-8 read as windows-1252; see :mod:`legacy`): a confident
detection is converted, a doubtful one becomes a warning on the article.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .html import clean_html, decode_html
from .text import clean_text
from ..errors import CleanError, InputError
from .legacy import Repair, repair
from ..model import CleanedArticle

_HTML_SIGNS = regex.compile(r"<\s*(?:!doctype|html|head|body|div|p|article|meta|title|h1|table|span)\b", regex.I)
_CONTROLS = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_BAD_SHARE = 0.02  # more invalid bytes than this and the input is binary, not a damaged text
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^<>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# libxml2 (lxml) silently drops a whole page nested deeper than 255 elements: past PARSER_DEPTH, the
# tags of elements opened deeper than MAX_HTML_DEPTH are dropped (their text is kept).
PARSER_DEPTH = 250
MAX_HTML_DEPTH = 200
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
    try:
        text = decode_html(data)
    except InputError:
        return _mostly_utf8(data)
    if data.startswith(_BOMS) or data.isascii() or not _is_utf8(data):
        return text, ()
    utf8 = data.decode("utf-8")
    if text == utf8:
        return text, ()
    # multi-byte UTF-8 sequences almost never occur by chance in an 8-bit text
    return utf8, ("the declared charset does not match the bytes, which are valid UTF-8: decoded as UTF-8",)


def _mostly_utf8(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 with a few broken sequences (a truncated download, a bad splice): replace them, warn."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") + len(_CONTROLS.findall(text))
    if bad > MAX_BAD_SHARE * len(text):
        raise InputError(f"binary or undecodable input: {bad} of {len(text)} characters are invalid or control characters")
    return text, (f"{text.count(chr(0xFFFD))} invalid UTF-8 byte sequences replaced by U+FFFD",)


def _depth(html: str) -> int:
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(2).lower() in _VOID or match.group(3):
            continue
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flatten_deep_html(html: str, limit: int = MAX_HTML_DEPTH, trigger: int = PARSER_DEPTH) -> tuple[str, bool]:
    """When the page is nested deeper than ``trigger``, drop the tags (never the text) of elements
    opened deeper than ``limit``; linear.

    >>> flatten_deep_html("<div><div><b>x</b></div></div><p>y</p>", 1, 1)
    ('<div>x</div><p>y</p>', True)
    """
    if _depth(html) <= trigger:
        return html, False
    kept: list[bool] = []
    changed = False

    def one(match: regex.Match[str]) -> str:
        nonlocal changed
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            return match.group(0)
        if closing:
            keep = kept.pop() if kept else True  # a stray closing tag is the parser's business
        else:
            keep = len(kept) < limit
            kept.append(keep)
        changed |= not keep
        return match.group(0) if keep else ""

    out = _TAG.sub(one, html)
    return (out, True) if changed else (html, False)


def clean(source: str | bytes, *, url: str | None = None) -> CleanedArticle:
    """Clean HTML or plain text into title, lead, body blocks and metadata."""
    read = read_text(source)
    text = read.text
    if not text.strip():
        raise InputError("empty input")
    warnings = read.warnings
    is_html = looks_like_html(text)
    if is_html:
        text = _NOT_XML.sub("", text)  # lxml refuses these later, mid-tree (ValueError), so they go first
        text, flattened = flatten_deep_html(text)
        if flattened:
            warnings += (f"HTML nested deeper than {PARSER_DEPTH} elements: tags deeper than {MAX_HTML_DEPTH} dropped, text kept",)
    try:
        cleaned = clean_html(text, url=url) if is_html else clean_text(text, url=url)
    except RecursionError as exc:  # safety net: the tree walk must not crash the caller
        raise CleanError("page too deeply nested to clean (recursion limit)") from exc
    if warnings:
        cleaned = replace(cleaned, warnings=tuple(cleaned.warnings) + warnings)
    return cleaned
