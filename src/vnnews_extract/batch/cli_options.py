"""The extraction options on the command line: ``--config FILE``, ``--only``, ``--tokens`` and one
flag per limit of :class:`Options`.

The flags come from Options' fields (``max_text_chars`` -> ``--max-text-chars``), so a field added
there is a flag and a config key at once. What a run uses: Options' defaults, then what
``--config`` sets, then the flags given. The record-type switches are set by ``--only``.
"""

from __future__ import annotations

import argparse

from ..config import option_kinds, options_from_mapping, read_config
from ..errors import ConfigError
from ..options import DEFAULT_OPTIONS, Options

RECORD_TYPES = ("statistics", "people", "events")
SWITCHES = frozenset({"statistics", "personnel", "people", "events"})  # set by --only
FLAG_NAMES = {"max_input_bytes": "--max-bytes"}  # fields whose flag is not their name
HELP = {
    "tokens": "word tokens from underthesea (no record needs them; costs time)",
    "max_input_bytes": "largest input, after decompression",
    "max_text_chars": "longest cleaned text; longer is an error record",
    "max_sentence_chars": "longer sentences are cut into chunks",
    "max_statistics": "figures kept per article",
    "max_number_candidates": "numbers examined per article",
    "pos_budget_chars": "characters of figure sentences POS-tagged per article",
    "pos_window_before": "POS-tag this many characters before each figure (0: the whole sentence)",
    "pos_window_after": "POS-tag this many characters after each figure (0: the whole sentence)",
    "max_personnel_chars": "characters read for people and events",
    "carry_periods": "give a figure whose sentence states no period the one stated last in its paragraph",
}


def flag_of(field: str) -> str:
    """The command-line flag of an Options field.

    >>> flag_of("max_text_chars"), flag_of("max_input_bytes")
    ('--max-text-chars', '--max-bytes')
    """
    return FLAG_NAMES.get(field, "--" + field.replace("_", "-"))


def add_option_flags(parser: argparse.ArgumentParser) -> None:
    """``--config``, ``--only`` and a flag for every other field of Options."""
    group = parser.add_argument_group("extraction options", "a flag given wins over --config, which wins over the defaults")
    group.add_argument("--config", metavar="FILE", help="TOML or JSON file of Options fields, e.g. max_statistics = 200")
    group.add_argument("--only", type=record_types, metavar="TYPES",
                       help=f"record types to extract, comma-separated: {','.join(RECORD_TYPES)} (default all)")
    for field, kind in option_kinds().items():
        if field in SWITCHES:
            continue
        default = getattr(DEFAULT_OPTIONS, field)
        text = f"{HELP.get(field, f'Options.{field}')} (default {default})"
        if kind is bool:
            group.add_argument(flag_of(field), dest=field, action=argparse.BooleanOptionalAction, default=None, help=text)
        else:
            group.add_argument(flag_of(field), dest=field, type=int, metavar="N", help=text)


def record_types(text: str) -> frozenset[str]:
    """The value of ``--only``.

    >>> sorted(record_types("people, statistics"))
    ['people', 'statistics']
    """
    kinds = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(kinds - set(RECORD_TYPES))
    if unknown or not kinds:
        what = f"unknown record type {unknown[0]!r}" if unknown else "no record type"
        raise argparse.ArgumentTypeError(f"{what}: give some of {', '.join(RECORD_TYPES)}, comma-separated")
    return kinds


def options_from_args(args: argparse.Namespace) -> Options:
    """The Options a command runs with. ConfigError (a usage error) for a bad config or flag value."""
    base = read_config(args.config) if args.config else DEFAULT_OPTIONS
    given = {f: getattr(args, f) for f in option_kinds() if f not in SWITCHES and getattr(args, f, None) is not None}
    if args.only is not None:
        given.update({kind: kind in args.only for kind in RECORD_TYPES})
        given["personnel"] = bool({"people", "events"} & args.only)
    try:
        return options_from_mapping(given, base)
    except ConfigError as exc:
        raise ConfigError(f"{flag_of(exc.key or '')} {exc.problem}", key=exc.key, problem=exc.problem) from exc
