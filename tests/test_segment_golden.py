"""Golden segmentations of the seeds: one line per sentence or metadata line.

Format: ``line:col<TAB>text``; headlines are marked ``[headline]``, metadata ``[date]`` or
``[furniture]``; a line break inside a sentence is written ``\\n``.
Regenerate after an intended change with ``TCHECK_REGEN=1 python3 -m pytest
tests/test_segment_golden.py`` and review the diff by eye.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tcheck.load import version_from_path
from tcheck.model import Version

GOLDEN = Path(__file__).parent / "golden" / "segment"
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def render(version: Version) -> str:
    rows = [
        (s.start, f"{s.line}:{s.column}\t{'[headline] ' if s.headline else ''}{s.text}")
        for s in version.sentences
    ]
    rows += [(m.start, f"{m.line}:{m.column}\t[{m.kind}] {m.text}") for m in version.metadata]
    return "".join(row.replace("\n", "\\n") + "\n" for _, row in sorted(rows))


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_segmentation_matches_golden(seed: Path) -> None:
    golden = GOLDEN / f"{seed.stem}.txt"
    actual = render(version_from_path(seed))
    if os.environ.get("TCHECK_REGEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
