"""``vnnews-extract eval clean CORPUS``: score the cleaner against ``pages/*.gold.json``.

Per page and overall: body token precision/recall/F1 (paragraph and caption-free body blocks
against the gold paragraphs), title exact match, date accuracy, caption recall, lead match, gold
boilerplate lines that leaked into any output block, and whether non-article pages are flagged.
Every text is compared after ``normalize_line`` (NFC, "hóa/ủy" tone style, single spaces).

Real pages (``realpages/``) are scored beside the project's own pages, against their own targets:
their gold files name the page they annotate (``"page": "../shared/realpages/<file>.html"``,
relative to the repository, the folder that holds ``corpus/``), which is read from there; when
that folder is absent they are reported as not found and not scored.

A page flagged as not an article keeps the text found on it (the flag informs), so the gold
boilerplate lines of a non-article page count as leaks only when the page is not flagged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..clean.page import clean
from ..errors import VnnewsError
from ..model import CleanedArticle
from ..text.normalize import normalize_line
from .metrics import PRF, token_prf

TARGETS = {
    "body_f1": 0.97,
    "min_page_f1": 0.90,
    "title_exact": 0.95,
    "date_accuracy": 0.95,
    "caption_recall": 0.95,
}
# Real pages (issue 16): every article kept with body F1 >= 0.95 and its captions, non-articles flagged.
REAL_TARGETS = {
    "min_page_f1": 0.95,
    "caption_recall": 1.0,
}


@dataclass
class PageScore:
    slug: str
    gold_article: bool
    flagged: bool = False
    body: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    title_ok: bool = False
    date_ok: bool = False
    lead_ok: bool = False
    captions_found: int = 0
    captions_total: int = 0
    leaked: list[str] = field(default_factory=list)
    error: str | None = None


def _norm(text: str | None) -> str:
    return normalize_line(text) if text else ""


def is_flagged(cleaned: CleanedArticle) -> bool:
    """A non-article page is flagged: ``is_article`` False, or no body with a warning."""
    body = [b for b in cleaned.blocks if b.kind in ("paragraph", "caption", "lead")]
    return not cleaned.is_article or (not body and bool(cleaned.warnings))


def leaked_lines(cleaned: CleanedArticle, lines: list[str]) -> list[str]:
    """Gold boilerplate lines found (whole words, same case) inside any output block."""
    blocks = [_norm(b.text) for b in cleaned.blocks]
    out = []
    for line in lines:
        needle = _norm(line)
        pattern = regex.compile(r"(?<!\w)" + regex.escape(needle) + r"(?!\w)")
        if needle and any(pattern.search(b) for b in blocks):
            out.append(line)
    return out


def score_page(cleaned: CleanedArticle, gold: dict[str, Any], slug: str) -> PageScore:
    score = PageScore(slug, bool(gold.get("is_article", True)), flagged=is_flagged(cleaned))
    paragraphs = [b.text for b in cleaned.blocks if b.kind == "paragraph"]
    score.body = token_prf(paragraphs, list(gold.get("paragraphs") or []))
    score.title_ok = _norm(cleaned.title) == _norm(gold.get("title"))
    score.date_ok = (cleaned.published or None) == (gold.get("published") or None)
    score.lead_ok = _norm(cleaned.lead) == _norm(gold.get("lead"))
    found = {_norm(b.text) for b in cleaned.blocks if b.kind == "caption"}
    gold_captions = [_norm(c) for c in gold.get("captions") or []]
    score.captions_total = len(gold_captions)
    score.captions_found = sum(1 for c in gold_captions if c in found)
    if score.gold_article or not score.flagged:
        score.leaked = leaked_lines(cleaned, list(gold.get("boilerplate") or []))
    return score


def score_file(html_path: Path, gold_path: Path | None = None) -> PageScore:
    gold_path = gold_path or html_path.with_name(html_path.name.removesuffix(".html") + ".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    slug = gold_path.name.removesuffix(".gold.json")
    try:
        cleaned = clean(html_path.read_bytes())
    except VnnewsError as exc:
        return PageScore(slug, bool(gold.get("is_article", True)), error=f"{type(exc).__name__}: {exc}")
    return score_page(cleaned, gold, slug)


def page_of(gold_path: Path) -> Path | None:
    """The page a gold file annotates: ``<slug>.html`` beside it, or its ``"page"`` path, looked up
    from the gold's folder and each folder above it (the repository root holds ``corpus/``)."""
    own = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".html")
    if own.exists():
        return own
    page = json.loads(gold_path.read_text(encoding="utf-8")).get("page")
    if not isinstance(page, str):
        return None
    for base in gold_path.resolve().parents:
        if (base / page).is_file():
            return (base / page).resolve()
    return None


