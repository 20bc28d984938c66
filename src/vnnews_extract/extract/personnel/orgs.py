"""Organisations: the body written after a role ("UBND tỉnh Bình Dương", "Sở Nội vụ tỉnh Lạng
Sơn"), where it ends (a person's name, a verb, a stop word), and its normalised key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from .grammar import (
    SPACE, canonical_org_head, cap_words, first_letter_either_case, grammar, is_acronym, is_name_start, looks_foreign, looks_like_name,
    split_place_and_name,
    starts_name, starts_role,
)


MAX_ORG_WORDS = 12


@lru_cache(maxsize=1)
def _and() -> regex.Pattern[str]:
    """"và" and the space after it ("… và Trung tâm B", "… và ông X")."""
    return regex.compile(rf"(?:{alternation(lexicons().grammar('and'))}) ")


@lru_cache(maxsize=1)
def _and_body() -> regex.Pattern[str]:
    """" và " before a capital: "Trung tâm A và Trung tâm B"."""
    return regex.compile(rf" {_and().pattern}(?=\p{{Lu}})")


_OPEN_GAP = regex.compile(r"\s[-–]\s(?=\p{Lu})| ")


_NUMBERED = regex.compile(r"\d+(?![\p{L}\p{N}]|[.,]\d)")  # "quận 2", "phường 6": a place named by its number


_ORG_WORD = regex.compile(r"[\p{L}\p{M}\p{N}&.'/]+(?:-[\p{L}\p{M}\p{N}&'/]+)*")  # "LĐ-TB&XH" is one word


@dataclass
class OrgRead:
    start: int
    end: int
    name_start: int | None = None  # a person's name right after the organisation
    extra: list[tuple[int, int]] = field(default_factory=list)  # coordinated organisations
    parent: bool = False  # runs on over the body it belongs to, written in brackets ("Phòng X (Công an tỉnh Y)")


@lru_cache(maxsize=1)
def _level() -> regex.Pattern[str]:
    """A level word written before a place ("huyện", "Tỉnh", "TP."), from admin_levels.tsv."""
    forms = [f for f, (_, kind) in lexicons().admin_levels.items() if kind == "level"]
    dotted = [f for f in forms if f.endswith(".")]
    plain = [f for f in forms if not f.endswith(".")]
    return regex.compile(
        rf"(?i:{alternation(dotted)})(?=\s)|(?i:{alternation(plain)})(?![\p{{L}}\p{{N}}]|\.[\p{{L}}\p{{N}}])"
    )


@lru_cache(maxsize=1)
def _scope() -> regex.Pattern[str]:
    """The scope of a body written after its fixed head, as one word of capital and lower-case syllables
    (grammar class body_scope: "Trung ương" in "Ủy ban Kiểm tra Trung ương", "Hội Nông dân Trung ương")."""
    return regex.compile(rf"(?:{alternation(lexicons().grammar('body_scope'))})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _ward_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lexicons().grammar('ward_level'))})\s+$")


def place_then_name(text: str, pos: int, end: int, *, two_word_names: bool = False, after_level: bool = False) -> tuple[int, int | None]:
    """Read a capitalised place at ``pos``; return (end of place, start of a name after it). With
    ``two_word_names`` (after a ministry, where no district follows) a surname and one given name
    is a person ("Bộ trưởng Công an Tô Lâm"); ``after_level`` (after "xã", "huyện" …) a run of one
    or two words is the place the level names ("xã Đồng Tâm"): a person would follow the place."""
    run = cap_words(text, pos, end)
    if not run:
        return pos, None
    if after_level and len(run) <= 2:
        return run[-1][1], None
    texts = [w for _, _, w in run]
    if two_word_names and len(texts) == 2 and starts_name(texts) and is_name_start(texts[0]) and " ".join(texts) not in lexicons().places:
        return pos, run[0][0]
    size = split_place_and_name(texts)
    if after_level and size == 0 and _ward_before().search(text, max(0, pos - 12), pos):
        return run[-1][1], None  # "UBND phường Nguyễn Thái Bình": a ward is written with its name, here one after a person
    place_end = run[size - 1][1] if size else pos
    return place_end, run[size][0] if size < len(run) else None


def _after_fixed(text: str, pos: int, end: int) -> tuple[int, int | None]:
    """Extend a fixed organisation head with further heads and a place."""
    g = grammar()
    while True:
        sp = SPACE.match(text, pos, end)
        if not sp:
            return pos, None
        nxt = g.org_fixed.match(text, sp.end(), end) or _scope().match(text, sp.end(), end)
        if nxt and text[sp.end()].isupper():
            pos = nxt.end()  # a further head, or the body's scope ("Ủy ban Kiểm tra Trung ương"), not a place "Trung"
            continue
        level = _level().match(text, sp.end(), end)
        if level:
            return _after_level(text, level.end(), end)
        parent = g.org_open.match(text, sp.end(), end)
        if parent and text[sp.end()].isupper():  # "Cơ quan An ninh điều tra Bộ Công an", "Đảng ủy Công ty X": the body it belongs to
            return after_open(text, parent.end(), end)
        if text[sp.end() : sp.end() + 1].isupper():
            place_end, name = place_then_name(text, sp.end(), end)
            return (place_end if place_end > sp.end() else pos), name
        return pos, None


@lru_cache(maxsize=1)
def _stop_compound() -> regex.Pattern[str]:
    """A noun holding a stop word (grammar class stop_compound: "đăng ký", "dự báo", "thi hành án"), at a word's start."""
    return regex.compile(rf"(?i)(?:{alternation(lexicons().grammar('stop_compound'))})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _verb_stop() -> regex.Pattern[str]:
    """A verb that ends a body's name (org_stops.tsv kind verb, and the personnel verbs), in any case."""
    verbs = [w for w, kind in lexicons().org_stops.items() if kind == "verb"]
    return regex.compile(rf"(?i)(?:{alternation([*verbs, *lexicons().personnel_verbs])})(?![\p{{L}}])")


_WORD_BEFORE = regex.compile(r"[\p{L}\p{M}]+ $")


@lru_cache(maxsize=1)
def _noun_compound() -> regex.Pattern[str]:
    """A noun holding a stop or level word that is never a verb or a place (grammar class noun_compound: "việc làm",
    "thư ký", "thiết bị", "xã hội"), in any case."""
    return regex.compile(rf"(?i)(?:{alternation(lexicons().grammar('noun_compound'))})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _head_before() -> regex.Pattern[str]:
    """An open head written right before (organisations.tsv kind open): "chi nhánh Văn phòng | đăng ký đất đai"."""
    heads = [h for h, (kind, _) in lexicons().organisations.items() if kind == "open"]
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(heads)}) $")


