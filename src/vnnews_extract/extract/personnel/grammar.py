"""The vocabulary-driven grammar shared by names, titles and organisations: role, organisation
and honorific patterns from the lexicons, capitalised word runs, and the place/name split.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...clean.legacy import is_syllable
from ...lexicons import alternation, lexicons
from ..phrase_search import CaselessSearch


@dataclass(frozen=True)
class _Grammar:
    role: regex.Pattern[str]
    org_fixed: regex.Pattern[str]
    org_open: regex.Pattern[str]
    org_open_lower: regex.Pattern[str]  # an open head in lower case too ("cán bộ đội cảnh sát hình sự")
    honorific: regex.Pattern[str]
    stop: regex.Pattern[str]  # a word that ends a body's name: org_stops.tsv and the personnel verbs


def first_letter_either_case(phrases: object) -> str:
    """Any of the phrases, its first letter in either case, the longest preferred: a trie of both
    spellings (see ``alternation``), scanned about twice as fast as the list of phrases it was."""
    items = {str(p) for p in phrases}  # type: ignore[attr-defined]
    return alternation({v for p in items for v in ((p[0].lower() + p[1:], p[0].upper() + p[1:]) if p[:1].isalpha() else (p,))})


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    lex = lexicons()
    fixed = [h for h, (k, _) in lex.organisations.items() if k == "fixed"]
    open_ = [h for h, (k, _) in lex.organisations.items() if k == "open"]
    deputy, standing = alternation(lex.grammar("role_deputy")), alternation(lex.grammar("role_standing"))
    rank, not_rank = alternation(lex.grammar("role_rank")), alternation(lex.grammar("role_rank_adverb"))
    return _Grammar(
        role=regex.compile(
            rf"(?i)(?<![\p{{L}}])(?P<pre>(?<!(?<![\p{{L}}])(?:{alternation(lex.grammar('prefix_compound'))})\s)(?:{alternation(lex.role_prefixes)})\s+)?(?P<deputy>(?:{deputy})\s+)?(?P<head>{alternation(lex.titles)})"
            rf"(?P<tt>\s+(?:{standing}))?(?P<rank>\s+(?:{rank})(?![\p{{L}}])(?!\s+(?:{not_rank})(?![\p{{L}}])))?(?![\p{{L}}])"
        ),
        org_fixed=regex.compile(rf"(?i)(?P<h>{alternation(fixed)})(?![\p{{L}}])"),
        org_open=regex.compile(rf"(?P<h>{alternation(open_)})(?![\p{{L}}])"),
        org_open_lower=regex.compile(rf"(?P<h>{first_letter_either_case(open_)})(?![\p{{L}}])"),
        honorific=_honorific_pattern(list(lex.honorifics)),
        stop=regex.compile(rf"(?i)(?:{alternation([*lex.org_stops, *lex.personnel_verbs])})(?![\p{{L}}])"),
    )


def role_phrases() -> list[str]:
    """The phrases a role match opens with: a prefix ("nguyên"), a deputy word ("Phó"), a title."""
    lex = lexicons()
    return [*lex.role_prefixes, *lex.grammar("role_deputy"), *lex.titles]


@lru_cache(maxsize=1)
def role_search() -> CaselessSearch:
    """``grammar().role`` searched through the places a role phrase starts."""
    return CaselessSearch(grammar().role, role_phrases())


@lru_cache(maxsize=1)
def honorific_search() -> CaselessSearch:
    """``grammar().honorific`` (case-sensitive) searched through the places one of its spellings starts."""
    return CaselessSearch(grammar().honorific, honorific_spellings())


def honorific_spellings() -> list[str]:
    """The spellings ``grammar().honorific`` matches: each abbreviation's case variants, each other honorific with
    its first letter in either case (a space matching any white space)."""
    honorifics = list(lexicons().honorifics)
    out = {v for h in honorifics if is_abbreviation(h) for v in _case_variants(h)}
    out |= {v for h in honorifics if not is_abbreviation(h) for v in ((h[0].lower() + h[1:], h[0].upper() + h[1:]) if h[:1].isalpha() else (h,))}
    return sorted(out)


def is_abbreviation(word: str) -> bool:
    """One word with two capitals or more ("ThS.BS", "PGS.TS", "BS"): an abbreviated degree or honorific."""
    return " " not in word and sum(c.isupper() for c in word) >= 2


def _honorific_pattern(honorifics: list[str]) -> regex.Pattern[str]:
    """An honorific before a name: a word or phrase with its first letter in either case, an abbreviation in
    any case, as reporters write them ("ThS.BS", "Ths.BS", "Ths. Bs", "TS.BS")."""
    abbreviated = {v for h in honorifics if is_abbreviation(h) for v in _case_variants(h)}
    spelt = [h for h in honorifics if not is_abbreviation(h)]
    return regex.compile(rf"(?<![\p{{L}}])(?P<h>{alternation(abbreviated)}|{first_letter_either_case(spelt)})(?=\s|:\s)")


def _case_variants(abbreviation: str) -> set[str]:
    """The spellings of an abbreviation, each part between dots as listed, in capitals or capitalised
    ("ThS.BS" -> "ThS.BS", "Ths.BS", "THS.Bs", "Ths.Bs", …); a plain trie, scanned as fast as before.

    >>> sorted(_case_variants("BS"))
    ['BS', 'Bs']
    """
    parts = abbreviation.split(".")
    spellings = [{p, p.upper(), p[:1].upper() + p[1:].lower()} for p in parts]
    out = {""}
    for i, options in enumerate(spellings):
        out = {f"{head}{'.' if i else ''}{o}" for head in out for o in options}
    return out


def canonical_role(match: regex.Match[str]) -> str:
    """The role as a canonical string: "phó chủ tịch thường trực" -> "Phó Chủ tịch Thường trực"."""
    head = " ".join(match.group("head").split())
    role = _titles_by_key().get(head.lower(), (head, frozenset()))[0]
    if match.group("deputy"):
        role = _capitalised(match.group("deputy")) + " " + role
    kind = lexicons().role_prefixes.get((match.group("pre") or "").strip().lower())
    if kind in ("former", "late"):
        role = "nguyên " + role
    elif kind == "acting":
        role = "Quyền " + role
    if match.group("tt"):
        role += " " + _capitalised(match.group("tt"))
    if match.group("rank"):
        role += " " + " ".join(match.group("rank").split()).lower()  # "công tố viên đặc biệt" (people.title.rank_word)
    return role


def _capitalised(words: str) -> str:
    """A word of grammar_words.tsv as written in a canonical role: " phó " -> "Phó", "thường  trực" -> "Thường trực"."""
    word = " ".join(words.split()).lower()
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=1)
def _titles_by_key() -> dict[str, tuple[str, frozenset[str]]]:
    """titles.tsv by lower-case role: the role as written there and its senses (the first row of a role wins)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for role, senses in lexicons().titles.items():
        out.setdefault(role.lower(), (role, frozenset(senses.split(","))))
    return out


