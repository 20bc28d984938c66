"""Options from a mapping or a config file (TOML or JSON): every key an Options field, every value
checked, so a typo or a wrong kind of value is an error that names it, never silently ignored.

    # vnnews.toml                              // vnnews.json
    statistics = true                          {"people": false, "max_statistics": 200}
    events = false
    max_statistics = 200

Limits are whole numbers of at least 0 (``max_input_bytes`` and ``max_sentence_chars`` at least 1:
at 0 every input would be refused, and a sentence never cut); switches are true or false.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

from .errors import ConfigError
from .options import DEFAULT_OPTIONS, Options

MINIMUM = {"max_input_bytes": 1, "max_sentence_chars": 1}  # other limits: 0


def option_kinds() -> dict[str, type]:
    """Every field of :class:`Options` and the kind of its value (``bool`` or ``int``)."""
    return {f.name: type(getattr(DEFAULT_OPTIONS, f.name)) for f in dataclasses.fields(Options)}


def options_from_mapping(mapping: Mapping[str, object], base: Options = DEFAULT_OPTIONS) -> Options:
    """``base`` with the fields of ``mapping`` set; ConfigError on an unknown key or a bad value.

    >>> options_from_mapping({"tokens": True, "max_statistics": 5}).max_statistics
    5
    >>> options_from_mapping({"max_stats": 5})
    Traceback (most recent call last):
    ...
    vnnews_extract.errors.ConfigError: unknown option 'max_stats' (did you mean max_statistics?)
    """
    kinds = option_kinds()
    for key in mapping:
        if key not in kinds:
            close = difflib.get_close_matches(str(key), kinds, n=1)
            hint = f"did you mean {close[0]}?" if close else f"known: {', '.join(kinds)}"
            raise ConfigError(f"unknown option {key!r} ({hint})", key=str(key), problem=f"is not an option ({hint})")
    changes: dict[str, Any] = {key: _checked(key, value, kinds[key]) for key, value in mapping.items()}
    return dataclasses.replace(base, **changes)


def _checked(key: str, value: object, kind: type) -> object:
    if kind is bool:
        if not isinstance(value, bool):
            _bad(key, f"must be true or false, not {value!r}")
        return value
    minimum = MINIMUM.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        _bad(key, f"must be a whole number of at least {minimum}, not {value!r}")
    return value


def _bad(key: str, problem: str) -> NoReturn:
    raise ConfigError(f"{key} {problem}", key=key, problem=problem)


def read_config(path: str | Path, base: Options = DEFAULT_OPTIONS) -> Options:
    """``base`` with the fields a TOML or JSON file sets (by suffix; otherwise JSON when it starts
    with ``{``, else TOML). ConfigError, naming the file, when it cannot be read or is wrong."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the config {path}: {exc}") from exc
    data = _parsed(str(path), text)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping of option names to values, not a {type(data).__name__}")
    try:
        return options_from_mapping(data, base)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}", key=exc.key, problem=exc.problem) from exc


def _parsed(path: str, text: str) -> object:
    as_json = path.lower().endswith(".json") or (not path.lower().endswith(".toml") and text.lstrip().startswith("{"))
    try:
        return json.loads(text) if as_json else tomllib.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and TOMLDecodeError are ValueErrors
        raise ConfigError(f"{path}: not valid {'JSON' if as_json else 'TOML'}: {exc}") from exc
