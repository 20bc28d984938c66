"""Where to highlight: the records of an Article as marks (evidence spans) and part spans, and the
text cut into atomic segments at every mark, part and block boundary.

Highlight ids (``hid``) name one evidence span: ``s3`` (statistic 3), ``p1.m0`` (first name
mention of person 1), ``p1.t2`` (title 2 of person 1), ``e0`` (event 0). Part ids name one part:
``s3:subject``, ``e0:role``. Record keys (what a click selects) are ``s3``, ``p1``, ``p1.t2``,
``e0``. Every offset is into ``Article.text``; spans out of the text or empty are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records import Article, Evidence, Part

KINDS = ("statistic", "person", "title", "event")


@dataclass(frozen=True, slots=True)
class Mark:
    """An evidence span: ``hid`` names it, ``record`` is the key of the record it belongs to."""

    start: int
    end: int
    hid: str
    record: str
    kind: str


@dataclass(frozen=True, slots=True)
class PartMark:
    start: int
    end: int
    pid: str
    record: str
    kind: str


@dataclass(frozen=True, slots=True)
class Segment:
    """An atomic piece of text: the same marks and parts cover all of it."""

    start: int
    end: int
    marks: tuple[Mark, ...] = ()
    parts: tuple[PartMark, ...] = ()


def marks_of(article: Article) -> list[Mark]:
    """Every evidence span of the article, in record order."""
    found: list[Mark] = []
    for i, stat in enumerate(article.statistics):
        found += _mark(stat.evidence, f"s{i}", f"s{i}", "statistic")
    for i, person in enumerate(article.people):
        for j, ev in enumerate(person.evidence):
            found += _mark(ev, f"p{i}.m{j}", f"p{i}", "person")
        for j, title in enumerate(person.titles):
            found += _mark(title.evidence, f"p{i}.t{j}", f"p{i}.t{j}", "title")
    for i, event in enumerate(article.events):
        found += _mark(event.evidence, f"e{i}", f"e{i}", "event")
    return [m for m in found if 0 <= m.start < m.end <= len(article.text)]


def _mark(ev: Evidence | None, hid: str, record: str, kind: str) -> list[Mark]:
    return [] if ev is None else [Mark(ev.start, ev.end, hid, record, kind)]


def parts_of(article: Article) -> list[PartMark]:
    """Every part span of the statistics and events, in record order."""
    found = [_part(p, f"s{i}", name, "statistic") for i, s in enumerate(article.statistics) for name, p in s.parts.items()]
    found += [_part(p, f"e{i}", name, "event") for i, e in enumerate(article.events) for name, p in e.parts.items()]
    return [p for p in found if 0 <= p.start < p.end <= len(article.text)]


def _part(part: Part, record: str, name: str, kind: str) -> PartMark:
    return PartMark(part.start, part.end, f"{record}:{name}", record, kind)


def segments(length: int, marks: Iterable[Mark], parts: Iterable[PartMark], cuts: Iterable[int] = ()) -> Iterator[Segment]:
    """The text ``[0, length)`` cut at every boundary, each piece with the marks and parts covering
    it (in the order given). A sweep: sorted boundaries, spans opened and closed as it passes."""
    spans: list[Mark | PartMark] = [*marks, *parts]
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for index, span in enumerate(spans):
        opens.setdefault(span.start, []).append(index)
        closes.setdefault(span.end, []).append(index)
    bounds = sorted({0, length, *opens, *closes, *(c for c in cuts if 0 < c < length)})
    active: set[int] = set()
    for start, end in zip(bounds, bounds[1:]):
        active.difference_update(closes.get(start, ()))
        active.update(opens.get(start, ()))
        covering = [spans[i] for i in sorted(active)]
        yield Segment(
            start, end,
            tuple(s for s in covering if isinstance(s, Mark)),
            tuple(s for s in covering if isinstance(s, PartMark)),
        )


def top_kind(segment: Segment) -> str | None:
    """The kind that colours a segment: the kind of its shortest mark (ties: ``KINDS`` order)."""
    if not segment.marks:
        return None
    return min(segment.marks, key=lambda m: (m.end - m.start, KINDS.index(m.kind))).kind
