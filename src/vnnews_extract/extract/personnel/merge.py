"""One article's people and events, merged across sentences, then built into records once.

People: one per full name (short mentions resolved), titles of all mentions merged with the
posts their events give them, organisation keys completed from the article's place. Events: a
post missing from a candidate comes from the person's earlier event or the post they hold
elsewhere; duplicates fold into one; an event with no decider takes the article's ceremony host.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from ...model import Document, Span
from ...records import Evidence, Part, Person, PersonnelEvent, Position
from ..rules import Fired, Rule, declare
from .events import (
    ACTOR_CLAUSE_SUBJECT, ACTOR_GROUP_SUBJECT, ACTOR_SUBJECT_TITLE, ACTOR_TITLE, COUNTED_GROUP, LOSS, MOVES, NAME_GIVEN, PERSON_ACTORS, SANCTION_FORM, Candidate,
    UNNAMED, UNNAMED_SUBJECT, Sentence, body_after_of, carries_decision, cue_regex, cue_words, events_in, full_names, is_charge, joined_verbs, lost_role, mentions,
    previous_decider, published_dates, resolve_name, written_full_names,
)
from .grammar import descriptive_role, looks_foreign
from .names import TITLE_CUE, NameMention, Title
from .org_context import article_places, completed_organisation
from .orgs import org_key, org_text

ROLE_EARLIER_EVENT = declare("personnel.role.earlier_event", "PersonnelEvent.role",
    "an event with no post takes the post of the person's earlier event: 'được bầu …; đã được Thủ tướng phê chuẩn'")
ROLE_HELD_ELSEWHERE = declare("personnel.role.held_elsewhere", "PersonnelEvent.role", "a loss event takes the post the article gives the person elsewhere")
ACTOR_CEREMONY = declare("personnel.actor.ceremony", "PersonnelEvent.actor",
    "an event with no decider takes the person who hands the decisions over at the article's ceremony")
TITLE_EVENT_POST = declare("people.title.event_post", "Position", "a post a person gains or loses in an event of the article is one of their titles")
TITLE_BODY_AFTER_OF = declare("people.title.body_after_of", "Position",
    "a post written with no body, then ('mới'/'đầu tiên' and) 'của', 'tại' or 'thuộc' (grammar class post_of) and a body or a "
    "capitalised name that is no person or title, is of that body, read as personnel.organization.after_of reads it: "
    "'Anna Berg, CEO của Nordlight Ltd.', 'Omar Haddad, Giám đốc điều hành tại Falcon Capital'; not 'cố vấn của "
    "Tổng thống X', and after 'tại'/'thuộc' not a place alone ('Giám đốc điều hành tại Việt Nam')")
TITLE_CAREER_STEP = declare("people.title.career_step", "Position", "a post of a career told step by step with years, before the latest step: 'nguyên …'")
SENTENCE_PERSON = declare("personnel.event.sentence_person", "PersonnelEvent",
    "an event with no person of its own, whose verb is the verb of, or joined to, or of the same type as the events of one named "
    "person in its sentence, is that person's: 'điều động, bổ nhiệm ông X, … làm Thứ trưởng …', 'cách chức … đối với ông X (cách cả các chức vụ: A, B)'")
ACTOR_TITLE_HOLDER = declare("personnel.actor.title_holder", "PersonnelEvent.actor",
    "a deciding title with its body that the article gives one named person is that person: 'Giám đốc Sở Y tế quyết định …' "
    "with 'ông X, Giám đốc Sở Y tế tỉnh …' elsewhere -> X")
ACTOR_BARE_TITLE_HOLDER = declare("personnel.actor.bare_title_holder", "PersonnelEvent.actor",
    "a deciding title written without its body, or with only the body after it ('Tổng thống', 'Tổng thống Hàn Quốc'), that "
    "the article gives one named person with a body (that body, when written) is that person: 'Tổng thống đã bổ nhiệm ông "
    "X' with 'Tổng thống Hàn Quốc Moon Jae-in' elsewhere -> Moon Jae-in; two holders of the role, none")
TITLE_SAME_POST = declare("people.title.same_post", "Position",
    "one post written two ways is one title, kept in its fullest form: a role abbreviated ('PGĐ', 'Phó GĐ' = 'Phó Giám đốc'), "
    "a body by its own name ('Vinaconex' = 'Tổng công ty Vinaconex'); a post written both as held and as 'nguyên …' of one body is the former post")
TITLE_SAME_POST_BARE = declare("people.title.same_post_bare", "Position",
    "a post written without its body and the same post written as 'nguyên …' (with its body, or without one either) are "
    "one former post: 'Phó chánh thanh tra Dương Minh Tâm' with '…, nguyên Phó Chánh thanh tra Sở GTVT' is the former post")
TITLE_SAME_BODY_SPELLED = declare("people.title.same_body_spelled", "Position",
    "one post whose body is written two ways, one with its place's level word or 'và' and one without, or with tone marks "
    "or punctuation apart ('UBND TP Hà Nội' = 'UBND Hà Nội', 'Bộ Kế hoạch đầu tư' = 'Bộ Kế hoạch và Đầu tư', 'Bộ Y tê' = "
    "'Bộ Y tế'), is one title, with the fuller body; not two levels ('UBND tỉnh X' is not 'UBND thành phố X')")
TITLE_SAME_BODY_ALIAS = declare("people.title.same_body_alias", "Position",
    "one post whose body is written by its name and by the short name the article gives it in brackets right after the name "
    "('Cục Điều tra Liên bang (FBI)', then 'Giám đốc FBI') is one title, with the body's name; written both as held and as "
    "'nguyên …', the former post")
UNNAMED_HOLDER = declare("personnel.event.unnamed_holder", "PersonnelEvent",
    "a post lost with no name ('Phó Bí thư xã X bị kỷ luật', a headline: dismissal, discipline, arrest, resignation, retirement) "
    "is lost by the one person the article names with that post (role equal, body the same or unstated): the event folds into "
    "that person's event of its type and post, else takes the person (a post gained is not: its holder named is the predecessor)")
ACTOR_SAME_SENTENCE = declare("personnel.actor.same_sentence", "PersonnelEvent.actor",
    "an event with no decider takes the one decider of the same person's events of its type in its sentence: 'Ban Bí thư "
    "kỷ luật cách chức Ủy viên Ban Thường vụ Tỉnh ủy đối với ông X (bao gồm cách chức cả các chức vụ: A, B)'")
ORG_HELD_ELSEWHERE = declare("personnel.organization.held_elsewhere", "PersonnelEvent.organization",
    "an event's post written with no body takes the one body the article writes with that role for the person elsewhere: "
    "'… nguyên TGĐ Lê Bạch Hồng bị bắt' with 'ông Lê Bạch Hồng, Tổng Giám đốc BHXH Việt Nam' elsewhere")
ORG_GENERIC_BODY = declare("personnel.organization.generic_body", "PersonnelEvent.organization",
                           "a post followed by a bare body noun ('Phó giám đốc bệnh viện', 'Chủ tịch ngân hàng này') and no body:"
                           " the one body of that kind the article names")
ORG_COUNTRY = declare("personnel.organization.country_after", "PersonnelEvent.organization",
                      "a post with no body followed by a country and no name ('đắc cử Tổng thống Pháp.'), or by 'của nước này': the country"
                      " (for 'nước này', the one country its sentence names before it)")
UNNAMED_SAME_EVENT = declare("personnel.event.unnamed_same_event", "PersonnelEvent",
    "an event with a post but no named person ('Khởi tố giám đốc công ty đa cấp Thăng Long', a headline) is the one event of its type "
    "and role that the article tells of a named person, when their bodies share a word of their own name ('Thăng Long') or one "
    "extends the other: it is that person's event, told twice")
SHORT_WRITTEN_FULL = declare("people.name.short_written_full", "Person",
    "a one-word foreign mention resolved to the one full name of the article that ends with it, written bare where no rule "
    "reads a person ('bà Avakian' with 'Stephanie Avakian và Steven Peikin' in a list), or that starts with it ('ông Moon', "
    "'Moon Jae-in'); two full names sharing the word ('Donald Trump', 'Ivanka Trump') resolve it to neither")
SHORT_MENTION = declare("people.name.short_mention", "Person", "a short mention ('ông Thăng', 'Chủ tịch Chung') resolved to the one full name ending with it")


@dataclass
class _Builder:
    name: str
    honorific: str | None
    titles: list[Position] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    dated: list[tuple[int, str, str | None]] = field(default_factory=list)  # (year, role, org key) of career steps
    terms: list[tuple[int, str, str | None]] = field(default_factory=list)  # (last year of its term, role, org key) of a dated step


def extract_personnel(doc: Document) -> tuple[list[Person], list[PersonnelEvent]]:
    """People and personnel events of one article, from one pass of mention finding."""
    sentences = mentions(doc)
    full = full_names(sentences)
    full += written_full_names(doc.text, sentences, full)
    raw = [c for i, s in enumerate(sentences) for c in events_in(doc.text, s, sentences[i + 1] if i + 1 < len(sentences) else None)]
    for c in raw:
        c.name = _full_name(c.person.name, full) if c.person else None
        if c.actor is not None and c.parts["actor"].rule in PERSON_ACTORS:
            c.actor = resolve_name(c.actor, full)  # "Trump" -> "Donald Trump"
    raw = [c for c in raw if c.person is None or c.name is not None or c.organization is not None]  # a word, not a person
    published_dates(doc.text, raw, doc.published)
    _sentence_persons(doc.text, raw, {s.span: {f for n in s.names if (f := _full_name(n.name, full))} for s in sentences})
    _joined_actors(doc.text, raw)
    _sentence_actors(raw)
    _previous_deciders(doc.text, sentences, raw)
    _title_holders(sentences, full, raw)
    events = _earlier_posts(raw, _held_posts(sentences, full))
    people = _people(doc, sentences, full, events)
    events = _unnamed_holders(doc.text, sentences, full, events)
    _unnamed_same_events(events)
    events = _merge_events(_plain_posts_dropped(events))
    _held_bodies(sentences, full, events)  # after merging: a post written without its body folds into the one with it first
    _generic_bodies(doc.text, sentences, full, events)
    _country_bodies(doc.text, events)
    for c in events:
        if c.organization is None and c.own_body is not None:  # a club or company deciding a post of its own, read last
            c.organization, c.parts["organization"] = doc.text[c.own_body.start : c.own_body.end], c.own_body
    host = _ceremony_host(doc, sentences)
    for c in events:
        if c.actor is None and host is not None and resolve_name(host[0], full) != c.name:  # not the person the event is about
            c.actor, c.parts["actor"] = resolve_name(host[0], full), Fired(ACTOR_CEREMONY, *host[1])
    return people, [_event_record(doc, c) for c in events]


def _plain_posts_dropped(events: list[Candidate]) -> list[Candidate]:
    """An event of a post described in plain words ("được chọn làm người đứng đầu chính phủ", titles.tsv sense
    "descriptive") is dropped when its person has an event of the same type for another post."""
    formal = {(c.name, c.type) for c in events if c.name and c.role and not descriptive_role(c.role)}
    return [c for c in events if not (c.role and descriptive_role(c.role) and (c.name, c.type) in formal)]


def _sentence_persons(text: str, events: list[Candidate], named_in: dict[Span, set[str]]) -> None:
    """An event with no named person, in a sentence that names one person only, takes that person when the
    person's events there share its verb, a verb joined to it ("điều động, bổ nhiệm"), or its type."""
    for c in events:
        if c.name is not None or c.rule is COUNTED_GROUP or len(named_in.get(c.sentence, set())) != 1:  # no person, or a word read as one ("Ủy")
            continue
        named = [e for e in events if e.sentence == c.sentence and e.name is not None and e.person is not None
                 and (e.type == c.type or e.verb == c.verb or joined_verbs(text, e.verb, c.verb) or _disciplined(e, c))]
        if len({e.name for e in named}) != 1:
            continue
        source = named[0]
        c.person, c.name, c.rule = source.person, source.name, SENTENCE_PERSON
        c.parts["person"] = Fired(SENTENCE_PERSON, source.parts["person"].start, source.parts["person"].end)
        c.parts["verb"] = Fired(SENTENCE_PERSON, *c.verb)


