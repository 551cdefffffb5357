"""Batch mode: every document set of a locale tree, checked in parallel and reported together."""

from __future__ import annotations

from tcheck.batch.discovery import TreeSpec, discover
from tcheck.batch.executors import DaskExecutor, Executor, LocalExecutor, make_executor
from tcheck.batch.model import BatchReport, DocumentSet, LocaleFile, SetResult
from tcheck.batch.runner import run_batch

__all__ = [
    "BatchReport",
    "DaskExecutor",
    "DocumentSet",
    "Executor",
    "LocalExecutor",
    "LocaleFile",
    "SetResult",
    "TreeSpec",
    "discover",
    "make_executor",
    "run_batch",
]