def _senses(role: str) -> frozenset[str]:
    """The senses titles.tsv gives a role (any case, any spacing)."""
    return _titles_by_key().get(" ".join(role.split()).lower(), ("", frozenset()))[1]


def role_senses(role: str) -> frozenset[str]:
    """The senses titles.tsv gives a role, its prefixes "nguyên", "Phó", "Quyền" aside ("nguyên HLV" -> sport)."""
    words = role.split()
    while len(words) > 1 and words[0].lower() in _role_prefix_words():
        words = words[1:]
    return _senses(" ".join(words))


def late_holder(match: regex.Match[str]) -> bool:
    """The role is written after "cố" (role_prefixes kind late): the post of a person who died, "cố Thủ tướng"."""
    return lexicons().role_prefixes.get((match.group("pre") or "").strip().lower()) == "late"


def needs_org(head: str) -> bool:
    """A generic post word ("cán bộ", "thành viên", lower-case "đại biểu") that is a title only with
    its body written after it."""
    senses = _senses(head)
    return "needs_org" in senses or ("capital" in senses and head[:1].islower())


def capital_role(head: str) -> bool:
    """A role word that is a title in lower case only right before a name ("đại biểu")."""
    return "capital" in _senses(head)


@lru_cache(maxsize=1)
def _role_prefix_words() -> frozenset[str]:
    return frozenset({p.lower() for p in lexicons().role_prefixes} | {w.lower() for w in lexicons().grammar("role_deputy")})


def shares_body(role: str) -> bool:
    """A role (its prefixes "nguyên", "Phó", "Quyền" aside) that takes the body of the post joined to it
    ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"): sense "shares_body" in titles.tsv."""
    words = role.split()
    while len(words) > 1 and words[0].lower() in _role_prefix_words():
        words = words[1:]
    return "shares_body" in _senses(" ".join(words))


