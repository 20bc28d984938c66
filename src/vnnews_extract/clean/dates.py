"""Publication dates: machine-readable ones (ISO 8601) and visible Vietnamese date strings.

Every result is ISO 8601 with an explicit offset; dates without one are taken as Vietnam time
(+07:00).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import regex

VN_TZ = timezone(timedelta(hours=7))

_ISO = regex.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_TIME = r"(?P<H>\d{1,2})\s*(?::|h|giờ)\s*(?P<M>\d{2})(?:\s*:\s*(?P<S>\d{2}))?(?:\s*(?:AM|PM|am|pm|SA|CH))?"
_DMY = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
_WORDS = r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
DATE_LINE = regex.compile(
    r"^(?:(?:Thứ|Chủ nhật|Ngày đăng|Cập nhật|Đăng ngày|Ngày)\b[^.]{0,40})?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}[^.]{0,30}$", regex.I
)
_VISIBLE = (
    regex.compile(_DMY + r"(?:\s*[,|\-–]?\s*(?:lúc\s*)?" + _TIME + r")?", regex.I),
    regex.compile(_TIME + r"\s*(?:\(GMT\+7\)\s*)?(?:ngày\s*)?[,|\-–]?\s*" + _DMY, regex.I),
    regex.compile(_WORDS, regex.I),
)


def _build(y: str, m: str, d: str, hh: str | None, mm: str | None, ss: str | None, tz: str | None) -> str | None:
    try:
        moment = datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None
    if not 1990 <= moment.year <= 2100:
        return None
    if tz and tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        digits = tz[1:].replace(":", "")
        offset = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
    elif tz == "Z":
        offset = timezone.utc
    else:
        offset = VN_TZ
    return moment.replace(tzinfo=offset).astimezone(VN_TZ).isoformat()


def parse_iso_date(value: str) -> str | None:
    """Parse a machine date (meta tag, JSON-LD, <time datetime>) to ISO 8601 in +07:00.

    >>> parse_iso_date("2021-03-15T01:30:00Z")
    '2021-03-15T08:30:00+07:00'
    >>> parse_iso_date("2021-03-15 08:30")
    '2021-03-15T08:30:00+07:00'
    """
    match = _ISO.search(value or "")
    if not match:
        return parse_visible_date(value or "")
    g = match.groupdict()
    return _build(g["y"], g["m"], g["d"], g["H"], g["M"], g["S"], g["tz"])


def is_date_line(text: str) -> bool:
    """A line that is only a dateline ("Cập nhật: 05/06/2019 - 10:45", "Thứ Hai, 15/3/2021").

    >>> is_date_line("Cập nhật: 05/06/2019 - 10:45"), is_date_line("Ngày 15/3/2021, huyện tổ chức hội nghị tổng kết.")
    (True, False)
    """
    return DATE_LINE.match(text) is not None


def parse_visible_date(text: str) -> str | None:
    """Find the first Vietnamese visible date string in ``text``, preferring one with a time.

    A bare date ("Chủ Nhật, 14/03/2021" in a page header) is often today's date; the
    publication date usually carries its time.

    >>> parse_visible_date("Thứ Hai, 15/3/2021, 08:30 (GMT+7)")
    '2021-03-15T08:30:00+07:00'
    >>> parse_visible_date("Cập nhật: 08:30 15/03/2021")
    '2021-03-15T08:30:00+07:00'
    >>> parse_visible_date("Ngày đăng: 15/03/2021")
    '2021-03-15T00:00:00+07:00'
    >>> parse_visible_date("Chủ Nhật, 14/03/2021 ... 15-03-2021 - 19:05")
    '2021-03-15T19:05:00+07:00'
    """
    best: tuple[bool, int, str] | None = None
    for pattern in _VISIBLE:
        for match in pattern.finditer(text):
            g = match.groupdict()
            iso = _build(g["y"], g["m"], g["d"], g.get("H"), g.get("M"), g.get("S"), None)
            key = (g.get("H") is None, match.start())
            if iso and (best is None or key < best[:2]):
                best = (*key, iso)
            if iso and g.get("H") is not None:
                break  # later matches of this pattern can only be worse
    return best[2] if best else None
