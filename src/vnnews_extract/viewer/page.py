"""``render(article) -> str``: one self-contained HTML page showing an article's records on its text.

Everything from the article is escaped (its text is untrusted); the records travel as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` written as ``\\u`` escapes,
and the page's Content-Security-Policy lets only its own style and script (by hash) run and
fetches nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files

from ..records import Article, Block
from .details import Detail, details
from .spans import KINDS, Segment, marks_of, parts_of, segments, top_kind
from .tables import tables

COLOURS = {  # kind: (background, stripe)
    "statistic": ("#ffe08a", "#b7791f"),
    "person": ("#bfe3ff", "#1f6fb4"),
    "title": ("#cdeec0", "#2f8a2f"),
    "event": ("#f8c8e0", "#b0246a"),
}
_BLOCK_TAGS = {"title": "h1", "lead": "p", "paragraph": "p", "caption": "p", "byline": "p"}


def render(article: Article, *, index_href: str | None = None) -> str:
    """The article's text with every statistic, person mention, title and event highlighted by
    kind, a legend, a details panel and side tables linking back to the spans. ``index_href``
    adds a link back to a batch index page."""
    recs = details(article)
    style = asset("viewer.css") + _kind_css()
    script = asset("viewer.js")
    data = {"records": {d.key: d.as_json() for d in recs}, "colours": COLOURS}
    return "".join([
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp(style, script)}">\n',
        f"<title>{escape(article.title or article.id)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        _header(article, recs, index_href),
        '<main id="view">\n<article id="text" lang="vi">', article_html(article), "</article>\n",
        '<aside id="tables">\n', tables(recs), "</aside>\n</main>\n",
        '<div id="panel" role="dialog" aria-live="polite" hidden><button type="button" id="panel-close" '
        'aria-label="Đóng">×</button><div id="panel-body"></div></div>\n',
        f'<script type="application/json" id="records">{json_for_script(data)}</script>\n',
        f"<script>{script}</script>\n</body>\n</html>\n",
    ])


def json_for_script(data: object) -> str:
    """JSON that cannot close its ``<script>`` element nor open a comment in it.

    >>> json_for_script({"t": "</script><!--&"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def csp(style: str, script: str | None) -> str:
    """A Content-Security-Policy that runs only this style and script (by hash) and fetches nothing."""
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"

    scripts = digest(script) if script is not None else "'none'"
    return f"default-src 'none'; style-src {digest(style)}; script-src {scripts}; img-src data:"


@cache
def asset(name: str) -> str:
    return (files(__package__) / "static" / name).read_text(encoding="utf-8")


@cache
def _kind_css() -> str:
    """Background by the segment's top kind; one underline stripe per kind present (``.m<bits>``)."""
    rules = [f".t-{k}{{background:{bg}}} .k-{k}{{--c:{stripe};--bg:{bg}}}" for k, (bg, stripe) in COLOURS.items()]
    for mask in range(1, 1 << len(KINDS)):
        present = [COLOURS[k][1] for i, k in enumerate(KINDS) if mask >> i & 1]
        shadows = ",".join(f"inset 0 -{2 * (n + 1)}px 0 {c}" for n, c in enumerate(present))
        rules.append(f".m{mask}{{box-shadow:{shadows}}}")
    return "\n".join(rules) + "\n"


def _header(article: Article, recs: list[Detail], index_href: str | None) -> str:
    meta = [escape(x) for x in (article.site_name, article.published, article.author) if x]
    url = article.url or ""
    link = (f'<a href="{escape(url)}" rel="noreferrer noopener">{escape(url)}</a>'
            if url.startswith(("http://", "https://")) else escape(url))
    back = f'<a class="back" href="{escape(index_href)}">← danh sách</a> ' if index_href else ""
    warnings = "".join(f"<li>{escape(w)}</li>" for w in article.warnings)
    return "".join([
        f'<header>\n<p class="top">{back}<span class="app">vnnews_extract · evidence</span> '
        f'<span class="id">{escape(article.id) if article.id != url else ""}</span></p>\n',
        f'<p class="meta">{" · ".join(meta)}{" · " if meta and link else ""}{link}</p>\n',
        _legend(recs),
        f'<details class="warnings"><summary>{len(article.warnings)} warnings</summary><ul>{warnings}</ul></details>\n'
        if article.warnings else "",
        '<p class="help">Click a highlight to see its record; click a row of the tables to jump to its evidence.</p>\n',
        "</header>\n",
    ])


def _legend(recs: list[Detail]) -> str:
    counts = Counter(d.kind for d in recs)
    names = {"statistic": "statistics", "person": "people", "title": "titles", "event": "events"}
    items = "".join(
        f'<li class="k-{k}"><span class="swatch t-{k} m{1 << i}"></span>{names[k]} '
        f'<b data-count="{k}">{counts[k]}</b></li>'
        for i, k in enumerate(KINDS)
    )
    return f'<ul class="legend">{items}<li class="k-part"><span class="swatch ep"></span>event parts</li></ul>\n'


def article_html(article: Article) -> str:
    """The text block by block, each piece wrapped in the marks and parts covering it. Nothing is
    added between the elements: the text content of the result is ``article.text``."""
    regions = _regions(article.blocks, len(article.text))
    cuts = [r.start for r in regions]
    pieces = segments(len(article.text), marks_of(article), parts_of(article), cuts)
    out: list[str] = []
    piece = next(pieces, None)
    for region in regions:
        inner: list[str] = []
        while piece is not None and piece.end <= region.end:
            inner.append(segment_html(article.text, piece))
            piece = next(pieces, None)
        out.append(_region_html(region, article.text, "".join(inner)))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Region:
    kind: str  # a block kind, or "gap" for text between blocks
    start: int
    end: int


def _regions(blocks: list[Block], length: int) -> list[Region]:
    """Blocks in order, with the text between them (``gap``) so that every offset is in one."""
    out: list[Region] = []
    at = 0
    for block in sorted(blocks, key=lambda b: (b.start, b.end)):
        start, end = max(block.start, at), min(block.end, length)
        if start >= end:
            continue
        if start > at:
            out.append(Region("gap", at, start))
        out.append(Region(block.kind, start, end))
        at = end
    if at < length:
        out.append(Region("gap" if out else "paragraph", at, length))
    return out


def _region_html(region: Region, text: str, inner: str) -> str:
    where = f'data-start="{region.start}" data-end="{region.end}"'
    if region.kind == "gap":
        hidden = not text[region.start : region.end].strip()
        return f'<span class="gap" {where}>{inner}</span>' if hidden else f'<p class="blk b-other" {where}>{inner}</p>'
    tag = _BLOCK_TAGS.get(region.kind, "p")
    return f'<{tag} class="blk b-{region.kind}" {where}>{inner}</{tag}>'


def segment_html(text: str, segment: Segment) -> str:
    """A piece of text, escaped; wrapped in a ``span`` when marks or parts cover it."""
    body = escape(text[segment.start : segment.end])
    if not segment.marks and not segment.parts:
        return body
    classes = ["h" if segment.marks else "pt"]
    top = top_kind(segment)
    if top:
        mask = sum(1 << KINDS.index(k) for k in {m.kind for m in segment.marks})
        classes += [f"t-{top}", f"m{mask}"]
    if any(p.kind == "event" for p in segment.parts):
        classes.append("ep")
    if len({m.record for m in segment.marks}) > 1:
        classes.append("multi")
    attrs = f' data-h="{" ".join(m.hid for m in segment.marks)}"' if segment.marks else ""
    attrs += f' data-p="{" ".join(p.pid for p in segment.parts)}"' if segment.parts else ""
    return f'<span class="{" ".join(classes)}"{attrs} data-o="{segment.start}">{body}</span>'
