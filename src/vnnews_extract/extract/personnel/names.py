"""Mentions of officials in one sentence: names, honorifics, titles (role + organisation).

A small grammar over words, driven by lexicons:

  TITLE  = [nguyên|Quyền] [Phó] ROLE [Thường trực] [ORG]
  CHAIN  = TITLE ((, | – | - | kiêm | và) TITLE)*
  NAME   = SURNAME Capitalised{1,3}            (a place before it is split off with the gazetteer)
  mention patterns: CHAIN NAME | HONORIFIC NAME [SEP CHAIN] | NAME SEP CHAIN | CHAIN là HONORIFIC NAME
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from ...errors import LexiconError
from ...lexicons import alternation, lexicons
from ...model import Span
from ...text.numbers import parse_number_words
from .grammar import (
    SPACE, first_letter_either_case, canonical_role, cap_words, glued_dash_end, capital_role, grammar, honorific_search, is_acronym, is_name_start, looks_foreign,
    looks_like_name, late_holder, needs_org, role_search, role_senses, shares_body, starts_name,
)
from .orgs import (
    OrgRead, after_open, branch_end, bracketed_parent, dashed_place_at, ends_with_topic, opens_capital_level, org_text, place_then_name, read_org,
    topic_end, with_parent,
)
from ..rules import Rule, declare

NAME_AFTER_HONORIFIC = declare("people.name.after_honorific", "Person", "a capitalised name after an honorific: 'ông Lê Hoàng Châu', 'Đại tá Vũ Văn A'")
NAME_AFTER_GLUED_HONORIFIC = declare("people.name.after_glued_honorific", "Person",
    "a capitalised address honorific ('Ông', 'Bà') glued to a capitalised word before it, as a photo credit or a heading "
    "run into the next paragraph leaves it ('Ảnh: Văn Nam Ông Lê Văn A, Giám đốc …'), before a full name and a capitalised "
    "post in apposition: an honorific, not a word of a place's name ('Hai Bà Trưng', 'Núi Bà Đen')")
NAME_AFTER_TITLE = declare("people.name.after_title", "Person", "a name right after a title: 'Phó Chủ tịch UBND tỉnh Bình Dương Trần Thanh Liêm'")
NAME_LISTED = declare("people.name.listed", "Person", "the names listed after a plural honorific: 'các bà A, B và C'")
NAME_LISTED_AFTER_TITLE = declare("people.name.listed_after_title", "Person",
    "the names listed after a plural title, each holding it: 'hai cựu Ngoại trưởng Mỹ John Kerry và Madeleine Albright', 'các Phó Giám đốc A và B'")
NAME_FOREIGN_FIRST_SYLLABLE = declare("people.name.foreign_first_syllable", "Person",
    "a foreign name after a title whose first word is spelt like a Vietnamese syllable, the others foreign: 'HLV Sam Allardyce', 'Giám đốc điều hành Tim Cook'")
NAME_SPORT_SHORT = declare("people.name.sport_short", "Person",
    "the middle and given name a coach or player is called by, after a coach's post: 'HLV Hữu Thắng'")
NAME_AFTER_COPULA = declare("people.name.after_copula", "Person",
    "a full name written bare after a title and 'là': 'Cố vấn an ninh quốc gia khi đó là Michael Flynn', 'Trưởng công an xã X là Võ Văn A'")
NAME_FULL = declare("people.name.full_name", "Person", "a bare Vietnamese full name that a title is linked to: 'Trần Thanh Dâng (40 tuổi, nguyên cán bộ …)'")
NAME_FOREIGN_APPOSED = declare("people.name.foreign_apposed", "Person",
    "a bare foreign full name with its post in apposition right after it: 'Michael Dell, CEO Dell Technologies', 'Jerry Brito - Giám đốc điều hành …'")
NAME_AFTER_DESCRIBED_TITLE = declare("people.name.after_described_title", "Person",
    "a foreign full name after a title and a few lower-case words that describe it: 'cựu cố vấn an ninh quốc gia Michael Flynn'")
NAME_AFTER_DESCRIBED_PLACE = declare("people.name.after_described_title_place", "Person",
    "a foreign full name after a title, a few lower-case words that describe it and the country, foreign place or named "
    "body (places.tsv) the post is held for: 'Thẩm phán liên bang Mỹ James Robart', 'Giám đốc tình báo quốc gia Mỹ Dan "
    "Coats' (role with its description, the place as its body; the place is no part of the name)")
NAME_AFTER_BRACKETED_PLACE = declare("people.name.after_bracketed_place", "Person",
    "a full name after a title whose body is followed by the place it lies in, in brackets: 'Chủ tịch UBND phường Yên "
    "Khê (quận Cầu Giấy) Trần Văn Khải', 'Hiệu trưởng Trường THPT A (quận Đống Đa) Lê Văn B' (the body without the "
    "bracket; the place is no part of the name)")
NAME_AFTER_ACRONYM = declare("people.name.after_acronym", "Person",
    "a full name after a title whose body is followed by its acronym in brackets: 'Chủ tịch Ngân hàng Trung ương châu Âu (ECB) Mario Draghi'")
NAME_POSTED_ABROAD = declare("people.name.posted_abroad", "Person",
    "a name after a post held for one country in another: 'Đại sứ Mỹ tại Việt Nam Ted Osius' (body 'Mỹ tại Việt Nam')")
NAME_FOREIGN_AFTER_BODY = declare("people.name.foreign_after_body", "Person",
    "a foreign full name that closes the body written after a title: 'Bộ trưởng Quốc phòng Guy Parmelin', 'Thượng nghị sĩ đảng Cộng hòa John McCain'")
NAME_SPACED_HYPHEN = declare("people.name.spaced_hyphen", "Person",
    "a foreign name whose last word is hyphened to a lower-case syllable with spaces around the hyphen is read whole and "
    "written with the hyphen closed: 'Tổng thống Hàn Quốc Moon Jae - in' is 'Moon Jae-in', not 'Moon Jae'")
NAME_AFTER_LONE_BODY = declare("people.name.after_lone_body", "Person",
    "a full name through a comma after a title whose body is one word, an acronym or a brand, before a lower-case word: "
    "'Chủ tịch ABC, John Miller cho biết', 'Phó Tổng Giám đốc Honda, Kenji Sato nói thêm'")
NAME_LIST_NEXT_ITEM = declare("people.name.list_next_item", "Person",
    "in a list of posts and names ('Title1 Name1, Title2 Name2'), the Vietnamese full name that ends the body written after "
    "the second post, past words the post's body had not read or read into it: 'Bộ trưởng A, Thủ tướng Chính phủ nước Cộng hòa "
    "xã hội chủ nghĩa Việt Nam Nguyễn Văn B', 'Kế toán trưởng A, Chủ tịch công đoàn Trần Văn B' (the post is B's, not A's)")
NAME_PRONOUN = declare("people.name.pronoun", "Person", "'ông'/'bà' as the subject or object of a cue or event verb: the person last named")
TITLE_BEFORE_NAME = declare("people.title.before_name", "Position", "titles written right before the name: 'Bí thư, Chủ tịch UBND xã X Nguyễn Văn A'")
TITLE_AFTER_NAME = declare("people.title.after_name", "Position", "titles in apposition after the name: 'Nguyễn Văn A, Giám đốc Sở Y tế'")
TITLE_COPULA = declare("people.title.copula", "Position", "'Chủ tịch UBND xã là ông A (và bà B)': the titles before 'là' and an honorific")
TITLE_GLUED_DASH = declare("people.title.glued_dash", "Position",
    "a title in apposition after a name through a dash glued to both, the name ending at the dash: 'ông Cao Minh "
    "Phương-Trưởng phòng Tài nguyên nước' is Cao Minh Phương, Trưởng phòng; not a hyphened foreign name ('Moon Jae-in')")
TITLE_CUE = declare("people.title.cue", "Position", "a title after a cue of a current or gained post: 'ông X hiện là …', 'giữ chức …'")
TITLE_CUE_FORMER = declare("people.title.cue_former", "Position", "a title after a cue of a past post ('từng giữ chức', 'trước đó là'): role 'nguyên …'")
TITLE_AFTER_AGE = declare("people.title.after_age", "Position",
    "titles in apposition after the name and the person's age between commas: 'Ông Nguyễn Văn A, 45 tuổi, Giám đốc Sở Y tế …'")
TITLE_AFTER_BIRTH_YEAR = declare("people.title.after_birth_year", "Position",
    "titles in apposition after the name and the person's birth year set off by commas, or in brackets before a comma: "
    "'ông A, sinh năm 1970, Giám đốc Công ty X', 'A (SN 1970), nguyên Chủ tịch UBND xã Y'")
TITLE_WHILE_HELD = declare("people.title.cue_while_held", "Position",
    "a title after a cue in a clause set at the time the post was still held ('khi ông còn làm …', 'lúc còn là …', "
    "'thời điểm còn đang giữ chức …'): a past post, role 'nguyên …'")
TITLE_RANK_WORD = declare("people.title.rank_word", "Position",
    "a rank word written right after a role is part of the post (grammar class role_rank): 'công tố viên đặc biệt Robert "
    "Mueller', 'ông X, cố vấn cấp cao' (not an adverb: 'Chủ tịch đặc biệt nhấn mạnh')")
TITLE_PAST_TERM = declare("people.title.past_term", "Position",
    "a title followed by a term or span that ended before the article's year: 'Bí thư Tỉnh ủy (nhiệm kỳ 2010 - 2015)'")
TITLE_LATE = declare("people.title.late_holder", "Position",
    "a title written after 'cố' (the late …): 'cố Thủ tướng Võ Văn Kiệt' held a post that is past, role 'nguyên …'")
TITLE_DELEGATE_PLACE = declare("people.title.delegate_place", "Position",
    "a delegate's province or city in brackets right after the name: 'ĐB Lưu Bình Nhưỡng (Bến Tre)', 'đại biểu A (tỉnh Bình Phước)'")
TITLE_BODY_AFTER_NAME = declare("people.title.body_after_name", "Position",
    "a title with no body right before the name, and 'của' and a body right after it: 'HLV Jurgen Klopp của Liverpool', "
    "'Giám đốc điều hành Tim Cook của Apple'")
TITLE_ACADEMIC = declare("people.title.academic_post", "Position",
    "a teaching post at a school in apposition after a name: 'John Banzhaf, giáo sư tại Trường Luật …', 'ông A, Giáo sư Đại học Yonsei'")
TITLE_POSSESSED_BODY = declare("people.title.possessed_body", "Position",
    "a post in apposition whose body follows 'của' after a few lower-case words: 'John Smith, giám đốc cấp cao của Công ty X'")
TITLE_POSSESSED_PREDICATE = declare("people.title.possessed_body_predicate", "Position",
    "a post after a cue ('là', 'hiện là', 'từng giữ chức') whose body follows 'của' right after the role (no describing "
    "words): 'ông A là giám đốc của Công ty X'")
TITLE_TENURE_WORD = declare("people.title.tenure_word", "Position",
    "a word after a role that says the post is held now or was is no part of the role: 'CEO đương nhiệm Mark Fields' is the CEO, "
    "'Tổng thống mãn nhiệm Francois Hollande' the former Tổng thống ('nguyên …')")
TITLE_POSSESSED_OPENING = declare("people.title.possessed_body_opening", "Position",
    "a post opening its sentence with its body after 'của', before the name it is linked to: "
    "'Giám đốc của FIS hiện nay là ông Markus Seiler', 'CEO của Yelp, Jeremy Stoppelman'")
TITLE_INDEFINITE = declare("people.title.indefinite_apposition", "Position",
    "a post in apposition after a name through a comma and an indefinite article: 'John Pistole, một cựu Phó Giám đốc FBI'")
TITLE_PARENT_BODY = declare("people.title.parent_body", "Position",
    "a body run on over the body it belongs to, written in brackets right after it: 'Trưởng phòng Trồng trọt (Sở NN&PTNT Hải Dương)', "
    "'Trưởng khoa Nhi (BV Đa khoa Tuyên Quang)'")
TITLE_LOWER_BODY = declare("people.title.lower_body", "Position",
    "a body written in lower case with a few words of its kind before its own capitalised name: "
    "'Phó Giám đốc nhà máy thủy điện Nậm Nơn', 'Hiệu trưởng trường mầm non Sen Vàng'")
TITLE_CAPITAL_LEVEL = declare("people.title.capital_level", "Position",
    "a place opened by a level written as its capital abbreviation right after a role is the post's body, as a lower-case "
    "level is: 'Chủ tịch TP Hội An', 'ông A, Bí thư TP Bạc Liêu' (not a person named 'Bạc Liêu …')")
TITLE_BRANCH = declare("people.title.branch", "Position",
    "a body read after a role runs on over its branch, 'chi nhánh' and the branch's place: 'Giám đốc Agribank chi nhánh "
    "Gia Lai', 'Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Bình Phước' (not cut at the bank's name)")
TITLE_BODY_WORD_BEFORE_NAME = declare("people.title.body_word_before_name", "Position",
    "a body's name whose last word is also a surname, before a Vietnamese full name, keeps that word when the article "
    "writes the two words of the body's name together elsewhere: 'Hiệu trưởng trường Hoa Mai Đặng Thị Lụa' (… trường "
    "mầm non Hoa Mai …) is Đặng Thị Lụa of trường Hoa Mai, not 'Mai Đặng Thị Lụa' of trường Hoa")
TITLE_MEMBERSHIP = declare("people.title.membership", "Position", "'tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy': a member post per committee")
TITLE_APPOSED_BODY_NAME = declare("people.title.apposed_body_name", "Position",
    "a title with its body in apposition right after its holder's name ends with the name-like words after the body, "
    "the body's own name, not a second person: 'ông Hoàng Đức Hoài, Giám đốc Công ty TNHH Thương mại Hoàng Đức', "
    "'Nguyễn Thị Hương - GĐ Cty TNHH Dương Dũng'")
TITLE_DASHED_PLACE = declare("people.title.dashed_place", "Position",
    "a body that ends with a province written with a dash (places.tsv) is read over the whole province; after a level "
    "it was cut at the dash: 'Chủ tịch UBND tỉnh Thừa Thiên - Huế', 'Giám đốc Công an tỉnh Bà Rịa - Vũng Tàu'")
TITLE_BODY_TOPIC = declare("people.title.body_topic", "Position",
    "a body whose name ends with words that take a subject after 'về' (grammar class topic_lead) runs on over 'về' and "
    "the subject: 'Cục trưởng Cục Cảnh sát điều tra tội phạm về ma túy', 'Phó Trưởng ban Ban Chỉ đạo Trung ương về "
    "phòng, chống tham nhũng' (not cut at 'về')")
TITLE_HEADED_BODY = declare("people.title.headed_body", "Position",
    "a post with no body of its own after a cue, its holder named right after 'do' (led by, grammar class headed_by) "
    "that follows a body: the post is of that body: 'Công ty X do ông A làm giám đốc', 'Đoàn kiểm tra của Bộ Y tế do "
    "Thứ trưởng B làm trưởng đoàn'")


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
    via_cue: bool = False  # linked to its person through a cue ("giữ chức", "từng là"): a gained or past post
    rule: Rule = TITLE_BEFORE_NAME  # how the title was linked to its person (set when linked)
    role_end: int = -1  # end of the role words (the title runs on over its organisation)
    bare: bool = False  # a lower-case generic role with no body ("đại biểu"): a title only of the name right after it
    past_term: bool = False  # held for a term that ended before the article's time ("nhiệm kỳ 2010-2015")
    late: bool = False  # written after "cố" ("cố Thủ tướng"): the post of a person who died, a past one
    membership: bool = False  # read by the membership rule ("tham gia Ban Chấp hành …")
    own_rule: Rule | None = None  # the rule that read the title itself, kept when it is linked (TITLE_ACADEMIC)
    name_rule: Rule | None = None  # the rule that read the name after it past its body ("… (ECB) Mario Draghi", "Đại sứ Mỹ tại Việt Nam …")
    described_name: int | None = None  # start of the foreign name read after the title's description ("cố vấn an ninh quốc gia Michael Flynn")
    shared_org: tuple[int, int] | None = None  # the span of the body a post written without one shares with the next post ("Chủ tịch HĐQT, Tổng giám đốc Công ty X")


@dataclass
class NameMention:
    start: int
    end: int
    name: str
    honorific: str | None = None
    titles: list[Title] = field(default_factory=list)
    group: int | None = None  # start of the first name of a list ("các bà A, B, C"), shared by its members
    rule: Rule = NAME_AFTER_HONORIFIC
    honorific_start: int | None = None  # where the honorific that introduces the name is written


def _words(*classes: str) -> str:
    """The words of classes of grammar_words.tsv as one group matching any of them (see ``alternation``)."""
    return f"(?:{alternation(w for c in classes for w in lexicons().grammar(c))})"


@dataclass(frozen=True)
class _Patterns:
    """The patterns of the rules below, their words read from the lexicons (grammar_words.tsv by class)."""

    sep: regex.Pattern[str]  # between a name and a title in apposition, or two such titles
    particulars: regex.Pattern[str]
    body_before_role: regex.Pattern[str]  # "Ban Chỉ huy …", "Văn phòng Chủ tịch nước": the role word names a body
    post_noun: regex.Pattern[str]  # "chức vụ": a role opened by its last word is none
    gap_in_chain: regex.Pattern[str]
    term_after: regex.Pattern[str]
    member_sep: regex.Pattern[str]
    plural: regex.Pattern[str]
    list_sep: regex.Pattern[str]
    source_before: regex.Pattern[str]
    object_before: regex.Pattern[str]
    copula: regex.Pattern[str]
    list_step: regex.Pattern[str]
    pronoun: regex.Pattern[str]
    chain_sep: regex.Pattern[str]
    closed_span: regex.Pattern[str]
    joined: regex.Pattern[str]
    by_agent: regex.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The patterns, built once."""
    and_, plural, span = _words("list_joiner"), _words("plural"), _span_patterns()
    addresses = [h for h, k in lexicons().honorifics.items() if k == "address"]
    return _Patterns(
        sep=regex.compile(rf"\s*(?:,|–|-+|:|\(|\b{_words('post_joiner', 'list_joiner')}\b)\s*"),
        particulars=_particulars(),
        body_before_role=regex.compile(rf"(?i){_words('body_head')}\s*$"),
        post_noun=regex.compile(rf"(?<![\p{{L}}])(?:{first_letter_either_case(lexicons().grammar('post_noun'))})"),
        gap_in_chain=regex.compile(rf"(?:\s*(?:,|–|-+|{_words('post_joiner')})\s*|\s+)$"),
        term_after=span[0],
        member_sep=regex.compile(rf"\s*(?:,|{and_})\s*"),
        plural=regex.compile(rf"(?i)(?<![\p{{L}}]){plural}\s+$"),
        list_sep=regex.compile(rf"\s*(?:[,;]\s*(?:{and_}\s+)?|\s+{and_}\s+)"),
        source_before=regex.compile(rf"(?i)(?<![\p{{L}}]){_words('source_preposition')}\s+$"),
        object_before=regex.compile(rf"(?i)(?<![\p{{L}}]){_words('complement_preposition')}\s+$"),
        copula=regex.compile(
            rf"(?i)(?<=\S)(?:\s+(?:{_words('present_adverb')}\s+)?{_words('copula')}|\s+{_words('inclusion')}|\s*:)\s+(?:{plural}\s+)?$"
        ),
        list_step=regex.compile(rf"\s*(?:,|{and_}|,\s*{and_})\s*\S+(?:\s+\S+)?\s*"),
        pronoun=regex.compile(
            rf"(?<![\p{{L}}])(?P<p>{first_letter_either_case(lexicons().grammar('pronoun'))})\s+(?:{_words('adverb_before_verb')}\s+)?$"
        ),
        chain_sep=regex.compile(rf"\s*(?:,|–|-|;)?\s*{_words('list_joiner', 'post_joiner', 'succession')}?\s*"),
        closed_span=span[1],
        joined=regex.compile(rf"(?i)\s*(?:,|{and_}|,\s*{and_})\s*(?:(?:{alternation(addresses)})\s+)?"),
        by_agent=regex.compile(rf"(?i)(?<![\p{{L}}]){_words('passive')}\s+(?:{_words('emphatic')}\s+)?$"),
    )