def _in_noun_compound(text: str, at: int, end: int) -> bool:
    """The word at ``at`` opens or closes a noun compound of a body's name (``people.org.noun_compound``): "Phòng
    Việc làm", "Ban Thư ký", "Phòng Công tác xã hội"."""
    if _noun_compound().match(text, at, end):
        return True
    before = _WORD_BEFORE.search(text, max(0, at - 12), at)
    found = _noun_compound().match(text, before.start(), end) if before is not None else None
    return found is not None and found.end() > at


def _stop_in_name(text: str, at: int, end: int, first: bool) -> bool:
    """A stop word at ``at`` that is part of a body's own name. Opening the name (``first``): a verb written with a
    capital, as verbs are not mid-sentence ("Chi cục Thi hành án", "Trung tâm Dự báo", "UB Kiểm tra"; a capital
    preposition or time word, or a verb further on, may open a sentence whose full stop is missing: "… TP Hà Nội Trong
    quá trình …", "… Công ty Luật Basico Thay vì …"), or a noun holding it ("Cục dự trữ liên bang", "Tòa án Tối cao").
    Further on, a noun holding it opened by a capital ("Văn phòng Đăng ký đất đai"); not a lower-case one, where a
    verb would stand ("Sở Y tế đăng ký …" is a clause)."""
    if first and (_stop_compound().match(text, at, end) or (text[at].isupper() and _verb_stop().match(text, at, end))):
        return True
    if _in_noun_compound(text, at, end):
        return True
    before = _WORD_BEFORE.search(text, max(0, at - 12), at)
    if before is None:
        return False
    found = _stop_compound().match(text, before.start(), end)
    if found is None or found.end() <= at:
        return False  # "chi nhánh Văn phòng đăng ký đất đai": a lower-case one opening an inner head's own name
    return text[before.start()].isupper() or _head_before().search(text, max(0, before.start() - 24), before.start()) is not None


