"""Side tables of the viewer: one per record kind, each row linking back to its span(s). The rules
are in the details panel, not in the tables, to keep them narrow enough for a phone.

A link is ``<a href="#" data-go="KEY" data-hid="HID">``: the page's script scrolls to the first
element of that highlight, flashes it and shows the record. A record without a span (a title read
without evidence) gets no link.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .details import Detail

_COLUMNS: dict[str, tuple[str, ...]] = {
    "statistic": ("value", "unit", "kind", "comparator", "change", "subject", "period", "scope"),
    "person": ("name", "honorific", "mentions", "titles"),
    "title": ("role", "organisation", "person"),
    "event": ("type", "person", "role", "organisation", "actor", "date"),
}
_HEADINGS = {"statistic": "Statistics", "person": "People", "title": "Titles", "event": "Events"}


def tables(recs: list[Detail]) -> str:
    """Four tables (statistics, people, titles, events); an empty kind says so."""
    return "".join(_table(kind, [d for d in recs if d.kind == kind]) for kind in _COLUMNS)


def _table(kind: str, rows: list[Detail]) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in ("#", *_COLUMNS[kind]))
    body = "".join(_row(kind, n, d) for n, d in enumerate(rows, 1))
    unplaced = sum(1 for d in rows if not d.hids)
    note = f' <small class="none">{unplaced} without a span in the text</small>' if unplaced else ""
    title = f'<h2 class="k-{kind}"><span class="swatch t-{kind}"></span>{_HEADINGS[kind]} ({len(rows)}){note}</h2>\n'
    if not rows:
        return f'<section class="records" id="table-{kind}">{title}<p class="none">none</p></section>\n'
    return (f'<section class="records" id="table-{kind}">{title}<div class="scroll"><table>'
            f"<thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table></div></section>\n")


def _row(kind: str, n: int, detail: Detail) -> str:
    fields = dict(detail.fields)
    first = _COLUMNS[kind][0]
    cells = [_link(detail, detail.hids[0], fields[first]) if detail.hids else escape(fields[first])]
    cells += [_CELLS.get(c, _plain)(detail, fields.get(c, "")) for c in _COLUMNS[kind][1:]]
    tds = "".join(f'<td class="c-{c}">{cell}</td>' for c, cell in zip(_COLUMNS[kind], cells))
    return f'<tr id="row-{escape(detail.key)}" data-rec="{escape(detail.key)}"><td>{n}</td>{tds}</tr>\n'


def _link(detail: Detail, hid: str, label: str) -> str:
    return f'<a href="#" class="go" data-go="{escape(detail.key)}" data-hid="{escape(hid)}">{escape(label) or "·"}</a>'


def _plain(_detail: Detail, value: str) -> str:
    return escape(value)


def _mentions(detail: Detail, value: str) -> str:
    """Every name mention as a numbered link."""
    links = " ".join(_link(detail, hid, str(j)) for j, hid in enumerate(detail.hids, 1))
    return links or escape(value)


_CELLS: dict[str, Callable[[Detail, str], str]] = {"mentions": _mentions}
