"""tcheck: align N language versions of a text and flag where they diverge."""

from __future__ import annotations

__version__ = "0.1.0"
