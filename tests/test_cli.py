from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vnnews_extract.batch.cli import main

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seed"


def test_schema_article_prints_the_article_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--article"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Article"
    for field in ("id", "url", "title", "lead", "published", "author", "blocks", "text", "statistics", "people", "events", "warnings"):
        assert field in schema["properties"]
    for record in ("Evidence", "Statistic", "Position", "Person", "PersonnelEvent", "Block", "Part"):
        assert record in schema["$defs"]


def test_every_line_run_writes_validates_against_the_printed_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`schema` prints what `run` writes: articles (with their input) and error records, and
    nothing else validates (a line missing its input, an error without its message)."""
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert [ref["$ref"] for ref in schema["oneOf"]] == ["#/$defs/BatchRecord", "#/$defs/ErrorRecord"]
    src = tmp_path / "in"
    shutil.copytree(SEED, src)
    (src / "empty.txt").write_bytes(b"")
    (src / "lines.jsonl").write_text('{"id": "w1", "url": "https://x.vn/w1", "text": "Tin\\n\\nTỷ lệ đạt 98,5%."}\n[1]\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(src), "-o", str(out), "-w", "1", "-q"]) == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    validator = jsonschema.Draft202012Validator(schema)
    assert [list(validator.iter_errors(line)) for line in lines] == [[] for _ in lines]
    kinds = sorted("error" if "error" in line else "article" for line in lines)
    assert kinds.count("error") == 2 and kinds.count("article") == len(lines) - 2 >= 3
    article = next(line for line in lines if "error" not in line)
    assert not validator.is_valid({k: v for k, v in article.items() if k != "input"})
    error = next(line for line in lines if "error" in line)
    assert not validator.is_valid({**error, "error": {"type": error["error"]["type"]}})


@pytest.mark.parametrize("workers", [1, 2])
def test_run_writes_one_line_per_input_and_isolates_failures(tmp_path: Path, workers: int, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SEED / "000_a7ba4a489810e601.txt", src / "a.txt")
    shutil.copy(SEED / "chodon-wordpress.html", src / "sub" / "b.html")
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.html").write_bytes(b"\x00\x01\x02binary\x00junk")
    (src / "notes.json").write_text("{}")  # not an input suffix: ignored
    out = tmp_path / "out.jsonl"
    status = main(["run", str(src), "-o", str(out), "--workers", str(workers)])
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert status == 1
    assert [Path(r["input"]).name for r in lines] == ["a.txt", "empty.txt", "junk.html", "b.html"]
    ok = [r for r in lines if "error" not in r]
    errors = [r for r in lines if "error" in r]
    assert len(ok) == 2 and len(errors) == 2
    assert {e["error"]["type"] for e in errors} == {"InputError"}
    assert all(len(r["statistics"]) == 13 for r in ok)
    summary = capsys.readouterr().err
    assert "inputs 4, articles 2, failures 2" in summary


def test_run_exit_zero_when_all_succeed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["run", str(SEED / "000_a7ba4a489810e601.txt"), "-o", str(out), "-q"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_a_folder_without_inputs_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("nothing to extract", encoding="utf-8")
    assert main(["run", str(tmp_path), "-q"]) == 2
    assert "no input found" in capsys.readouterr().err


def test_missing_file_is_an_error_record(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["run", str(tmp_path / "nope.txt"), "-o", str(out), "-q"]) == 1
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["error"]["type"] == "FileNotFoundError"


def test_the_quick_start_run_over_the_bundled_corpus_has_no_failure(tmp_path: Path) -> None:
    """README's first command: every file of corpus/ that run reads is an article (gold, notes and
    judged samples there are .json or .md, which run does not read as inputs)."""
    out = tmp_path / "out.jsonl"
    assert main(["run", str(SEED.parent), "-o", str(out), "-w", "2", "-q"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) >= 150 and not [line["input"] for line in lines if "error" in line]