def _disciplined(e: Candidate, c: Candidate) -> bool:
    """A removal that is a discipline's form, with no person of its own, is of the person disciplined in its
    sentence: "kỷ luật cảnh cáo đối với bà X và kỷ luật bằng hình thức cách chức Phó Chánh Văn phòng"."""
    return c.parts["verb"].rule is SANCTION_FORM and e.type == "discipline"


def _title_holders(sentences: list[Sentence], full: list[str], events: list[Candidate]) -> None:
    """An actor read as a title with its body ("Giám đốc Sở NN&PTNT Đắk Nông") becomes the one named person the
    article gives that post (role and body equal, the level word of its place aside: "… tỉnh Đắk Nông")."""
    titles = {(t.start, t.end): t for s in sentences for t in s.titles}
    holders: dict[tuple[str, str], set[str]] = {}
    for n in (n for s in sentences for n in s.names if n.name):
        for t in n.titles:
            if t.organization and not t.role.startswith("nguyên"):
                holders.setdefault(_post_key(t), set()).add(resolve_name(n.name, full))
    starting = {t.start: t for t in titles.values()}
    for c in events:
        part = c.parts.get("actor")
        title = titles.get((part.start, part.end)) if part is not None and part.rule in (ACTOR_TITLE, ACTOR_SUBJECT_TITLE) else None
        names = holders.get(_post_key(title), set()) if title is not None and title.organization else set()
        if len(names) == 1 and part is not None and c.name not in names:  # not the person the event is about
            c.actor, c.parts["actor"] = next(iter(names)), Fired(ACTOR_TITLE_HOLDER, part.start, part.end)
        elif part is not None and part.rule in (ACTOR_TITLE, ACTOR_SUBJECT_TITLE, ACTOR_CLAUSE_SUBJECT) and c.actor is not None:
            bare = starting.get(part.start)
            if bare is not None and bare.organization is None and bare.end <= part.end:
                named = _bare_title_holder(bare.role, c.actor[bare.end - part.start :], holders)
                if named is not None and named != c.name:
                    c.actor, c.parts["actor"] = named, Fired(ACTOR_BARE_TITLE_HOLDER, part.start, part.end)


