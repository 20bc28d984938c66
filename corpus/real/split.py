"""Split ``../shared/realnews/articles.jsonl.gz`` into dev and blind pools, by id only.

The split was made once, before any article was read, and is reproducible from the ids:

* an article is in the **blind** pool when the first byte of sha256("vnnews-split-v1:" + id)
  is below 64 (a quarter of the ids), else in the **dev** pool;
* inside each pool and stratum, articles are ranked by sha256("vnnews-sample-v1:" + id) and the
  annotated sets take the first N of each stratum (numbers in ``QUOTAS``).

``python corpus/real/split.py`` rewrites ``split.json`` (same result every time).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parents[1] / ".." / "shared" / "realnews" / "articles.jsonl.gz"
QUOTAS = {
    "dev": {"personnel": 360, "figures": 173, "random": 8},
    "blind": {"personnel": 30, "figures": 24, "random": 6},
}
AGREEMENT = 10  # dev articles annotated twice (5 personnel, 5 figures)


def _h(salt: str, key: str) -> bytes:
    return hashlib.sha256(f"{salt}:{key}".encode()).digest()


def pool_of(article_id: str) -> str:
    return "blind" if _h("vnnews-split-v1", article_id)[0] < 64 else "dev"


def source_path() -> Path:
    return Path(os.environ.get("VNNEWS_REALNEWS", DEFAULT_SOURCE))


def main() -> int:
    strata: dict[tuple[str, str], list[str]] = {}
    with gzip.open(source_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            strata.setdefault((pool_of(row["id"]), row["stratum"]), []).append(row["id"])
    split: dict[str, object] = {}
    for pool, quota in QUOTAS.items():
        chosen: list[str] = []
        for stratum, n in quota.items():
            ids = sorted(strata[(pool, stratum)], key=lambda i: _h("vnnews-sample-v1", i))
            chosen += ids[:n]
        split[pool] = sorted(chosen)
        split[pool + "_pool_size"] = sum(len(v) for (p, _), v in strata.items() if p == pool)
    dev_by = {s: sorted(strata[("dev", s)], key=lambda i: _h("vnnews-sample-v1", i)) for s in ("personnel", "figures")}
    split["agreement"] = sorted(dev_by["personnel"][:5] + dev_by["figures"][:5])
    (HERE / "split.json").write_text(json.dumps(split, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print({k: (len(v) if isinstance(v, list) else v) for k, v in split.items()}, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
