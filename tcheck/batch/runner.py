"""A locale tree end to end: discover the sets, pick the changed ones, check them, collect."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from tcheck.batch.changed import changed_files
from tcheck.batch.discovery import TreeSpec, discover, set_keys
from tcheck.batch.executors import Executor, LocalExecutor, SetTask
from tcheck.batch.model import BatchReport, SetResult
from tcheck.config import Config
from tcheck.suppress import Baseline

log = logging.getLogger(__name__)


def run_batch(
    root: Path,
    spec: TreeSpec,
    config: Config,
    *,
    executor: Executor | None = None,
    baseline: Baseline | None = None,
    changed_since: str | None = None,
) -> BatchReport:
    """Check every document set under ``root`` (or those touched since ``changed_since``)."""
    locales, sets = discover(root, spec)
    skipped = 0
    if changed_since is not None:
        touched = set_keys(changed_files(root, changed_since), spec)
        kept = tuple(s for s in sets if s.key in touched)
        skipped = len(sets) - len(kept)
        sets = kept
    label_prefix = _label_prefix(root)
    tasks = [
        SetTask(str(root.resolve()), s, config, baseline, label_prefix) for s in sets if s.checkable
    ]
    log.info("%d document sets to check, %d skipped as unchanged", len(tasks), skipped)
    done = {r.docset.key: r for r in (executor or LocalExecutor()).run(tasks)}
    results = tuple(done.get(s.key, SetResult(s)) for s in sets)
    return BatchReport(root=str(root), locales=locales, results=results, skipped=skipped)


def _label_prefix(root: Path) -> str:
    """How report paths start: the root relative to the working directory when it lies below."""
    try:
        rel = os.path.relpath(root.resolve())
    except ValueError:  # another drive on Windows
        rel = str(root.resolve())
    if rel == ".":
        return ""
    if rel.startswith(".."):
        rel = str(root.resolve())
    return rel.replace(os.sep, "/") + "/"
