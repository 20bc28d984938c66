"""Issue 15, the rough edges a new user met: no ``--version``; a top-level ``--help`` that dumped
the module docstring (reST backticks and all) and left ``people`` out; ``| head -1`` ending in a
BrokenPipeError. (Options from the command line: test_cli_options.py.)"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import vnnews_extract
from batch_helpers import SEED_HTML, SEED_TXT, text_corpus
from vnnews_extract.batch import cli, cli_help
from vnnews_extract.batch.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 120


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


# --- --version and --help -------------------------------------------------------------------------

def test_issue15_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"vnnews-extract {vnnews_extract.__version__}\n"
    assert importlib.metadata.version("vnnews_extract") == vnnews_extract.__version__


def _top_help(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--help"]) == 0
    return capsys.readouterr().out


def test_issue15_top_level_help_is_written_for_users_not_a_docstring(capsys: pytest.CaptureFixture[str]) -> None:
    text = _top_help(capsys)
    assert "``" not in text and ":mod:" not in text and "thin loop" not in text
    assert "--version" in text and "exit status" in text


@pytest.mark.parametrize("name", list(_commands()))
def test_issue15_top_level_help_lists_every_command_in_one_line_with_an_example(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _top_help(capsys).splitlines()
    (row,) = [i for i, line in enumerate(lines) if line.split()[:1] == [name] and line.startswith("  ")]
    assert len(lines[row].split(None, 1)[1]) > 10  # its one line says what it does
    assert lines[row + 1].strip().startswith(f"vnnews-extract {name}")  # then an example


@pytest.mark.parametrize("name", list(_commands()))
def test_issue15_each_command_help_opens_with_its_line_and_example(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: vnnews-extract {name} ")
    assert cli_help.COMMANDS[name][0] in text and f"example:\n  vnnews-extract {name}" in text


# --- a closed pipe: quiet, exit 0 -------------------------------------------------------------------

def _closed_pipe(args: list[str], cwd: Path = ROOT) -> tuple[int, str]:
    """Run the command with its stdout a pipe whose reader is already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "vnnews_extract", *args], stdout=write_end,
                              stderr=subprocess.PIPE, cwd=cwd, timeout=DEADLINE)
    finally:
        os.close(write_end)
    return done.returncode, done.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def pipe_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pipe")
    out = folder / "out.jsonl"
    assert main(["run", str(SEED_HTML), str(SEED_TXT), "-o", str(out), "-q", "-w", "1"]) == 0
    gold = folder / "gold"
    gold.mkdir()
    for path in sorted((ROOT / "corpus" / "statistics").glob("stats-a01-*")):
        shutil.copy(path, gold / path.name)
    return {"corpus": text_corpus(folder / "in", 12), "out": out, "gold": gold}


CLOSED_PIPE = {
    "run-1-worker": ["run", "{corpus}", "-w", "1", "-q"],
    "run-2-workers-with-progress": ["run", "{corpus}", "-w", "2"],
    "schema": ["schema"],
    "show": ["show", str(SEED_HTML)],
    "people": ["people", "{out}"],
    "eval": ["eval", "statistics", "{gold}"],
    "help": ["--help"],
    "version": ["--version"],
}


@pytest.mark.parametrize("args", list(CLOSED_PIPE.values()), ids=list(CLOSED_PIPE))
def test_issue15_a_closed_pipe_ends_every_command_quietly_with_exit_0(args: list[str], pipe_inputs: dict[str, Path]) -> None:
    status, err = _closed_pipe([a.format(**pipe_inputs) for a in args])
    assert (status, err) == (0, "")


@pytest.mark.parametrize("command", ["run {corpus} -w 2", "schema"])
def test_issue15_head_1_reads_one_line_and_the_pipeline_succeeds(command: str, pipe_inputs: dict[str, Path]) -> None:
    line = f"set -o pipefail; {sys.executable} -m vnnews_extract {command.format(**pipe_inputs)} | head -1"
    done = subprocess.run(["bash", "-c", line], capture_output=True, text=True, cwd=ROOT, timeout=DEADLINE)
    assert (done.returncode, done.stderr, done.stdout.count("\n")) == (0, "", 1)