def _bare_title_holder(role: str, rest: str, holders: dict[tuple[str, str], set[str]]) -> str | None:
    """The one named person the article gives ``role`` with a body, that body being ``rest`` when the actor writes one
    after the role ("Tổng thống Hàn Quốc" -> "Hàn Quốc"); None when no one or several hold it."""
    levels = lexicons().admin_levels
    body = " ".join(w for w in (org_key(rest.strip()) or "").split() if w not in levels)
    names = {n for (r, org), found in holders.items() if r == role.lower() and org and (not body or org == body) for n in found}
    return next(iter(names)) if len(names) == 1 else None


def _unnamed_holders(text: str, sentences: list[Sentence], full: list[str], events: list[Candidate]) -> list[Candidate]:
    """An unnamed post's event (UNNAMED_HOLDER) folds into the one named person's event of its type and post, or takes
    the one person the article gives that post; kept as it is when no one, or more than one, holds it."""
    holders: list[tuple[str, NameMention, str, str | None]] = [
        (resolve_name(n.name, full), n, t.role, t.organization) for s in sentences for n in s.names if n.name for t in n.titles]
    titles = [t.start for s in sentences for t in s.titles]
    out: list[Candidate] = []
    for c in events:
        if c.name is not None or c.rule not in (UNNAMED, UNNAMED_SUBJECT) or c.type not in LOSS or not _next_to_verb(text, c, titles):
            out.append(c)  # a post gained: the holder named is its predecessor; a post far from the verb: not its object
            continue
        found = {h[0]: h[1] for h in holders if _same_post(c, h[2], h[3]) and h[0] != c.actor}
        named = {e.name for e in events if e.name is not None and e.type == c.type and _same_post(c, e.role, e.organization)}
        if len(found | dict.fromkeys(named)) != 1 or any(_same_event(e, c) for e in events if e.name is not None):
            out.append(c)  # no one holds the post, or several do, or the named event takes it when events merge
        elif not named:
            name, mention = next(iter(found.items()))
            c.person, c.name, c.rule = mention, name, UNNAMED_HOLDER
            c.parts["person"] = Fired(UNNAMED_HOLDER, mention.start, mention.end)
            c.parts["verb"] = Fired(UNNAMED_HOLDER, *c.verb)
            out.append(c)
    return out


def _unnamed_same_events(events: list[Candidate]) -> None:
    """An unnamed post's event takes the person of the one named event of its type and role whose body is its own
    (UNNAMED_SAME_EVENT), and that event's body, so that the two fold into one when events merge."""
    for c in events:
        if c.name is not None or c.rule not in (UNNAMED, UNNAMED_SUBJECT) or not c.role:
            continue
        role = _role_key(c.role).removeprefix("nguyên ")
        named = [e for e in events if e.name is not None and e.person is not None and e.type == c.type and e.role
                 and _role_key(e.role).removeprefix("nguyên ") == role]
        if len({e.name for e in named}) != 1 or any(_same_event(e, c) for e in named):
            continue  # no one, or several, or the named event takes it anyway when events merge
        if not all(_same_body_words(c.organization, e.organization) for e in named):
            continue
        source = named[0]
        c.person, c.name, c.rule, c.role = source.person, source.name, UNNAMED_SAME_EVENT, source.role
        if c.actor == c.name:  # the person named in a caption is not who decides their own event
            c.actor = None
            c.parts.pop("actor", None)
        c.parts["person"] = Fired(UNNAMED_SAME_EVENT, source.parts["person"].start, source.parts["person"].end)
        c.parts["verb"] = Fired(UNNAMED_SAME_EVENT, *c.verb)
        if _bare_body(org_key(source.organization) or "") and "organization" in c.parts:  # "Cơ quan điều tra": the fuller body
            source.organization = c.organization
            source.parts["organization"] = Fired(UNNAMED_SAME_EVENT, c.parts["organization"].start, c.parts["organization"].end)
        else:  # the body as the named event writes it: the two fold into one
            c.organization = source.organization
            c.parts.pop("organization", None)
            if "organization" in source.parts:
                c.parts["organization"] = source.parts["organization"]


def _same_body_words(a: str | None, b: str | None) -> bool:
    """Two bodies of one post: one unstated, bare ("Cơ quan điều tra", "Bộ này") or extending the other, or both sharing a
    word of their own name past the heads of bodies and the level words ("công ty đa cấp Thăng Long", "Công ty TNHH
    nhượng quyền thương mại Thăng Long")."""
    x, y = org_key(a) or "", org_key(b) or ""
    if not x or not y or _same_body(x, y) or _bare_body(x) or _bare_body(y):
        return True
    generic = _generic_name_words()
    return bool((set(x.split()) - generic) & (set(y.split()) - generic))


def _bare_body(key: str) -> bool:
    """A body written by its head alone ("cơ quan điều tra", "sở") or pointed back to ("bộ này")."""
    words = key.split()
    return key in _generic_words()[1] or (len(words) > 1 and words[-1] in lexicons().grammar("demonstrative"))


@lru_cache(maxsize=1)
def _generic_name_words() -> frozenset[str]:
    """Words of the short heads of bodies ("công ty", "sở"), the level words and the function words: none names a body."""
    levels, heads = _generic_words()
    words = {w for form in levels | {h for h in heads if len(h.split()) <= 2} for w in form.split()}
    return frozenset(words | {w.lower() for w in lexicons().function_words})


_VERB_GAP = 30  # characters at most between the verb and the post it acts on ("kỷ luật cảnh cáo đối với Phó …")