def _particulars() -> regex.Pattern[str]:
    """A person's particulars opening a parenthesis before their post: "Nguyễn Văn A (SN 1970, nguyên
    Giám đốc …)", "(45 tuổi, trú tại xã Y, Phó Chủ tịch …)"."""
    birth, age, home = _words("birth"), _words("age"), _words("residence")
    return regex.compile(
        rf"\s*\((?:\s*{birth}\s*\d{{4}}|\s*\d{{1,3}}\s*{age}|\s*{home}\s[^,;()]{{1,60}})"
        rf"(?:\s*[,;]\s*(?:\d{{1,3}}\s*{age}|{home}\s[^,;()]{{1,60}}))*\s*[,;]\s*", regex.I)


def _span_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A term or span written right after a title: "(nhiệm kỳ 2010 - 2015)", "nhiệm kỳ 2011-2016",
    "(giám đốc từ tháng 8-2009 đến tháng 12-2013)", its last year as group "end"; and a closed span of time
    opening a clause: "Từ tháng 10/2010 đến 9/2015, ông làm …" is a past post."""
    month, year, since, until = _words("month"), _words("year"), _words("span_from"), _words("span_to")
    term_after = regex.compile(
        rf"\s*\(?\s*(?:(?P<term>{_words('term')})\s+(?:19|20)\d{{2}}\s*[-–]\s*"
        rf"|(?:{_words('period')}\s+)?{since}\s+(?:(?:{month}\s+)?\d{{1,2}}\s*[-/]\s*)?(?:{year}\s+)?(?:19|20)\d{{2}}\s*"
        rf"(?:{until}|[-–])\s*(?:(?:{month}\s+)?\d{{1,2}}\s*[-/]\s*)?(?:{year}\s+)?)"
        r"(?P<end>(?:19|20)\d{2})(?!\d)",
        regex.I,
    )
    closed_span = regex.compile(
        rf"(?i)(?:{since}\s+)?(?:(?:{month}\s+)?\d{{1,2}}\s*/\s*)?(?:{year}\s+)?(?:19|20)\d{{2}}\s*(?:{until}|-|–)\s*(?:{_words('span_end')}\s+)?"
        rf"(?:(?:{month}\s+)?\d{{1,2}}\s*/\s*)?(?:{year}\s+)?(?:19|20)\d{{2}}"
    )
    return term_after, closed_span


_GAP_BEFORE_NAME = regex.compile(r"(?:\s+[-–])?\s+$")
_GAP_TITLE_NAME = regex.compile(r"(?:\s+[-–]|,)?\s+$")  # a name read after a title, through a dash or a comma


def find_titles(text: str, span: Span) -> list[Title]:
    titles: list[Title] = []
    for m in _roles(text, span):
        if _not_held(text, span, m.start()):
            continue
        title = Title(m.start(), m.end(), _delegate(text, canonical_role(m)), None, role_end=m.end())
        fused = _fused_org(text, m, span.end) or _portfolio_org(text, m, span.end)
        sp = SPACE.match(text, m.end(), span.end)
        org = fused[0] if fused else read_org(text, sp.end(), span.end, level=not is_acronym(m.group("head"))) if sp else None
        if org and org.end > org.start:
            title.org_start, title.org_end = org.start, org.end
            title.organization = fused[1] if fused else org_text(text, org.start, org.end)
            title.coordinated = list(org.extra)
            title.end = org.extra[-1][1] if org.extra else org.end
            title.own_rule = TITLE_PARENT_BODY if org.parent else None
        if title.organization is None and sp:
            org = _lower_org(text, span, m, title, sp.end())
        if title.organization is not None and title.role != canonical_role(m) and not _assembly()[2].search(title.organization):
            title.role = canonical_role(m)  # "đại biểu Hội đồng nhân dân thành phố": a delegate of the body written, not of the assembly
        _possessed_body(text, span, m, title)
        title.name_after = org.name_start if org else None
        _body_word_before_name(text, span, title)
        _level_or_branch(text, span, title)
        _name_after_acronym(text, span, title)
        _name_after_bracketed_place(text, span, title)
        _posted_abroad(text, span, title)
        title.late = late_holder(m)
        if m.group("rank") and title.own_rule is None:
            title.own_rule = TITLE_RANK_WORD
        if _past_term(text, title.end, span.end):
            title.role, title.rule = "nguyên " + title.role if not title.role.startswith("nguyên ") else title.role, TITLE_PAST_TERM
            title.past_term = True
        if title.organization is None and needs_org(m.group("head")):
            if not capital_role(m.group("head")):
                continue  # "cán bộ, công chức": a generic post word is a title only with its body
            title.bare = True  # "đại biểu Trần Hồng Nguyên", but not "33/35 đại biểu tán thành"
        titles.append(title)
    return sorted(titles + _membership_titles(text, span, titles) + _academic_titles(text, span), key=lambda t: t.start)


def _not_held(text: str, span: Span, pos: int) -> bool:
    """The role word at ``pos`` names no post held: it names a body ("Ban Chỉ huy …", "Văn phòng Chủ tịch nước"),
    or the post a candidate runs for ("ứng cử viên tổng thống Marine Le Pen")."""
    return bool(_patterns().body_before_role.search(text, max(span.start, pos - 12), pos)
                or _candidate_before().search(text, max(span.start, pos - 16), pos))


@lru_cache(maxsize=1)
def _candidate_before() -> regex.Pattern[str]:
    """A candidate (grammar class candidate: "ứng cử viên", "ứng viên") right before a role: the role is the post run for."""
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_words('candidate')}\s+$")


def _body_word_before_name(text: str, span: Span, title: Title) -> None:
    """The first of four capitalised words read as a person's name after a body ("trường Hoa | Mai Đặng Thị Lụa",
    "Bệnh viện Bạch | Mai Nguyễn Quốc Anh") ends the body's name (TITLE_BODY_WORD_BEFORE_NAME) when the three words after
    it are a full name of their own (a surname, a middle name, a given name), the body's last word is capitalised, and the
    article writes that word and the first one together elsewhere ("Hoa Mai", "Bạch Mai"), not before the same name."""
    if title.name_after is None or title.org_start is None or title.org_end is None:
        return
    run = cap_words(text, title.name_after, span.end)
    texts = [w for _, _, w in run]
    before = _LAST_WORD.search(text, title.org_start, title.org_end)
    if len(run) != 4 or before is None or not before.group(1)[:1].isupper() or not is_name_start(texts[1]):
        return
    lex = lexicons()
    if not (is_name_start(texts[0]) and lex.middle_names.get(texts[2]) and looks_like_name(texts[1:], foreign=False)):
        return
    pair = f"{before.group(1)} {texts[0]}"
    here = before.start(1)
    if not any(at != here and not text.startswith(texts[1], at + len(pair) + 1) for at in _whole_occurrences(text, pair)):
        return
    _set_org(title, text, title.org_start, run[0][1])
    title.organization = org_text(text, title.org_start, run[0][1])
    title.name_after, title.own_rule = run[1][0], title.own_rule or TITLE_BODY_WORD_BEFORE_NAME


def _lower_org(text: str, span: Span, m: regex.Match[str], title: Title, pos: int) -> OrgRead | None:
    """A body with its head in lower case after the role ("cán bộ đội cảnh sát hình sự", "Phó giám đốc bệnh viện
    Thường Xuân", TITLE_LOWER_BODY: "Phó Giám đốc nhà máy thủy điện Nậm Nơn"), set on the title; the body read."""
    org = read_org(text, pos, span.end, lower=True)
    if org is None or org.end <= org.start:
        return org
    own = needs_org(m.group("head")) or _names_own(text, org)
    if own or _names_own_after_kind(text, org):
        title.org_start, title.org_end, title.organization, title.end = org.start, org.end, org_text(text, org.start, org.end), org.end
        title.own_rule = title.own_rule if own else TITLE_LOWER_BODY
    return org


@lru_cache(maxsize=1)
def _possessed() -> regex.Pattern[str]:
    """After a role in apposition: up to five lower-case syllables that describe it, "của" (grammar class possessive)
    and a capital; group "desc" is the describing words."""
    return regex.compile(rf"(?P<desc>(?: \p{{Ll}}+){{0,5}}?) {_words('possessive')} (?=\p{{Lu}})")


@lru_cache(maxsize=1)
def _apposition_open() -> regex.Pattern[str]:
    """What opens a title in apposition: a comma, a dash or a bracket right before it."""
    return regex.compile(r"(?:,|–|-|\()\s*$")


def _possessed_body(text: str, span: Span, m: regex.Match[str], title: Title) -> None:
    """A post in apposition with its body after "của" ("David Ji, giám đốc của Knight Frank", "…, cố vấn đặc biệt
    của Tổng thư ký Liên hợp quốc"): the body is the capitalised body or brand after "của", the describing words
    stay in the role ("cố vấn đặc biệt")."""
    if title.organization is not None:
        return
    opener = _possessed_opener(text, span, m.start())
    if opener is None:
        return
    poss = _possessed().match(text, m.end(), span.end)
    if poss is None or _verb_in().search(poss.group("desc")):
        return
    if opener is TITLE_POSSESSED_PREDICATE and poss.group("desc").strip() and _tenure(poss.group("desc")) is None:
        return  # "là giám đốc thứ hai của FBI", "sẽ là chủ tịch tiếp theo của WB": after a cue, no describing words
    org = read_org(text, poss.end(), span.end)
    head = grammar().role.match(text, poss.end(), span.end)
    if org is not None and org.end > org.start and org.name_start is None:
        start, end = org.start, org.end
    elif head is not None and not head.group("pre") and (served := _served_post(text, span, head.end())) is not None:
        start, end = poss.end(), served  # "cố vấn của Tổng thư ký Liên hợp quốc": the post served is the body
    else:
        run = cap_words(text, poss.end(), span.end)[:3]
        if not run or not (is_acronym(run[0][2]) or _brand(run[0][2])) or _is_place(run):
            return
        start, end = run[0][0], run[-1][1]
    at = _where_posted().match(text, end, span.end)
    if at is not None:
        run = cap_words(text, at.end(), span.end)[:3]
        size = next((n for n in (3, 2, 1) if n <= len(run) and _is_place(run[:n])), 0)
        end = run[size - 1][1] if size else end  # "… của BlackRock tại Hồng Kông": the branch's place is the body's
    title.role = _described_role(title, poss.group("desc"))
    title.org_start, title.org_end, title.organization = start, end, org_text(text, start, end)
    rule = title.own_rule if title.own_rule is TITLE_TENURE_WORD else opener
    title.end, title.rule, title.own_rule = end, rule, rule


def _possessed_opener(text: str, span: Span, pos: int) -> Rule | None:
    """What may stand before a post whose body follows "của", as the rule that reads it: the sentence's opening,
    an apposition (a comma, a dash or a bracket), or a cue of a post ("ông A là giám đốc của Công ty X")."""
    if _sentence_opening(text, span, pos):
        return TITLE_POSSESSED_OPENING
    if _apposition_open().search(text, max(span.start, pos - 3), pos):
        return TITLE_POSSESSED_BODY
    cue = _cue_pattern().search(text, max(span.start, pos - 80), pos)
    return TITLE_POSSESSED_PREDICATE if cue and not _body_subject(text, span, cue.start("c")) else None


_CAPITAL_STARTS = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}")


def _body_subject(text: str, span: Span, cue_start: int) -> bool:
    """A body written right before the cue is its subject ("… phủ nhận Công ty X là thành viên của Tổng công ty Y"):
    the post after it is no person's."""
    end = len(text[:cue_start].rstrip())
    for cap in _CAPITAL_STARTS.finditer(text, max(span.start, end - 60), end):
        org = read_org(text, cap.start(), end)
        if org is not None and org.end >= end:
            return True
    return False


def _tenure(description: str) -> str | None:
    """The grammar class of a tenure word ("tenure_current": "đương nhiệm"; "tenure_past": "mãn nhiệm"), if the words are one."""
    words = " ".join(description.split()).lower()
    return next((c for c in ("tenure_current", "tenure_past") if words in lexicons().grammar(c)), None)


def _described_role(title: Title, description: str) -> str:
    """The role with the lower-case words that describe it ("cố vấn" + "đặc biệt"); a tenure word (grammar classes
    tenure_current, tenure_past: "đương nhiệm", "mãn nhiệm") is no part of it, and a past one makes it "nguyên …"."""
    tenure = _tenure(description)
    if tenure is not None:
        title.own_rule = TITLE_TENURE_WORD
        return title.role if tenure == "tenure_current" or title.role.startswith("nguyên ") else "nguyên " + title.role
    if not description.strip():
        return title.role
    return title.role + (description if description.startswith(" ") else " " + description)


_OPENING = regex.compile(r"[\s\"“'‘(]*")


def _sentence_opening(text: str, span: Span, pos: int) -> bool:
    """Nothing but spaces, quotes or a bracket stands between the sentence's start and ``pos``."""
    return _OPENING.fullmatch(text, span.start, pos) is not None


@lru_cache(maxsize=1)
def _verb_in() -> regex.Pattern[str]:
    """A verb (org_stops.tsv, kind "verb"), an adverb before one or a copula among the words describing a post: they
    are a clause, not a description ("giám đốc cho biết hoạt động của …")."""
    verbs = [w for w, k in lexicons().org_stops.items() if k == "verb"]
    words = [*verbs, *lexicons().grammar("adverb_before_verb"), *lexicons().grammar("copula"), *lexicons().grammar("possessive")]
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(words)})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _where_posted() -> regex.Pattern[str]:
    return regex.compile(rf" {_words('posted_at')} (?=\p{{Lu}})")


def _served_post(text: str, span: Span, pos: int) -> int | None:
    """Where the body or the country of a post after "của" ends ("Tổng thư ký | Liên hợp quốc", "Tổng thống | Mỹ"),
    when one follows it and no name does."""
    sp = SPACE.match(text, pos, span.end)
    if sp is None:
        return None
    org = read_org(text, sp.end(), span.end)
    if org is not None and org.end > org.start and org.name_start is None:
        return org.end
    run = cap_words(text, sp.end(), span.end)[:3]
    size = next((n for n in (3, 2, 1) if n <= len(run) and _is_place(run[:n])), 0)
    return run[size - 1][1] if size and (size == len(run) or not starts_name([w for _, _, w in run[size:]])) else None


@lru_cache(maxsize=1)
def _academic_post() -> regex.Pattern[str]:
    """A teaching post after a comma or a bracket, a few lower-case words of its field and a preposition
    (grammar classes academic_post, academic_at), then a school's head (academic_body)."""
    post = first_letter_either_case(lexicons().grammar("academic_post"))
    body = first_letter_either_case(lexicons().grammar("academic_body"))
    return regex.compile(
        rf"(?:(?<=, )|(?<=\())(?P<post>{post})(?: \p{{Ll}}+){{0,3}}?(?: {_words('academic_at')})? (?=(?:{body}) \p{{Lu}})"
    )


@lru_cache(maxsize=1)
def _academic_where() -> regex.Pattern[str]:
    return regex.compile(rf" {_words('academic_at')} ")


def _academic_titles(text: str, span: Span) -> list[Title]:
    """Teaching posts at a school ("…, giáo sư luật tại Đại học Pittsburgh"): the post as role, the school as body."""
    out: list[Title] = []
    for m in _academic_post().finditer(text, span.start, span.end):
        org = read_org(text, m.end(), span.end)
        if org is None or org.end <= m.end() or org.name_start is not None:
            continue
        where = _academic_where().search(text, org.start, org.end)  # "Đại học Hansung | ở thủ đô Seoul"
        org_end = where.start() if where is not None else org.end
        role = " ".join(m.group("post").split())
        out.append(Title(m.start(), org_end, role[:1].upper() + role[1:], org_text(text, org.start, org_end), org.start, org_end,
                         role_end=m.end("post"), rule=TITLE_ACADEMIC, own_rule=TITLE_ACADEMIC))
    return out


_BRACKETED_ACRONYM = regex.compile(r" \(\p{Lu}[\p{Lu}\p{N}&-]{1,9}\)(?= \p{Lu})")


def _name_after_acronym(text: str, span: Span, title: Title) -> None:
    """A body's acronym in brackets after it, then a full name ("Chủ tịch Liên minh Nghị viện Thế giới (IPU)
    Saber Chowdhury"): the title runs on over the bracket and the name is its holder's."""
    if title.organization is None or title.name_after is not None or title.coordinated:
        return
    bracket = _BRACKETED_ACRONYM.match(text, title.end, span.end)
    if bracket is None or not is_acronym(bracket.group(0).strip(" ()")):
        return
    run = cap_words(text, bracket.end() + 1, span.end)[:4]
    texts = [w for _, _, w in run]
    if len(run) >= 2 and looks_like_name(texts) and not _is_place(run) and not _head_then_place(texts):
        title.end, title.name_after, title.name_rule = bracket.end(), run[0][0], NAME_AFTER_ACRONYM


