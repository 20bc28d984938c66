"""Pure helpers for Vietnamese numerals.

"." groups thousands and "," is the decimal mark, always: the separator is fixed, not guessed
per string. A stray English decimal ("98.5%") is accepted only where it cannot be a thousands
group (not exactly three digits after the dot).
"""

from __future__ import annotations

import regex

MULTIPLIERS: dict[str, float] = {
    "nghìn tỷ": 1e12,
    "ngàn tỷ": 1e12,
    "nghìn tỉ": 1e12,
    "ngàn tỉ": 1e12,
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
}

# digits: 1.126 | 1.126,5 | 98,5 | 12 | 98.5 (english decimal, checked in parse_number)
NUMBER_PATTERN = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?!\d)|\d+"
MULTIPLIER_PATTERN = "|".join(sorted(MULTIPLIERS, key=len, reverse=True)).replace(" ", r"\s+")

_WORD_DIGITS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
_SINGLE_WORDS = {**_WORD_DIGITS, "mười": 10}
NUMBER_WORD_PATTERN = (
    r"(?:một trăm|hai trăm|ba trăm|bốn trăm|năm trăm|sáu trăm|bảy trăm|tám trăm|chín trăm)"
    r"(?: (?:linh|lẻ) (?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín)|"
    r" (?:mười|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín) mươi)(?: (?:mốt|một|hai|ba|bốn|tư|lăm|nhăm|sáu|bảy|tám|chín))?)?"
    r"|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín) mươi(?: (?:mốt|hai|ba|bốn|tư|lăm|nhăm|sáu|bảy|tám|chín))?"
    r"|mười(?: (?:một|hai|ba|bốn|lăm|sáu|bảy|tám|chín))?"
    r"|một|hai|ba|bốn|năm|sáu|bảy|tám|chín"
)
# tens in words: "hai chục" (twenty), "một chục"; a bare "chục" only after a comparator ("hơn chục người"), as
# "hàng chục", "vài chục", "mấy chục" are vague amounts, no figures
TENS_WORD_PATTERN = r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín) chục"
# fractions in words: "một nửa", "hai phần ba" (denominator up to ten)
_DIGIT_WORDS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
FRACTION_WORD_PATTERN = rf"một nửa|nửa|(?:{_DIGIT_WORDS}) phần (?:{_DIGIT_WORDS}|tư)"


_DOT_DECIMALS = regex.compile(r"\d+\.\d{1,2}")


def parse_number(text: str) -> float:
    """Parse digits written the Vietnamese way.

    >>> parse_number("1.126"), parse_number("98,5"), parse_number("01"), parse_number("1.234.567,25")
    (1126.0, 98.5, 1.0, 1234567.25)
    >>> parse_number("98.5"), parse_number("1 126")
    (98.5, 1126.0)
    """
    text = text.replace(" ", "").replace("\u00a0", "")
    if _DOT_DECIMALS.fullmatch(text):
        return float(text)
    return float(text.replace(".", "").replace(",", "."))


def parse_number_words(text: str) -> float | None:
    """Parse a Vietnamese number written in words, up to 999.

    >>> [parse_number_words(w) for w in ["hai", "mười lăm", "hai mươi mốt", "một trăm linh năm", "ba trăm hai mươi"]]
    [2.0, 15.0, 21.0, 105.0, 320.0]
    >>> parse_number_words("chục"), parse_number_words("một chục"), parse_number_words("hai chục")
    (10.0, 10.0, 20.0)
    """
    words = text.lower().split()
    if not words:
        return None
    if words[-1] == "chục" and len(words) <= 2:  # "chục" (ten), "hai chục" (twenty)
        return float(_WORD_DIGITS.get(words[0], 0) * 10) if len(words) == 2 else 10.0
    total = 0
    if len(words) >= 2 and words[1] == "trăm":
        total += _WORD_DIGITS.get(words[0], 0) * 100
        words = words[2:]
        if words[:1] in (["linh"], ["lẻ"]):
            words = words[1:]
    if words[:1] == ["mười"]:
        total += 10
        words = words[1:]
    elif len(words) >= 2 and words[1] == "mươi":
        total += _WORD_DIGITS.get(words[0], 0) * 10
        words = words[2:]
    if words:
        if len(words) != 1 or words[0] not in _SINGLE_WORDS:
            return None
        total += _SINGLE_WORDS[words[0]]
    return float(total)


def parse_fraction_words(text: str) -> float | None:
    """Parse a fraction written in words.

    >>> parse_fraction_words("Một nửa"), parse_fraction_words("hai phần ba"), parse_fraction_words("ba phần")
    (0.5, 0.6666666666666666, None)
    """
    words = text.lower().split()
    if words in (["một", "nửa"], ["nửa"]):
        return 0.5
    if len(words) != 3 or words[1] != "phần":
        return None
    top, bottom = _SINGLE_WORDS.get(words[0]), _SINGLE_WORDS.get(words[2])
    if not top or not bottom or top > bottom:
        return None
    return top / bottom


def multiplier(text: str | None) -> float:
    """Factor of a multiplier word ("triệu" -> 1e6); 1 for None.

    >>> multiplier("nghìn  tỷ"), multiplier("triệu"), multiplier(None)
    (1000000000000.0, 1000000.0, 1)
    """
    if not text:
        return 1
    return MULTIPLIERS[" ".join(text.lower().split())]


def format_number(value: float, decimals: int = 0) -> str:
    """Format a number the Vietnamese way (inverse of ``parse_number``).

    >>> format_number(1126), format_number(98.5, 1), format_number(1234567.25, 2)
    ('1.126', '98,5', '1.234.567,25')
    """
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
