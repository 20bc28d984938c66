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

from ...lexicons import alternation, lexicons
from ...model import Document, Span
from ...records import Evidence, Person, PersonnelEvent, Position
from .org_context import article_places, completed_organisation
from .mentions import NameMention, Title, _org_text, find_names, find_titles, link, read_org

# lower-case tails and descriptions between a person's appositions and the verb: "Phó Giám đốc bệnh viện –",
# "…, người có vi phạm nghiêm trọng, bị"
_APPOSITIONS = r"(?:\s+\p{Ll}[^,;–]{0,30}(?:,|\s[–-])|,\s+\p{Ll}[^,;]{0,100}(?=,)){0,2}"
_PASSIVE = regex.compile(_APPOSITIONS + r"(?i:[\s,–-]*(?:(?:đã|vừa|chính thức|cũng|tiếp tục|để) )*(?:được|bị)?\s*(?:(?:đã|vừa|thi hành|xử lý) )*\s*)$")
_PASSIVE_BY = regex.compile(_APPOSITIONS + r"(?i:[\s,–-]*(?:(?:đã|vừa|chính thức|cũng|tiếp tục) )*(?:được|bị)\s+)")
_DATED_OPENER = regex.compile(r"[^,;\d]{0,25}\d[^,;]{0,12},\s*")  # "Năm 2019, ", "Sáng 14/8, "
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
        names += _event_pronouns(doc.text, span, names, titles)
        out.append(_Sentence(span, titles, sorted(names, key=lambda n: n.start)))
    _resolve_pronouns(out)
    for s in out:
        _drop_proposed_posts(doc.text, s)
    return out


def _drop_proposed_posts(text: str, s: _Sentence) -> None:
    """A post named after a proposed or future verb ("được giới thiệu để HĐND tỉnh bầu giữ chức X",
    "đề nghị bổ nhiệm ông Y làm Z") is not held: it is no title of the person."""
    for v in _verb_pattern().finditer(text, s.span.start, s.span.end):
        if not _proposed(text, s, v):
            continue
        semi = text.find(";", v.end(), s.span.end)
        end = semi if semi >= 0 else s.span.end
        for n in s.names:
            n.titles = [t for t in n.titles if not (t.via_cue and v.end() <= t.start < end and not t.role.startswith("nguyên"))]


_PRONOUN = regex.compile(r"(?<![\p{L}])(?P<p>[ôÔ]ng|[bB]à)(?=\s+\p{Ll})(?!\s+(?:con|bà|ấy)(?![\p{L}]))")


def _event_pronouns(text: str, span: Span, names: list[NameMention], titles: list[Title]) -> list[NameMention]:
    """A pronoun that is the subject or object of a personnel verb ("Năm 2008, ông được bổ nhiệm …",
    "điều động ông về làm …"): a mention without a name, resolved to the person spoken of."""
    out: list[NameMention] = []
    taken = {n.start for n in names}
    for v in _verb_pattern().finditer(text, span.start, span.end):
        for p in _PRONOUN.finditer(text, max(span.start, v.start() - 40), min(span.end, v.end() + 20)):
            before = p.end() <= v.start() and _passive(text, p.end(), v.start(), titles)
            after = p.start() > v.end() and not text[v.end() : p.start()].strip()
            if (before or after) and p.start() not in taken:
                taken.add(p.start())
                out.append(NameMention(p.start(), p.end(), "", p.group("p").lower()))
    return out


def _resolve_pronouns(sentences: list[_Sentence]) -> None:
    """A pronoun ("Ông từng giữ chức …", "ông được bổ nhiệm") is the person last named before it, by a
    full name or by a short mention of one ("ông Khuê")."""
    full = _full_names(sentences)
    last: str | None = None
    for s in sentences:
        for n in s.names:
            if not n.name and last is not None:
                n.name = last
            elif n.name and len(_resolve_name(n.name, full).split()) >= 2:
                last = _resolve_name(n.name, full)
        s.names = [n for n in s.names if n.name]