def _next_to_verb(text: str, c: Candidate, titles: list[int]) -> bool:
    """The post is the verb's own: written right after it ("cách chức Cục trưởng …") or right before it ("Phó Bí thư xã X
    bị kỷ luật"), with no other title, quotation mark or copula between them ("Kỷ luật Phó Bí thư đánh Trưởng Công an xã")."""
    role = c.parts.get("role")
    if role is None or not c.role:
        return False
    end = max(role.end, c.parts["organization"].end if "organization" in c.parts else role.end)
    gap = (c.verb[1], role.start) if role.start >= c.verb[1] else (end, c.verb[0])
    return 0 <= gap[1] - gap[0] <= _VERB_GAP and not any(gap[0] <= t < gap[1] for t in titles) and not _gap_stop().search(text, *gap)


@lru_cache(maxsize=1)
def _gap_stop() -> regex.Pattern[str]:
    """A quotation mark, or a copula that describes someone by a post ("kỷ luật, nguyên là Bí thư tỉnh ủy"), between verb and post."""
    return regex.compile(rf'["“”]|(?<!\w)(?:{alternation(lexicons().grammar("copula"))})(?!\w)', regex.IGNORECASE)


def _same_post(c: Candidate, role: str | None, org: str | None) -> bool:
    """A post written two ways: the role equal ("nguyên" aside, abbreviations expanded), the bodies one extending or
    holding the other, or opening alike ("Văn phòng Tòa án tỉnh X" = "Văn phòng Tòa án nhân dân"), or one unstated."""
    if not role or not c.role or _role_key(role).removeprefix("nguyên ") != _role_key(c.role):
        return False
    a, b = ((org_key(o) or "").split() for o in (c.organization, org))  # level words kept: "Tỉnh ủy" is not "Thành ủy"
    if not a or not b:
        return True
    x, y = " " + " ".join(a) + " ", " " + " ".join(b) + " "
    return x in y or y in x or (len(a) > 2 and len(b) > 2 and a[:3] == b[:3])


def _post_key(t: Title) -> tuple[str, str]:
    levels = lexicons().admin_levels
    org = [w for w in (org_key(t.organization) or "").split() if w not in levels]
    return t.role.lower(), " ".join(org)


def _joined_actors(text: str, events: list[Candidate]) -> None:
    """Verbs written as one phrase ("Thủ tướng vừa điều động, bổ nhiệm ông X") share their decider."""
    for c in events:
        if c.actor is not None:
            continue
        source = next((e for e in events if e.actor is not None and e.sentence == c.sentence and e.name == c.name and joined_verbs(text, e.verb, c.verb)), None)
        if source is not None:
            c.actor, c.parts["actor"] = source.actor, source.parts["actor"]


def _by_sentence(events: list[Candidate]) -> dict[Span, list[Candidate]]:
    """The events of each sentence, in their order."""
    grouped: dict[Span, list[Candidate]] = {}
    for e in events:
        grouped.setdefault(e.sentence, []).append(e)
    return grouped


def _sentence_actors(events: list[Candidate]) -> None:
    """An event with no decider takes the decider of the same person's events of its type and another post in its sentence,
    when they name one (ACTOR_SAME_SENTENCE): one decision removing a person from several posts."""
    by_sentence = _by_sentence(events)
    for c in events:
        if c.actor is not None or c.name is None:
            continue
        sources = [e for e in by_sentence[c.sentence] if e.actor not in (None, c.name) and e.name == c.name and e.type == c.type
                   and (e.role, e.organization) != (c.role, c.organization)]  # the same post folds into it when events merge
        if len({e.actor for e in sources}) == 1:
            part = sources[0].parts["actor"]
            c.actor, c.parts["actor"] = sources[0].actor, Fired(ACTOR_SAME_SENTENCE, part.start, part.end)


def _previous_deciders(text: str, sentences: list[Sentence], events: list[Candidate]) -> None:
    """An event with no decider, detailing or told in the passive, takes the decider of the decision of its kind stated in
    the sentence right before (personnel.actor.previous_decision)."""
    index = {s.span: i for i, s in enumerate(sentences)}
    by_sentence = _by_sentence(events)
    read: dict[tuple[Span, str], list[tuple[str, Fired]]] = {}  # the deciders a sentence states, per kind of decision
    for c in events:
        i = index.get(c.sentence, 0)
        if c.actor is not None or i == 0 or c.rule is COUNTED_GROUP or not carries_decision(text, sentences[i], c.verb):
            continue
        prev = sentences[i - 1]
        found = previous_decider(text, (prev, by_sentence.get(prev.span, [])), c.type, c.name, read)
        if found is not None:
            c.actor, c.parts["actor"] = found


def _full_name(name: str, full: list[str]) -> str | None:
    """An event's person: the full name of the mention, or None for a given name alone that no
    full name of the article ends with (a foreign one-word name stays: "Obama")."""
    resolved = resolve_name(name, full)
    return resolved if len(resolved.split()) >= 2 or looks_foreign(resolved) else None


def _evidence(doc: Document, span: Span, start: int, end: int, rule: Rule) -> Evidence:
    return Evidence(
        start=start, end=end, text=doc.text[start:end], sentence=doc.text[span.start : span.end],
        sentence_start=span.start, rule=rule.name,
    )


def _position(doc: Document, span: Span, title: Title) -> Position:
    evidence = _evidence(doc, span, title.start, title.end, title.rule)
    return Position(role=title.role, organization=title.organization, organization_key=org_key(title.organization), evidence=evidence)


def _position_of(doc: Document, s: Sentence, title: Title) -> Position:
    """The position of a title; one written with no body takes the body after 'của', 'tại' or 'thuộc' (TITLE_BODY_AFTER_OF)."""
    of = body_after_of(doc.text, s, title, s.span.end, "post_of") if title.organization is None and not title.bare else None
    if of is None:
        return _position(doc, s.span, title)
    org = org_text(doc.text, *of)
    evidence = _evidence(doc, s.span, title.start, of[1], TITLE_BODY_AFTER_OF)
    return Position(role=title.role, organization=org, organization_key=org_key(org), evidence=evidence)


def _people(doc: Document, sentences: list[Sentence], full: list[str], events: list[Candidate]) -> list[Person]:
    people: dict[str, _Builder] = {}
    written = set(full) - set(full_names(sentences))  # the full names only written bare (written_full_names)
    for s in sentences:
        for n in s.names:
            name = resolve_name(n.name, full)
            if len(name.split()) < 2 and not looks_foreign(name):
                continue  # a given name alone ("Chủ tịch Chung") that no full name of the article ends with
            person = people.setdefault(name, _Builder(name, n.honorific))  # kept only if it ends with a title
            person.honorific = person.honorific or n.honorific
            for t in n.titles:
                position = _position_of(doc, s, t)
                _add_title(person, position)
                _date_step(doc.text, s.span, t, person)
            rule = SHORT_MENTION if name != n.name and n.name and n.rule is not NAME_GIVEN else n.rule
            if rule is SHORT_MENTION and (name in written or not name.endswith(" " + n.name)):
                rule = SHORT_WRITTEN_FULL
            person.evidence.append(_evidence(doc, s.span, n.start, n.end, rule))
    _add_gained_posts(doc, events, people)
    for person in people.values():
        _variant_bodies(doc.text, person)
    places = article_places(doc.text)
    return [_person_record(_aged(p), places) for p in people.values() if p.titles or _keeps_without_title(p.honorific)]


