"""Where document sets are checked: in this process, in a local process pool, or on Dask.

Every executor maps :func:`check_set` over the tasks and returns the results in task order, so
the report does not depend on which worker finished first.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import logging
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tcheck.batch.model import DocumentSet, SetResult
from tcheck.config import Config
from tcheck.errors import ConfigError, TcheckError
from tcheck.suppress import Baseline

log = logging.getLogger(__name__)

DIST_HINT = "pip install tcheck[dist]"
LOCAL_DASK_WORKERS = 2


@dataclass(frozen=True)
class SetTask:
    """Everything a worker needs to check one document set (picklable, no open resources)."""

    root: str
    """Absolute path of the tree root; file paths in the set are relative to it."""
    docset: DocumentSet
    config: Config
    baseline: Baseline | None = None
    label_prefix: str = ""
    """Prefix that turns a tree-relative path into the path shown in reports."""


def check_set(task: SetTask) -> SetResult:
    """Load the set's files (ids and languages from their locales) and run the pipeline."""
    from tcheck.pipeline import load_versions, run_versions

    docset = task.docset
    try:
        paths = [Path(task.root, f.path) for f in docset.files]
        versions = load_versions(paths, task.config, langs=[f.lang for f in docset.files])
        versions = tuple(
            dataclasses.replace(v, id=f.locale, path=task.label_prefix + f.path)
            for v, f in zip(versions, docset.files, strict=True)
        )
        report = run_versions(versions, task.config, baseline=task.baseline)
    except TcheckError as exc:
        return SetResult(docset, error=str(exc))
    except Exception as exc:  # one broken set must not cost the report on every other set
        log.debug("%s: internal error", docset.key, exc_info=True)
        return SetResult(docset, error=f"internal error ({type(exc).__name__}: {exc})")
    return SetResult(docset, report=report)


class Executor(Protocol):
    """Runs :func:`check_set` on every task; results come back in task order."""

    def run(self, tasks: Sequence[SetTask]) -> list[SetResult]: ...


class ExecutorKind(str, enum.Enum):
    """The values ``--executor`` accepts."""

    LOCAL = "local"
    DASK = "dask"


@dataclass(frozen=True)
class LocalExecutor:
    """``jobs`` worker processes (spawned, so it behaves the same on every platform)."""

    jobs: int = 1

    def run(self, tasks: Sequence[SetTask]) -> list[SetResult]:
        if self.jobs <= 1 or len(tasks) <= 1:
            return [check_set(t) for t in tasks]
        workers = min(self.jobs, len(tasks))
        # a few tasks per message: fewer round trips, still balanced across workers
        chunksize = max(1, min(8, len(tasks) // (workers * 8)))
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return list(pool.map(check_set, tasks, chunksize=chunksize))


@dataclass(frozen=True)
class DaskExecutor:
    """Tasks on a Dask cluster: the scheduler at ``address``, or a LocalCluster on loopback."""

    address: str | None = None
    workers: int = LOCAL_DASK_WORKERS

    def run(self, tasks: Sequence[SetTask]) -> list[SetResult]:
        try:
            import distributed
        except ImportError:
            raise ConfigError(f"--executor dask needs Dask: {DIST_HINT}") from None
        if not tasks:
            return []
        with _quiet("distributed"):
            if self.address is not None:
                try:
                    client = distributed.Client(self.address, timeout="20s")
                except (OSError, TimeoutError) as exc:
                    raise ConfigError(
                        f"--scheduler {self.address}: cannot connect ({exc})"
                    ) from None
                with client:
                    return _gather(client, tasks)
            with (
                distributed.LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                ) as cluster,
                distributed.Client(cluster) as client,
            ):
                return _gather(client, tasks)


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Dask logs every worker start at INFO; keep that out unless tcheck itself is verbose."""
    logger = logging.getLogger(name)
    before = logger.level
    logger.setLevel(max(logging.getLogger().getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(before)


def _gather(client, tasks: Sequence[SetTask]) -> list[SetResult]:
    # pure=False: every task runs once even if two sets had equal contents
    futures = client.map(check_set, list(tasks), pure=False)
    return list(client.gather(futures))


def make_executor(kind: str, *, jobs: int = 1, scheduler: str | None = None) -> Executor:
    """The executor ``--executor``, ``--jobs`` and ``--scheduler`` ask for."""
    try:
        chosen = ExecutorKind(kind.strip().lower())
    except ValueError:
        choices = ", ".join(k.value for k in ExecutorKind)
        raise ConfigError(f"unknown executor {kind!r} (choose from {choices})") from None
    if jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, got {jobs}")
    if chosen is ExecutorKind.DASK:
        return DaskExecutor(address=scheduler, workers=LOCAL_DASK_WORKERS if jobs == 1 else jobs)
    if scheduler is not None:
        raise ConfigError("--scheduler needs --executor dask")
    return LocalExecutor(jobs=jobs)
