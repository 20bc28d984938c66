"""Stage 2: pure text normalisation.

* Unicode NFC;
* one tone-mark convention: the "new" style most Vietnamese news sites use, with the tone on
  the first vowel of the open nuclei ``oa``, ``oe``, ``uy`` ("hoá" -> "hóa", "uỷ" -> "ủy",
  "khoẻ" -> "khỏe"); closed syllables ("hoàng", "khuyến") are the same in both styles;
* white space: NBSP and other spaces, and line or paragraph separators inside a line (U+2028,
  U+2029, NEL, the C0 separators), become a plain space; runs of spaces collapse, ends are
  stripped;
* invisible characters go: control characters, every format character (zero-width space and
  joiners, soft hyphen, BOM, word joiner, the bidi marks and embeddings LRM/RLM/ALM,
  U+202A-U+202E, U+2066-U+2069, tag characters), variation selectors and the combining grapheme
  joiner, so that "5,2\u200e%" is "5,2%" and "Nguyễn\u200e Văn An" is "Nguyễn Văn An";
* look-alike letters become the Vietnamese letter they stand for: "Ð"/"ð" (U+00D0/U+00F0, Eth,
  what windows-1258 text read as Latin-1 shows for Đ/đ) and "Ɖ" (U+0189) become "Đ"/"đ", as do
  "D"/"d" overlaid with a stroke (U+0335/U+0336); full-width ASCII ("５０％") becomes ASCII;
* dashes (em dash, minus, horizontal bar) become the en dash "–"; curly quotes become
  straight ones.

Every change happens before any offset is taken (offsets are into the normalised text), so
evidence offsets stay exact. ``normalize`` is idempotent: ``normalize(normalize(s)) == normalize(s)``.
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
    **{ord(c): " " for c in "\x1c\x1d\x1e\x1f\x85\u2028\u2029"},  # line and paragraph separators
    **{ord(c): "Đ" for c in "\u00d0\u0189"},
    ord("\u00f0"): "đ",
    **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},  # full-width ASCII
    **{ord(c): "-" for c in "\u2010\u2011"},  # hyphen, non-breaking hyphen
    **{ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"},
    **{ord(c): "–" for c in "\u2014\u2015\u2212\u2012\u2e3a\u2e3b"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"},
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032"},
}
_SPACES = regex.compile(r"[ ]{2,}")
_CONTROL = regex.compile(r"[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u034f\ufe00-\ufe0f\U000e0100-\U000e01ef--[\n]]", regex.V1)
_STROKED_D = regex.compile(r"([Dd])[\u0335\u0336]")


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
    text = text.translate(_TRANSLATE).replace("\r", " ").replace("\n", " ")
    text = _CONTROL.sub("", text)  # before composing: a control between a letter and its mark goes first
    text = unicodedata.normalize("NFC", _STROKED_D.sub(lambda m: "Đ" if m.group(1) == "D" else "đ", text))
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