_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _date_step(text: str, sentence: Span, title: Title, person: _Builder) -> None:
    """A post given through a cue in a clause that dates it ("Tháng 6/2012, ông được … điều động giữ
    chức Bí thư Tỉnh ủy Sơn La") is a step of the person's career, with its year."""
    if not title.via_cue or title.role.startswith("nguyên "):
        return
    start = max(sentence.start, text.rfind(";", sentence.start, title.start) + 1)
    years = _YEAR.findall(text, start, title.start) or _YEAR.findall(text, title.end, min(sentence.end, title.end + 25))
    if years:
        person.dated.append((int(years[0]), title.role, org_key(title.organization)))
        term = _term_after().match(text, title.end, sentence.end)
        if term:
            person.terms.append((int(term.group("end")), title.role, org_key(title.organization)))


@lru_cache(maxsize=1)
def _term_after() -> regex.Pattern[str]:
    """A term written right after a post: " nhiệm kỳ 2015-2020", " (nhiệm kỳ 2016 - 2021)"; group "end" is its last year."""
    term = alternation(lexicons().grammar("term"))
    return regex.compile(rf"\s*\(?\s*(?:{term})\s+(?:19|20)\d{{2}}\s*[-–]\s*(?P<end>(?:19|20)\d{{2}})(?!\d)", regex.I)


def _aged(person: _Builder) -> _Builder:
    """Of a career told step by step with years, every post but those of the latest year is past:
    its role becomes "nguyên …" (TITLE_CAREER_STEP); not a post taken for a term that runs past the
    latest step ("trúng cử Ban Chấp hành … nhiệm kỳ 2015-2020", then a step in 2016)."""
    if len({year for year, _, _ in person.dated}) < 2:
        return person
    latest = max(year for year, _, _ in person.dated)
    past = {(_role_key(role), key) for year, role, key in person.dated if year < latest}
    current = {(_role_key(role), key) for year, role, key in person.dated if year == latest}
    current |= {(_role_key(role), key) for end, role, key in person.terms if end > latest}  # "trúng cử … nhiệm kỳ 2015-2020", then a 2016 step: held still
    for i, pos in enumerate(person.titles):
        key = (_role_key(pos.role), pos.organization_key)
        if key in past and key not in current:
            evidence = pos.evidence.model_copy(update={"rule": TITLE_CAREER_STEP.name}) if pos.evidence else None
            person.titles[i] = pos.model_copy(update={"role": "nguyên " + pos.role, "evidence": evidence})
    titles, person.titles = person.titles, []
    for pos in titles:  # a step now "nguyên …" may be a post the article also names as former
        _add_title(person, pos)
    return person


def _person_record(person: _Builder, places: dict[str, str]) -> Person:
    """Key a bare organisation ("UBND huyện") by its completed form ("ủy ban nhân dân huyện chợ đồn")
    when the article names one place of that level; the organisation stays as written. A post described in plain
    words ("người đứng đầu Chính phủ", titles.tsv sense "descriptive") is dropped when the person holds another."""
    titles = []
    held = [pos for pos in person.titles if not descriptive_role(pos.role)] or person.titles
    for pos in held:
        completed = completed_organisation(pos.organization, places)
        titles.append(pos.model_copy(update={"organization_key": org_key(completed)}) if completed else pos)
    return Person(name=person.name, honorific=person.honorific, titles=titles, evidence=person.evidence)


def _add_gained_posts(doc: Document, events: list[Candidate], people: dict[str, _Builder]) -> None:
    """A post a person gains, or loses, in an event of the article is one of their titles."""
    for e in events:
        person = people.get(e.name or "")
        if person is None or not e.role or (e.type in LOSS and _holds(person, e.role, e.organization)) or is_charge(e.role):
            continue
        where = e.parts.get("role") or e.parts["verb"]
        end = e.parts["organization"].end if "organization" in e.parts else where.end
        evidence = _evidence(doc, e.sentence, where.start, max(end, where.end), TITLE_EVENT_POST)
        role = "nguyên " + e.role if e.former else e.role  # "bắt nguyên Giám đốc …": a past post of the person
        _add_title(person, Position(role=role, organization=e.organization, organization_key=org_key(e.organization), evidence=evidence))
        if e.type not in LOSS:
            start = max(e.sentence.start, doc.text.rfind(";", e.sentence.start, e.verb[0]) + 1)
            years = _YEAR.findall(doc.text, start, e.verb[0]) or _YEAR.findall(doc.text, end, min(e.sentence.end, end + 25))  # "… vào tháng 5-2014"
            if years:
                person.dated.append((int(years[0]), e.role, org_key(e.organization)))


def _holds(person: _Builder, role: str, org: str | None = None) -> bool:
    """A post lost in an event is one of the person's titles unless they hold it already (or as "nguyên")."""
    key = _role_key(role)
    return any(_role_key(t.role) in (key, "nguyên " + key) and (t.organization or not org) for t in person.titles)


def _role_key(role: str) -> str:
    """A role with its abbreviations expanded, in lower case: "PGĐ", "Phó GĐ" and "Phó Giám đốc" are one role."""
    abbreviations = lexicons().abbreviations
    return " ".join(abbreviations.get(word, word) for word in role.split()).lower()


def _own_name(short: str, long: str) -> bool:
    """The short key is the long one's own name, written alone: "vinaconex" of "tổng công ty vinaconex"
    (or "… (vinaconex)"); not a generic body ("ủy ban nhân dân tỉnh x") nor a level with its place ("tỉnh x")."""
    if not (long.endswith(" " + short) or long.endswith("(" + short + ")")):
        return False
    levels, heads = _generic_words()
    return short.split()[0] not in levels and not any(short == head or short.startswith(head + " ") for head in heads)


@lru_cache(maxsize=1)
def _generic_words() -> tuple[frozenset[str], frozenset[str]]:
    """Administrative level words and the heads of bodies (organisations.tsv, as written and expanded), lower case."""
    levels = frozenset(form.lower() for form in lexicons().admin_levels)
    heads = frozenset(form.lower() for head, (_, key) in lexicons().organisations.items() for form in (head, key))
    return levels, heads


