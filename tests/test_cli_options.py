"""Issue 15: Options reachable from the command line: ``--only``, ``--tokens/--no-tokens``, one flag
per limit, ``--config FILE`` (TOML or JSON), each reaching the worker processes; bad values are bad
usage (exit 2, one line, nothing written)."""

from __future__ import annotations

import dataclasses
import doctest
import json
from pathlib import Path
from typing import Any

import pytest

from batch_helpers import SEED_HTML, SEED_TXT, read_jsonl, text_corpus
from vnnews_extract import config
from vnnews_extract.batch import cli_options, run as run_module
from vnnews_extract.batch.cli import main
from vnnews_extract.options import DEFAULT_OPTIONS, Options


def test_issue15_options_modules_doctests_pass() -> None:
    for module in (config, cli_options):
        assert doctest.testmod(module).failed == 0


def _run(tmp_path: Path, *flags: str, source: Path = SEED_HTML, workers: int = 1) -> tuple[int, list[dict[str, Any]]]:
    out = tmp_path / "out.jsonl"
    status = main(["run", str(source), "-o", str(out), "-q", "-w", str(workers), *flags])
    return status, read_jsonl(out) if out.exists() else []


ONLY = [("statistics", (True, False, False)), ("people", (False, True, False)), ("events", (False, False, True)),
        ("people,events", (False, True, True)), ("statistics, events", (True, False, True)),
        ("events,people,statistics", (True, True, True))]


@pytest.mark.parametrize(("only", "kept"), ONLY, ids=[o for o, _ in ONLY])
def test_issue15_only_keeps_the_record_types_asked_for(only: str, kept: tuple[bool, bool, bool], tmp_path: Path) -> None:
    status, (record,) = _run(tmp_path, "--only", only)
    assert status == 0
    assert (bool(record["statistics"]), bool(record["people"]), bool(record["events"])) == kept


