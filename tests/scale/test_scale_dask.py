"""The Dask engine on a LocalCluster of 2 worker processes: the same rows as one worker, every
record in a bag, a worker killed mid-run costs nothing, a rerun skips finished shards."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason="the Dask engine needs the dask extra: pip install '.[dask]'")
distributed = pytest.importorskip("distributed", reason="the Dask engine needs the dask extra: pip install '.[dask]'")
pytest.importorskip("pyarrow", reason="the Dask engine writes Parquet: pip install '.[dask]'")

from batch_helpers import write_jsonl  # noqa: E402
from scale_helpers import assert_same_tables, mixed_inputs, records, short_lines  # noqa: E402
from vnnews_extract import process_shard, read_tables  # noqa: E402
from vnnews_extract.batch.cli import main  # noqa: E402
from vnnews_extract.batch.outputs import ForeignOutputError  # noqa: E402
from vnnews_extract.dask import Settings, extract_bag, run, run_shards, shards_of  # noqa: E402

SHARD_LINES = 4


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = mixed_inputs(tmp_path_factory.mktemp("inputs"))
    write_jsonl(folder / "more.jsonl", short_lines(24))
    return folder


@pytest.fixture(scope="module")
def one_worker(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one") / "out.jsonl"
    assert main(["run", str(inputs), "-o", str(out), "--workers", "1", "-q"]) == 1
    return out


def test_dask_output_is_identical_to_one_worker(client: Any, inputs: Path, one_worker: Path, tmp_path: Path) -> None:
    counts = run([str(inputs)], str(tmp_path / "pq"), client, settings=Settings(shard_lines=SHARD_LINES))
    assert counts["shards"] == 14 and counts["skipped"] == 0 and counts["inputs"] == len(records(one_worker))
    assert_same_tables(read_tables(tmp_path / "pq"), read_tables(one_worker))
    run([str(inputs)], str(tmp_path / "js"), client, settings=Settings(fmt="jsonl", shard_lines=SHARD_LINES))
    assert records(tmp_path / "js") == records(one_worker)


def test_the_bag_holds_every_record_errors_included(client: Any, inputs: Path, one_worker: Path) -> None:
    found = extract_bag([str(inputs)], shard_lines=SHARD_LINES).compute()
    assert {r["input"]: r for r in found} == records(one_worker)
    assert len(found) == len(records(one_worker)) and any("error" in r for r in found)


def test_each_worker_loads_lexicons_and_underthesea_once_at_start(client: Any, inputs: Path, tmp_path: Path) -> None:
    run([str(inputs / "lines.jsonl")], str(tmp_path / "out"), client)
    warm = client.run(lambda dask_worker: getattr(dask_worker, "vnnews_extract_warm", False))
    assert list(warm.values()) == [True, True]


def test_a_rerun_after_a_stop_skips_finished_shards(client: Any, inputs: Path, one_worker: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shards = shards_of([str(inputs)], SHARD_LINES)
    for shard in shards[:5]:  # what a run stopped after five shards left
        process_shard(shard, str(out))
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    counts = run([str(inputs)], str(out), client, settings=Settings(shard_lines=SHARD_LINES))
    assert (counts["shards"], counts["skipped"]) == (14, 5)
    assert all(p.stat().st_mtime_ns == t for p, t in before.items())
    assert_same_tables(read_tables(out), read_tables(one_worker))
    with pytest.raises(ForeignOutputError, match="another --shard-size"):
        run([str(inputs)], str(out), client, settings=Settings(shard_lines=SHARD_LINES + 1))


def test_a_worker_killed_mid_run_is_retried_and_nothing_is_lost_or_doubled(client: Any, inputs: Path, one_worker: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shards = shards_of([str(inputs)], SHARD_LINES)
    pids = client.run(os.getpid)
    done, killed = [], False
    for finished in run_shards(shards, str(out), client, None, Settings()):
        done.append(finished.name)
        if not killed:
            os.kill(next(iter(pids.values())), signal.SIGKILL)  # a worker dies while others are pending
            killed = len(done) < len(shards)
    assert killed and sorted(done) == sorted(s.name for s in shards)
    client.wait_for_workers(2, timeout=120)
    assert set(client.run(os.getpid).values()) != set(pids.values())  # the nanny started a new worker
    tables = read_tables(out)
    assert tables["articles"]["input"].is_unique and tables["errors"]["input"].is_unique
    assert_same_tables(tables, read_tables(one_worker))
    manifests = {p.stem for p in (out / "_manifest").glob("*.json")}
    assert {p.stem for p in out.glob("*/*.parquet")} == manifests == {s.name for s in shards}  # no stray shard


def test_cli_dask_engine_on_a_scheduler_address(client: Any, inputs: Path, one_worker: Path, tmp_path: Path) -> None:
    address = client.scheduler.address
    args = ["run", str(inputs), "--engine", "dask", "--scheduler", address, "--format", "parquet", "-o", str(tmp_path / "out"), "-q"]
    assert main([*args, "--shard-size", str(SHARD_LINES)]) == 1
    assert_same_tables(read_tables(tmp_path / "out"), read_tables(one_worker))
    assert main(["run", str(inputs), "--engine", "dask", "--shard", "1/2", "-o", str(tmp_path / "x")]) == 2
