"""``vnnews-extract eval WHAT CORPUS``: score the pipeline against the corpus gold files.

Each scorer lives in its own module and returns an exit status (0 when the targets are met, 1
when not). A corpus with no gold for ``WHAT`` (a missing folder, a folder of other files) or
gold that cannot be read is exit status 2 with one line on stderr: never scores of nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .gold import GoldError

EXIT_NO_GOLD = 2


def run_eval(what: str, corpus: Path, *, quiet: bool = False) -> int:
    problem = missing_gold(what, corpus)
    if problem is not None:
        print(f"vnnews-extract eval {what}: {problem}", file=sys.stderr)
        return EXIT_NO_GOLD
    try:
        return _score(what, corpus, quiet)
    except BrokenPipeError:
        raise  # the reader of the scores stopped reading: the command ends quietly
    except GoldError as exc:  # a gold file that is not gold: the file and the field
        print(f"vnnews-extract eval {what}: {exc}"[:500], file=sys.stderr)
        return EXIT_NO_GOLD
    except (OSError, ValueError, KeyError, TypeError) as exc:  # unreadable or malformed gold
        print(f"vnnews-extract eval {what}: cannot read the gold of {corpus}: {type(exc).__name__}: {exc}"[:500], file=sys.stderr)
        return EXIT_NO_GOLD


def _score(what: str, corpus: Path, quiet: bool) -> int:
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


def missing_gold(what: str, corpus: Path) -> str | None:
    """Why ``corpus`` has nothing to score ``what`` against, or None when it has gold."""
    if not corpus.is_dir():
        return f"{corpus}: no such folder"
    try:
        found = _has_gold(what, corpus)
    except (OSError, ValueError) as exc:
        return f"cannot read the gold of {corpus}: {exc}"
    return None if found else f"no {what} gold files under {corpus} (see corpus/FORMAT.md)"


def _has_gold(what: str, corpus: Path) -> bool:
    from .realgold import is_real_gold

    if what == "agreement":
        return any((corpus / "agreement").glob("*.gold.json")) and any((corpus / "dev").glob("*.gold.json"))
    if what != "clean" and is_real_gold(corpus):
        return True
    if what == "clean":
        from .clean import gold_pages

        return bool(gold_pages(corpus))
    if what == "statistics":
        from .statistics import gold_texts

        return bool(gold_texts(corpus))
    from .personnel import gold_files

    return bool(gold_files(corpus))


__all__ = ["run_eval", "missing_gold"]
