"""Every statistics rule has table rows in tests/data/statistics_sentences.jsonl: at least three
that show it and one where it must not fire (the registry test of rules.py).

A row shows a rule when one of its expected figures states it as ``rule`` (the record's rule) or
when it lists the rule in ``rules``; a row is negative for the rules it lists in ``not_rules``.
``test_row_rules`` checks ``rules`` and ``not_rules`` against what fires on the row's sentence:
the records' rules, the rules of their parts (unit, comparator, change, subject, period …) and the
exclusions that ``find_figures`` traces. Rules declared before their rows were written are listed
in tests/data/known_failures_statistics_rules.txt (strict xfail: remove a line once its rows exist).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.realtext import row_sentence
from vnnews_extract import extract
from vnnews_extract.clean import clean
from vnnews_extract.extract.rules import registry
from vnnews_extract.extract.statistics import find_figures
from vnnews_extract.text.document import build_document
from vnnews_extract.text.segment import segment

DATA = Path(__file__).resolve().parent.parent / "data"
ROWS = [json.loads(line) for line in (DATA / "statistics_sentences.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
KNOWN = {
    line.split("#")[0].strip()
    for line in (DATA / "known_failures_statistics_rules.txt").read_text(encoding="utf-8").splitlines()
    if line.split("#")[0].strip()
}
RULES = sorted(name for name in registry() if name.startswith("statistics."))


def _fired(sentence: str) -> set[str]:
    text = "Tin tức\n" + sentence
    names: set[str] = set()
    for s in extract(text).statistics:
        names.add(s.evidence.rule)
        names.update(part.rule for part in s.parts.values())
    doc = segment(build_document(clean(text)))
    names.update(f.rule.name for f in find_figures(doc, 10_000, trace=True).trace)
    return names


def _positive(row: dict, name: str) -> bool:
    return name in row.get("rules", []) or any(s.get("rule") == name for s in row["statistics"])


@pytest.mark.parametrize("row", [r for r in ROWS if r.get("rules") or r.get("not_rules")], ids=lambda r: r["id"])
def test_row_rules(row: dict) -> None:
    fired = _fired(row_sentence(row))
    assert not [n for n in row.get("rules", []) if n not in fired], fired
    assert not [n for n in row.get("not_rules", []) if n in fired], fired


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, id=n, marks=[pytest.mark.xfail(strict=True, reason="rows not written yet")] if n in KNOWN else []) for n in RULES],
)
def test_rule_has_rows(name: str) -> None:
    positives = sum(1 for r in ROWS if _positive(r, name))
    negatives = sum(1 for r in ROWS if name in r.get("not_rules", []))
    assert positives >= 3 and negatives >= 1, f"{name}: {positives} rows show it, {negatives} must not fire it"


def test_listed_rules_exist() -> None:
    listed = {n for r in ROWS for n in r.get("rules", []) + r.get("not_rules", [])} | KNOWN
    assert listed <= set(RULES), listed - set(RULES)
