"""The scope of a statistic: the place or administrative level its figure refers to.

In order, where it is plain:
1. a level or place in the figure's subject ("cán bộ cấp xã", "hộ nghèo huyện Chợ Đồn");
2. else the nearest level or place written before the figure in its sentence ("Toàn huyện Na Rì
   có 120 hộ", "Theo Sở Y tế tỉnh Bắc Kạn, … 95%");
3. else the article's place: the one place its title and lead name ("Bình Định: Sản lượng …");
   none when they name no place or several.

Levels come from admin_levels.tsv (kind "level"), provinces and cities from places.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from ...model import Document, Span
from ..rules import Rule, declare
from .figures import grammar_pattern

_NAME = r"\p{Lu}\p{Ll}*(?:[ \-]+\p{Lu}\p{Ll}*)*"


@lru_cache(maxsize=1)
def _levels() -> dict[str, str]:
    """Forms written before a place name ("huyện", "tỉnh", "TP."), with their level."""
    return {form: level for form, (level, kind) in lexicons().admin_levels.items() if kind == "level"}


_NOT_SCOPES = ("foreign_place", "named_body")  # places.tsv kinds read by the people rules only


@lru_cache(maxsize=1)
def _place() -> regex.Pattern[str]:
    """A level in general ("cấp xã", "cấp cơ sở": group ``level``), a level and a place name
    ("huyện Chợ Đồn"), or a province or city of places.tsv."""
    levels = _levels()
    general = alternation({*levels.values(), *lexicons().grammar("general_level")})
    return regex.compile(
        rf"(?<![\p{{L}}])(?:(?P<level>(?:{grammar_pattern('level_noun')}) (?:{general}))(?![\p{{L}}])"
        rf"|(?:{alternation(levels)})\s*{_NAME}"
        rf"|(?:{alternation(p for p, kind in lexicons().places.items() if kind not in _NOT_SCOPES)})(?![\p{{L}}]))"
    )


@lru_cache(maxsize=1)
def _clause_cut() -> regex.Pattern[str]:
    return regex.compile(rf"[,;]|\s(?:{grammar_pattern('and')})\s")


SUBJECT_PLACE = declare("statistics.scope.subject", "Statistic.scope", "a level or place written in the figure's subject ('cán bộ cấp xã')")
SENTENCE_PLACE = declare("statistics.scope.sentence", "Statistic.scope", "the nearest level or place written before the figure in its sentence")
ARTICLE_PLACE = declare("statistics.scope.article", "Statistic.scope", "the one place the article's title and lead name")


@dataclass(frozen=True, slots=True)
class Place:
    """A level or place written at ``[start, end)`` of the text (its text stripped)."""

    start: int
    end: int
    name: str


def find_scope(text: str, start: int = 0, end: int | None = None) -> Place | None:
    """The last level or place written in ``text[start:end]``.

    >>> find_scope("cán bộ, công chức cấp xã").name, find_scope("hộ nghèo huyện Chợ Đồn được hỗ trợ").name
    ('cấp xã', 'huyện Chợ Đồn')
    >>> find_scope("Theo Sở Y tế tỉnh Bắc Kạn, toàn tỉnh có").name, find_scope("các xã vùng cao") is None
    ('tỉnh Bắc Kạn', True)
    >>> find_scope("Bình Định: Sản lượng hải sản khai thác")
    Place(start=0, end=9, name='Bình Định')
    """
    end = len(text) if end is None else end
    found = list(_place().finditer(text[start:end]))
    if not found:
        return None
    m = found[-1]
    return Place(start + m.start(), start + m.end(), m.group(0))


def article_place(doc: Document) -> Place | None:
    """The one place the title and lead name, as written; None when they name none or several."""
    found: dict[str, Place] = {}
    for block in doc.blocks[:2]:
        for match in _place().finditer(doc.text, block.start, block.end):
            if match.group("level") is None:  # a place, not a level in general
                found.setdefault(_bare(match.group(0)), Place(match.start(), match.end(), match.group(0)))
    return next(iter(found.values())) if len(found) == 1 else None


def _bare(name: str) -> str:
    """"tỉnh Bình Định" and "Bình Định" are one place."""
    for form in sorted(_levels(), key=len, reverse=True):
        if name.startswith(form):
            return name[len(form) :].strip()
    return name


def sentence_scope(text: str, sentence: Span, spans: list[tuple[int, int]], index: int) -> Place | None:
    """The place written for figure ``index`` of a sentence whose figures are at ``spans``: in the
    words between the previous figure's clause and the figure ("…, xã Thượng Ân có 25 hộ"), else
    in the sentence's lead before its first figure ("huyện Chợ Đồn đã … cho 102 lượt …, … 1126
    cán bộ"). A place inside another figure's clause is that figure's."""
    start = spans[index][0]
    if index:
        cut = _clause_cut().search(text[spans[index - 1][1] : start])
        found = find_scope(text, spans[index - 1][1] + cut.end(), start) if cut else None
        if found or not cut:
            return found
    return find_scope(text, sentence.start, spans[0][0])


def scope_of(text: str, subject: tuple[int, int] | None, sentence_place: Place | None, article: Place | None) -> tuple[Place, Rule] | None:
    """The scope of a figure: its subject's, else its sentence's, else the article's."""
    in_subject = find_scope(text, *subject) if subject else None
    if in_subject:
        return in_subject, SUBJECT_PLACE
    if sentence_place:
        return sentence_place, SENTENCE_PLACE
    return (article, ARTICLE_PLACE) if article else None