def _open_name_ends(text: str, at: int, end: int, *, first: bool = False) -> bool:
    """The own name of an open head ends before a stop word (not one of its own name), a role, an honorific, or "và"
    + another body or person; ``first``: at the name's first word."""
    g = grammar()
    if (g.stop.match(text, at, end) and not _stop_in_name(text, at, end, first)) or (
        starts_role(text, at, end) and not (first and _in_noun_compound(text, at, end))
    ):
        return True  # a role word that opens the name as a noun compound is part of it: "Ban Thư ký", a body
    honorific = g.honorific.match(text, at, end)
    if honorific is not None:  # "… ông Nguyễn Văn A" ends the body; "Liên đoàn LS Việt Nam" does not
        run = cap_words(text, honorific.end() + 1, end)
        if run and starts_name([w for _, _, w in run]):
            return True
    joined = _and().match(text, at)
    if joined is None:
        return False
    if any(p.match(text, joined.end(), end) is not None for p in (g.org_open, g.org_fixed, g.role, g.honorific, g.stop)):
        return True  # "Ban VTV3 và là người dẫn …": a stop word after "và" opens the next clause, not the body's name
    following = [w for _, _, w in cap_words(text, joined.end(), end)]  # "Công ty TNHH Trâm Anh và Trần Văn Sơn": the next person
    return 2 <= len(following) <= 4 and looks_like_name(following, foreign=False)


@lru_cache(maxsize=1)
def _dashed_place() -> regex.Pattern[str]:
    """A province or city whose name is written with a dash (places.tsv: "Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế"),
    with any spacing around the dash, as a whole word."""
    forms = [f for f, kind in lexicons().places.items() if " - " in f and kind in ("province", "city")]
    spelt = "|".join(regex.escape(f).replace(r"\ \-\ ", r"\s*[-–]\s*").replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return regex.compile(rf"(?:{spelt})(?![\p{{L}}\p{{N}}])")


def dashed_place_at(text: str, pos: int, end: int) -> int | None:
    """The end of a province written with a dash that starts at ``pos`` ("Bà Rịa- Vũng Tàu"), if one does."""
    found = _dashed_place().match(text, pos, end)
    return found.end() if found is not None else None


def _after_level(text: str, pos: int, end: int) -> tuple[int, int | None]:
    """After a level word ("huyện"): the place it names, if capitalised, and a person's name after it; a province
    written with a dash is read whole ("tỉnh Thừa Thiên - Huế", not "tỉnh Thừa Thiên")."""
    sp = SPACE.match(text, pos, end)
    if sp and (dashed := dashed_place_at(text, sp.end(), end)) is not None:
        return dashed, None
    if sp and text[sp.end() : sp.end() + 1].isupper():
        place_end, name = place_then_name(text, sp.end(), end, after_level=True)
        return (place_end if place_end > sp.end() else pos), name
    number = _NUMBERED.match(text, sp.end(), end) if sp else None
    return (number.end(), None) if number else (pos, None)


@lru_cache(maxsize=1)
def _designation() -> regex.Pattern[str]:
    """A designation that names a body after a person, ending the words read (self_named_bodies.tsv);
    all-capital ones ("THCS", "MN") as written, the others in any case ("Tiểu học", "tiểu học")."""
    forms = list(lexicons().self_named_bodies)
    upper = [f for f in forms if f == f.upper()]
    other = [f for f in forms if f != f.upper()]
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(upper)}|(?i:{alternation(other)}))\s*$")


def _self_named(text: str, start: int, end: int) -> bool:
    """The words of a body's name read so far end with a designation after which a person's name is
    the body's own ("Trường THCS" + "Huỳnh Đình Túc")."""
    return _designation().search(text, start, end) is not None


