"""Legacy Vietnamese encodings: detect TCVN3 (ABC), VNI and double-encoded UTF-8, convert or warn.

Old pages were typed in 8-bit fonts and are read today as windows-1252 / Latin-1 text:

* TCVN3 (the "ABC" .VnTime fonts) gives one byte per letter: "Hµ Néi" for "Hà Nội";
* VNI (the VNI-Times fonts) gives a base letter followed by a mark byte: "Haø Noäi";
* UTF-8 read as windows-1252 gives "HÃ  Ná»™i" (mojibake).

The byte tables are data (``data/lexicons/legacy_tcvn3.tsv`` and ``legacy_vni.tsv``). Detection
works word by word: a word "is fixed" when it is not a Vietnamese syllable as it stands and
becomes one once converted. A text is converted only when most of its non-ASCII words are
fixed that way; when only some are, it is left alone with a warning, so nothing downstream
silently extracts from garbage.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from types import MappingProxyType
from typing import Mapping

import regex

from ..lexicons import read_table

# A "word": a run of anything but ASCII white space and ASCII punctuation (the legacy letters
# are all non-ASCII, and some of them are Latin-1 punctuation or symbols: ¸ · ¶ ® ¬ and soft hyphen).
_TOKEN = regex.compile(r"[^\t\n\r\f\v !-/:-@\[-`{-~]+")
_LETTER = regex.compile(r"\p{L}")
_UNICODE_SPACE = regex.compile(r"[\s\u00ad]+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_NUCLEI = (
    "a ă â e ê i y o ô ơ u ư ai ao au ay âu ây eo êu ia iê yê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ "
    "ươ ưa ưi ưu uy oo oai oay oeo uây uôi uya uyê uyu ươi ươu iêu yêu"
).split()
_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + r")"
    r"(?:ch|nh|ng|[cmnpt])?"
)
SAMPLE_WORDS = 5000  # words scored per text; conversion itself covers the whole text
MIN_FIXED = 3  # a handful of words is no evidence
CONVERT_SHARE = 0.5  # share of non-ASCII words fixed by a conversion to apply it
WARN_SHARE = 0.15  # share above which an unapplied conversion is worth a warning
GARBLED_SHARE = 0.3  # share of non-ASCII words with stray Latin-1 / C1 / U+FFFD characters
# Characters no Vietnamese word contains: Latin-1 symbols and letters outside Vietnamese spelling,
# C1 controls, the windows-1252 extras and the replacement character.
_STRAY_REST = (
    r"\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df"
    r"\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff"
    r"\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2020\u2021\u2030\u2039\u203a\u2122\ufffd"
)
_STRAY = regex.compile(r"[\u0080-\u00bf" + _STRAY_REST + "]")
# The early exit's test: the same characters but the no-break space, which is no letter of TCVN3,
# VNI or mojibake and is on every other modern page (&nbsp;).
_STRAY_SIGN = regex.compile(r"[\u0080-\u009f\u00a1-\u00bf" + _STRAY_REST + "]")
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "utf8-as-cp1252": "UTF-8 read as windows-1252"}


@dataclass(frozen=True, slots=True)
class Repair:
    """What :func:`repair` did to a text."""

    text: str
    encoding: str | None = None  # tcvn3 | vni | utf8-as-cp1252, when converted
    warnings: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def tables() -> tuple[Mapping[int, str], Mapping[str, str]]:
    """TCVN3 as a ``str.translate`` table, VNI as a mapping of 1- or 2-character Latin-1 sequences."""
    _, tcvn3_rows = read_table("legacy_tcvn3.tsv")
    _, vni_rows = read_table("legacy_vni.tsv")
    tcvn3 = {int(code, 16): letter for code, letter in tcvn3_rows}
    vni = {"".join(chr(int(b, 16)) for b in codes.split()): letter for codes, letter in vni_rows}
    return MappingProxyType(tcvn3), MappingProxyType(vni)


def is_syllable(word: str) -> bool:
    """Whether ``word`` is spelt like a Vietnamese syllable (onset, nucleus, coda, at most one tone).

    >>> [is_syllable(w) for w in ("Hà", "Nội", "nghiêng", "quốc", "Néi", "Haø", "nhaân", "µm")]
    [True, True, True, True, False, False, False, False]
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _is_words(token: str) -> bool:
    return all(is_syllable(part) for part in _UNICODE_SPACE.split(token) if part)


