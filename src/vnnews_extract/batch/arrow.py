"""One fixed Arrow schema per output table, derived from :mod:`.tables` (never inferred).

``TABLES`` gives the columns and ``SQL_TYPES`` their SQLite types; here INTEGER becomes int64,
REAL float64 and TEXT string. ``input`` (and ``seq`` in child tables) is never null; every other
column may be. A table whose rows are all null in a column still has that column's type, so
shards of one run always share their schema. Needs pyarrow (the ``parquet`` extra).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from .tables import SQL_TYPES, TABLES

PARQUET_HINT = 'Parquet needs the parquet extra: pip install "vnnews_extract[parquet]"'
NOT_NULL = ("input", "seq")


def pyarrow() -> Any:
    """The pyarrow module; ImportError with the install hint when it is absent."""
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise ImportError(PARQUET_HINT) from exc
    return pa


def _arrow_type(pa: Any, column: str) -> Any:
    sql = SQL_TYPES.get(column, "TEXT")
    return {"INTEGER": pa.int64(), "REAL": pa.float64()}.get(sql, pa.string())


@cache
def schema(table: str) -> Any:
    """The Arrow schema of ``table`` (``articles``, ``statistics``, ``people``, ``events``, ``errors``)."""
    pa = pyarrow()
    fields = [pa.field(c, _arrow_type(pa, c), nullable=c not in NOT_NULL) for c in TABLES[table]]
    return pa.schema(fields)


def to_arrow(table: str, rows: Sequence[Sequence[Any]]) -> Any:
    """Rows of ``table`` (tuples in column order, as :func:`.tables.rows` gives) as an Arrow table."""
    pa = pyarrow()
    fixed = schema(table)
    columns: list[Sequence[Any]] = list(zip(*rows)) if rows else [() for _ in fixed]
    arrays = [pa.array(list(col), type=field.type) for col, field in zip(columns, fixed)]
    return pa.Table.from_arrays(arrays, schema=fixed)


def to_pandas(table: Any) -> Any:
    """An Arrow table as pandas, with nullable dtypes (an integer column with nulls stays integer)."""
    import pandas as pd

    pa = pyarrow()
    mapping = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.string(): pd.StringDtype()}
    return table.to_pandas(types_mapper=mapping.get)
