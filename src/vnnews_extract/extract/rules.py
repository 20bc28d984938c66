"""Named rules: every record, and every part of a record, names the rule that made it.

A rule is declared once with :func:`declare`, next to the code that applies it, as a module
constant: ``NAME = declare("<area>.<group>.<rule>", "Statistic", "…")``. Its
dotted name is the only place the name is written in the source, so ``grep`` of a rule name
found in any output (``Evidence.rule``, ``Part.rule``) lands on its declaration. Each rule has
example rows in ``tests/data/*_sentences.jsonl`` (at least three that show it, one that must not);
a test fails for a rule without them.

``makes`` says what the rule produces: a record (``Statistic``, ``Person``, ``Position``,
``PersonnelEvent``), a part of one (``Statistic.subject``, ``PersonnelEvent.actor`` …), or
``exclusion`` for a rule that decides a number or a verb is no record at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

import regex

_NAME = regex.compile(r"(?:statistics|people|personnel)(?:\.[a-z][a-z_]*){2,3}")
_MAKES = regex.compile(r"exclusion|(?:Statistic|Person|Position|PersonnelEvent)(?:\.[a-z_]+)?")

_REGISTRY: dict[str, "Rule"] = {}


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    makes: str
    summary: str

    def __str__(self) -> str:
        return self.name


def declare(name: str, makes: str, summary: str) -> Rule:
    """Register a rule; a second declaration of one name is an error."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"rule name {name!r} is not <area>.<group>.<rule>")
    if not _MAKES.fullmatch(makes):
        raise ValueError(f"rule {name}: unknown product {makes!r}")
    if name in _REGISTRY:
        raise ValueError(f"rule {name} declared twice")
    rule = Rule(name, makes, summary)
    _REGISTRY[name] = rule
    return rule


def registry() -> Mapping[str, Rule]:
    """Every declared rule, by name (the extractor modules are imported first)."""
    from . import personnel, statistics  # noqa: F401  (importing them declares their rules)

    return MappingProxyType(dict(sorted(_REGISTRY.items())))


@dataclass(frozen=True, slots=True)
class Fired:
    """A rule applied at ``[start, end)`` of the document text: the span it read."""

    rule: Rule
    start: int
    end: int