@lru_cache(maxsize=8192)
def _org_key(org: str | None) -> str | None:
    """Normalised key of an organisation: abbreviations expanded, head expanded, lower case."""
    if not org:
        return None
    abbreviations = lexicons().abbreviations
    key = " ".join(abbreviations.get(word, word) for word in org.split()).lower()
    for head, expansion in _org_heads():
        if key.startswith(head + " ") or key == head:
            key = expansion + key[len(head) :]
            break
    return " ".join(key.split())


@lru_cache(maxsize=1)
def _org_heads() -> tuple[tuple[str, str], ...]:
    """(lower-case head, expansion), in lexicon order."""
    return tuple((head.lower(), expansion) for head, (_, expansion) in lexicons().organisations.items())


def _position(title: Title, text: str, org_span: tuple[int, int] | None = None) -> Position:
    org = title.organization
    if org_span is not None and org_span != (title.org_start, title.org_end):
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


def _full_names(sentences: list[_Sentence]) -> list[str]:
    return sorted({n.name for s in sentences for n in s.names if len(n.name.split()) >= 2})


def extract_personnel(doc: Document) -> tuple[list[Person], list[PersonnelEvent]]:
    """People and personnel events of one article, from one pass of mention finding."""
    sentences = _mentions(doc)
    full = _full_names(sentences)
    raw = _earlier_posts([e for s in sentences for e in _events_in(doc, s, full)], _held_posts(sentences, full))
    people = _people(doc, sentences, full, raw)
    _complete_keys(people, article_places(doc.text))
    events = _merge_events(raw)
    fallback = _article_actor(doc, sentences)
    for e in events:
        if e.actor is None:
            e.actor = fallback if fallback != e.person else None
    return people, events


def _complete_keys(people: list[Person], places: dict[str, str]) -> None:
    """Key a bare organisation ("UBND huyện") by its completed form ("ủy ban nhân dân huyện chợ đồn")
    when the article names one place of that level; the organisation stays as written."""
    for person in people:
        for pos in person.titles:
            completed = completed_organisation(pos.organization, places)
            if completed:
                pos.organization_key = _org_key(completed)


def _people(doc: Document, sentences: list[_Sentence], full: list[str], events: list[PersonnelEvent]) -> list[Person]:
    people: dict[str, Person] = {}
    for s in sentences:
        for n in s.names:
            name = _resolve_name(n.name, full)
            if len(name.split()) < 2:
                continue
            person = people.get(name)
            if person is None:  # kept only if it ends with a title (of a mention or an event)
                person = people[name] = Person(name=name, honorific=n.honorific)
            if person.honorific is None and n.honorific:
                person.honorific = n.honorific
            for t in n.titles:
                _add_title(person, _position(t, doc.text))
            person.evidence.append(_evidence(doc, s.span, n.start, n.end, "personnel.name"))
    _add_gained_posts(events, people)
    return [p for p in people.values() if p.titles or _keeps_without_title(p.honorific)]


def _add_gained_posts(events: list[PersonnelEvent], people: dict[str, Person]) -> None:
    """A post a person gains, or loses, in an event of the article is one of their titles."""
    for e in events:
        person = people.get(e.person or "")
        if person is None or not e.role or (e.type in _LOSS and _holds(person, e.role)) or _is_charge(e.role):
            continue
        _add_title(person, Position(role=e.role, organization=e.organization, organization_key=_org_key(e.organization)))


def _is_charge(role: str) -> bool:
    """"Phụ trách" (a charge given by "giao … phụ trách") is an event's role, not a title of the person."""
    return lexicons().event_cues.get(role.lower()) == "framed"


def _holds(person: Person, role: str) -> bool:
    """A post lost in an event is one of the person's titles unless they hold it already (or as "nguyên")."""
    return any(t.role in (role, "nguyên " + role) for t in person.titles)


def _add_title(person: Person, pos: Position) -> None:
    """Merge a title into a person's: one entry per role and body, keeping the fullest organisation
    ("Sở Nội vụ" and "Sở Nội vụ tỉnh Hòa Bình", or a bare role, are the same post)."""
    for i, old in enumerate(person.titles):
        if old.role != pos.role:
            continue
        a, b = _org_key(old.organization) or "", _org_key(pos.organization) or ""  # "Sở GD&ĐT" = "Sở Giáo dục và Đào tạo"
        if a == b or not b or a.startswith(b):
            return
        if not a or b.startswith(a):
            person.titles[i] = pos
            return
    person.titles.append(pos)


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