def _same_body(a: str, b: str) -> bool:
    """Two organisation keys of one body: one extends the other, or one is the other's own name."""
    return b.startswith(a) or a.startswith(b) or _own_name(a, b) or _own_name(b, a)


def _add_title(person: _Builder, pos: Position) -> None:
    """Merge a title into a person's: one entry per role and body, keeping the fullest organisation
    ("Sở Nội vụ" and "Sở Nội vụ tỉnh Hòa Bình", or a bare role, are the same post). A role written
    with abbreviations and a body by its own name are the same post too (TITLE_SAME_POST): the
    fuller form is kept. A post of one body written both as held and as "nguyên …" is the former post."""
    new_key = _role_key(pos.role)
    for i, old in enumerate(person.titles):
        old_key = _role_key(old.role)
        a, b = org_key(old.organization) or "", org_key(pos.organization) or ""  # "Sở GD&ĐT" = "Sở Giáo dục và Đào tạo"
        if old_key != new_key:
            if not a and "nguyên " + old_key == new_key and not _gained(old):
                person.titles[i] = _bare_former(pos)  # "Phó Chánh thanh tra" and "nguyên Phó Chánh thanh tra Sở X": one former post
                return
            if not b and "nguyên " + new_key == old_key and not _gained(pos):
                person.titles[i] = _bare_former(old)
                return
            if a and b and "nguyên " + old_key == new_key and _same_body(a, b):
                person.titles[i] = _former(pos, old, len(a) >= len(b))  # "Giám đốc Sở X" and "nguyên Giám đốc Sở X": one post, left
                return
            if a and b and "nguyên " + new_key == old_key and _same_body(a, b):
                person.titles[i] = _former(old, pos, len(b) >= len(a))
                return
            continue
        if a == b or not b or a.startswith(b) or _own_name(b, a):
            keep, other = old, pos
        elif not a or b.startswith(a) or _own_name(a, b):
            keep, other = pos, old
        else:
            continue
        role = max(keep.role, other.role, key=len)  # "Phó Giám đốc", not "PGĐ"
        same = old.role == pos.role and (a == b or not a or not b or a.startswith(b) or b.startswith(a))
        if same:
            person.titles[i] = keep
        else:
            evidence = keep.evidence.model_copy(update={"rule": TITLE_SAME_POST.name}) if keep.evidence else None
            person.titles[i] = keep.model_copy(update={"role": role, "evidence": evidence})
        return
    person.titles.append(pos)


def _variant_bodies(text: str, person: _Builder) -> None:
    """Two titles of one role whose bodies are one body written two ways are one title, with the fuller body: spelled apart
    (TITLE_SAME_BODY_SPELLED: "UBND TP Hà Nội", "UBND Hà Nội"), or a name and the short name the article writes in brackets
    right after it (TITLE_SAME_BODY_ALIAS: "Cục Điều tra Liên bang Mỹ (FBI)"; held and "nguyên …": the former post)."""
    titles = person.titles
    for i, long in enumerate(titles):
        for j, short in enumerate(titles):
            if i == j or not long.organization or not short.organization or (len(short.organization), i) >= (len(long.organization), j):
                continue
            rule = _variant_rule(text, long, short)
            if rule is None:
                continue
            evidence = long.evidence.model_copy(update={"rule": rule.name}) if long.evidence else None
            role = max(long.role, short.role, key=lambda r: (_role_key(r).startswith("nguyên "), len(r)))  # "nguyên …", then the fuller
            titles[i] = long.model_copy(update={"role": role, "evidence": evidence})
            del titles[j]
            _variant_bodies(text, person)
            return


def _variant_rule(text: str, long: Position, short: Position) -> Rule | None:
    a, b = _role_key(long.role), _role_key(short.role)
    if a == b and _spelled_alike(long.organization_key or "", short.organization_key or ""):
        return TITLE_SAME_BODY_SPELLED
    if a.removeprefix("nguyên ") == b.removeprefix("nguyên ") and _bracketed(text, long.organization or "", short.organization or ""):
        return TITLE_SAME_BODY_ALIAS
    return None


def _bracketed(text: str, name: str, short: str) -> bool:
    """The text writes ``short`` in brackets right after ``name``: "Cục Điều tra Liên bang Mỹ (FBI)"."""
    return regex.search(rf"(?<!\w){regex.escape(name)}\s*\(\s*{regex.escape(short)}\s*\)", text, regex.IGNORECASE) is not None


def _spelled_alike(a: str, b: str) -> bool:
    """Two organisation keys of one body spelled apart (TITLE_SAME_BODY_SPELLED): the same words once the level words before a
    place, the conjunction "và", punctuation and tone marks are set aside, and the level words of one all written in the other."""
    (words_a, levels_a), (words_b, levels_b) = _spelling(a), _spelling(b)
    return bool(words_a) and words_a == words_b and (levels_a <= levels_b or levels_b <= levels_a)


