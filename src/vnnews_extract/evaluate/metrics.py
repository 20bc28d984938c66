"""Shared scoring helpers: precision/recall/F1 and token-level F1 over normalised text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..text.normalize import normalize_line


@dataclass(frozen=True)
class PRF:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def line(self, label: str) -> str:
        return f"{label}: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} (tp {self.tp:g}, fp {self.fp:g}, fn {self.fn:g})"


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens of normalised text (punctuation split off)."""
    if not text:
        return []
    out: list[str] = []
    for word in normalize_line(text).lower().split():
        word = word.strip(".,;:!?\"'()[]«»…–-")
        if word:
            out.append(word)
    return out


def token_prf(predicted: str | list[str] | None, gold: str | list[str] | None) -> PRF:
    """Bag-of-tokens precision/recall between two texts."""
    p = Counter(tokens(predicted if isinstance(predicted, str) else " ".join(predicted or [])))
    g = Counter(tokens(gold if isinstance(gold, str) else " ".join(gold or [])))
    tp = sum((p & g).values())
    return PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)
