"""Stage 2: pure text normalisation.

* Unicode NFC;
* one tone-mark convention: the "new" style most Vietnamese news sites use, with the tone on
  the first vowel of the open nuclei ``oa``, ``oe``, ``uy`` ("hoá" -> "hóa", "uỷ" -> "ủy",
  "khoẻ" -> "khỏe"); closed syllables ("hoàng", "khuyến") are the same in both styles;
* white space: NBSP and other spaces become a plain space, zero-width characters, soft
  hyphens and control characters go, runs of spaces collapse, ends are stripped;
* dashes (em dash, minus, horizontal bar) become the en dash "–"; curly quotes become
  straight ones.

``normalize`` is idempotent: ``normalize(normalize(s)) == normalize(s)``.
"""

from __future__ import annotations

import unicodedata

import regex

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# An open nucleus oa/oe/uy at the end of a word, tone on the second vowel; not "quy".
_OLD_STYLE = regex.compile(
    r"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])"
)
_PAIRS = {"o": "ae", "u": "y"}

_TRANSLATE = {
    **{ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"},
    **{ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"},
    **{ord(c): "–" for c in "\u2014\u2015\u2212\u2012\u2e3a\u2e3b"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"},
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032"},
}
_SPACES = regex.compile(r"[ ]{2,}")
_CONTROL = regex.compile(r"[\p{Cc}\p{Cs}\p{Co}\p{Cn}--[\n]]", regex.V1)


def _move_tone(match: regex.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    if base.lower() not in _PAIRS[first.lower()]:
        return match.group(0)
    tone = "".join(m for m in marks if m in _TONES)
    rest = "".join(m for m in marks if m not in _TONES)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", base + rest)


def normalize_tone_marks(text: str) -> str:
    """Move tone marks of open oa/oe/uy nuclei to the first vowel.

    >>> normalize_tone_marks("văn hoá, huyện uỷ, Thuỷ, khoẻ, quý, hoàng")
    'văn hóa, huyện ủy, Thủy, khỏe, quý, hoàng'
    """
    return _OLD_STYLE.sub(_move_tone, text)


def normalize_line(text: str) -> str:
    """Normalise one line of text (no newlines kept).

    >>> normalize_line("  Huyện\u00a0uỷ  Chợ  Đồn — 98,5 % ")
    'Huyện ủy Chợ Đồn – 98,5 %'
    """
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_TRANSLATE).replace("\r", " ").replace("\n", " ")
    text = _CONTROL.sub("", text)
    text = normalize_tone_marks(text)
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip()


def normalize(text: str) -> str:
    """Normalise a text, keeping paragraph breaks as single newlines.

    >>> normalize("Văn hoá\\r\\n\\n\\n  thể thao ")
    'Văn hóa\\nthể thao'
    """
    lines = (normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
