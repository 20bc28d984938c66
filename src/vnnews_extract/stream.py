"""``extract_many``: many sources -> one record each, in order, through the batch's worker pool.

The library's form of ``vnnews-extract run`` (in the style of spaCy's ``nlp.pipe``): the same
worker processes (:mod:`vnnews_extract.batch.pool`), the same bound on the inputs in flight
(``IN_FLIGHT_PER_WORKER`` per worker), the same records. Sources are read lazily, so a generator
of a million pages is fine; memory holds the inputs in flight, not the stream.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Union

from .batch.inputs import InputItem, input_id, kind_of, object_item
from .batch.run import run_batch
from .options import DEFAULT_OPTIONS, Options
from .records import Article, ErrorRecord

Source = Union[bytes, str, "os.PathLike[str]", Mapping[str, Any]]
_CONTAINERS = ("jsonl", "warc")


def extract_many(
    sources: Iterable[Source], *, workers: int = 1, options: Options | None = None
) -> Iterator[Article | ErrorRecord]:
    """One :class:`Article` or :class:`ErrorRecord` per source, in the order of ``sources``.

    A source is the page or text itself (``bytes`` or ``str``, as for :func:`extract`), a path
    (``pathlib.Path``: one page or text file, ``.gz`` read through), or a dict like a JSONL input
    line (``{"html"|"text": ..., "url": ..., "id": ..., "published": ...}``; a given ``id`` becomes the article's,
    a given ``published`` its publication date).
    A source that fails (unreadable, empty, too large, of another type) yields an ErrorRecord in
    its place, just as ``run`` writes one; its ``input`` is the path, or ``sources[i]`` (``i``
    counted from 0). ``workers > 1`` runs that many processes; the results are the same.

    Stopping early (``break``, closing the iterator) stops the worker processes.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    items = (source_item(index, source) for index, source in enumerate(sources))
    results = run_batch(items, workers=workers, options=options or DEFAULT_OPTIONS)
    try:
        for result in results:
            yield to_record(result.record)
    finally:
        close = getattr(results, "close", None)  # a generator: closing it stops the workers now
        if close is not None:
            close()


def source_item(index: int, source: object) -> InputItem:
    """The batch input for one source (an error item for what cannot be one)."""
    where = f"sources[{index}]"
    if isinstance(source, (bytes, str)):
        return InputItem(where, data=source)
    if isinstance(source, os.PathLike):
        return _path_item(os.fspath(source), where)
    if isinstance(source, Mapping):
        return object_item(source, where, "the dict")
    kind = type(source).__name__
    return InputItem(where, error=f"a source is bytes, str, a path or a dict, not {kind}")


def _path_item(path: str | bytes, where: str) -> InputItem:
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if kind_of(path) in _CONTAINERS:
        return InputItem(input_id(path), error=f"{path} holds many inputs: give its lines (or use vnnews-extract run)")
    return InputItem(input_id(path), path=path)


def to_record(record: dict[str, Any]) -> Article | ErrorRecord:
    """The typed record of a batch result (the JSON ``run`` writes)."""
    if "error" in record:
        return ErrorRecord.model_validate(record)
    return Article.model_validate({key: value for key, value in record.items() if key in Article.model_fields})