@lru_cache(maxsize=1)
def _place_in_brackets() -> regex.Pattern[str]:
    """A place in brackets: a level and its place's capitalised name ("(quận Cầu Giấy)", "(TP Hà Nội)") or a place
    places.tsv knows ("(Hà Nội)"), a second one after a comma ("(huyện Kiến Thụy, Hải Phòng)"); a space after it."""
    levels = alternation([f for f, (_, kind) in lexicons().admin_levels.items() if kind == "level"])
    known = alternation([p for p in lexicons().places if p[:1].isupper()])
    one = rf"(?:(?i:{levels})\s+\p{{Lu}}[\p{{L}}\p{{M}}]*(?:\s+\p{{Lu}}[\p{{L}}\p{{M}}]*){{0,2}}|(?:{known})(?![\p{{L}}\p{{M}}]))"
    return regex.compile(rf" \({one}(?:,\s*{one})?\) (?=\p{{Lu}})")


def _name_after_bracketed_place(text: str, span: Span, title: Title) -> None:
    """The place a body lies in, in brackets after it, then a full name ("Chủ tịch UBND phường Yên Khê (quận Cầu Giấy)
    Trần Văn Khải"): the title runs on over the bracket and the name is its holder's; the body is written without the
    place (NAME_AFTER_BRACKETED_PLACE). A Vietnamese full name (a surname and a middle name) or a foreign one, the whole
    capitalised run, not a place."""
    if title.organization is None or title.name_after is not None or title.coordinated:
        return
    bracket = _place_in_brackets().match(text, title.end, span.end)
    if bracket is None:
        return
    run = cap_words(text, bracket.end(), span.end)
    texts = [w for _, _, w in run]
    if not 2 <= len(run) <= 4 or not looks_like_name(texts) or _is_place(run) or _head_then_place(texts):
        return
    if text[run[-1][1] : run[-1][1] + 1].isalnum():
        return
    title.end, title.name_after, title.name_rule = bracket.end() - 1, run[0][0], NAME_AFTER_BRACKETED_PLACE


@lru_cache(maxsize=1)
def _posted_at() -> regex.Pattern[str]:
    """A country or a body ending with one, then "tại" (grammar class posted_at) and a capital: "Mỹ tại …",
    "Cộng hòa Cuba tại …"; group "home" is what comes before "tại"."""
    return regex.compile(rf"\s+(?P<home>\p{{Lu}}[\p{{L}}\p{{M}}]*(?:\s+[\p{{L}}\p{{M}}]+){{0,5}}?)\s+{_words('posted_at')}\s+(?=\p{{Lu}})")


def _posted_abroad(text: str, span: Span, title: Title) -> None:
    """A post held for a country in another ("Đại sứ Mỹ tại Việt Nam Ted Osius", "Đại sứ Pháp tại Đức Philippe
    Etienne"): the body is the country, "tại" and the country of the post; a name after that is the holder's."""
    if title.organization is not None:
        return
    at = _posted_at().match(text, title.end, span.end)
    if at is None or not _ends_with_place(at.group("home")):
        return
    run = cap_words(text, at.end(), span.end)[:7]
    texts = [w for _, _, w in run]
    size = next((n for n in (3, 2, 1) if n <= len(texts) and " ".join(texts[:n]) in lexicons().places), 0)
    if not size:
        return
    title.org_start, title.org_end = at.start("home"), run[size - 1][1]
    title.organization = text[title.org_start : title.org_end]
    title.end = title.org_end
    rest = texts[size : size + 4]
    if rest and starts_name(rest) and (len(rest) >= 2 or looks_foreign(rest[0])):
        title.name_after, title.name_rule = run[size][0], NAME_POSTED_ABROAD


def _ends_with_place(words: str) -> bool:
    """The words end with a known place or country ("Cộng hòa Cuba", "Hàn Quốc")."""
    ws = words.split()
    return any(" ".join(ws[-n:]) in lexicons().places for n in (1, 2, 3) if n <= len(ws))


_CAPITAL_AFTER_HEAD = regex.compile(r"\s\p{Lu}")
_CAPITAL_AFTER_KIND = regex.compile(r"(?:\s\p{Ll}+){1,3}\s\p{Lu}")  # "nhà máy | thủy điện | Nậm Nơn"


def _names_own(text: str, org: OrgRead) -> bool:
    """A body written with a lower-case head names itself when a capital follows the head ("bệnh viện
    Thường Xuân", "khoa Sản"), not a generic one ("giám đốc công ty")."""
    head = grammar().org_open_lower.match(text, org.start, org.end)
    return head is not None and _CAPITAL_AFTER_HEAD.match(text, head.end(), org.end) is not None


def _names_own_after_kind(text: str, org: OrgRead) -> bool:
    """A body written with a lower-case head and a few lower-case words of its kind names itself when its own
    capitalised name follows them ("nhà máy thủy điện Nậm Nơn", "trường mầm non Sen Vàng")."""
    head = grammar().org_open_lower.match(text, org.start, org.end)
    kind = _CAPITAL_AFTER_KIND.match(text, head.end(), org.end) if head is not None else None
    return kind is not None and not _kind_linked().search(text, kind.start(), kind.end())


@lru_cache(maxsize=1)
def _kind_linked() -> regex.Pattern[str]:
    """A linking word among the words before a body's own name: they are a phrase of their own, not the body's kind
    ("cố vấn khoa học của IPEN", "giám đốc công ty tại Hà Nội")."""
    return regex.compile(rf"(?<![\p{{L}}]){_words('possessive', 'posted_at', 'noun_link')}(?![\p{{L}}])")


def _roles(text: str, span: Span) -> Iterator[regex.Match[str]]:
    """Role matches of the sentence; a match opened by the "vụ" of "chức vụ" ("khỏi chức vụ Trưởng
    ban …") is no "Vụ trưởng": the search goes on from the next word."""
    pos = span.start
    while (m := role_search().search(text, pos, span.end)) is not None:
        noun = _patterns().post_noun.search(text, max(span.start, m.start() - 8), m.end())
        if noun is not None and noun.start() < m.start() < noun.end():
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


@lru_cache(maxsize=1)
def _assembly() -> tuple[regex.Pattern[str], str, regex.Pattern[str]]:
    """Delegates of the National Assembly, from titles.tsv: a role a delegate is written with (sense
    "delegate": "Đại biểu", "ĐB"), the full title of a delegate of the assembly (sense "assembly_delegate",
    not an acronym: "Đại biểu Quốc hội"), and what shows an article is about the assembly: its name (the
    body of organisations.tsv the full title ends with, "Quốc hội") or the abbreviated title ("ĐBQH")."""
    lex = lexicons()
    delegates = [t for t, s in lex.titles.items() if "delegate" in s.split(",")]
    forms = [t for t, s in lex.titles.items() if "assembly_delegate" in s.split(",")]
    full = next(t for t in forms if not is_acronym(t))
    named = [*(o for o in lex.organisations if full.endswith(" " + o)), *(t for t in forms if is_acronym(t))]
    former = alternation(p for p, k in lex.role_prefixes.items() if k == "former")
    return regex.compile(rf"(?:(?P<former>{former})\s+)?(?:{alternation(delegates)})"), full, regex.compile(alternation(named))


def _delegate(text: str, role: str) -> str:
    """A delegate ("Đại biểu X", "ĐB X") in an article about the National Assembly is a Đại biểu
    Quốc hội, as news about its sessions writes them."""
    delegate, full, assembly = _assembly()
    found = delegate.fullmatch(role)
    if found is None or not assembly.search(text):
        return role
    return (found.group("former") + " " if found.group("former") else "") + full


_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@lru_cache(maxsize=4)
def reference_year(text: str) -> int:
    """The year an article speaks from: the latest year written in a full date ("ngày 5/3/2017"),
    else the latest year written at all (0 when none)."""
    dated = [int(y) for y in regex.findall(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})(?!\d)", text)]
    years = dated or [int(y) for y in _YEAR.findall(text)]
    return max(years, default=0)


def _past_term(text: str, pos: int, end: int) -> bool:
    """A term or span written right after a title ended before the article's year: a past post. A span
    "từ … đến …" (not a term) ending in the article's year has ended too: a post held on is not given an end."""
    term = _patterns().term_after.match(text, pos, end)
    if term is None:
        return False
    last, year = int(term.group("end")), reference_year(text)
    return last < year or (term.group("term") is None and last == year)


@lru_cache(maxsize=1)
def _member_bodies() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, str]]:
    """(membership cue, committee, committee -> member role) from the lexicons: a committee is the
    tail of an "Ủy viên …" title ("Ban Chấp hành") or an abbreviation of one ("BCH")."""
    lex = lexicons()
    roles = {r[len("Ủy viên ") :].lower(): r for r in lex.titles if r.startswith("Ủy viên ") and len(r) > len("Ủy viên ")}
    roles |= {a.lower(): roles[e.lower()] for a, e in lex.abbreviations.items() if e.lower() in roles}
    cues = [c for c, k in lex.title_cues.items() if k == "membership"]
    return (regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(cues)})\s+"),
            regex.compile(rf"(?i)(?:{alternation(roles)})(?![\p{{L}}])"), roles)


def _membership_titles(text: str, span: Span, titles: list[Title]) -> list[Title]:
    """"tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy": one member post per committee, of the body
    written after the last one, else of the next title's body ("… và giữ chức Phó Bí thư Huyện ủy X")."""
    cue, body, roles = _member_bodies()
    out: list[Title] = []
    for m in cue.finditer(text, span.start, span.end):
        found, pos = [], m.end()
        while (b := body.match(text, pos, span.end)) is not None:
            found.append(b)
            sep = _patterns().member_sep.match(text, b.end(), span.end)
            pos = sep.end() if sep else span.end
        if not found:
            continue
        after = SPACE.match(text, found[-1].end(), span.end)
        org = read_org(text, after.end(), span.end) if after else None
        nxt = next((t for t in titles if t.start >= found[-1].end() and t.org_start is not None), None)
        org_span: tuple[int, int] | None = None
        if org and org.end > org.start:
            org_span = (org.start, org.end)
        elif nxt is not None and nxt.org_start is not None and nxt.org_end is not None:
            org_span = (nxt.org_start, nxt.org_end)
        for b in found:
            t = Title(b.start(), b.end(), roles[" ".join(b.group(0).lower().split())], None, membership=True, role_end=b.end())
            if org_span is not None:
                t.org_start, t.org_end = org_span
                t.organization = org_text(text, *org_span)
                t.end = org_span[1] if b is found[-1] and org_span[0] > b.end() and org else t.end
            out.append(t)
    return out


@lru_cache(maxsize=1)
def _portfolios() -> tuple[frozenset[str], regex.Pattern[str]]:
    """(roles that take a portfolio, a portfolio written after one) from portfolios.tsv."""
    items = lexicons().portfolios
    roles = frozenset(p.lower() for p, k in items.items() if k == "role")
    ministries = alternation(p for p, k in items.items() if k == "ministry")
    return roles, regex.compile(rf"\s+(?i:(?P<p>{ministries}))(?![\p{{L}}])")


def _portfolio_org(text: str, m: regex.Match[str], end: int) -> tuple[OrgRead, str] | None:
    """"Bộ trưởng Quốc phòng Mỹ James Mattis": a ministerial role with its portfolio written without
    "Bộ" names the ministry "Bộ Quốc phòng Mỹ"; a place and a person's name may follow."""
    roles, portfolio = _portfolios()
    if " ".join(m.group("head").split()).lower() not in roles:
        return None
    found = portfolio.match(text, m.end(), end)
    if found is None or not found.group("p")[:1].isupper():
        return None
    org_end, name = found.end(), None
    sp = SPACE.match(text, org_end, end)
    if sp and text[sp.end() : sp.end() + 1].isupper():
        place_end, name = place_then_name(text, sp.end(), end, two_word_names=True)
        org_end = place_end if place_end > sp.end() else org_end  # no place read: the body ends with its portfolio, not the space
    return OrgRead(found.start("p"), org_end, name), "Bộ " + text[found.start("p") : org_end]


@lru_cache(maxsize=1)
def _fused_roles() -> dict[str, tuple[str, regex.Pattern[str], regex.Pattern[str]]]:
    """Roles that end with the head of their body (fused_roles.tsv), by the role in lower case: the head
    as the body is written ("Ban"), the role with that head as group "org" ("Trưởng (ban)"), and the head
    written out again after the role ("Trưởng đoàn Đoàn ĐBQH")."""
    out: dict[str, tuple[str, regex.Pattern[str], regex.Pattern[str]]] = {}
    for role, head in lexicons().fused_roles.items():
        if not role.lower().endswith(" " + head.lower()):
            raise LexiconError(f"fused_roles.tsv: {role!r} does not end with {head!r}")
        lead = role[: len(role) - len(head)]
        out[role.lower()] = (head, regex.compile(rf"(?i){alternation([lead.strip()])}\s+(?P<org>{alternation([head])})"),
                             regex.compile(rf"(?s:.)(?i:{regex.escape(head)})"))
    return out


def _fused_org(text: str, m: regex.Match[str], end: int) -> tuple[OrgRead, str] | None:
    """A role that ends with the head of its body ("Trưởng Ban Tổ chức Tỉnh ủy", "Trưởng phòng
    Nội vụ huyện"): the body read from that head, with the head capitalised. None when the
    role is not fused or nothing follows the head."""
    fused = _fused_roles().get(" ".join(m.group("head").split()).lower())
    role = fused[1].fullmatch(text, m.start("head"), m.end("head")) if fused else None
    if fused is None or role is None:
        return None
    org_head = fused[0]
    if m.group("tt") or fused[2].match(text, m.end("head")):
        return None  # not fused, or the body is written out again ("Trưởng đoàn Đoàn ĐBQH")
    if _full_name_at(text, m.end("head"), end):
        return None  # "Trưởng ban Nguyễn Hải Hường ký": the person, not a body "Ban Nguyễn Hải Hường"
    pos = role.start("org")
    read = read_org(text, pos, end)
    if read is None or read.end <= m.end("head"):
        org_end, name = after_open(text, m.end("head"), end)
        if name is None and (topic := topic_end(text, pos, org_end, end)) is not None:
            org_end, name = topic  # "Trưởng phòng Cảnh sát điều tra tội phạm về ma túy" (TITLE_BODY_TOPIC)
        read = bracketed_parent(text, with_parent(text, OrgRead(pos, org_end, name), end), end)
    if read.end <= m.end("head"):
        return None
    return read, org_head + text[m.end("head") : read.end]


def _full_name_at(text: str, pos: int, end: int) -> bool:
    """A Vietnamese full name is written right after ``pos`` (past one space), not a place."""
    sp = SPACE.match(text, pos, end)
    run = cap_words(text, sp.end(), end)[:4] if sp else []
    return len(run) >= 2 and looks_like_name([w for _, _, w in run], foreign=False) and not _is_place(run)


def find_names(text: str, span: Span, titles: list[Title]) -> list[NameMention]:
    names: dict[int, NameMention] = {}
    _honorific_names(text, span, titles, names)
    _names_after_titles(text, span, titles, names)
    _names_of_next_items(text, span, titles, names)
    _names_after_described_titles(text, span, titles, names)
    _foreign_names_after_bodies(text, span, titles, names)
    _full_names(text, span, titles, names)
    for n in names.values():
        n.name = _with_initial(text, n.name)
    return sorted(names.values(), key=lambda n: n.start)


def _with_initial(text: str, name: str) -> str:
    """A foreign name of two words written elsewhere in the article with one middle initial ("James Robart",
    "James L. Robart") is that fuller name, so both mentions are one person."""
    words = name.split()
    if len(words) != 2 or ". " + words[1] not in text or not (looks_foreign(words[0]) or looks_foreign(words[-1])):
        return name
    found = {m.group(0) for m in regex.finditer(rf"(?<![\p{{L}}]){regex.escape(words[0])} \p{{Lu}}\. {regex.escape(words[1])}(?![\p{{L}}])", text)}
    return found.pop() if len(found) == 1 else name


@lru_cache(maxsize=1)
def _capital_run() -> regex.Pattern[str]:
    """Two or more capitalised words; a lower-case particle of a foreign name (grammar class name_particle) may
    stand before one of them ("Frank de Boer", "Bashar al-Assad")."""
    particle = rf"(?:(?:{_words('name_particle')})(?:-| ))*"
    word = r"\p{Lu}\p{Ll}*(?:'\p{Lu}\p{Ll}*)?(?:-\p{L}\p{Ll}*)?"  # "Y Quyết B'Krông": an apostrophe inside a minority name
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}-]){word}(?: {particle}{word})+(?![\p{{L}}\p{{N}}])")


def _full_names(text: str, span: Span, titles: list[Title], names: dict[int, NameMention]) -> None:
    """A Vietnamese full name written bare, with no honorific or title before it ("khởi tố Trần
    Thanh Dâng (40 tuổi, nguyên cán bộ …)"): a surname, then a middle-name syllable or three names,
    outside any title, other name, street or institution's name. It becomes a person only if a
    title is linked to it."""
    taken = [(n.start, n.end) for n in names.values()] + [(t.start, t.end) for t in titles]
    starts = {t.start: t for t in titles if not t.bare}
    for m in _capital_run().finditer(text, span.start, span.end):
        run = cap_words(text, m.start(), m.end())[:4]
        if run and (glued := glued_dash_end(text, run[-1][0], run[-1][1], span.end)) is not None:
            run[-1] = (run[-1][0], glued, text[run[-1][0] : glued])  # "Hồ Sỹ Hùng-Cục trưởng …": the role is past the run
        texts = [w for _, _, w in run]
        if len(run) < 2 or _named_place(text, m.start()) or _is_place(run) or _head_then_place(texts):
            continue
        rule = NAME_FULL if looks_like_name(texts, foreign=False) else _foreign_apposed(text, span, run, starts)
        if _title_copula(text, span, m.start(), titles) and (rule is not None or _bare_foreign(text, span, run)):
            rule = NAME_AFTER_COPULA  # "Giám đốc FBI khi đó là James Comey"
        start, end = run[0][0], run[-1][1]
        if rule is not None and not any(a < end and start < b for a, b in taken):
            names[start] = NameMention(start, end, text[start:end], rule=rule)
            taken.append((start, end))


