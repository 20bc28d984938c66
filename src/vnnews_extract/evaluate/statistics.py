"""``vnnews-extract eval statistics corpus/``: score the statistics extractor on the gold corpus.

A predicted figure matches a gold one when kind, value and value_max agree (floats within a
relative tolerance). Matching is one-to-one and keeps text order: the largest order-preserving
alignment of the two lists (a longest-common-subsequence over the match relation). Over the
matched pairs we then score unit, comparator, change and period accuracy and subject token-F1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from ..records import Article, Statistic
from ..text.normalize import normalize_line
from .gold import GoldStatistic, read_gold
from .metrics import PRF, token_prf

Figure = Union[Statistic, GoldStatistic]
"""A figure the scorer compares: the extractor's record or an annotator's (the same fields)."""

TARGETS = {"f1": 0.95, "comparator": 0.95, "subject_f1": 0.80}


def _close(a: float | None, b: float | None) -> bool:
    """``a`` (the prediction) agrees with ``b`` (the gold): equal within a relative tolerance, or, when the gold
    is written with two decimals or more, equal once rounded to them (an annotator writes 4/11 as 0.3636)."""
    if a is None or b is None:
        return a is None and b is None
    if math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9):
        return True
    decimals = _decimals(float(b))
    return decimals >= 2 and math.isclose(round(float(a), decimals), float(b), rel_tol=1e-9, abs_tol=1e-12)


def _decimals(value: float) -> int:
    """How many decimals the shortest writing of ``value`` has (0.3636 -> 4, 12.5 -> 1, 3.0 -> 0)."""
    written = repr(value)
    if "e" in written or "." not in written:
        return 0
    return len(written.split(".")[1].rstrip("0"))


def same_figure(pred: Figure, gold: Figure) -> bool:
    """Kind, value and value_max agree (the gold's rounding allowed: ``_close``)."""
    return pred.kind == gold.kind and _close(pred.value, gold.value) and _close(pred.value_max, gold.value_max)


def figure_text(figure: Figure) -> str:
    """The figure as written: the evidence of a record, the snippet of a gold figure."""
    return figure.evidence.text if isinstance(figure, Statistic) else figure.text


def _rule(figure: Figure) -> str:
    return figure.evidence.rule if isinstance(figure, Statistic) else "gold"


def align(pred: Sequence[Figure], gold: Sequence[Figure]) -> list[tuple[int, int]]:
    """Largest one-to-one, order-preserving set of (pred index, gold index) matches."""
    n, m = len(pred), len(gold)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if same_figure(pred[i], gold[j]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if same_figure(pred[i], gold[j]) and table[i][j] == table[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _n(text: object) -> object:
    return normalize_line(text) if isinstance(text, str) else text


def _period(figure: Figure) -> tuple[int | None, int | None] | None:
    return (figure.period.start, figure.period.end) if figure.period else None


@dataclass
class Scores:
    """Running totals over a corpus."""

    prf: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    pairs: int = 0
    unit: int = 0
    comparator: int = 0
    change: int = 0
    period: int = 0
    subject: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    mismatches: list[str] = field(default_factory=list)

    def add_pair(self, pred: Figure, gold: Figure, where: str) -> None:
        self.pairs += 1
        checks = {
            "unit": (_n(pred.unit), _n(gold.unit)),
            "comparator": (pred.comparator, gold.comparator),
            "change": (pred.change, gold.change),
            "period": (_period(pred), _period(gold)),
        }
        for name, (got, want) in checks.items():
            ok = got == want
            setattr(self, name, getattr(self, name) + int(ok))
            if not ok:
                self.mismatches.append(f"{where} {name}: got {got!r} want {want!r} [{figure_text(gold)}]")
        self.subject = self.subject + token_prf(pred.subject, gold.subject)

    def rate(self, name: str) -> float:
        return getattr(self, name) / self.pairs if self.pairs else 1.0

    def summary(self) -> dict[str, float]:
        return {
            "precision": self.prf.precision, "recall": self.prf.recall, "f1": self.prf.f1,
            "unit": self.rate("unit"), "comparator": self.rate("comparator"), "change": self.rate("change"),
            "period": self.rate("period"), "subject_f1": self.subject.f1,
        }


def _predicted(path: Path) -> list[Statistic]:
    from .. import extract

    return predicted_records(extract(path.read_text(encoding="utf-8")))


def score_article(path: Path, scores: Scores) -> PRF:
    """Score one ``<slug>.txt`` against its ``<slug>.gold.json``; add to ``scores``."""
    gold = read_gold(path.with_name(path.stem + ".gold.json")).statistics
    return score_records(_predicted(path), gold, path.stem, scores)


def score_records(pred: Sequence[Figure], gold: Sequence[Figure], name: str, scores: Scores) -> PRF:
    """Score one article's predicted figures against its gold figures; add to ``scores``."""
    pairs = align(pred, gold)
    prf = PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    scores.prf = scores.prf + prf
    for i, j in pairs:
        scores.add_pair(pred[i], gold[j], name)
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    scores.mismatches += [f"{name} fp: {figure_text(p)!r} {p.kind} {p.value} [{_rule(p)}]" for i, p in enumerate(pred) if i not in matched_p]
    scores.mismatches += [f"{name} fn: {figure_text(g)!r} {g.kind} {g.value}" for j, g in enumerate(gold) if j not in matched_g]
    return prf


def predicted_records(article: Article) -> list[Statistic]:
    """An Article's figures, as the scorer compares them."""
    return list(article.statistics)


def gold_texts(corpus: Path) -> list[Path]:
    """The ``statistics/*.txt`` under ``corpus`` (or ``corpus`` itself) that have a gold file."""
    folder = corpus / "statistics" if (corpus / "statistics").is_dir() else corpus
    return sorted(p for p in folder.glob("*.txt") if p.with_name(p.stem + ".gold.json").is_file())


def score_corpus(corpus: Path) -> tuple[Scores, list[tuple[str, PRF]]]:
    """Scores over every ``statistics/*.txt`` with gold under ``corpus`` (or ``corpus`` itself)."""
    scores = Scores()
    per_article = [(p.stem, score_article(p, scores)) for p in gold_texts(corpus)]
    return scores, per_article


def evaluate_statistics(corpus: Path, quiet: bool = False) -> int:
    """Print per-article and overall scores; 0 when the targets are met, else 1."""
    from .realgold import evaluate_real, is_real_gold

    if is_real_gold(corpus):
        return evaluate_real(corpus, "statistics", quiet=quiet)
    scores, per_article = score_corpus(corpus)
    if not quiet:
        for name, prf in per_article:
            print(prf.line(name))
        for line in scores.mismatches:
            print("  " + line)
    summary = scores.summary()
    print(scores.prf.line("overall"))
    print(
        f"matched pairs {scores.pairs}: unit accuracy {summary['unit']:.3f}, comparator accuracy "
        f"{summary['comparator']:.3f}, change accuracy {summary['change']:.3f}, period accuracy "
        f"{summary['period']:.3f}, subject token-F1 {summary['subject_f1']:.3f}"
    )
    met = all(summary[k] >= v for k, v in TARGETS.items())
    print("targets " + ("met" if met else "NOT met") + ": " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))
    return 0 if met else 1
