"""Command-line paths -> the files that are read, one version each."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from tcheck.errors import InputError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md"})


def collect_paths(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Expand the given paths: a file is one version; a directory gives its *.txt and *.md files
    (sorted, not recursive, hidden files skipped). A file named twice is read once."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and not p.name.startswith(".")
            )
            if not files:
                raise InputError(f"{path}: directory has no .txt or .md files")
        elif path.exists():
            files = [path]
        else:
            raise InputError(f"{path}: no such file or directory")
        for file in files:
            key = file.resolve()
            if key in seen:
                log.warning("%s: given more than once; read once", file)
                continue
            seen.add(key)
            found.append(file)
    return found
