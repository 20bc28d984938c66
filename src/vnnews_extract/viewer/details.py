"""What the viewer says about each record: a short label, the fields (in the order a reader wants
them), the evidence and the parts with their rules. Plain data, turned into JSON for the page and
into table rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Article, Evidence, Part, Person, PersonnelEvent, Position, Statistic



@dataclass(frozen=True)
class Detail:
    """One record as the viewer shows it."""

    key: str
    kind: str
    label: str
    fields: list[tuple[str, str]]
    evidence: list[Evidence]
    parts: list[tuple[str, Part]] = field(default_factory=list)
    hids: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "label": self.label, "fields": [list(f) for f in self.fields],
            "evidence": [_evidence_json(ev) for ev in self.evidence],
            "parts": [[name, p.text, p.rule, p.start, p.end] for name, p in self.parts],
            "hids": self.hids,
        }


def _evidence_json(ev: Evidence) -> dict[str, object]:
    return {"start": ev.start, "end": ev.end, "text": ev.text, "rule": ev.rule, "sentence": ev.sentence,
            "sentence_start": ev.sentence_start}


def number(value: float | None) -> str:
    """A value as Vietnamese text writes it: ``.`` between thousands, ``,`` before decimals, never
    an exponent (money in đồng runs to 10^13 and more).

    >>> number(1126.0), number(98.5), number(5.015e13), number(0.125), number(None)
    ('1.126', '98,5', '50.150.000.000.000', '0,125', '')
    """
    if value is None:
        return ""
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def details(article: Article) -> list[Detail]:
    """Every record of the article, keyed as in :mod:`.spans`, in record order."""
    out = [statistic_detail(f"s{i}", s) for i, s in enumerate(article.statistics)]
    for i, person in enumerate(article.people):
        out.append(person_detail(f"p{i}", person))
        out += [title_detail(f"p{i}.t{j}", person, t) for j, t in enumerate(person.titles)]
    out += [event_detail(f"e{i}", e) for i, e in enumerate(article.events)]
    return out


def statistic_detail(key: str, stat: Statistic) -> Detail:
    value = number(stat.value) + (f"–{number(stat.value_max)}" if stat.value_max is not None else "")
    period = stat.period and "–".join(str(y) for y in (stat.period.start, stat.period.end) if y is not None)
    fields = [("kind", stat.kind), ("value", value), ("unit", stat.unit), ("comparator", stat.comparator),
              ("change", stat.change or ""), ("subject", stat.subject or ""), ("period", period or ""),
              ("scope", stat.scope or ""), ("rule", stat.evidence.rule)]
    label = f"{value} {stat.unit}".strip()
    return Detail(key, "statistic", label, fields, [stat.evidence], list(stat.parts.items()), [key])


def person_detail(key: str, person: Person) -> Detail:
    titles = "; ".join(", ".join(x for x in (t.role, t.organization) if x) for t in person.titles)
    fields = [("name", person.name), ("honorific", person.honorific or ""), ("titles", titles),
              ("mentions", str(len(person.evidence)))]
    rule = person.evidence[0].rule if person.evidence else ""
    fields.append(("rule", rule))
    hids = [f"{key}.m{j}" for j in range(len(person.evidence))]
    return Detail(key, "person", person.name, fields, list(person.evidence), [], hids)


def title_detail(key: str, person: Person, title: Position) -> Detail:
    fields = [("role", title.role), ("organisation", title.organization or ""),
              ("organisation key", title.organization_key or ""), ("person", person.name),
              ("rule", title.evidence.rule if title.evidence else "")]
    label = ", ".join(x for x in (title.role, title.organization) if x)
    evidence = [title.evidence] if title.evidence else []
    return Detail(key, "title", label, fields, evidence, [], [key] if evidence else [])


def event_detail(key: str, event: PersonnelEvent) -> Detail:
    fields = [("type", event.type), ("person", event.person or ""), ("role", event.role or ""),
              ("organisation", event.organization or ""), ("actor", event.actor or ""),
              ("date", event.date or ""), ("rule", event.evidence.rule)]
    label = " ".join(x for x in (event.type, event.person, event.role) if x)
    return Detail(key, "event", label, fields, [event.evidence], list(event.parts.items()), [key])