def _person_after_own_name(texts: list[str]) -> int | None:
    """Where a person's name begins after a self-named body's own name in one capitalised run
    ("Chu Văn An Nguyễn Văn Hùng" -> 3), if the run holds both."""
    for size in (3, 2):
        if len(texts) - size >= 2 and looks_like_name(texts[-size:], foreign=False):
            return len(texts) - size
    return None


def _capital_run(text: str, where: tuple[int, int, int, int]) -> tuple[int, int | None, bool] | None:
    """A capitalised run at ``at`` after some words of an open body's name (read from ``pos`` to
    ``last``): (end of the body, start of a person's name, True) when the body ends there, (end of the
    run, None, False) when the run is the body's own name and reading goes on, None to read on word by word."""
    pos, last, at, end = where
    run = cap_words(text, at, end)
    head = next((i for i, (s, _, w) in enumerate(run) if i and is_acronym(w) and grammar().org_open.match(text, s, end)), None)
    if head is not None:
        run = run[:head]  # "Khoa Thần Kinh BV Bạch Mai": the unit's name ends at the head of the body it belongs to
    if not run:
        return None
    texts = [w for _, _, w in run]
    split = split_place_and_name(texts, foreign=False)  # a foreign word here names the body
    if split == 0 and len(texts) >= 2:
        if not _self_named(text, pos, last):
            return last, run[0][0], True
        person = _person_after_own_name(texts)  # "Trường THCS Huỳnh Đình Túc": the run is the school's name
        return (run[person - 1][1], run[person][0], True) if person is not None else (run[-1][1], None, False)
    if 0 < split < len(texts):
        place_end, name = place_then_name(text, at, end)
        return place_end, name, True
    if (size := _place_then_foreign(texts)) is not None:
        return run[size - 1][1], run[size][0], True  # "Bộ Ngoại giao Ấn Độ Gopal Baglay": a country, then a foreign person
    if " ".join(texts) in lexicons().places and _LOWER_WORD.match(text, run[-1][1], end) and not _level().match(text, run[-1][1] + 1, end):
        return run[-1][1], None, True  # "Sở Y tế Hòa Bình | xung quanh vụ việc": a province ends the body's name, but for a level ("… Việt Nam tỉnh")
    return None


def _place_then_foreign(texts: list[str]) -> int | None:
    """How many leading words of a capitalised run are a known place followed by a foreign full name of
    two or three words ("Ấn Độ Gopal Baglay"), or None."""
    places = lexicons().places
    for size in (3, 2, 1):
        rest = texts[size:]
        if " ".join(texts[:size]) in places and 2 <= len(rest) <= 3 and looks_foreign(rest[0]) and looks_like_name(rest):
            return size
    return None


def _open_name_starts(text: str, pos: int, end: int) -> bool:
    """A capitalised own name follows an open head at ``pos``."""
    sp = _OPEN_GAP.match(text, pos, end)
    return sp is not None and sp.end() < end and text[sp.end()].isupper() and not _open_name_ends(text, sp.end(), end, first=True)


