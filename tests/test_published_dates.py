"""A day and month written without a year ("Chiều 11/6", "Hôm 28/12") dates an event with the year of the
article's publication date when it is known (rule personnel.date.day_month_published): from the page's
own date (HTML, WARC), from ``extract(..., published=...)``, or from a JSONL input's ``"published"``;
a day that would fall after publication is of the year before. Unknown publication date: as before.
The pages and texts are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnnews_extract import extract, extract_many
from vnnews_extract.batch.cli import main

BODY = (
    "Chiều 11/6, UBND tỉnh Bình Định tổ chức hội nghị công bố quyết định bổ nhiệm ông Nguyễn Văn An giữ chức "
    "Giám đốc Sở Y tế. Ông An sinh năm 1970, quê huyện Phù Cát, trước đó là Phó Giám đốc Sở Y tế tỉnh này."
)
MORE = (
    "Phát biểu tại hội nghị, Chủ tịch UBND tỉnh đề nghị tân Giám đốc phát huy năng lực, cùng tập thể lãnh đạo "
    "Sở hoàn thành tốt nhiệm vụ được giao trong thời gian tới, chăm lo sức khỏe cho nhân dân trong tỉnh."
)
TEXT = f"Bổ nhiệm Giám đốc Sở Y tế Bình Định\n{BODY}\n{MORE}\n"


def _page(meta: str) -> str:
    return (
        f"<html><head><title>Bổ nhiệm Giám đốc Sở Y tế</title>{meta}</head><body><article>"
        f"<h1>Bổ nhiệm Giám đốc Sở Y tế Bình Định</h1><p>{BODY}</p><p>{MORE}</p></article></body></html>"
    )


def _meta(value: str) -> str:
    return f'<meta property="article:published_time" content="{value}">'


def _dates(article) -> list[str | None]:
    return [e.date for e in article.events if e.type == "appointment"]


# (input, publication date given by the caller, expected appointment dates)
EXAMPLES = [
    pytest.param(TEXT, None, [None], id="text-unknown-date-unchanged"),
    pytest.param(TEXT, "2018-06-12", ["2018-06-11"], id="text-publication-year"),
    pytest.param(TEXT, "2018-06-11T20:00:00+07:00", ["2018-06-11"], id="text-same-day"),
    pytest.param(TEXT, "2018-06-01", ["2017-06-11"], id="text-after-publication-previous-year"),
    pytest.param(TEXT, "không rõ", [None], id="text-unreadable-date-ignored"),
    pytest.param(_page(""), None, [None], id="html-no-date-unchanged"),
    pytest.param(_page(_meta("2018-06-12T07:30:00+07:00")), None, ["2018-06-11"], id="html-page-date"),
    pytest.param(_page(_meta("2019-01-03T07:30:00+07:00")), None, ["2018-06-11"], id="html-page-date-previous-year"),
    pytest.param(_page(_meta("2019-01-03T07:30:00+07:00")), "2018-06-20", ["2018-06-11"], id="html-caller-date-wins"),
]


@pytest.mark.parametrize(("source", "published", "expected"), EXAMPLES)
def test_day_month_takes_the_publication_year(source: str, published: str | None, expected: list[str | None]) -> None:
    assert _dates(extract(source, published=published)) == expected


def test_unreadable_date_is_a_warning() -> None:
    article = extract(TEXT, published="không rõ")
    assert article.published is None
    assert any("publication date not understood" in w for w in article.warnings)


def test_extract_many_reads_a_published_field() -> None:
    got = list(extract_many([{"text": TEXT, "published": "2018-06-12"}, {"text": TEXT}]))
    assert [_dates(a) for a in got] == [["2018-06-11"], [None]]


def test_batch_cli_jsonl_and_html(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    lines = [
        {"id": "dated", "text": TEXT, "published": "2017-01-05"},
        {"id": "undated", "text": TEXT},
        {"id": "page", "html": _page(_meta("2018-06-12T07:30:00+07:00"))},
    ]
    (src / "lines.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    (src / "page.html").write_text(_page(_meta("2018-07-01")), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(src), "-o", str(out), "-w", "1", "-q"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    dates = {r["id"] if "lines.jsonl" in r["input"] else "file": [e["date"] for e in r["events"]] for r in records}
    assert dates == {"dated": ["2016-06-11"], "undated": [None], "page": ["2018-06-11"], "file": ["2018-06-11"]}
    published = {r["id"]: r["published"] for r in records if r["id"] == "dated"}
    assert published == {"dated": "2017-01-05T00:00:00+07:00"}
