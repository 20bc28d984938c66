"""Hostile inputs (issue 7): every file gives an article or a clear error, within bounds, with no side effects.

The corpus is ``tests/hostile/files/`` (small, committed) plus the big files that
``tests/hostile/generate.py`` writes at test time (a 50 MB page, a gzip bomb, 100,000 links...).
Time is bounded by subprocess timeouts, memory by the children's peak RSS; no durations are asserted.
"""

from __future__ import annotations

import builtins
import json
import resource
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.generate import BIG, FILES, SMALL, write_small
from vnnews_extract import VnnewsError, extract

PER_FILE_SECONDS = 10
STARTUP_SECONDS = 3  # interpreter start and imports in the child, on top of the per-file bound
MAX_RSS_BYTES = 1 << 30
CLEAR_ERRORS = {"InputError", "CleanError", "ExtractError"}

# What each file gives: "article" or the error type.
EXPECTED = {
    "empty.html": "InputError",
    "whitespace-only.txt": "InputError",
    "bom-only.txt": "InputError",
    "binary-junk.html": "InputError",
    "binary-junk-no-nul.txt": "InputError",
    "png-header.html": "InputError",
    "nul-bytes.txt": "InputError",
    "invalid-utf8.html": "article",
    "utf16le-bom.html": "article",
    "utf16be-bom.txt": "article",
    "windows-1258.html": "article",
    "charset-latin1-but-utf8.html": "article",
    "charset-utf8-but-cp1258.html": "article",
    "tcvn3.txt": "article",
    "tcvn3.html": "article",
    "vni.txt": "article",
    "vni.html": "article",
    "mojibake-utf8-read-as-cp1252.txt": "article",
    "decomposed-nfd.txt": "article",
    "control-and-zero-width.txt": "article",
    "unclosed-comment.html": "article",
    "unclosed-script.html": "article",
    "unclosed-cdata-style.html": "article",
    "tag-soup.html": "article",
    "bad-entities.html": "article",
    "only-markup.html": "article",
    "side-effect-urls.html": "article",
    "json-ld-50000-deep.html": "article",
    "nested-10000.html": "article",
    "nested-unclosed-10000.html": "article",
    "page-50mb.html": "InputError",
    "gzip-bomb.html.gz": "InputError",
    "links-100000.html": "article",
    "paragraph-1mb.html": "article",
    "paragraph-1mb.txt": "article",
    "numbers-10000.txt": "article",
    "no-punctuation-100000-words.txt": "article",
    "dots-200000.txt": "article",
    "nested-100000.html": "article",
    "long-attribute-5mb.html": "article",
    "many-short-paragraphs.html": "InputError",
}
# Files whose article must keep the seed text: decoding, legacy conversion and markup damage lose nothing.
KEEPS_TEXT = [
    "invalid-utf8.html", "utf16le-bom.html", "utf16be-bom.txt", "windows-1258.html", "charset-latin1-but-utf8.html",
    "charset-utf8-but-cp1258.html", "tcvn3.txt", "tcvn3.html", "vni.txt", "vni.html", "decomposed-nfd.txt",
    "control-and-zero-width.txt", "tag-soup.html", "bad-entities.html", "side-effect-urls.html",
    "json-ld-50000-deep.html", "nested-10000.html", "nested-100000.html", "long-attribute-5mb.html",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for path in FILES.iterdir():
        shutil.copy(path, folder / path.name)
    for name, write in BIG.items():
        write(folder / name)
    return folder


@pytest.fixture(scope="module")
def records(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """One run of the batch command over the whole folder."""
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    command = [sys.executable, "-m", "vnnews_extract", "run", str(hostile), "-o", str(out), "--workers", "2", "-q"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line.strip()]
    return {Path(str(r["input"])).name: r for r in lines}


def test_corpus_has_at_least_25_files_and_every_file_an_expectation() -> None:
    names = set(SMALL) | set(BIG)
    assert len(names) >= 25
    assert names == set(EXPECTED)


def test_committed_files_are_what_the_generator_makes(tmp_path: Path) -> None:
    write_small(tmp_path)
    for path in sorted(tmp_path.iterdir()):
        assert (FILES / path.name).read_bytes() == path.read_bytes(), f"run tests/hostile/generate.py ({path.name})"


def test_committed_files_are_small() -> None:
    assert all(p.stat().st_size < 1_000_000 for p in FILES.iterdir())


def test_batch_gives_one_record_per_file(records: dict[str, dict[str, object]]) -> None:
    assert set(records) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_batch_outcome_of_each_file(name: str, records: dict[str, dict[str, object]]) -> None:
    record = records[name]
    error = record.get("error")
    if EXPECTED[name] == "article":
        assert error is None, error
        assert isinstance(record["text"], str)
        return
    assert isinstance(error, dict), f"{name} gave an article"
    assert error["type"] == EXPECTED[name] and error["type"] in CLEAR_ERRORS
    assert len(str(error["message"])) >= 10 and "unexpected" not in error


@pytest.mark.parametrize("name", KEEPS_TEXT, ids=KEEPS_TEXT)
def test_damaged_pages_keep_their_text(name: str, records: dict[str, dict[str, object]]) -> None:
    text = str(records[name]["text"])
    assert "Nguyễn Văn Chương" in text or "98,5%" in text, text[:300]


@pytest.mark.parametrize(("name", "word"), [
    ("tcvn3.txt", "TCVN3"), ("tcvn3.html", "TCVN3"), ("vni.txt", "VNI"), ("vni.html", "VNI"),
    ("mojibake-utf8-read-as-cp1252.txt", "UTF-8"), ("charset-latin1-but-utf8.html", "UTF-8"),
    ("invalid-utf8.html", "UTF-8"), ("nested-10000.html", "nested"),
])
def test_repairs_are_reported_as_warnings(name: str, word: str, records: dict[str, dict[str, object]]) -> None:
    assert any(word in w for w in records[name]["warnings"])  # type: ignore[attr-defined]


# Every file, the figure-dense ones included: POS tagging has a per-article budget and
# statistics/personnel work is capped per article (Options.max_statistics, max_personnel_chars).
TIMED = sorted(EXPECTED)


@pytest.mark.parametrize("name", TIMED)
def test_each_file_within_time_and_memory_bounds(name: str, hostile: Path, tmp_path: Path) -> None:
    """One batch run per file, killed after the per-file bound; children's peak memory under 1 GB."""
    command = [sys.executable, "-m", "vnnews_extract", "run", str(hostile / name), "-o", str(tmp_path / "o.jsonl"),
               "--workers", "1", "-q"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=PER_FILE_SECONDS + STARTUP_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: no result within {PER_FILE_SECONDS} s")
    # 0: an article, 1: an error record for the file; never a crash of the command (2, 3, a signal)
    assert done.returncode in (0, 1) and b"Traceback" not in done.stderr, done.stderr[-2000:]
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8").count("\n") >= 1
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    assert peak < MAX_RSS_BYTES


# ---------------------------------------------------------------- limits


def test_input_size_limit_is_configurable_and_clear() -> None:
    from vnnews_extract import InputError, Options

    page = (FILES / "tcvn3.txt").read_bytes()
    with pytest.raises(InputError, match=r"input too large: \d+ bytes \(limit max_input_bytes=100\)"):
        extract(page, options=Options(max_input_bytes=100))
    with pytest.raises(InputError, match="input too large"):
        extract(page.decode("latin-1"), options=Options(max_input_bytes=100))
    assert extract(page, options=Options(max_input_bytes=len(page))).text


def test_text_size_limit_is_configurable_and_clear() -> None:
    from vnnews_extract import InputError, Options

    text = "Tiêu đề\n" + "Một câu dài có 98,5% số liệu. " * 100
    with pytest.raises(InputError, match=r"text too long: \d+ characters after cleaning \(limit max_text_chars=500\)"):
        extract(text, options=Options(max_text_chars=500))


def test_sentences_are_bounded_by_options() -> None:
    from vnnews_extract import Options, analyse, clean

    text = "Tiêu đề\n" + " ".join(["ông Nguyễn Văn An giữ chức Giám đốc Sở"] * 400)
    doc, _ = analyse(clean(text), Options(max_sentence_chars=300))
    assert doc.sentences and max(s.end - s.start for s in doc.sentences) <= 300
    covered = "".join(doc.text[s.start : s.end] for s in doc.sentences).replace(" ", "")
    assert covered == doc.text.replace(" ", "").replace("\n", "")


def test_recursion_error_in_cleaner_becomes_clean_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from vnnews_extract import CleanError

    def deep(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(sys.modules["vnnews_extract.clean.page"], "html_page", deep)
    with pytest.raises(CleanError, match="recursion"):
        extract("<html><body><p>Xin chào</p></body></html>")


# ---------------------------------------------------------------- no side effects


def _forbid(*args: object, **kwargs: object) -> None:
    raise AssertionError(f"side effect attempted: {args!r:.200}")


def test_pipeline_opens_no_socket_and_evaluates_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (FILES / "side-effect-urls.html").read_bytes()
    extract(page)  # warm: lazy imports (bs4, lexicons) happen before the traps are set
    for target in ("socket.socket", "socket.create_connection", "socket.getaddrinfo", "urllib.request.urlopen",
                   "subprocess.Popen", "os.system", "os.popen", "builtins.eval", "builtins.exec", "builtins.compile",
                   "builtins.open"):
        monkeypatch.setattr(target, _forbid)
    assert socket.socket is _forbid and builtins.eval is _forbid  # the traps are armed while extract runs
    with pytest.raises(AssertionError, match="side effect attempted"):
        socket.create_connection(("127.0.0.1", 9))
    article = extract(page)
    monkeypatch.undo()
    assert "{{7*7}}" in article.text and "__import__('os')" in article.text and "49" not in article.text
    assert "http://127.0.0.1" not in article.text


@pytest.mark.parametrize("name", sorted(p.name for p in FILES.iterdir()))
def test_only_library_errors_escape_on_the_small_corpus(name: str) -> None:
    """Each file gives an article or a library error (VnnewsError), never another exception."""
    try:
        article = extract((FILES / name).read_bytes())
    except VnnewsError as exc:
        assert str(exc)  # a clear message
    else:
        assert isinstance(article.text, str) and all(0 <= b.start <= b.end <= len(article.text) for b in article.blocks)
