"""``vnnews-extract eval people|events CORPUS``: score people and personnel events.

The gold files are ``CORPUS/personnel/<slug>.gold.json`` next to ``<slug>.txt`` (or a folder
holding them directly). A person-title pair matches on the normalised name and role (a person
with no title counts as one pair with role null); an event matches on type, role and person.
Organisation token-F1 is reported over the matched pairs. Exit status 0 when the targets are met.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..text.normalize import normalize_line
from .metrics import PRF, token_prf

TARGETS = {"people": 0.92, "events": 0.85}
Item = tuple[tuple[str | None, ...], str | None]  # (match key, organisation)


def _n(value: object) -> str | None:
    return normalize_line(str(value)).strip() if value else None


def people_items(people: Iterable[dict]) -> list[Item]:
    """Person-title pairs: ((name, role), organisation)."""
    out: list[Item] = []
    for p in people:
        titles = p.get("titles") or [{"role": None, "organization": None}]
        out.extend(((_n(p["name"]), _n(t.get("role"))), _n(t.get("organization"))) for t in titles)
    return out


def event_items(events: Iterable[dict]) -> list[Item]:
    """Events: ((type, role, person), organisation)."""
    return [((e["type"], _n(e.get("role")), _n(e.get("person"))), _n(e.get("organization"))) for e in events]


def score(predicted: list[Item], gold: list[Item]) -> tuple[PRF, PRF]:
    """Match predicted items to gold by key (each used once); (key PRF, organisation token PRF)."""
    left = list(gold)
    tp = 0
    org = PRF(0, 0, 0)
    for key, organisation in predicted:
        candidates = [i for i, g in enumerate(left) if g[0] == key]
        if not candidates:
            continue
        best = max(candidates, key=lambda i: token_prf(organisation, left[i][1]).f1)
        org = org + _org_prf(organisation, left.pop(best)[1])
        tp += 1
    return PRF(tp, len(predicted) - tp, len(gold) - tp), org


def _org_prf(predicted: str | None, gold: str | None) -> PRF:
    if not predicted and not gold:
        return PRF(1, 0, 0)
    return token_prf(predicted, gold)


def gold_files(corpus: Path) -> list[Path]:
    folder = corpus / "personnel" if (corpus / "personnel").is_dir() else corpus
    return sorted(folder.glob("*.gold.json"))


def article_scores(gold_path: Path, what: str) -> tuple[PRF, PRF]:
    from .. import extract

    text_path = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
    article = extract(text_path.read_text(encoding="utf-8")).model_dump()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    items = people_items if what == "people" else event_items
    return score(items(article[what]), items(gold[what]))


def evaluate_personnel(corpus: Path, what: str, quiet: bool = False) -> int:
    """Print per-article and overall scores; 0 when the F1 target for ``what`` is met."""
    if what not in TARGETS:
        raise ValueError(f"unknown record type {what!r}")
    files = gold_files(corpus)
    if not files:
        print(f"no personnel gold files under {corpus}")
        return 2
    total, org_total = PRF(0, 0, 0), PRF(0, 0, 0)
    for path in files:
        prf, org = article_scores(path, what)
        total, org_total = total + prf, org_total + org
        if not quiet:
            print(prf.line(path.name[: -len(".gold.json")]))
    print(total.line(f"{what} overall"))
    print(org_total.line(f"{what} organisation tokens (matched pairs)"))
    met = total.f1 >= TARGETS[what]
    print(f"target F1 >= {TARGETS[what]:.2f}: {'met' if met else 'NOT met'}")
    return 0 if met else 1
