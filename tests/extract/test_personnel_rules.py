"""Every people/personnel rule is shown by rows of tests/data/personnel_sentences.jsonl.

A row shows a rule by naming it in ``"rules"``: the rule must fire on the row's sentence (analysed
as ``test_tables`` does, as the body paragraph of a one-sentence article). A row names a rule in
``"not_rules"`` when the rule must not fire there: a near miss, a sentence that looks like the
rule's trigger but is not. A rule fires on a sentence when it is the rule of a person's name
(``Person.evidence``), of one of their titles (``Position.evidence``), of an event
(``PersonnelEvent.evidence``) or of a part of one (``PersonnelEvent.parts``: person, role,
organization, actor, date). Rules about context across sentences (short mentions, earlier events,
the ceremony's host) are shown by rows whose sentence holds two or three sentences.

Each rule needs at least three rows that show it and pass ``test_personnel_sentence`` (a rule
shown only on a row the extractor still gets wrong is not shown) and at least one row where it
must not fire. There is no list of exceptions: a rule that cannot be shown is dead code, and goes.
Rows whose expected events state a ``"date"`` also check the event's date; a row may give the
article's publication date (``"published": "2018-06-12"``, passed to ``extract``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from realtext import row_sentence
from vnnews_extract import extract
from vnnews_extract.extract.rules import registry

DATA = Path(__file__).resolve().parent.parent / "data"
AREAS = ("people.", "personnel.")
RULES = sorted(name for name in registry() if name.startswith(AREAS))
ROWS = [json.loads(line) for line in (DATA / "personnel_sentences.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
KNOWN = {
    ln.split("#")[0].strip()
    for ln in (DATA / "known_failures_personnel.txt").read_text(encoding="utf-8").splitlines()
    if ln.split("#")[0].strip()
}


def _article(sentence: str, published: str | None = None):
    return extract("Tin tức\n" + sentence, published=published)


def fired(article) -> set[str]:
    """The people/personnel rules behind an article's people and events."""
    names: set[str] = set()
    for person in article.people:
        names.update(e.rule for e in person.evidence)
        names.update(t.evidence.rule for t in person.titles if t.evidence is not None)
    for event in article.events:
        names.add(event.evidence.rule)
        names.update(part.rule for part in event.parts.values())
    return {n for n in names if n.startswith(AREAS)}


@pytest.mark.parametrize("row", [r for r in ROWS if r.get("rules") or r.get("not_rules")], ids=lambda r: r["id"])
def test_row_rules(row: dict) -> None:
    got = fired(_article(row_sentence(row), row.get("published")))
    assert sorted(set(row.get("rules", [])) - got) == [], "rules that should fire and did not"
    assert sorted(set(row.get("not_rules", [])) & got) == [], "rules that fired and must not"


@pytest.mark.parametrize("row", [r for r in ROWS if any("date" in e for e in r["events"])], ids=lambda r: r["id"])
def test_row_event_dates(row: dict) -> None:
    """The date of each expected event that states one (``personnel.date.sentence``)."""
    article = _article(row_sentence(row), row.get("published"))
    got = Counter((e.type, e.person, e.role, e.date) for e in article.events)
    expected = Counter((e["type"], e["person"], e["role"], e["date"]) for e in row["events"] if "date" in e)
    assert expected - got == Counter()


@pytest.mark.parametrize("name", RULES)
def test_rule_has_rows(name: str) -> None:
    positives = [r["id"] for r in ROWS if name in r.get("rules", []) and r["id"] not in KNOWN]
    negatives = [r["id"] for r in ROWS if name in r.get("not_rules", [])]
    assert len(positives) >= 3, f"{name}: rows that show it (passing): {positives}"
    assert len(negatives) >= 1, f"{name}: no row where it must not fire"


def test_listed_rules_exist() -> None:
    """Every rule a row names is a declared people/personnel rule, and no row names one both ways."""
    named = Counter(n for r in ROWS for key in ("rules", "not_rules") for n in r.get(key, []))
    assert sorted(set(named) - set(RULES)) == []
    assert [r["id"] for r in ROWS if set(r.get("rules", [])) & set(r.get("not_rules", []))] == []


def test_every_area_rule_is_checked() -> None:
    """The rules this file checks are the people/personnel ones of the registry (about forty)."""
    assert len(RULES) >= 35
    assert all(registry()[name].makes.startswith(("Person", "Position", "PersonnelEvent")) for name in RULES)


# Whole-word occurrences of a phrase (names.py looks a word up elsewhere in the article with them).
WHOLE_OCCURRENCES = [
    ("Sacombank", "cổ phiếu Sacombank tăng; ngân hàng Sacombank.", [9, 35]),
    ("Sacombank", "SacombankX và XSacombank không phải", []),
    ("Luis", "Luis Enrique, Luis Suarez và Luisa", [0, 14]),
    ("A A", "A A A", [0]),  # left to right, not overlapping
    ("Hòa", "Hòa Bình; Thuận Hòa; Hòa", [0, 16, 21]),
    ("", "anything", []),
]


@pytest.mark.parametrize(("phrase", "text", "starts"), WHOLE_OCCURRENCES)
def test_whole_occurrences(phrase: str, text: str, starts: list[int]) -> None:
    from vnnews_extract.extract.personnel.names import _whole_occurrences

    assert list(_whole_occurrences(text, phrase)) == starts
