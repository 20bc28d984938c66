"""Deep and nested pages (issue 13, items 2 and 7): the article survives, the work stays linear.

* Pages nested deeper than the HTML parser allows (libxml2 gives up at 256 levels and drops the
  rest of the page) are flattened: the 260-unclosed-``<div>`` page keeps its ``<p>`` paragraphs,
  an article behind 260 unclosed ``<div>`` keeps its title, paragraphs and caption.
* Nested containers of every kind the cleaner looks at (chrome classes, lead, author and caption
  classes, hidden styles, forms, tables, lists, figures, footers, related boxes) around 120,000
  paragraphs (1 MB): each page gives its record within 10 s and 1 GB, as the hostile corpus does.

The pages are generated here, at test time, into a temporary folder.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from vnnews_extract import extract
from vnnews_extract.clean import clean

PER_FILE_SECONDS = 10
STARTUP_SECONDS = 3
MAX_RSS_BYTES = 1 << 30
NESTING = 240
PARAGRAPHS = 120_000

TEXTS = [
    "Sáng 15/3, UBND huyện Chợ Đồn tổ chức hội nghị tổng kết công tác năm 2023 với sự tham dự của lãnh đạo các xã.",
    "Theo báo cáo, năm 2023 toàn huyện giải quyết việc làm cho 1.200 lao động, tỷ lệ hộ nghèo giảm còn 12,5%.",
    "Huyện đã hoàn thành 18 km đường giao thông nông thôn, nâng tổng số xã đạt chuẩn nông thôn mới lên 9 xã.",
    "Phát biểu chỉ đạo, Chủ tịch UBND huyện đề nghị các đơn vị tiếp tục cải cách hành chính trong năm 2024.",
    "Dịp này, 25 tập thể và 40 cá nhân có thành tích xuất sắc được nhận giấy khen của Chủ tịch UBND huyện.",
]
TITLE = "Chợ Đồn tổng kết công tác năm 2023"


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>{TITLE}</title>{head}</head><body><h1>{TITLE}</h1>{body}</body></html>"


def unclosed_divs(depth: int = 260) -> str:
    """Issue 13's reproduction: five paragraphs behind 260 unclosed <div>."""
    return "<html><body>" + "<div>" * depth + "".join(f"<p>{t}</p>" for t in TEXTS) + "</body></html>"


def article_behind_unclosed_divs(depth: int = 260) -> str:
    """A whole article (headline, lead, image with caption, paragraphs, byline) after 260 unclosed <div>."""
    figure = "<figure><img src='a.jpg'><figcaption>Quang cảnh hội nghị (Ảnh: Minh Đức)</figcaption></figure>"
    body = (
        "<div class='menu'><a href='/'>Trang chủ</a> <a href='/xh'>Xã hội</a></div>" + "<div>" * depth
        + f"<h1>{TITLE}</h1><p class='sapo'><b>(Baobackan.vn) - Năm 2023, kinh tế của huyện tiếp tục tăng trưởng khá.</b></p>"
        + f"<p>{TEXTS[0]}</p>{figure}" + "".join(f"<p>{t}</p>" for t in TEXTS[1:])
        + "<p style='text-align:right'><b>Minh Anh</b></p>"
    )
    return f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>"


def test_unclosed_divs_keep_their_paragraphs() -> None:
    cleaned = clean(unclosed_divs())
    assert [b.text for b in cleaned.blocks if b.kind == "paragraph"] == TEXTS
    assert cleaned.is_article and any("nested deeper" in w for w in cleaned.warnings)


def test_article_behind_unclosed_divs_is_whole() -> None:
    cleaned = clean(article_behind_unclosed_divs())
    paragraphs = [b.text for b in cleaned.blocks if b.kind == "paragraph"]
    assert cleaned.is_article and cleaned.title == TITLE
    assert paragraphs == TEXTS
    assert [b.text for b in cleaned.blocks if b.kind == "caption"] == ["Quang cảnh hội nghị (Ảnh: Minh Đức)"]
    assert cleaned.lead and cleaned.lead.startswith("Năm 2023")


def test_deep_article_gives_records() -> None:
    article = extract(article_behind_unclosed_divs())
    assert any(s.value == 12.5 for s in article.statistics)


@pytest.mark.parametrize("depth", [250, 300, 1000, 10_000])
def test_paragraphs_survive_any_depth(depth: int) -> None:
    paragraphs = [b.text for b in clean(unclosed_divs(depth)).blocks if b.kind == "paragraph"]
    assert paragraphs == TEXTS


# Nested containers: (opening, closing) wrapped NESTING times around PARAGRAPHS paragraphs.
CONTAINERS = {
    "chrome-class": ("<div class='box-social-share'>", "</div>"),
    "lead-class": ("<div class='sapo'>", "</div>"),
    "author-class": ("<div class='author'>", "</div>"),
    "caption-class": ("<div class='caption'>", "</div>"),
    "hidden-style": ("<div style='display:none'>", "</div>"),
    "form": ("<form>", "</form>"),
    "footer": ("<footer>", "</footer>"),
    "table-cells": ("<table><tr><td>", "</td></tr></table>"),
    "list-items": ("<ul><li>", "</li></ul>"),
    "figures": ("<figure><img src='a.jpg'><figcaption>", "</figcaption></figure>"),
    "related-boxes": ("<div class='related-news'><a href='/x'>Huyện Chợ Đồn khởi công cầu mới</a>", "</div>"),
    "unclosed-divs": ("<div>", ""),
}


def nested_page(name: str) -> str:
    opening, closing = CONTAINERS[name]
    return _page(opening * NESTING + "<p>x</p>" * PARAGRAPHS + closing * NESTING)


@pytest.fixture(scope="module")
def nested_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("nested")
    for name in CONTAINERS:
        (folder / f"{name}.html").write_text(nested_page(name), encoding="utf-8")
    return folder


def test_nested_pages_are_about_1_mb() -> None:
    assert all(900_000 < len(nested_page(name)) < 1_100_000 for name in CONTAINERS)


@pytest.mark.parametrize("name", sorted(CONTAINERS))
def test_nested_containers_within_time_and_memory(name: str, nested_files: Path, tmp_path: Path) -> None:
    """One batch run per page, killed after the bound; children's peak memory under 1 GB; text kept."""
    out = tmp_path / "o.jsonl"
    command = [sys.executable, "-m", "vnnews_extract", "run", str(nested_files / f"{name}.html"), "-o", str(out),
               "--workers", "1", "-q"]
    try:
        subprocess.run(command, capture_output=True, timeout=PER_FILE_SECONDS + STARTUP_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: no result within {PER_FILE_SECONDS} s")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    assert peak < MAX_RSS_BYTES
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record.get("error") is None
    assert str(record["text"]).count("x") >= PARAGRAPHS  # the paragraphs are not lost
