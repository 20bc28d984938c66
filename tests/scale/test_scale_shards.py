"""Shards without an engine: --shard K/N slices, the plan that cuts a large JSONL file, stable
names, and JSONL shards written by process_shard. Needs no extra."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from batch_helpers import write_jsonl
from scale_helpers import mixed_inputs, records, short_lines
from vnnews_extract.batch.cli import main
from vnnews_extract.batch.inputs import items_of
from vnnews_extract.batch.shards import Shard, plan, process_shard, shard_items


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mixed_inputs(tmp_path_factory.mktemp("inputs"))


def test_shard_slices_partition_the_inputs(inputs: Path, tmp_path: Path) -> None:
    assert main(["run", str(inputs), "-o", str(tmp_path / "all.jsonl"), "-w", "1", "-q"]) == 1
    whole = records(tmp_path / "all.jsonl")
    parts = []
    for k in (1, 2, 3):
        status = main(["run", str(inputs), "-o", str(tmp_path / f"{k}.jsonl"), "--shard", f"{k}/3", "-w", "1", "-q"])
        assert status in (0, 1)
        parts.append(records(tmp_path / f"{k}.jsonl"))
    assert sum(len(p) for p in parts) == len(whole)
    assert {key: value for p in parts for key, value in p.items()} == whole
    # ids are absolute temporary paths, so which slice is empty differs between runs: a slice may
    # be empty by chance (about 1 run in 200), but two of 16 inputs' slices empty would be a bug
    assert sum(1 for p in parts if p) >= 2


@pytest.mark.parametrize("bad", ["0/3", "4/3", "3", "a/b", "1/0"])
def test_a_bad_shard_is_bad_usage(inputs: Path, bad: str) -> None:
    assert main(["run", str(inputs), "--shard", bad, "-q"]) == 2


def test_plan_cuts_only_uncompressed_jsonl_and_the_pieces_hold_the_lines(tmp_path: Path) -> None:
    lines = [*short_lines(7), "", "{bad", *short_lines(3)]
    plain = write_jsonl(tmp_path / "a.jsonl", lines)
    packed = tmp_path / "b.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    shards = plan([str(plain), str(packed)], shard_lines=4)
    assert [(s.first, s.lines) for s in shards] == [(1, 4), (5, 4), (9, None), (1, None)]
    pieces = [item for shard in shards[:3] for item in shard_items(shard, 1 << 20)]
    whole = list(items_of([str(plain)], 1 << 20))
    assert pieces == whole and len(whole) == 11


def test_a_file_of_fewer_lines_than_a_shard_is_one_shard(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", short_lines(3))
    assert plan([str(path)], shard_lines=3) == [Shard(str(path))]


def test_shard_names_are_stable_distinct_and_readable(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl-0001.jsonl", short_lines(9))
    names = [s.name for s in plan([str(path)], shard_lines=3)]
    assert names == [s.name for s in plan([str(tmp_path / "." / "crawl-0001.jsonl")], shard_lines=3)]
    assert len(set(names)) == 3 and names[1].startswith("crawl-0001-L4-")
    slices = [plan([str(path)], shard_lines=3, part=(k, 2)) for k in (1, 2)]
    assert sorted(s.name for part in slices for s in part) == sorted(names)


def test_jsonl_shards_hold_the_records_of_a_jsonl_run(inputs: Path, tmp_path: Path) -> None:
    assert main(["run", str(inputs), "-o", str(tmp_path / "all.jsonl"), "-w", "1", "-q"]) == 1
    for shard in plan([str(p) for p in sorted(inputs.rglob("*.*"))], shard_lines=4):
        assert not process_shard(shard, str(tmp_path / "out"), fmt="jsonl").skipped
    assert records(tmp_path / "out") == records(tmp_path / "all.jsonl")
    assert process_shard(str(inputs / "lines.jsonl"), str(tmp_path / "out2"), fmt="jsonl").counts["failures"] == 1
