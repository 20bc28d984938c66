"""The subject of a statistic, as defined in corpus/FORMAT.md ("The subject of a statistic").

1. A figure followed by what it counts or measures: from the counted noun (or the phrase after
   the figure) to the end of the figure's clause.
2. A figure after a verb: the noun phrase before the verb, in the same clause.
3. A clause with no noun phrase of its own ("..., đạt 89,3% kế hoạch"): the subject of the
   clause it continues.
4. A rate ("160 triệu đồng/căn"): the subject with "/căn" appended.

Words are classed by underthesea's part-of-speech tags (read from ``segment.pos_tags`` for the
sentences that hold figures only) together with the subject_words lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...errors import AlignmentError
from ...lexicons import alternation, lexicons
from ...model import Span
from ...text.numbers import NUMBER_WORD_PATTERN
from ...text.segment import pos_tags

SUBJECT_MAX_WORDS = 30
_B = r"(?![\p{L}\p{N}])"
_COMMA = regex.compile(r"\s*,\s*")
_RATE = regex.compile(r"/\p{L}[\p{L}\d]*(?:/\p{L}[\p{L}\d]*)*")
_TAIL_COMPARATOR = regex.compile(r"\s*(?:trở lên|trở xuống|trở lại)(?=\s*(?:[,;.)]|$))")
_VERB_TAGS = frozenset({"V", "R"})
_NOUN_TAGS = frozenset({"N", "Np", "Nc", "Ny", "Nb", "L", "P"})


def _kinds(kind: str) -> tuple[str, ...]:
    return tuple(w for w, k in lexicons().subject_words.items() if kind in k.split(","))


@dataclass(frozen=True)
class _Patterns:
    hard_stop: regex.Pattern[str]
    intro: regex.Pattern[str]
    nonstart: regex.Pattern[str]
    period_tail: regex.Pattern[str]
    copula: regex.Pattern[str]
    lead: regex.Pattern[str]
    base: regex.Pattern[str]
    predicate_tail: regex.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    comps = [p for p, (_, pos) in lexicons().comparators.items() if pos == "before"]
    lead_words = alternation([*comps, "từ"])
    return _Patterns(
        hard_stop=regex.compile(rf"(?i)\s*[;:(]|\s(?:{alternation(_kinds('clauseend'))}){_B}"),
        intro=regex.compile(rf"(?i)^\s*(?:(?:{alternation(_kinds('intro'))})(?:\s*,?\s+|\s*$))+"),
        nonstart=regex.compile(rf"(?i)^\s*(?:[,.;:)\-–/]|$|(?:{alternation(_kinds('nonstart'))}){_B})"),
        period_tail=regex.compile(
            r"(?i)(?:\s+(?:trong|vào|của|cả))?(?:\s+(?:\d+|" + NUMBER_WORD_PATTERN + r")\s+tháng(?:\s+(?:đầu|cuối))?)?"
            r"(?:\s+(?:năm|giai đoạn|quý\s+[IV\d]+|tháng\s+\d+|vụ))?"
            r"(?:(?:\s+|/)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?|\s+nay)\s*$"
            r"|(?:\s+trong)?\s+(?:\d+|" + NUMBER_WORD_PATTERN + r")\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?\s*$|\s+(?:trong|với|và)\s*$"
        ),
        copula=regex.compile(r"(?i)^\s*(?:là|gồm|thuộc)\s+"),
        base=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(_kinds('base'))}){_B}"),
        predicate_tail=regex.compile(
            rf"(?i)(?<![\p{{L}}])(?:{alternation(w for w in _kinds('predicate') if ' ' in w)})\s*$"
        ),
        lead=regex.compile(rf"(?i)(?:(?:^|\s)(?:{lead_words}))+\s*$"),
    )


@dataclass(frozen=True)
class SentenceView:
    """One sentence with its word tags and the (start, end) of each figure it holds."""

    text: str
    sentence: Span
    tags: tuple[Span, ...]
    figures: tuple[tuple[int, int, str], ...]

    def word(self, tag: Span) -> str:
        return self.text[tag.start : tag.end].lower()

    def tags_in(self, start: int, end: int) -> list[Span]:
        return [t for t in self.tags if start <= t.start and t.end <= end]


def view(text: str, sentence: Span, figures: list[tuple[int, int, str]], *, tag: bool = True) -> SentenceView:
    """The sentence's words with underthesea POS tags, or untagged words ("X") when ``tag`` is
    False (the article's tagging budget is spent) or the tags cannot be aligned."""
    try:
        if not tag:
            raise AlignmentError("tagging budget spent")
        tags = tuple(pos_tags(text, sentence))
    except AlignmentError:
        tags = tuple(Span(m.start(), m.end(), "X") for m in regex.finditer(r"\w+|[^\w\s]", text[sentence.start : sentence.end]))
        tags = tuple(Span(t.start + sentence.start, t.end + sentence.start, t.label) for t in tags)
    return SentenceView(text, sentence, tags, tuple(figures))


def _is_verb(v: SentenceView, tag: Span) -> bool:
    return tag.label in _VERB_TAGS or v.word(tag) in lexicons().subject_words and "predicate" in lexicons().subject_words[v.word(tag)]


def _lead_start(v: SentenceView, start: int) -> int:
    """Start of the comparator words right before a figure ("khoảng", "hơn", "từ")."""
    before = v.text[v.sentence.start : start]
    match = _patterns().lead.search(before)
    return v.sentence.start + (match.start() if match else len(before))


def _qualifier(v: SentenceView, index: int) -> bool:
    """A measure that only qualifies a noun ("người từ 60 tuổi", "trẻ em dưới 1 tuổi")."""
    start, _, kind = v.figures[index]
    if kind != "measure":
        return False
    before = v.text[max(v.sentence.start, start - 40) : start]
    match = regex.search(r"(?i)(\S+)\s+(?:từ|dưới|trên)\s*$", before)
    if not match:
        return False
    word = match.group(1).lower()
    return word not in lexicons().subject_words and word.isalpha()


def _clause_end(v: SentenceView, pos: int, head: str) -> int:
    """End of the clause that runs from ``pos`` (rule 1): a hard stop, the comma or "và" before
    another figure's clause, or a comma opening a new clause."""
    stop = _patterns().hard_stop.search(v.text, pos, v.sentence.end)
    hard = stop.start() if stop else v.sentence.end
    for index, (start, _, _) in enumerate(v.figures):
        if start <= pos or start >= hard or _qualifier(v, index):
            continue
        hard = max(pos, _separator_end(v, pos, _lead_start(v, start), head))
        break
    for comma in _COMMA.finditer(v.text, pos, hard):
        if _new_clause(v, comma.end(), hard):
            return comma.start()
    return hard


def _new_clause(v: SentenceView, pos: int, end: int) -> bool:
    """After a comma, a list item (a noun or a verb phrase) goes on; an adverbial, a preposition
    or a quantifier ("chủ yếu là", "theo ...", "nhiều nơi ...") opens a new clause."""
    first = next((t for t in v.tags if t.start >= pos), None)
    if first is None or first.start >= end:
        return True
    return first.label not in ("N", "Nc", "Np", "Ny", "V") or v.word(first) in lexicons().subject_words


def _separator_end(v: SentenceView, pos: int, lead: int, head: str) -> int:
    """Before another figure: the last comma or "và" opening a new clause or list item, else ``lead``."""
    seps = list(regex.finditer(r"\s*,\s*|\s+và\s+", v.text[pos:lead]))
    if not seps:
        return lead
    sep = seps[-1]
    rest = v.text[pos + sep.end() : lead]
    if "," in sep.group(0):
        first = rest.split()[0].lower() if rest.split() else ""
        return lead if first and first == head.lower() else pos + sep.start()
    if not rest.strip() or all(_is_verb(v, t) for t in v.tags_in(pos + sep.end(), lead)):
        return pos + sep.start()
    return lead


def _trim(phrase: str) -> str:
    """Drop a trailing period phrase and the punctuation around a phrase."""
    p = _patterns()
    for _ in range(3):
        phrase = p.period_tail.sub("", phrase.strip(" ,.;:–-"))
    return phrase.strip(" ,.;:–-)")


def forward(v: SentenceView, pos: int, head: str = "") -> str:
    """Rule 1: the phrase from ``pos`` to the end of its clause."""
    end = _clause_end(v, pos, head)
    words = _trim(v.text[pos:end]).split()
    return " ".join(words[:SUBJECT_MAX_WORDS])


def _clause_start(v: SentenceView, end: int) -> int:
    """Start of the clause before ``end``: after ; : an open ( or a comma, or a "và" right before
    the figure; a short noun fragment before a comma stays in ("khu vực nông, lâm nghiệp")."""
    segment = v.text[v.sentence.start : end]
    opened = segment.rfind("(") if segment.rfind("(") > segment.rfind(")") else -1
    cut = max(segment.rfind(";"), segment.rfind(":"), opened)
    bounds = [cut] + [m.start() for m in regex.finditer(",", segment) if m.start() > cut]
    while len(bounds) > 1 and _list_fragment(v, v.sentence.start + bounds[-2] + 1, v.sentence.start + bounds[-1]):
        bounds.pop()
    start = v.sentence.start + bounds[-1] + 1
    lead = _lead_start(v, end)
    joined = regex.search(r"(?i)\svà\s+$", v.text[start:lead])
    return start + joined.end() if joined else start


def _list_fragment(v: SentenceView, start: int, end: int) -> bool:
    fragment = v.text[start:end]
    if len(fragment.split()) > 4 or _patterns().intro.match(fragment) or regex.search(r"\d", fragment):
        return False
    tags = v.tags_in(start, end)
    return bool(tags) and not any(_is_verb(v, t) or t.label == "E" for t in tags)


def _base_verb(v: SentenceView, start: int, end: int) -> int | None:
    """Start of the last base verb ("đạt", "chiếm", "bằng") of ``text[start:end]``."""
    starts = [m.start() for m in _patterns().base.finditer(v.text, start, end)]
    return starts[-1] if starts else None


def _strip_verbs(v: SentenceView, start: int, end: int, other: bool = False) -> tuple[int, bool]:
    """Drop the comparator, then the predicate at the end of ``text[start:end]``: predicate words
    of the lexicon, auxiliaries and at most one other verb ("đóng góp"), so that a verb-tagged
    word of the noun phrase ("Kim ngạch xuất khẩu đạt") stays (none when ``other``); True when a
    predicate was dropped."""
    end = max(start, _lead_start(v, end))
    phrase = _patterns().predicate_tail.search(v.text, start, end)
    stripped = phrase is not None
    end = phrase.start() if phrase else end
    for tag in reversed(v.tags_in(start, end)):
        predicate = "predicate" in lexicons().subject_words.get(v.word(tag), "")
        if v.text[tag.end : end].strip() or not (predicate or _is_verb(v, tag)):
            break
        if not predicate and tag.label != "R":
            if other or (stripped and tag.label == "V"):
                break
            other = True
        end, stripped = tag.start, True
    return max(start, end), stripped


def _object_start(v: SentenceView, start: int, end: int) -> int | None:
    """After "với" (or "có" with no verb after it): the noun phrase the figure measures."""
    for tag in reversed(v.tags_in(start, end)):
        word = v.word(tag)
        if word == "với" or word == "có":
            return tag.end
        if tag.label == "V" or word in lexicons().subject_words:
            return None
    return None


def _clean(phrase: str) -> str:
    phrase = _patterns().intro.sub("", phrase)
    phrase = regex.sub(r"(?i)^\s*(?:và|thì|còn)\s+", "", phrase)
    if regex.search(r"\(.*\)", phrase):
        phrase = phrase[: phrase.index("(")]
    words = _trim(phrase).split()
    return " ".join(words[-SUBJECT_MAX_WORDS:])


def backward(v: SentenceView, start: int, previous: str | None) -> str | None:
    """Rules 2 and 3: the noun phrase before the verb the figure stands after."""
    clause = _clause_start(v, start)
    base = _base_verb(v, clause, start)
    end, _ = _strip_verbs(v, clause, base if base is not None else start, base is not None)
    obj = _object_start(v, clause, end) if base is None else None
    phrase = _clean(v.text[obj if obj is not None else clause : end])
    if phrase:
        return phrase
    if previous:
        return previous
    if clause - 1 > v.sentence.start:
        return backward(v, clause - 1, None)
    return None


def subject(v: SentenceView, fig: tuple[int, int, str, str, bool], previous: str | None) -> tuple[str | None, str | None]:
    """(subject, subject without its rate) of the figure ``(start, end, kind, unit, has_change)``."""
    start, end, kind, unit, change = fig
    if kind in ("count", "ratio") and unit != "lần":
        phrase: str | None = forward(v, end - len(unit), unit.split()[0])
        if change and phrase and len(phrase.split()) <= len(unit.split()):
            phrase = backward(v, start, None) or phrase
        return phrase, phrase
    rate = _RATE.match(v.text, end, v.sentence.end)
    pos = rate.end() if rate else end
    tail = _TAIL_COMPARATOR.match(v.text, pos, v.sentence.end)
    pos = tail.end() if tail else pos
    if rate:
        return _rate_subject(v, (start, pos), rate.group(0), previous)
    phrase = _forward_subject(v, pos, start) or backward(v, start, previous)
    return phrase, phrase


def _rate_subject(v: SentenceView, span: tuple[int, int], rate: str, previous: str | None) -> tuple[str, str]:
    """Rule 4: the subject, "/căn", and a noun phrase right after the rate ("/kg lợn hơi")."""
    start, pos = span
    base = backward(v, start, previous) or ""
    after = ""
    if regex.match(r" \p{Ll}", v.text[pos : pos + 2]) and not _patterns().nonstart.match(v.text[pos : v.sentence.end]):
        after = forward(v, pos)
    return base + rate + (" " + after if after else ""), base


def _forward_subject(v: SentenceView, pos: int, start: int) -> str | None:
    """Rule 1 for a percent, amount or measure: the phrase after the figure, unless the figure
    follows a base verb ("đạt 51,2% dự toán") or the phrase is no noun phrase."""
    rest = v.text[pos : v.sentence.end]
    clause = _clause_start(v, start)
    if _patterns().nonstart.match(rest) or _base_verb(v, clause, start) is not None:
        return None
    copula = _patterns().copula.match(rest)
    pos += copula.end() if copula else 0
    first = next((t for t in v.tags if t.start >= pos), None)
    bare = not _clean(v.text[clause : _lead_start(v, start)])
    if first is None or (first.label not in _NOUN_TAGS and not bare):
        return None
    return forward(v, pos) or None
