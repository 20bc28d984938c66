"""``vnnews-extract show``: one page for an input or an article of a batch, a folder with an index
for a batch (``run`` output or inputs extracted on the fly)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from vnnews_extract.batch.cli import main
from vnnews_extract.viewer.show import page_name

from .samples import CORPUS_ARTICLES, SEED_HTML


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ``run`` output of three corpus articles and one input that fails."""
    src = tmp_path_factory.mktemp("in")
    for name in ("seed", "bachthong", "nguyenbinh"):
        shutil.copy(CORPUS_ARTICLES[name], src / f"{name}{CORPUS_ARTICLES[name].suffix}")
    (src / "junk.html").write_bytes(b"\x00\x01binary\x00")
    out = src.parent / "out.jsonl"
    assert main(["run", str(src), "-o", str(out), "-w", "1", "-q"]) == 1
    return out


def test_show_an_input_file_extracts_and_renders_it(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    assert main(["show", str(SEED_HTML), "-o", str(out)]) == 0
    soup = _soup(out)
    assert len({h for n in soup.select("#text [data-h]") for h in n["data-h"].split() if h.startswith("s")}) == 13
    assert soup.title.get_text() == "Chợ Đồn chú trọng nâng cao chất lượng đội ngũ công chức, viên chức"


def test_show_a_batch_writes_an_index_and_one_page_per_article(batch: Path, tmp_path: Path) -> None:
    folder = tmp_path / "view"
    assert main(["show", str(batch), "-o", str(folder)]) == 1  # the junk input is an error record
    index = _soup(folder / "index.html")
    links = [a["href"] for a in index.select("a.go")]
    assert links == ["0001-bachthong-html.html", "0003-nguyenbinh-txt.html",  # pages are named from the URL, else the input
                     "0004-cho-don-chu-trong-nang-cao-chat-luong-doi-ngu-cong-chuc-vien.html"]  # cut at 60
    assert sorted(p.name for p in folder.iterdir()) == sorted([*links, "index.html"])
    errors = index.select("tr.err")
    assert len(errors) == 1 and "junk.html" in errors[0].get_text()
    assert index.select("tr")[-1].select_one('[data-count="statistics"]').get_text() == "13"
    page = _soup(folder / links[0])
    assert page.select_one("a.back")["href"] == "index.html"


def test_show_id_picks_one_article_of_a_batch(batch: Path, tmp_path: Path) -> None:
    seed_input = next(json.loads(line)["input"] for line in batch.read_text(encoding="utf-8").splitlines() if "seed" in line)
    out = tmp_path / "one.html"
    assert main(["show", str(batch), "--id", seed_input, "-o", str(out)]) == 0
    assert "Triệu Huy Chung" in _soup(out).select_one("#text").get_text()


def test_show_extracts_a_folder_of_inputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_HTML, src / "a.html")
    lines = [{"text": "Tin\n\nTỷ lệ đạt 98,5%.", "id": "x1"}, {"html": "<p>Không có gì</p>", "id": "x2"}]
    (src / "b.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    assert main(["show", str(src), "-o", str(tmp_path / "view")]) == 0
    assert len(_soup(tmp_path / "view" / "index.html").select("a.go")) == 3


def test_a_broken_line_of_a_batch_is_an_error_row(batch: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text(batch.read_text(encoding="utf-8") + '{"input": "cut", "text": "Tin\n', encoding="utf-8")
    assert main(["show", str(broken), "-o", str(tmp_path / "view")]) == 1
    assert len(_soup(tmp_path / "view" / "index.html").select("tr.err")) == 2


@pytest.mark.parametrize(("args", "message"), [
    (["show", "missing.html"], "no such input"),
    (["show", "{batch}"], "need -o FOLDER"),
    (["show", "{batch}", "--id", "nope", "-o", "x.html"], "no article with id 'nope'"),
], ids=["missing-input", "batch-to-stdout", "unknown-id"])
def test_bad_usage_exits_2(args: list[str], message: str, batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([a.format(batch=batch) for a in args]) == 2
    assert message in capsys.readouterr().err


def test_an_input_that_fails_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.html"
    junk.write_bytes(b"\x00\x01binary\x00")
    assert main(["show", str(junk), "-o", str(tmp_path / "x.html")]) == 1
    assert "junk.html" in capsys.readouterr().err and not (tmp_path / "x.html").exists()


def test_one_page_goes_to_stdout_without_o(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(CORPUS_ARTICLES["nguyenbinh"])]) == 0
    assert capsys.readouterr().out.startswith("<!doctype html>")


@pytest.mark.parametrize(("source", "name"), [
    ("https://example.vn/tin/bo-nhiem.html", "0007-bo-nhiem-html.html"),
    ("../../x y.txt#4", "0007-x-y-txt-4.html"),
    ("https://example.vn/", "0007-example-vn.html"),
    ("///", "0007.html"),
    ("Bổ nhiệm.html", "0007-B-nhi-m-html.html"),
], ids=["url", "path-with-line", "site-root", "nothing-usable", "non-ascii"])
def test_page_names_are_safe_file_names(source: str, name: str) -> None:
    assert page_name(7, source) == name
