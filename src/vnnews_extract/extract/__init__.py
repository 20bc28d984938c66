"""Rule registry: extractors register once, by decorator, with their record type and name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Document


@dataclass(frozen=True)
class Rule:
    record: str  # "statistics" | "personnel"
    name: str
    func: Callable[[Document], Iterator[Any]]


_REGISTRY: dict[str, Rule] = {}


def register(record: str, *, name: str) -> Callable[[Callable[[Document], Iterator[Any]]], Callable[[Document], Iterator[Any]]]:
    def wrap(func: Callable[[Document], Iterator[Any]]) -> Callable[[Document], Iterator[Any]]:
        key = f"{record}.{name}"
        if key in _REGISTRY:
            raise ValueError(f"rule {key} registered twice")
        _REGISTRY[key] = Rule(record, name, func)
        return func

    return wrap


def rules(record: str | None = None) -> tuple[Rule, ...]:
    """Registered rules in a fixed order (by name)."""
    from . import personnel, statistics  # noqa: F401  (registration side effect)

    return tuple(r for k, r in sorted(_REGISTRY.items()) if record is None or r.record == record)
