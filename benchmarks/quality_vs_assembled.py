"""Result quality of our pipeline against the pipeline a user would otherwise assemble.

    python benchmarks/quality_vs_assembled.py [corpus]

On the gold corpora (statistics and personnel, development and holdout sets) it prints, for
both pipelines, precision/recall/F1 of

- figures: a predicted figure matches a gold one on its value (the assembled pipeline has a
  regex for numbers, read with "." as thousands and "," as decimal mark, as ours does);
- person names: a predicted name matches a gold person's name (the assembled pipeline takes
  underthesea's ``ner`` PER spans of every sentence; we take ``Article.people``).

The assembled pipeline is the one timed in ``throughput.py``; this script only scores it. The gold
people are officials (people holding a title), so NER's names of private citizens count against
it: that is the task a user has, not a flaw of the NER model.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from vnnews_extract import extract
from vnnews_extract.evaluate.metrics import PRF
from vnnews_extract.text.normalize import normalize_line
from vnnews_extract.text.numbers import parse_number

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _prf(predicted: Counter, gold: Counter) -> PRF:
    tp = sum((predicted & gold).values())
    return PRF(tp, sum(predicted.values()) - tp, sum(gold.values()) - tp)


def _value(raw: str) -> float | None:
    try:
        return round(parse_number(raw), 4)
    except ValueError:
        return None


def figures(folder: Path) -> tuple[PRF, PRF]:
    ours, theirs = PRF(0, 0, 0), PRF(0, 0, 0)
    for gold_path in sorted(folder.glob("*.gold.json")):
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = Counter(round(float(s["value"]), 4) for s in json.loads(gold_path.read_text(encoding="utf-8"))["statistics"])
        article = extract(text)
        ours += _prf(Counter(round(s.value, 4) for s in article.statistics), gold)
        found = Counter(v for v in (_value(m.group(0)) for m in NUMBER.finditer(normalize_line(text))) if v is not None)
        theirs += _prf(found, gold)
    return ours, theirs


def names(folder: Path) -> tuple[PRF, PRF]:
    from underthesea import ner, sent_tokenize

    ours, theirs = PRF(0, 0, 0), PRF(0, 0, 0)
    for gold_path in sorted(folder.glob("*.gold.json")):
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = Counter({normalize_line(p["name"]): 1 for p in json.loads(gold_path.read_text(encoding="utf-8"))["people"]})
        article = extract(text)
        ours += _prf(Counter({normalize_line(p.name): 1 for p in article.people}), gold)
        found: Counter = Counter()
        for line in normalize_line(text.replace("\n", " . ")).split(" . "):
            for sentence in sent_tokenize(line):
                for name in _ner_names(ner(sentence)):
                    found[normalize_line(name)] = 1
        theirs += _prf(found, gold)
    return ours, theirs


def _ner_names(tagged: list[tuple[str, ...]]) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for token in tagged:
        word, label = token[0], token[-1]
        if label == "B-PER" or (label == "I-PER" and not current):
            if current:
                out.append(" ".join(current))
            current = [word]
        elif label == "I-PER":
            current.append(word)
        else:
            if current:
                out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus")
    for label, folder in (("dev", corpus / "statistics"), ("holdout", corpus / "holdout" / "statistics")):
        ours, theirs = figures(folder)
        print(f"figures  {label:8s} ours: {ours.line('P/R/F1')}")
        print(f"figures  {label:8s} assembled regex: {theirs.line('P/R/F1')}")
    for label, folder in (("dev", corpus / "personnel"), ("holdout", corpus / "holdout" / "personnel")):
        ours, theirs = names(folder)
        print(f"names    {label:8s} ours: {ours.line('P/R/F1')}")
        print(f"names    {label:8s} assembled ner: {theirs.line('P/R/F1')}")


if __name__ == "__main__":
    main()
