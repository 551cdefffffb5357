"""Errors that end a run with exit code 2 and a one-line message (never a traceback)."""

from __future__ import annotations


class TcheckError(Exception):
    """Base class: the message is shown to the user as is, on one line."""


class InputError(TcheckError):
    """A path, file or text that cannot be read or used."""


class ConfigError(TcheckError):
    """A bad option or configuration value."""


class BackboneError(TcheckError):
    """A backbone (model) that cannot be loaded or run."""
