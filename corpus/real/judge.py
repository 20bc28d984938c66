"""Hand-judged samples of the extractors' output on real text, and the precision per rule.

    python corpus/real/judge.py sample people|events|statistics N [KIND N ...]
                                                                    draw N records (seeded) into judged/WHAT.json
    python corpus/real/judge.py show people|events|statistics [K...] each record with its sentence, for the judge
    python corpus/real/judge.py score people|events|statistics      precision overall and per rule

Records are drawn from the **dev pool** of ``split.json`` minus the articles annotated for dev gold
and agreement, so the sample is text the rules were not written against; the blind pool is never
read. ``sample`` runs ``extract`` over those articles (in id order), collects every record of the
kind (a person-title pair for ``people``: one title of one person), and keeps N of them chosen by
``random.Random(SEED)``. A file holds facts (article id, offsets, fields, rule), never the text;
offsets are into ``extract(text).text`` (the normalised text), which ``show`` prints from.
``VNNEWS_JUDGED`` names another folder (a later round: ``judged/round2``) and ``VNNEWS_JUDGE_SEED``
another seed, so a new round draws new records.

A judge fills ``verdict`` for each line, by ``../../shared/reference/conventions.md``:
``correct`` (every field right), ``partial`` (the fact is real but a field is wrong: named in
``wrong``), ``wrong`` (no such fact: not a person, not this title, no such event, not a
statistic), with a short ``note``. ``score`` prints strict precision (correct / judged) and lenient
precision ((correct + partial) / judged), overall and per rule: the record's rule, and for people
the title's rule; between them, precision counting as right a record wrong only in its actor or
date (what the gold files score for events).
"""

from __future__ import annotations

import gzip
import json
import os
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path(os.environ.get("VNNEWS_REALNEWS", HERE.parents[1] / ".." / "shared" / "realnews" / "articles.jsonl.gz"))
OUT = Path(os.environ.get("VNNEWS_JUDGED", HERE / "judged"))
SEED = int(os.environ.get("VNNEWS_JUDGE_SEED", "20261206"))
KINDS = ("people", "events", "statistics")
VERDICTS = ("correct", "partial", "wrong")


def _pool() -> list[str]:
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    annotated = set(split["dev"]) | set(split["agreement"]) | set(split["blind"])
    with gzip.open(SOURCE, "rt", encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh]
    blind = set(_blind_pool(ids))
    return sorted(i for i in ids if i not in blind and i not in annotated)


def _blind_pool(ids: list[str]) -> list[str]:
    sys.path.insert(0, str(HERE))
    from split import pool_of  # type: ignore[import-not-found]

    return [i for i in ids if pool_of(i) == "blind"]


def _texts() -> dict[str, str]:
    with gzip.open(SOURCE, "rt", encoding="utf-8") as fh:
        return {row["id"]: row["text"] for row in map(json.loads, fh)}


def _items(article_id: str, article: object, kind: str) -> list[dict]:
    items: list[dict] = []
    if kind == "people":
        for person in article.people:  # type: ignore[attr-defined]
            name_rule = person.evidence[0].rule if person.evidence else None
            for title in person.titles:
                ev = title.evidence or (person.evidence[0] if person.evidence else None)
                if ev is None:
                    continue
                items.append({"article": article_id, "start": ev.start, "end": ev.end, "name": person.name,
                              "role": title.role, "organization": title.organization,
                              "rule": title.evidence.rule if title.evidence else None, "name_rule": name_rule})
    elif kind == "events":
        for e in article.events:  # type: ignore[attr-defined]
            items.append({"article": article_id, "start": e.evidence.start, "end": e.evidence.end, "type": e.type,
                          "person": e.person, "role": e.role, "organization": e.organization, "actor": e.actor,
                          "date": e.date, "rule": e.evidence.rule,
                          "parts": {k: p.rule for k, p in e.parts.items()}})
    else:
        for s in article.statistics:  # type: ignore[attr-defined]
            items.append({"article": article_id, "start": s.evidence.start, "end": s.evidence.end, "kind": s.kind,
                          "value": s.value, "value_max": s.value_max, "unit": s.unit, "comparator": s.comparator,
                          "change": s.change, "subject": s.subject,
                          "period": s.period.model_dump() if s.period else None, "rule": s.evidence.rule,
                          "parts": {k: p.rule for k, p in s.parts.items()}})
    return items