@lru_cache(maxsize=1)
def _dashed() -> regex.Pattern[str]:
    """A portfolio written as two halves joined by a dash, the second in lower case (portfolios.tsv, kind dashed, and
    a ministry written with a dash, in any case): "Giáo dục - đào tạo", "Lao động - thương binh và xã hội"; any
    spacing around the dash."""
    forms = [f for f, kind in lexicons().portfolios.items() if kind == "dashed" or (kind == "ministry" and " - " in f)]
    spelt = "|".join(regex.escape(f).replace(r"\ \-\ ", r"\s*[-–]\s*").replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return regex.compile(rf"(?i:{spelt})(?![\p{{L}}\p{{N}}])")


def _inner_part(text: str, at: int, end: int, count: int) -> int | None:
    """The end of a part of an open head's name read whole at ``at``, after ``count`` words: a dashed portfolio
    first ("Sở Giáo dục - đào tạo": its lower-case second half), or another body's fixed head later ("Ban Quốc tế
    Trung ương Đoàn": a body's name holding another body)."""
    if count == 0:
        dashed = _dashed().match(text, at, end)
        return dashed.end() if dashed is not None else None
    inner = grammar().org_fixed.match(text, at, end)
    return inner.end() if inner is not None and text[at].isupper() else None


def after_open(text: str, pos: int, end: int) -> tuple[int, int | None]:
    """Read the own name of an open head ("Sở" + "Nội vụ tỉnh Lạng Sơn")."""
    count = 0
    last = pos
    while count < MAX_ORG_WORDS:
        sp = _OPEN_GAP.match(text, last, end)
        if not sp:
            break
        at = sp.end()
        if _open_name_ends(text, at, end, first=count == 0):
            break
        level = _level().match(text, at, end)
        if level and text[at].islower() and not _in_noun_compound(text, at, end):  # "Phòng Công tác xã hội" names no commune
            return _after_level(text, level.end(), end)
        inner = _inner_part(text, at, end, count)
        if inner is not None:
            last, count = inner, count + 1
            continue
        parent = grammar().org_open.match(text, at, end) if count >= 1 and text[at].isupper() and text[last:at] == " " else None
        if parent is not None and not grammar().honorific.match(text, at, end) and _open_name_starts(text, parent.end(), end):
            return after_open(text, parent.end(), end)  # "Khoa Thần kinh BV Bạch Mai": the body the unit belongs to, and its name
        step = _capital_run(text, (pos, last, at, end)) if text[at].isupper() and count >= 1 else None
        if step is not None and step[2]:
            return step[0], step[1]
        if step is not None:
            last, count = step[0], count + 1
            continue
        word = _ORG_WORD.match(text, at, end)
        if not word:
            break
        last = word.end() if not word.group(0).endswith(".") or word.group(0) in lexicons().abbreviations else word.end() - 1
        count += 1
    return last, None


def read_org(text: str, pos: int, end: int, *, lower: bool = False, level: bool = False) -> OrgRead | None:
    """The organisation starting at ``pos`` (after a role and one space), if any; with ``lower``
    an open head may be written in lower case ("cán bộ đội cảnh sát hình sự"); with ``level`` a
    lower-case level and its place are a body ("cán bộ địa chính xã Ea Rbin")."""
    g = grammar()
    fixed = g.org_fixed.match(text, pos, end)
    opened = (g.org_open_lower if lower else g.org_open).match(text, pos, end)
    if fixed and (not opened or fixed.end() >= opened.end()):
        org_end, name = _after_fixed(text, fixed.end(), end)
    elif opened:
        org_end, name = after_open(text, opened.end(), end)
    elif level and (lv := _level().match(text, pos, end)) is not None and (text[pos].islower() or capital_level(lv.group(0))):
        org_end, name = _after_level(text, lv.end(), end)  # "cán bộ địa chính xã Ea Rbin", "Chủ tịch TP Hội An": a place named by its level
        if org_end <= lv.end():
            return None
    else:
        return None
    if name is None and (topic := topic_end(text, pos, org_end, end)) is not None:
        org_end, name = topic
    result = bracketed_parent(text, with_parent(text, OrgRead(pos, org_end, name), end), end)
    name = result.name_start
    while name is None:
        coord = _and_body().match(text, result.end if not result.extra else result.extra[-1][1], end)
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


@lru_cache(maxsize=1)
def _topic_lead() -> regex.Pattern[str]:
    """The last words of a body's name that takes a subject after "về" (grammar class topic_lead), at the end searched."""
    g = lexicons().grammar
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(g('topic_lead'))})$")


@lru_cache(maxsize=1)
def _topic_start() -> regex.Pattern[str]:
    """" về " and a subject written with a comma inside it, if any (grammar class topic_compound: "phòng, chống")."""
    g = lexicons().grammar
    return regex.compile(rf" (?:{alternation(g('topic_about'))})(?: (?:{alternation(g('topic_compound'))})(?![\p{{L}}]))?")


_SPACE_LETTER = regex.compile(r" \p{L}")


