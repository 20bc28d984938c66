"""End to end on real material: ms per stage, the ratios to trafilatura and to the assembled
pipeline, time per MB, and one worker against two.

    pip install ".[bench]" && python benchmarks/end_to_end_real.py [--texts 300] [--batch 400] [--repeat 5]

Material: the saved pages of ../shared/realpages and a fixed sample (seeded) of the published
articles of ../shared/realnews/articles.jsonl.gz. Prints, in one run:

a. milliseconds per stage (clean, normalise, segment, POS, statistics, people/events): the
   median over the pages and over the texts of each stage's CPU time, called as ``extract``
   calls them;
b. cleaning (``clean(bytes)``) against ``trafilatura.extract(bytes)`` on the pages;
c. ``extract`` against the assembled pipeline (``throughput.assembled``: trafilatura.extract
   for a page, then underthesea ``sent_tokenize``, and ``word_tokenize`` and ``ner`` on every
   sentence, plus a regex for numbers) on the pages and on the texts: medians, totals, ratios;
d. time per MB end to end from 0.1 to 10 MB: pages made of the real pages' bodies repeated (as in
   ``clean_real_pages.py``; for them also ``clean`` alone, the time per MB of HTML), and texts made of real articles joined (``max_text_chars`` raised
   so that 10 MB is read; the other limits as they are);
e. ``vnnews-extract run`` over ``--batch`` real texts written to a temporary folder, with 1 and 2
   workers: wall time (process start included), articles/s, CPU time of the command and its
   workers, the speedup measured and the one idle cores would give, the load average; and the
   same command over one text (what starting costs).

Times in a-d are CPU time of this process (``time.process_time``: other work on a shared machine
does not count), ours and theirs interleaved item by item, after a warm-up of both; e is wall
time, so it depends on what else the machine runs (the load average is printed with it).
Numbers only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clean_real_pages import SIZES_MB, big_page
from throughput import assembled

from vnnews_extract import extract
from vnnews_extract.clean import clean
from vnnews_extract.extract.personnel import extract_personnel
from vnnews_extract.extract.statistics import extract_statistics, find_figures
from vnnews_extract.options import DEFAULT_OPTIONS, Options
from vnnews_extract.text.document import build_document
from vnnews_extract.text.segment import segment, tag_sentences

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "realpages"
NEWS = ROOT.parent / "shared" / "realnews" / "articles.jsonl.gz"
STAGES = ("clean", "normalise", "segment", "POS", "statistics", "people/events")


def cpu_ms(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg())


def stage_ms(source: str | bytes, options: Options = DEFAULT_OPTIONS) -> dict[str, float]:
    """CPU ms of each stage of ``extract(source)``, the stage functions called as ``pipeline.analyse`` calls them."""
    out: dict[str, float] = {}
    last = time.process_time()

    def lap(stage: str) -> None:
        nonlocal last
        now = time.process_time()
        out[stage] = out.get(stage, 0.0) + (now - last) * 1000
        last = now

    cleaned = clean(source)
    lap("clean")
    doc = build_document(cleaned)
    lap("normalise")
    doc = segment(doc, tokens=options.tokens, max_sentence_chars=options.max_sentence_chars)
    lap("segment")
    if cleaned.is_article or not cleaned.html:
        found = find_figures(doc, options.max_number_candidates)
        lap("statistics")
        tagged, _ = tag_sentences(doc, found.by_sentence, options.pos_budget_chars, (options.pos_window_before, options.pos_window_after))
        lap("POS")
        list(islice(extract_statistics(tagged, found), options.max_statistics + 1))
        lap("statistics")
        keep = sum(1 for s in doc.sentences if s.end <= options.max_personnel_chars)
        extract_personnel(doc.with_layers(sentences=doc.sentences[:keep], sentence_block=doc.sentence_block[:keep]))
        lap("people/events")
    return out


def report_stages(label: str, sources: list[str] | list[bytes]) -> None:
    per_stage: dict[str, list[float]] = {stage: [] for stage in STAGES}
    totals = []
    for source in sources:
        ms = stage_ms(source)
        for stage in STAGES:
            per_stage[stage].append(ms.get(stage, 0.0))
        totals.append(sum(ms.values()))
    whole = sum(totals)
    print(f"  {label} ({len(sources)}): " + ", ".join(
        f"{stage} {statistics.median(values):.2f} ({100 * sum(values) / whole:.0f}%)" for stage, values in per_stage.items()
    ) + f"; median of the sum {statistics.median(totals):.2f} ms")


def versus(label: str, sources: list[tuple[bytes, bool]], repeat: int, ours: Callable[[bytes, bool], object],
           theirs: Callable[[bytes, bool], object], target: str) -> None:
    """Each source ``repeat`` times, ours then theirs; medians per source, then over the sources."""
    ours_ms, theirs_ms = [], []
    for data, is_html in sources:
        o: list[float] = []
        t: list[float] = []
        for _ in range(repeat):
            o.append(cpu_ms(lambda: ours(data, is_html)))  # noqa: B023
            t.append(cpu_ms(lambda: theirs(data, is_html)))  # noqa: B023
        ours_ms.append(statistics.median(o))
        theirs_ms.append(statistics.median(t))
    mo, mt = statistics.median(ours_ms), statistics.median(theirs_ms)
    so, st = sum(ours_ms), sum(theirs_ms)
    print(f"  {label} ({len(sources)}): ours median {mo:.1f} ms, theirs {mt:.1f} ms: {mt / mo:.1f}x; "
          f"totals {so / 1000:.2f} s vs {st / 1000:.2f} s: {st / so:.1f}x{target}")


def _ours_extract(data: bytes, is_html: bool) -> object:
    return extract(data if is_html else data.decode("utf-8"))


def _trafilatura(data: bytes, is_html: bool) -> object:
    import trafilatura

    return trafilatura.extract(data)


def per_mb(pages: list[tuple[str, bytes]], texts: list[str]) -> None:
    big = Options(max_text_chars=50_000_000)
    for kind in ("pages", "texts"):
        rates, clean_rates = [], []
        print(f"  {kind}:" if kind == "pages" else "  texts (real articles joined, one per line; max_text_chars raised):")
        for mb in SIZES_MB:
            size = int(mb * 1_000_000)
            data = big_page(pages, size) if kind == "pages" else _big_text(texts, size)
            source: str | bytes = data if kind == "pages" else data.decode("utf-8")
            runs = 7 if mb < 1 else (3 if mb < 10 else 2)  # small sizes take ms: more runs, their median steadier
            ms = statistics.median(cpu_ms(lambda: extract(source, options=big)) for _ in range(runs))  # noqa: B023
            article = extract(source, options=big)
            rates.append(ms / (len(data) / 1e6))
            cleaning = ""
            if kind == "pages":  # the HTML alone: clean(), the same page
                clean_rates.append(statistics.median(cpu_ms(lambda: clean(source)) for _ in range(runs)) / (len(data) / 1e6))  # noqa: B023
                cleaning = f", cleaning {clean_rates[-1]:.0f} ms/MB"
            print(f"    {len(data) / 1e6:6.2f} MB {ms:9.0f} ms {rates[-1]:8.0f} ms/MB   ({len(article.text):,} characters read, "
                  f"{len(article.statistics)} figures, {len(article.people)} people, {len(article.warnings)} warnings{cleaning})")
        print(f"    slowest / fastest ms/MB: {max(rates) / min(rates):.2f} end to end" + (
            f"; cleaning the HTML {max(clean_rates) / min(clean_rates):.2f}   (target 1.50 or less)" if clean_rates else ""))


def _big_text(texts: list[str], size: int) -> bytes:
    parts, total = [], 0
    while total < size:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        total += len(text.encode("utf-8")) + 1
    return "\n".join(parts).encode("utf-8")


def workers(texts: list[str], repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="vnnews-e2e-") as tmp:
        folder, one = Path(tmp) / "in", Path(tmp) / "one"
        folder.mkdir()
        one.mkdir()
        for i, text in enumerate(texts):
            (folder / f"t{i:05d}.txt").write_text(text, encoding="utf-8")
        (one / "t.txt").write_text(texts[0], encoding="utf-8")
        walls: dict[tuple[str, int], list[float]] = {}
        cpus: dict[tuple[str, int], list[float]] = {}
        loads = []
        for _ in range(repeat):
            for name, inputs, counts in (("one", one, (1,)), ("all", folder, (1, 2))):
                for n in counts:
                    wall, cpu = _run(inputs, Path(tmp) / "out.jsonl", n)
                    walls.setdefault((name, n), []).append(wall)
                    cpus.setdefault((name, n), []).append(cpu)
                    loads.append(os.getloadavg()[0])
        w = {key: statistics.median(values) for key, values in walls.items()}
        c = {key: statistics.median(values) for key, values in cpus.items()}
        start, work = c["one", 1], c["all", 1] - c["one", 1]
        print(f"  one text (start, imports, warm-up): {w['one', 1]:.1f} s wall, {start:.1f} s CPU")
        for n in (1, 2):
            print(f"  {n} worker(s): {w['all', n]:.1f} s wall (median of {repeat}), {len(texts) / w['all', n]:.1f} articles/s, "
                  f"{c['all', n]:.1f} s CPU in all processes")
        print(f"  2 workers / 1 worker: {w['all', 1] / w['all', 2]:.2f}x measured; {(start + work) / (start + work / 2):.2f}x "
              f"with 2 idle cores (start-up once, the rest of 1 worker's CPU time halved); "
              f"1-minute load average during the runs {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores")


def _run(inputs: Path, out: Path, workers: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process's children: the command and its workers) of one run."""
    out.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vnnews_extract", "run", str(inputs), "-o", str(out), "-w", str(workers), "-q"], check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def real_texts(n: int, seed: int) -> list[str]:
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line)["text"] for line in fh]
    return random.Random(seed).sample(rows, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=300, help="real texts sampled (default 300)")
    parser.add_argument("--batch", type=int, default=400, help="real texts for the workers run (default 400)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per page (default 5)")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    pages = [(p.name, p.read_bytes()) for p in sorted(PAGES.glob("*.html"))]
    texts = real_texts(max(args.texts, args.batch), args.seed)
    sample = texts[: args.texts]
    print(f"{len(pages)} real pages, {len(sample)} real texts (seed {args.seed}); {os.cpu_count()} cores, {load()}")
    for data in [pages[0][1], sample[0].encode("utf-8")]:  # warm: models, lexicons, regexes, imports
        extract(data), _trafilatura(data, True), assembled(data, True)

    print("\na. ms per stage, median over items (share of the total time in brackets):")
    report_stages("pages", [data for _, data in pages])
    report_stages("texts", sample)

    print("\nb. cleaning vs trafilatura.extract, real pages:")
    versus("pages", [(data, True) for _, data in pages], args.repeat, lambda d, h: clean(d), _trafilatura, "")

    print("\nc. end to end, extract() vs the assembled pipeline (trafilatura + underthesea sent/word/ner + regex):")
    versus("pages", [(data, True) for _, data in pages], args.repeat, _ours_extract, assembled, "   (target 12x)")
    versus("texts", [(t.encode("utf-8"), False) for t in sample], 1, _ours_extract, assembled, "   (target 15x)")
    print(f"  {load()}")

    print("\nd. time per MB end to end:")
    per_mb(pages, sample)

    print(f"\ne. vnnews-extract run over {args.batch} real texts, 1 vs 2 workers:")
    workers(texts[: args.batch], 3)
    print(f"\n{load()}")


if __name__ == "__main__":
    main()
