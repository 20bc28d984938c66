"""``vnnews-extract people OUT.jsonl [-o people.csv] [--plot people.png|svg]``: career timelines
across a batch (the plot: :mod:`vnnews_extract.timeline_plot`).

People of many articles are merged on their normalised name plus an organisation context (the
places named in their titles, else the article's main province), so two different "Nguyễn Văn
An" in different provinces stay apart. Each person becomes one CSV row listing every title seen,
with the article's published date and URL (or id), sorted in time.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError

from .lexicons import alternation, lexicons
from .records import Article, BatchRecord, ErrorRecord, Position, parse_output_record
from .text.normalize import normalize_line

COLUMNS = ("name", "honorific", "places", "first_seen", "last_seen", "articles", "timeline")


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A level word (admin_levels.tsv, kind "level", as written: "huyện", "TP.") and the place after it (a
    "thị trấn" is not read there: its place comes from the key); and the place a key ends with ("ủy ban nhân
    dân huyện chợ đồn", "huyện ủy chợ đồn"), as keys are lower case: after a level's lower-case name or a
    committee of that level."""
    levels = [(form, level) for form, (level, kind) in lexicons().admin_levels.items() if kind == "level"]
    level_place = regex.compile(
        rf"(?:{alternation(form for form, level in levels if level != 'thị trấn')})\s+((?:\p{{Lu}}[\p{{L}}\p{{M}}]*\s?){{1,3}})"
    )
    committees = [form.lower() for form, (_, kind) in lexicons().admin_levels.items() if kind == "committee"]
    key_place = regex.compile(rf"(?<![\p{{L}}])(?:{alternation([level for _, level in levels] + committees)}) ((?:\p{{Ll}}+ ?){{1,4}})$")
    return level_place, key_place


@dataclass(frozen=True)
class Sighting:
    date: str | None
    role: str
    organization: str | None
    source: str


@dataclass
class Career:
    name: str
    honorific: str | None
    places: set[str]
    sightings: list[Sighting] = field(default_factory=list)

    def row(self) -> dict[str, str]:
        seen = sorted(self.sightings, key=lambda s: (s.date or "9999", s.source, s.role))
        dates = [s.date for s in seen if s.date]
        timeline = " | ".join(f"{s.date or '?'} {s.role}{', ' + s.organization if s.organization else ''} <{s.source}>" for s in seen)
        return {
            "name": self.name, "honorific": self.honorific or "", "places": "; ".join(sorted(self.places)),
            "first_seen": dates[0] if dates else "", "last_seen": dates[-1] if dates else "",
            "articles": str(len({s.source for s in seen})), "timeline": timeline,
        }


def _places_of(titles: Iterable[Position]) -> set[str]:
    """Places named in the titles' organisations, else in their keys (a bare "UBND huyện" keyed
    from the article's one district: "ủy ban nhân dân huyện chợ đồn" -> "Chợ Đồn")."""
    out: set[str] = set()
    level_place, key_place = _place_patterns()
    for title in titles:
        found = {m.group(1).strip() for m in level_place.finditer(title.organization or "")}
        key = key_place.search(title.organization_key or "") if not found else None
        if key and key.group(1).strip() not in (title.organization or "").lower():  # not "xã hội"
            found = {key.group(1).strip().title()}
        out |= found
    return out


def _main_province(text: str) -> set[str]:
    found = Counter(m.group(0) for m in regex.finditer(rf"(?<![\p{{L}}])(?:{alternation(lexicons().places)})(?![\p{{L}}])", text))
    return {found.most_common(1)[0][0]} if found else set()


def merge(articles: Iterable[Article | ErrorRecord | dict[str, Any]]) -> list[Career]:
    """Careers from extracted articles, in first-seen order: the records ``run`` writes
    (:class:`BatchRecord`, or their dicts, read as such) or the :class:`Article` of ``extract``.
    Error records are passed over."""
    careers: dict[str, list[Career]] = {}
    for article in articles:
        if isinstance(article, dict):
            article = parse_output_record(article)
        if isinstance(article, ErrorRecord):
            continue
        date = (article.published or "")[:10] or None
        source = article.url or article.id
        province = _main_province(article.text)
        for person in article.people:
            name = normalize_line(person.name)
            places = _places_of(person.titles) or province
            career = _find(careers.setdefault(name.lower(), []), places)
            if career is None:
                career = Career(name, person.honorific, set())
                careers[name.lower()].append(career)
            career.places |= places
            career.sightings.extend(Sighting(date, t.role, t.organization, source) for t in person.titles)
    return [c for group in careers.values() for c in group]


