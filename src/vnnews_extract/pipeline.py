"""Composes the stages: clean -> normalise -> segment -> extract. No logic of its own."""

from __future__ import annotations

import hashlib

from .clean import clean
from .document import build_document
from .errors import InputError
from .extract.personnel import extract_personnel
from .extract.statistics import extract_statistics
from .model import CleanedArticle, Document
from .options import DEFAULT_OPTIONS, Options
from .records import Article, Block
from .segment import segment


def article_id(url: str | None, text: str) -> str:
    """Stable id: the URL when there is one, else a hash of the normalised text."""
    if url:
        return url
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def analyse(cleaned: CleanedArticle, options: Options = DEFAULT_OPTIONS) -> tuple[Document, Article]:
    """Normalise, segment and extract from an already cleaned article."""
    doc = segment(build_document(cleaned), tokens=options.tokens)
    if len(doc.text) > options.max_text_chars:
        raise InputError(f"text too long: {len(doc.text)} characters (limit {options.max_text_chars})")
    blocks = [Block(kind=s.label, start=s.start, end=s.end) for s in doc.blocks]  # type: ignore[arg-type]
    first = {b.kind: doc.text[b.start : b.end] for b in reversed(blocks)}
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
        statistics=list(extract_statistics(doc)) if options.statistics else [],
        people=(personnel := extract_personnel(doc) if options.personnel else ([], []))[0],
        events=personnel[1],
        warnings=list(cleaned.warnings),
    )
    return doc, article


def extract(source: str | bytes, *, url: str | None = None, options: Options = DEFAULT_OPTIONS) -> Article:
    """Extract an Article from an HTML page or a plain text (str or bytes)."""
    if isinstance(source, bytes) and len(source) > options.max_input_bytes:
        raise InputError(f"input too large: {len(source)} bytes (limit {options.max_input_bytes})")
    if isinstance(source, str) and len(source) > options.max_input_bytes:
        raise InputError(f"input too large: {len(source)} characters (limit {options.max_input_bytes})")
    return analyse(clean(source, url=url), options)[1]
