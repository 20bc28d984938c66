"""``vnnews-extract eval WHAT CORPUS``: score the pipeline against the corpus gold files.

Each scorer lives in its own module and returns an exit status (0 when the targets are met).
"""

from __future__ import annotations

from pathlib import Path


def run_eval(what: str, corpus: Path, *, quiet: bool = False) -> int:
    if what == "agreement":
        from .realgold import evaluate_agreement

        return evaluate_agreement(corpus)
    if what == "clean":
        from .clean import evaluate_clean

        return evaluate_clean(corpus, quiet=quiet)
    if what == "statistics":
        from .statistics import evaluate_statistics

        return evaluate_statistics(corpus, quiet=quiet)
    from .personnel import evaluate_personnel

    return evaluate_personnel(corpus, what, quiet=quiet)