_LOSS = ("dismissal", "retirement", "discipline", "arrest", "resignation")
_ENDS_POST = ("dismissal", "retirement", "resignation")
_SELF = ("retirement", "resignation")  # the subject acts: "ông X gửi đơn xin từ chức"


@lru_cache(maxsize=16)
def _cue_regex(kind: str, anchored_end: bool, adjacent: bool = False) -> regex.Pattern[str]:
    """A cue of ``kind``: anywhere (``anchored_end`` false), or ending a window up to two words
    before what follows it, or right before it (``adjacent``)."""
    words = [w for w, k in lexicons().event_cues.items() if k == kind]
    tail = r"\s+$" if adjacent else r"[\s,]*(?:[^\s,;]+\s+){0,2}$" if anchored_end else r"\s+"
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(words)}){tail}")


def _owned(s: _Sentence) -> dict[tuple[int, int], tuple[NameMention, bool]]:
    """Title span -> (its person, linked through a cue)."""
    return {(t.start, t.end): (n, t.via_cue) for n in s.names for t in n.titles}


def _events_in(doc: Document, s: _Sentence, full: list[str]) -> Iterator[PersonnelEvent]:
    text = doc.text
    verbs = list(_verb_pattern().finditer(text, s.span.start, s.span.end))
    carried: tuple[int, list[NameMention]] = (-1, [])  # (clause end, persons) of the previous verb
    for i, v in enumerate(verbs):
        clause_end = _clause_end(text, s, verbs, i)
        etype = lexicons().personnel_verbs[" ".join(v.group("v").lower().split())]
        persons = _persons_for(text, s, v, clause_end, etype)
        if not persons and (v.start() < carried[0] or _continues(text, s, v)):
            persons = carried[1]  # "được điều động, chỉ định …", "điều động … và bổ nhiệm …", "…; đồng thời cho thôi …"
        carried = (clause_end, persons)
        if _not_an_event(text, s, v):
            continue
        for person, title, org_span in _per_person(text, s, v, clause_end, persons, etype):
            if person is None and (org_span is None or _generic(text, title)):
                continue  # policy talk: neither a person nor a body, or many posts at once
            yield _event(doc, s, v, etype, (person, title, org_span), full)


_CONNECTIVES = regex.compile(r"(?i)[\s,]*(?:(?:đồng thời|và|cũng|đã|vừa|sau đó|tiếp đó)[\s,]+)*")


def _continues(text: str, s: _Sentence, v: regex.Match[str]) -> bool:
    """A clause after ";" opened by the verb, or by connectives only ("; đồng thời cho thôi giữ chức …"),
    has no subject of its own: it continues the sentence's person and decider."""
    semi = text.rfind(";", s.span.start, v.start())
    return semi >= 0 and _CONNECTIVES.fullmatch(text, semi + 1, v.start()) is not None


def _not_an_event(text: str, s: _Sentence, v: regex.Match[str]) -> bool:
    """A proposal or policy talk ("đề nghị bổ nhiệm") or a back-reference ("Việc miễn nhiệm …"), or a
    framed verb without its frame ("phụ trách khối văn hóa" without "giao … ")."""
    if (_is_framed(v) and not _framed_in_clause(text, s, v)) or _proposed(text, s, v):
        return True
    return _cue_regex("reference", True, True).search(text, max(s.span.start, v.start() - 30), v.start()) is not None


def _proposed(text: str, s: _Sentence, v: regex.Match[str]) -> bool:
    """A proposal, plan or future nomination ("đề nghị bổ nhiệm", "giới thiệu … để HĐND tỉnh bầu")."""
    window = max(s.span.start, v.start() - 30)
    if _cue_regex("policy", True, True).search(text, window, v.start()) is not None:
        return True
    return _cue_regex("proposal", True).search(text, window, v.start()) is not None or _nominated(text, s, v)


