"""Statistics of a document: figures found per sentence, then each made into one record.

Two steps, so that word tagging is done once, by the segmentation stage, for the sentences that
hold figures: :func:`find_figures` reads the number expressions of every sentence (bounded by a
budget of candidates), the pipeline tags those sentences, and :func:`extract_statistics` builds
each ``Statistic`` once from its finished parts (unit, comparator, change, subject, period, scope).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ...model import Document, Span
from ...records import Evidence, Part, Period, Statistic
from ..rules import Fired, Rule
from . import subjects
from .combine import sentence_figures
from .figures import Figure, noun_checked, shared_nouns, widen_compound
from .period_reference import REFERRED, refers_back
from .periods import CARRIED, PeriodTracker, Stated
from .qualifiers import Decided, change, comparator, listed_change
from .scope import Place, article_place, scope_of, sentence_scope


@dataclass
class FoundFigures:
    """Figures by sentence index, and whether the candidate budget ran out before the end."""

    by_sentence: dict[int, list[Figure]] = field(default_factory=dict)
    exhausted: bool = False
    trace: list[Fired] = field(default_factory=list)


def find_figures(doc: Document, max_candidates: int, *, trace: bool = False) -> FoundFigures:
    """The figures of every sentence. Each number candidate examined spends one of
    ``max_candidates``, kept or not, so no text can make this step run long."""
    found = FoundFigures()
    budget = [max_candidates]
    notes = found.trace if trace else None
    for index, sentence in enumerate(doc.sentences):
        if budget[0] <= 0:
            found.exhausted = True
            break
        figures = sentence_figures(doc.text, sentence, notes, budget)
        if figures:
            found.by_sentence[index] = figures
    found.exhausted = found.exhausted or budget[0] <= 0
    return found


def extract_statistics(doc: Document, found: FoundFigures, carry_periods: bool = False) -> Iterator[Statistic]:
    """One record per figure, in text order. A figure whose sentence states no period takes the one
    stated last in its paragraph when the sentence refers back to it (statistics.period.referred),
    or always with ``carry_periods`` (statistics.period.carried)."""
    tracker, place = PeriodTracker(), article_place(doc)
    for index, sentence in enumerate(doc.sentences):
        carried = tracker.read(doc.text, sentence, doc.sentence_block[index])
        referred = carried is not None and not carry_periods and refers_back(doc.text, sentence)
        carried = carried if carry_periods or referred else None
        figures = found.by_sentence.get(index)
        if not figures:
            continue
        words = doc.words_in(sentence.start, sentence.end)
        checked = (noun_checked(doc.text, widen_compound(doc.text, f, words), words, sentence) for f in figures)
        figures = [f for f in checked if f is not None]
        figures = shared_nouns(figures)
        if not figures:
            continue
        view = subjects.SentenceView(doc.text, sentence, words, tuple((f.start, f.end, f.kind) for f in figures))
        previous: subjects.Chosen | None = None
        spans = [(f.start, f.end) for f in figures]
        last_change: tuple[int, Decided | None] | None = None
        for n, fig in enumerate(figures):
            changed = change(doc.text, fig, sentence, words) or listed_change(doc.text, last_change, fig)
            last_change = (fig.end, changed)
            subject, previous = subjects.subject(view, fig, changed is not None, previous)
            period = tracker.period_at(fig.start, fig.end, carried)
            if period is not None and referred and period[1] is CARRIED:
                period = (period[0], REFERRED)
            phrase = (subject.phrase.start, subject.phrase.end) if subject.phrase else None
            scope = scope_of(doc.text, phrase, sentence_scope(doc.text, sentence, spans, n), place)
            compared = comparator(doc.text, fig, sentence, words)
            yield _record(doc, sentence, fig, _Qualified(changed, compared, subject, period, scope))


@dataclass(frozen=True, slots=True)
class _Qualified:
    change: Decided | None
    comparator: Decided | None
    subject: subjects.Subject
    period: tuple[Stated, Rule] | None
    scope: tuple[Place, Rule] | None


def _part(text: str, start: int, end: int, rule: Rule) -> Part:
    return Part(start=start, end=end, text=text[start:end], rule=rule.name)


def _record(doc: Document, sentence: Span, fig: Figure, q: _Qualified) -> Statistic:
    text = doc.text
    parts = {"number": _part(text, fig.start, fig.end, fig.rule), "unit": _part(text, fig.unit_start, fig.unit_end, fig.unit_rule)}
    for name, decided in (("comparator", q.comparator), ("change", q.change)):
        if decided is not None:
            parts[name] = _part(text, decided.start, decided.end, decided.rule)
    for name, chosen in (("subject", q.subject.phrase), ("rate", q.subject.rate)):
        if chosen is not None:
            parts[name] = _part(text, chosen.start, chosen.end, chosen.rule)
    period = None
    if q.period is not None:
        stated, rule = q.period
        period = Period(start=stated.years[0], end=stated.years[1])
        parts["period"] = _part(text, stated.start, stated.end, stated.rule or rule)
    scope = None
    if q.scope is not None:
        place, rule = q.scope
        scope = place.name
        parts["scope"] = _part(text, place.start, place.end, rule)
    return Statistic(
        kind=fig.kind,  # type: ignore[arg-type]
        value=fig.value,
        value_max=fig.value_max,
        unit=fig.unit,
        comparator=q.comparator.value if q.comparator is not None else "eq",  # type: ignore[arg-type]
        change=q.change.value if q.change is not None else None,  # type: ignore[arg-type]
        subject=q.subject.text(text),
        period=period,
        scope=scope,
        evidence=Evidence(
            start=fig.start, end=fig.end, text=text[fig.start : fig.end],
            sentence=text[sentence.start : sentence.end], sentence_start=sentence.start, rule=fig.rule.name,
        ),
        parts=parts,
    )
