"""Searching a large case-insensitive alternation faster, with the same matches (``CaselessSearch``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import regex

from ..lexicons import alternation


class CaselessSearch:
    """A pattern each match of which opens with one of ``phrases`` in any case, searched faster with the
    same matches: the pattern is tried only where a phrase starts in the case-folded text, the places one
    scan of the text finds (kept for the text last searched). The standard library's engine on the folded
    phrases scans a text several times faster than ``regex`` scans it case-insensitively. Those places hold
    every place the pattern can match (``tests/extract/test_caseless_search.py``), so the first of them
    where the pattern matches is the match its own search finds. A text whose case folding changes its
    length (and a phrase list that does) is searched by the pattern itself. ``also``: a pattern (of the same
    engine, on the text as written) whose matches' starts are places to try too ("\\d": a figure's digits)."""

    def __init__(self, pattern: regex.Pattern[str], phrases: Iterable[str], also: regex.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self.also = also
        self.phrases = [str(p) for p in phrases]
        folded = [p.casefold() for p in self.phrases]
        self._starts_re: re.Pattern[str] | None = None
        if folded and all(len(f) == len(p) and f for f, p in zip(folded, self.phrases)):
            try:  # a zero-width look-ahead: every start is found, overlapping ones too
                self._starts_re = re.compile(rf"(?=(?:{alternation(folded)}))")
            except re.error:
                pass
        self._last: tuple[str, list[int] | None] = ("", None)

    def _starts(self, text: str) -> list[int] | None:
        last = self._last
        if last[0] is text:
            return last[1]
        folded = text.casefold()
        starts = None
        if self._starts_re is not None and len(folded) == len(text):
            starts = [m.start() for m in self._starts_re.finditer(folded)]
            if self.also is not None:
                starts = sorted({*starts, *(m.start() for m in self.also.finditer(text))})
        self._last = (text, starts)
        return starts

    def search(self, text: str, pos: int = 0, end: int | None = None) -> regex.Match[str] | None:
        """``pattern.search(text, pos, end)``."""
        end = len(text) if end is None else min(end, len(text))
        starts = self._starts(text)
        if starts is None:
            return self.pattern.search(text, pos, end)
        match = self.pattern.match
        for i in range(bisect_left(starts, pos), len(starts)):
            if starts[i] >= end:
                break
            m = match(text, starts[i], end)
            if m is not None:
                return m
        return None

    def finditer(self, text: str, pos: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
        """``pattern.finditer(text, pos, end)`` (its matches are never empty: each opens with a phrase)."""
        while (m := self.search(text, pos, end)) is not None:
            yield m
            pos = m.end()
