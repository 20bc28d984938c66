"""Gold records, typed: what the annotators wrote, checked when read.

A gold file holds ``statistics``, ``people`` and ``events`` in the shape of the output records
(``corpus/FORMAT.md``, ``corpus/real/ANNOTATING.md``) plus the annotator's locating fields
(``text``/``evidence`` snippets, ``start``/``end``, ``at``). The scorers compare these models with
the extractor's own records field by field, so a field name mistyped or a value the conventions
do not allow is an error naming the file and the field, not a silent miss.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import VnnewsError
from ..records import Change, Comparator, EventType, StatKind


class GoldError(VnnewsError):
    """A gold file that cannot be read or does not hold gold records."""


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Located(_Gold):
    start: int | None = Field(default=None, description="Offset of the snippet in the article's text (filled by the checker).")
    end: int | None = None
    at: int | None = Field(default=None, description="An approximate offset given by the annotator when the snippet repeats.")


class GoldPeriod(_Gold):
    start: int | None = None
    end: int | None = None


class GoldStatistic(_Located):
    text: str = Field(description="The figure as written in the text.")
    kind: StatKind
    value: float
    value_max: float | None = None
    unit: str | None = None
    comparator: Comparator = "eq"
    change: Change | None = None
    subject: str | None = None
    period: GoldPeriod | None = None


class GoldTitle(_Gold):
    role: str | None = None
    organization: str | None = None


class GoldPerson(_Located):
    name: str
    honorific: str | None = None
    titles: list[GoldTitle] = Field(default_factory=list)


class GoldEvent(_Located):
    type: EventType
    person: str | None = None
    role: str | None = None
    organization: str | None = None
    actor: str | None = None
    date: str | None = None
    evidence: str | None = Field(default=None, description="The words of the sentence that state the event.")


class GoldRecords(BaseModel):
    """One gold file. Fields of other gold kinds (the cleaner's ``paragraphs``, ``title`` …) and
    annotation notes may stand beside the records."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: str | None = Field(default=None, description="The article's id in shared/realnews (real gold only).")
    statistics: list[GoldStatistic] = Field(default_factory=list)
    people: list[GoldPerson] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)


def read_gold(path: Path) -> GoldRecords:
    """The gold records of one file; :class:`GoldError` naming the file and the first bad field."""
    try:
        return GoldRecords.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise GoldError(f"{path}: {where}: {first['msg']} ({exc.error_count()} problem(s))") from None
        raise GoldError(f"{path}: {exc}") from None
