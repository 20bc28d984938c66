"""Remote inputs: any fsspec URL (``s3://``, ``gs://``, ``https://``, ``memory://``…) as a file,
a folder or a glob. Needs the ``remote`` extra (fsspec; s3fs, gcsfs or aiohttp for their schemes).

A URL is listed like a local path (a folder recursively, a glob with ``**`` for any depth, both
sorted) and read through the same bounded readers, so ``--max-bytes``, ``.gz`` and the one-record-
per-input rule hold as they do locally. Its id is the URL in fsspec's canonical spelling
(``memory://a`` -> ``memory:///a``), so one object named twice is one input. ``file://`` URLs are
turned into local paths and take the local route, canonical ids and all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any
from urllib.parse import unquote, urlsplit

from ..errors import InputError
from .safe import safe_text

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
REMOTE_HINT = 'remote paths need the remote extra: pip install "vnnews_extract[remote]"'


def is_url(path: str) -> bool:
    """A ``scheme://`` path (``file://`` included).

    >>> is_url("s3://b/k.warc.gz"), is_url("/data/a.jsonl"), is_url("a://")
    (True, False, True)
    """
    return bool(_URL.match(path))


def is_remote(path: str) -> bool:
    """A URL that is not ``file://`` (those are read as local paths)."""
    return is_url(path) and not path.lower().startswith("file://")


def local_path(url: str) -> str:
    """The local path of a ``file://`` URL.

    >>> local_path("file:///data/a%20b.txt"), local_path("file://localhost/data/x")
    ('/data/a b.txt', '/data/x')
    """
    return unquote(urlsplit(url).path) or "/"


def filesystem(url: str) -> tuple[Any, str]:
    """(fsspec filesystem, path within it) of a URL; InputError when fsspec is absent."""
    try:
        import fsspec
    except ImportError as exc:
        raise InputError(REMOTE_HINT) from exc
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # an unknown scheme, or its package is missing
        raise InputError(f"cannot read {url}: {exc}") from exc
    return fs, str(path)


def canonical_url(url: str) -> str:
    """The id of a remote input: the URL as fsspec spells it (no other normalisation)."""
    try:
        fs, path = filesystem(url)
    except InputError:
        return safe_text(url)
    return safe_text(fs.unstrip_protocol(path))


def expand_url(url: str, input_name: Any) -> Iterator[str]:
    """Input URLs under ``url``: a glob's matches, a folder's files (recursive, sorted, only
    input suffixes, checked with ``input_name``), else the URL itself (a missing object becomes an
    error record when read). A URL whose name has an input suffix is not asked about (no round trip)."""
    fs, path = filesystem(url)
    if any(c in path for c in "*?["):
        for match in sorted(fs.glob(path)):
            yield from _files(fs, match, input_name) if fs.isdir(match) else [fs.unstrip_protocol(match)]
    elif input_name(path) is None and fs.isdir(path):
        yield from _files(fs, path, input_name)
    else:
        yield fs.unstrip_protocol(path)


def _files(fs: Any, folder: str, input_name: Any) -> Iterator[str]:
    found = sorted(fs.find(folder))
    yield from (fs.unstrip_protocol(p) for p in found if input_name(p.rsplit("/", 1)[-1]))


def open_url(url: str, gz: bool = False) -> IO[bytes]:
    """A remote object opened for reading, as bytes, gunzipped on the fly when ``gz``."""
    fs, path = filesystem(url)
    return fs.open(path, "rb", compression="gzip" if gz else None)  # type: ignore[no-any-return]
