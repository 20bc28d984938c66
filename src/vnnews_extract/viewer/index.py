"""The index page of ``show OUT.jsonl -o DIR``: one row per input with its counts and a link to its
page, error records with their message. Self-contained and escaped like the article pages."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..records import Article
from .page import asset, csp

_COUNTS = ("statistics", "people", "titles", "events", "warnings")


@dataclass(frozen=True)
class IndexRow:
    number: int
    source: str
    page: str | None
    title: str = ""
    published: str = ""
    counts: tuple[int, ...] = ()
    error: str | None = None

    @classmethod
    def of(cls, number: int, source: str, page: str, article: Article) -> IndexRow:
        counts = (len(article.statistics), len(article.people), sum(len(p.titles) for p in article.people),
                  len(article.events), len(article.warnings))
        return cls(number, source, page, article.title or article.id, article.published or "", counts)


def render_index(rows: list[IndexRow]) -> str:
    style = asset("viewer.css")
    failed = sum(1 for r in rows if r.error)
    head = "".join(f"<th>{h}</th>" for h in ("#", "article", "published", *_COUNTS))
    totals = [sum(r.counts[i] for r in rows if r.counts) for i in range(len(_COUNTS))]
    summary = ", ".join(f"{n} {name}" for n, name in zip(totals, _COUNTS))
    return "".join([
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp(style, None)}">\n',
        f"<title>vnnews_extract · {len(rows)} articles</title>\n<style>{style}</style>\n</head>\n<body>\n",
        f'<header><p class="top"><span class="app">vnnews_extract · evidence</span></p>'
        f"<p>{len(rows) - failed} articles, {failed} errors; {summary}</p></header>\n",
        '<main class="index-main"><div class="scroll"><table class="index">\n',
        f"<thead><tr>{head}</tr></thead><tbody>\n", "".join(_row(r) for r in rows),
        "</tbody></table></div></main>\n</body>\n</html>\n",
    ])


def _row(row: IndexRow) -> str:
    if row.error is not None or row.page is None:
        return (f'<tr class="err"><td>{row.number}</td><td><code>{escape(row.source)}</code><br>'
                f'{escape(row.error or "")}</td><td colspan="{1 + len(_COUNTS)}">error</td></tr>\n')
    counts = "".join(f'<td data-count="{name}">{n}</td>' for name, n in zip(_COUNTS, row.counts))
    return (f'<tr><td>{row.number}</td><td><a class="go" href="{escape(row.page)}">{escape(row.title)}</a>'
            f'<br><code>{escape(row.source)}</code></td><td>{escape(row.published[:10])}</td>{counts}</tr>\n')