@lru_cache(maxsize=1)
def _nomination() -> regex.Pattern[str]:
    cues = lexicons().event_cues
    nominate = alternation([w for w, k in cues.items() if k == "nomination"])
    purpose = alternation([w for w, k in cues.items() if k == "purpose"])
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{nominate})(?![\p{{L}}])"
                         rf"(?:[^;.]{{0,120}}?\s(?:{purpose})\s+(?:[^\s,;]+\s+){{0,5}}|[\s,]*(?:[^\s,;]+\s+){{0,2}})$")


def _nominated(text: str, s: _Sentence, v: regex.Match[str]) -> bool:
    """"giới thiệu ông X, …, để HĐND tỉnh bầu giữ chức …", "giới thiệu bầu …": a nomination for a vote still to come."""
    start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1, v.start() - 160)
    return _nomination().search(text, start, v.start()) is not None


@lru_cache(maxsize=1)
def _generic_after() -> regex.Pattern[str]:
    words = [w for w, k in lexicons().event_cues.items() if k == "generic"]
    return regex.compile(rf"(?i)\s+(?:{alternation(words)})(?![\p{{L}}])")


def _generic(text: str, t: Title) -> bool:
    """"bí thư đảng ủy nhiều xã", "loạt vụ trưởng": a quantifier before or after the post."""
    before = _cue_regex("generic", True, True).search(text, max(0, t.start - 15), t.start)
    return before is not None or _generic_after().match(text, t.end) is not None


def _is_framed(v: regex.Match[str]) -> bool:
    return lexicons().event_cues.get(" ".join(v.group("v").lower().split())) == "framed"


def _framed_in_clause(text: str, s: _Sentence, v: regex.Match[str]) -> bool:
    """"giao đồng chí X, Phó Trưởng ban, phụ trách …": the frame cue opens the verb's clause, within 120 characters."""
    start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1, v.start() - 120)
    return _cue_regex("frame", False).search(text, start, v.start()) is not None


def _charge(text: str, v: regex.Match[str], end: int) -> list[tuple[Title, tuple[int, int] | None]]:
    """"giao … phụ trách Ban Dân vận Tỉnh ủy": the verb is the role, the body after it the organisation."""
    org = read_org(text, v.end() + 1, end)
    if org is None or org.end <= org.start:
        return []
    role = v.group("v")[:1].upper() + " ".join(v.group("v").split())[1:]
    return [(Title(v.start(), org.end, role, _org_text(text, org.start, org.end), org.start, org.end), (org.start, org.end))]


def _event(doc: Document, s: _Sentence, v: regex.Match[str], etype: str, target: tuple[NameMention | None, Title, tuple[int, int] | None], full: list[str]) -> PersonnelEvent:
    text = doc.text
    person, title, org_span = target
    position = _position(title, text, org_span) if org_span else Position(role=title.role)
    role = _lost_role(position.role, etype) if position.role else None
    return PersonnelEvent(
        type=etype,  # type: ignore[arg-type]
        person=_resolve_name(person.name, full) if person else None,
        role=role, organization=position.organization, actor=_actor(text, s, v, person),
        date=_date(text[s.span.start : s.span.end], None),
        evidence=_evidence(doc, s.span, v.start(), v.end(), f"personnel.{etype}"),
    )


def _per_person(text: str, s: _Sentence, v: regex.Match[str], end: int, persons: list[NameMention], etype: str) -> Iterator[tuple[NameMention | None, Title, tuple[int, int] | None]]:
    """(person, title, body) of each position; a list of people each given a post after the verb
    ("bổ nhiệm ông A, bà B lần lượt giữ chức X, Y") gives one event per person."""
    others = [n for n in s.names if n not in persons and v.end() <= n.start < end
              and any(t.via_cue and v.end() <= t.start < end for t in n.titles)]
    for person in (persons or [None]) + others:
        targets = _targets(text, s, v, end, person, etype)
        if not targets and person is not None and (etype in _RATIFIES or etype in _LOSS):
            targets = [(Title(v.start(), v.start(), "", None), None)]  # the post comes from elsewhere in the article
        for title, org_span in targets:
            yield person, title, org_span