def topic_end(text: str, start: int, org_end: int, end: int) -> tuple[int, int | None] | None:
    """``people.title.body_topic``: a body read from ``start`` to ``org_end`` whose name ends with words that take a
    subject after "về" (grammar class topic_lead) runs on over "về" and the subject, read as an open head's own name
    ("Cục Cảnh sát điều tra tội phạm về ma túy", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng"): (end of the
    subject, start of a person's name after it), or None when no subject follows."""
    lead = _topic_lead().search(text, max(start, org_end - 32), org_end)
    if lead is None:
        return None
    about = _topic_start().match(text, org_end, end)
    if about is None or _SPACE_LETTER.match(text, about.end(), end) is None:
        return None
    topic, name = after_open(text, about.end(), end)
    return (topic, name) if topic > about.end() else None


def ends_with_topic(text: str, start: int, org_end: int) -> bool:
    """A body's words hold a subject read by :func:`topic_end` ("… tội phạm về ma túy")."""
    return any(
        topic_end(text, start, about.start(), org_end) is not None for about in _topic_start().finditer(text, start, org_end)
    )


@lru_cache(maxsize=1)
def _capital_levels() -> frozenset[str]:
    """The level forms admin_levels.tsv writes in capitals ("TP", "TP."): abbreviations, written so in running text."""
    return frozenset(f for f, (_, kind) in lexicons().admin_levels.items() if kind == "level" and f.upper() == f)


def capital_level(written: str) -> bool:
    """A level word written as its capital abbreviation ("TP Hội An", "TP. Đà Nẵng"; ``people.title.capital_level``):
    after a role it opens the place the post belongs to, as a lower-case level does ("Chủ tịch tỉnh Đồng Nai")."""
    return written in _capital_levels()


def opens_capital_level(text: str, pos: int, end: int) -> bool:
    """A capital level abbreviation (:func:`capital_level`) is written at ``pos``."""
    found = _level().match(text, pos, end)
    return found is not None and capital_level(found.group(0))


@lru_cache(maxsize=1)
def _branch() -> regex.Pattern[str]:
    """" chi nhánh " (grammar class branch) before a capital or a level: the branch of the body written before it."""
    return regex.compile(rf" (?:{alternation(lexicons().grammar('branch'))}) (?=\p{{Lu}}|{_level().pattern})")


def branch_end(text: str, pos: int, end: int) -> tuple[int, int | None] | None:
    """``people.title.branch``: a body read up to ``pos`` and its branch written after it ("Agribank chi nhánh Gia
    Lai", "Ngân hàng Nhà nước chi nhánh tỉnh Bình Phước"): (end of the branch's place, start of a person's name after it),
    or None when no branch of a place follows."""
    found = _branch().match(text, pos, end)
    if found is None:
        return None
    level = _level().match(text, found.end(), end)
    if level is not None:
        place_end, name = _after_level(text, level.end(), end)
        return (place_end, name) if place_end > level.end() else None
    place_end, name = place_then_name(text, found.end(), end, after_level=True)  # "chi nhánh" names its place as a level does
    return (place_end, name) if place_end > found.end() else None


@lru_cache(maxsize=1)
def _sub_unit() -> regex.Pattern[str]:
    """The head of a unit inside a larger body ("Khoa", "Phòng", "Cơ quan CSĐT"), in either case (grammar class sub_unit)."""
    return regex.compile(rf"(?:{first_letter_either_case(lexicons().grammar('sub_unit'))})(?![\p{{L}}])")


_LOWER_WORD = regex.compile(r" \p{Ll}")


_COMMA_GAP = regex.compile(r",[ ]+(?=\p{Lu})")


