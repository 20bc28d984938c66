"""Finding input files: folders walked and globs matched, each real directory entered once.

Directory symlinks are followed (a crawl may link in another disk), but a directory already
entered (same device and inode) is never entered again, so a symlink loop ends and a folder
reached by two names is read once. Every input has one canonical id (:func:`canonical`), so a
file given twice, or by a relative and an absolute path, is one input.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator

from .safe import safe_text

GLOB_CHARS = ("*", "?", "[")


def has_magic(text: str) -> bool:
    return any(c in text for c in GLOB_CHARS)


def canonical(path: str) -> str:
    """The id of a path: absolute, symlinks resolved, and writable (see :func:`safe_text`).

    ``-`` (standard input) stays ``-``.
    """
    if path == "-":
        return path
    return safe_text(os.path.realpath(path))


class Walker:
    """Walks folders; remembers every directory it entered (by device and inode)."""

    def __init__(self) -> None:
        self._entered: set[tuple[int, int]] = set()

    def enter(self, folder: str) -> bool:
        """True the first time ``folder`` (however named) is entered; False after, or if unreadable."""
        try:
            info = os.stat(folder)
        except (OSError, ValueError):
            return False
        key = (info.st_dev, info.st_ino)
        if key in self._entered:
            return False
        self._entered.add(key)
        return True

    def folders(self, root: str, hidden: bool = True) -> Iterator[str]:
        """``root`` and every folder under it, each real folder once (depth first)."""
        stack = [root]
        while stack:
            folder = stack.pop()
            if not self.enter(folder):
                continue
            yield folder
            subs = [e.path for e in _entries(folder) if _is_dir(e) and (hidden or not e.name.startswith("."))]
            stack.extend(reversed(subs))

    def files(self, root: str, hidden: bool = True) -> Iterator[str]:
        """Every file under ``root`` (recursively, directory symlinks followed once)."""
        for folder in self.folders(root, hidden):
            for entry in _entries(folder):
                if (hidden or not entry.name.startswith(".")) and _is_file(entry):
                    yield entry.path


def _entries(folder: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder or ".") as found:
            return sorted(found, key=lambda e: e.name)
    except (OSError, ValueError):
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def folder_files(root: str) -> list[str]:
    """Files under a folder, sorted by path (as ``sorted(rglob)`` would, without its loops)."""
    return sorted(Walker().files(root))


def glob_paths(pattern: str) -> list[str]:
    """Paths matching ``pattern`` (``*``, ``?``, ``[...]``, ``**`` for any depth), sorted.

    Like :func:`glob.glob` with ``recursive=True`` (names starting with a dot match only a
    pattern starting with a dot), but ``**`` enters each real folder once.
    """
    parts = pattern.split(os.sep)
    fixed = 0
    while fixed < len(parts) - 1 and not has_magic(parts[fixed]):
        fixed += 1
    base = os.sep.join(parts[:fixed]) if fixed else ""
    if fixed and not base:
        base = os.sep  # the pattern is absolute: "/**/x"
    current = [base]
    rest = parts[fixed:]
    for index, part in enumerate(rest):
        last = index == len(rest) - 1
        current = [found for folder in current for found in _step(folder, part, last)]
    return sorted(set(current))


def _relative(path: str) -> str:
    """``./a/b`` -> ``a/b`` and ``.`` -> ``""`` for matches under the current folder."""
    return "" if path == "." else path.removeprefix("./")


def _step(folder: str, part: str, last: bool) -> Iterator[str]:
    """What one pattern component matches in ``folder`` (folders only, unless it is the last)."""
    if part == "**":
        walker = Walker()
        found = walker.files(folder or ".", hidden=False) if last else walker.folders(folder or ".", hidden=False)
        yield from (found if folder else (_relative(p) for p in found))
        return
    if not has_magic(part):
        path = os.path.join(folder, part)
        if (last and os.path.lexists(path)) or os.path.isdir(path):
            yield path
        return
    for entry in _entries(folder):
        if entry.name.startswith(".") and not part.startswith("."):
            continue
        if fnmatch.fnmatchcase(entry.name, part) and (last or _is_dir(entry)):
            yield entry.path if folder else entry.name
