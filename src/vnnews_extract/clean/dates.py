"""Publication dates: machine-readable ones (ISO 8601) and visible Vietnamese date strings.

Every result is ISO 8601 with an explicit offset; dates without one are taken as Vietnam time
(+07:00).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import lru_cache

import regex

from ..lexicons import lexicons

VN_TZ = timezone(timedelta(hours=7))

_ISO = regex.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_DMY = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"


def _words(word_class: str) -> str:
    """The words of a class of grammar_words.tsv as a regex alternation, the longest first; a space
    stays a plain space (page text, not normalised)."""
    return "|".join(regex.escape(w) for w in sorted(lexicons().grammar(word_class), key=len, reverse=True))


@lru_cache(maxsize=1)
def _afternoon() -> frozenset[str]:
    """Parts of the day after noon, lower-cased: "11:05 tối" is 23:05."""
    return frozenset({"pm", *(w.lower() for w in lexicons().grammar("afternoon"))})


@lru_cache(maxsize=1)
def _date_line() -> regex.Pattern[str]:
    return regex.compile(rf"^(?:(?:{_words('date_label')})\b[^.]{{0,40}})?\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}[^.]{{0,30}}$", regex.I)


@lru_cache(maxsize=1)
def _visible() -> tuple[regex.Pattern[str], ...]:
    """Visible date patterns: a date then a time, a time then a date, a date in words, a date with a
    two-digit year; the words are grammar_words.tsv's."""
    time = (
        rf"(?P<H>\d{{1,2}})\s*(?::|h|{_words('hour_noun')})\s*(?P<M>\d{{2}})(?:\s*:\s*(?P<S>\d{{2}}))?"
        rf"(?:\s*(?P<part>AM|PM|am|pm|{_words('day_part')})(?!\w))?"
    )
    day, month, year = _words("day_noun"), _words("month_noun"), _words("year_noun")
    return (
        regex.compile(_DMY + rf"(?:\s*[,|\-–]?\s*(?:(?:{_words('clock_preposition')})\s*)?" + time + r")?", regex.I),
        regex.compile(time + rf"\s*(?:\(GMT\+7\)\s*)?(?:(?:{day})\s*)?[,|\-–]?\s*" + _DMY, regex.I),
        regex.compile(rf"(?:{day})\s+(?P<d>\d{{1,2}})\s+(?:{month})\s+(?P<m>\d{{1,2}})\s+(?:{year})\s+(?P<y>\d{{4}})", regex.I),
        # "ngày 24/12/12 11:05 tối": a two-digit year, only after "ngày" and before a time
        regex.compile(rf"(?:{day})\s+(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<yy>\d{{2}})\s+" + time, regex.I),
    )


def _build(y: str, m: str, d: str, clock: tuple[str | None, str | None, str | None] = (None, None, None), tz: str | None = None) -> str | None:
    """The ISO 8601 date in +07:00 of year, month, day, (hour, minute, second) and a time zone."""
    if not y:
        return None
    hh, mm, ss = clock
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
    return _build(g["y"], g["m"], g["d"], (g["H"], g["M"], g["S"]), g["tz"])


def reconcile(machine: str | None, raw: str | None, visible: tuple[str, bool] | None) -> str | None:
    """The publication date from the machine-readable one and the one the page shows.

    The machine date wins, except when it has no time and the page shows the same day with one,
    or when its offset is not Vietnam's and the page shows the same wall-clock time (a server
    that labels Vietnam time with another zone: "17:34:20+08:00" shown as "17:34 (GMT+7)").

    >>> reconcile("2012-12-25T00:00:00+07:00", "2012-12-25", ("2012-12-25T10:03:00+07:00", True))
    '2012-12-25T10:03:00+07:00'
    >>> reconcile("2019-02-18T16:34:20+07:00", "2019-02-18T17:34:20+08:00", ("2019-02-18T17:34:00+07:00", True))
    '2019-02-18T17:34:00+07:00'
    >>> reconcile("2021-03-15T08:30:00+07:00", "2021-03-15T01:30:00Z", ("2021-03-15T08:30:00+07:00", True))
    '2021-03-15T08:30:00+07:00'
    """
    if machine is None or visible is None or not visible[1] or raw is None:
        return machine or (visible[0] if visible else None)
    match = _ISO.search(raw)
    if match is None:
        return machine
    shown = visible[0]
    if match.group("H") is None:  # a day without a time
        return shown if shown[:10] == machine[:10] else machine
    tz = match.group("tz")
    if tz and tz.replace(":", "") not in ("+0700", "Z"):
        wall = f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}T{int(match['H']):02d}:{match['M']}"
        return shown if shown[:16] == wall else machine
    return machine


def needs_visible_date(raw: str | None) -> bool:
    """Whether the visible date can change what the machine date ``raw`` says (see :func:`reconcile`)."""
    if raw is None:
        return True
    match = _ISO.search(raw)
    if match is None:
        return True
    tz = match.group("tz")
    return match.group("H") is None or bool(tz and tz.replace(":", "") not in ("+0700", "Z"))


def is_date_line(text: str) -> bool:
    """A line that is only a dateline ("Cập nhật: 05/06/2019 - 10:45", "Thứ Hai, 15/3/2021").

    >>> is_date_line("Cập nhật: 05/06/2019 - 10:45"), is_date_line("Ngày 15/3/2021, huyện tổ chức hội nghị tổng kết.")
    (True, False)
    """
    return _date_line().match(text) is not None


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
    found = find_visible_date(text)
    return found[0] if found else None


def find_visible_date(text: str) -> tuple[str, bool] | None:
    """:func:`parse_visible_date` and whether the date found has a time.

    >>> find_visible_date("Xã hội | Cập nhật thứ hai, ngày 24/12/12 11:05 tối")
    ('2012-12-24T23:05:00+07:00', True)
    """
    best: tuple[bool, int, str] | None = None
    for pattern in _visible():
        for match in pattern.finditer(text):
            g = match.groupdict()
            year = g.get("y") or ("20" + g["yy"] if g.get("yy") else None)
            iso = _build(year or "", g["m"], g["d"], (_hour(g), g.get("M"), g.get("S")))
            key = (g.get("H") is None, match.start())
            if iso and (best is None or key < best[:2]):
                best = (*key, iso)
            if iso and g.get("H") is not None:
                break  # later matches of this pattern can only be worse
    return (best[2], not best[0]) if best else None


def _hour(g: dict[str, str | None]) -> str | None:
    hour, part = g.get("H"), (g.get("part") or "").lower()
    if hour is not None and part in _afternoon() and int(hour) < 12:
        return str(int(hour) + 12)
    return hour
