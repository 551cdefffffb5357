"""tcheck: align N language versions of a text and flag where they diverge.

The public API is :func:`align` and :func:`compare`; both take ``{version id: text or path}``.
Importing this package loads no model and never imports torch.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

# Loaded before the function of the same name is defined: importing a subpackage binds its name
# on the parent package, which must not replace tcheck.align() on the first call. (No torch here.)
import tcheck.align as _align_package  # noqa: F401

if TYPE_CHECKING:
    from tcheck.model import Alignment, Report

__version__ = "0.1.0"


def align(
    versions: Mapping[str, str | os.PathLike[str]],
    *,
    segment: str = "auto",
    backbone: str = "lexical",
) -> Alignment:
    """Align versions given as ``{id: text or path}``; see ``Alignment.to_dict()``."""
    from tcheck.config import Config
    from tcheck.pipeline import align as _align
    from tcheck.pipeline import versions_from_mapping

    cfg = Config(segment=segment, backbone=backbone)
    return _align(versions_from_mapping(versions, cfg), cfg)


def compare(
    versions: Mapping[str, str | os.PathLike[str]],
    *,
    segment: str = "auto",
    backbone: str = "lexical",
) -> Report:
    """Align and check versions given as ``{id: text or path}``; see ``Report.to_dict()``."""
    from tcheck.config import Config
    from tcheck.pipeline import run_versions, versions_from_mapping

    cfg = Config(segment=segment, backbone=backbone)
    return run_versions(versions_from_mapping(versions, cfg), cfg)


__all__ = ["__version__", "align", "compare"]
