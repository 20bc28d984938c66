"""Issue 13 items 11 and 12: ``eval`` without gold, ``people`` over malformed outputs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from vnnews_extract.batch.cli import main

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"
WHATS = ["clean", "statistics", "people", "events", "agreement"]


def _no_gold(tmp_path: Path) -> dict[str, Path]:
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Một bài không có gold.", encoding="utf-8")
    (other / "b.html").write_text("<p>x</p>", encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.txt").write_text("Tỷ lệ 5%.", encoding="utf-8")
    (broken / "x.gold.json").write_text("{oops", encoding="utf-8")
    (broken / "x.html").write_text("<p>x</p>", encoding="utf-8")
    return {"nonexistent": tmp_path / "nonexistent", "no-gold": other, "seed": CORPUS / "seed", "broken-gold": broken}


@pytest.mark.parametrize("what", WHATS)
@pytest.mark.parametrize("where", ["nonexistent", "no-gold", "seed", "broken-gold"])
def test_issue13_eval_without_gold_exits_2_with_one_line(what: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", what, str(_no_gold(tmp_path)[where]), "--quiet"]) == 2
    captured = capsys.readouterr()
    assert "targets met" not in captured.out and "F1 1.000" not in captured.out
    assert captured.err.count("\n") == 1 and f"eval {what}" in captured.err


ARTICLE = {"id": "a", "input": "a", "url": "https://x.vn/a", "published": "2024-01-02T08:00:00+07:00", "text": "",
           "people": [{"name": "Trần Văn Cường", "honorific": "ông", "titles": [{"role": "Chủ tịch", "organization": "UBND tỉnh Bắc Kạn"}]}]}
MALFORMED = [
    ("[1, 2]", "list"),
    ("42", "number"),
    ('"text"', "string"),
    ("null", "null"),
    ('{"people": [{"name": null}]}', "null-name"),
    ('{"people": "abc"}', "people-not-a-list"),
    ('{"people": [42, {"name": 5}, {"name": "Lê Văn Ba", "titles": "x"}]}', "wrong-person-types"),
    ('{"people": [{"name": "Lê Văn Ba", "titles": [1, {"role": 5}, {"role": "Phó Chủ tịch", "organization": 7}]}]}', "wrong-title-types"),
    ('{"published": 5, "url": ["x"], "id": {"a": 1}, "text": 7, "people": []}', "wrong-article-types"),
    ("[" * 50_000, "deep"),
    ("{not json", "not-json"),
]


def _people(path: Path, tmp_path: Path) -> tuple[int, list[dict[str, str]]]:
    out = tmp_path / "people.csv"
    status = main(["people", str(path), "-o", str(out)])
    with out.open(encoding="utf-8", newline="") as stream:
        return status, list(csv.DictReader(stream))


@pytest.mark.parametrize("line", [line for line, _ in MALFORMED], ids=[i for _, i in MALFORMED])
def test_issue13_people_survives_a_malformed_line(line: str, tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n" + line + "\n" + json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    status, rows = _people(path, tmp_path)
    assert status in (0, 1)
    assert [r["name"] for r in rows if r["name"] == "Trần Văn Cường"] == ["Trần Văn Cường"]


def test_issue13_people_counts_lines_that_are_not_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b"[1]\n\xff\xfe not utf-8\n" + json.dumps(ARTICLE).encode() + b"\n")
    status, rows = _people(path, tmp_path)
    assert status == 1 and len(rows) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "skipped 2" in err


def test_issue13_people_drops_a_cut_short_last_line_like_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "out.jsonl"
    line = json.dumps(ARTICLE, ensure_ascii=False)
    path.write_text(line + "\n" + line[:40], encoding="utf-8")
    status, rows = _people(path, tmp_path)
    assert (status, len(rows)) == (0, 1) and capsys.readouterr().err == ""


def test_issue13_people_with_an_unopenable_output_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    assert main(["people", str(path), "-o", str(tmp_path / "missing" / "p.csv")]) == 2
    assert main(["people", str(path), "-o", str(tmp_path)]) == 2  # a folder
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "cannot open the output" in err


@pytest.mark.parametrize(("what", "record", "field"), [
    ("statistics", {"statistics": [{"text": "5%", "kind": "percent", "value": 5, "unti": "%"}]}, "statistics.0.unti"),
    ("statistics", {"statistics": [{"text": "5%", "kind": "procent", "value": 5}]}, "statistics.0.kind"),
    ("people", {"people": [{"name": "Lê Văn Ba", "titles": [{"role": "Chủ tịch", "org": "UBND"}]}]}, "people.0.titles.0.org"),
    ("events", {"events": [{"type": "promotion", "person": "Lê Văn Ba"}]}, "events.0.type"),
], ids=["mistyped-field", "kind-not-allowed", "title-field", "event-type-not-allowed"])
def test_gold_that_breaks_the_conventions_is_named_by_file_and_field(what: str, record: dict, field: str, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Gold is read as typed records: a mistyped field or a value the conventions do not allow is
    exit status 2 with one line naming the file and the field, not a silent miss in the scores."""
    folder = tmp_path / ("statistics" if what == "statistics" else "personnel")
    folder.mkdir()
    (folder / "a.txt").write_text("Tin\n\nTỷ lệ hộ nghèo còn 5%. Ông Lê Văn Ba, Chủ tịch UBND xã, dự họp.", encoding="utf-8")
    (folder / "a.gold.json").write_text(json.dumps({"statistics": [], "people": [], "events": [], **record}), encoding="utf-8")
    assert main(["eval", what, str(tmp_path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a.gold.json" in err and field in err
