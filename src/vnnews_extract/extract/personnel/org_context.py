"""A bare organisation ("UBND huyện", "Huyện ủy", "Sở Nội vụ tỉnh") completed from the article's place.

The text keeps the organisation as written; the completed form only feeds ``organization_key``, so
that articles about one district can be merged across a batch. A level is completed only when the
article (title, lead or body) names exactly one place of that level ("huyện Chợ Đồn", "Huyện ủy
Chợ Đồn") and never speaks of several at once ("các huyện Ba Bể, Pác Nặm"): otherwise it is left.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import regex

from ...lexicons import alternation, lexicons
from ..phrase_search import CaselessSearch
from .grammar import SPACE, cap_words, split_place_and_name

_RUN_CHARS = 80  # a place name is read within this many characters after its level word


@dataclass(frozen=True)
class _Levels:
    place: regex.Pattern[str]  # [quantifier] level-or-committee form, before a place
    place_search: CaselessSearch  # ``place`` searched through the places a form or quantifier starts
    bare: regex.Pattern[str]  # an organisation ending with a level or committee form
    level_of: Mapping[str, str]  # form (lower case) -> level


@lru_cache(maxsize=1)
def _levels() -> _Levels:
    rows = [(form, level, kind) for form, (level, kind) in lexicons().admin_levels.items()]
    forms = alternation(r[0] for r in rows if r[2] != "quantifier")
    quantifiers = alternation(r[0] for r in rows if r[2] == "quantifier")
    head = rf"(?i)(?<![\p{{L}}])(?:(?P<q>{quantifiers})\s+)?(?P<f>{forms})"
    place = regex.compile(head + r"(?![\p{L}\p{N}]|\.[\p{L}\p{N}])")
    return _Levels(
        place=place,
        place_search=CaselessSearch(place, (r[0] for r in rows)),
        bare=regex.compile(head + r"$"),
        level_of=MappingProxyType({r[0].lower(): r[1] for r in rows if r[2] != "quantifier"}),
    )


def article_places(text: str) -> dict[str, str]:
    """Level -> the one place of that level the text names; levels naming none, several, or
    several at once ("các xã A, B") are left out.

    >>> article_places("Huyện ủy Chợ Đồn họp. Ông A về xã Bằng Lãng, rồi xã Ngọc Phái.")
    {'huyện': 'Chợ Đồn'}
    """
    lv = _levels()
    found: dict[str, set[str]] = {}
    for m in lv.place_search.finditer(text):
        level = lv.level_of[" ".join(m.group("f").lower().split())]
        sp = SPACE.match(text, m.end())
        run = [w for *_, w in cap_words(text, sp.end(), min(len(text), sp.end() + _RUN_CHARS))] if sp else []
        if not run:
            continue
        size = split_place_and_name(run)
        if m.group("q"):
            found.setdefault(level, set()).update(("*", "**"))  # a list or a level in general: ambiguous
        elif size:
            found.setdefault(level, set()).add(" ".join(run[:size]))
    return {level: next(iter(names)) for level, names in sorted(found.items()) if len(names) == 1}


def completed_organisation(org: str | None, places: Mapping[str, str]) -> str | None:
    """The organisation with the article's place appended when it ends with a bare level
    ("UBND huyện" -> "UBND huyện Chợ Đồn"); None when it is not bare or the place is not plain.

    >>> completed_organisation("Huyện ủy", {"huyện": "Chợ Đồn"}), completed_organisation("UBND cấp huyện", {"huyện": "Chợ Đồn"})
    ('Huyện ủy Chợ Đồn', None)
    """
    if not org:
        return None
    lv = _levels()
    m = lv.bare.search(org)
    if m is None or m.group("q"):
        return None
    place = places.get(lv.level_of[" ".join(m.group("f").lower().split())])
    return f"{org} {place}" if place else None
