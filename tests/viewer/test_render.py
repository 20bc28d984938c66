"""``render(article)``: highlights cut at every boundary, everything escaped, nothing fetched.

The browser tests (test_browser.py) check the same pages in Chromium; these run everywhere.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache

import pytest
from bs4 import BeautifulSoup

from vnnews_extract import Article, extract, render
from vnnews_extract.viewer.details import number
from vnnews_extract.viewer.page import asset
from vnnews_extract.viewer.spans import Mark, PartMark, segments

from .samples import CORPUS_ARTICLES, expected_highlights, expected_parts, hand_made_article


@cache
def article_of(name: str) -> Article:
    if name == "hand-made":
        return hand_made_article()
    return extract(CORPUS_ARTICLES[name].read_bytes())


ARTICLES = ["hand-made", *CORPUS_ARTICLES]


def _m(start: int, end: int, hid: str) -> Mark:
    return Mark(start, end, hid, hid, "statistic")


@pytest.mark.parametrize(("marks", "cuts", "expected"), [
    ([], [], [(0, 10, "")]),
    ([_m(2, 4, "a")], [], [(0, 2, ""), (2, 4, "a"), (4, 10, "")]),
    ([_m(0, 10, "a"), _m(3, 5, "b")], [], [(0, 3, "a"), (3, 5, "a b"), (5, 10, "a")]),
    ([_m(1, 6, "a"), _m(4, 9, "b")], [], [(0, 1, ""), (1, 4, "a"), (4, 6, "a b"), (6, 9, "b"), (9, 10, "")]),
    ([_m(2, 5, "a"), _m(2, 5, "b")], [], [(0, 2, ""), (2, 5, "a b"), (5, 10, "")]),
    ([_m(2, 5, "a"), _m(5, 8, "b")], [], [(0, 2, ""), (2, 5, "a"), (5, 8, "b"), (8, 10, "")]),
    ([_m(2, 8, "a")], [5], [(0, 2, ""), (2, 5, "a"), (5, 8, "a"), (8, 10, "")]),
], ids=["nothing", "one", "nested", "crossing", "identical", "adjacent", "cut-by-a-block"])
def test_segments_cut_at_every_boundary(marks: list[Mark], cuts: list[int], expected: list[tuple[int, int, str]]) -> None:
    got = [(s.start, s.end, " ".join(m.hid for m in s.marks)) for s in segments(10, marks, [], cuts)]
    assert got == expected


def test_parts_are_a_layer_of_their_own() -> None:
    part = PartMark(3, 7, "e0:role", "e0", "event")
    got = [(s.start, s.end, [m.hid for m in s.marks], [p.pid for p in s.parts]) for s in segments(8, [_m(0, 5, "e0")], [part])]
    assert got == [(0, 3, ["e0"], []), (3, 5, ["e0"], ["e0:role"]), (5, 7, [], ["e0:role"]), (7, 8, [], [])]


def _soup(article: Article) -> BeautifulSoup:
    return BeautifulSoup(render(article), "html.parser")


def _joined(soup: BeautifulSoup, attr: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in soup.select(f"#text [{attr}]"):
        for name in node[attr].split():
            out[name] = out.get(name, "") + node.get_text()
    return out


@pytest.mark.parametrize("name", ARTICLES)
def test_every_highlight_and_part_holds_its_evidence_text(name: str) -> None:
    article = article_of(name)
    soup = _soup(article)
    assert _joined(soup, "data-h") == expected_highlights(article)
    assert _joined(soup, "data-p") == expected_parts(article)


@pytest.mark.parametrize("name", ARTICLES)
def test_the_text_is_the_article_text_at_its_offsets(name: str) -> None:
    article = article_of(name)
    soup = _soup(article)
    assert soup.select_one("#text").get_text() == article.text
    for node in soup.select("#text [data-o]"):
        start = int(node["data-o"])
        assert article.text[start : start + len(node.get_text())] == node.get_text()


def test_untrusted_text_is_escaped_everywhere() -> None:
    page = render(hand_made_article())
    assert "<script>window" not in page and "<img" not in page and "</b>mắc" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert page.count("<script") == 2  # the records (JSON) and the viewer's own script
    assert 'href="javascript:' not in page
    soup = BeautifulSoup(page, "html.parser")
    assert "</script><script>window.__pwned=3</script>" in soup.select_one("#records").string.encode().decode("unicode_escape")


@pytest.mark.parametrize("name", ["hand-made", "seed"])
def test_the_page_fetches_nothing_and_runs_only_its_own_script(name: str) -> None:
    page = render(article_of(name))
    soup = BeautifulSoup(page, "html.parser")
    assert not soup.select("link, iframe, img, object, embed, [src], [style]")
    assert not re.search(r"@import|url\(", "".join(s.get_text() for s in soup.select("style")))
    script = asset("viewer.js")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert policy.startswith("default-src 'none';") and f"script-src 'sha256-{digest}'" in policy
    assert '<meta charset="utf-8">' in page and 'name="viewport"' in page


def test_every_record_has_a_table_row_and_rows_with_a_span_link_to_it() -> None:
    article = article_of("seed")
    soup = _soup(article)
    rows = {tr["data-rec"]: tr for tr in soup.select("#tables tr[data-rec]")}
    assert set(rows) == {"s" + str(i) for i in range(13)} | {"p0", "p0.t0", "p0.t1", "e0", "e1"}
    assert rows["s4"].select_one("a.go")["data-hid"] == "s4"
    assert rows["e1"].select_one("a.go")["data-hid"] == "e1"
    assert rows["p0.t0"].select_one("a.go")["data-hid"] == "p0.t0"  # titles carry their evidence span
    assert "without a span" not in soup.select_one("#table-title h2").get_text()


@pytest.mark.parametrize(("kind", "count"), [("statistic", 13), ("person", 1), ("title", 2), ("event", 2)])
def test_the_legend_counts_the_records(kind: str, count: int) -> None:
    assert _soup(article_of("seed")).select_one(f'.legend [data-count="{kind}"]').get_text() == str(count)


@pytest.mark.parametrize("article", [
    Article(id="empty"),
    Article(id="no-blocks", text="Chỉ có chữ.\nKhông khối."),
], ids=["empty", "no-blocks"])
def test_articles_without_text_or_blocks_render(article: Article) -> None:
    soup = _soup(article)
    assert soup.select_one("#text").get_text() == article.text


def test_spans_outside_the_text_are_left_out() -> None:
    article = hand_made_article()
    article.statistics[0].evidence.end = len(article.text) + 5
    assert "s0" not in _joined(_soup(article), "data-h")


@pytest.mark.parametrize(("value", "text"), [(1126.0, "1.126"), (98.5, "98,5"), (0.25, "0,25"), (2e9, "2.000.000.000"), (None, "")])
def test_numbers_are_written_the_vietnamese_way(value: float | None, text: str) -> None:
    assert number(value) == text