def descriptive_role(role: str) -> bool:
    """A role that describes a post in plain words ("người đứng đầu Sở Tư pháp"): sense "descriptive" in
    titles.tsv; a title of its person only when the article gives them no other."""
    return "descriptive" in role_senses(role)


def starts_role(text: str, at: int, end: int) -> bool:
    """A role starts at ``at``; a generic post word in lower case inside a body's name does not
    ("Cục Tổ chức cán bộ"), nor a role word that ends a body's head ("Đoàn ĐBQH tỉnh")."""
    m = grammar().role.match(text, at, end)
    if m is None or (text[at].islower() and needs_org(m.group("head"))):
        return False
    previous = text.rfind(" ", 0, max(0, at - 1)) + 1
    head = grammar().org_fixed.match(text, previous, end)
    return head is None or head.end() <= at


def canonical_org_head(raw: str) -> str:
    key = " ".join(raw.split()).lower()
    return next((h for h in lexicons().organisations if h.lower() == key), raw)


def is_name_start(word: str) -> bool:
    return word in lexicons().surnames or word.startswith(("H'", "H’"))


def _name_kinds(word: str) -> list[str]:
    if word.startswith(("H'", "H’")):
        return ["minority", "prefix"]  # "H'Hen Niê": an Ê Đê woman's name
    return lexicons().surnames.get(word, "").split(",")


