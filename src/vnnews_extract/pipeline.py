"""Composes the stages: clean -> normalise -> segment -> extract. No logic of its own."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from itertools import islice

from .clean.dates import parse_iso_date
from .clean.page import clean
from .text.document import build_document
from .errors import ExtractError, InputError
from .extract.personnel import extract_personnel
from .extract.statistics import extract_statistics, find_figures
from .model import CleanedArticle, Document
from .options import DEFAULT_OPTIONS, Options
from .records import Article, Block, Person, PersonnelEvent, Statistic
from .text.segment import segment, tag_sentences


def article_id(url: str | None, text: str) -> str:
    """Stable id: the URL when there is one, else a hash of the normalised text."""
    if url:
        return url
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def analyse(cleaned: CleanedArticle, options: Options = DEFAULT_OPTIONS) -> tuple[Document, Article]:
    """Normalise, segment and extract from an already cleaned article."""
    size = sum(len(block.text) for block in cleaned.blocks)
    if size > options.max_text_chars:
        raise InputError(f"text too long: {size} characters after cleaning (limit max_text_chars={options.max_text_chars})")
    doc = segment(build_document(cleaned), tokens=options.tokens, max_sentence_chars=options.max_sentence_chars)
    blocks = [Block(kind=s.label, start=s.start, end=s.end) for s in doc.blocks]  # type: ignore[arg-type]
    first = {b.kind: doc.text[b.start : b.end] for b in reversed(blocks)}
    warnings = list(cleaned.warnings)
    # an HTML page flagged as not an article keeps its text; records come from it only when asked
    records = cleaned.is_article or not cleaned.html or options.non_articles
    statistics = _statistics(doc, options, warnings) if options.statistics and records else []
    article = Article(
        id=article_id(cleaned.url, doc.text),
        url=cleaned.url,
        title=first.get("title"),
        lead=first.get("lead"),
        source_prefix=cleaned.source_prefix,
        published=cleaned.published,
        author=cleaned.author,
        site_name=cleaned.site_name,
        is_article=cleaned.is_article,
        blocks=blocks,
        text=doc.text,
        statistics=statistics,
        people=(personnel := _personnel(doc, options, warnings) if records else ([], []))[0],
        events=personnel[1],
        warnings=warnings,
    )
    return doc, article


def _personnel(doc: Document, options: Options, warnings: list[str]) -> tuple[list[Person], list[PersonnelEvent]]:
    """People and events of the sentences within the first ``options.max_personnel_chars`` characters
    (each kept only when ``options`` asks for it; nothing is read when neither is asked for)."""
    if not (options.personnel and (options.people or options.events)):
        return [], []
    keep = sum(1 for s in doc.sentences if s.end <= options.max_personnel_chars)
    if keep < len(doc.sentences):
        warnings.append(f"text past {options.max_personnel_chars} characters was not read for people and events (max_personnel_chars)")
        doc = doc.with_layers(sentences=doc.sentences[:keep], sentence_block=doc.sentence_block[:keep])
    people, events = extract_personnel(doc)
    return (people if options.people else []), (events if options.events else [])


def _statistics(doc: Document, options: Options, warnings: list[str]) -> list[Statistic]:
    """Figures found, their sentences tagged, records built: work bounded by the number candidates
    examined, the characters tagged and the figures kept."""
    found = find_figures(doc, options.max_number_candidates)
    if found.exhausted:
        warnings.append(f"more than {options.max_number_candidates} numbers: the rest of the text was not read for figures (max_number_candidates)")
    doc, untagged = tag_sentences(doc, found.by_sentence, options.pos_budget_chars, (options.pos_window_before, options.pos_window_after))
    if untagged:
        warnings.append(f"{untagged} characters of figure sentences past pos_budget_chars were read without word tags (subjects may be less precise)")
    kept = list(islice(extract_statistics(doc, found, options.carry_periods), options.max_statistics + 1))
    if len(kept) > options.max_statistics:
        warnings.append(f"more than {options.max_statistics} figures: the rest were not read (max_statistics)")
        kept = kept[: options.max_statistics]
    return kept


def extract(source: str | bytes, *, url: str | None = None, options: Options = DEFAULT_OPTIONS, published: str | None = None) -> Article:
    """Extract an Article from an HTML page or a plain text (str or bytes).

    ``published``: the article's publication date when the caller knows it ("2017-05-19",
    "2017-05-19T08:30:00+07:00"); it is the Article's ``published`` in place of one the page shows,
    and dates a day and month written without a year ("ngày 19/5") in events. One that cannot be
    read is left out with a warning."""
    unit = "bytes" if isinstance(source, bytes) else "characters"
    if len(source) > options.max_input_bytes:
        raise InputError(f"input too large: {len(source)} {unit} (limit max_input_bytes={options.max_input_bytes})")
    cleaned = clean(source, url=url)
    if published is not None:
        day = parse_iso_date(published)
        cleaned = (replace(cleaned, published=day) if day else
                   replace(cleaned, warnings=(*cleaned.warnings, f"publication date not understood: {published[:40]!r}")))
    try:
        return analyse(cleaned, options)[1]
    except RecursionError as exc:  # safety net: no input may crash the caller with a RecursionError
        raise ExtractError("input too deeply nested to analyse (recursion limit)") from exc