def _clause_end(text: str, s: _Sentence, verbs: list[regex.Match[str]], i: int) -> int:
    end = s.span.end
    semi = text.find(";", verbs[i].end(), end)
    if semi >= 0:
        end = semi
    for nxt in verbs[i + 1 :]:
        if nxt.start() < end and _separate(text, verbs[i].end(), nxt.start()) and _person_between(s, verbs[i].end(), nxt.start()):
            return nxt.start()
    return end


def _person_between(s: _Sentence, a: int, b: int) -> bool:
    return any(a <= n.start < b for n in s.names)


def _targets(text: str, s: _Sentence, v: regex.Match[str], end: int, person: NameMention | None, etype: str) -> list[tuple[Title, tuple[int, int] | None]]:
    """The positions gained or lost: (title, organisation span) pairs, one per coordinated body."""
    owned = _owned(s)
    after = [t for t in s.titles if v.end() <= t.start < end]
    mine = [t for t in (person.titles if person else []) if t.via_cue and v.end() <= t.start < end]
    free = [t for t in after if (t.start, t.end) not in owned and not _acts(text, t)]
    if _is_framed(v):
        return _charge(text, v, end)
    titles = mine or free or _framed(text, s, v, owned)
    if not titles and person is not None and etype in _LOSS:
        titles = [t for t in person.titles if not t.via_cue or t.role.startswith("nguyên")][:1] or person.titles[:1]
    if not titles and person is not None and etype in ("transfer", "rotation", "secondment"):
        return _destination(text, v, end)
    out: list[tuple[Title, tuple[int, int] | None]] = []
    for t in titles:
        orgs = [(t.org_start, t.org_end)] if t.org_start is not None else [None]
        out.extend((t, o) for o in orgs + list(t.coordinated))
    return out


def _framed(text: str, s: _Sentence, v: regex.Match[str], owned: dict[tuple[int, int], tuple[NameMention, bool]]) -> list[Title]:
    """"Ở chức danh phó chủ tịch HĐND huyện, các đại biểu đã bầu ông X": the post named by a frame
    opening the sentence before the verb."""
    frame = _cue_regex("post_frame", False, True)
    return [t for t in s.titles if t.end <= v.start() and (t.start, t.end) not in owned
            and frame.search(text, max(s.span.start, t.start - 25), t.start) is not None][:1]


def _acts(text: str, t: Title) -> bool:
    """A role right before a verb is who acts ("được Thủ tướng phê chuẩn"), not a post given."""
    return _verb_pattern().match(text, t.end + 1) is not None and text[t.end : t.end + 1] == " "


def _destination(text: str, v: regex.Match[str], end: int) -> list[tuple[Title, tuple[int, int] | None]]:
    """"điều động đến nhận công tác tại Ban Quản lý …": no role, the body gone to."""
    cue = _cue_regex("destination", False).search(text, v.end(), end)
    org = read_org(text, cue.end(), end) if cue else None
    if org is None or org.end <= org.start:
        return []
    return [(Title(org.start, org.end, "", None), (org.start, org.end))]


def _separate(text: str, a: int, b: int) -> bool:
    """Two verbs are separate clauses unless joined as "điều động, bổ nhiệm"."""
    return regex.fullmatch(r"\s*(?:,|và)\s*", text[a:b]) is None


def _persons_for(text: str, s: _Sentence, v: regex.Match[str], clause_end: int, etype: str) -> list[NameMention]:
    """Who the verb is about: the passive subject before it ("ông X, Giám đốc sở, được bổ nhiệm",
    "các bà A, B được bầu"), else the object after it ("bổ nhiệm ông X"), else for a verb of one's
    own (retirement, resignation) the subject before it ("ông X gửi đơn xin từ chức")."""
    clause_start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1)
    before = [n for n in s.names if clause_start <= n.start and n.end <= v.start()]
    if before:
        n = before[-1]
        ends = [n.end] + [t.end for t in n.titles if n.end <= t.end <= v.start() and not t.via_cue]
        if _passive(text, max(ends), v.start(), s.titles):
            return _with_group(s, n)
    owned = [(t.start, t.end) for t in s.titles]
    for n in s.names:  # "bổ nhiệm ông X giữ chức …", "cảnh cáo đối với ông X"
        if v.end() <= n.start < clause_end and not any(a <= n.start < b for a, b in owned) and not _replaced(text, s, n):
            return _with_group(s, n)
    return _with_group(s, before[-1]) if before and etype in _SELF else []


