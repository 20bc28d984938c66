"""Mentions of officials in one sentence: names, honorifics, titles (role + organisation).

A small grammar over words, driven by lexicons:

  TITLE  = [nguyên|Quyền] [Phó] ROLE [Thường trực] [ORG]
  CHAIN  = TITLE ((, | – | - | kiêm | và) TITLE)*
  NAME   = SURNAME Capitalised{1,3}            (a place before it is split off with the gazetteer)
  mention patterns: CHAIN NAME | HONORIFIC NAME [SEP CHAIN] | NAME SEP CHAIN | CHAIN là HONORIFIC NAME
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..lexicons import alternation, lexicons
from ..model import Span

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}&'/]+(?:\.[\p{L}\p{M}\p{N}&]+)*\.?|[^\s]")
LEVELS = ("tỉnh", "huyện", "xã", "thành phố", "quận", "phường", "thị xã", "thị trấn", "TP.", "TP", "Tp.", "Tp")
MAX_ORG_WORDS = 12


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Title:
    start: int
    end: int
    role: str
    organization: str | None
    org_start: int | None = None
    org_end: int | None = None
    coordinated: list[tuple[int, int]] = field(default_factory=list)  # extra orgs joined by "và"
    name_after: int | None = None  # start of a person's name read right after the organisation


@dataclass
class NameMention:
    start: int
    end: int
    name: str
    honorific: str | None = None
    titles: list[Title] = field(default_factory=list)


def words_of(text: str, span: Span) -> list[Word]:
    out: list[Word] = []
    abbreviations = lexicons().abbreviations
    for m in _WORD.finditer(text, span.start, span.end):
        w = m.group(0)
        if len(w) > 1 and w.endswith(".") and w not in abbreviations and w[:-1] + "." not in abbreviations:
            out.append(Word(m.start(), m.end() - 1, w[:-1]))
            out.append(Word(m.end() - 1, m.end(), "."))
        else:
            out.append(Word(m.start(), m.end(), w))
    return out


@dataclass(frozen=True)
class _Grammar:
    role: regex.Pattern[str]
    org_fixed: regex.Pattern[str]
    org_open: regex.Pattern[str]
    honorific: regex.Pattern[str]
    stop: regex.Pattern[str]


def _first_letter_either_case(phrases: object) -> str:
    items = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))  # type: ignore[attr-defined]
    out = []
    for p in items:
        body = regex.escape(p[1:]).replace(r"\ ", r"\s+")
        first = p[0]
        out.append(f"[{first.lower()}{first.upper()}]{body}" if first.isalpha() else regex.escape(p))
    return "|".join(out)


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    lex = lexicons()
    fixed = [h for h, (k, _) in lex.organisations.items() if k == "fixed"]
    open_ = [h for h, (k, _) in lex.organisations.items() if k == "open"]
    return _Grammar(
        role=regex.compile(
            rf"(?i)(?<![\p{{L}}])(?P<pre>(?:nguyên|quyền)\s+)?(?P<phó>phó\s+)?(?P<head>{alternation(lex.titles)})"
            rf"(?P<tt>\s+thường\s+trực)?(?![\p{{L}}])"
        ),
        org_fixed=regex.compile(rf"(?i)(?P<h>{alternation(fixed)})(?![\p{{L}}])"),
        org_open=regex.compile(rf"(?P<h>{alternation(open_)})(?![\p{{L}}])"),
        honorific=regex.compile(rf"(?<![\p{{L}}])(?P<h>{_first_letter_either_case(lex.honorifics)})(?=\s)"),
        stop=regex.compile(rf"(?i)(?:{alternation(lex.org_stops)})(?![\p{{L}}])"),
    )


def canonical_role(match: regex.Match[str]) -> str:
    """The role as a canonical string: "phó chủ tịch thường trực" -> "Phó Chủ tịch Thường trực"."""
    head = " ".join(match.group("head").split())
    role = next((t for t in lexicons().titles if t.lower() == head.lower()), head)
    if match.group("phó"):
        role = "Phó " + role
    pre = (match.group("pre") or "").strip().lower()
    if pre:
        role = ("nguyên " if pre == "nguyên" else "Quyền ") + role
    if match.group("tt"):
        role += " Thường trực"
    return role


def canonical_org_head(raw: str) -> str:
    key = " ".join(raw.split()).lower()
    return next((h for h in lexicons().organisations if h.lower() == key), raw)


def is_name_start(word: str) -> bool:
    return word in lexicons().surnames


def split_place_and_name(texts: list[str]) -> int:
    """How many leading words of a capitalised run are a place; the rest is a person's name.

    >>> split_place_and_name("Bình Dương Trần Thanh Liêm".split()), split_place_and_name("Chợ Đồn".split())
    (2, 2)
    >>> split_place_and_name("Triệu Huy Chung".split()), split_place_and_name("Chợ Đồn Triệu Huy Chung".split())
    (0, 2)
    """
    places = lexicons().places
    n = len(texts)
    for size in range(min(4, n - 2), 0, -1):
        if " ".join(texts[:size]) in places and is_name_start(texts[size]) and n - size <= 4:
            return size
    if 2 <= n <= 4 and is_name_start(texts[0]) and " ".join(texts[:2]) not in places:
        return 0
    for size in (2, 1, 3):
        if 2 <= n - size <= 4 and is_name_start(texts[size]):
            return size
    return n


# ---------------------------------------------------------------- organisations

_SEP = regex.compile(r"\s*(?:,|–|-|:|\bkiêm\b|\bđồng thời là\b|\bvà\b)\s*")
_SPACE = regex.compile(r"[ ]+")
_OPEN_GAP = regex.compile(r"\s[-–]\s(?=\p{Lu})| ")
_LEVEL = regex.compile(r"(?:tỉnh|huyện|xã|thành phố|quận|phường|thị xã|thị trấn|TP|Tp|Thành phố|Tỉnh|Huyện|Xã|Quận|Phường|Thị xã|Thị trấn)(?![\p{L}\p{N}.])|TP\.(?=\s)|Tp\.(?=\s)")
_CAPWORD = regex.compile(r"\p{Lu}[\p{L}\p{M}.&'\-]*(?:\.[\p{L}]+)*")


@dataclass
class OrgRead:
    start: int
    end: int
    name_start: int | None = None  # a person's name right after the organisation
    extra: list[tuple[int, int]] = field(default_factory=list)  # coordinated organisations


def _cap_words(text: str, pos: int, end: int) -> list[tuple[int, int, str]]:
    """Capitalised words from ``pos`` separated by single spaces."""
    out: list[tuple[int, int, str]] = []
    while pos < end:
        m = _CAPWORD.match(text, pos, end)
        if not m or grammar().role.match(text, m.start(), end) or grammar().honorific.match(text, m.start(), end):
            break
        word = m.group(0).rstrip(".") if m.group(0).endswith(".") and m.group(0)[:-1] + "." not in lexicons().abbreviations else m.group(0)
        out.append((m.start(), m.start() + len(word), word))
        nxt = _SPACE.match(text, m.start() + len(word), end)
        if not nxt:
            break
        pos = nxt.end()
    return out


def _place_then_name(text: str, pos: int, end: int) -> tuple[int, int | None]:
    """Read a capitalised place at ``pos``; return (end of place, start of a name after it)."""
    run = _cap_words(text, pos, end)
    if not run:
        return pos, None
    size = split_place_and_name([w for _, _, w in run])
    place_end = run[size - 1][1] if size else pos
    return place_end, run[size][0] if size < len(run) else None


def _after_fixed(text: str, pos: int, end: int) -> tuple[int, int | None]:
    """Extend a fixed organisation head with further heads and a place."""
    g = grammar()
    while True:
        sp = _SPACE.match(text, pos, end)
        if not sp:
            return pos, None
        nxt = g.org_fixed.match(text, sp.end(), end)
        if nxt and text[sp.end()].isupper():
            pos = nxt.end()
            continue
        level = _LEVEL.match(text, sp.end(), end)
        if level:
            pos = level.end()
            sp2 = _SPACE.match(text, pos, end)
            if sp2 and text[sp2.end() : sp2.end() + 1].isupper():
                place_end, name = _place_then_name(text, sp2.end(), end)
                return (place_end if place_end > sp2.end() else pos), name
            return pos, None
        if text[sp.end() : sp.end() + 1].isupper():
            place_end, name = _place_then_name(text, sp.end(), end)
            return (place_end if place_end > sp.end() else pos), name
        return pos, None


def _after_open(text: str, pos: int, end: int) -> tuple[int, int | None]:
    """Read the own name of an open head ("Sở" + "Nội vụ tỉnh Lạng Sơn")."""
    g = grammar()
    count = 0
    last = pos
    while count < MAX_ORG_WORDS:
        sp = _OPEN_GAP.match(text, last, end)
        if not sp:
            break
        at = sp.end()
        if g.stop.match(text, at, end) or g.role.match(text, at, end) or g.honorific.match(text, at, end):
            break
        if text.startswith("và ", at) and (
            g.org_open.match(text, at + 3, end) or g.org_fixed.match(text, at + 3, end)
            or g.role.match(text, at + 3, end) or g.honorific.match(text, at + 3, end)
        ):
            break
        level = _LEVEL.match(text, at, end)
        if level and text[at].islower():
            sp2 = _SPACE.match(text, level.end(), end)
            if sp2 and text[sp2.end() : sp2.end() + 1].isupper():
                place_end, name = _place_then_name(text, sp2.end(), end)
                return (place_end if place_end > sp2.end() else level.end()), name
            return level.end(), None
        if text[at].isupper():
            run = _cap_words(text, at, end)
            texts = [w for _, _, w in run]
            if run and split_place_and_name(texts) == 0 and len(texts) >= 2 and count >= 1:
                return last, run[0][0]
            if run and 0 < split_place_and_name(texts) < len(texts) and count >= 1:
                place_end, name = _place_then_name(text, at, end)
                return place_end, name
        word = regex.compile(r"[\p{L}\p{M}\p{N}&.'/]+").match(text, at, end)
        if not word:
            break
        last = word.end() if not word.group(0).endswith(".") or word.group(0) in lexicons().abbreviations else word.end() - 1
        count += 1
    return last, None


def read_org(text: str, pos: int, end: int) -> OrgRead | None:
    """The organisation starting at ``pos`` (after a role and one space), if any."""
    g = grammar()
    fixed = g.org_fixed.match(text, pos, end)
    opened = g.org_open.match(text, pos, end)
    if fixed and (not opened or fixed.end() >= opened.end()):
        org_end, name = _after_fixed(text, fixed.end(), end)
    elif opened:
        org_end, name = _after_open(text, opened.end(), end)
    else:
        return None
    result = OrgRead(pos, org_end, name)
    while name is None:
        coord = regex.compile(r" và (?=\p{Lu})").match(text, result.end if not result.extra else result.extra[-1][1], end)
        if not coord:
            break
        more = g.org_open.match(text, coord.end(), end) or g.org_fixed.match(text, coord.end(), end)
        if not more:
            break
        sub = read_org(text, coord.end(), end)
        if sub is None:
            break
        result.extra.append((sub.start, sub.end))
        name = sub.name_start
        result.name_start = name
    return result


# ---------------------------------------------------------------- titles and names


def find_titles(text: str, span: Span) -> list[Title]:
    g = grammar()
    titles: list[Title] = []
    for m in g.role.finditer(text, span.start, span.end):
        if regex.search(r"(?i)(?:Ban|Văn phòng|Hội đồng|Ban)\s*$", text[max(span.start, m.start() - 12) : m.start()]):
            continue
        title = Title(m.start(), m.end(), canonical_role(m), None)
        sp = _SPACE.match(text, m.end(), span.end)
        org = read_org(text, sp.end(), span.end) if sp else None
        if org and org.end > org.start:
            title.org_start, title.org_end = org.start, org.end
            title.organization = _org_text(text, org.start, org.end)
            title.coordinated = list(org.extra)
            title.end = org.extra[-1][1] if org.extra else org.end
        title.name_after = org.name_start if org else None
        titles.append(title)
    return titles


def _org_text(text: str, start: int, end: int) -> str:
    raw = text[start:end]
    head = grammar().org_fixed.match(raw) or grammar().org_open.match(raw)
    if head:
        return canonical_org_head(head.group(0)) + raw[head.end():]
    return raw


def find_names(text: str, span: Span, titles: list[Title]) -> list[NameMention]:
    g = grammar()
    names: dict[int, NameMention] = {}
    for m in g.honorific.finditer(text, span.start, span.end):
        sp = _SPACE.match(text, m.end(), span.end)
        if not sp:
            continue
        run = _cap_words(text, sp.end(), span.end)[:4]
        if not run:
            continue
        if len(run) >= 2 and not is_name_start(run[0][2]) and split_place_and_name([w for *_, w in run]) != 0:
            run = run[:1] if len(run) == 1 else run
        names[run[0][0]] = NameMention(run[0][0], run[-1][1], text[run[0][0] : run[-1][1]], _honorific(m.group("h")))
    for title in titles:
        start = title.name_after
        if start is None:
            sp = _SPACE.match(text, title.end, span.end)
            if not sp or not text[sp.end() : sp.end() + 1].isupper():
                continue
            start = sp.end()
        if start in names:
            continue
        run = _cap_words(text, start, span.end)[:4]
        if run and (is_name_start(run[0][2]) or len(run) == 1):
            names[start] = NameMention(start, run[-1][1], text[start : run[-1][1]])
    return sorted(names.values(), key=lambda n: n.start)


def _honorific(raw: str) -> str:
    lex = lexicons().honorifics
    return next((h for h in lex if h.lower() == raw.lower()), raw)


def link(text: str, span: Span, titles: list[Title], names: list[NameMention]) -> list[NameMention]:
    """Attach title chains to the names they stand before or after."""
    by_end = {t.end: t for t in titles}
    used: set[int] = set()
    for name in names:
        # titles before the name: "Phó Chủ tịch UBND tỉnh Bình Dương Trần Thanh Liêm"
        chain: list[Title] = []
        pos = name.start
        while True:
            before = text[span.start : pos]
            gap = regex.search(r"(?:\s*(?:,|–|-|kiêm)\s*|\s+)$", before) if chain else regex.search(r"\s+$", before)
            if not gap:
                break
            t = by_end.get(span.start + gap.start())
            if t is None or id(t) in used:
                break
            chain.insert(0, t)
            used.add(id(t))
            pos = t.start
        # honorific-less "Name, Title" or "Name – Title – Title" after the name
        pos = name.end
        starts = {t.start: t for t in titles}
        names_at = {n.start for n in names}
        while True:
            sep = _SEP.match(text, pos, span.end) if text[pos : pos + 1] in ",–- (" else None
            if not sep or sep.end() == pos:
                break
            t = starts.get(sep.end())
            if t is None or id(t) in used:
                break
            after = _SPACE.match(text, t.end, span.end)
            if after and after.end() in names_at:
                break  # that title introduces the next person
            chain.append(t)
            used.add(id(t))
            pos = t.end
        name.titles = chain
    return names