_APPOSED_POST = regex.compile(r"\s*(?:,|–|-)\s*")


@lru_cache(maxsize=1)
def _copula_gap() -> regex.Pattern[str]:
    """Between a title and the bare name that holds it: "là" (grammar class copula), a present or past adverb before it
    ("hiện là", "khi đó là": present_adverb, past_frame words are not read)."""
    return regex.compile(rf"(?i)\s+(?:{_words('present_adverb')}\s+)?(?<![\p{{L}}]){alternation(['là'])}\s+$")


def _title_copula(text: str, span: Span, pos: int, titles: list[Title]) -> bool:
    """A title (not a bare generic word) ends right before "là" and the name at ``pos``."""
    m = _copula_gap().search(text, max(span.start, pos - 20), pos)
    return m is not None and any(t.end == m.start() and not t.bare for t in titles)


def _bare_foreign(text: str, span: Span, run: list[tuple[int, int, str]]) -> bool:
    """A foreign-looking full name that no longer proper name holds and the article never writes as a body."""
    texts = [w for _, _, w in run]
    return looks_like_name(texts) and not is_name_start(texts[0]) and not _inside_proper_name(text, span, run[0][0]) and not _body_elsewhere(text, " ".join(texts))


def _foreign_apposed(text: str, span: Span, run: list[tuple[int, int, str]], starts: dict[int, Title]) -> Rule | None:
    """A foreign-looking full name ("Michael Dell", "Karl-Heinz Rummenigge") is a person when a title
    follows it in apposition, through a comma or a dash; not when the run ends a longer proper name
    ("HMS Stock Force"), holds a Vietnamese name after a prefix ("Bs Đào Trung Hiếu"), is a body the
    article also writes bare ("Real Madrid" … "của Real Madrid"), or when the title with no body is
    the subject of a verb ("Sau khi rời Saudi Arabia, tổng thống sẽ đến …")."""
    texts = [w for _, _, w in run]
    if not looks_like_name(texts) or is_name_start(texts[0]) or _inside_proper_name(text, span, run[0][0]):
        return None
    if any(is_name_start(w) and len(texts) - i >= 2 and looks_like_name(texts[i:], foreign=False) for i, w in enumerate(texts[1:], 1)):
        return None
    sep = _APPOSED_POST.match(text, run[-1][1], span.end)
    title = (starts.get(sep.end()) if sep else None) or _indefinite_at(text, run[-1][1], span.end, starts)
    if title is None or _body_elsewhere(text, " ".join(texts)):
        return None
    if title.organization is None and _verb_after().match(text, title.end, span.end):
        return None
    return NAME_FOREIGN_APPOSED


@lru_cache(maxsize=1)
def _verb_after() -> regex.Pattern[str]:
    """A verb or an adverb before one (org_stops.tsv, kind "verb") right after a title: the title is a subject."""
    verbs = [w for w, k in lexicons().org_stops.items() if k == "verb"]
    return regex.compile(rf"(?i)\s+(?:{alternation(verbs)})(?![\p{{L}}])")


def _head_then_place(texts: list[str]) -> bool:
    """A body's head that is also a surname, then a place: "Đoàn Thanh Hóa" (a delegation), not a person."""
    return texts[0] in lexicons().organisations and " ".join(texts[1:]) in lexicons().places


def _named_place(text: str, start: int) -> bool:
    """The capitalised run names a street, school or institution ("đường Nguyễn Huệ") or, after a word
    that opens a body or place ("ở Đồng Tâm"), a place."""
    before = text[max(0, start - 15) : start].split()
    if len(before) >= 2 and " ".join(before[-2:]).lower() in lexicons().grammar("place_word_compound"):
        return False  # "thẩm phán liên bang James Robart": "liên bang" describes the post
    return bool(before) and lexicons().name_stops.get(before[-1].lower()) in ("place_before", "body_before")


def _honorific_names(text: str, span: Span, titles: list[Title], names: dict[int, NameMention]) -> None:
    """Names after an honorific ("ông Lê Hoàng Châu"), with the list a plural one opens ("các bà A, B và C")."""
    for m in honorific_search().finditer(text, span.start, span.end):
        glued = _inside_proper_name(text, span, m.start())
        if glued and not _glued_honorific(text, span, m):
            continue  # "Hai Bà Trưng", "Bà Rịa": a capitalised honorific word inside a place's name
        if _place_after_title(text, titles, m):
            continue  # "Ngoại trưởng Anh Boris Johnson": the country, not the honorific "anh"
        if _bare_rank(m.group("h")) and _honorific_ends_role(text, span, m):
            continue  # "Thủ tướng Nguyễn Xuân Phúc": the rank word "tướng" ends a role, it is no honorific
        sp = SPACE.match(text, m.end() + (text[m.end()] == ":"), span.end)  # "các đồng chí: A, …"
        if not sp:
            continue
        run = cap_words(text, sp.end(), span.end)[:4]
        if not run or (len(run) == 1 and _bare_rank(m.group("h"))):
            continue  # "lão tướng Carrick", "nữ tướng VinGroup": a one-word rank is a rank before a full name only
        if _body_not_name(text, run[0]) or _degree_field(m.group("h"), run[0][2]):
            continue  # "bác sĩ Khoa Hồi sức tích cực", "thạc sĩ Luật": a body or a field, not a person
        if " ".join(w for _, _, w in run) in lexicons().places:
            continue  # "một ca sĩ Việt Nam": the place the person is of, no name
        names[run[0][0]] = NameMention(
            run[0][0], run[-1][1], text[run[0][0] : run[-1][1]], _honorific(m.group("h")), honorific_start=m.start("h"),
            rule=NAME_AFTER_GLUED_HONORIFIC if glued else NAME_AFTER_HONORIFIC,
        )
        if _patterns().plural.search(text, max(span.start, m.start() - 6), m.start()):
            _add_list(names, _list_members(text, span, names[run[0][0]], titles))


def _bare_rank(honorific: str) -> bool:
    """A rank of one word ("tướng"), which also makes compounds of other senses ("lão tướng": a veteran player)."""
    return " " not in honorific and lexicons().honorifics.get(honorific[:1].upper() + honorific[1:]) == "rank"


def _honorific_ends_role(text: str, span: Span, m: regex.Match[str]) -> bool:
    """A one-word rank that is the last word of a role opened by the word before it: "tướng" of
    "Thủ tướng", "Phó Thủ tướng" is no rank; "là Tướng Vincent Brooks", "bổ nhiệm Tướng James Ajong" are."""
    previous = _LAST_WORD.search(text, span.start, max(span.start, m.start() - 1))
    if previous is None:
        return False
    role = grammar().role.match(text, previous.start(1), span.end)
    return role is not None and role.end() >= m.end("h")


def _glued_honorific(text: str, span: Span, m: regex.Match[str]) -> bool:
    """A capitalised address honorific after a capitalised word (NAME_AFTER_GLUED_HONORIFIC) that opens a full name of
    two to four words: a Vietnamese one (a surname and a middle name) or a foreign one, not a place, and not after a
    word that makes the run a street's or a body's name. A capital there is ambiguous, so the name must be followed by
    the strongest sign of an official: a capitalised post in apposition ("…, Giám đốc …", "… - Chủ tịch …")."""
    word = m.group("h")
    if lexicons().honorifics.get(word.lower()) != "address" or word in lexicons().places or not word[:1].isupper():
        return False
    sp = SPACE.match(text, m.end(), span.end)
    run = cap_words(text, sp.end(), span.end)[:4] if sp else []
    texts = [w for _, _, w in run]
    if not 2 <= len(run) <= 4 or not looks_like_name(texts) or _is_place(run) or _head_then_place(texts):
        return False
    return not _named_place(text, m.start()) and _GLUED_APPOSED.match(text, run[-1][1], span.end) is not None


_GLUED_APPOSED = regex.compile(r"\s*[,–-]\s*\p{Lu}")  # after the name: a post in apposition, capitalised as an official's is


def _honorific_place(text: str, span: Span, start: int) -> list[tuple[int, int, str]]:
    """The capitalised run at ``start`` when it opens with a place that is also an honorific ("Anh Boris
    Johnson" after a title: England, then the person), else []."""
    h = grammar().honorific.match(text, start, span.end)
    if h is None or not h.group("h")[:1].isupper() or h.group("h") not in lexicons().places:
        return []
    sp = SPACE.match(text, h.end(), span.end)
    rest = cap_words(text, sp.end(), span.end) if sp else []
    return [(h.start(), h.end(), h.group("h")), *rest] if rest and looks_foreign(rest[0][2]) else []


def _place_after_title(text: str, titles: list[Title], m: regex.Match[str]) -> bool:
    """A capitalised honorific that is also a place ("Anh": England) written right after a title with no body."""
    word = m.group("h")
    after = cap_words(text, m.end() + 1, len(text))[:1]
    return word[:1].isupper() and word in lexicons().places and bool(after) and looks_foreign(after[0][2]) and any(
        t.end < m.start() and not text[t.end : m.start()].strip() for t in titles
    )


_LAST_WORD = regex.compile(r"(\S+)$")


def _inside_proper_name(text: str, span: Span, pos: int) -> bool:
    """A capitalised word right after another capitalised word (not opening the sentence) is part
    of a proper name, not an honorific."""
    if not text[pos : pos + 1].isupper() or pos - 1 <= span.start or text[pos - 1] != " ":
        return False
    previous = _LAST_WORD.search(text[span.start : pos - 1])
    return previous is not None and previous.group(1)[:1].isupper() and previous.group(1)[-1:].isalpha()


def _names_after_titles(text: str, span: Span, titles: list[Title], names: dict[int, NameMention]) -> None:
    """Names right after a title chain ("Phó Chủ tịch UBND tỉnh Bình Dương Trần Thanh Liêm"); a
    title with no organisation may first name its body by a place or a short body name
    ("Tổng thống Mỹ Donald Trump", "Giám đốc FBI James Comey", "Chủ tịch Tepco Tsunehisa Katsumata")."""
    for title in titles:
        start = title.name_after if title.name_after is not None else _name_start_after(text, span, title)
        if start is None or start in names or title.described_name is not None:
            continue
        run = (_honorific_place(text, span, start) or cap_words(text, start, span.end))[:7]
        lead = replace(title, start=_chain_start(text, titles, title))  # the holder is named before the first post of a chain
        if len(run) == 1 and (grammar().org_open.match(text, start, span.end) or grammar().org_fixed.match(text, start, span.end)):
            continue  # "Phó chủ tịch Tổng hội …": a body's head, not a one-word name
        body = _leading_body(text, run) if title.org_start is None and title.name_after is None else 0
        if len(run) == 1 and title.org_start is None and (is_acronym(run[0][2]) or _brand(run[0][2]) or _lone_body(text, span, lead, run[0], names)):
            _set_org(title, text, run[0][0], run[0][1])  # "Tổng Biên tập VietTimes", "Chủ tịch Sacombank"
            if _body_branch(text, span, title):
                _name_after_unknown_body(text, span, lead, title, names)  # "Giám đốc BIDV chi nhánh Hà Tây Nguyễn Văn A"
                continue
            _name_past_lone_body(text, span, (title, titles), names)
            continue
        if 2 <= len(run) <= 3 and title.org_start is None and title.name_after is None and _foreign_body(text, span, lead, run, names):
            _set_org(title, text, run[0][0], run[-1][1])  # "Carlo Ancelotti (HLV Bayern Munich …)"
            continue
        rest = run[body : body + 4]
        if not rest or (body and not starts_name([w for _, _, w in rest]) and not _unmarked_after_known_body(text, title, run[:body], rest)):
            continue
        if len(rest) == 1 and _lone_word_not_name(text, span, title, rest[0], body):
            _name_after_unknown_body(text, span, lead, title, names)
            continue
        if _body_name_after_holder(text, span, (title, lead, titles), rest, names):
            continue
        _name_after(text, span, (title, titles), run[:body], rest, names)


def _name_past_lone_body(text: str, span: Span, where: tuple[Title, list[Title]], names: dict[int, NameMention]) -> None:
    """The speaker named through a comma after a title whose body is one word, an acronym or a brand
    (NAME_AFTER_LONE_BODY): "Chủ tịch ABC, John Miller cho biết", "Phó Tổng Giám đốc Honda, Kenji Sato
    nói thêm"; a full name with a lower-case word after it (``_name_start_after``), not a place."""
    title, titles = where
    start = _name_start_after(text, span, title)
    if start is None or start in names or "," not in text[title.end : start]:
        return
    rest = cap_words(text, start, span.end)[:4]
    if _is_place(rest) or _head_then_place([w for _, _, w in rest]):
        return
    names[start] = NameMention(start, rest[-1][1], text[start : rest[-1][1]], rule=NAME_AFTER_LONE_BODY)


def _body_name_after_holder(text: str, span: Span, where: tuple[Title, Title, list[Title]], rest: list[tuple[int, int, str]],
                            names: dict[int, NameMention]) -> bool:
    """A title with its body, written in apposition right after its holder's name (through a comma or a dash), takes the
    name-like run after the body as the end of the body (TITLE_APPOSED_BODY_NAME): "ông Hoàng Đức Hoài, Giám đốc Công ty
    TNHH Thương mại Hoàng Đức". Not when the name before is itself written after a title, a list of posts and names
    ("Bí thư Tỉnh ủy Trần Văn B, Chủ tịch UBND tỉnh Lê Văn C")."""
    title, lead, titles = where
    if title.org_start is None or text[title.end : rest[0][0]] != " " or not 2 <= len(rest) <= 3 or not starts_name([w for _, _, w in rest]):
        return False  # right after the body, not past a comma ("…, Đoàn Luật sư TP Hà Nội")
    word = _LAST_WORD.search(text, title.org_start, rest[0][0] - 1)
    honorific = grammar().honorific.match(text, word.start(1)) if word is not None else None
    if word is not None and honorific is not None and honorific.end() == word.end(1):
        return False  # "… Tập đoàn Thành Công Ông Trần Bá Dương, …": a sentence glued on, its honorific read into the body
    holder = _apposed_holder_start(text, span, lead, names)
    if holder is None or any(t.end <= holder and not text[t.end : holder].strip() for t in titles):
        return False
    _set_org(title, text, title.org_start, rest[-1][1])
    title.own_rule = title.own_rule or TITLE_APPOSED_BODY_NAME
    return True


def _apposed_holder_start(text: str, span: Span, lead: Title, names: dict[int, NameMention]) -> int | None:
    """Where the full name written right before the title through a comma or a dash starts: a name already read after an
    honorific, or a capitalised run that looks like a Vietnamese full name."""
    for n in names.values():
        addressed = n.rule in (NAME_AFTER_HONORIFIC, NAME_AFTER_GLUED_HONORIFIC)
        if addressed and span.start <= n.end <= lead.start and len(n.name.split()) >= 2 and _HOLDER_AFTER.fullmatch(text, n.end, lead.start):
            return n.start
    before = _NAME_BEFORE_GAP.search(text, span.start, lead.start)
    if before is None or not _HOLDER_AFTER.fullmatch(text, before.end(1), lead.start):
        return None
    return before.start(1) if looks_like_name(before.group(1).split(), foreign=False) else None


def _name_after(text: str, span: Span, where: tuple[Title, list[Title]], body: list[tuple[int, int, str]],
                rest: list[tuple[int, int, str]], names: dict[int, NameMention]) -> None:
    """The person named by ``rest`` right after the title (past the words of its ``body``, which the title takes),
    with the names listed after it when the title is plural ("các thứ trưởng … A, B, C")."""
    title, titles = where
    texts = [w for _, _, w in rest]
    unmarked = _unmarked_name(text, title, rest) if not starts_name(texts) else None
    if not rest or not (starts_name(texts) or len(rest) == 1 or unmarked) or _is_place(rest) or _head_then_place(texts):
        return
    if body:
        _set_org(title, text, body[0][0], body[-1][1])
    rule = unmarked or title.name_rule or NAME_AFTER_TITLE
    names[rest[0][0]] = NameMention(rest[0][0], rest[-1][1], text[rest[0][0] : rest[-1][1]], rule=rule)
    if _plural_before(text, span, title.start):
        _add_list(names, _listed_after_title(text, span, names[rest[0][0]], titles))


def _unmarked_after_known_body(text: str, title: Title, body: list[tuple[int, int, str]], rest: list[tuple[int, int, str]]) -> bool:
    """An unmarked foreign name (see ``_unmarked_name``) after a body that places.tsv knows, a place, a country or a
    body written by its bare name (kind named_body): "CEO Apple Tim Cook", not "ứng viên tổng thống Tan Cheng Bock"."""
    return " ".join(w for _, _, w in body) in lexicons().places and _unmarked_name(text, title, rest) is not None


def _unmarked_name(text: str, title: Title, rest: list[tuple[int, int, str]]) -> Rule | None:
    """A name after a title that neither a surname nor a foreign-looking word opens: a foreign name whose first word
    is spelt like a Vietnamese syllable, every later word foreign-looking ("HLV Sam Allardyce", "Giám đốc điều hành
    Tim Cook"), not a body ("Quỹ Awaaz", written "… của Quỹ X" elsewhere); or, after a coach's post (sense "sport"),
    the middle and given name a Vietnamese sportsman is called by ("HLV Hữu Thắng")."""
    texts = [w for _, _, w in rest]
    if not 2 <= len(texts) <= 3 or any(is_acronym(w) or _brand(w) for w in texts) or lexicons().name_stops.get(texts[0].lower()):
        return None
    if texts[0] in lexicons().places:
        return None  # "Chủ tịch Hạ viện Anh John Bercow": a country, then the name
    rule = None
    if all(looks_foreign(w) for w in texts[1:]) and len(texts[0]) >= 2:
        rule = NAME_FOREIGN_FIRST_SYLLABLE
    elif len(texts) == 2 and "sport" in role_senses(title.role) and lexicons().middle_names.get(texts[0]) == "common" and not looks_foreign(texts[1]):
        rule = NAME_SPORT_SHORT
    g = grammar()
    if rule is None or g.org_open.match(text, rest[0][0]) or g.org_fixed.match(text, rest[0][0]) or _body_elsewhere(text, " ".join(texts)):
        return None
    return rule


_DESCRIPTION = regex.compile(r" (\p{Ll}+(?: \p{Ll}+){0,3}) (?=\p{Lu})")


