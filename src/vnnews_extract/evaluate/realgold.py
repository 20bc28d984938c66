"""Scores on real published articles: ``corpus/real/{dev,blind}/<id>.gold.json``.

The gold names each article by its id in ``shared/realnews/articles.jsonl.gz`` (found by walking
up from the gold folder to a ``shared/realnews`` folder, or named by ``VNNEWS_REALNEWS``); the
text itself is never copied into the project. Statistics are scored as in :mod:`.statistics`,
people and events as in :mod:`.personnel`.

The **blind** set (a folder named ``blind``) prints aggregate figures only: it is scored rarely
and never read error by error.

``eval agreement corpus/real`` scores the second annotations of ``corpus/real/agreement``
against the first ones in ``corpus/real/dev`` (inter-annotator agreement).
"""

from __future__ import annotations

import gzip
import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Union

from ..records import Article, Statistic
from .gold import GoldError, GoldRecords, read_gold
from .metrics import PRF
from .personnel import Item, actor_prf, date_agreement, event_items, name_prf, people_items, score
from .statistics import Scores, predicted_records, score_records

Records = Union[Article, GoldRecords]
"""What holds an article's people and events: the extractor's Article or an annotator's gold."""

TARGETS = {
    "statistics": {"f1": 0.96, "subject_f1": 0.75, "comparator": 0.98},
    "people": {"pairs": 0.92, "names": 0.95},
    "events": {"events": 0.85},
}
REALNEWS = Path("shared") / "realnews" / "articles.jsonl.gz"


def realnews_path(start: Path) -> Path:
    """``VNNEWS_REALNEWS``, else the first ``shared/realnews/articles.jsonl.gz`` above ``start``."""
    env = os.environ.get("VNNEWS_REALNEWS")
    if env:
        return Path(env)
    for folder in [start.resolve(), *start.resolve().parents]:
        if (folder / REALNEWS).is_file():
            return folder / REALNEWS
    raise FileNotFoundError(f"no {REALNEWS} above {start} (set VNNEWS_REALNEWS)")


