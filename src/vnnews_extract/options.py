"""Options: one frozen object holding every tunable of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    statistics: bool = True
    personnel: bool = True  # people and events (the extractor that finds both); False switches both off
    people: bool = True  # keep Article.people (with personnel)
    events: bool = True  # keep Article.events (with personnel)
    tokens: bool = False  # word tokens from underthesea (off by default: costs time, no record needs them)
    max_input_bytes: int = 20 * 1024 * 1024  # larger inputs are refused (InputError) before any work
    max_text_chars: int = 2_000_000  # cleaned text longer than this is refused (InputError) before analysis
    max_sentence_chars: int = 1000  # longer sentences are cut into chunks, so extractor work stays bounded
    max_statistics: int = 1000  # figures kept per article; past it the rest are skipped with a warning
    max_number_candidates: int = 20_000  # numbers examined per article, kept or not: bounds the work on number-dense text
    pos_budget_chars: int = 8_000  # characters of figure sentences POS-tagged per article; later ones read untagged, with a warning
    pos_window_before: int = 60  # POS-tag only this many characters before each figure (to a word boundary; 0 or less: the whole sentence)
    pos_window_after: int = 100  # and this many after it; the rest of the sentence is read as untagged words
    max_personnel_chars: int = 300_000  # text read for people and events; past it the rest is skipped with a warning
    carry_periods: bool = False  # give a figure whose sentence states no period the period stated last in its paragraph (off: real-text annotators leave it null)
    non_articles: bool = False  # also extract records from HTML pages flagged as not articles (their text is always kept)


DEFAULT_OPTIONS = Options()
