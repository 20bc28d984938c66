"""Public output records (pydantic v2).

These names and fields are the output contract: fields may be added, never renamed.
Every offset is a code-point offset into ``Article.text``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, TypeAdapter

StatKind = Literal["percent", "count", "money", "measure", "ratio"]
Comparator = Literal["eq", "gte", "gt", "lte", "lt", "approx"]
Change = Literal["increase", "decrease"]
BlockKind = Literal["title", "lead", "paragraph", "caption", "byline"]
EventType = Literal[
    "appointment",
    "reappointment",
    "transfer",
    "rotation",
    "secondment",
    "election",
    "approval",
    "dismissal",
    "resignation",
    "retirement",
    "discipline",
    "arrest",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Record):
    """Where a record comes from: ``Article.text[start:end] == text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    sentence: str = Field(description="The whole sentence holding the evidence.")
    sentence_start: int = Field(default=0, ge=0, description="Offset of the sentence in Article.text.")
    rule: str = Field(description="Name of the rule that fired.")


class Part(_Record):
    """One part of a record (unit, subject, period, person, role, actor…): where in
    ``Article.text`` it was read and the rule that chose it. ``text`` == ``Article.text[start:end]``;
    the record's field may be a normalised form of it (a resolved full name, a role without "nguyên")."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: str = Field(description="Name of the rule that chose this part (greps to its declaration).")


class Period(_Record):
    start: int | None = None
    end: int | None = None


class Statistic(_Record):
    kind: StatKind
    value: float
    value_max: float | None = None
    unit: str
    comparator: Comparator = "eq"
    change: Change | None = None
    subject: str | None = None
    period: Period | None = None
    scope: str | None = Field(default=None, description="Place or level the figure refers to.")
    evidence: Evidence
    parts: dict[str, Part] = Field(
        default_factory=dict,
        description="Where each field was read and by which rule: number, unit, comparator, change, subject, rate, period, scope.",
    )


class Position(_Record):
    role: str
    organization: str | None = None
    organization_key: str | None = Field(
        default=None, description="Normalised key of the organisation (abbreviations expanded, lower case)."
    )
    evidence: Evidence | None = Field(default=None, description="Where the title was read, and the rule that read it.")


class Person(_Record):
    name: str
    honorific: str | None = None
    titles: list[Position] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class PersonnelEvent(_Record):
    type: EventType
    person: str | None = None
    role: str | None = None
    organization: str | None = None
    actor: str | None = None
    date: str | None = None
    evidence: Evidence
    parts: dict[str, Part] = Field(
        default_factory=dict,
        description="Where each field was read and how it was chosen: verb, person, role, organization, actor, date.",
    )


class Block(_Record):
    kind: BlockKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(_Record):
    id: str
    url: str | None = None
    title: str | None = None
    lead: str | None = None
    source_prefix: str | None = None
    published: str | None = None
    author: str | None = None
    site_name: str | None = None
    is_article: bool = True
    blocks: list[Block] = Field(default_factory=list)
    text: str = ""
    statistics: list[Statistic] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    events: list[PersonnelEvent] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ErrorDetail(_Record):
    type: str = Field(description="Class name of the error: InputError, FileNotFoundError, WorkerCrash…")
    message: str = Field(description="What went wrong, in at most 500 characters.")
    unexpected: bool = Field(
        default=False,
        description="True for a bug of vnnews_extract rather than a problem of the input (written only when true).",
    )


class ErrorRecord(_Record):
    """An input that gave no article: what ``run`` writes in its place (a JSONL line, a row of
    ``errors``) and what ``extract_many`` yields in its place. ``id`` is the input's id."""

    id: str
    input: str = Field(description="The input's id: its path, path#line, path#record, or sources[i] in extract_many.")
    error: ErrorDetail

    def as_output(self) -> dict[str, object]:
        """The record as ``run`` writes it (``unexpected`` only when true)."""
        return self.model_dump(mode="json", exclude_defaults=True)


class BatchRecord(Article):
    """An article as ``run`` writes it (a JSONL line, the rows of the tables): the :class:`Article`
    and the input it came from."""

    input: str = Field(description="The input's id: its path, path#line for a JSONL line, path#record for a WARC record.")
    fetched: str | None = Field(default=None, description="When the page was captured (WARC-Date), for WARC inputs; written only when known.")

    def as_output(self) -> dict[str, Any]:
        """The record as ``run`` writes it (``fetched`` only when known)."""
        record = self.model_dump(mode="json")
        if record["fetched"] is None:
            del record["fetched"]
        return record


def _output_kind(value: Any) -> str:
    if isinstance(value, BaseModel):
        return "error" if isinstance(value, ErrorRecord) else "article"
    return "error" if isinstance(value, dict) and "error" in value else "article"


OutputRecord = Annotated[
    Union[Annotated[BatchRecord, Tag("article")], Annotated[ErrorRecord, Tag("error")]],
    Discriminator(_output_kind),
]
"""One line of ``run``'s JSONL output: an article (:class:`BatchRecord`) or an :class:`ErrorRecord`."""

_OUTPUT = TypeAdapter(OutputRecord)


def parse_output_record(value: dict[str, Any] | str | bytes) -> BatchRecord | ErrorRecord:
    """One line of ``run``'s output (a dict, or its JSON text) as its typed record; raises
    ``pydantic.ValidationError`` when the line is not one."""
    if isinstance(value, (str, bytes)):
        return _OUTPUT.validate_json(value)  # type: ignore[no-any-return]
    return _OUTPUT.validate_python(value)  # type: ignore[no-any-return]


def article_json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Article` (what ``extract`` returns; ``vnnews-extract schema --article``)."""
    return Article.model_json_schema()


def output_json_schema() -> dict[str, object]:
    """The JSON Schema of a line of ``run``'s output, a :class:`BatchRecord` or an
    :class:`ErrorRecord` (what ``vnnews-extract schema`` prints)."""
    schema = _OUTPUT.json_schema()
    return {"title": "vnnews-extract run output line", **schema}
