"""Career timelines across a batch (``vnnews-extract people``), built from corpus articles."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from vnnews_extract import extract
from vnnews_extract.timeline import merge, run_people

PERSONNEL = Path(__file__).resolve().parent.parent / "corpus" / "personnel"
SLUGS = {
    "pers-a07-nghi-huu-giam-doc-so-tai-chinh": ("https://example.vn/a07", "2024-06-28T08:00:00+07:00"),
    "pers-a06-giao-nhiem-vu-tuyen-quang": ("https://example.vn/a06", "2024-07-20T08:00:00+07:00"),
    "pers-a12-doanh-nghiep-lam-san-na-hang": ("https://example.vn/a12", "2024-05-02T08:00:00+07:00"),
}


def _line(slug: str, url: str, published: str, text: str | None = None) -> dict:
    article = extract(text or (PERSONNEL / f"{slug}.txt").read_text(encoding="utf-8"), url=url)
    article.published = published
    return {**article.model_dump(mode="json"), "input": url}  # a line as run writes it


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = [_line(slug, url, published) for slug, (url, published) in SLUGS.items()]
    # Two namesakes in two provinces, and the same person seen again later in his own province.
    lines.append(_line("x1", "https://example.vn/x1", "2023-01-05T08:00:00+07:00",
                       "Tin\n\nÔng Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Bắc Kạn, dự hội nghị."))
    lines.append(_line("x2", "https://example.vn/x2", "2024-02-01T08:00:00+07:00",
                       "Tin\n\nÔng Nguyễn Văn An, Giám đốc Sở Tài chính tỉnh Cà Mau, phát biểu."))
    lines.append(_line("x3", "https://example.vn/x3", "2025-03-01T08:00:00+07:00",
                       "Tin\n\nÔng Nguyễn Văn An, Chủ tịch UBND tỉnh Bắc Kạn, phát biểu."))
    path = tmp_path_factory.mktemp("timeline") / "out.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


def _rows(batch: Path, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / "people.csv"
    assert run_people(batch, str(out)) == 0
    with out.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_namesakes_in_different_provinces_stay_apart(batch: Path, tmp_path: Path) -> None:
    an = [r for r in _rows(batch, tmp_path) if r["name"] == "Nguyễn Văn An"]
    assert sorted(r["places"] for r in an) == ["Bắc Kạn", "Cà Mau"]


def test_one_person_is_one_row_sorted_in_time(batch: Path, tmp_path: Path) -> None:
    row = next(r for r in _rows(batch, tmp_path) if r["name"] == "Nguyễn Văn An" and r["places"] == "Bắc Kạn")
    assert row["first_seen"] == "2023-01-05" and row["last_seen"] == "2025-03-01" and row["articles"] == "2"
    entries = row["timeline"].split(" | ")
    assert entries[0].startswith("2023-01-05 Phó Chủ tịch, UBND tỉnh Bắc Kạn <https://example.vn/x1>")
    assert entries[-1].startswith("2025-03-01 Chủ tịch, UBND tỉnh Bắc Kạn")


def test_titles_of_a_corpus_article_carry_date_and_url(batch: Path, tmp_path: Path) -> None:
    rows = {r["name"]: r for r in _rows(batch, tmp_path)}
    assert "2024-05-02 Chủ tịch HĐQT, Công ty cổ phần Lâm sản Na Hang <https://example.vn/a12>" in rows["Nông Đức Thành"]["timeline"]
    assert rows["Nông Đức Thành"]["places"] == "Tuyên Quang"  # no place in the title: the article's province


def test_error_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps({"id": "x", "input": "x", "error": {"type": "E", "message": "m"}}) + "\n", encoding="utf-8")
    assert merge([]) == []
    assert _rows(path, tmp_path) == []


def test_unreadable_input_is_a_usage_error(tmp_path: Path) -> None:
    assert run_people(tmp_path / "missing.jsonl", str(tmp_path / "x.csv")) == 2


def _write(tmp_path: Path, lines: list[dict]) -> Path:
    path = tmp_path / "bare.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


def test_bare_district_bodies_are_placed_by_their_keys(tmp_path: Path) -> None:
    # Both articles are about Bắc Kạn, but each about one district: "UBND huyện" is keyed from it.
    lines = [
        _line("y1", "https://example.vn/y1", "2023-01-05T08:00:00+07:00",
              "Huyện Chợ Đồn, tỉnh Bắc Kạn tổng kết năm\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện, phát biểu."),
        _line("y2", "https://example.vn/y2", "2024-01-05T08:00:00+07:00",
              "Huyện Ba Bể, tỉnh Bắc Kạn tổng kết năm\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện, phát biểu."),
        _line("y3", "https://example.vn/y3", "2025-01-05T08:00:00+07:00",
              "Tin\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện Chợ Đồn, dự hội nghị."),
    ]
    rows = [r for r in _rows(_write(tmp_path, lines), tmp_path) if r["name"] == "Hà Văn Tú"]
    assert sorted((r["places"], r["articles"]) for r in rows) == [("Ba Bể", "1"), ("Chợ Đồn", "2")]


def test_merge_takes_the_articles_of_extract_as_they_are() -> None:
    article = extract("Tin\n\nÔng Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Bắc Kạn, dự hội nghị.", url="https://example.vn/m")
    (career,) = merge([article])
    assert (career.name, career.places) == ("Nguyễn Văn An", {"Bắc Kạn"})
    assert career.row()["timeline"] == "? Phó Chủ tịch, UBND tỉnh Bắc Kạn <https://example.vn/m>"


def test_a_line_that_is_not_an_output_record_is_skipped_naming_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _line("x1", "https://example.vn/x1", "2023-01-05T08:00:00+07:00", "Tin\n\nÔng Lê Văn Ba, Chủ tịch UBND tỉnh Cà Mau, dự họp.")
    bad = {**good, "people": [{"name": "Lê Văn Ba", "titles": [{"role": 5}]}]}
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(bad, ensure_ascii=False) + "\n" + json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_people(path, str(tmp_path / "p.csv")) == 1
    err = capsys.readouterr().err
    assert "skipped 1" in err and "line 1: not an output record (people.0.titles.0.role:" in err
