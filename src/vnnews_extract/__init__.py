"""vnnews_extract: Vietnamese news articles -> clean text, statistics, officials and personnel events.

Public API: ``extract`` (the whole pipeline), ``extract_many`` (many sources, in order, on
worker processes), the stage functions, the record types, ``render`` (an article's records
highlighted on its text, as one HTML page), ``read_tables`` (any output of ``run`` as pandas
DataFrames) and ``process_shard`` (one shard of a crawl-scale run into its Parquet or JSONL
files). The Dask engine is ``vnnews_extract.dask`` (the ``dask`` extra).
"""

from .clean import clean
from .text.document import build_document
from .errors import AlignmentError, CleanError, ExtractError, InputError, LexiconError, VnnewsError
from .text.normalize import normalize, normalize_line
from .options import Options
from .pipeline import analyse, extract
from .records import (
    Article,
    BatchRecord,
    Block,
    ErrorDetail,
    ErrorRecord,
    Evidence,
    Period,
    Person,
    PersonnelEvent,
    Position,
    OutputRecord,
    Part,
    Statistic,
    article_json_schema,
    output_json_schema,
    parse_output_record,
)
from .stream import extract_many
from .text.segment import segment, split_sentences, word_tokens
from .viewer import render
from .batch.read import read_tables
from .batch.shards import process_shard

__version__ = "0.1.0"

__all__ = [
    "AlignmentError", "Article", "BatchRecord", "Block", "CleanError", "ErrorDetail", "ErrorRecord", "ExtractError", "Evidence",
    "InputError", "LexiconError",
    "Options", "OutputRecord", "Part", "Period", "Person", "PersonnelEvent", "Position", "Statistic", "VnnewsError",
    "__version__", "analyse", "article_json_schema", "build_document", "clean", "extract", "extract_many",
    "normalize", "normalize_line", "output_json_schema", "parse_output_record", "process_shard", "read_tables", "render", "segment", "split_sentences", "word_tokens",
]