def _names_after_described_titles(text: str, span: Span, titles: list[Title], names: dict[int, NameMention]) -> None:
    """A foreign full name of two or three words after a title with no body and up to four lower-case
    words describing it ("cựu cố vấn an ninh quốc gia Michael Flynn", "phát ngôn viên quân đội Restituto
    Padilla"): the words join the role; none may be a verb, preposition or other word that ends a body."""
    taken = [(n.start, n.end) for n in names.values()]
    for title in titles:
        if title.described_name is not None:  # read in an earlier pass over the sentence: the title holds its description
            run = cap_words(text, title.described_name, span.end)[:3]
            rule = title.name_rule or NAME_AFTER_DESCRIBED_TITLE
            names.setdefault(run[0][0], NameMention(run[0][0], run[-1][1], text[run[0][0] : run[-1][1]], rule=rule))
            continue
        described = _DESCRIPTION.match(text, title.end, span.end) if title.organization is None and not title.bare else None
        if described is None or _ends_body(described.group(1)) or _held_before(text, span, title, names):
            continue  # a title in apposition to a name before it is that name's
        run = cap_words(text, described.end(), span.end)[:6]
        place = _described_place(run) if not _named_place(text, described.end()) else 0
        run = run[place:]
        texts = [w for _, _, w in run]
        if (not place and _named_place(text, described.end())) or not 2 <= len(run) <= 3:
            continue
        if not (looks_foreign(texts[0]) and looks_like_name(texts)) and not (place and _foreign_name(text, run)):
            continue  # after a place, a first word spelt like a Vietnamese syllable ("Mỹ Dan Coats") as _foreign_name allows
        if _body_elsewhere(text, " ".join(texts)):
            continue
        start, end = run[0][0], run[-1][1]
        if any(a < end and start < b for a, b in taken):
            continue
        title.role, title.end, title.described_name = _described_role(title, described.group(1)), described.end(1), start
        if place:  # "Thẩm phán liên bang Mỹ James Robart": the country is the post's body
            _set_org(title, text, described.end(), run[0][0] - 1)
            title.name_rule = NAME_AFTER_DESCRIBED_PLACE
        names[start] = NameMention(start, end, text[start:end], rule=title.name_rule or NAME_AFTER_DESCRIBED_TITLE)
        taken.append((start, end))


def _described_place(run: list[tuple[int, int, str]]) -> int:
    """How many leading words of the capitalised run after a title's description name a country, a foreign place or a
    body written by its bare name (places.tsv: "Mỹ", "Hàn Quốc", "Apple") with two or three words of a name after them."""
    places = lexicons().places
    texts = [w for _, _, w in run]
    return next((n for n in (3, 2, 1) if 2 <= len(texts) - n <= 3 and " ".join(texts[:n]) in places), 0)


@lru_cache(maxsize=1)
def _possessive_gap() -> regex.Pattern[str]:
    """A possessive (grammar class possessive: "của") and its space, before the body a title names."""
    return regex.compile(rf"{_words('possessive')} (?=\p{{L}})")


_ACRONYM_AFTER = regex.compile(r" \(\p{Lu}[\p{Lu}\p{N}&-]{1,9}\)")
_BODY_WORDS = regex.compile(r"[\p{L}\p{M}&'-]+")
_MAX_BODY_WORDS = 8


def _foreign_names_after_bodies(text: str, span: Span, titles: list[Title], names: dict[int, NameMention]) -> None:
    """A foreign full name of two or three words right after the body a title names, the body's last word in lower
    case or a place ("Bộ trưởng Quốc phòng Guy Parmelin", "Người phát ngôn Bộ An ninh nội địa Jonathan Hoffman",
    "Thượng nghị sĩ đảng Cộng hòa John McCain"): the body reader took the name as the end of the body's own
    name, or read no body. The words between hold a capital (a body, not a description of the role) and no word
    that ends a body (a verb, a preposition, a function word; "của" may open them); a place, or a word the
    article writes on its own, that opens the capitalised run is the body's ("bang Utah Orrin Hatch",
    "Tập đoàn Alibaba Jack Ma")."""
    taken = [(n.start, n.end) for n in names.values()]
    for title in titles:
        if title.bare or title.name_after in names or title.described_name is not None:
            continue
        found = _foreign_name_in_body(text, span, title)
        if found is None or _held_before(text, span, replace(title, start=_chain_start(text, titles, title)), names):
            continue  # "ông Christopher Ruddy, Tổng giám đốc hãng tin Newsmax Media": the title is the name's before it
        body_start, body_end, run = found
        start, end = run[0][0], run[-1][1]
        if any(a < end and start < b for a, b in taken):
            continue
        written = text[start:end]
        kept = title.organization[: -len(written)].rstrip() if title.organization and title.organization.endswith(" " + written) else None
        title.org_start, title.org_end, title.organization = body_start, body_end, kept or org_text(text, body_start, body_end)
        title.end = body_end  # "Bộ Quốc phòng Guy Parmelin" read as the body: the name is cut off it
        names[start] = NameMention(start, end, text[start:end], rule=NAME_FOREIGN_AFTER_BODY)
        taken.append((start, end))


def _foreign_name_in_body(text: str, span: Span, title: Title) -> tuple[int, int, list[tuple[int, int, str]]] | None:
    """(start and end of the body, the name's words) of a foreign name closing the body after ``title``, else None."""
    sp = SPACE.match(text, title.role_end, span.end)
    if sp is None:
        return None
    begin = title.org_start if title.org_start is not None else sp.end()
    lex, g = lexicons(), grammar()
    possessive = _possessive_gap().match(text, begin) if title.org_start is None else None
    begin = possessive.end() if possessive else begin  # "Tổng giám đốc của Trung tâm …": the body after "của"
    words = [(m.start(), m.end(), m.group(0)) for m in _BODY_WORDS.finditer(text, begin, min(span.end, begin + 150))]
    i = 0
    while i < min(len(words), _MAX_BODY_WORDS + 1):
        s, _, w = words[i]
        if i and text[words[i - 1][1] : s] != " ":
            return None  # punctuation ends the body
        if w[:1].islower():
            if w in lex.function_words or g.stop.match(text, s) or (i == 0 and not _opens_body(text, s)):
                return None  # "Tổng thống đắc cử Pháp …": a description of the role, not a body, opens the words
            i += 1
            continue
        run = cap_words(text, s, span.end)
        if lex.name_stops.get(w.lower()) == "opener":
            return None  # "Tổng thống Trump Theo Business Insider": a new sentence
        if i == 0 and starts_name([x for _, _, x in run]) and (len(run) >= 2 or looks_foreign(w)):
            return None  # "HLV Zinedine Zidane muốn …", "Tổng thống Trump …": the title's holder is named right after it
        if i == 0 or len(run) < 2:
            i += len(run) or 1
            continue
        return _name_closing(text, title, (begin, [x for _, _, x in words[:i]]), run)
    return None


def _called_elsewhere(text: str, word: tuple[int, int, str], full: tuple[int, int, str] | None = None) -> bool:
    """The article calls the person by the word (or from ``full`` to it) elsewhere: after an honorific ("ông Ghosn",
    "ông Jack Ma")."""
    g = grammar()
    for start in (*_whole_occurrences(text, word[2]), *_whole_occurrences(text, text[full[0] : word[1]] if full else "")):
        window = text[max(0, start - 25) : start]
        if start not in (word[0], full[0] if full else -1) and any(not window[h.end() :].strip() for h in g.honorific.finditer(window)):
            return True
    return False


def _opens_body(text: str, pos: int) -> bool:
    """A lower-case word at ``pos`` that opens a body or a place: a body's head ("ủy ban"), a party (grammar class
    party_head: "đảng"), a level ("tỉnh") or a word of name_stops.tsv that opens one ("bang", "hãng", "điện")."""
    g, lex = grammar(), lexicons()
    two = " ".join(text[pos : pos + 30].split()[:2])
    return any(
        g.org_open_lower.match(text, pos) or g.org_fixed.match(text, pos) or lex.name_stops.get(ws) in ("place_before", "body_before")
        or lex.admin_levels.get(ws, ("", ""))[1] == "level" or ws in lex.grammar("party_head")
        for ws in (two.split()[0] if two else "", two)
    )


def _body_or_place_before(before: list[str]) -> str | None:
    """What the word or two before a capitalised run make of it: "place" after a level or a word that opens a place
    ("tỉnh Đắk Lắk", "bang Utah"), "body" after a word that opens a body (name_stops.tsv: "hãng", "công ty") or an
    open body head that needs its own name ("Đại học George Washington"), else None."""
    lex, g = lexicons(), grammar()
    if before and (lex.name_stops.get(before[-1].lower()) == "place_before" or lex.admin_levels.get(before[-1].lower(), ("", ""))[1] == "level"):
        return "place"
    for n in (1, 2):
        words = " ".join(before[-n:]) if len(before) >= n else ""
        if words[:1].isupper() and g.org_open.fullmatch(words):
            return "body"
        for i in range(len(before) - n + 1):  # right before the run, or opened earlier and only described since ("công ty sản xuất Sunrise Foods")
            if lex.name_stops.get(" ".join(before[i : i + n]).lower()) == "body_before" and all(w[:1].islower() for w in before[i + n :]):
                return "body"
    return None


def _name_closing(text: str, title: Title, body: tuple[int, list[str]], run: list[tuple[int, int, str]]) -> tuple[int, int, list[tuple[int, int, str]]] | None:
    """The foreign name that the capitalised ``run`` ends with, after the body's words, if it closes the body."""
    begin, before = body
    if len(run) > 4 or _LOWER_NEXT.match(text, run[-1][1]) is None and text[run[-1][1] : run[-1][1] + 1].isalpha():
        return None
    if _BRACKETED_ACRONYM.match(text, run[-1][1]) or _ACRONYM_AFTER.match(text, run[-1][1]):
        return None  # "Công ty bất động sản Future Land Development (FLD)": a body with its acronym
    cut = _words_of_body(text, before, run)
    if cut is None:
        return None
    name = run[cut:]
    if not _foreign_name(text, name):
        return None
    if title.org_start is None and not any(x[:1].isupper() for x in [*before, *(x for _, _, x in run[:cut])]):
        return None  # lower-case words only: a description of the role (people.name.after_described_title)
    if title.org_start is not None and name[-1][1] > title.end and name[0][0] != title.name_after:
        return None  # the body read ends before the name: the name is not in it nor right after it
    body_end = run[cut - 1][1] if cut else run[0][0] - 1
    return begin, body_end, name


def _words_of_body(text: str, before: list[str], run: list[tuple[int, int, str]]) -> int | None:
    """How many leading words of the capitalised run still name the body or its place (None: the run names the body)."""
    opener = _body_or_place_before(before)
    if opener == "place":
        return len(run) - 2 if len(run) >= 4 else 1  # "bang Utah Orrin Hatch", "bang New York Chuck Schumer": the place, then the name
    if opener == "body":
        if len(run) < 3 or not _called_elsewhere(text, run[-1], run[1]):
            return None  # "công ty CP Diamond Properties", "Đại học George Washington": the run names the body
        return 1  # "Tập đoàn Alibaba Jack Ma" … "ông Jack Ma": the body's name, then a person the article calls so
    cut = _leading_body(text, run)
    if cut > 2 or (cut and not _called_elsewhere(text, run[-1])):
        return None  # "Nissan Motor Co": a body the article writes alone, its name going on
    return cut


def _foreign_name(text: str, name: list[tuple[int, int, str]]) -> bool:
    """Two or three words of a foreign person's name: no place in them, no acronym or brand, one word at least
    foreign-looking; the first may be spelt like a Vietnamese syllable ("Guy Parmelin"); not a body the article
    names elsewhere."""
    lex = lexicons()
    texts = [x for _, _, x in name]
    if not 2 <= len(texts) <= 3 or any("." in x for x in texts):
        return False
    parts = " ".join(texts).replace("-", " ").split()
    if any(" ".join(parts[:n]) in lex.places for n in range(1, len(parts) + 1)) or any(x in lex.places for x in texts):
        return False  # "TP.Đông Hà", "Việt Nam-Cuba": a place
    foreign = looks_like_name(texts) or (len(texts[0]) >= 2 and not is_name_start(texts[0]) and all(looks_foreign(x) for x in texts[1:]))
    if not foreign or not any(looks_foreign(x) for x in texts) or any(is_acronym(x) or _brand(x) for x in texts):
        return False
    return not _body_elsewhere(text, " ".join(texts))


def _ends_body(words: str) -> bool:
    """A word of the description is a function word or a level, a word or two opens a body or a place
    (name_stops.tsv, an organisation head) or ends a body's name (org_stops.tsv, the personnel verbs):
    "của", "công ty", "bang", "nói", "cho biết"."""
    ws = words.split()
    lex = lexicons()
    if any(w in lex.function_words or w in lex.admin_levels for w in ws):
        return True  # "CEO của …", "Phó Chủ tịch tỉnh …": a preposition or a level opens a body or place, not a description
    heads = [" ".join(ws[:n]) for n in (1, 2)]  # where a body or place would open
    if any(lex.name_stops.get(h) in ("place_before", "body_before") or grammar().org_open_lower.fullmatch(h) for h in heads):
        return True  # "giám đốc công ty sản xuất …", "thượng nghị sĩ bang …": the capitalised run names that body or place
    return any(grammar().stop.fullmatch(" ".join(ws[i : i + n])) for n in (1, 2) for i in range(len(ws) - n + 1))


def _lone_word_not_name(text: str, span: Span, title: Title, word: tuple[int, int, str], body: int) -> bool:
    """A lone capitalised word after a title that is no one-word name: the head of an unknown body
    ("Giám đốc Khu quản lý …", "Chủ tịch Nghiệp đoàn nghề cá": the title takes that body), or a
    Vietnamese word the article never writes as a given name ("Trưởng bộ môn Sinh – Hóa")."""
    if not body and _common_word(text, span, word):
        _unknown_body(text, span, title, word)
        return True
    return not looks_foreign(word[2]) and not _given_name_elsewhere(text, word[2])


_LOWER_AFTER = regex.compile(r" \p{Ll}")


def _common_word(text: str, span: Span, word: tuple[int, int, str]) -> bool:
    """A lone capitalised word after a title, lower-case words after it, that cannot be a person's name: no
    surname, not foreign-looking, and never written as a given name in the article (as "Nghĩa" ends "Nguyễn
    Văn Nghĩa": "Thứ trưởng Nghĩa cho rằng")."""
    start, end, w = word
    if is_name_start(w) or looks_foreign(w) or is_acronym(w) or w in lexicons().places or not _LOWER_AFTER.match(text, end, span.end):
        return False
    return not _given_name_elsewhere(text, w)


def _unknown_body(text: str, span: Span, title: Title, word: tuple[int, int, str]) -> None:
    """A title with no body yet takes the one a common word after it heads, read as an open head's
    ("Chủ tịch Liên minh Hợp tác xã Việt Nam"), up to a person's name; a fused role adds its head
    ("Trưởng ban Chỉ đạo …" -> "Ban Chỉ đạo …")."""
    if title.org_start is not None or title.name_after is not None:
        return
    org_end, name_at = after_open(text, word[1], span.end)
    _set_org(title, text, word[0], org_end if name_at is not None else _before_name(text, word[1], org_end))
    title.organization = _fused_head(text, title) + (title.organization or "")
    title.name_after = name_at  # "Tổng Giám đốc Thông tấn xã Việt Nam Nguyễn Đức Lợi": the person after the body


def _name_after_unknown_body(text: str, span: Span, lead: Title, title: Title, names: dict[int, NameMention]) -> None:
    """The person named right after the unknown body a title took ("Tổng Giám đốc Thông tấn xã Việt Nam
    Nguyễn Đức Lợi"): a full name read where the body's own name ends, unless the title (``lead``: its chain)
    is in apposition to a name before it ("James Fanell – cựu Giám đốc … Thái Bình Dương Mỹ")."""
    if title.name_after is None or title.name_after in names or _held_before(text, span, lead, names):
        return
    run = cap_words(text, title.name_after, span.end)[:4]
    texts = [w for _, _, w in run]
    places = lexicons().places
    if any(w in places and looks_foreign(nxt) for w, nxt in zip(texts, texts[1:])):
        return  # "… Thái Bình Dương Mỹ James Fanell": a country, then a foreign name; the words before it end the body
    if len(run) >= 2 and starts_name(texts) and not _is_place(run) and not _head_then_place(texts):
        names[run[0][0]] = NameMention(run[0][0], run[-1][1], text[run[0][0] : run[-1][1]], rule=NAME_AFTER_TITLE)


def _fused_head(text: str, title: Title) -> str:
    """The body head a fused role ends with, as the body is written ("Trưởng ban Chỉ đạo …" -> "Ban "), else ""."""
    heads = {h.lower(): h for h in lexicons().fused_roles.values()}
    words = text[title.start : title.role_end].split()
    return next((heads[" ".join(words[-n:]).lower()] + " " for n in (2, 1) if " ".join(words[-n:]).lower() in heads), "")


_CAPITAL_AT = regex.compile(r"(?<= )\p{Lu}")


def _before_name(text: str, pos: int, end: int) -> int:
    """``end``, or the end of the last word before a person's name written between ``pos`` and ``end``."""
    for m in _CAPITAL_AT.finditer(text, pos, end):
        run = cap_words(text, m.start(), end)[:4]
        if len(run) >= 2 and looks_like_name([w for _, _, w in run], foreign=False):
            return m.start() - 1
    return end


@lru_cache(maxsize=1)
def _post_joiner_gap() -> regex.Pattern[str]:
    return regex.compile(rf"\s+{_words('post_joiner')}\s+")


def _chain_start(text: str, titles: list[Title], title: Title) -> int:
    """Where a chain of posts joined by "kiêm" begins ("Chủ tịch kiêm Giám đốc điều hành …")."""
    start, moved = title.start, True
    while moved:
        moved = False
        for t in titles:
            if t.end <= start and _post_joiner_gap().fullmatch(text, t.end, start):
                start, moved = t.start, True
    return start


