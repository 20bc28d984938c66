"""Issue 13: the run as a process: workers tied to it, signals, closed pipes (issue 15: a quiet exit
0), full disks, workers that cannot start or die. Waits are bounded by deadlines; no duration is
asserted."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from batch_helpers import SEED_TXT, read_jsonl, text_corpus
from vnnews_extract.batch import output_csv, output_sqlite, pool as pool_module, run as run_module
from vnnews_extract.batch.cli import main

DEADLINE = 60.0


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "vnnews_extract", "run", *args]


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _until(condition, seconds: float = DEADLINE) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


@pytest.fixture
def running(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A run of 400 inputs with 2 workers, caught once both workers are up and output flows (long enough
    that it cannot end before the test signals it, even on a loaded machine)."""
    folder = text_corpus(tmp_path / "in", 400)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(_command(str(folder), "-o", str(out), "-w", "2"), stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, start_new_session=True)
    assert _until(lambda: len(_children(proc.pid)) >= 2 and _lines(out) >= 2), "the run did not get going"
    workers = _children(proc.pid)
    yield proc, workers, folder, out
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_issue13_sigkill_of_the_parent_leaves_no_orphan_worker(running) -> None:  # type: ignore[no-untyped-def]
    proc, workers, _, _ = running
    proc.kill()
    proc.wait()
    assert _until(lambda: not any(_alive(w) for w in workers), 15), "workers outlived their parent"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize(("how", "said"), [("SIGTERM", "interrupted by SIGTERM"), ("SIGINT", "interrupted (Ctrl-C)")])
def test_issue13_sigterm_or_ctrl_c_stop_cleanly_with_a_summary(running, how: str, said: str) -> None:  # type: ignore[no-untyped-def]
    proc, workers, folder, out = running
    if how == "SIGINT":
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    else:
        proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=DEADLINE)
    text = err.decode("utf-8", "replace")
    assert proc.returncode == 3 and "Traceback" not in text
    assert "inputs " in text and said in text and "--resume" in text
    assert _until(lambda: not any(_alive(w) for w in workers), 15)
    assert main(["run", str(folder), "-o", str(out), "--resume", "-q", "-w", "1"]) == 0
    assert Counter(r["input"] for r in read_jsonl(out)) == Counter(str(p) for p in folder.iterdir())


@pytest.mark.parametrize("quiet", [True, False], ids=["quiet", "with-progress"])
def test_issue15_a_closed_pipe_ends_the_run_quietly_with_exit_0(tmp_path: Path, quiet: bool) -> None:
    """Issue 13 made a closed pipe one line and exit 3; issue 15 asks for what Unix filters do
    under ``| head -1``: stop, say nothing, exit 0 (no summary either)."""
    folder = text_corpus(tmp_path / "in", 30)
    proc = subprocess.Popen(_command(str(folder), "-w", "1", *(["-q"] if quiet else [])),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.wait(timeout=DEADLINE)
    assert (proc.returncode, err) == (0, "")


def test_issue13_disk_full_on_jsonl_is_one_line_and_exit_3() -> None:
    done = subprocess.run(_command(str(SEED_TXT), "-o", "/dev/full", "-q"), capture_output=True, text=True, timeout=DEADLINE)
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and "No space left" in done.stderr


def _full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("fmt", ["csv", "sqlite"])
def test_issue13_disk_full_on_csv_and_sqlite_is_exit_3(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    writer = output_csv.CsvWriter if fmt == "csv" else output_sqlite.SqliteWriter
    monkeypatch.setattr(writer, "write", _full)
    assert main(["run", str(SEED_TXT), "--format", fmt, "-o", str(tmp_path / "o"), "-q"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left" in err


# ---------------------------------------------------------------- item 17: bounded workers


class _SpyPool(pool_module.Pool):
    sizes: list[int] = []

    def __init__(self, size: int, job: pool_module.Job) -> None:
        _SpyPool.sizes.append(size)
        super().__init__(size, job)


@pytest.mark.parametrize(("inputs", "asked", "started"), [(1, 30, None), (3, 30, 3), (12, 30, "cap")], ids=["one-input", "three-inputs", "many"])
def test_issue13_never_more_workers_than_inputs_or_twice_the_cores(inputs: int, asked: int, started: object, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _SpyPool.sizes = []
    monkeypatch.setattr(run_module, "Pool", _SpyPool)
    monkeypatch.setattr(run_module, "max_workers", lambda: 4)
    folder = text_corpus(tmp_path / "in", inputs)
    assert main(["run", str(folder), "-o", str(tmp_path / "o.jsonl"), "-q", "-w", str(asked)]) == 0
    assert _SpyPool.sizes == ([] if started is None else [4 if started == "cap" else started])
    assert len(read_jsonl(tmp_path / "o.jsonl")) == inputs


def _exit_at_once(*args: object) -> None:
    os._exit(7)


def test_issue13_workers_that_cannot_start_are_one_line_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pool_module, "_worker_main", _exit_at_once)
    folder = text_corpus(tmp_path / "in", 3)
    assert main(["run", str(folder), "-o", str(tmp_path / "o.jsonl"), "-q", "-w", "2"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "exited while starting (exit status 7)" in err


def test_issue13_worker_that_cannot_fork_is_one_line_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    def no_fork(self: object) -> None:
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr("multiprocessing.process.BaseProcess.start", no_fork)
    folder = text_corpus(tmp_path / "in", 3)
    assert main(["run", str(folder), "-o", str(tmp_path / "o.jsonl"), "-q", "-w", "2"]) == 3
    assert "cannot start a worker process" in capsys.readouterr().err


_PROCESS = run_module.process


def _dies_on_marked_input(item, options=None):  # type: ignore[no-untyped-def]
    if item.data is not None and "CRASH" in str(item.data):
        os.kill(os.getpid(), signal.SIGKILL)  # what the out-of-memory killer does
    return _PROCESS(item, options)


def test_issue13_a_worker_dying_on_an_input_is_that_inputs_error_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_module, "process", _dies_on_marked_input)
    dump = tmp_path / "d.jsonl"
    dump.write_text("\n".join('{"text": "%s"}' % t for t in ["Tỷ lệ 5%.", "CRASH", "Tỷ lệ 6%.", "Tỷ lệ 7%."]) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["run", str(dump), "-o", str(out), "-q", "-w", "2"]) == 1
    records = read_jsonl(out)
    assert [r["input"] for r in records] == [f"{dump}#{n}" for n in (1, 2, 3, 4)]
    assert ["error" in r for r in records] == [False, True, False, False]
    assert "worker process died" in records[1]["error"]["message"] and "SIGKILL" in records[1]["error"]["message"]