def with_parent(text: str, read: OrgRead, end: int, head_at: int | None = None) -> OrgRead:
    """A sub-unit's body extended over the parent body written after a comma ("Khoa Vi phẫu Tạo hình,
    Bệnh viện Sài Gòn ITO", "Cơ quan CSĐT, Công an TP.HCM"); ``head_at``: where the sub-unit's head is
    written, when not at the start of ``read`` (a role fused with it: "Trưởng khoa")."""
    head = _sub_unit().match(text, read.start if head_at is None else head_at, end)
    gap = _COMMA_GAP.match(text, read.end, end) if head is not None and read.name_start is None and not read.extra else None
    if head is None or gap is None:
        return read
    g = grammar()
    same = _sub_unit().match(text, gap.end(), end)  # "Phòng A, Phòng B": a list of units, not a unit and its body
    if not (g.org_fixed.match(text, gap.end(), end) or g.org_open.match(text, gap.end(), end)) or (same and same.group(0).lower() == head.group(0).lower()):
        return read
    parent = read_org(text, gap.end(), end)
    if parent is None or parent.end <= gap.end():
        return read
    return OrgRead(read.start, parent.end, parent.name_start, list(parent.extra))


_BRACKET_GAP = regex.compile(r" ?\( ?(?=\p{Lu})")
_BRACKET_CLOSE = regex.compile(r" ?\)|,[ ]+[^,;()]{1,40}\)")  # "… huyện Kiến Thụy)", "… huyện Kiến Thụy, Hải Phòng)"


def bracketed_parent(text: str, read: OrgRead, end: int, head_at: int | None = None) -> OrgRead:
    """A unit inside a larger body (grammar class sub_unit: "Phòng", "Khoa", "Cục", "Vụ") extended over the body it
    belongs to, written in brackets right after it and filling them ("Phòng Trồng trọt (Sở Nông nghiệp và Phát triển
    nông thôn Hải Dương)", "Khoa Nhi (BV Đa khoa Tuyên Quang)"); a place after a comma inside the brackets is the
    parent's ("(Công an huyện Kiến Thụy, Hải Phòng)"). ``head_at`` as in :func:`with_parent`."""
    unit = read.name_start is None and not read.extra and read.end > read.start
    head = _sub_unit().match(text, read.start if head_at is None else head_at, end) if unit else None
    gap = _BRACKET_GAP.match(text, read.end, end) if head is not None else None
    if head is None or gap is None:
        return read
    g = grammar()
    same = _sub_unit().match(text, gap.end(), end)  # "Phòng an ninh nội bộ (Phòng PA03)": the unit's code, not its body
    if not (g.org_fixed.match(text, gap.end(), end) or g.org_open.match(text, gap.end(), end)) or (same and same.group(0).lower() == head.group(0).lower()):
        return read
    parent = read_org(text, gap.end(), end)
    close = _BRACKET_CLOSE.match(text, parent.end, end) if parent is not None and parent.end > gap.end() and parent.name_start is None else None
    if parent is None or close is None or parent.extra:
        return read
    return OrgRead(read.start, close.end(), None, [], parent=True)


def org_text(text: str, start: int, end: int) -> str:
    raw = text[start:end]
    head = grammar().org_fixed.match(raw) or grammar().org_open.match(raw)
    if head:
        return canonical_org_head(head.group(0)) + raw[head.end():]
    return raw


@lru_cache(maxsize=8192)
def org_key(org: str | None) -> str | None:
    """Normalised key of an organisation: abbreviations expanded, head expanded, lower case, a dash spaced.

    >>> org_key("Hội Hữu nghị Việt Nam-Cuba") == org_key("Hội Hữu nghị Việt Nam – Cuba") == "hội hữu nghị việt nam - cuba"
    True
    """
    if not org:
        return None
    abbreviations = lexicons().abbreviations
    key = " ".join(abbreviations.get(word, word) for word in org.replace(", ", " ").split()).lower()  # "Phòng X, Công an Y" is "Phòng X Công an Y"
    for head, expansion in _org_heads():
        if key.startswith(head + " ") or key == head:
            key = expansion + key[len(head) :]
            break
    return " ".join(_DASH.sub(" - ", key).split())  # "Việt Nam-Cuba", "Việt Nam – Cuba" and "Việt Nam - Cuba" are one name


_DASH = regex.compile(r"\s*[-–—]\s*(?=\S)(?<=\S\s*[-–—]\s*)")


@lru_cache(maxsize=1)
def _org_heads() -> tuple[tuple[str, str], ...]:
    """(lower-case head, expansion), in lexicon order."""
    return tuple((head.lower(), expansion) for head, (_, expansion) in lexicons().organisations.items())
