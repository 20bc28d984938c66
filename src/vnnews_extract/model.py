"""Internal data types: the normalised text is the one coordinate system.

A ``Span`` is half-open and holds no copy of the text. A ``Document`` carries the normalised
article text and its layers (blocks, sentences, tokens); stages return new documents.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str = ""

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True, slots=True)
class CleanBlock:
    """A block of cleaned text and its kind (already normalised when its CleanedArticle says ``normalized``)."""

    kind: str  # title | lead | paragraph | caption | byline
    text: str


@dataclass(frozen=True, slots=True)
class CleanedArticle:
    """What the cleaner found on a page."""

    blocks: tuple[CleanBlock, ...]
    title: str | None = None
    lead: str | None = None
    source_prefix: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None
    site_name: str | None = None
    is_article: bool = True
    warnings: tuple[str, ...] = ()
    html: bool = False  # cleaned from an HTML page (a page flagged not an article keeps its text)
    normalized: bool = False  # every block's text already went through normalize_line (the cleaner's blocks do)


@dataclass(frozen=True, slots=True)
class Document:
    """The normalised text and its layers. ``words`` holds, for the sentences read word by word,
    their words labelled with underthesea's part-of-speech tag ("X" when untagged); ``tagged``
    lists the indices of those sentences."""

    text: str
    blocks: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Span, ...] = ()
    sentence_block: tuple[int, ...] = field(default=())  # block index of each sentence
    words: tuple[Span, ...] = ()
    tagged: tuple[int, ...] = ()
    published: str | None = None  # the article's publication date (ISO), when the page or the caller gives it

    def with_layers(self, **layers: object) -> "Document":
        return replace(self, **layers)  # type: ignore[arg-type]

    def words_in(self, start: int, end: int) -> tuple[Span, ...]:
        """The words of the ``words`` layer inside ``[start, end)``."""
        lo = bisect_left(self.words, start, key=lambda w: w.start)
        hi = bisect_left(self.words, end, key=lambda w: w.start)
        return tuple(w for w in self.words[lo:hi] if w.end <= end)
