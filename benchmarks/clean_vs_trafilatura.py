"""Body F1 and median ms/page of our cleaner and of trafilatura over the same corpus pages.

    python benchmarks/clean_vs_trafilatura.py [corpus/] [--repeat N]

trafilatura is a dev-only extra (``pip install -e '.[bench]'``). Both outputs are scored the same
way as ``vnnews-extract eval clean``: bag-of-tokens precision/recall/F1 of the body text against
the gold paragraphs of article pages. Our body is the paragraph blocks; trafilatura's is its text
output (it has no block kinds, so its lead and captions count as body text: the gold lead and
captions are added to its gold so it is not penalised for them).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from vnnews_extract.clean import clean
from vnnews_extract.evaluate.metrics import PRF, token_prf


def ours(data: bytes) -> str:
    return "\n".join(b.text for b in clean(data).blocks if b.kind == "paragraph")


def theirs(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_comments=False, include_tables=True, favor_precision=False) or ""


def gold_body(gold: dict[str, object], with_extras: bool) -> list[str]:
    body = list(gold.get("paragraphs") or [])  # type: ignore[call-overload]
    if with_extras:
        body += [gold["lead"]] if gold.get("lead") else []
        body += list(gold.get("captions") or [])  # type: ignore[call-overload]
    return body


def run(name: str, fn: Callable[[bytes], str], pages: list[tuple[bytes, dict[str, object]]], repeat: int) -> None:
    total = PRF(0, 0, 0)
    times: list[float] = []
    for data, gold in pages:
        fn(data)  # warm caches (lexicons, regexes)
        for _ in range(repeat):
            start = time.perf_counter()
            text = fn(data)
            times.append((time.perf_counter() - start) * 1000)
        if gold.get("is_article", True):
            total = total + token_prf(text, gold_body(gold, name == "trafilatura"))
    print(
        f"{name:12s} body P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f}   "
        f"median {statistics.median(times):6.2f} ms/page   mean {statistics.mean(times):6.2f} ms/page"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(args.corpus) / "pages" if (Path(args.corpus) / "pages").is_dir() else Path(args.corpus)
    pages = [
        (p.read_bytes(), json.loads(p.with_name(p.name[:-5] + ".gold.json").read_text(encoding="utf-8")))
        for p in sorted(folder.glob("*.html"))
        if p.with_name(p.name[:-5] + ".gold.json").exists()
    ]
    print(f"{len(pages)} pages from {folder}, {args.repeat} timed runs each")
    run("vnnews", ours, pages, args.repeat)
    run("trafilatura", theirs, pages, args.repeat)


if __name__ == "__main__":
    main()
