"""Ingestion: paths -> files -> decoded text -> language -> segmented Version."""

from __future__ import annotations

from tcheck.load.decode import decode_bytes, normalize_text, read_text
from tcheck.load.langid import identify_language
from tcheck.load.paths import collect_paths
from tcheck.load.version import version_from_path, version_from_text

__all__ = [
    "collect_paths",
    "decode_bytes",
    "identify_language",
    "normalize_text",
    "read_text",
    "version_from_path",
    "version_from_text",
]
