"""Stage 2 glue: CleanedArticle -> Document whose text is the normalised blocks, one per line."""

from __future__ import annotations

from ..model import CleanedArticle, Document, Span
from .normalize import normalize_line

BLOCK_SEPARATOR = "\n"


def build_document(cleaned: CleanedArticle) -> Document:
    """Normalise every block (unless the cleaner already did) and lay them out in one text; block
    spans are offsets into it."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for block in cleaned.blocks:
        text = block.text if cleaned.normalized else normalize_line(block.text)
        if not text:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        spans.append(Span(pos, pos + len(text), block.kind))
        parts.append(text)
        pos += len(text)
    return Document(text="".join(parts), blocks=tuple(spans), published=cleaned.published)