@lru_cache(maxsize=8192)
def is_acronym(word: str) -> bool:
    """An all-capital word of two letters or more ("FBI", "UBND", "WHO"): a body, never a name; not a
    foreign name's initials, each letter with its full stop ("H.R." of "H.R. McMaster"). Cached, as looks_foreign."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not _INITIALS.fullmatch(word)


_INITIALS = regex.compile(r"(?:\p{Lu}\.){1,3}")
_FOREIGN_AFTER = regex.compile(r" (\p{Lu}[\p{L}'-]+)")


@lru_cache(maxsize=8192)
def looks_foreign(word: str) -> bool:
    """A capitalised word spelt unlike any Vietnamese syllable ("Donald", "Jae-in", "Tedros"), not an acronym.
    Cached: a word of the text; the same words recur in every sentence of an article and across articles.

    >>> [looks_foreign(w) for w in ("Donald", "Jae-in", "Tedros", "Hùng", "FBI", "Moon")]
    [True, True, True, False, False, False]
    """
    if not word[:1].isupper() or is_acronym(word):
        return False
    return "-" in word.strip("-") or not is_syllable(word)


def starts_name(texts: list[str]) -> bool:
    """A capitalised run that a person's name can start: a surname, or a foreign-looking word; a
    surname that also opens place names needs a middle name in a two-word run ("Đồng Tâm")."""
    if not texts or any(is_acronym(w) for w in texts):
        return False
    if len(texts) == 2 and "place_like" in lexicons().surnames.get(texts[0], "").split(","):
        return _has_middle(texts)
    return is_name_start(texts[0]) or looks_foreign(texts[0])


def looks_like_name(texts: list[str], foreign: bool = True) -> bool:
    """A whole capitalised run read as a person's name: a surname first and, for 2-3 words, a
    middle-name syllable second ("Hoàng Đức Khiêm" is a name, "Hoàng Su Phì" and "Mai Châu" are not);
    or two to four words opened by a foreign-looking one ("Donald Trump", "Tedros Adhanom").

    >>> looks_like_name("Hoàng Đức Khiêm".split()), looks_like_name("Hoàng Su Phì".split()), looks_like_name("Mai Châu".split())
    (True, False, False)
    >>> looks_like_name("Donald Trump".split()), looks_like_name("Tedros Adhanom".split())
    (True, True)
    """
    if not is_name_start(texts[0]):
        return foreign and 2 <= len(texts) <= 4 and starts_name(texts) and not _ends_with_place(texts)
    if {"foreign", "prefix"} & set(_name_kinds(texts[0])):
        return 2 <= len(texts) <= 4  # "Tập Cận Bình", "Moon Jae-in", "Y Quyết Krông"
    return len(texts) >= 4 or _has_middle(texts) or _double_surname(texts)


def _has_middle(texts: list[str]) -> bool:
    """The second word is a middle name; one of kind "three_words" only in a name of three words
    ("Nguyễn Thành Trung", not the two words "Hà Thành")."""
    kind = lexicons().middle_names.get(texts[1])
    return kind is not None and (kind != "three_words" or len(texts) == 3)


def _double_surname(texts: list[str]) -> bool:
    """Three words opened by two Vietnamese surnames, the father's and the mother's ("Võ Đỗ Thắng")."""
    return len(texts) == 3 and _name_kinds(texts[1]) == ["common"] and texts[2] not in lexicons().surnames


def _ends_with_place(texts: list[str]) -> bool:
    places = lexicons().places
    return any(" ".join(texts[-size:]) in places for size in (1, 2, 3) if size <= len(texts))


def split_place_and_name(texts: list[str], foreign: bool = True) -> int:
    """How many leading words of a capitalised run are a place; the rest is a person's name.

    >>> split_place_and_name("Bình Dương Trần Thanh Liêm".split()), split_place_and_name("Chợ Đồn".split())
    (2, 2)
    >>> split_place_and_name("Triệu Huy Chung".split()), split_place_and_name("Chợ Đồn Triệu Huy Chung".split())
    (0, 2)
    """
    places = lexicons().places
    n = len(texts)
    for size in range(min(4, n - 2), 0, -1):
        rest = texts[size:]
        if " ".join(texts[:size]) in places and (starts_name(rest) if foreign else is_name_start(rest[0])) and n - size <= 4:
            return size
    if 2 <= n <= 4 and looks_like_name(texts, foreign) and " ".join(texts[:2]) not in places:
        return 0
    for size in (2, 1, 3):
        if 2 <= n - size <= 4 and is_name_start(texts[size]) and not _ends_with_long_place(texts[size:]):
            return size  # not "TP" + "Hà Nội", "Tuần" + "Châu Hà Nội": a run ending with a place is no name
    return n


def _ends_with_long_place(rest: list[str]) -> bool:
    """The last two or three words are a known place ("Hà Nội", "Hồ Chí Minh"): a place, not the end of a name
    (a one-word place may be a given name: "Nguyễn Văn Mỹ")."""
    return any(" ".join(rest[-k:]) in lexicons().places for k in (2, 3) if k <= len(rest))


SPACE = regex.compile(r"[ ]+")


_CAPWORD = regex.compile(r"\p{Lu}[\p{L}\p{M}.&'\-]*(?:\.[\p{L}]+)*")


def cap_words(text: str, pos: int, end: int) -> list[tuple[int, int, str]]:
    """Capitalised words from ``pos`` separated by single spaces."""
    out: list[tuple[int, int, str]] = []
    while pos < end:
        m = _CAPWORD.match(text, pos, end)
        if not m or grammar().role.match(text, m.start(), end):
            break
        if not out and _introduces_name(text, m.start(), end):
            break  # a run opened by an honorific; inside a name "Anh" is a name ("Âu Anh Tuấn")
        if lexicons().name_stops.get(m.group(0).lower()) == "opener":
            break
        word_end, last = _word_end(text, m, out, end)
        if not last and (tail := _spaced_syllable(text, m.start(), word_end, out, end)) is not None:
            word_end = tail  # "Moon Jae - in": the given name's two syllables, the hyphen written with spaces
        out.append((m.start(), word_end, text[m.start() : word_end]))
        nxt = SPACE.match(text, word_end, end) if not last else None
        if not nxt:
            break
        pos = nxt.end()
        particle = _particle_word(text, pos, end) if looks_foreign(out[-1][2]) else None
        if particle is not None:  # "Bashar al-Assad", "Frank de Boer": the particle and the next word are one word of the name
            out.append(particle)
            nxt = SPACE.match(text, particle[1], end)
            if not nxt:
                break
            pos = nxt.end()
    return out


def glued_dash_end(text: str, start: int, word_end: int, end: int) -> int | None:
    """Where the capitalised word at ``start`` ends when a dash glued on both sides joins it to a role, which ``end``
    bounds (people.title.glued_dash): "Phương-Trưởng phòng …" ends at the dash; a Vietnamese syllable before it only,
    so a hyphened foreign name ("Jae-in", "Al-Shaymaa") is whole."""
    dash = text.find("-", start, word_end)
    if dash <= start or dash >= word_end - 1 or not is_syllable(text[start:dash]):
        return None
    return dash if grammar().role.match(text, dash + 1, end) else None


def _word_end(text: str, m: regex.Match[str], out: list[tuple[int, int, str]], end: int) -> tuple[int, bool]:
    """Where the capitalised word matched ends, and whether it ends the run: a full stop after it is
    the sentence's (not that of "TP." or of a middle initial), a dash glued to it before a role ends the name."""
    word = m.group(0)
    if word.endswith("-") and len(word.rstrip("-")) > 1 and _role_after(text, m.end(), end):
        return m.start() + len(word.rstrip("-")), True  # "ông Nguyễn Đức Chung- Chủ tịch …"
    glued = glued_dash_end(text, m.start(), m.end(), end)
    if glued is not None:
        return glued, True  # "ông Cao Minh Phương-Trưởng phòng …": a dash glued on both sides before a role
    dotted = word.endswith(".") and word not in lexicons().abbreviations  # a sentence's full stop, not "TP."
    if dotted and out and _initial_in_foreign_name(text, m, out[-1][2], end):
        dotted = False  # "Jeffrey S. Tamulevich": a middle initial, not a full stop
    if dotted and not out and _leading_initials(text, m, end):
        dotted = False  # "H.R. McMaster", "F. Timmermans": the initials a foreign name opens with
    return (m.end() - 1 if dotted else m.end()), False