def _with_group(s: _Sentence, n: NameMention) -> list[NameMention]:
    """A person, or every member of the list they belong to ("các bà A, B và C")."""
    return [m for m in s.names if m.group == n.group] if n.group is not None else [n]


def _passive(text: str, start: int, verb: int, titles: list[Title]) -> bool:
    """The words between a person and a verb make the person its subject: nothing, an adverb, "được",
    an apposition's tail ("…, Phó Giám đốc sở, được"), or "được <body>" ("được HĐND tỉnh bầu") or
    "được <title>" ("đã được Thủ tướng phê chuẩn")."""
    gap = _PASSIVE.match(text, start, verb)
    if gap:
        return True
    by = _PASSIVE_BY.match(text, start, verb)
    if by is None:
        return False
    org = read_org(text, by.end(), verb)
    ends = ([org.end] if org is not None and org.end > org.start else []) + [t.end for t in titles if t.start == by.end()]
    return any(not text[end:verb].strip(" ,") for end in ends)


def _replaced(text: str, s: _Sentence, n: NameMention) -> bool:
    """"… thay ông X": the person replaced, not the one the verb is about."""
    return _cue_regex("replaced", True).search(text, max(s.span.start, n.start - 20), n.start) is not None


def _actor(text: str, s: _Sentence, v: regex.Match[str], person: NameMention | None) -> str | None:
    for n in reversed([n for n in s.names if n.end <= v.start() and n is not person]):
        gap_start = max([n.end] + [t.end for t in n.titles if t.end <= v.start()])
        gap = text[gap_start : v.start()]
        if _cue_regex("handover", False).search(gap + " ") and len(gap.split()) <= 14:
            return n.name
    return _body_actor(text, s, v) or _subject_body(text, s, v) or _acting_title(text, s, v)


def _acting_title(text: str, s: _Sentence, v: regex.Match[str]) -> str | None:
    """"đã được Thủ tướng phê chuẩn": a title with no name right before the verb decides."""
    owned = _owned(s)
    return next((text[t.start : t.end] for t in s.titles if t.end + 1 == v.start() and _acts(text, t) and (t.start, t.end) not in owned), None)


def _body_actor(text: str, s: _Sentence, v: regex.Match[str]) -> str | None:
    """"được Ban Thường vụ Tỉnh ủy điều động", "Quyết định của Ban Bí thư chỉ định": the body."""
    for cue in _cue_regex("body_actor", False).finditer(text, max(s.span.start, v.start() - 60), v.start()):
        org = read_org(text, cue.end(), v.start())
        if org is not None and org.end > org.start and org.name_start is None:
            return _org_text(text, org.start, org.end)
    return None


@lru_cache(maxsize=1)
def _subject_gap() -> regex.Pattern[str]:
    handover = [w for w, k in lexicons().event_cues.items() if k == "handover"]
    return regex.compile(rf"(?i)\s*(?:(?:đã|vừa|cũng|có|chính thức|thi hành|xử lý|{alternation(handover)})\s+)*$")


def _subject_body(text: str, s: _Sentence, v: regex.Match[str]) -> str | None:
    """"UBND tỉnh trao quyết định bổ nhiệm …", "Năm 2019, Ban Thường vụ Tỉnh ủy điều động …": the body
    that opens the clause and decides; for a clause with no subject of its own ("…; cách chức ông B"),
    the decider of the sentence's first clause."""
    if _continues(text, s, v):
        first = _verb_pattern().search(text, s.span.start, v.start())
        return _subject_body(text, s, first) if first is not None and first.start() < v.start() else None
    start = max(s.span.start, text.rfind(";", s.span.start, v.start()) + 1)
    start += len(text[start : v.start()]) - len(text[start : v.start()].lstrip())
    frame = _cue_regex("frame", False).search(text, start, v.start()) if _is_framed(v) else None
    stop = frame.start() if frame else v.start()  # "Sở Y tế đã có quyết định giao ông X … phụ trách …"
    dated = _DATED_OPENER.match(text, start, stop)
    org = read_org(text, dated.end() if dated else start, stop)
    if org is None or org.end <= org.start or org.name_start is not None:
        return None
    return _org_text(text, org.start, org.end) if _subject_gap().match(text, org.end, stop) else None


