"""Stage 1: any input (HTML or plain text, str or bytes) -> CleanedArticle.

Bytes are decoded: strict UTF-8 first (nearly every page), else BOM, declared charset, UTF-8
with replacements, windows-1258. Then legacy Vietnamese encodings (TCVN3, VNI, UTF-8 read as
windows-1252; see :mod:`legacy`) are looked for in the text a reader sees: for HTML, the text of
the parsed tree once scripts, styles and chrome are gone (a "©" in a footer or a "»" in a
script says nothing about the article); a confident detection converts the page and cleans it
again, a doubtful one becomes a warning on the article. A tree nested deeper than the parser
allows is flattened (see :mod:`deep`) and parsed again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

import re

import lxml.html
import regex

from .deep import MAX_HTML_DEPTH, PARSER_DEPTH, flatten_deep_html, is_deep
from .html import STAGES, HtmlPage, decode_html, finish, parse_tree, read_page, visible_sample
from .text import clean_text
from ..errors import CleanError, InputError
from .legacy import Repair, convert, repair
from ..model import CleanedArticle

_HTML_SIGNS = regex.compile(r"<\s*(?:!doctype|html|head|body|div|p|article|meta|title|h1|table|span)\b", regex.I)
_CONTROLS = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_BAD_SHARE = 0.02  # more invalid bytes than this and the input is binary, not a damaged text
# the standard library's engine: four times faster than ``regex`` on a whole page for this class
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_UTF8_NAMES = frozenset({"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"})
LEGACY_SAMPLE_CHARS = 200_000  # of the visible text, enough for legacy.repair's sample of words
DEEP_WARNING = f"HTML nested deeper than {PARSER_DEPTH} elements: tags deeper than {MAX_HTML_DEPTH} dropped, text kept"


def looks_like_html(text: str) -> bool:
    """Whether a string is an HTML page rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("Chợ Đồn chú trọng ... 98,5% < 100%")
    (True, False)
    """
    return _HTML_SIGNS.search(text[:5000]) is not None


@dataclass(frozen=True, slots=True)
class _Decoded:
    text: str
    warnings: tuple[str, ...] = ()
    utf8: bool = True  # the bytes were valid UTF-8 (or the input was a str)
    raw: bytes | None = None  # the bytes, when they were not valid UTF-8


def read_text(source: str | bytes) -> Repair:
    """Decode bytes, then detect and convert legacy Vietnamese encodings in the whole text."""
    decoded = _decode(source)
    fixed = _legacy_of_text(decoded.text, decoded)
    return Repair(fixed.text, fixed.encoding, decoded.warnings + fixed.warnings)


def _legacy_of_text(text: str, decoded: _Decoded) -> Repair:
    fixed = repair(text)
    if fixed.encoding is None and decoded.raw is not None:
        # an 8-bit page may have been decoded with a guessed code page that hides TCVN3/VNI
        raw = repair(decoded.raw.decode("latin-1"))
        if raw.encoding in ("tcvn3", "vni"):
            return raw
    return fixed


def _decode(source: str | bytes) -> _Decoded:
    if isinstance(source, str):
        return _Decoded(source)
    if not source.strip():
        raise InputError("empty input")
    if b"\x00" in source[:4096] and not source.startswith(_BOMS[1:]):
        raise InputError("binary input (NUL bytes)")
    if not source.startswith(_BOMS[1:]):
        try:
            text = source.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return _Decoded(text, _charset_mismatch(source, text))
    text, warnings = _decode_8bit(source)
    return _Decoded(text, warnings, utf8=False, raw=source)


def _charset_mismatch(data: bytes, utf8: str) -> tuple[str, ...]:
    """Valid non-ASCII UTF-8 wins over a declared single-byte charset, with a warning."""
    if data.isascii() or data.startswith(_BOMS):
        return ()
    from bs4.dammit import EncodingDetector

    declared = (EncodingDetector.find_declared_encoding(data, is_html=True) or "").lower()
    if not declared or declared in _UTF8_NAMES:
        return ()
    try:
        same = data.decode(declared) == utf8
    except (UnicodeDecodeError, LookupError):
        same = False
    # multi-byte UTF-8 sequences almost never occur by chance in an 8-bit text
    return () if same else ("the declared charset does not match the bytes, which are valid UTF-8: decoded as UTF-8",)


def _decode_8bit(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Bytes that are not valid UTF-8: BOM, declared charset, windows-1258; else mostly-UTF-8."""
    try:
        return decode_html(data), ()
    except InputError:
        return _mostly_utf8(data)