def sample(wanted: dict[str, int]) -> list[Path]:
    """Draw ``wanted[kind]`` records of each kind, extracting the pool once."""
    from vnnews_extract import extract

    texts = _texts()
    pool = _pool()
    found: dict[str, list[dict]] = {kind: [] for kind in wanted}
    for article_id in pool:
        article = extract(texts[article_id])
        for kind in wanted:
            found[kind].extend(_items(article_id, article, kind))
    OUT.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, n in wanted.items():
        chosen = random.Random(SEED).sample(found[kind], min(n, len(found[kind])))
        chosen.sort(key=lambda x: (x["article"], x["start"]))
        path = OUT / f"{kind}.json"
        _save(path, [{"n": k, **item, "verdict": None, "wrong": [], "note": ""} for k, item in enumerate(chosen, 1)])
        print(f"{len(chosen)} of {len(found[kind])} {kind} records from {len(pool)} dev-pool articles -> {path}")
        paths.append(path)
    return paths


def _save(path: Path, items: list[dict]) -> None:
    """A JSON array with one record per line (a .json file: ``vnnews-extract run corpus/`` reads
    .jsonl files as inputs, and these are no articles)."""
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    path.write_text("[\n" + lines + "\n]\n", encoding="utf-8")


def _load(kind: str) -> list[dict]:
    return list(json.loads((OUT / f"{kind}.json").read_text(encoding="utf-8")))


def show(kind: str, which: list[int]) -> None:
    from vnnews_extract import extract

    texts = _texts()
    cache: dict[str, str] = {}
    for item in _load(kind):
        if which and item["n"] not in which:
            continue
        if item["article"] not in cache:
            cache[item["article"]] = extract(texts[item["article"]]).text
        text = cache[item["article"]]
        left = max(text.rfind("\n", 0, item["start"]), text.rfind(". ", 0, item["start"] - 1) + 1, item["start"] - 400)
        right_end = [p for p in (text.find("\n", item["end"]), text.find(". ", item["end"])) if p >= 0]
        right = min([*right_end, item["end"] + 400, len(text)])
        fields = {k: v for k, v in item.items() if k not in ("n", "article", "start", "end", "verdict", "wrong", "note", "parts")}
        print(f"#{item['n']} {item['article']} [{item['start']}:{item['end']}] evidence={text[item['start']:item['end']]!r}")
        print(f"   {json.dumps(fields, ensure_ascii=False)}")
        print(f"   ...{text[left:right].strip()}...")
        print()


def score(kind: str) -> None:
    items = [i for i in _load(kind) if i.get("verdict") in VERDICTS]
    if not items:
        print(f"no judged {kind} records in {OUT / (kind + '.json')}")
        return
    by_rule: dict[str, list[str]] = defaultdict(list)
    for item in items:
        by_rule[str(item.get("rule"))].append(_verdict(item))
        if kind == "people" and item.get("name_rule"):
            by_rule[f"(name) {item['name_rule']}"].append(_verdict(item))
    print(f"{kind}: {len(items)} judged records")
    print(_line("all", [_verdict(i) for i in items], kind == "events"))
    wrong_fields: dict[str, int] = defaultdict(int)
    for item in items:
        for field in item.get("wrong") or []:
            wrong_fields[field] += 1
    for rule, verdicts in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(_line(rule, verdicts, kind == "events"))
    if wrong_fields:
        print("fields judged wrong in partial records: " + ", ".join(f"{k} {v}" for k, v in sorted(wrong_fields.items(), key=lambda kv: -kv[1])))


def _verdict(item: dict) -> str:
    """``core`` for a partial record whose only wrong fields are the actor and the date (an event
    right in type, person, role and organisation: what the gold scores)."""
    if item["verdict"] == "partial" and set(item.get("wrong") or []) <= {"actor", "date"}:
        return "core"
    return str(item["verdict"])


def _line(label: str, verdicts: list[str], events: bool = False) -> str:
    n = len(verdicts)
    strict = verdicts.count("correct") / n
    core = (verdicts.count("correct") + verdicts.count("core")) / n
    lenient = (verdicts.count("correct") + verdicts.count("core") + verdicts.count("partial")) / n
    middle = f"  without actor/date {core:.2f}" if events else ""
    return f"  {label:<45} n={n:<4} strict precision {strict:.2f}{middle}  lenient {lenient:.2f}"


def main(argv: list[str]) -> int:
    pairs = list(zip(argv[1::2], argv[2::2]))
    if argv[:1] == ["sample"] and len(argv) % 2 == 1 and pairs and all(k in KINDS and n.isdigit() for k, n in pairs):
        sample({kind: int(n) for kind, n in pairs})
        return 0
    if len(argv) >= 2 and argv[0] == "show" and argv[1] in KINDS:
        show(argv[1], [int(x) for x in argv[2:]])
        return 0
    if len(argv) == 2 and argv[0] == "score" and argv[1] in KINDS:
        score(argv[1])
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
