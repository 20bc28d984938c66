"""Stage 1 for plain text: a page saved as text -> CleanedArticle.

Line 1 is the headline; paragraphs are separated by line breaks. Navigation leftovers
("Bài trước…", "Tin liên quan" and the list under it, share and footer lines) are dropped;
a paragraph that describes a photo (position cue or photo credit) is a caption; a short
opening paragraph is the lead; a short name-like last line is the byline.
"""

from __future__ import annotations


from .boilerplate import boilerplate_kind, looks_like_caption
from .html import MAX_BYLINE_WORDS, split_source_prefix
from .dates import is_date_line, parse_visible_date
from ..errors import InputError
from ..model import CleanBlock, CleanedArticle
from ..text.normalize import normalize_line

LEAD_MAX_WORDS = 80


def _paragraphs(text: str) -> list[str]:
    lines = [normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [line for line in lines if line]


def _drop_boilerplate(lines: list[str]) -> list[str]:
    out: list[str] = []
    in_section = False
    for line in lines:
        kind = boilerplate_kind(line, normalized=True)
        if kind == "section":
            in_section = True
            continue
        if kind:
            continue
        if in_section and len(line.split()) <= 25 and not line.endswith("."):
            continue
        in_section = False
        out.append(line)
    return out


def _is_byline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_BYLINE_WORDS
        and not line.endswith((".", ":", "?", "!", ";", ","))
        and all(w[0].isupper() or not w[0].isalpha() for w in words)
    )


def clean_text(text: str, url: str | None = None) -> CleanedArticle:
    """Clean a plain-text page."""
    lines = _drop_boilerplate(_paragraphs(text))
    if not lines:
        raise InputError("empty text")
    title, rest = lines[0], lines[1:]
    published = None
    if rest and is_date_line(rest[0]):
        published = parse_visible_date(rest.pop(0))
    blocks: list[CleanBlock] = [CleanBlock("title", title)]
    lead = source_prefix = byline = None
    if rest and _is_byline(rest[-1]) and len(rest) > 1:
        byline = rest.pop()
    for index, para in enumerate(rest):
        if looks_like_caption(para):
            blocks.append(CleanBlock("caption", para))
        elif lead is None and index <= 1 and len(blocks) <= 2 and len(para.split()) <= LEAD_MAX_WORDS and len(rest) > 2:
            source_prefix, lead = split_source_prefix(para)
            blocks.append(CleanBlock("lead", lead))
        else:
            blocks.append(CleanBlock("paragraph", para))
    if byline:
        blocks.append(CleanBlock("byline", byline))
    body_words = sum(len(b.text.split()) for b in blocks if b.kind != "title")
    warnings = () if body_words >= 40 else ("very little body text",)
    return CleanedArticle(
        blocks=tuple(blocks),
        title=title,
        lead=lead,
        source_prefix=source_prefix,
        published=published,
        author=byline if byline and not byline.startswith("Theo ") else None,
        url=url,
        is_article=body_words >= 40,
        warnings=warnings,
        normalized=True,
    )