@lru_cache(maxsize=256)
def _spelling(key: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(the key's words without level words and "và", tone marks and "đ" folded; the levels its level words stand for)."""
    levels = _spelled_levels()
    words = regex.findall(r"\w+", key.lower())
    kept: list[str] = []
    found: set[str] = set()
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if pair in levels:
            found.add(levels[pair])
            i += 2
            continue
        if words[i] in levels:
            found.add(levels[words[i]])
        elif words[i] not in lexicons().grammar("and"):
            kept.append(_folded(words[i]))
        i += 1
    return tuple(kept), frozenset(found)


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).replace("đ", "d")


@lru_cache(maxsize=1)
def _spelled_levels() -> dict[str, str]:
    """Level words written before a place ("tỉnh", "thành phố", "TP"), lower case, with the level each stands for."""
    return {regex.sub(r"\W+", " ", form.lower()).strip(): level for form, (level, kind) in lexicons().admin_levels.items() if kind == "level"}


def _gained(pos: Position) -> bool:
    """A post read through a cue of a held or gained post, or from an event ("được bầu làm Chủ tịch"): it may be a new
    post of another body than the former one of the same role."""
    return pos.evidence is not None and pos.evidence.rule in (TITLE_EVENT_POST.name, TITLE_CUE.name)


def _bare_former(former: Position) -> Position:
    """The former post that a post written without its body is one with (TITLE_SAME_POST_BARE)."""
    if former.evidence is None:
        return former
    return former.model_copy(update={"evidence": former.evidence.model_copy(update={"rule": TITLE_SAME_POST_BARE.name})})


def _former(former: Position, current: Position, current_org: bool) -> Position:
    """The post written both as held and as "nguyên …" of one body: the former one, with the fuller body (TITLE_SAME_POST)."""
    update: dict[str, object] = {"organization": current.organization, "organization_key": current.organization_key} if current_org else {}
    if former.evidence:
        update["evidence"] = former.evidence.model_copy(update={"rule": TITLE_SAME_POST.name})
    return former.model_copy(update=update)


def _keeps_without_title(honorific: str | None) -> bool:
    if not honorific:
        return False
    kind = next((k for h, k in lexicons().honorifics.items() if h.lower() == honorific.lower()), "address")
    return kind in ("rank", "academic", "religious")


def _earlier_posts(events: list[Candidate], held: dict[str, Title]) -> list[Candidate]:
    """An event with a person but no post takes the post of that person's latest earlier event that
    has one; else an event that ends or punishes a post takes the post the article gives the person
    elsewhere ("…; khiển trách bà X" after "bà X, nguyên Giám đốc Sở Tài chính"); else it is dropped."""
    out: list[Candidate] = []
    for e in sorted(events, key=lambda e: e.verb[0]):
        if e.role is None and e.organization is None and e.rule is not COUNTED_GROUP:  # a counted group has no post
            earlier = [o for o in out if o.name == e.name and o.role]
            title = held.get(e.name or "") if e.type in LOSS else None
            if earlier:
                _copy_post(e, earlier[-1])
            elif title is not None:
                t = title
                e.role, e.organization = lost_role(t.role, e.type), t.organization
                e.parts["role"] = Fired(ROLE_HELD_ELSEWHERE, t.start, t.role_end if t.role_end >= 0 else t.end)
                if t.org_start is not None and t.org_end is not None:
                    e.parts["organization"] = Fired(ROLE_HELD_ELSEWHERE, t.org_start, t.org_end)
            elif e.type not in MOVES or e.name is None:
                continue
        out.append(e)
    return out


def _held_bodies(sentences: list[Sentence], full: list[str], events: list[Candidate]) -> None:
    """An event with a role and no body takes the body of the person's titles of that role elsewhere in the article, when
    they name one body (one written more fully than the others: "Sở Y tế" and "Sở Y tế tỉnh X" -> the latter), not a bare head ("Sở")."""
    bodies: dict[tuple[str, str], list[Title]] = {}
    for n in (n for s in sentences for n in s.names if n.name):
        for t in n.titles:
            if t.organization and t.org_start is not None and t.org_end is not None and (org_key(t.organization) or "") not in _generic_words()[1]:
                bodies.setdefault((resolve_name(n.name, full), _role_key(t.role).removeprefix("nguyên ")), []).append(t)
    for e in events:
        if e.organization or not e.role or e.name is None or is_charge(e.role):
            continue
        titles = [t for t in bodies.get((e.name, _role_key(e.role).removeprefix("nguyên ")), [])
                  if e.type in LOSS or not (t.role.startswith("nguyên") or t.past_term)]  # a post gained is not the one held before
        fullest = max(titles, key=lambda t: len(org_key(t.organization) or ""), default=None)
        if fullest is None or not all(_same_body(org_key(t.organization) or "", org_key(fullest.organization) or "") for t in titles):
            continue  # no body, or bodies of two posts of one role ("Bí thư Huyện ủy", "Bí thư Thành ủy")
        assert fullest.org_start is not None and fullest.org_end is not None
        e.organization, e.parts["organization"] = fullest.organization, Fired(ORG_HELD_ELSEWHERE, fullest.org_start, fullest.org_end)


@lru_cache(maxsize=1)
def _generic_body_re() -> regex.Pattern[str]:
    """Right after a post: a bare body noun in lower case (grammar class generic_body) as group "g", perhaps after
    "của" and before "này", with no name of its own after it (no capital word)."""
    return regex.compile(rf" (?:{alternation(lexicons().grammar('possessive'))} )?(?P<g>{alternation(lexicons().grammar('generic_body'))})"
                         rf"(?: {alternation(lexicons().grammar('demonstrative'))})?(?![\p{{L}}\d])(?! \p{{Lu}})")


def _generic_bodies(text: str, sentences: list[Sentence], full: list[str], events: list[Candidate]) -> None:
    """An event whose post is followed by a bare body noun ("kế toán trưởng công ty", "Chủ tịch ngân hàng này") and has
    no body takes the one body of that kind the article names in a title ("Giám đốc Công ty Tài chính X"), written most
    fully; none when its titles name two. A post gained is not one the person held before: their former bodies are left out."""
    bodies: dict[tuple[int, int], tuple[str, str | None]] = {}  # span -> (key, the holder whose former post it is)
    for s in sentences:
        for t in s.titles:
            if t.organization and t.org_start is not None and t.org_end is not None:
                bodies.setdefault((t.org_start, t.org_end), (org_key(t.organization) or "", None))
        for n in s.names:
            for t in n.titles:
                if t.organization and t.org_start is not None and t.org_end is not None and (t.role.startswith("nguyên") or t.past_term):
                    bodies[(t.org_start, t.org_end)] = (org_key(t.organization) or "", resolve_name(n.name, full))
    for e in events:
        role = e.parts.get("role")
        m = _generic_body_re().match(text, role.end) if e.organization is None and e.role and role is not None else None
        if m is None:
            continue
        head = (org_key(m.group("g")) or "") + " "
        keys = {span: key for span, (key, former) in bodies.items() if key.startswith(head) and (e.type in LOSS or former != e.name)}
        same = sorted(keys, key=lambda span: (-len(keys[span]), span))
        if same and all(_same_body(keys[span], keys[same[0]]) for span in same):
            e.organization = org_text(text, *same[0])
            e.parts["organization"] = Fired(ORG_GENERIC_BODY, *same[0])


@lru_cache(maxsize=1)
def _countries() -> str:
    return alternation([place for place, kind in lexicons().places.items() if kind == "country"])


@lru_cache(maxsize=1)
def _country_after_re() -> regex.Pattern[str]:
    """Right after a post: a country (places.tsv) with no name after it, as group "c"; or up to three lower-case words,
    "của" and "nước này" (grammar class country_anaphor), as group "a"."""
    anaphor = alternation(lexicons().grammar("country_anaphor"))
    return regex.compile(rf" (?:(?P<c>{_countries()})(?![\p{{L}}\d])(?! \p{{Lu}})"
                         rf"|(?:[\p{{Ll}}\d]+ ){{0,3}}?{alternation(lexicons().grammar('possessive'))} (?P<a>{anaphor})(?!\p{{L}}))")


COUNTRY_WINDOW = 400  # characters read back from "nước này" for its country (a sentence of a one-paragraph megabyte stays linear)


@lru_cache(maxsize=1)
def _country_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}\d]){_countries()}(?![\p{{L}}\d])")


