"""Every statistics rule is shown by rows of tests/data/statistics_sentences.jsonl.

A row shows a rule when one of its expected figures states it as ``"rule"`` (the record's rule) or
when it names it in ``"rules"``: the rule must fire on the row's sentence (analysed as
``test_tables`` does, as the body paragraph of a one-sentence article). A row names a rule in
``"not_rules"`` when the rule must not fire there: a near miss, a sentence that looks like the
rule's trigger but is not ("Trên địa bàn tỉnh có 28 ngân hàng": no comparator). A rule fires on a
sentence when it is the rule of a record (``Statistic.evidence``), of one of its parts
(``Statistic.parts``: number, unit, comparator, change, subject, rate, period, scope) or of an
exclusion that ``find_figures`` traces (a number that is no figure, and why). Rules about context
across sentences (a period carried through the paragraph, the article's place) are shown by rows
whose sentence holds two or three sentences.

Each rule needs at least three rows that show it and pass ``test_tables`` (a row listed in
known_failures_statistics.txt or known_failures_statistics_details.txt shows nothing: a rule shown
only on a row the extractor still gets wrong is not shown) and at least one row where it must not
fire. There is no list of exceptions: a rule that cannot be shown is dead code, and goes.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from realtext import row_sentence
from vnnews_extract import extract
from vnnews_extract.options import Options
from vnnews_extract.clean import clean
from vnnews_extract.extract.rules import registry
from vnnews_extract.extract.statistics import find_figures
from vnnews_extract.text.document import build_document
from vnnews_extract.text.segment import segment

DATA = Path(__file__).resolve().parent.parent / "data"
RULES = sorted(name for name in registry() if name.startswith("statistics."))
ROWS = [json.loads(line) for line in (DATA / "statistics_sentences.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
KNOWN = {
    ln.split("#")[0].strip()
    for name in ("known_failures_statistics.txt", "known_failures_statistics_details.txt")
    for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
    if ln.split("#")[0].strip()
}


def fired(sentence: str, options: dict | None = None) -> set[str]:
    """The statistics rules behind a sentence's records, their parts and its traced exclusions (with
    the row's Options fields, if it names any)."""
    text = "Tin tức\n" + sentence
    names: set[str] = set()
    for s in extract(text, options=Options(**(options or {}))).statistics:
        names.add(s.evidence.rule)
        names.update(part.rule for part in s.parts.values())
    doc = segment(build_document(clean(text)))
    names.update(f.rule.name for f in find_figures(doc, 10_000, trace=True).trace)
    return {n for n in names if n.startswith("statistics.")}


def _shows(row: dict, name: str) -> bool:
    return name in row.get("rules", []) or any(s.get("rule") == name for s in row["statistics"])


@pytest.mark.parametrize("row", [r for r in ROWS if r.get("rules") or r.get("not_rules")], ids=lambda r: r["id"])
def test_row_rules(row: dict) -> None:
    got = fired(row_sentence(row), row.get("options"))
    assert sorted(set(row.get("rules", [])) - got) == [], "rules that should fire and did not"
    assert sorted(set(row.get("not_rules", [])) & got) == [], "rules that fired and must not"


@pytest.mark.parametrize("name", RULES)
def test_rule_has_rows(name: str) -> None:
    positives = [r["id"] for r in ROWS if _shows(r, name) and r["id"] not in KNOWN]
    negatives = [r["id"] for r in ROWS if name in r.get("not_rules", [])]
    assert len(positives) >= 3, f"{name}: rows that show it (passing): {positives}"
    assert len(negatives) >= 1, f"{name}: no row where it must not fire"


def test_listed_rules_exist() -> None:
    """Every rule a row names is a declared statistics rule, and no row names one both ways."""
    named = Counter(n for r in ROWS for key in ("rules", "not_rules") for n in r.get(key, []))
    named.update(s["rule"] for r in ROWS for s in r["statistics"] if "rule" in s)
    assert sorted(set(named) - set(RULES)) == []
    assert [r["id"] for r in ROWS if set(r.get("rules", [])) & set(r.get("not_rules", []))] == []
    assert [r["id"] for r in ROWS if {s["rule"] for s in r["statistics"] if "rule" in s} & set(r.get("not_rules", []))] == []


def test_every_area_rule_is_checked() -> None:
    """The rules this file checks are the statistics ones of the registry (about sixty)."""
    assert len(RULES) >= 55
    assert all(registry()[name].makes.startswith(("Statistic", "exclusion")) for name in RULES)
