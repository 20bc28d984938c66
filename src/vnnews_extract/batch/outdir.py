"""An output folder, local or remote (any fsspec URL: ``s3://bucket/out``), with the few
operations sharded outputs need: write a file under a temporary name, rename it into place,
list, read, remove. Local folders need nothing beyond the standard library.

On a local disk the rename is atomic; on an object store a file appears whole when its upload
ends, and the shard's manifest, written last, is what says a shard is complete either way.
"""

from __future__ import annotations

import os
import uuid
from typing import IO, Any

from .remote import REMOTE_HINT, is_remote, is_url, local_path


class OutDir:
    """The folder ``target`` (a path or a URL)."""

    def __init__(self, target: str) -> None:
        self.fs: Any = None
        if is_remote(target):
            try:
                import fsspec
            except ImportError as exc:
                raise ValueError(REMOTE_HINT) from exc
            self.fs, self.root = fsspec.core.url_to_fs(target)
            self.root = self.root.rstrip("/")
        else:
            self.root = local_path(target) if is_url(target) else target

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts]) if self.fs is not None else os.path.join(self.root, *parts)

    def url(self, *parts: str) -> str:
        """What a reader is given: a local path, or the full URL of a remote one."""
        path = self.path(*parts)
        return str(self.fs.unstrip_protocol(path)) if self.fs is not None else path

    def makedirs(self, *parts: str) -> None:
        if self.fs is None:
            os.makedirs(self.path(*parts), exist_ok=True)
        else:
            self.fs.makedirs(self.path(*parts), exist_ok=True)

    def open_temp(self, *parts: str) -> tuple[IO[bytes], str]:
        """(stream, temporary path) for writing what will become ``parts``: a hidden name beside it,
        unique to this attempt, so two attempts at one shard never write into one file."""
        *folder, name = parts
        temp = self.path(*folder, f".{name}.{uuid.uuid4().hex[:12]}.tmp")
        stream = open(temp, "wb") if self.fs is None else self.fs.open(temp, "wb")
        return stream, temp

    def commit(self, temp: str, *parts: str) -> None:
        """Move a finished temporary file into place (replacing an older copy)."""
        if self.fs is None:
            os.replace(temp, self.path(*parts))
        else:
            self.fs.mv(temp, self.path(*parts))

    def remove(self, path: str) -> None:
        try:
            os.remove(path) if self.fs is None else self.fs.rm(path)
        except (OSError, FileNotFoundError):
            pass

    def exists(self, *parts: str) -> bool:
        return os.path.exists(self.path(*parts)) if self.fs is None else bool(self.fs.exists(self.path(*parts)))

    def names(self, *parts: str) -> list[str]:
        """Names in a sub-folder, sorted (none when it does not exist)."""
        folder = self.path(*parts)
        if self.fs is None:
            return sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        if not self.fs.isdir(folder):
            return []
        return sorted(p.rstrip("/").rsplit("/", 1)[-1] for p in self.fs.ls(folder, detail=False))

    def read_many(self, paths: list[str]) -> dict[str, bytes]:
        """The bytes of several files (concurrently on remote stores), keyed by path."""
        if self.fs is None:
            out = {}
            for path in paths:
                with open(path, "rb") as stream:
                    out[path] = stream.read()
            return out
        found = self.fs.cat(paths, on_error="omit") if paths else {}
        return {self.fs._strip_protocol(k): v for k, v in found.items()}
