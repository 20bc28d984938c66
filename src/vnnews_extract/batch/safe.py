"""Input-derived strings made writable anywhere: UTF-8 files, CSV, SQLite, one-line messages.

Python hands the batch strings that UTF-8 cannot encode: a file name that is not UTF-8 arrives
with its bad bytes as lone surrogates (``b"a\\xff.txt"`` -> ``"a\\udcff.txt"``), and JSON may
spell a lone surrogate (``"\\ud800"``). :func:`safe_text` turns each into a visible, stable escape,
so the same input always gets the same id and every output can hold it.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def safe_text(text: str) -> str:
    """``text`` with every lone surrogate written as an escape (``\\xff`` for a raw byte).

    >>> safe_text("a\\udcff.txt"), safe_text("http://x/\\ud800"), safe_text("Đà Nẵng")
    ('a\\\\xff.txt', 'http://x/\\\\ud800', 'Đà Nẵng')
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(_escape, text)
    return text


def replace_surrogates(text: str) -> str:
    """Content (not ids): a lone surrogate becomes U+FFFD, as a decoder would have made it."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def safe_value(value: Any) -> Any:
    """A JSON-like value with :func:`safe_text` applied to every string in it (keys too)."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_text(k) if isinstance(k, str) else k: safe_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(safe_value(v) for v in value)
    return value


def one_line(text: str, limit: int = 300) -> str:
    """For messages on stderr: control characters, line breaks and surrogates escaped, cut to ``limit``.

    >>> one_line("bad\\nname\\udcff")
    'bad\\\\nname\\\\xff'
    """
    out = _UNPRINTABLE.sub(lambda m: _escape(m) if "\ud800" <= m.group(0) <= "\udfff" else repr(m.group(0))[1:-1], text)
    return out if len(out) <= limit else out[: limit - 1] + "…"
