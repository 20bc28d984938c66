"""People with their titles, and personnel events, for one article.

Mentions come from ``people.py`` sentence by sentence; here they are merged into one
``Person`` per name (short mentions such as "ông Thăng" or "Chủ tịch Chung" resolved to the
full name), and personnel events are read around the event verbs of ``personnel_verbs.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lexicons import alternation, lexicons
from ..model import Document, Span
from ..records import Evidence, Person, PersonnelEvent, Position
from . import register
from .people import NameMention, Title, find_names, find_titles, grammar, link

# Verbs whose mention is policy talk or a proposal, not a concrete event, when right before the verb.
_NOT_CONCRETE = regex.compile(
    r"(?i)(?:công tác|quy định|quy trình|quy hoạch|kế hoạch|chủ trương|đề nghị|kiến nghị|đề xuất|xem xét|"
    r"dự kiến|sẽ|giới thiệu(?: để)?|chuẩn bị|thủ tục|hồ sơ|tiêu chuẩn|điều kiện|việc|chưa|không|trước khi|"
    r"để|nhằm|chờ|về việc xử lý|xử lý)\s+(?:\S+\s+){0,1}$"
)
_HANDOVER = regex.compile(r"(?i)(?:trao|công bố|ký|trao quyết định|đã ký|quyết định|thừa ủy quyền|chủ trì)")
_PASSIVE = regex.compile(r"(?i)^[\s,]*(?:đã |vừa |chính thức |cũng )*(?:được|bị)?\s*(?:đã |vừa )?\s*$")
_DATE = regex.compile(r"(?i)ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


@lru_cache(maxsize=1)
def _verb_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?P<v>{alternation(lexicons().personnel_verbs)})(?![\p{{L}}])")


@dataclass
class _Sentence:
    span: Span
    titles: list[Title]
    names: list[NameMention]


def _mentions(doc: Document) -> list[_Sentence]:
    out = []
    for span in doc.sentences:
        titles = find_titles(doc.text, span)
        names = link(doc.text, span, titles, find_names(doc.text, span, titles))
        out.append(_Sentence(span, titles, names))
    _resolve_pronouns(out)
    return out


def _resolve_pronouns(sentences: list[_Sentence]) -> None:
    """A pronoun subject ("Ông từng giữ chức …") is the last person named with a full name before it."""
    last: NameMention | None = None
    for s in sentences:
        for n in s.names:
            if not n.name and last is not None:
                n.name = last.name
            elif len(n.name.split()) >= 2:
                last = n
        s.names = [n for n in s.names if n.name]


def _org_key(org: str | None) -> str | None:
    if not org:
        return None
    lex = lexicons()
    words = []
    for word in org.split():
        words.append(lex.abbreviations.get(word, word))
    key = " ".join(words).lower()
    for head, (_, expansion) in lex.organisations.items():
        if key.startswith(head.lower() + " ") or key == head.lower():
            key = expansion + key[len(head) :]
            break
    return " ".join(key.split())


def _position(title: Title, text: str, org_span: tuple[int, int] | None = None) -> Position:
    org = title.organization if org_span is None else text[org_span[0] : org_span[1]]
    from .people import _org_text

    if org_span is not None:
        org = _org_text(text, *org_span)
    return Position(role=title.role, organization=org, organization_key=_org_key(org))


def _evidence(doc: Document, span: Span, start: int, end: int, rule: str) -> Evidence:
    return Evidence(
        start=start, end=end, text=doc.text[start:end], sentence=doc.text[span.start : span.end],
        sentence_start=span.start, rule=rule,
    )


def _resolve_name(name: str, full_names: list[str]) -> str:
    """A short mention ("Thăng", "Lê Châu") -> the full name that ends with it, if unique."""
    if len(name.split()) >= 3 or name in full_names:
        return name
    matches = [f for f in full_names if f.endswith(" " + name.split()[-1]) and f != name]
    return matches[0] if len(set(matches)) == 1 else name


def extract_people(doc: Document, sentences: list[_Sentence] | None = None) -> list[Person]:
    sentences = sentences if sentences is not None else _mentions(doc)
    full = sorted({n.name for s in sentences for n in s.names if len(n.name.split()) >= 2})
    people: dict[str, Person] = {}
    for s in sentences:
        for n in s.names:
            name = _resolve_name(n.name, full)
            if len(name.split()) < 2:
                continue
            person = people.get(name)
            if person is None:
                if not n.titles and not _keeps_without_title(n.honorific):
                    continue
                person = people[name] = Person(name=name, honorific=n.honorific)
            if person.honorific is None and n.honorific:
                person.honorific = n.honorific
            for t in n.titles:
                pos = _position(t, doc.text)
                if not any(p.role == pos.role and p.organization == pos.organization for p in person.titles):
                    person.titles.append(pos)
            person.evidence.append(_evidence(doc, s.span, n.start, n.end, "personnel.name"))
    return [p for p in people.values() if p.titles or _keeps_without_title(p.honorific)]


def _keeps_without_title(honorific: str | None) -> bool:
    if not honorific:
        return False
    kind = next((k for h, k in lexicons().honorifics.items() if h.lower() == honorific.lower()), "address")
    return kind in ("rank", "academic", "religious")


def _date(sentence: str, published: str | None) -> str | None:
    m = _DATE.search(sentence)
    if not m:
        return None
    d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        from datetime import date

        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def _events_in(doc: Document, s: _Sentence, full: list[str]) -> Iterator[PersonnelEvent]:
    text = doc.text
    verbs = list(_verb_pattern().finditer(text, s.span.start, s.span.end))
    for i, v in enumerate(verbs):
        if _NOT_CONCRETE.search(text[max(s.span.start, v.start() - 40) : v.start()]):
            continue
        etype = lexicons().personnel_verbs[" ".join(v.group("v").lower().split())]
        clause_end = verbs[i + 1].start() if i + 1 < len(verbs) and _separate(text, v.end(), verbs[i + 1].start()) else s.span.end
        after_titles = [t for t in s.titles if v.end() <= t.start < clause_end]
        person = _person_for(text, s, v, clause_end, full)
        titles = after_titles[:1]
        if not titles and person is not None and etype in ("dismissal", "retirement", "discipline", "arrest", "resignation", "rotation", "transfer"):
            titles = person.titles[:1]
        if not titles:
            continue
        title = titles[0]
        actor = _actor(text, s, v, person)
        orgs = [(title.org_start, title.org_end)] if title.org_start is not None else [None]
        orgs += title.coordinated
        for org_span in orgs:
            position = _position(title, text, org_span) if org_span else Position(role=title.role)
            yield PersonnelEvent(
                type=etype,  # type: ignore[arg-type]
                person=_resolve_name(person.name, full) if person else None,
                role=position.role,
                organization=position.organization,
                actor=actor,
                date=_date(text[s.span.start : s.span.end], None),
                evidence=_evidence(doc, s.span, v.start(), v.end(), f"personnel.{etype}"),
            )


def _separate(text: str, a: int, b: int) -> bool:
    """Two verbs are separate clauses unless joined as "điều động, bổ nhiệm"."""
    return regex.fullmatch(r"\s*(?:,|và)\s*", text[a:b]) is None


def _person_for(text: str, s: _Sentence, v: regex.Match[str], clause_end: int, full: list[str]) -> NameMention | None:
    for n in s.names:  # "bổ nhiệm ông X giữ chức ..."
        if v.end() <= n.start < clause_end and regex.fullmatch(r"[\s,]*(?:\S+\s+){0,3}", text[v.end() : n.start] + " "):
            return n
    before = [n for n in s.names if n.end <= v.start()]
    if before:
        n = before[-1]
        gap = text[n.end : v.start()]
        if _PASSIVE.match(gap) or (n.titles and _PASSIVE.match(text[n.titles[-1].end : v.start()] if n.titles[-1].end <= v.start() else "x")):
            return n
    return None


def _actor(text: str, s: _Sentence, v: regex.Match[str], person: NameMention | None) -> str | None:
    for n in reversed([n for n in s.names if n.end <= v.start() and n is not person]):
        gap_start = max([n.end] + [t.end for t in n.titles if t.end <= v.start()])
        gap = text[gap_start : v.start()]
        if _HANDOVER.search(gap) and len(gap.split()) <= 14:
            return n.name
    return None


@register("personnel", name="people")
def people_rule(doc: Document) -> Iterator[Person]:
    yield from extract_people(doc)


@register("personnel", name="events")
def events_rule(doc: Document) -> Iterator[PersonnelEvent]:
    sentences = _mentions(doc)
    full = sorted({n.name for s in sentences for n in s.names if len(n.name.split()) >= 2})
    for s in sentences:
        yield from _events_in(doc, s, full)
