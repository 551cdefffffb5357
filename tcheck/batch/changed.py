"""``--changed-only``: the files git says changed since a ref, relative to the tree root.

Changes are ``git diff --name-only REF...HEAD`` (what a pull request adds to its base) plus the
working tree: staged, unstaged and untracked files.
"""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from tcheck.errors import InputError

log = logging.getLogger(__name__)

GIT_TIMEOUT_S = 60


def changed_files(root: Path, base: str) -> set[str]:
    """Paths (relative to ``root``, POSIX) of files changed since ``base`` under ``root``."""
    if base.startswith("-"):
        raise InputError(f"--base {base!r}: not a git ref")
    top = Path(_git(root, "rev-parse", "--show-toplevel", what="locate the git repository"))
    _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", what=f"find ref {base!r}")
    listed = [
        _git(top, "diff", "--name-only", "-z", f"{base}...HEAD", what=f"diff against {base!r}"),
        _git(top, "diff", "--name-only", "-z", "HEAD", what="list working-tree changes"),
        _git(top, "ls-files", "--others", "--exclude-standard", "-z", what="list new files"),
    ]
    root_abs = root.resolve()
    out = set()
    for chunk in listed:
        for name in filter(None, chunk.split("\0")):
            path = (top / name).resolve()
            if path == root_abs or root_abs in path.parents:
                out.add(path.relative_to(root_abs).as_posix())
    log.info("%d changed files under %s since %s", len(out), root, base)
    return out


def _git(cwd: Path, *args: str, what: str) -> str:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            env=env,
            timeout=GIT_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError:
        raise InputError("--changed-only needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git did not answer in {GIT_TIMEOUT_S} s (trying to {what})") from None
    if proc.returncode != 0:
        message = proc.stderr.strip().splitlines()
        if "not a git repository" in proc.stderr.lower():
            raise InputError(f"{cwd}: not inside a git repository (--changed-only needs one)")
        if args[:2] == ("rev-parse", "--verify"):
            raise InputError(f"--base {args[-1].removesuffix('^{commit}')!r}: unknown git ref")
        detail = message[-1] if message else f"exit code {proc.returncode}"
        raise InputError(f"git could not {what}: {detail}")
    return proc.stdout.strip("\n") if "-z" not in args else proc.stdout