@pytest.mark.parametrize("only", ["", "peple", "statistics,titles", ","])
def test_issue15_only_with_an_unknown_record_type_is_bad_usage(only: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, records = _run(tmp_path, "--only", only)
    assert (status, records) == (2, [])
    assert "--only" in capsys.readouterr().err


LIMITS = [
    ("--max-statistics", "2", lambda r: len(r["statistics"]) == 2 and any("max_statistics" in w for w in r["warnings"])),
    ("--max-number-candidates", "3", lambda r: any("max_number_candidates" in w for w in r["warnings"])),
    ("--pos-budget-chars", "0", lambda r: any("pos_budget_chars" in w for w in r["warnings"])),
    ("--max-personnel-chars", "40", lambda r: any("max_personnel_chars" in w for w in r["warnings"])),
    ("--max-text-chars", "100", lambda r: "error" in r and r["error"]["type"] == "InputError" and "max_text_chars" in r["error"]["message"]),
    ("--max-bytes", "100", lambda r: "error" in r and r["error"]["type"] == "InputError" and "--max-bytes" in r["error"]["message"]),
    ("--max-sentence-chars", "60", lambda r: r["statistics"] and all(len(s["evidence"]["sentence"]) <= 60 for s in r["statistics"])),
]


@pytest.mark.parametrize(("flag", "value", "check"), LIMITS, ids=[f for f, _, _ in LIMITS])
def test_issue15_each_limit_flag_takes_effect(flag: str, value: str, check: Any, tmp_path: Path) -> None:
    _, (record,) = _run(tmp_path, flag, value, source=SEED_TXT)
    assert check(record)
    _, (unlimited,) = _run(tmp_path, source=SEED_TXT)
    assert not check(unlimited)


def test_issue15_every_options_field_has_a_flag_or_is_set_by_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--help"]) == 0
    text = capsys.readouterr().out
    for field in dataclasses.fields(Options):
        assert field.name in cli_options.SWITCHES or cli_options.flag_of(field.name) in text
    assert "--only" in text and "--no-tokens" in text and "--config" in text


# Every field away from its default, and the same through --only, a config file, or both.
CHANGED = {"tokens": True, "non_articles": True, "carry_periods": True, "max_input_bytes": 10_000_001, "max_text_chars": 2_000_001, "max_sentence_chars": 999,
           "max_statistics": 999, "max_number_candidates": 19_999, "pos_budget_chars": 7_999, "pos_window_before": 79, "pos_window_after": 39,
           "max_personnel_chars": 299_999}
CHANGED_SWITCHES = {"statistics": True, "personnel": True, "people": False, "events": True}


def _flags(values: dict[str, object]) -> list[str]:
    flags = ["--only", "statistics,events"]
    for field, value in values.items():
        flags += [cli_options.flag_of(field)] if value is True else [cli_options.flag_of(field), str(value)]
    return flags


@pytest.fixture
def seen_by_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each record says in its warnings the Options its worker extracted it with (workers are
    forked, so they run this patched ``extract``)."""
    real = run_module.extract

    def extract(source: object, *, url: str | None = None, options: Options = DEFAULT_OPTIONS, published: str | None = None) -> Any:
        article = real(source, url=url, options=options, published=published)
        article.warnings.append(repr(options))
        return article

    monkeypatch.setattr(run_module, "extract", extract)


def test_the_spy_needs_a_field_change_for_every_option() -> None:
    assert set(CHANGED) | set(CHANGED_SWITCHES) == {f.name for f in dataclasses.fields(Options)}


HOW = {
    "flags": lambda folder: _flags(CHANGED),
    "toml": lambda folder: ["--config", _write(folder / "c.toml", "\n".join(f"{k} = {json.dumps(v)}" for k, v in {**CHANGED, **CHANGED_SWITCHES}.items()))],
    "json": lambda folder: ["--config", _write(folder / "c.conf", json.dumps({**CHANGED, **CHANGED_SWITCHES}))],
    "flags-over-config": lambda folder: ["--config", _write(folder / "c.json", json.dumps({"max_statistics": 5, "people": True, "tokens": False})), *_flags(CHANGED)],
}


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.usefixtures("seen_by_workers")
@pytest.mark.parametrize("how", list(HOW))
def test_issue15_every_option_reaches_the_workers(how: str, tmp_path: Path) -> None:
    folder = text_corpus(tmp_path / "in", 4)
    status, records = _run(tmp_path, *HOW[how](tmp_path), source=folder, workers=2)
    expected = repr(dataclasses.replace(DEFAULT_OPTIONS, **CHANGED, **CHANGED_SWITCHES))
    assert status == 0 and len(records) == 4
    assert all(record["warnings"][-1] == expected and not record["people"] for record in records)


BAD_CONFIGS = [
    ("unknown-key.toml", "max_stats = 5\n", "unknown option 'max_stats' (did you mean max_statistics?)"),
    ("table.toml", "[limits]\nmax_statistics = 5\n", "unknown option 'limits'"),
    ("string-for-a-number.toml", 'max_statistics = "5"\n', "max_statistics must be a whole number"),
    ("number-for-a-switch.json", '{"tokens": 1}', "tokens must be true or false"),
    ("negative.json", '{"max_text_chars": -1}', "max_text_chars must be a whole number of at least 0"),
    ("zero-sentence.json", '{"max_sentence_chars": 0}', "max_sentence_chars must be a whole number of at least 1"),
    ("float.json", '{"max_statistics": 2.5}', "max_statistics must be a whole number"),
    ("not-toml.toml", "max_statistics = = 5\n", "not valid TOML"),
    ("not-json.json", "{max_statistics: 5}", "not valid JSON"),
    ("a-list.json", "[1, 2]", "must be a mapping"),
    ("not-utf8.toml", b"\xff\xfe= 1", "cannot read the config"),
]


@pytest.mark.parametrize(("name", "content", "said"), BAD_CONFIGS, ids=[n for n, _, _ in BAD_CONFIGS])
def test_issue15_a_bad_config_is_one_line_of_bad_usage_and_nothing_written(
        name: str, content: str | bytes, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    status, records = _run(tmp_path, "--config", str(path))
    err = capsys.readouterr().err
    assert (status, records) == (2, []) and not (tmp_path / "out.jsonl").exists()
    assert err.count("\n") == 1 and said in err and name in err


def test_issue15_a_missing_config_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, "--config", str(tmp_path / "none.toml"))[0] == 2
    assert "cannot read the config" in capsys.readouterr().err


@pytest.mark.parametrize(("flags", "said"), [(["--max-statistics", "-1"], "--max-statistics must be a whole number of at least 0"),
                                              (["--max-bytes", "0"], "--max-bytes must be a whole number of at least 1"),
                                              (["--max-text-chars", "many"], "--max-text-chars: invalid int value")])
def test_issue15_a_bad_limit_flag_is_bad_usage(flags: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, *flags) == (2, [])
    assert said in capsys.readouterr().err


def test_issue15_show_extracts_with_the_options_of_run(tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    assert main(["show", str(SEED_HTML), "--only", "events", "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert main(["show", str(SEED_HTML), "-o", str(page)]) == 0
    assert len(page.read_text(encoding="utf-8")) > len(text)
    assert main(["show", str(SEED_HTML), "--config", str(tmp_path / "none.toml"), "-o", str(page)]) == 2


def test_the_readme_config_example_is_a_valid_config(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    assert config.read_config(_write(tmp_path / "vnnews.toml", example)) == Options(
        events=False, max_statistics=200, max_text_chars=500_000)