def _name_start_after(text: str, span: Span, title: Title) -> int | None:
    """Where a name may start right after a title: after a space, or after a dash or a comma when
    a full name follows (and, after a comma, the title has its body and the name no verb after it)."""
    sp = _TITLE_NAME_GAP.match(text, title.end, span.end)
    if not sp or not text[sp.end() : sp.end() + 1].isupper():
        return None
    if sp.group(0).strip():
        run = cap_words(text, sp.end(), span.end)[:4]
        if len(run) < 2 or not starts_name([w for _, _, w in run]):
            return None  # "Bộ trưởng Tài chính - Magdalena Andersson": only a full name after a dash
        if "," in sp.group(0) and (title.org_start is None or not _LOWER_NEXT.match(text, run[-1][1], span.end)):
            return None  # "Thứ trưởng Bộ Quốc phòng Nga, Alexander Fomin cho rằng": the speaker
    return sp.end()


_TITLE_NAME_GAP = regex.compile(r"\s+[-–]\s+(?=\p{Lu})|,\s+(?=\p{Lu})| ")
_LOWER_NEXT = regex.compile(r" \p{Ll}")


def _leading_body(text: str, run: list[tuple[int, int, str]]) -> int:
    """How many leading words of a capitalised run after a title name the title's body rather than
    the person: a known place or country ("Mỹ", "Hàn Quốc"), an acronym ("FBI", "WHO"), or words the
    article also writes on their own ("Tepco" … "của Tepco", "Real Madrid" … "Real Madrid thắng"), or
    one foreign-looking word before a Vietnamese full name ("Idecaf Huỳnh Anh Tuấn")."""
    words = [w for _, _, w in run]
    places = lexicons().places
    for size in range(min(3, len(words) - 1), 0, -1):
        head = words[:size]
        if _is_initial(words[size]):
            continue  # "George W. Bush": a middle initial goes on the name it is written in
        if " ".join(head) in places or all(is_acronym(w) or _brand(w) for w in head):
            return size
        if not is_name_start(words[0]) and _standalone_elsewhere(text, run, size):
            return size
    if len(words) >= 3 and looks_foreign(words[0]) and is_name_start(words[1]) and looks_like_name(words[1:5], foreign=False):
        return 1  # "Giám đốc Idecaf Huỳnh Anh Tuấn": a foreign word before a Vietnamese full name is the body
    return 0


def _is_initial(word: str) -> bool:
    """A middle initial read inside a foreign name ("W." of "George W. Bush")."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _given_name_elsewhere(text: str, word: str) -> bool:
    """The article writes the word as a person's given name: ending a full name ("Nguyễn Đức Chung") or
    after an honorific ("ông Chung")."""
    g = grammar()
    for m in regex.finditer(rf"(?<![\p{{L}}])((?:\p{{Lu}}\p{{Ll}}*\s+){{1,3}})?{regex.escape(word)}(?![\p{{L}}])", text):
        before = (m.group(1) or "").split()
        if before and is_name_start(before[0]) and looks_like_name([*before, word], foreign=False):
            return True
        window = text[max(0, m.start() - 25) : m.start()]
        if any(not window[h.end() :].strip() for h in g.honorific.finditer(window)):
            return True
    return False


def _brand(word: str) -> bool:
    """A word with a capital inside it ("VietTimes", "iSchool", "PVTex", "ABBank"): a brand or body, not a name."""
    if word[:1].islower() and any(c.isupper() for c in word):
        return True
    if regex.match(r"\p{Lu}{2,}\p{Ll}", word):
        return True  # "PVTex", "ABBank": capitals run into a lower-case tail
    humps = [i for i in range(2, len(word)) if word[i].isupper() and word[i - 1].islower()]
    return any(word[:i] not in _NAME_PREFIXES for i in humps)


def _lone_body(text: str, span: Span, title: Title, word: tuple[int, int, str], names: dict[int, NameMention]) -> bool:
    """A lone foreign-looking word after a title with no body names that body, not a person, when the
    title's holder is named apart ("ông Vũ Văn Tiền – Chủ tịch HĐQT ABBank", "Chủ tịch Novaland – ông
    Bùi Thành Nhơn") or the article writes the word as a body ("cổ phiếu Sacombank"), and nowhere as
    a person ("ông Trump", "Jose Mourinho")."""
    if len(word[2]) < 3 or not looks_foreign(word[2]) or _person_elsewhere(text, word[2]):
        return False
    return _held_before(text, span, title, names) or _holder_after(text, span, word[1]) or _body_elsewhere(text, word[2])


def _held_before(text: str, span: Span, title: Title, names: dict[int, NameMention], gap: regex.Pattern[str] | None = None) -> bool:
    """The title's holder is named right before it, through a comma, a dash or a bracket: a name
    already read, or a capitalised run that looks like a full name ("Marc Benioff, CEO …")."""
    gap = gap or _HOLDER_GAP
    if any(gap.fullmatch(text, n.end, title.start) for n in names.values() if span.start <= n.end <= title.start and len(n.name.split()) >= 2):
        return True
    before = _NAME_BEFORE_GAP.search(text, span.start, title.start)
    return before is not None and gap.fullmatch(text, before.end(1), title.start) is not None and looks_like_name(before.group(1).split())


_NAME_BEFORE_GAP = regex.compile(r"(?<![\p{L}])((?:\p{Lu}[\p{L}\p{M}'-]*\s){1,3}\p{Lu}[\p{L}\p{M}'-]*)\s*(?:,|–|-|\()\s*$")
_BRACKET_OR_DASH = regex.compile(r"\s*(?:–|-|\()\s*")


def _foreign_body(text: str, span: Span, title: Title, run: list[tuple[int, int, str]], names: dict[int, NameMention]) -> bool:
    """A run of two or three capitalised words after a title with no body names that body, not a
    person, when the title's holder is named right before it in a bracket or after a dash ("Carlo
    Ancelotti (HLV Bayern Munich …)", "ông Lê Đình Tứ - Phó Tổng giám đốc Deloitte Việt Nam"), the
    run is no Vietnamese name, and the article nowhere writes it as a person; or through a comma when
    the holder is addressed with an honorific ("ông Ashok Sud, Tổng giám đốc Standard Chartered")."""
    words = [w for _, _, w in run]
    if is_name_start(words[0]) or not any(looks_foreign(w) for w in words) or _person_elsewhere(text, " ".join(words)):
        return False
    if any(looks_like_name(words[i:]) for i in range(1, len(words) - 1)):
        return False  # "bà Wilson, Tổng thống Mỹ Donald Trump": a place, then a person
    addressed = any(n.rule in (NAME_AFTER_HONORIFIC, NAME_AFTER_GLUED_HONORIFIC) and _HOLDER_GAP.fullmatch(text, n.end, title.start) for n in names.values())
    return addressed or _held_before(text, span, title, names, _BRACKET_OR_DASH)


_HOLDER_GAP = regex.compile(r"\s*(?:,|–|-|\()\s*")
_HOLDER_AFTER = regex.compile(r"\s*(?:,|–|-)\s*")


def _holder_after(text: str, span: Span, pos: int) -> bool:
    """A person named in apposition right after the word: "Chủ tịch Real, Florentino Perez"."""
    sep = _HOLDER_AFTER.match(text, pos, span.end)
    if sep is None:
        return False
    h = grammar().honorific.match(text, sep.end(), span.end)
    run = cap_words(text, h.end() + 1 if h else sep.end(), span.end)[:4]
    return len(run) >= 2 and starts_name([w for _, _, w in run])


@lru_cache(maxsize=1)
def _body_before() -> regex.Pattern[str]:
    words = [w for w, k in lexicons().name_stops.items() if k == "body_before"]
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(words)})\s+$")


def _whole_occurrences(text: str, phrase: str) -> Iterator[int]:
    """Where ``phrase`` occurs in ``text`` with no letter just before or after it, left to right and
    not overlapping (as ``finditer`` of the escaped phrase between letter look-arounds finds it, without
    compiling a pattern per phrase)."""
    size, pos = len(phrase), text.find(phrase) if phrase else -1
    while pos >= 0:
        end = pos + size
        if (pos == 0 or not text[pos - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            yield pos
            pos = text.find(phrase, end)
        else:
            pos = text.find(phrase, pos + 1)


def _body_elsewhere(text: str, word: str) -> bool:
    """The article writes the word after a word that makes it a body ("cổ phiếu Sacombank", "ngân hàng Sacombank"),
    or in brackets as the short name of a body written out before it ("Công ty Cổ phần Sữa Việt Nam (Vinamilk)")."""
    return any(_body_before().search(text, max(0, start - 20), start) or _bracketed_short(text, start, len(word))
               for start in _whole_occurrences(text, word))


def _bracketed_short(text: str, start: int, size: int) -> bool:
    """The word at ``start`` closes a bracket opened right after a run of capitalised words headed by a body
    (organisations.tsv, or a body_before word of name_stops.tsv): "Tổng công ty Bia - Rượu - Nước giải khát
    Sài Gòn (Sabeco)", "Cục Dự trữ Liên bang Mỹ (Fed)"."""
    if not (text[max(0, start - 2) : start].lstrip().startswith("(") and text[start + size : start + size + 1] == ")"):
        return False
    return _body_run_before().search(text, max(0, start - 90), start) is not None


@lru_cache(maxsize=1)
def _body_run_before() -> regex.Pattern[str]:
    lex = lexicons()
    heads = [h for h in lex.organisations if h[:1].isupper()] + [w for w, k in lex.name_stops.items() if k == "body_before"]
    word = r"(?:\p{Lu}[\p{L}\p{M}&'.-]*|\p{Ll}[\p{L}\p{M}]*|-|–)"
    return regex.compile(rf"(?i:(?<![\p{{L}}])(?:{alternation(heads)}))(?:\s+{word}){{0,12}}\s*\(\s*$")


def _person_elsewhere(text: str, word: str) -> bool:
    """The article writes the word as a person: after an honorific or ending a longer name."""
    g = grammar()
    for m in regex.finditer(rf"(?<![\p{{L}}])((?:\p{{Lu}}[\p{{L}}\p{{M}}'.-]*\s+)?){regex.escape(word)}(?![\p{{L}}])", text):
        before = m.group(1).strip().rstrip(".")
        if before and starts_name([before]) and not g.role.fullmatch(before):
            return True  # "Jose Mourinho", "Donald J. Trump"
        window = text[max(0, m.start() - 25) : m.start()]
        if any(not window[h.end() :].strip() for h in g.honorific.finditer(window)):
            return True  # "ông Trump"
    return False


_NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Le", "La", "Van", "Von", "Du", "O'"})


def _standalone_elsewhere(text: str, run: list[tuple[int, int, str]], size: int) -> bool:
    """The first ``size`` words of the run occur elsewhere in the text on their own: followed neither by its next
    word nor by a capitalised one ("Real Madrid thắng", "của Tepco"; not the "Luis" of "Luis Suarez" when the run
    is "Luis Enrique")."""
    phrase = text[run[0][0] : run[size - 1][1]]
    follower = run[size][2]
    for start in _whole_occurrences(text, phrase):
        after = start + len(phrase)
        rest = text[after : after + len(follower) + 40]
        gap = len(rest) - len(rest.lstrip())
        followed = gap > 0 and rest.startswith(follower, gap) and not rest[gap + len(follower) : gap + len(follower) + 1].isalpha()
        spaces = len(rest) - len(rest.lstrip(" "))
        capital_next = spaces > 0 and rest[spaces : spaces + 1].isupper()
        if start != run[0][0] and not followed and not capital_next:
            return True
    return False


def _level_or_branch(text: str, span: Span, title: Title) -> None:
    """The rule that read a title's body opened by a capital level (TITLE_CAPITAL_LEVEL: "Chủ tịch TP Hội An"), and the
    body run on over its branch (TITLE_BRANCH)."""
    if title.org_start is not None and title.own_rule is None and opens_capital_level(text, title.org_start, span.end):
        title.own_rule = TITLE_CAPITAL_LEVEL
    if title.org_start is not None and title.org_end is not None and title.own_rule is None and _ends_dashed_place(text, title.org_start, title.org_end):
        title.own_rule = TITLE_DASHED_PLACE
    if title.org_start is not None and title.org_end is not None and title.own_rule is None and ends_with_topic(text, title.org_start, title.org_end):
        title.own_rule = TITLE_BODY_TOPIC
    _body_branch(text, span, title)


def _ends_dashed_place(text: str, start: int, end: int) -> bool:
    """A body's words end with a province written with a dash ("Công an tỉnh Bà Rịa - Vũng Tàu")."""
    if not _DASH.search(text, start, end):
        return False
    return any(dashed_place_at(text, w.start(), end) == end for w in _WORD_START.finditer(text, start, end))


_DASH = regex.compile(r"[-–]")
_WORD_START = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\p{L}\p{N}]")


def _body_branch(text: str, span: Span, title: Title) -> bool:
    """TITLE_BRANCH: the title's body runs on over its branch ("Agribank chi nhánh Gia Lai"), up to a person's name
    after the branch's place (kept as ``name_after``); True when it did."""
    if title.org_start is None or title.org_end is None or title.coordinated or title.name_after is not None:
        return False
    found = branch_end(text, title.org_end, span.end)
    if found is None:
        return False
    title.org_end, title.name_after = found
    title.organization = org_text(text, title.org_start, title.org_end)
    title.end = max(title.end, title.org_end)
    title.own_rule = title.own_rule or TITLE_BRANCH
    return True


def _set_org(title: Title, text: str, start: int, end: int) -> None:
    title.org_start, title.org_end, title.organization = start, end, text[start:end]
    title.end = max(title.end, end)


def _is_place(run: list[tuple[int, int, str]]) -> bool:
    """A capitalised run that is a known place or country, whole ("Đại sứ Hàn Quốc", "… Hà Giang")."""
    return " ".join(w for _, _, w in run) in lexicons().places


def _body_not_name(text: str, first: tuple[int, int, str]) -> bool:
    """A capitalised run opened by an organisation head that is not a surname ("Khoa Ngoại", "Sở Y tế")."""
    g = grammar()
    head = g.org_open.match(text, first[0]) or g.org_fixed.match(text, first[0])
    return head is not None and not is_name_start(first[2])


def _degree_field(honorific: str, first: str) -> bool:
    """A degree written in lower case before a capitalised field ("thạc sĩ Luật", "kỹ sư Xây dựng")."""
    kind = next((k for h, k in lexicons().honorifics.items() if h.lower() == honorific.lower()), None)
    return kind == "academic" and honorific.islower() and not is_name_start(first)


def _list_members(text: str, span: Span, first: NameMention, titles: list[Title]) -> list[NameMention]:
    """The names listed after a plural honorific ("các bà A, B và C", "các đồng chí A, Chủ tịch
    UBND huyện, và B"), appositions skipped; all share ``first``'s honorific and group."""
    starts = {t.start: t for t in titles}
    members = [first]
    pos = first.end
    while (sep := _patterns().list_sep.match(text, pos, span.end)) is not None:
        if sep.end() in starts:
            pos = starts[sep.end()].end  # an apposition of the member before
            continue
        run = cap_words(text, sep.end(), span.end)[:4]
        if len(run) < 2 or not is_name_start(run[0][2]):
            break
        members.append(NameMention(
            run[0][0], run[-1][1], text[run[0][0] : run[-1][1]], first.honorific, rule=NAME_LISTED, honorific_start=first.honorific_start,
        ))
        pos = run[-1][1]
    return members if len(members) > 1 else []


_COUNT_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])(\p{N}+|\p{Ll}+)\s+$")


def _plural_before(text: str, span: Span, pos: int) -> bool:
    """A plural marker ("các", "những") or a count of two or more ("hai", "2") right before ``pos``: the title after
    it is held by several people."""
    m = _COUNT_BEFORE.search(text, max(span.start, pos - 12), pos)
    if m is None:
        return False
    word = m.group(1)
    count = float(word) if word.isdigit() else parse_number_words(word)
    return _patterns().plural.search(text, m.start(), pos) is not None or (count is not None and count >= 2)


def _listed_after_title(text: str, span: Span, first: NameMention, titles: list[Title]) -> list[NameMention]:
    """The names listed after the first name a plural title is written before ("hai cựu Ngoại trưởng Mỹ John Kerry và
    Madeleine Albright", "các thứ trưởng Bộ Công Thương A, B, C"): full names joined by commas and "và", each a person
    of the title; the list ends at anything else (an honorific, a title, a lower-case word)."""
    starts = {t.start for t in titles}
    members = [first]
    pos = first.end
    while (sep := _patterns().list_sep.match(text, pos, span.end)) is not None and sep.end() not in starts:
        run = cap_words(text, sep.end(), span.end)[:4]
        texts = [w for _, _, w in run]
        if len(run) < 2 or not starts_name(texts) or not looks_like_name(texts) or _is_place(run):
            break
        end = run[-1][1]
        glued = _GLUED_SENTENCE.search(text, run[-1][0], end)
        if glued is not None:  # "Michelle T. Friedland.Ảnh: AP": a caption's credit glued to the last name
            end = glued.start()
        members.append(NameMention(run[0][0], end, text[run[0][0] : end], rule=NAME_LISTED_AFTER_TITLE))
        if glued is not None:
            break
        pos = end
    return members if len(members) > 1 else []


_GLUED_SENTENCE = regex.compile(r"(?<=\p{Ll})\.(?=\p{Lu})")


def _add_list(names: dict[int, NameMention], members: list[NameMention]) -> None:
    for member in members:
        mention = names.setdefault(member.start, member)
        mention.group = members[0].start


def _honorific(raw: str) -> str:
    """The honorific as written ("Ông" opening a sentence, "ông" inside one), spaces normalised."""
    return " ".join(raw.split())


def link(text: str, span: Span, titles: list[Title], names: list[NameMention]) -> list[NameMention]:
    """Attach title chains to the names they stand before or after."""
    by_end = {t.end: t for t in titles}
    used: set[int] = set()
    copula: list[Title] = []  # "Chủ tịch UBND xã là ông A và bà B": shared by the names listed
    for name in names:
        # titles before the name: "Phó Chủ tịch UBND tỉnh Bình Dương Trần Thanh Liêm"
        gap = _GAP_TITLE_NAME if name.rule in (NAME_AFTER_TITLE, NAME_AFTER_LONE_BODY, NAME_LIST_NEXT_ITEM) else _GAP_BEFORE_NAME
        chain = _linked(_chain_before(text, span, name.start, by_end, used, gap=gap), TITLE_BEFORE_NAME)
        if not chain and name.honorific_start is not None and name.honorific_start < name.start:
            chain = _linked(_apposed_before_honorific(text, span, name, by_end, used), TITLE_BEFORE_NAME)
        _body_in_brackets(text, span, name, chain)
        _body_after_name(text, span, name, chain)
        if not chain and name.honorific:
            listed = _listed_after(text, names, name) or (name.group is not None and name.group != name.start)
            chain = _copula_chain(text, span, name, by_end, used) or (copula if listed else [])  # "… gồm các ông A, B và C"
            copula = list(chain)
        elif not chain and name.rule is NAME_AFTER_COPULA:
            chain = _copula_chain(text, span, name, by_end, used)  # "Giám đốc FBI khi đó là James Comey"
        # honorific-less "Name, Title" or "Name – Title – Title" after the name
        chain += _apposed_after(text, span, name, titles, names, used)
        name.titles = _share_bodies(text, chain)
        if name.rule is NAME_LISTED_AFTER_TITLE and not name.titles:
            name.titles = _titles_of_list_head(name, names)
    return link_cues(text, span, titles, names)


