"""Options: one frozen object holding every tunable of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    statistics: bool = True
    personnel: bool = True
    tokens: bool = False  # word tokens from underthesea (off by default: costs time, no record needs them)
    max_input_bytes: int = 20 * 1024 * 1024
    max_text_chars: int = 2_000_000


DEFAULT_OPTIONS = Options()