def _country_bodies(text: str, events: list[Candidate]) -> None:
    """An event whose post has no body and is followed by a country ("đắc cử Tổng thống Pháp.") takes it; followed by
    "của nước này", it takes the one country written in its sentence before it ("Tổng thống Hàn Quốc … bổ nhiệm bà X làm
    Ngoại trưởng mới của nước này"); none when the sentence names two."""
    for e in events:
        role = e.parts.get("role")
        m = _country_after_re().match(text, role.end) if e.organization is None and e.role and role is not None else None
        if m is None:
            continue
        if m.group("c"):
            e.organization, e.parts["organization"] = m.group("c"), Fired(ORG_COUNTRY, m.start("c"), m.end("c"))
            continue
        named = list(_country_re().finditer(text, max(e.sentence.start, m.start("a") - COUNTRY_WINDOW), m.start("a")))
        if named and len({c.group(0) for c in named}) == 1:
            e.organization, e.parts["organization"] = named[-1].group(0), Fired(ORG_COUNTRY, named[-1].start(), named[-1].end())


def _copy_post(e: Candidate, source: Candidate) -> None:
    e.role, e.organization = source.role, source.organization
    for key in ("role", "organization"):
        if key in source.parts:
            e.parts[key] = Fired(ROLE_EARLIER_EVENT, source.parts[key].start, source.parts[key].end)


def _held_posts(sentences: list[Sentence], full: list[str]) -> dict[str, Title]:
    """Full name -> the first post the article gives the person in an apposition, else through a cue."""
    held: dict[str, Title] = {}
    told: dict[str, Title] = {}  # else a post given through a cue ("Minh là giám đốc Công ty …")
    for s in sentences:
        for n in s.names:
            name = resolve_name(n.name, full)
            titles = [t for t in n.titles if not t.via_cue or t.role.startswith("nguyên")]
            if titles:
                held.setdefault(name, titles[0])
            elif n.titles:
                told.setdefault(name, n.titles[0])
    return {**told, **held}


def _merge_events(events: list[Candidate]) -> list[Candidate]:
    """One event per (type, person, role, body): fullest organisation, first actor and date; an
    event without a person folds into a named one of the same type, role and body."""
    merged: list[Candidate] = []
    for e in sorted(events, key=lambda e: (e.name is None, e.verb[0])):
        old = next((m for m in merged if _same_event(m, e)), None)
        if old is None:
            merged.append(e)
            continue
        if e.organization and len(e.organization) > len(old.organization or "") and not _fuller_place(old.organization, e.organization):
            old.organization = e.organization
            old.parts["organization"] = e.parts["organization"]
        for key in ("actor", "date"):
            if getattr(e, key) is not None and (getattr(old, key) is None or (_fallback(old, key) and not _fallback(e, key))):
                setattr(old, key, getattr(e, key))
                old.parts[key] = e.parts[key]
    named = {e.type for e in merged if e.name is not None}  # "Cách chức hai cán bộ …" over the two named: no group of its own
    merged = [e for e in merged if e.rule is not COUNTED_GROUP or e.type not in named]
    posted = {(e.type, e.name, e.sentence) for e in merged if e.role or e.organization}
    merged = [e for e in merged if e.role or e.organization or (e.type, e.name, e.sentence) not in posted]  # the same move, its post read elsewhere
    return sorted(merged, key=lambda e: e.verb[0])


def _bare_level(org: str | None) -> bool:
    """An organisation ending in a level word with no place after it ("Hội Liên hiệp Phụ nữ tỉnh")."""
    last = (org or "").split()[-1:]
    return bool(last) and lexicons().admin_levels.get(last[0], ("", ""))[1] == "level"


def _fuller_place(kept: str | None, other: str) -> bool:
    """The organisation kept names its place ("Hội LHPN tỉnh Sơn La") where the longer one only writes the level
    ("Hội Liên hiệp Phụ nữ tỉnh"): the kept one stays."""
    return kept is not None and _bare_level(other) and not _bare_level(kept)


def _fallback(c: Candidate, key: str) -> bool:
    """A field read by a rule that only stands in when nothing better is read (a counted group's or a clause's bare subject)."""
    return key in c.parts and c.parts[key].rule in (ACTOR_GROUP_SUBJECT, ACTOR_CLAUSE_SUBJECT)


def _same_event(a: Candidate, b: Candidate) -> bool:
    if COUNTED_GROUP in (a.rule, b.rule):  # counted groups are one event per count told: "8 người bị …, 6 người bị …"
        return a.rule is b.rule and a.type == b.type and a.group == b.group
    same_person = a.name == b.name or b.name is None
    return a.type == b.type and a.role == b.role and same_person and _same_org(a, b)


def _same_org(a: Candidate, b: Candidate) -> bool:
    if not a.organization or not b.organization:
        return True
    x, y = org_key(a.organization) or "", org_key(b.organization) or ""  # "UBND tỉnh" = "Ủy ban nhân dân tỉnh"
    return x.startswith(y) or y.startswith(x) or x.endswith(" " + y) or y.endswith(" " + x)  # "Tổng công ty Vinaconex" = "Vinaconex"


def _ceremony_host(doc: Document, sentences: list[Sentence]) -> tuple[str, tuple[int, int]] | None:
    """The person who handed over the decisions at the ceremony, if the article names one."""
    handover = cue_regex("handover", False)
    ceremony = {w.lower() for w in cue_words("ceremony")}
    for s in sentences:
        for n in s.names:
            gap_start = max([n.end] + [t.end for t in n.titles if t.start >= n.end])
            nxt = min([m.start for m in s.names if m.start > n.end] + [s.span.end])
            m = handover.search(doc.text, gap_start, nxt)
            if m and m.start() - gap_start < 40 and any(doc.text[m.start() :].lower().startswith(w) for w in ceremony):
                return n.name, (n.start, n.end)
    return None


def _part(doc: Document, fired: Fired) -> Part:
    return Part(start=fired.start, end=fired.end, text=doc.text[fired.start : fired.end], rule=fired.rule.name)


def _event_record(doc: Document, c: Candidate) -> PersonnelEvent:
    """The record: its evidence spans the verb and the person, role and body read in its sentence."""
    inside = [p for k, p in c.parts.items() if k in ("verb", "person", "role", "organization", "group") and c.sentence.start <= p.start and p.end <= c.sentence.end]
    start, end = min(p.start for p in inside), max(p.end for p in inside)
    return PersonnelEvent(
        type=c.type,  # type: ignore[arg-type]
        person=c.name, role=c.role, organization=c.organization, actor=c.actor, date=c.date,
        evidence=_evidence(doc, c.sentence, start, end, c.rule),
        parts={k: _part(doc, p) for k, p in sorted(c.parts.items())},
    )
