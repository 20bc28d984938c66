"""``vnnews-extract people OUT.jsonl --plot people.png|svg``: careers drawn in time (matplotlib)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from vnnews_extract.batch.cli import main
from vnnews_extract.timeline import Career, Sighting
from vnnews_extract.timeline_plot import Band, bands

from test_timeline import PERSONNEL, SLUGS, _line


def _career(name: str, *sightings: tuple[str | None, str]) -> Career:
    return Career(name, None, {"Bắc Kạn"}, [Sighting(d, role, "UBND tỉnh", f"https://x/{i}") for i, (d, role) in enumerate(sightings)])


@pytest.mark.parametrize(("careers", "expected"), [
    ([], []),
    ([_career("Không Ngày", (None, "Chủ tịch"))], []),
    ([_career("Hà Văn Tú", ("2024-01-05T08:00:00+07:00", "Chủ tịch"), ("2023-01-05", "Chủ tịch"), ("bad", "Phó Chủ tịch"))],
     [("Hà Văn Tú (Bắc Kạn)", [("Chủ tịch, UBND tỉnh", ["2023-01-05", "2024-01-05"])])]),
    ([_career("B", ("2025-01-01", "Giám đốc")), _career("A", ("2020-01-01", "Phó Giám đốc"), ("2021-01-01", "Giám đốc"))],
     [("A (Bắc Kạn)", [("Phó Giám đốc, UBND tỉnh", ["2020-01-01"]), ("Giám đốc, UBND tỉnh", ["2021-01-01"])]),
      ("B (Bắc Kạn)", [("Giám đốc, UBND tỉnh", ["2025-01-01"])])]),
], ids=["nobody", "undated-only", "dates-merged-bad-date-dropped", "earliest-first"])
def test_bands_place_each_title_at_its_dates(careers: list[Career], expected: list) -> None:
    assert [(b.label, [(t, [d.isoformat() for d in ds]) for t, ds in b.titles]) for b in bands(careers)] == expected


def test_only_the_most_seen_people_are_drawn() -> None:
    many = [_career(f"Người {i}", *[(f"202{j}-01-01", "Chủ tịch") for j in range(i % 4 + 1)]) for i in range(10)]
    drawn = bands(many, max_people=3)
    assert sorted(len(b.titles[0][1]) for b in drawn) == [3, 4, 4]  # of 10 people seen 1 to 4 times
    assert [b.label for b in drawn] == ["Người 2 (Bắc Kạn)", "Người 3 (Bắc Kạn)", "Người 7 (Bắc Kạn)"]  # ties: by name
    assert all(isinstance(b, Band) for b in drawn)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = [_line(slug, url, published) for slug, (url, published) in SLUGS.items()]
    lines.append(_line("x1", "https://example.vn/x1", "2023-01-05T08:00:00+07:00",
                       "Tin\n\nÔng Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Bắc Kạn, dự hội nghị."))
    lines.append(_line("x3", "https://example.vn/x3", "2025-03-01T08:00:00+07:00",
                       "Tin\n\nÔng Nguyễn Văn An, Chủ tịch UBND tỉnh Bắc Kạn, phát biểu."))
    path = tmp_path_factory.mktemp("plot") / "out.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    assert PERSONNEL.is_dir()
    return path


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_people_writes_the_csv_and_the_plot(suffix: str, magic: bytes, batch: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="--plot needs the 'plot' extra (matplotlib)")
    plot = tmp_path / f"people{suffix}"
    assert main(["people", str(batch), "-o", str(tmp_path / "people.csv"), "--plot", str(plot)]) == 0
    assert (tmp_path / "people.csv").read_text(encoding="utf-8").startswith("name,")
    assert plot.read_bytes().startswith(magic)
    if suffix == ".svg":  # text stays text: names with their diacritics, the roles and the years
        svg = plot.read_text(encoding="utf-8")
        for text in ("Nguyễn Văn An (Bắc Kạn)", "Phó Chủ tịch, UBND tỉnh Bắc Kạn", "Chủ tịch HĐQT", "2024"):
            assert text in svg


def _usage_error(batch: Path, tmp_path: Path, plot: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["people", str(batch), "-o", str(tmp_path / "people.csv"), "--plot", str(tmp_path / plot)]) == 2
    assert not (tmp_path / "people.csv").exists()  # checked before any work
    return capsys.readouterr().err


def test_an_unknown_plot_format_is_a_usage_error(batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "must end in .png, .svg, .pdf" in _usage_error(batch, tmp_path, "people.gif", capsys)


def test_a_plot_without_matplotlib_says_what_to_install(
        batch: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails as if absent
    assert "pip install 'vnnews_extract[plot]'" in _usage_error(batch, tmp_path, "people.png", capsys)
