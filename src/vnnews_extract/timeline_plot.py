"""``vnnews-extract people OUT.jsonl --plot people.png|svg``: careers drawn in time.

One band per person (name and places on the left), one line per title inside it: a marker at the
date of each article that names the person with that title, joined from the first to the last,
labelled with the role and organisation. Titles seen only in undated articles cannot be placed
and are left out; so are people with no dated title. The people with the most dated sightings
are drawn (``max_people``), earliest first.

matplotlib is an optional extra (``pip install 'vnnews_extract[plot]'``); it is imported here
only, through its object API (no pyplot, no global state), with the Agg/SVG backends.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .timeline import Career

FORMATS = (".png", ".svg", ".pdf")
MAX_PEOPLE = 40
_ROW_INCHES = 0.32


class PlotUnavailable(RuntimeError):
    """matplotlib is not installed."""


@dataclass(frozen=True)
class Band:
    """One person: a label and, per title, the dates it was seen (sorted)."""

    label: str
    titles: list[tuple[str, list[date]]]


def bands(careers: list[Career], max_people: int = MAX_PEOPLE) -> list[Band]:
    """The people to draw, earliest first: those with the most dated sightings."""
    found = [band for band in map(_band, careers) if band.titles]
    found.sort(key=lambda b: (-sum(len(d) for _, d in b.titles), b.label))
    return sorted(found[:max_people], key=lambda b: (min(d[0] for _, d in b.titles), b.label))


def _band(career: Career) -> Band:
    seen: dict[str, set[date]] = defaultdict(set)
    for sighting in career.sightings:
        when = _date(sighting.date)
        if when is not None:
            seen[", ".join(x for x in (sighting.role, sighting.organization) if x)].add(when)
    titles = sorted(((title, sorted(dates)) for title, dates in seen.items()), key=lambda t: (t[1][0], t[0]))
    places = f" ({', '.join(sorted(career.places))})" if career.places else ""
    return Band(career.name + places, titles)


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def plot_careers(careers: list[Career], path: Path, max_people: int = MAX_PEOPLE) -> int:
    """Draw the careers to ``path`` (PNG, SVG or PDF by its suffix); the number of people drawn."""
    figure_class, dates = load_matplotlib()
    drawn = bands(careers, max_people)
    rows = sum(len(b.titles) for b in drawn) or 1
    figure = figure_class(figsize=(11, 1.4 + _ROW_INCHES * rows), layout="constrained")
    axes = figure.add_subplot()
    _draw(axes, drawn, dates)
    shown = f"{len(drawn)} of {sum(1 for c in careers if c.sightings)} people" if drawn else "no dated titles"
    axes.set_title(f"Careers in time: {shown}", loc="left", fontsize=10)
    metadata = {"Date": None} if path.suffix.lower() == ".svg" else None
    figure.savefig(path, dpi=110, metadata=metadata)
    return len(drawn)


def load_matplotlib() -> tuple[Any, Any]:
    try:
        import matplotlib
        from matplotlib import dates
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise PlotUnavailable("--plot needs matplotlib: pip install 'vnnews_extract[plot]'") from exc
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "vnnews_extract", "font.size": 8})
    return Figure, dates


def _draw(axes: Any, drawn: list[Band], dates: Any) -> None:
    """Bands from the top down; y grows downwards so the earliest person is first."""
    row, ticks, labels = 0, [], []
    for index, band in enumerate(drawn):
        top = row
        for n, (title, seen) in enumerate(band.titles):
            colour = f"C{n % 10}"
            axes.plot(seen, [row] * len(seen), "-o", color=colour, markersize=4, linewidth=2)
            axes.annotate(title, (seen[-1], row), xytext=(5, 0), textcoords="offset points",
                          va="center", fontsize=7, color=colour)
            row += 1
        ticks.append((top + row - 1) / 2)
        labels.append(band.label)
        if index:
            axes.axhline(top - 0.5, color="#dddddd", linewidth=0.8)
    axes.set_yticks(ticks, labels)
    axes.set_ylim(max(row, 1) - 0.5, -0.5)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(axes.xaxis.get_major_locator()))
    _leave_room_for_labels(axes, [d for band in drawn for _, seen in band.titles for d in seen])
    axes.grid(axis="x", color="#eeeeee")


def _leave_room_for_labels(axes: Any, seen: list[date]) -> None:
    """The labels are written right of the last date: keep about 45% of the width free for them."""
    if not seen:
        return
    first, last = min(seen), max(seen)
    span = max((last - first).days, 90)
    axes.set_xlim(first - timedelta(days=span * 0.05), last + timedelta(days=span * 0.8))