def _apposed_after(text: str, span: Span, name: NameMention, titles: list[Title], names: list[NameMention], used: set[int]) -> list[Title]:
    """The titles in apposition after the name: "Name, Title", "Name – Title – Title", "Name, một Title". After a name
    written right after its own post ("Title Name", an item of a list), a post that opens the next item of the list is
    not taken (``_next_holder``)."""
    item = any(id(t) in used and t.end <= name.start and not text[t.end : name.start].strip(" -–") for t in titles)
    chain: list[Title] = []
    pos = name.end
    starts = {t.start: t for t in titles}
    names_at = {n.start for n in names}
    aged = _aged().match(text, pos, span.end)  # "Ông A, 45 tuổi, Giám đốc …"
    while True:
        after = aged.end() if aged is not None and pos == name.end else _apposition_at(text, pos, span.end, first=pos == name.end)
        indefinite = _indefinite_at(text, pos, span.end, starts) if pos == name.end else None
        if indefinite is not None and id(indefinite) not in used:
            indefinite.rule = TITLE_INDEFINITE
            chain.append(indefinite)
            used.add(id(indefinite))
            pos = indefinite.end
            continue
        if after is None:
            break
        if pos == name.end and after not in starts:
            after = _past_residence(text, pos, span.end, starts) or after  # "A (sinh năm 1990), trú tại …, cán bộ …"
        t = starts.get(after)
        if t is None or id(t) in used or t.bare or _not_apposed(text, pos, after, first=pos == name.end):
            break
        space = _SPACE_OR_DASH.match(text, t.end, span.end)
        if space and space.end() in names_at:
            break  # that title introduces the next person ("bà A và Thủ tướng - B")
        if item and pos == name.end and _next_holder(text, span, t) is not None:
            break  # "Bộ trưởng A, Thủ tướng Chính phủ nước … B"
        t.rule = TITLE_PAST_TERM if t.past_term else TITLE_LATE if t.late else t.own_rule or _after_rule(aged, pos == name.end and after == (aged.end() if aged else -1))
        if t.rule is TITLE_AFTER_NAME and pos == name.end and text[pos : after] == "-":
            t.rule = TITLE_GLUED_DASH  # "ông Cao Minh Phương-Trưởng phòng …" (grammar.cap_words ends the name at the dash)
        chain.append(t)
        used.add(id(t))
        pos = t.end
    return chain


_CLAUSE_END = regex.compile(r"[,;:.()\"“”–!?]|\s-\s")
_CAP_RUN = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*(?:\s\p{Lu}[\p{L}\p{M}]*)+")


def _next_holder(text: str, span: Span, title: Title) -> tuple[int, int] | None:
    """In a list of posts and names ("Title1 Name1, Title2 Name2"), the post after the comma is the next person's, not
    Name1's, when its body runs on, in its own clause, to a Vietnamese full name of three or four words ("Thủ tướng Chính
    phủ nước … Việt Nam Nguyễn Văn B", "Chủ tịch công đoàn Trần Văn B"; NAME_LIST_NEXT_ITEM reads that name): where that
    name is written, not after a word that opens the name of a street, school or fund."""
    stop = _CLAUSE_END.search(text, title.start, min(span.end, title.end + 90))
    end = stop.start() if stop is not None else min(span.end, title.end + 90)
    for run in _CAP_RUN.finditer(text, title.start, end):
        words = run.group(0).split()
        for k in range(len(words) - 3, -1, -1):
            tail = words[k:]
            if not 3 <= len(tail) <= 4 or not is_name_start(tail[0]) or not looks_like_name(tail, foreign=False):
                continue
            at = run.start() + len(" ".join(words[:k])) + (1 if k else 0)
            if at < (title.org_start if title.org_start is not None else title.end):
                continue  # a word of the post itself
            if at < title.end and regex.search(r"\p{Lu}", text[title.org_start or title.end : at]):
                continue  # a body with a capitalised head named after a person: "Trường THPT Nguyễn Thị Minh Khai"
            gap = text[title.end : at].split()
            if at > title.end and not k and (len(gap) > 5 or (gap and gap[-1].lower() in lexicons().honorifics)):
                continue  # past the post, a name after lower-case words is the holder past a few words of a body ("công đoàn
                # cơ sở A"), not past a clause or an honorific ("… cho rằng việc khởi tố bị can đối với ông B")
            before = text[max(span.start, at - 15) : at].split()
            if before and lexicons().name_stops.get(before[-1].lower()) in ("place_before", "body_before"):
                continue  # "trường Nguyễn Thị Minh Khai", "đường Lê Văn Sỹ"
            return at, run.end()
    return None


_ITEM_GAP = regex.compile(r"\s*,\s*")


def _names_of_next_items(text: str, span: Span, titles: list[Title], names: dict[int, NameMention]) -> None:
    """NAME_LIST_NEXT_ITEM: the name that ends the body of a post written after "Title1 Name1, " (Name1 read after Title1):
    the body is cut or run on to end before the name, and the name is the post's holder."""
    ends = {t.end for t in titles}
    for title in titles:
        gap = _ITEM_GAP.search(text, max(span.start, title.start - 4), title.start)
        if gap is None or gap.end() != title.start:
            continue
        before = next((n for n in names.values() if n.end == gap.start()), None)
        if before is None or not any(regex.fullmatch(r"\s+", text[e : before.start]) for e in ends if e < before.start):
            continue  # the name before is not written right after a post of its own
        found = _next_holder(text, span, title)
        if found is None or any(n.start < found[1] and found[0] < n.end and n.start != found[0] for n in names.values()):
            continue
        at, end = found
        body_end = len(text[:at].rstrip())
        start = title.org_start if title.org_start is not None else body_end - len(text[title.role_end : body_end].lstrip())
        if title.role_end <= start < body_end:
            title.org_start, title.org_end, title.organization = start, body_end, org_text(text, start, body_end)
        title.end = body_end
        if at not in names:  # a name read already after the words the post had not read keeps its rule
            names[at] = NameMention(at, end, text[at:end], rule=NAME_LIST_NEXT_ITEM)


def _titles_of_list_head(name: NameMention, names: list[NameMention]) -> list[Title]:
    """A name listed after a plural title holds the titles of the list's first name ("các thứ trưởng … A, B, C")."""
    head = next((n for n in names if n.start == name.group), None)
    return [replace(t, rule=TITLE_BEFORE_NAME) for t in head.titles] if head is not None else []


@lru_cache(maxsize=1)
def _and_in_gap() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}]){_words('list_joiner')}(?![\p{{L}}])")


def _not_apposed(text: str, pos: int, after: int, *, first: bool) -> bool:
    """A title joined to the name right before it by "và" (grammar class list_joiner) is a second person's ("Tổng
    thống Trump và cố vấn an ninh quốc gia …", "Cục trưởng … A và Tổng Giám đốc … B"), not the name's."""
    return first and _and_in_gap().search(text, pos, after) is not None


@lru_cache(maxsize=1)
def _shared_gap() -> regex.Pattern[str]:
    """Between two posts one body serves: a comma, or "kiêm" (grammar class post_joiner) with or without one."""
    return regex.compile(rf"\s*(?:,\s*(?:{_words('post_joiner')}\s+)?|{_words('post_joiner')}\s+)")


def _share_bodies(text: str, chain: list[Title]) -> list[Title]:
    """A post written with no body right before a comma or "kiêm" and a post with one holds that body too, when its
    role shares bodies (titles.tsv): "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ" (conventions.md), "Chủ tịch HĐQT kiêm
    Tổng giám đốc Công ty X" (as the dev gold writes every such "kiêm"); not "Phó Thủ tướng kiêm Bộ trưởng Tài chính"."""
    for t, nxt in zip(chain, chain[1:]):
        if t.organization is None and nxt.organization is not None and not t.bare and shares_body(t.role) and (
            _shared_gap().fullmatch(text, t.end, nxt.start)
        ):
            t.organization = nxt.organization
            t.shared_org = (nxt.org_start, nxt.org_end) if nxt.org_start is not None and nxt.org_end is not None else nxt.shared_org
    return chain


@lru_cache(maxsize=1)
def _bracketed_body() -> regex.Pattern[str]:
    heads = [h for h, (kind, _) in lexicons().organisations.items() if kind == "delegation"]
    return regex.compile(rf"\s*\(\s*(?P<org>(?:{alternation(heads)})(?:\s+\p{{Lu}}[\p{{L}}.]*)+)\s*(?=[)\-–,;])")


_OPEN_BRACKET = regex.compile(r"\s*\(\s*")
_CLOSE_BRACKET = regex.compile(r"\s*\)")


def _body_in_brackets(text: str, span: Span, name: NameMention, chain: list[Title]) -> None:
    """"Đại biểu Trần Hồng Nguyên (Đoàn Bình Thuận)": a delegation or body in brackets right after
    the name is the organisation of its title when the title names none."""
    if not chain or chain[-1].org_start is not None:
        return
    found = _bracketed_body().match(text, name.end, span.end)
    if found is not None:
        start, end = found.start("org"), found.end("org")
    else:
        opened = _OPEN_BRACKET.match(text[name.end : span.end])
        org = read_org(text, name.end + opened.end(), span.end) if opened else None
        if org is None or org.end <= org.start or not _CLOSE_BRACKET.match(text[org.end : span.end]):
            _delegate_place(text, span, name, chain[-1])
            return
        start, end = org.start, org.end
    title = chain[-1]
    title.org_start, title.org_end, title.organization = start, end, org_text(text, start, end)


@lru_cache(maxsize=1)
def _possessive_after_name() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """ " của " (grammar class possessive) right after a name, and a run of capitalised words (a club, a company, a country)."""
    return (regex.compile(rf"\s+{_words('possessive')}\s+(?=\p{{Lu}})"),
            regex.compile(r"\p{Lu}[\p{L}\d.&'-]*(?:\s\p{Lu}[\p{L}\d.&'-]*|\s\d+(?![\d.,]))*"))


def _body_after_name(text: str, span: Span, name: NameMention, chain: list[Title]) -> None:
    """"HLV Jurgen Klopp của Liverpool", "Giám đốc điều hành Tim Cook của Apple": a title written with no body right
    before the name holds the body written after the name and "của" (TITLE_BODY_AFTER_NAME): the longer of a body read
    as one (organisations.tsv) and the capitalised run, its last dot dropped ("Phủ Tổng thống Hàn Quốc")."""
    if not chain or chain[-1].organization is not None or chain[-1].bare:
        return
    joiner, run = _possessive_after_name()
    found = joiner.match(text, name.end, span.end)
    if found is None or grammar().role.match(text, found.end(), span.end):
        return  # "phát ngôn viên A của Tổng thống Duterte": a person's post, not a body
    org = read_org(text, found.end(), span.end)
    words = run.match(text, found.end(), span.end)
    start = found.end()
    end = max(org.end if org is not None else start, words.end() - (1 if words.group().endswith(".") else 0) if words else start)
    if end <= start:
        return
    title = chain[-1]
    title.org_start, title.org_end, title.organization = start, end, org_text(text, start, end)
    title.rule = TITLE_BODY_AFTER_NAME


@lru_cache(maxsize=1)
def _bracketed_place() -> regex.Pattern[str]:
    """A province or centrally-run city of places.tsv alone in brackets, maybe after its level or a delegation's head
    in either case ("(Bến Tre)", "(tỉnh Bình Phước)", "(TP.HCM)", "(đoàn Hòa Bình)"), or after a dash ("– tỉnh Bình Phước")."""
    lex = lexicons()
    places = [p for p, kind in lex.places.items() if kind in ("province", "city")]
    levels = [f for f, (_, kind) in lex.admin_levels.items() if kind == "level"]
    delegations = [h for h, (kind, _) in lex.organisations.items() if kind == "delegation"]
    opener = rf"(?:{first_letter_either_case(delegations)})\s+|(?:{first_letter_either_case(levels)})\s*"
    return regex.compile(rf"(?:\s*\(\s*(?P<org>(?:{opener})?(?:{alternation(places)}))\s*\)|\s+[-–]\s+(?P<org>(?:{opener})?(?:{alternation(places)}))(?![\p{{L}}.]))")


def _delegate_place(text: str, span: Span, name: NameMention, title: Title) -> None:
    """"ĐB Lưu Bình Nhưỡng (Bến Tre)": the province a delegate of an assembly is elected in, in brackets right after
    the name, is the organisation of a delegate's title (titles.tsv sense "assembly") that names none."""
    if "assembly" not in role_senses(title.role):
        return
    found = _bracketed_place().match(text, name.end, span.end)
    if found is not None:
        title.org_start, title.org_end, title.organization = found.start("org"), found.end("org"), found.group("org")
        title.rule = TITLE_DELEGATE_PLACE


_CLOSED_AFTER = regex.compile(r"\s*[,–)-]")


def _apposed_before_honorific(text: str, span: Span, name: NameMention, by_end: dict[int, Title], used: set[int]) -> list[Title]:
    """"Chủ tịch Novaland – ông Bùi Thành Nhơn", "Trưởng phòng Giáo dục quận X, bà Y cho biết", "Bộ
    trưởng Bộ Công an Thượng tướng Tô Lâm": a title in apposition before the honorific. A form of
    address needs a comma or dash between and a title with its body, not after "của"/"với"; after "Theo" ("Theo người phát ngôn Sở Y tế, ông Minh bị
    cách chức") the name's apposition must close, else the title is the source, not the name's."""
    assert name.honorific_start is not None and name.honorific
    kind = next((k for h, k in lexicons().honorifics.items() if h.lower() == name.honorific.lower()), "address")
    gap = _GAP_TITLE_NAME if kind != "address" else _GAP_APPOSED
    probe = [t for t in by_end.values() if gap.fullmatch(text, t.end, name.honorific_start) and not t.bare and id(t) not in used
             and (kind != "address" or t.org_start is not None)]
    if not probe:
        return []
    first, words = probe[0], _patterns()
    if words.object_before.search(text, max(span.start, first.start - 10), first.start) or _cue_pattern().search(text, max(span.start, first.start - 80), first.start):
        return []  # "… của Thủ tướng, bà Kim Ngân nói", "… giữ chức Bí thư xã A, đồng chí B …": the title belongs elsewhere
    if words.source_before.search(text, max(span.start, first.start - 8), first.start) and not _CLOSED_AFTER.match(text, name.end, span.end):
        return []
    return _chain_before(text, span, name.honorific_start, by_end, used, gap=gap)


def _after_rule(aged: regex.Match[str] | None, past_particulars: bool) -> Rule:
    """The rule of a title in apposition: read right past the person's age or birth year, or after the name."""
    if aged is None or not past_particulars:
        return TITLE_AFTER_NAME if aged is None or aged.group("born") else TITLE_AFTER_AGE
    return TITLE_AFTER_BIRTH_YEAR if aged.group("born") else TITLE_AFTER_AGE


@lru_cache(maxsize=1)
def _aged() -> regex.Pattern[str]:
    """The person's age or birth year (grammar classes age, birth) set off right after the name, before the post:
    ", 45 tuổi, ", ", sinh năm 1970, ", " (SN 1970), "; group "born" is set for a birth year."""
    age, birth = _words("age"), _words("birth")
    return regex.compile(
        rf"\s*(?:,\s*(?:\d{{1,3}}\s*{age}|(?P<born>{birth}\s*(?:19|20)\d{{2}}))|\(\s*(?P<born>{birth}\s*(?:19|20)\d{{2}})\s*\))\s*,\s*",
        regex.I)


_SPACE_OR_DASH = regex.compile(r"\s+[-–]\s+| +")
_GAP_APPOSED = regex.compile(r"(?:\s+[-–]|,)\s+$")


def _apposition_at(text: str, pos: int, end: int, *, first: bool) -> int | None:
    """Where an apposition title may start after ``pos``: past a separator, or for the first one
    past the person's particulars in a parenthesis ("(SN 1970, nguyên Giám đốc …)")."""
    if first:
        particulars = _patterns().particulars.match(text, pos, end)
        if particulars:
            return particulars.end()
    sep = _patterns().sep.match(text, pos, end) if text[pos : pos + 1] in ",–- (" else None
    return sep.end() if sep and sep.end() > pos else None


@lru_cache(maxsize=1)
def _indefinite_gap() -> regex.Pattern[str]:
    """A comma or a dash, then an indefinite article (grammar class indefinite_article) before a post: ", một "."""
    return regex.compile(rf"\s*(?:,|–|-)\s*(?:{_words('indefinite_article')})\s+")


def _indefinite_at(text: str, pos: int, end: int, starts: dict[int, Title]) -> Title | None:
    """The post written after a name through ", một " ("John Pistole, một cựu Phó Giám đốc FBI", "ông A, một thẩm
    phán …"): an apposition that introduces the post as one of its kind; the post has a body or is no generic word."""
    m = _indefinite_gap().match(text, pos, end)
    t = starts.get(m.end()) if m else None
    return t if t is not None and not t.bare else None


@lru_cache(maxsize=1)
def _residence_after() -> regex.Pattern[str]:
    """Particulars in brackets, then where the person lives: " (sinh năm 1990), trú tại phường X, thành phố Y (Y), "."""
    return regex.compile(rf"(?i)\s*(?:\([^()]{{0,40}}\))?\s*,\s*{_words('residence')}(?![\p{{L}}])")


_ITEM_COMMA = regex.compile(r",\s*")


def _past_residence(text: str, pos: int, end: int, starts: dict[int, Title]) -> int | None:
    """Where the person's post begins past the address written after their name: the first title
    right after a comma within 120 characters (no ";" between)."""
    home = _residence_after().match(text, pos, end)
    if home is None:
        return None
    stop = min([end, home.end() + 120] + [i for i in (text.find(";", home.end(), end),) if i >= 0])
    for comma in _ITEM_COMMA.finditer(text, home.end(), stop):
        if comma.end() in starts:
            return comma.end()
    return None