_SPACED_TAIL = regex.compile(r" - ([a-z]{2,5})(?![\p{L}\p{M}\p{N}'-])")


def _spaced_syllable(text: str, start: int, word_end: int, out: list[tuple[int, int, str]], end: int) -> int | None:
    """Where a foreign word of a name ends when a lower-case syllable is hyphened onto it with spaces, as some
    papers write the two-syllable Korean given name (rule people.name.spaced_hyphen: "Moon Jae - in", "Kim Yo - jong"):
    the word looks foreign, follows the name's first word, and the tail is a short Latin syllable that is no Vietnamese
    word, or any such syllable after a surname ("Moon Jae - in"); not "Trungnam Group - cho biết"."""
    tail = _SPACED_TAIL.match(text, word_end, end)
    if tail is None or not out or not looks_foreign(text[start:word_end]) or is_acronym(out[0][2]):
        return None
    if is_syllable(tail.group(1)) and not is_name_start(out[0][2]):
        return None
    return tail.end()


def _particle_word(text: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """A lower-case particle of a foreign name and the capitalised word after it, as one word ("al-Assad", "de Boer")."""
    particle = _name_particle().match(text, pos, end)
    m = _CAPWORD.match(text, particle.end(), end) if particle is not None else None
    if m is None:
        return None
    word_end = m.end() - 1 if m.group(0).endswith(".") else m.end()
    return pos, word_end, text[pos:word_end]


def _role_after(text: str, pos: int, end: int) -> bool:
    """A role is written after the spaces at ``pos``."""
    sp = SPACE.match(text, pos, end)
    return sp is not None and grammar().role.match(text, sp.end(), end) is not None


_INITIAL = regex.compile(r"\p{Lu}\. \p{Lu}\p{Ll}")


def _initial_in_foreign_name(text: str, m: regex.Match[str], previous: str, end: int) -> bool:
    """A one-letter word with a full stop after a foreign-looking word and before a capitalised one: a middle initial."""
    return len(m.group(0)) == 2 and looks_foreign(previous) and _INITIAL.match(text, m.start(), end) is not None


def _leading_initials(text: str, m: regex.Match[str], end: int) -> bool:
    """Initials, each letter with its full stop, opening a run before a foreign-looking word: "H.R. McMaster"."""
    after = _FOREIGN_AFTER.match(text, m.end(), end)
    return _INITIALS.fullmatch(m.group(0)) is not None and after is not None and looks_foreign(after.group(1)) and not is_acronym(after.group(1))


@lru_cache(maxsize=1)
def _name_particle() -> regex.Pattern[str]:
    """Lower-case particles inside a foreign name (grammar class name_particle), each before a hyphen or a space, before a capital."""
    return regex.compile(rf"(?:(?:{alternation(lexicons().grammar('name_particle'))})(?:-| ))+(?=\p{{Lu}})")


def _introduces_name(text: str, pos: int, end: int) -> bool:
    """An honorific at ``pos`` followed by a capitalised word ("bà Lan", not the "Anh" of "Lan Anh giữ")."""
    h = grammar().honorific.match(text, pos, end)
    return h is not None and _CAPWORD.match(text, h.end() + 1, end) is not None