def _find(candidates: list[Career], places: set[str]) -> Career | None:
    """The career of the same name whose places overlap (or either has none)."""
    for career in candidates:
        if not places or not career.places or career.places & places:
            return career
    return None


@dataclass
class Skipped:
    """Lines of the input that were not articles: how many, and the first one's reason."""

    count: int = 0
    first: str = ""

    def add(self, number: int, reason: str) -> None:
        self.count += 1
        self.first = self.first or f"line {number}: {reason}"


def read_jsonl(path: Path, skipped: Skipped | None = None) -> Iterator[BatchRecord]:
    """The article records of a ``run`` output, typed; error records passed over, lines that are
    no output record counted in ``skipped`` (not UTF-8, not JSON, not a record: the first field
    at fault is named). A cut-short last line (a killed run) is dropped, as ``run --resume``
    would drop it."""
    skipped = skipped if skipped is not None else Skipped()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            record, reason = _parse_line(raw)
            if record is None and not raw.endswith(b"\n"):
                return  # the tail of a killed run
            if record is None:
                skipped.add(number, reason)
            elif isinstance(record, BatchRecord):
                yield record


def _parse_line(raw: bytes) -> tuple[BatchRecord | ErrorRecord | None, str]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    try:
        return parse_output_record(text), ""
    except ValidationError as exc:
        first = exc.errors()[0]
        if first["type"].startswith("json_"):
            return None, f"not JSON ({first['msg'][:80]})"
        where = ".".join(str(x) for x in first["loc"][1:]) or "the line"
        return None, f"not an output record ({where}: {first['msg'][:80]})"
    except (ValueError, RecursionError) as exc:
        return None, f"not JSON ({str(exc)[:80]})"


def run_people(input: Path, output: str, plot: str | None = None) -> int:
    """Write one CSV row per person, and the timeline plot when asked: 0 on success, 1 when some
    lines were skipped (one line on stderr says how many), 2 when the input cannot be read, the
    output cannot be opened or the plot cannot be made (unknown suffix, no matplotlib)."""
    skipped = Skipped()
    problem = _plot_problem(plot)
    careers: list[Career] = []
    if problem is None:
        try:
            careers = merge(read_jsonl(input, skipped))
        except OSError as exc:
            problem = f"cannot read {input}: {exc}"
    if problem is not None:
        print(f"vnnews-extract people: {problem}", file=sys.stderr)
        return 2
    try:
        write_csv(careers, output)
    except BrokenPipeError:
        raise  # the reader of the CSV stopped reading: the command ends quietly
    except OSError as exc:
        print(f"vnnews-extract people: cannot open the output: {exc}", file=sys.stderr)
        return 2
    if plot is not None:
        from .timeline_plot import plot_careers

        plot_careers(careers, Path(plot))
    if skipped.count:
        print(f"vnnews-extract people: skipped {skipped.count} malformed line(s) of {input} (first: {skipped.first})", file=sys.stderr)
        return 1
    return 0


def _plot_problem(plot: str | None) -> str | None:
    """Why ``--plot`` cannot be made, checked before any work."""
    if plot is None:
        return None
    from .timeline_plot import FORMATS, PlotUnavailable, load_matplotlib

    if Path(plot).suffix.lower() not in FORMATS:
        return f"--plot {plot}: the file must end in {', '.join(FORMATS)}"
    try:
        load_matplotlib()
    except PlotUnavailable as exc:
        return str(exc)
    return None


def write_csv(careers: list[Career], output: str) -> None:
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
    try:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for career in sorted(careers, key=lambda c: (c.name, sorted(c.places))):
            writer.writerow({k: v.encode("utf-8", "backslashreplace").decode("utf-8") for k, v in career.row().items()})
    finally:
        if out is not sys.stdout:
            out.close()