def _linked(chain: list[Title], rule: Rule) -> list[Title]:
    for t in chain:
        t.rule = TITLE_PAST_TERM if t.past_term else TITLE_LATE if t.late else _opening_or(t, rule)
    return chain


def _opening_or(title: Title, rule: Rule) -> Rule:
    """The rule of a title linked before its name: TITLE_POSSESSED_OPENING, TITLE_TENURE_WORD, TITLE_RANK_WORD or
    TITLE_BODY_WORD_BEFORE_NAME when that rule read it, else ``rule``."""
    own = (TITLE_POSSESSED_OPENING, TITLE_TENURE_WORD, TITLE_RANK_WORD, TITLE_BODY_WORD_BEFORE_NAME)
    return title.own_rule if title.own_rule in own else rule


def _chain_before(text: str, span: Span, pos: int, by_end: dict[int, Title], used: set[int],
                  gap: regex.Pattern[str] | None = None) -> list[Title]:
    """The titles written right before ``pos``, joined by separators ("Bí thư, Chủ tịch UBND xã X");
    ``gap`` is what may stand between the last of them and ``pos``."""
    chain: list[Title] = []
    while True:
        found = (_patterns().gap_in_chain if chain else gap or _GAP_BEFORE_NAME).search(text, max(span.start, pos - 12), pos)
        t = by_end.get(found.start()) if found else None
        if t is None or id(t) in used:
            return chain
        if chain and _patterns().plural.search(text, max(span.start, t.start - 8), t.start):
            return chain  # "trước các đại biểu, Phó Chủ tịch Quốc hội A": a plural post is many people's, not A's
        chain.insert(0, t)
        used.add(id(t))
        pos = t.start


def _copula_chain(text: str, span: Span, name: NameMention, by_end: dict[int, Title], used: set[int]) -> list[Title]:
    """"Chủ tịch UBND xã Vân Tùng là ông Nông Văn Sáu": the titles before "là <honorific>"."""
    honorific = name.honorific_start if name.honorific_start is not None else name.start
    m = _patterns().copula.search(text, max(span.start, honorific - 40), honorific)
    if m is None:
        return []
    t = by_end.get(m.start())
    if t is None or id(t) in used:
        return []
    used.add(id(t))
    chain = [*_chain_before(text, span, t.start, by_end, used, gap=_patterns().gap_in_chain), t]
    return [replace(x, via_cue=True, rule=_opening_or(x, TITLE_COPULA)) for x in chain]


def _listed_after(text: str, names: list[NameMention], name: NameMention) -> bool:
    """The name follows the one before it in a list ("ông A và bà B", "ông A, bà B")."""
    prev = [n for n in names if n.end <= name.start]
    return bool(prev) and _patterns().list_step.fullmatch(text[prev[-1].end : name.start]) is not None


@lru_cache(maxsize=1)
def _cue_pattern() -> regex.Pattern[str]:
    """A cue before a title (title_cues.tsv, other than a past frame) as group "c", "lần lượt" before it
    (respectively, non_figure_contexts.tsv) as group "lt"; a listing may stand between the cue and the title
    ("kinh qua nhiều vị trí ở cơ sở như …")."""
    cues = [c for c, k in lexicons().title_cues.items() if k != "past_frame"]
    respectively = alternation(lexicons().number_contexts["respectively"])
    listing = rf"(?:\s+{_words('plural', 'quantifier')}\s+\p{{Ll}}+(?:\s+\p{{Ll}}+){{0,4}}?\s+{_words('enumeration')})?"
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?P<lt>(?:{respectively})\s+)?(?P<c>{alternation(cues)}){listing}\s*:?\s+$")


@lru_cache(maxsize=1)
def _past_frame() -> regex.Pattern[str]:
    frames = [c for c, k in lexicons().title_cues.items() if k == "past_frame"]
    return regex.compile(rf"(?i)\s*(?:{alternation(frames)})(?![\p{{L}}])[^;]*$")


@lru_cache(maxsize=1)
def _past_when() -> regex.Pattern[str]:
    """A phrase setting the clause at a past time, shortly before a cue ("thời điểm đó đang là …",
    "trong giai đoạn ông X đang giữ chức …"): the post is a past one."""
    frames = [c for c, k in lexicons().title_cues.items() if k == "past_when"]
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(frames)})(?![\p{{L}}])[^;,]*$")


@lru_cache(maxsize=1)
def _while_held() -> regex.Pattern[str]:
    """Right before a cue, a time word, an optional pronoun or short name, and "còn" (still), maybe with "đang":
    "khi ông còn làm …", "lúc còn là …", "thời điểm còn đang giữ chức …" (grammar classes while_time, still_held);
    or a span of holding with no "còn": "sai phạm trong thời gian làm …", "trong thời gian ông giữ chức …" (held_period)."""
    who = rf"(?:\s+{_words('pronoun')}(?:\s+\p{{Lu}}\p{{Ll}}*){{0,3}})?"
    still = rf"{_words('while_time')}{who}\s+{_words('still_held')}(?:\s+{_words('tense_marker')})?"
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{still}|{_words('held_period')}{who})\s+$")


_NON_WORD = regex.compile(r"\W*")


def _opens_with_closed_span(text: str, span: Span, pos: int) -> bool:
    """The clause holding ``pos`` opens with a closed span of time ("Từ tháng 10/2010 đến 9/2015, …")."""
    start = max(span.start, text.rfind(";", span.start, pos) + 1)
    opener = _NON_WORD.match(text, start, pos)
    return _patterns().closed_span.match(text, opener.end() if opener else start, pos) is not None


def link_cues(text: str, span: Span, titles: list[Title], names: list[NameMention]) -> list[NameMention]:
    """Titles after a cue ("ông X từng giữ chức A, B", "bà Y hiện là C", "… lần lượt giữ chức A, B")
    go to the nearest person before the cue, or to a pronoun subject ("Ông từng là …")."""
    used = {id(t) for n in names for t in n.titles}
    for title in titles:
        if id(title) in used:
            continue
        cue = _cue_pattern().search(text, max(span.start, title.start - 80), title.start)
        if not cue:
            continue
        chain = _title_chain(text, span, title, titles, used)
        if lexicons().title_cues[" ".join(cue.group("c").lower().split())] == "claimed":
            continue  # "tự xưng là Phó Giám đốc …": an impostor's claimed post is no title
        subjects = _cue_subjects(text, span, names, cue)
        if not subjects:
            continue
        former = lexicons().title_cues[" ".join(cue.group("c").lower().split())] == "former" or _past_frame().match(text, span.start, cue.start()) is not None
        former = former or _opens_with_closed_span(text, span, cue.start()) or _past_when().search(text, max(span.start, cue.start() - 60), cue.start()) is not None
        held = not former and _while_held().search(text, max(span.start, cue.start() - 40), cue.start()) is not None
        chain = [replace(_as_former(t) if former or held else t, via_cue=True, rule=_cue_rule(t, former, held)) for t in chain]
        listed = cue.group("lt") and len(subjects) >= len(chain)
        if listed:
            pairs: Iterable[tuple[NameMention, Title]] = zip(subjects[-len(chain) :], chain, strict=True)
        else:
            sharing = subjects if len(subjects) > 1 else _listed_with(subjects[-1], names)
            pairs = ((subject, t) for subject in sharing for t in _share_bodies(text, chain))
        copula = " ".join(cue.group("c").lower().split()) in lexicons().grammar("copula")
        for subject, t in pairs:
            if not copula:  # "Ban giám hiệu do bà A là Hiệu trưởng": a body described, not the one of the post
                _headed_body(text, span, subject, t)
            subject.titles.append(t)
    return sorted(names, key=lambda n: n.start)


@lru_cache(maxsize=1)
def _headed_by() -> regex.Pattern[str]:
    """ "do" (led by, grammar class headed_by) right before a person's mention, and before it the end of the body
    they lead, past its size ("gồm 6 người", grammar class inclusion), a bracket and a comma ("Doanh nghiệp X (thuộc
    Tập đoàn Y), do ông A …"; "Công ty X (do ông A …")."""
    size = rf"\s+{_words('inclusion')}\s+[^,;()]{{1,30}}?"
    return regex.compile(rf"(?i)(?:{size})?(?:\s*\([^()]{{0,80}}\))?\s*[,(]?\s*(?<![\p{{L}}]){_words('headed_by')}\s+$")


@lru_cache(maxsize=1)
def _headed_by_word() -> regex.Pattern[str]:
    """ "do" (led by) right before a person's mention: the cheap test before the body is looked for."""
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_words('headed_by')}\s+$")


@lru_cache(maxsize=1)
def _led_group() -> regex.Pattern[str]:
    """A group formed for a task (grammar class led_group: "Đoàn kiểm tra …") opening the body before "do", its name
    lower-case words, capitalised names and "của" up to it, no clause break."""
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_words('led_group')}(?:\s+[\p{{L}}\p{{N}}&.\-–()]+){{1,14}}$")


def _headed_body(text: str, span: Span, subject: NameMention, title: Title) -> None:
    """TITLE_HEADED_BODY: a post after a cue with no body, its holder named right after "do" (led by) that follows a
    body ("Công ty X do ông A làm giám đốc"): the body is the post's. The body is one read as an organisation that
    opens with a capital and ends before "do", or a task group ("Đoàn kiểm tra …", grammar class led_group)."""
    if title.organization is not None or title.bare or subject.rule is NAME_PRONOUN:
        return
    start = mention_start(subject)
    if not _headed_by_word().search(text, max(span.start, start - 8), start):
        return
    lead = _headed_by().search(text, max(span.start, start - 100), start)
    if lead is None:
        return
    end = len(text[: lead.start()].rstrip())
    for w in _WORD_START.finditer(text, max(span.start, end - 120), end):
        if ";" in text[w.start() : end] or ":" in text[w.start() : end]:
            continue
        if _led_group().fullmatch(text, w.start(), end) is not None:
            break
        org = read_org(text, w.start(), end)
        if org is not None and org.end == end and org.name_start is None and text[w.start()].isupper() and " " in text[w.start() : end]:
            break
    else:
        return
    if text[w.start() : end].split()[-1].lower() in lexicons().grammar("demonstrative"):
        return  # "Công ty này do ông A làm giám đốc": a body named before, not here
    title.org_start, title.org_end, title.organization = w.start(), end, org_text(text, w.start(), end)
    title.rule = title.own_rule = TITLE_HEADED_BODY


def _cue_rule(title: Title, former: bool, held: bool = False) -> Rule:
    if title.membership:
        return TITLE_MEMBERSHIP
    if title.own_rule is TITLE_POSSESSED_PREDICATE:
        return TITLE_POSSESSED_PREDICATE
    if held:
        return TITLE_WHILE_HELD
    return TITLE_CUE_FORMER if former else TITLE_CUE


def _listed_with(subject: NameMention, names: list[NameMention]) -> list[NameMention]:
    """A subject and the people listed with it ("các đồng chí A, B được bầu giữ chức …")."""
    return [n for n in names if n.group == subject.group] if subject.group is not None else [subject]


def _title_chain(text: str, span: Span, first: Title, titles: list[Title], used: set[int]) -> list[Title]:
    starts = {t.start: t for t in titles}
    chain = [first]
    used.add(id(first))
    while True:
        sep = _patterns().chain_sep.match(text, chain[-1].end, span.end)
        nxt = starts.get(sep.end()) if sep and sep.end() > chain[-1].end else None
        if nxt is None or id(nxt) in used:
            return chain
        chain.append(nxt)
        used.add(id(nxt))


def _cue_subjects(text: str, span: Span, names: list[NameMention], cue: regex.Match[str]) -> list[NameMention]:
    """The person (or the listed persons) a cue speaks of."""
    clause_start = max(span.start, text.rfind(";", span.start, cue.start()) + 1)
    before = [n for n in names if clause_start <= n.start and n.end <= cue.start()]
    pronoun = _patterns().pronoun.search(text, max(clause_start, cue.start() - 30), cue.start())
    if pronoun and (not before or before[-1].end <= pronoun.start()):
        mention = NameMention(
            pronoun.start("p"), pronoun.end("p"), "", pronoun.group("p").lower(), rule=NAME_PRONOUN, honorific_start=pronoun.start("p"),
        )
        names.append(mention)
        return [mention]
    if not before and not text[clause_start : cue.start()].strip():
        # "Ông Khiêm sinh năm 1975, …; từng giữ chức …": a clause with no subject of its own continues the sentence's
        before = [n for n in names if span.start <= n.start and n.end <= clause_start][-1:]
    if not before or _unnamed_subject(text, before[-1].end, cue.start()):
        return []
    if cue.group("lt"):
        return before
    if _possessor_before_passive(text, span, before[-1], cue.start()):  # "bà A - chị gái của ông B được bổ nhiệm làm …": A (or nobody named)
        return [before[-2]] if len(before) > 1 and apposed_head(text, before[-2], before[-1]) else []
    if _by_agent(text, span, before[-1]):  # "Bà A được Chủ tịch UBND tỉnh B bổ nhiệm giữ chức …": B appoints, A is given the post
        return _agent_object(text, (clause_start, cue.start()), names, before, span)
    subjects = [before[-1]]
    for n in reversed(before[:-1]):  # "Ông A và bà B được bầu làm …": both
        if subjects[0].group is not None or not _patterns().joined.fullmatch(text, n.end, subjects[0].start):
            break
        subjects.insert(0, n)
    return subjects


@lru_cache(maxsize=1)
def _indefinite_subject() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{_words('indefinite_subject')})(?![\p{{L}}])")


def _unnamed_subject(text: str, name_end: int, cue_start: int) -> bool:
    """An unnamed person stands between the person named and the cue, after words of their own
    ("bà X vui mừng vì đã giới thiệu được một cá nhân đảm nhiệm cương vị …"), not in apposition ("ông X, một người từng giữ chức …")."""
    found = _indefinite_subject().search(text, name_end, cue_start)
    return found is not None and any(c.isalpha() for c in text[name_end : found.start()])


def _agent_object(text: str, where: tuple[int, int], names: list[NameMention], before: list[NameMention], span: Span) -> list[NameMention]:
    """Who is given the post when the last person named before the cue (``where``: the clause's start and the cue's)
    is the agent after "được"/"bị": the person named before the agent, else, when the agent's verb runs on to the
    cue, the pronoun subject ("Ông được Tổng thống Donald Trump bổ nhiệm làm Đại sứ …") or no one; the agent keeps a
    post written in apposition to it ("được ông X, lúc đó đang là Giám đốc …, ký")."""
    clause_start, cue_start = where
    if len(before) >= 2:
        return [before[-2]]
    agent = before[-1]
    if "," in text[agent.end : cue_start]:
        return [agent]
    start = min([agent.start] + [t.start for t in agent.titles if t.end <= agent.start] + ([agent.honorific_start] if agent.honorific_start is not None else []))
    passive = _patterns().by_agent.search(text, max(span.start, start - 12), start)
    pronoun = _patterns().pronoun.search(text, clause_start, passive.start()) if passive is not None else None
    if pronoun is None:
        return []
    mention = NameMention(pronoun.start("p"), pronoun.end("p"), "", pronoun.group("p").lower(), rule=NAME_PRONOUN, honorific_start=pronoun.start("p"))
    names.append(mention)
    return [mention]


def mention_start(n: NameMention) -> int:
    """Where a person's mention starts: at its honorific or the first title written before the name."""
    return min([n.start] + [t.start for t in n.titles if t.end <= n.start] + ([n.honorific_start] if n.honorific_start is not None else []))


def _by_agent(text: str, span: Span, n: NameMention) -> bool:
    """A person named right after "được"/"bị" (their titles between) acts: "được Chủ tịch UBND tỉnh B bổ nhiệm"."""
    start = mention_start(n)
    return _patterns().by_agent.search(text, max(span.start, start - 12), start) is not None


@lru_cache(maxsize=1)
def _possessive_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}]){_words('possessive')}\s+$")


@lru_cache(maxsize=1)
def _passive_after_possessor() -> regex.Pattern[str]:
    """Right after a possessor, up to the cue: the close of its apposition, then "được"/"bị" and a verb (", vừa được chỉ định ")."""
    return regex.compile(rf"(?i)[\s,)]*(?:{_words('adverb_before_verb')}\s+)*{_words('passive')}\s+[^,;()]{{1,30}}")


def _possessor_before_passive(text: str, span: Span, n: NameMention, cue: int) -> bool:
    """The person named right after "của", then "được"/"bị" and a verb up to the cue: they own the noun the
    verb is about ("một đồng minh của Chủ tịch X, vừa được chỉ định giữ chức …"), so the post is not theirs."""
    start = mention_start(n)
    return (_possessive_before().search(text, max(span.start, start - 8), start) is not None
            and _passive_after_possessor().fullmatch(text, closed_apposition_end(text, n, cue), cue) is not None)


def closed_apposition_end(text: str, n: NameMention, verb: int) -> int:
    """Where a person's mention ends before a verb (or a cue): past the titles in apposition after it when a comma closes
    them ("vợ của ông X - giám đốc Sở Y, được bổ nhiệm"), not when the verb follows them ("của ông X – cựu Giám đốc Z bị …")."""
    after = [t.end for t in n.titles if n.end <= t.start and t.end <= verb]
    return max(after) if after and text[max(after) : verb].lstrip().startswith(",") else n.end


_APPOSED_HEAD = regex.compile(r"\s*(?:\([^()]{0,40}\)\s*)?[,(–-][^;:.!?()]{0,80}$")  # "ông A (Li Qiang), một đồng minh ", "bà A - chị gái "


def apposed_head(text: str, head: NameMention, owner: NameMention) -> bool:
    """The possessor's phrase stands in apposition to ``head``, right before it past a comma, dash or bracket
    ("ông A (Li Qiang), một đồng minh của B", "bà A - chị gái của ông B")."""
    start = mention_start(owner)
    end = max([head.end] + [t.end for t in head.titles if head.end <= t.start and t.end <= start])
    return end <= start and _APPOSED_HEAD.fullmatch(text, end, start) is not None


def _as_former(title: Title) -> Title:
    if title.role.lower().startswith("nguyên "):
        return title
    return replace(title, role="nguyên " + title.role)
