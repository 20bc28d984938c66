"""Issue 15: ``extract_many(sources, *, workers, options)``, the streaming API over the batch's pool."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest

import vnnews_extract
from batch_helpers import SEED_HTML, SEED_TXT, gzip_file
from vnnews_extract import Article, ErrorRecord, Options, extract, extract_many
from vnnews_extract.batch.cli import main
from vnnews_extract.batch.inputs import input_id
from vnnews_extract.batch.run import IN_FLIGHT_PER_WORKER

BODY = SEED_TXT.read_text(encoding="utf-8")


def _mixed(tmp_path: Path) -> list[object]:
    """Every kind of source, failures among them, each article told apart by its first line."""
    gz = gzip_file(SEED_TXT, tmp_path / "seed.txt.gz")
    return [
        f"Bài số 0\n{BODY}",
        SEED_HTML.read_bytes(),
        b"",  # empty: an error
        {"text": f"Bài số 3\n{BODY}", "id": "bai-3", "url": "https://example.vn/3"},
        {"html": "<p>Tỷ lệ đạt 98,5%.</p>", "id": 4},
        {"title": "no text"},  # an error
        SEED_TXT,
        gz,
        tmp_path / "missing.txt",  # an error
        42,  # an error
        f"Bài số 10\n{BODY}".encode(),
    ]


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[object], list[Article | ErrorRecord]]:
    sources = _mixed(tmp_path_factory.mktemp("many"))
    return sources, list(extract_many(sources))


def test_extract_many_is_exported_with_its_error_record() -> None:
    assert {"extract_many", "ErrorRecord"} <= set(vnnews_extract.__all__)


def test_extract_many_accounts_for_every_source_in_order_with_errors_in_place(one_worker) -> None:  # type: ignore[no-untyped-def]
    sources, records = one_worker
    assert len(records) == len(sources)
    kinds = ["error" if isinstance(r, ErrorRecord) else "article" for r in records]
    assert kinds == ["article", "article", "error", "article", "article", "error", "article", "article", "error", "error", "article"]
    assert records[0].title == "Bài số 0" and records[3].title == "Bài số 3" and records[10].title == "Bài số 10"
    assert (records[3].id, records[3].url, records[4].id) == ("bai-3", "https://example.vn/3", "4")
    assert [r.input for r in records if isinstance(r, ErrorRecord)] == [
        "sources[2]", "sources[5]", input_id(str(sources[8])), "sources[9]"]
    assert records[8].error.type == "FileNotFoundError" and "int" in records[9].error.message


def test_extract_many_gives_what_extract_gives(one_worker) -> None:  # type: ignore[no-untyped-def]
    sources, records = one_worker
    assert records[0] == extract(sources[0])
    assert records[1] == extract(sources[1])
    assert records[6] == records[7] == extract(SEED_TXT.read_bytes())


def test_extract_many_with_two_workers_gives_the_same_records(one_worker) -> None:  # type: ignore[no-untyped-def]
    sources, records = one_worker
    assert list(extract_many(sources, workers=2)) == records


def test_extract_many_error_records_are_what_run_writes(tmp_path: Path) -> None:
    missing, empty = tmp_path / "missing.txt", tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(missing), str(empty), "-o", str(out), "-q", "-w", "1"]) == 1
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    records = list(extract_many([missing, empty]))
    assert [r.as_output() for r in records] == written
    assert [ErrorRecord.model_validate(w) for w in written] == records


def test_extract_many_passes_its_options() -> None:
    text = f"Bài số 1\n{BODY}"
    only_people = Options(statistics=False)
    for workers in (1, 2):
        records = list(extract_many([text, text], workers=workers, options=only_people))
        assert all(isinstance(r, Article) and not r.statistics and r.people for r in records)
        limited = list(extract_many([text, text], workers=workers, options=Options(max_text_chars=10)))
        assert [r.error.type for r in limited if isinstance(r, ErrorRecord)] == ["InputError", "InputError"]


def _counted(n: int, taken: list[int]) -> Iterator[str]:
    for i in range(n):
        taken.append(i)
        yield f"Bài số {i}\nTỷ lệ đạt {i},5%."


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_many_reads_its_sources_lazily_with_bounded_work_in_flight(workers: int) -> None:
    taken: list[int] = []
    stream = extract_many(_counted(10_000, taken), workers=workers)
    first = [next(stream).title for _ in range(3)]
    assert first == ["Bài số 0", "Bài số 1", "Bài số 2"]
    assert len(taken) <= 3 + workers * IN_FLIGHT_PER_WORKER + workers
    stream.close()


def test_extract_many_stopped_early_stops_its_workers() -> None:
    stream = extract_many((f"Bài số {i}\nTỷ lệ đạt {i}%." for i in range(1000)), workers=2)
    next(stream)
    assert multiprocessing.active_children()
    stream.close()
    assert not multiprocessing.active_children()


def test_extract_many_refuses_no_workers() -> None:
    with pytest.raises(ValueError, match="workers"):
        next(extract_many(["x"], workers=0))


def test_extract_many_treats_a_jsonl_path_as_many_inputs_it_will_not_guess(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "Tỷ lệ đạt 5%."}\n', encoding="utf-8")
    (record,) = extract_many([path])
    assert isinstance(record, ErrorRecord) and "many inputs" in record.error.message


def test_the_readme_example_of_extract_many_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = next(block for block in readme.split("```python\n")[1:] if "extract_many(" in block).split("```", 1)[0]
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    exec(compile(example, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and lines[2].startswith("a-1 ") and lines[3] == "sources[3] InputError empty input"
