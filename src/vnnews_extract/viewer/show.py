"""``vnnews-extract show INPUT|OUT.jsonl [--id ID] -o page.html|DIR``.

- A page or text file (``.html``, ``.htm``, ``.txt``): extracted, then one page to ``-o``.
- A JSONL written by ``run`` (lines with ``input`` and ``text`` or ``error``): its articles are
  shown as they are, not extracted again. Any other input (a folder, a JSONL of inputs, a WARC…)
  is extracted first, as ``run`` would.
- With ``--id ID`` (an article id or an input id): that one article, one page to ``-o``.
- What is extracted is extracted with the options of ``run`` (``--only``, the limits, ``--config``).
- Otherwise many articles: ``-o DIR`` gets ``index.html`` (per-article counts, links, errors) and
  one page per article, written as they come (memory does not grow with the batch).

Exit status: 0 every article shown, 1 some inputs were errors, 2 bad usage or nothing to show.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError

from ..batch.cli_options import add_option_flags, options_from_args
from ..batch.inputs import iter_items, kind_of
from ..batch.run import process
from ..errors import ConfigError
from ..options import Options
from ..records import Article
from .index import IndexRow, render_index
from .page import render

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
_UNSAFE = regex.compile(r"[^A-Za-z0-9]+")


def add_parser(sub: argparse._SubParsersAction, **kwargs: Any) -> None:  # type: ignore[type-arg]
    """The ``show`` command's parser; ``kwargs`` (help, description) go to ``add_parser``."""
    show = sub.add_parser("show", **({"help": "evidence viewer: an input's or a JSONL output's records highlighted in HTML"} | kwargs))
    show.add_argument("input", help="a page or text file, a JSONL written by 'run', or any input of 'run'")
    show.add_argument("-o", "--output", default="-", help="HTML file for one article (default stdout), folder for many")
    show.add_argument("--id", dest="record_id", help="show only this article (its id or its input id)")
    add_option_flags(show)  # used when the input is extracted, as 'run' would


def run_show(args: argparse.Namespace) -> int:
    """The ``show`` command (see the module docstring)."""
    if not Path(args.input).exists():
        return _usage(f"no such input: {args.input}")
    try:
        options = options_from_args(args)
    except ConfigError as exc:
        return _usage(f"{exc}")
    records = _records(args.input, options)
    if args.record_id is not None:
        chosen = next((r for r in records if args.record_id in (r.get("id"), r.get("input"))), None)
        return _usage(f"no article with id {args.record_id!r}") if chosen is None else _one(chosen, args.output)
    if Path(args.input).is_file() and kind_of(args.input) == "doc":
        return _one(next(records), args.output)
    if args.output == "-":
        return _usage("many articles need -o FOLDER (or --id ID for one)")
    return _many(records, Path(args.output))


def _usage(message: str) -> int:
    print(f"vnnews-extract show: {message}", file=sys.stderr)
    return EXIT_USAGE


def _records(path: str, options: Options) -> Iterator[dict[str, Any]]:
    """The records of a ``run`` output, else of the inputs extracted now."""
    if kind_of(path) == "jsonl" and Path(path).is_file() and is_run_output(Path(path)):
        return read_output(Path(path))
    return (process(item, options).record for item in iter_items([path], options.max_input_bytes))


def _open(path: Path) -> Any:
    return gzip.open(path, "rt", encoding="utf-8") if path.name.endswith(".gz") else path.open(encoding="utf-8")


def is_run_output(path: Path) -> bool:
    """True when the first line is a record written by ``run`` (an article or an error record)."""
    with _open(path) as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and "input" in record and ("error" in record or "statistics" in record)


def read_output(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a ``run`` JSONL; a line that is not JSON becomes an error record."""
    with _open(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                where = f"{path}#{number}"
                yield {"id": where, "input": where, "error": {"type": "JSONDecodeError", "message": str(exc)}}


def to_article(record: dict[str, Any]) -> Article:
    """An article from a record of ``run`` (which adds ``input`` and ``fetched`` to it)."""
    return Article.model_validate({k: v for k, v in record.items() if k in Article.model_fields})


def _one(record: dict[str, Any], output: str) -> int:
    if "error" in record:
        print(f"vnnews-extract show: {record.get('input')}: {record['error'].get('message')}", file=sys.stderr)
        return EXIT_FAILURES
    try:
        page = render(to_article(record))
    except ValidationError as exc:
        return _usage(f"not an article record: {exc.error_count()} problems, first: {exc.errors()[0]['msg']}")
    if output == "-":
        sys.stdout.write(page)
    else:
        Path(output).write_text(page, encoding="utf-8")
    return EXIT_OK


def _many(records: Iterator[dict[str, Any]], folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[IndexRow] = []
    for number, record in enumerate(records, 1):
        rows.append(_page(number, record, folder))
    (folder / "index.html").write_text(render_index(rows), encoding="utf-8")
    if not rows:
        return _usage("nothing to show")
    return EXIT_FAILURES if any(r.error for r in rows) else EXIT_OK


def _page(number: int, record: dict[str, Any], folder: Path) -> IndexRow:
    """Write one article's page; its row of the index (an error row for an error record)."""
    source = str(record.get("input") or record.get("id") or number)
    if "error" in record:
        error = record["error"]
        return IndexRow(number, source, None, error=f"{error.get('type')}: {error.get('message')}")
    try:
        article = to_article(record)
    except ValidationError as exc:
        return IndexRow(number, source, None, error=f"not an article record: {exc.errors()[0]['msg']}")
    name = page_name(number, article.url or source)
    (folder / name).write_text(render(article, index_href="index.html"), encoding="utf-8")
    return IndexRow.of(number, source, name, article)


def page_name(number: int, source: str) -> str:
    """A safe, unique file name: the number, then the last part of the source.

    >>> page_name(3, "https://example.vn/tin/bo-nhiem-giam-doc.html"), page_name(12, "../../x y.txt#4")
    ('0003-bo-nhiem-giam-doc-html.html', '0012-x-y-txt-4.html')
    """
    tail = source.rstrip("/").rsplit("/", 1)[-1]
    slug = _UNSAFE.sub("-", tail).strip("-")[:60].strip("-")
    return f"{number:04d}-{slug}.html" if slug else f"{number:04d}.html"