def gold_files(folder: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """(page, gold) pairs of a folder, and the gold files whose page was not found."""
    found: list[tuple[Path, Path]] = []
    missing: list[Path] = []
    for gold in sorted(folder.glob("*.gold.json")):
        page = page_of(gold)
        if page is None:
            missing.append(gold)
        else:
            found.append((page, gold))
    return found, missing


def score_corpus(corpus: Path) -> list[PageScore]:
    """Score every page of ``corpus`` (the corpus root or its ``pages`` folder, or any folder of gold files)."""
    folder = corpus / "pages" if (corpus / "pages").is_dir() else corpus
    return [score_file(page, gold) for page, gold in gold_files(folder)[0]]


def real_pages_folder(corpus: Path) -> Path | None:
    """``corpus/realpages`` when ``corpus`` is a corpus root that has one."""
    folder = corpus / "realpages"
    return folder if (corpus / "pages").is_dir() and folder.is_dir() else None


def gold_pages(corpus: Path) -> list[Path]:
    """The pages of ``corpus`` (the corpus root, its ``pages`` folder or a folder of gold files) that have gold."""
    folder = corpus / "pages" if (corpus / "pages").is_dir() else corpus
    return [page for page, _ in gold_files(folder)[0]]


def summary(scores: list[PageScore]) -> dict[str, float]:
    """Overall numbers: the keys of ``TARGETS`` plus leaks, flags and lead match."""
    articles = [s for s in scores if s.gold_article]
    others = [s for s in scores if not s.gold_article]
    body = sum((s.body for s in articles), PRF(0, 0, 0))
    n = max(len(articles), 1)
    captions = sum(s.captions_total for s in articles)
    return {
        "body_precision": body.precision,
        "body_recall": body.recall,
        "body_f1": body.f1,
        "min_page_f1": min((s.body.f1 for s in articles), default=1.0),
        "title_exact": sum(s.title_ok for s in articles) / n,
        "date_accuracy": sum(s.date_ok for s in articles) / n,
        "caption_recall": sum(s.captions_found for s in articles) / captions if captions else 1.0,
        "lead_match": sum(s.lead_ok for s in articles) / n,
        "leaked": float(sum(len(s.leaked) for s in scores)),
        "nonarticles_flagged": sum(s.flagged for s in others) / max(len(others), 1),
        "articles_flagged": float(sum(s.flagged for s in articles)),
        "errors": float(sum(s.error is not None for s in scores)),
    }


def targets_met(overall: dict[str, float]) -> bool:
    return (
        all(overall[k] >= v for k, v in TARGETS.items())
        and overall["leaked"] == 0
        and overall["nonarticles_flagged"] == 1.0
        and overall["articles_flagged"] == 0
        and overall["errors"] == 0
    )


def real_targets_met(overall: dict[str, float]) -> bool:
    """Issue 16 on real pages: no article lost or flagged, each with body F1 >= 0.95 and its
    captions; every non-article flagged. Title, date, lead and leaks are reported, not targets."""
    return (
        all(overall[k] >= v for k, v in REAL_TARGETS.items())
        and overall["nonarticles_flagged"] == 1.0
        and overall["articles_flagged"] == 0
        and overall["errors"] == 0
    )


def _page_line(s: PageScore) -> str:
    if s.error:
        return f"{s.slug}: ERROR {s.error}"
    if not s.gold_article:
        return f"{s.slug}: non-article {'flagged' if s.flagged else 'NOT FLAGGED'}; leaked {len(s.leaked)} {s.leaked or ''}"
    marks = "".join(
        ("" if ok else f" {name}")
        for name, ok in (("TITLE", s.title_ok), ("DATE", s.date_ok), ("LEAD", s.lead_ok), ("FLAGGED", not s.flagged))
    )
    return (
        f"{s.slug}: P {s.body.precision:.3f} R {s.body.recall:.3f} F1 {s.body.f1:.3f}; "
        f"captions {s.captions_found}/{s.captions_total}; leaked {len(s.leaked)} {s.leaked or ''}{marks}"
    )


def _report(scores: list[PageScore], quiet: bool) -> dict[str, float]:
    if not quiet:
        for s in scores:
            print(_page_line(s))
    o = summary(scores)
    articles = sum(s.gold_article for s in scores)
    print(f"pages: {len(scores)} ({articles} articles, {len(scores) - articles} non-articles)")
    print(f"body: precision {o['body_precision']:.3f} recall {o['body_recall']:.3f} F1 {o['body_f1']:.3f} (min page F1 {o['min_page_f1']:.3f})")
    print(f"title exact {o['title_exact']:.3f}; date accuracy {o['date_accuracy']:.3f}; caption recall {o['caption_recall']:.3f}; lead match {o['lead_match']:.3f}")
    print(f"leaked boilerplate lines {o['leaked']:g}; non-articles flagged {o['nonarticles_flagged']:.3f}; "
          f"articles wrongly flagged {o['articles_flagged']:g}; errors {o['errors']:g}")
    return o


def _evaluate_real(folder: Path, quiet: bool) -> bool | None:
    """Score real pages; None when there are none to score."""
    found, missing = gold_files(folder)
    for gold in missing:
        print(f"{gold.name}: page not found ({json.loads(gold.read_text(encoding='utf-8')).get('page')}), not scored")
    if not found:
        return None
    met = real_targets_met(_report([score_file(page, gold) for page, gold in found], quiet))
    print("real-page targets met" if met else "real-page targets NOT met")
    return met


def evaluate_clean(corpus: Path, quiet: bool = False) -> int:
    """Print per-page and overall scores; 0 when every target is met (own pages: issue 3; real pages: issue 16)."""
    real = real_pages_folder(corpus)
    scores = score_corpus(corpus)
    if not scores and not gold_files(corpus)[1]:
        print(f"no pages with gold files under {corpus}")
        return 2
    if (corpus / "pages").is_dir() or not any("page" in json.loads(g.read_text(encoding="utf-8")) for g in corpus.glob("*.gold.json")):
        met = targets_met(_report(scores, quiet))
        print("targets met" if met else "targets NOT met")
    else:  # a folder of real-page gold files
        met = bool(_evaluate_real(corpus, quiet))
    if real is not None:
        print(f"\nreal pages ({real}):")
        met = _evaluate_real(real, quiet) is not False and met
    return 0 if met else 1