@lru_cache(maxsize=2)
def real_texts(path: Path) -> dict[str, str]:
    """Article id -> text of the real-news file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {row["id"]: row["text"] for row in map(json.loads, fh)}


def is_real_gold(folder: Path) -> bool:
    """A folder of real-article gold: ``<id>.gold.json`` files naming their article, no texts beside."""
    files = sorted(folder.glob("*.gold.json")) if folder.is_dir() else []
    if not files or any(folder.glob("*.txt")) or any(folder.glob("*.html")):
        return False
    return "id" in json.loads(files[0].read_text(encoding="utf-8"))


def load_gold(folder: Path) -> list[GoldRecords]:
    """Every gold file of ``folder``, typed (:class:`.gold.GoldError` for a file that is not gold)."""
    return [read_gold(p) for p in sorted(folder.glob("*.gold.json"))]


@lru_cache(maxsize=512)
def _extracted(article_id: str, path: Path) -> Article:
    from .. import extract

    return extract(real_texts(path)[article_id])


@dataclass
class PersonnelScores:
    """Running totals for people and events over a set of articles."""

    pairs: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    pair_orgs: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    names: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    events: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    event_orgs: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    event_actors: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    event_dates: tuple[int, int] = (0, 0)
    classes: Counter[str] = field(default_factory=Counter)
    by_type: dict[str, PRF] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, predicted: Records, gold: Records) -> None:
        pred_pairs, gold_pairs = people_items(predicted.people), people_items(gold.people)
        prf, org, matched = score(pred_pairs, gold_pairs)
        self.pairs, self.pair_orgs = self.pairs + prf, self.pair_orgs + org
        self.names = self.names + name_prf(predicted.people, gold.people)
        self._pair_classes(name, pred_pairs, gold_pairs, matched)
        pred_events, gold_events = event_items(predicted.events), event_items(gold.events)
        prf, org, matched = score(pred_events, gold_events)
        self.events, self.event_orgs = self.events + prf, self.event_orgs + org
        self.event_actors = self.event_actors + actor_prf(matched)
        right, dated = date_agreement(matched)
        self.event_dates = (self.event_dates[0] + right, self.event_dates[1] + dated)
        self._event_classes(name, pred_events, gold_events, matched)

    def _pair_classes(self, name: str, pred: list[Item], gold: list[Item], matched: list[tuple[Item, Item]]) -> None:
        used_p, used_g = _unmatched(pred, gold, matched)
        gold_names, pred_names = {g.name for g in gold}, {p.name for p in pred}
        for g in used_g:
            cls = "title missed (person found)" if g.name in pred_names else "person missed"
            self._error(name, cls, f"fn {g.name!r} {g.role!r} / {g.organization!r}")
        for p in used_p:
            cls = "title spurious (person in gold)" if p.name in gold_names else "person spurious"
            self._error(name, cls, f"fp {p.name!r} {p.role!r} / {p.organization!r}")

    def _event_classes(self, name: str, pred: list[Item], gold: list[Item], matched: list[tuple[Item, Item]]) -> None:
        used_p, used_g = _unmatched(pred, gold, matched)
        for kind in {i.kind for i in pred + gold}:
            tp = sum(1 for p, _ in matched if p.kind == kind)
            fp = sum(1 for p in used_p if p.kind == kind)
            fn = sum(1 for g in used_g if g.kind == kind)
            self.by_type[str(kind)] = self.by_type.get(str(kind), PRF(0, 0, 0)) + PRF(tp, fp, fn)
        for g in used_g:
            self._error(name, _event_miss_class(g, used_p), f"fn {g.kind} {g.name!r} {g.role!r} / {g.organization!r}")
        for p in used_p:
            cls = "event spurious (no gold event of that person)" if p.name not in {g.name for g in gold} else "event spurious (person has other gold events)"
            self._error(name, cls, f"fp {p.kind} {p.name!r} {p.role!r} / {p.organization!r}")

    def _error(self, article: str, cls: str, detail: str) -> None:
        self.classes[cls] += 1
        self.errors.append(f"{article} [{cls}] {detail}")


def _unmatched(pred: list[Item], gold: list[Item], matched: list[tuple[Item, Item]]) -> tuple[list[Item], list[Item]]:
    left_p, left_g = list(pred), list(gold)
    for p, g in matched:
        left_p.remove(p)
        left_g.remove(g)
    return left_p, left_g


def _event_miss_class(g: Item, spurious: list[Item]) -> str:
    same_person = [p for p in spurious if p.name == g.name and g.name]
    if any(p.kind == g.kind for p in same_person):
        return "event role differs"
    if same_person:
        return "event type differs"
    if any(p.kind == g.kind and p.name is None for p in spurious):
        return "event without its person"
    if g.name is None:
        return "event missed (no person in gold)"
    return "event missed"


def _score_all(folder: Path) -> Iterator[tuple[str, Article, GoldRecords, list[Statistic]]]:
    path = realnews_path(folder)
    for gold in load_gold(folder):
        if gold.id is None:
            raise GoldError(f"{folder}: a real-article gold file names no article id")
        article = _extracted(gold.id, path)
        yield gold.id, article, gold, predicted_records(article)


def real_scores(folder: Path, lines: list[str] | None = None) -> tuple[Scores, PersonnelScores, int]:
    """Statistics and personnel scores of the extractor over a real gold folder, and its article
    count; ``lines`` collects a statistics score line per article."""
    stats, personnel, n = Scores(), PersonnelScores(), 0
    for name, predicted, gold, figures in _score_all(folder):
        n += 1
        prf = score_records(figures, gold.statistics, name, stats)
        personnel.add(name, predicted, gold)
        if lines is not None:
            lines.append(prf.line(name))
    return stats, personnel, n


def evaluate_real(folder: Path, what: str, *, quiet: bool = False) -> int:
    """Print scores on a real gold folder; 0 when the issue targets for ``what`` are met."""
    blind = folder.name == "blind"
    lines: list[str] = []
    stats, personnel, n = real_scores(folder, lines)
    if what == "statistics" and not (quiet or blind):
        print("\n".join(lines))
    print(f"{folder}: {n} real articles{' (blind: aggregate figures only)' if blind else ''}")
    if what == "statistics":
        return _report_statistics(stats, quiet or blind)
    return _report_personnel(personnel, what, quiet or blind)


def _report_statistics(stats: Scores, quiet: bool) -> int:
    if not quiet:
        for line in stats.mismatches:
            print("  " + line)
    s = stats.summary()
    print(stats.prf.line("statistics overall"))
    print(f"matched pairs {stats.pairs}: unit {s['unit']:.3f}, comparator {s['comparator']:.3f}, change {s['change']:.3f}, "
          f"period {s['period']:.3f}, subject token-F1 {s['subject_f1']:.3f}")
    return _targets("statistics", {"f1": s["f1"], "subject_f1": s["subject_f1"], "comparator": s["comparator"]})


def _report_personnel(p: PersonnelScores, what: str, quiet: bool) -> int:
    if not quiet:
        for line in p.errors:
            if (what == "people") == ("event" not in line.split("[", 1)[1]):
                print("  " + line)
    if what == "people":
        print(p.names.line("person names"))
        print(p.pairs.line("person-title pairs"))
        print(p.pair_orgs.line("organisation tokens (matched pairs)"))
        classes = {k: v for k, v in p.classes.items() if "event" not in k}
        values = {"pairs": p.pairs.f1, "names": p.names.f1}
    else:
        print(p.events.line("events"))
        print(p.event_orgs.line("organisation tokens (matched events)"))
        print(p.event_actors.line("actor tokens (matched events)"))
        right, dated = p.event_dates
        print(f"dates (matched events with a date in gold or output): {right} of {dated} equal" + (f" ({right / dated:.3f})" if dated else ""))
        for kind, prf in sorted(p.by_type.items()):
            print("  " + prf.line(f"{kind}"))
        classes = {k: v for k, v in p.classes.items() if "event" in k}
        values = {"events": p.events.f1}
    print("errors by class: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items(), key=lambda kv: -kv[1])))
    return _targets(what, values)


def _targets(what: str, values: dict[str, float]) -> int:
    goals = TARGETS[what]
    met = all(values[k] >= v for k, v in goals.items())
    missed = [f"{k} {values[k]:.3f} < {v}" for k, v in goals.items() if values[k] < v]
    reached = [f"{k} {values[k]:.3f} >= {v}" for k, v in goals.items() if values[k] >= v]
    print(f"targets {'met' if met else 'NOT met'}: " + ", ".join(missed + (["met: " + ", ".join(reached)] if missed and reached else reached)))
    return 0 if met else 1


def evaluate_agreement(real: Path) -> int:
    """Agreement of two annotators: ``real/agreement`` scored against ``real/dev`` on shared ids."""
    second = {g.id: g for g in load_gold(real / "agreement")}
    first = {g.id: g for g in load_gold(real / "dev") if g.id in second}
    if not first:
        print(f"no doubly annotated articles under {real}")
        return 2
    stats, personnel = Scores(), PersonnelScores()
    for article_id, gold in sorted(first.items()):
        other = second[article_id]
        score_records(other.statistics, gold.statistics, str(article_id), stats)
        personnel.add(str(article_id), other, gold)
    print(f"agreement on {len(first)} articles (annotator 2 scored against annotator 1)")
    print(stats.prf.line("statistics"))
    s = stats.summary()
    print(f"  over matched figures: unit {s['unit']:.3f}, comparator {s['comparator']:.3f}, change {s['change']:.3f}, "
          f"period {s['period']:.3f}, subject token-F1 {s['subject_f1']:.3f}")
    print(personnel.names.line("person names"))
    print(personnel.pairs.line("person-title pairs"))
    print(personnel.events.line("events"))
    return 0
