"""The stages in order: load -> segment -> align -> extract/check -> suppress -> Report.

Nothing here prints; the CLI and the Python API both go through :func:`run`.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from tcheck.align import align_versions
from tcheck.align.keyed import align_by_key
from tcheck.align.nway import NWayParams
from tcheck.align.scorer import Scorer, load_scorer
from tcheck.checks import CHECKS
from tcheck.checks.context import CheckContext
from tcheck.config import Config
from tcheck.errors import InputError
from tcheck.load import collect_paths, version_from_path, version_from_text
from tcheck.load.formats import is_keyed
from tcheck.model import Alignment, Finding, Report, Version
from tcheck.suppress import Baseline, apply_suppressions

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called with (done, total) while a translation model works through a batch of sentences."""


def load_versions(
    paths: Sequence[str | os.PathLike[str]],
    config: Config,
    *,
    langs: Sequence[str] | None = None,
) -> tuple[Version, ...]:
    """Read every version named by ``paths`` (directories contribute their text files)."""
    files = collect_paths(paths)
    if langs is not None and len(langs) != len(files):
        raise InputError(f"--lang gives {len(langs)} languages for {len(files)} versions")
    ids = _version_ids(files)
    versions = []
    for i, (path, vid) in enumerate(zip(files, ids, strict=True)):
        label = _label(path)
        lang = langs[i] if langs else config.language_for(label)
        versions.append(
            version_from_path(
                path,
                version_id=vid,
                lang=lang,
                segment=config.segment,
                max_bytes=config.max_bytes,
                label=label,
            )
        )
    return tuple(versions)


def versions_from_mapping(
    sources: Mapping[str, str | os.PathLike[str]], config: Config
) -> tuple[Version, ...]:
    """Versions from ``{id: text or path}``: PathLike values are files, strings are text."""
    out = []
    for vid, value in sources.items():
        if isinstance(value, os.PathLike):
            out.append(
                version_from_path(
                    Path(value),
                    version_id=vid,
                    segment=config.segment,
                    max_bytes=config.max_bytes,
                    label=_label(Path(value)),
                )
            )
        else:
            out.append(version_from_text(str(value), version_id=vid, segment=config.segment))
    return tuple(out)


def align(
    versions: Sequence[Version],
    config: Config,
    scorer: Scorer | None = None,
    *,
    progress: Progress | None = None,
) -> Alignment:
    if len(versions) < 2:
        raise InputError(f"need at least two versions to compare, got {len(versions)}")
    if any(is_keyed(v.format) for v in versions):  # resources align by key, not by sentence
        return align_by_key(versions, lambda v: is_keyed(v.format))
    if scorer is None:
        scorer = load_scorer(_backbone(config, versions), config, progress=progress)
    params = NWayParams(unrelated_below=config.unrelated_below)
    alignment = align_versions(versions, scorer, params)
    translations = getattr(scorer, "translations", None)
    if translations:  # an MT backbone: checks and reports show the pivot translations
        alignment = dataclasses.replace(
            alignment, pivot=getattr(scorer, "pivot_lang", None), translations=dict(translations)
        )
    return alignment


def check(alignment: Alignment, config: Config) -> tuple[Finding, ...]:
    ctx = CheckContext(alignment, config)
    findings: list[Finding] = []
    for check_cls in CHECKS:
        if not config.enabled(check_cls.code):
            continue
        findings.extend(check_cls().run(ctx))
    findings = [_with_severity(f, config) for f in findings]
    return tuple(sorted(findings, key=_order))


def run(
    paths: Sequence[str | os.PathLike[str]],
    config: Config,
    *,
    langs: Sequence[str] | None = None,
    baseline: Baseline | None = None,
    scorer: Scorer | None = None,
    progress: Progress | None = None,
) -> Report:
    versions = load_versions(paths, config, langs=langs)
    return run_versions(versions, config, baseline=baseline, scorer=scorer, progress=progress)


def run_versions(
    versions: Sequence[Version],
    config: Config,
    *,
    baseline: Baseline | None = None,
    scorer: Scorer | None = None,
    progress: Progress | None = None,
) -> Report:
    alignment = align(versions, config, scorer, progress=progress)
    findings = check(alignment, config)
    kept, suppressed, unused = apply_suppressions(alignment, findings, baseline, config)
    return Report(
        alignment=alignment,
        findings=tuple(sorted(kept + unused, key=_order)),
        suppressed=suppressed,
    )


def _backbone(config: Config, versions: Sequence[Version]) -> str:
    # "auto" means the MT backbone when the configured model is on disk, else lexical.
    if config.backbone != "auto":
        return config.backbone
    from tcheck.align.mt import mt_available

    chosen = "mt" if mt_available(config, versions) else "lexical"
    log.info("backbone auto: %s", chosen)
    return chosen


def _with_severity(f: Finding, config: Config) -> Finding:
    for code, sev in config.severity.items():
        if f.code.startswith(code):
            return dataclasses.replace(f, severity=sev)
    return f


def _order(f: Finding) -> tuple:
    return (f.group if f.group is not None else -1, f.code, f.versions, f.fingerprint)


def _version_ids(files: Sequence[Path]) -> list[str]:
    """File stems, made unique with parent folders where two files share a stem."""
    ids = [p.stem for p in files]
    for depth in range(1, 4):
        dupes = {i for i in ids if ids.count(i) > 1}
        if not dupes:
            break
        ids = [
            "/".join([*p.parent.parts[-depth:], p.stem]) if i in dupes or "/" in i else i
            for p, i in zip(files, ids, strict=True)
        ]
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        out.append(i if seen[i] == 1 else f"{i}#{seen[i]}")
    return out


def _label(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
