"""Cleaner shortcuts for big pages: link lists removed before the walk, a bounded and lightly
normalised text for visible dates, bounded class values. Each shortcut must leave the cleaner's decisions unchanged; speed
itself is measured by benchmarks/clean_big_pages.py, not asserted here."""

from __future__ import annotations

import unicodedata

import lxml.html
import pytest

from vnnews_extract.clean import clean
from vnnews_extract.clean.dates import parse_visible_date
from vnnews_extract.clean.html import LINK_LIST_MIN_LINKS, date_text, drop_link_lists
from vnnews_extract.text.normalize import normalize_line

PARAGRAPHS = "".join(
    f"<p>Đoạn {i}: sáng 15/3, UBND tỉnh Bắc Kạn tổ chức hội nghị tổng kết công tác năm 2023 với sự tham dự "
    f"của đại diện các sở, ban, ngành và lãnh đạo các huyện, thành phố trong toàn tỉnh.</p>"
    for i in range(4)
)


def links(count: int, words: str = "Tin số", teaser: str = "") -> str:
    return "<ul>" + "".join(f"<li><a href='/t/{i}'>{words} {i}</a>{teaser}</li>" for i in range(count)) + "</ul>"


def page(inner: str) -> str:
    return f"<html><head><title>Bắc Kạn tổng kết năm 2023</title></head><body><h1>Bắc Kạn tổng kết năm 2023</h1><div>{inner}</div></body></html>"


def tree(inner: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page(inner))


N = LINK_LIST_MIN_LINKS
TEASER = " Huyện Chợ Đồn hoàn thành kế hoạch giải ngân vốn đầu tư công trong năm nay."
ELIDED = {
    "plain-links": (links(N), 1, 0),
    "headline-links": (links(N, "Bắc Kạn khởi công cầu số"), 1, N),
    "links-in-divs": ("<div>" + "".join(f"<div><h3><a href='/t/{i}'>Tin {i}</a></h3></div>" for i in range(N)) + "</div>", 1, 0),
    "too-few-links": (links(N - 1), 0, 0),
    "links-with-teasers": (links(N, teaser=TEASER), 0, 0),
    "holds-a-figcaption": (links(N).replace("<ul>", "<ul><li><figure><img src='a.jpg'><figcaption>Ảnh: Minh Anh</figcaption></figure></li>"), 0, 0),
}


@pytest.mark.parametrize("name", sorted(ELIDED), ids=sorted(ELIDED))
def test_link_lists_are_removed_with_their_headline_count(name: str) -> None:
    inner, removed, headlines = ELIDED[name]
    root = tree(PARAGRAPHS + inner)
    elided = drop_link_lists(root)
    assert len(elided) == removed
    assert sum(e.headlines for e in elided) == headlines
    assert "Đoạn 3" in root.text_content()


def test_a_link_list_holding_the_headline_is_kept() -> None:
    root = lxml.html.document_fromstring(f"<html><body>{links(N).replace('<ul>', '<ul><li><h1>Tin</h1></li>')}{PARAGRAPHS}</body></html>")
    assert drop_link_lists(root) == []


def test_article_with_a_big_link_list_in_its_body_keeps_its_paragraphs_only() -> None:
    cleaned = clean(page(PARAGRAPHS + links(5 * N)))
    assert cleaned.is_article
    assert [b.text[:7] for b in cleaned.blocks if b.kind == "paragraph"] == [f"Đoạn {i}:" for i in range(4)]


def test_listing_page_with_a_big_headline_list_stays_a_listing() -> None:
    """The removed headlines still count: teasers next to 150 linked headlines are not an article.

    The flag informs and the text found stays (issue 16): the teasers, not the removed link list."""
    teasers = "".join(f"<p>{TEASER.strip()} Tỉnh giao chỉ tiêu số {i} cho các xã.</p>" for i in range(6))
    cleaned = clean(page(teasers + links(150, "Bắc Kạn khởi công cầu số")))
    text = "\n".join(b.text for b in cleaned.blocks)
    assert not cleaned.is_article and "chỉ tiêu số 5" in text and "khởi công cầu số" not in text


def test_page_of_100000_links_is_not_an_article() -> None:
    cleaned = clean(page(links(100_000)))
    assert not cleaned.is_article and [b.kind for b in cleaned.blocks] == ["title"]


TEXTS = {
    "short": ["Ngày 15/3/2021 lúc 08:30"],
    "many-nodes": [f"từ {i} " for i in range(400)],
    "space-runs-at-every-cut": ["a" + " " * 37 + "b\u00a0\u00a0 \n" for _ in range(60)],
    "decomposed-marks": [unicodedata.normalize("NFD", "Huyện uỷ Thuỷ hoá khoẻ ") * 30],
    "marks-in-own-nodes": ["Thu", "\u0309", "y hoa", "\u0301 "] * 50,
    "no-spaces": ["x" * 500, " y" * 10],
    "zero-width-and-controls": ["ủy\u200b ban\u00ad \x07nhân dân " * 40],
}


DATES = {
    "with-time": "Thứ Hai, 15/3/2021, 08:30 (GMT+7)",
    "bare": "Ngày đăng: 15/03/2021",
    "words": "ngày 5 tháng 7 năm 2021",
    "decomposed": unicodedata.normalize("NFD", "Cập nhật lúc 08:30 ngày 23/09/2019"),
    "em-dash-and-zero-width": "15/03/2021 \u2014 19:\u200b05",
    "nbsp-runs": "Thứ Sáu,\u00a0\u00a021/01/2022\u00a0\u00a008:12",
}


@pytest.mark.parametrize("name", sorted(TEXTS), ids=sorted(TEXTS))
@pytest.mark.parametrize("date", sorted(DATES), ids=sorted(DATES))
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_date_text_gives_the_date_of_the_whole_normalised_text(name: str, date: str, where: str) -> None:
    pieces = list(TEXTS[name])
    index = {"first": 0, "middle": len(pieces) // 2, "last": len(pieces)}[where]
    pieces.insert(index, " " + DATES[date] + " ")
    html = "<html><body>" + "".join(f"<span>{t}</span>" for t in pieces) + "</body></html>"
    root = lxml.html.document_fromstring(html)
    expected = parse_visible_date(normalize_line(root.text_content()))
    assert expected is not None
    assert parse_visible_date(date_text(root)) == expected


def test_chrome_class_is_found_at_the_start_of_a_huge_class_value() -> None:
    box = "<div class='related-news " + "x " * 5000 + "'><p>Top 10 sự kiện năm 2023 được bình chọn</p></div>"
    text = "\n".join(b.text for b in clean(page(PARAGRAPHS + box)).blocks)
    assert "Đoạn 3" in text and "Top 10" not in text
