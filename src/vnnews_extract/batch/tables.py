"""Records -> table rows, shared by the CSV and SQLite outputs.

Every table is keyed by ``input``, the stable input id (path, ``path#line``, ``path#record``):
it is unique within a run, which the article ``id`` (URL or text hash) is not when one page is
crawled twice. Child tables add ``seq``, the record's position in the article.
"""

from __future__ import annotations

import json
from typing import Any

from ..records import BatchRecord, ErrorRecord, Evidence, Person, PersonnelEvent, Statistic, parse_output_record

_EVIDENCE = ("evidence_start", "evidence_end", "evidence", "sentence", "rule")

TABLES: dict[str, tuple[str, ...]] = {
    "articles": (
        "input", "id", "url", "title", "lead", "source_prefix", "published", "fetched", "author",
        "site_name", "is_article", "statistics", "people", "events", "warnings", "text",
    ),
    "statistics": (
        "input", "seq", "kind", "value", "value_max", "unit", "comparator", "change", "subject",
        "period_start", "period_end", "scope", *_EVIDENCE,
    ),
    "people": ("input", "seq", "name", "honorific", "role", "organization", "titles", *_EVIDENCE),
    "events": ("input", "seq", "type", "person", "role", "organization", "actor", "date", *_EVIDENCE),
    "errors": ("input", "type", "message"),
}
CHILD_TABLES = ("statistics", "people", "events")
SQL_TYPES = {
    "seq": "INTEGER", "value": "REAL", "value_max": "REAL", "period_start": "INTEGER", "period_end": "INTEGER",
    "is_article": "INTEGER", "statistics": "INTEGER", "people": "INTEGER", "events": "INTEGER",
    "evidence_start": "INTEGER", "evidence_end": "INTEGER",
}
Row = tuple[Any, ...]


def rows(record: BatchRecord | ErrorRecord | dict[str, Any]) -> dict[str, list[Row]]:
    """The rows one output record becomes, table by table (children before their article). A dict
    is read as the typed record it must be (``pydantic.ValidationError`` when it is not one)."""
    if isinstance(record, dict):
        record = parse_output_record(record)
    key = record.input
    if isinstance(record, ErrorRecord):
        return {"errors": [(key, record.error.type, record.error.message)]}
    return {
        "statistics": [_statistic(key, i, s) for i, s in enumerate(record.statistics)],
        "people": [_person(key, i, p) for i, p in enumerate(record.people)],
        "events": [_event(key, i, e) for i, e in enumerate(record.events)],
        "articles": [_article(key, record)],
    }


def _article(key: str, r: BatchRecord) -> Row:
    counts = (len(r.statistics), len(r.people), len(r.events))
    head = (key, r.id, r.url, r.title, r.lead, r.source_prefix, r.published)
    tail = (r.fetched, r.author, r.site_name, int(r.is_article), *counts)
    return (*head, *tail, json.dumps(r.warnings, ensure_ascii=False), r.text)


def _evidence(ev: Evidence | None) -> Row:
    if ev is None:
        return (None, None, None, None, None)
    return (ev.start, ev.end, ev.text, ev.sentence, ev.rule)


def _statistic(key: str, seq: int, s: Statistic) -> Row:
    period = (s.period.start, s.period.end) if s.period else (None, None)
    values = (s.kind, s.value, s.value_max, s.unit, s.comparator, s.change, s.subject)
    return (key, seq, *values, *period, s.scope, *_evidence(s.evidence))


def _person(key: str, seq: int, p: Person) -> Row:
    first = p.titles[0] if p.titles else None
    titles = json.dumps([t.model_dump(mode="json") for t in p.titles], ensure_ascii=False)
    evidence = _evidence(p.evidence[0] if p.evidence else None)
    role, organization = (first.role, first.organization) if first else (None, None)
    return (key, seq, p.name, p.honorific, role, organization, titles, *evidence)


def _event(key: str, seq: int, e: PersonnelEvent) -> Row:
    values = (e.type, e.person, e.role, e.organization, e.actor, e.date)
    return (key, seq, *values, *_evidence(e.evidence))
