"""Shared test fixtures: paths to the seeds and to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
NTREX = SHARED / "data" / "ntrex128"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def ntrex_dir() -> Path:
    if not NTREX.is_dir():
        pytest.skip("../shared/data/ntrex128 is not available")
    return NTREX
