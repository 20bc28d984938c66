"""Stage 1: any input (HTML or plain text, str or bytes) -> CleanedArticle."""

from __future__ import annotations

import regex

from .clean_html import clean_html, decode_html
from .clean_text import clean_text
from .errors import InputError
from .model import CleanedArticle

_HTML_SIGNS = regex.compile(r"<\s*(?:!doctype|html|head|body|div|p|article|meta|title|h1|table|span)\b", regex.I)


def looks_like_html(text: str) -> bool:
    """Whether a string is an HTML page rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("Chợ Đồn chú trọng ... 98,5% < 100%")
    (True, False)
    """
    return _HTML_SIGNS.search(text[:5000]) is not None


def decode(source: str | bytes) -> str:
    if isinstance(source, str):
        return source
    if not source.strip():
        raise InputError("empty input")
    if b"\x00" in source[:4096] and not source.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary input (NUL bytes)")
    return decode_html(source)


def clean(source: str | bytes, *, url: str | None = None) -> CleanedArticle:
    """Clean HTML or plain text into title, lead, body blocks and metadata."""
    text = decode(source)
    if not text.strip():
        raise InputError("empty input")
    if looks_like_html(text):
        return clean_html(text, url=url)
    return clean_text(text, url=url)
