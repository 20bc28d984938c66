"""Annotator's tool for the real-text gold (``corpus/real``). Imports nothing from the extractor.

    python corpus/real/annotate.py show ID            the article text, each line with its offset
    python corpus/real/annotate.py find ID 'snippet'  every offset where the snippet occurs
    python corpus/real/annotate.py check FILE...      validate gold files and fill in offsets

Offsets are code-point offsets into the article's ``text`` exactly as stored in
``../shared/realnews/articles.jsonl.gz`` (no normalisation). ``check`` locates each statistic's
``text`` in text order (the first occurrence at or after the previous statistic; ``at`` = an
approximate offset overrides that), each person's ``name`` (first occurrence, or ``at``) and each
event's ``evidence`` snippet (the words of the sentence that state the event), and writes
``start``/``end`` back into the file. It exits 1 and says why when something cannot be found or a
field has a value the conventions do not allow.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path(os.environ.get("VNNEWS_REALNEWS", HERE.parents[1] / ".." / "shared" / "realnews" / "articles.jsonl.gz"))
KINDS = {"percent", "count", "money", "measure", "ratio"}
COMPARATORS = {"eq", "gte", "gt", "lte", "lt", "approx"}
CHANGES = {None, "increase", "decrease"}
EVENT_TYPES = {
    "appointment", "reappointment", "transfer", "rotation", "secondment", "election", "approval",
    "dismissal", "resignation", "retirement", "discipline", "arrest",
}


@lru_cache(maxsize=1)
def articles() -> dict[str, dict]:
    with gzip.open(SOURCE, "rt", encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh)}


def show(article_id: str) -> None:
    row = articles()[article_id]
    print(f"# {article_id}  stratum={row['stratum']}  source={row['source']}")
    offset = 0
    for line in row["text"].split("\n"):
        print(f"[{offset:6d}] {line}")
        offset += len(line) + 1


def find(article_id: str, snippet: str) -> None:
    text = articles()[article_id]["text"]
    start = text.find(snippet)
    hits = []
    while start >= 0:
        hits.append(start)
        start = text.find(snippet, start + 1)
    print(hits or "not found")


def _locate(text: str, needle: str, after: int, at: int | None) -> int:
    hits = []
    pos = text.find(needle)
    while pos >= 0:
        hits.append(pos)
        pos = text.find(needle, pos + 1)
    if not hits:
        return -1
    if at is not None:
        return min(hits, key=lambda h: abs(h - at))
    later = [h for h in hits if h >= after]
    return later[0] if later else -1


def _check_stat(s: dict, where: str) -> list[str]:
    errors = []
    if s.get("kind") not in KINDS:
        errors.append(f"{where}: kind {s.get('kind')!r}")
    if not isinstance(s.get("value"), (int, float)):
        errors.append(f"{where}: value {s.get('value')!r} is not a number")
    if s.get("value_max") is not None and not isinstance(s["value_max"], (int, float)):
        errors.append(f"{where}: value_max {s['value_max']!r}")
    if s.get("comparator", "eq") not in COMPARATORS:
        errors.append(f"{where}: comparator {s.get('comparator')!r}")
    if s.get("change") not in CHANGES:
        errors.append(f"{where}: change {s.get('change')!r}")
    if not isinstance(s.get("unit"), str) or not s["unit"]:
        errors.append(f"{where}: unit {s.get('unit')!r}")
    period = s.get("period")
    if period is not None and (not isinstance(period, dict) or set(period) - {"start", "end"}):
        errors.append(f"{where}: period {period!r}")
    return errors


def check(path: Path) -> list[str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = articles()[gold["id"]]["text"]
    errors: list[str] = []
    after = 0
    for n, s in enumerate(gold.get("statistics", [])):
        where = f"{path.name} statistic {n} {s.get('text')!r}"
        errors += _check_stat(s, where)
        pos = _locate(text, s.get("text") or "\0", after, s.get("at"))
        if pos < 0:
            errors.append(f"{where}: text not found in order (give 'at' if it is out of order)")
            continue
        s["start"], s["end"] = pos, pos + len(s["text"])
        after = pos + 1
    for n, p in enumerate(gold.get("people", [])):
        pos = _locate(text, p.get("name") or "\0", 0, p.get("at"))
        if pos < 0:
            errors.append(f"{path.name} person {n} {p.get('name')!r}: name not found as written")
            continue
        p["start"], p["end"] = pos, pos + len(p["name"])
        if not isinstance(p.get("titles", []), list):
            errors.append(f"{path.name} person {n}: titles must be a list")
    for n, e in enumerate(gold.get("events", [])):
        where = f"{path.name} event {n}"
        if e.get("type") not in EVENT_TYPES:
            errors.append(f"{where}: type {e.get('type')!r}")
        pos = _locate(text, e.get("evidence") or "\0", 0, e.get("at"))
        if pos < 0:
            errors.append(f"{where}: evidence {e.get('evidence')!r} not found as written")
            continue
        e["start"], e["end"] = pos, pos + len(e["evidence"])
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return errors


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "show":
        show(argv[1])
        return 0
    if len(argv) == 3 and argv[0] == "find":
        find(argv[1], argv[2])
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        errors = [e for f in argv[1:] for e in check(Path(f))]
        print("\n".join(errors) if errors else f"ok: {len(argv) - 1} file(s)")
        return 1 if errors else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