_RATIFIES = ("approval",)  # "Kết quả bầu đối với bà X đã được Thủ tướng phê chuẩn": the post of an earlier event


def _earlier_posts(events: list[PersonnelEvent], held: dict[str, Title]) -> list[PersonnelEvent]:
    """An event with a person but no post takes the post of that person's latest earlier event that
    has one; else an event that ends or punishes a post takes the post the article gives the person
    elsewhere ("…; khiển trách bà X" after "bà X, nguyên Giám đốc Sở Tài chính"); else it is dropped."""
    out: list[PersonnelEvent] = []
    for e in sorted(events, key=lambda e: e.evidence.start):
        if e.role is None and e.organization is None:
            earlier = [o for o in out if o.person == e.person and o.role]
            title = held.get(e.person or "") if e.type in _LOSS else None
            if earlier:
                e.role, e.organization = earlier[-1].role, earlier[-1].organization
            elif title is not None:
                e.role, e.organization = _lost_role(title.role, e.type), title.organization
            else:
                continue
        out.append(e)
    return out


def _held_posts(sentences: list[_Sentence], full: list[str]) -> dict[str, Title]:
    """Full name -> the first post the article gives the person in an apposition (not through a cue)."""
    held: dict[str, Title] = {}
    for s in sentences:
        for n in s.names:
            titles = [t for t in n.titles if not t.via_cue or t.role.startswith("nguyên")]
            if titles:
                held.setdefault(_resolve_name(n.name, full), titles[0])
    return held


def _lost_role(role: str, etype: str) -> str:
    """The post an event ends is the one held until now: "nguyên Giám đốc" -> "Giám đốc"."""
    return role[len("nguyên ") :] if etype in _ENDS_POST and role.startswith("nguyên ") else role


def _merge_events(events: list[PersonnelEvent]) -> list[PersonnelEvent]:
    """One event per (type, person, role, body): fullest organisation, first actor and date; an
    event without a person folds into a named one of the same type, role and body."""
    merged: list[PersonnelEvent] = []
    for e in sorted(events, key=lambda e: (e.person is None, e.evidence.start)):
        old = next((m for m in merged if _same_event(m, e)), None)
        if old is None:
            merged.append(e)
            continue
        if e.organization and len(e.organization) > len(old.organization or ""):
            old.organization = e.organization
        old.actor = old.actor or e.actor
        old.date = old.date or e.date
    return sorted(merged, key=lambda e: e.evidence.start)


def _same_event(a: PersonnelEvent, b: PersonnelEvent) -> bool:
    same_person = a.person == b.person or b.person is None
    return a.type == b.type and a.role == b.role and same_person and _same_org(a, b)


def _same_org(a: PersonnelEvent, b: PersonnelEvent) -> bool:
    if not a.organization or not b.organization:
        return True
    x, y = _org_key(a.organization) or "", _org_key(b.organization) or ""  # "UBND tỉnh" = "Ủy ban nhân dân tỉnh"
    return x.startswith(y) or y.startswith(x)


def _article_actor(doc: Document, sentences: list[_Sentence]) -> str | None:
    """The person who handed over the decisions at the ceremony, if the article names one."""
    handover = _cue_regex("handover", False)
    for s in sentences:
        for n in s.names:
            gap_start = max([n.end] + [t.end for t in n.titles if t.start >= n.end])
            nxt = min([m.start for m in s.names if m.start > n.end] + [s.span.end])
            m = handover.search(doc.text, gap_start, nxt)
            if m and m.start() - gap_start < 40 and regex.match(r"(?i)trao", doc.text[m.start() :]):
                return n.name
    return None