def from_tcvn3(text: str) -> str:
    """Convert TCVN3 text (read as Latin-1) to Unicode, letter by letter.

    >>> from_tcvn3("Hµ Néi, ViÖt Nam")
    'Hà Nội, Việt Nam'
    """
    return text.translate(tables()[0])


def from_vni(text: str) -> str:
    """Convert VNI text (read as Latin-1) to Unicode: longest sequence first.

    >>> from_vni("Haø Noäi, Vieät Nam")
    'Hà Nội, Việt Nam'
    """
    vni = tables()[1]
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in vni:
            out.append(vni[pair])
            i += 2
        else:
            out.append(vni.get(text[i], text[i]))
            i += 1
    return "".join(out)


def from_utf8_as_cp1252(text: str) -> str:
    """Undo UTF-8 bytes read as windows-1252 (or Latin-1); the text itself when that fails.

    >>> from_utf8_as_cp1252("H\xc3\xa0 N\xe1\xbb\u2122i")
    'Hà Nội'
    """
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return text
            raw.append(ord(char))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


CONVERTERS: Mapping[str, Callable[[str], str]] = MappingProxyType(
    {"utf8-as-cp1252": from_utf8_as_cp1252, "tcvn3": from_tcvn3, "vni": from_vni}
)


def _fixed(word: str, valid: bool, encoding: str) -> bool:
    """Whether converting ``word`` (``valid``: it already reads as Vietnamese) fixes it."""
    if encoding != "utf8-as-cp1252" and valid:
        return False  # a word that reads as Vietnamese is not fixed by a conversion
    converted = CONVERTERS[encoding](word)
    if converted == word:
        return False
    return encoding == "utf8-as-cp1252" or _is_words(converted)  # a strict UTF-8 decode is evidence enough


def _scores(counts: Counter[str]) -> tuple[dict[str, int], int]:
    """Words fixed by each conversion, and words holding a stray character that are not Vietnamese;
    each distinct word is judged once (a page repeats its words)."""
    scores = dict.fromkeys(CONVERTERS, 0)
    stray = 0
    for word, count in counts.items():
        valid = _is_words(word)
        for encoding in CONVERTERS:
            if _fixed(word, valid, encoding):
                scores[encoding] += count
        if not valid and _STRAY.search(word):
            stray += count
    return scores, stray


def convert(text: str, encoding: str) -> str:
    """Convert the words of ``text`` from a legacy ``encoding`` (a key of CONVERTERS); ASCII words are kept."""
    to_unicode = CONVERTERS[encoding]

    def one(match: regex.Match[str]) -> str:
        word = match.group(0)
        if word.isascii():
            return word
        converted = to_unicode(word)
        return converted if encoding == "utf8-as-cp1252" or _is_words(converted) else word

    return _TOKEN.sub(one, text)


def repair(text: str) -> Repair:
    """Detect a legacy encoding in ``text``; convert when confident, else warn when suspicious."""
    if text.isascii() or not _STRAY_SIGN.search(text):
        # every legacy text holds characters no Vietnamese word has (TCVN3 "µ", VNI "ø", mojibake
        # "»"): a text without any is modern Unicode, and the word-by-word scoring is skipped
        return Repair(text)
    # words with a letter: a lone "©" or "«" is a symbol on a modern page, whatever TCVN3 says
    words = list(islice((w for w in (m.group(0) for m in _TOKEN.finditer(text)) if not w.isascii() and _LETTER.search(w)), SAMPLE_WORDS))
    if not words:
        return Repair(text)
    scores, stray = _scores(Counter(words))
    best = max(scores, key=lambda e: (scores[e], e))
    share = scores[best] / len(words)
    if scores[best] >= MIN_FIXED and share >= CONVERT_SHARE:
        note = f"legacy encoding {NAMES[best]} detected and converted to Unicode"
        return Repair(convert(text, best), best, (note,))
    if scores[best] >= 2 * MIN_FIXED and share >= WARN_SHARE:
        note = (
            f"text looks partly like legacy encoding {NAMES[best]} ({scores[best]} of {len(words)} "
            "non-ASCII words); left unconverted, extracted records may be wrong"
        )
        return Repair(text, None, (note,))
    if stray >= MIN_FIXED and stray / len(words) >= GARBLED_SHARE:
        note = (
            f"text looks garbled ({stray} of {len(words)} non-ASCII words hold characters no Vietnamese "
            "word has): wrong or unknown encoding, extracted records may be wrong"
        )
        return Repair(text, None, (note,))
    return Repair(text)
