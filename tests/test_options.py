"""Options: the record-type switches, and Options read from a mapping or a config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from batch_helpers import SEED_HTML
from vnnews_extract import Options, extract
from vnnews_extract.config import options_from_mapping, read_config
from vnnews_extract.errors import ConfigError, VnnewsError

SWITCHED = [
    ("all", Options(), (True, True, True)),
    ("no-people", Options(people=False), (True, False, True)),
    ("no-events", Options(events=False), (True, True, False)),
    ("no-statistics", Options(statistics=False), (False, True, True)),
    ("personnel-off-wins", Options(personnel=False, people=True, events=True), (True, False, False)),
]


@pytest.fixture(scope="module")
def seed() -> bytes:
    return SEED_HTML.read_bytes()


@pytest.mark.parametrize(("options", "kept"), [(o, k) for _, o, k in SWITCHED], ids=[i for i, _, _ in SWITCHED])
def test_record_type_switches_keep_what_they_say(options: Options, kept: tuple[bool, bool, bool], seed: bytes) -> None:
    article = extract(seed, options=options)
    assert (bool(article.statistics), bool(article.people), bool(article.events)) == kept


def test_people_or_events_alone_are_those_of_the_full_run(seed: bytes) -> None:
    full = extract(seed)
    assert extract(seed, options=Options(events=False)).people == full.people
    assert extract(seed, options=Options(people=False)).events == full.events


def test_a_mapping_sets_only_the_fields_it_names() -> None:
    base = Options(max_statistics=7)
    assert options_from_mapping({"tokens": True}, base) == Options(max_statistics=7, tokens=True)
    assert options_from_mapping({}) == Options()


@pytest.mark.parametrize("name", ["vnnews.toml", "vnnews.json", "vnnews.conf"])
def test_a_config_file_is_toml_or_json(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text('{"events": false, "max_statistics": 9}' if name != "vnnews.toml" else "events = false\nmax_statistics = 9\n")
    assert read_config(path) == Options(events=False, max_statistics=9)


def test_config_errors_are_library_errors_naming_the_field(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        options_from_mapping({"max_statistics": True})
    assert isinstance(caught.value, VnnewsError) and isinstance(caught.value, ValueError)
    assert caught.value.key == "max_statistics" and "whole number" in caught.value.problem