def _mostly_utf8(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 with a few broken sequences (a truncated download, a bad splice): replace them, warn."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") + len(_CONTROLS.findall(text))
    if bad > MAX_BAD_SHARE * len(text):
        raise InputError(f"binary or undecodable input: {bad} of {len(text)} characters are invalid or control characters")
    return text, (f"{text.count(chr(0xFFFD))} invalid UTF-8 byte sequences replaced by U+FFFD",)


def parse_page(html: str) -> tuple[lxml.html.HtmlElement, tuple[str, ...]]:
    """Parse HTML; a tree as deep as the parser's limit is flattened and parsed again."""
    html = _NOT_XML.sub("", html)  # lxml refuses these later, mid-tree (ValueError), so they go first
    root = parse_tree(html)
    if not is_deep(root):
        return root, ()
    limit = MAX_HTML_DEPTH
    while limit >= 25:
        flat, changed = flatten_deep_html(html, limit)
        if not changed:
            break
        root = parse_tree(flat)
        if not is_deep(root):
            break
        limit //= 2  # the parser closed fewer elements than the scan expected: flatten harder
    return root, (DEEP_WARNING,)


_PRUNED = [name for name, _ in STAGES].index("measure and prune") + 1  # stages before the legacy check


Lap = Callable[[str], None]  # told the name of each stage as it ends (see benchmarks/)


def _no_lap(stage: str) -> None:
    return None


def html_page(html: str, decoded: _Decoded, lap: Lap = _no_lap) -> tuple[HtmlPage, tuple[str, ...]]:
    """Parse the page and run the stages up to pruning; a legacy encoding detected in the text
    left (no scripts, styles, menus or footers: "©" and "»" live there) is converted and the page
    parsed and pruned again. Returns the page ready for the remaining stages."""
    page, warnings = _pruned(html, lap)
    fixed = repair(visible_sample(page.root, LEGACY_SAMPLE_CHARS))
    if fixed.encoding is None and decoded.raw is not None:
        latin = decoded.raw.decode("latin-1")
        raw = repair(visible_sample(_pruned(latin, lap)[0].root, LEGACY_SAMPLE_CHARS))
        if raw.encoding in ("tcvn3", "vni"):
            html, fixed = latin, raw
    lap("legacy check")
    if fixed.encoding is not None:
        page, warnings = _pruned(convert(html, fixed.encoding), lap)
    return page, fixed.warnings + warnings


def _pruned(html: str, lap: Lap) -> tuple[HtmlPage, tuple[str, ...]]:
    root, warnings = parse_page(html)
    lap("parse")
    page = read_page(root)
    lap("metadata")
    for name, stage in STAGES[:_PRUNED]:
        stage(page)
        lap(name)
    return page, warnings


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a page is cleaned. Cleaning allocates an object or
    more per element (element proxies, per-element tallies), and each full collection walks
    every live object: on a 10 MB page the collector's runs cost a sixth of the cleaning time
    and made the time per MB grow with the page. Cycles left behind, if any, are collected by
    the next collection after the page."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def clean(source: str | bytes, *, url: str | None = None, lap: Lap = _no_lap) -> CleanedArticle:
    """Clean HTML or plain text into title, lead, body blocks and metadata.

    ``lap`` is called with each stage's name when it ends (decode, parse, metadata, visible date,
    measure and prune, legacy check, title, body, finish; text for plain text): the benchmarks
    time the stages with it.
    """
    decoded = _decode(source)
    lap("decode")
    if not decoded.text.strip():
        raise InputError("empty input")
    try:
        if looks_like_html(decoded.text):
            with _collector_paused():
                page, warnings = html_page(decoded.text, decoded, lap)
                for name, stage in STAGES[_PRUNED:]:
                    stage(page)
                    lap(name)
                cleaned = finish(page, url)
        else:
            fixed = _legacy_of_text(decoded.text, decoded)
            if not fixed.text.strip():
                raise InputError("empty input")
            warnings = fixed.warnings
            cleaned = clean_text(fixed.text, url=url)
    except RecursionError as exc:  # safety net: the tree walk must not crash the caller
        raise CleanError("page too deeply nested to clean (recursion limit)") from exc
    warnings = decoded.warnings + warnings
    if warnings:
        cleaned = replace(cleaned, warnings=tuple(cleaned.warnings) + warnings)
    lap("finish" if cleaned.html else "text")
    return cleaned
