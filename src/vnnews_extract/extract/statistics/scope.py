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

from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from ...model import Document, Span

_NAME = r"\p{Lu}\p{Ll}*(?:[ \-]+\p{Lu}\p{Ll}*)*"


@lru_cache(maxsize=1)
def _levels() -> dict[str, str]:
    """Forms written before a place name ("huyện", "tỉnh", "TP."), with their level."""
    return {form: level for form, (level, kind) in lexicons().admin_levels.items() if kind == "level"}


@lru_cache(maxsize=1)
def _place() -> regex.Pattern[str]:
    levels = _levels()
    return regex.compile(
        rf"(?<![\p{{L}}])(?:cấp (?:{alternation(set(levels.values()))}|cơ sở)(?![\p{{L}}])"
        rf"|(?:{alternation(levels)})\s*{_NAME}"
        rf"|(?:{alternation(lexicons().places)})(?![\p{{L}}]))"
    )


def find_scope(phrase: str | None) -> str | None:
    """The last level or place written in ``phrase``.

    >>> find_scope("cán bộ, công chức cấp xã"), find_scope("hộ nghèo huyện Chợ Đồn được hỗ trợ")
    ('cấp xã', 'huyện Chợ Đồn')
    >>> find_scope("Theo Sở Y tế tỉnh Bắc Kạn, toàn tỉnh có"), find_scope("các xã vùng cao") is None
    ('tỉnh Bắc Kạn', True)
    >>> find_scope("Bình Định: Sản lượng hải sản khai thác")
    'Bình Định'

    """
    if not phrase:
        return None
    found = [m.group(0).strip() for m in _place().finditer(phrase)]
    return found[-1] if found else None


def article_place(doc: Document) -> str | None:
    """The one place the title and lead name, as written; None when they name none or several."""
    heads = doc.blocks[:2]
    found: dict[str, str] = {}
    for block in heads:
        for match in _place().finditer(doc.text, block.start, block.end):
            name = match.group(0).strip()
            if not name.startswith("cấp "):
                found.setdefault(_bare(name), name)
    return next(iter(found.values())) if len(found) == 1 else None


def _bare(name: str) -> str:
    """"tỉnh Bình Định" and "Bình Định" are one place."""
    for form in sorted(_levels(), key=len, reverse=True):
        if name.startswith(form):
            return name[len(form) :].strip()
    return name


def sentence_scope(text: str, sentence: Span, spans: list[tuple[int, int]], index: int) -> str | None:
    """The place written for figure ``index`` of a sentence whose figures are at ``spans``: in the
    words between the previous figure's clause and the figure ("…, xã Thượng Ân có 25 hộ"), else
    in the sentence's lead before its first figure ("huyện Chợ Đồn đã … cho 102 lượt …, … 1126
    cán bộ"). A place inside another figure's clause is that figure's."""
    start = spans[index][0]
    if index:
        between = text[spans[index - 1][1] : start]
        cut = regex.search(r"[,;]|\svà\s", between)
        found = find_scope(between[cut.end() :]) if cut else None
        if found or not cut:
            return found
    return find_scope(text[sentence.start : spans[0][0]])


def scope_of(subject: str | None, sentence_place: str | None, article: str | None) -> str | None:
    """The scope of a figure: its subject's, else its sentence's, else the article's."""
    return find_scope(subject) or sentence_place or article
