"""Configuration: ``[tool.tcheck]`` in pyproject.toml or a tcheck.toml, then CLI overrides.

The nearest ancestor of the working directory that has either file wins (``--config FILE``
overrides the search). A tcheck.toml may hold a ``[tool.tcheck]`` table or the keys at its top
level. Unknown keys, bad values and rule codes that name no rule are errors that name the key.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tcheck.align.nway import NWayParams
from tcheck.errors import ConfigError
from tcheck.load.langid import language_code
from tcheck.model import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

BACKBONE_CHOICES = ("lexical", "mt", "auto")
FAIL_ON_CHOICES = ("error", "warning", "info", "never")
SEGMENT_CHOICES = ("auto", "lines")
DEVICE_CHOICES = ("auto", "cpu", "cuda")
OPTIONS = "options"
"""The source of values given on the command line: messages name the option (``--select``)."""


@dataclass(frozen=True)
class Config:
    """Everything a run needs besides the input paths."""

    select: tuple[str, ...] = ("TC",)
    """Codes, prefixes (``TC2`` = every name check) or slugs to run."""
    ignore: tuple[str, ...] = ()
    """Codes, prefixes or slugs to skip; wins over ``select``."""
    severity: Mapping[str, Severity] = field(default_factory=dict)
    """Per-code (or prefix) severity overrides."""
    fail_on: str = "error"
    """Lowest severity that makes the exit code 1 (``never`` disables the gate)."""
    backbone: str = "auto"
    """``lexical``, ``mt``, or ``auto`` (mt when the configured model is on disk, else lexical)."""
    reference: str | None = None
    """Version id treated as the reference: the others are the odd ones out on a tie."""
    languages: Mapping[str, str] = field(default_factory=dict)
    """Path glob -> language code."""
    allow: tuple[tuple[str, ...], ...] = ()
    """Accepted spelling variants, e.g. ``[["Такаичи", "Такаити"]]``."""
    glossary: str | None = None
    """CSV/TSV glossary: one term per language column (header = language codes)."""
    segment: str = "auto"
    max_bytes: int = 5_000_000
    unrelated_below: float = NWayParams.unrelated_below
    """Coverage under which a version counts as unrelated."""
    omission_warning_sentences: int = 2
    """A missing run of at least this many sentences (or a whole paragraph) is a warning."""
    model: str | None = None
    """Translation model (hub id or directory) for every pair of the mt backbone."""
    models: Mapping[str, str] = field(default_factory=dict)
    """Per-pair translation models, ``"ru-en" -> id or directory``; they win over ``model``."""
    pivot: str = "en"
    """Language the mt backbone translates into, or a version id whose language is used."""
    batch_size: int = 16
    """Sentences per forward pass of the translation model."""
    device: str = "auto"
    """Where the translation model runs: ``auto``, ``cpu``, ``cuda`` or ``cuda:N``."""
    beams: int = 1
    """Beam size of the translation model (1 = greedy)."""
    cache: bool = True
    """Keep translations in an on-disk cache."""
    cache_dir: str | None = None
    """Directory of the translation cache (default: the user cache directory)."""
    source: str | None = None
    """Where the configuration came from (for messages)."""

    def enabled(self, code: str) -> bool:
        selected = any(code.startswith(p) for p in self.select)
        return selected and not any(code.startswith(p) for p in self.ignore)

    def language_for(self, path: str) -> str | None:
        for pattern, lang in self.languages.items():
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                return lang
        return None

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with the given CLI values (``None`` means 'not given')."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return _validated(dataclasses.replace(self, **given), source=OPTIONS)


_KEYS = {f.name for f in dataclasses.fields(Config)} - {"source"}
_KEYS_DASHED = {k.replace("_", "-"): k for k in _KEYS}


def find_config(start: Path) -> Path | None:
    """Nearest tcheck.toml, or pyproject.toml with a [tool.tcheck] table, from ``start`` up."""
    for folder in [start, *start.parents]:
        candidate = folder / "tcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "tcheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read the configuration file (explicit, or found from ``start``) into a Config."""
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config()
    elif not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    cfg = from_mapping(_tcheck_table(_read_toml(path), path), source=str(path))
    if cfg.glossary and not Path(cfg.glossary).is_absolute():
        # A glossary named in a configuration file lives next to it, wherever tcheck runs.
        cfg = dataclasses.replace(cfg, glossary=str(path.parent / cfg.glossary))
    return cfg


def _tcheck_table(data: Mapping[str, Any], path: Path) -> Mapping[str, Any]:
    """The ``[tool.tcheck]`` table; outside pyproject.toml the keys may stand at the top level."""
    pyproject = path.name == "pyproject.toml"
    if not pyproject and "tool" not in data:
        return data
    tool = data.get("tool", {})
    if not pyproject:
        # one way per file: keys next to [tool.tcheck] would be silently ignored otherwise
        stray = next((key for key in data if key != "tool"), None)
        if stray is not None:
            raise ConfigError(f"{path}: {stray!r} is outside [tool.tcheck] (use one or the other)")
        if not isinstance(tool, dict) or "tcheck" not in tool:
            raise ConfigError(f"{path}: unknown key 'tool' (expected a [tool.tcheck] table)")
    table = tool.get("tcheck", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.tcheck] must be a table")
    return table


def from_mapping(table: Mapping[str, Any], *, source: str = "<config>") -> Config:
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = _KEYS_DASHED.get(raw_key, raw_key)
        if key not in _KEYS:
            raise ConfigError(f"{source}: unknown key {raw_key!r}")
        values[key] = _convert(key, value, source)
    return _validated(Config(source=source, **values))


def _convert(key: str, value: Any, source: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{source}: {key!r} must be {expected}, got {value!r}")

    if key in ("select", "ignore"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of codes")
        return tuple(v.strip() for v in value)
    if key == "severity":
        if not isinstance(value, dict):
            raise bad("a table of code = severity")
        try:
            return {k.strip(): Severity.parse(v) for k, v in value.items()}
        except (ValueError, AttributeError) as exc:
            raise ConfigError(f"{source}: 'severity': {exc}") from None
    if key in ("languages", "models"):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise bad("a table of strings")
        return dict(value)
    if key == "allow":
        if not isinstance(value, list) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value
        ):
            raise bad('a list of lists of spellings, e.g. [["Такаичи", "Такаити"]]')
        return tuple(tuple(v) for v in value)
    if key == "cache":
        if not isinstance(value, bool):
            raise bad("true or false")
        return value
    if key in ("max_bytes", "omission_warning_sentences", "batch_size", "beams"):
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise bad("a positive integer")
        return value
    if key == "unrelated_below":
        if not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise bad("a number between 0 and 1")
        return float(value)
    if not isinstance(value, str):
        raise bad("a string")
    return value


def _validated(cfg: Config, *, source: str | None = None) -> Config:
    """``cfg`` checked, with rule slugs and lower-case codes turned into codes."""
    src = source or cfg.source or OPTIONS

    def name(key: str) -> str:
        dashed = key.replace("_", "-")
        return f"--{dashed}" if src == OPTIONS else f"{src}: {dashed!r}"

    for key, choices in (
        ("fail_on", FAIL_ON_CHOICES),
        ("backbone", BACKBONE_CHOICES),
        ("segment", SEGMENT_CHOICES),
    ):
        if getattr(cfg, key) not in choices:
            raise ConfigError(f"{name(key)} must be one of {', '.join(choices)}")
    device = cfg.device.strip().lower()
    if device not in DEVICE_CHOICES and not (
        device.startswith("cuda:") and device.removeprefix("cuda:").isdigit()
    ):
        raise ConfigError(f"{name('device')} must be auto, cpu, cuda or cuda:N, got {cfg.device!r}")
    for key in ("batch_size", "beams", "max_bytes"):
        value = getattr(cfg, key)
        if value < 1:
            raise ConfigError(f"{name(key)} must be a positive integer, got {value!r}")
    if not cfg.select:
        raise ConfigError(f"{name('select')} names no rule (see tcheck rules)")
    languages = {}
    for pattern, lang in cfg.languages.items():
        try:
            languages[pattern] = language_code(lang)
        except ValueError as exc:
            raise ConfigError(f"{name('languages')} {pattern!r}: {exc}") from None
    codes = rule_codes(cfg.severity, name("severity"))
    return dataclasses.replace(
        cfg,
        languages=languages,
        select=rule_codes(cfg.select, name("select")),
        ignore=rule_codes(cfg.ignore, name("ignore")),
        severity=dict(zip(codes, cfg.severity.values(), strict=True)),
    )


def rule_codes(selectors: Iterable[str], where: str) -> tuple[str, ...]:
    """Codes, code prefixes (``TC2``) and slugs (``name-spelling``) as codes or prefixes.

    A selector that matches no rule is an error: a typo would silently switch checks off.
    """
    from tcheck.checks import all_rules  # the checks import this module

    rules = all_rules()
    slugs = {rule.slug: rule.code for rule in rules}
    codes: list[str] = []
    for selector in selectors:
        code = slugs.get(selector.strip().lower(), selector.strip().upper())
        if not code or not any(rule.code.startswith(code) for rule in rules):
            raise ConfigError(f"{where}: unknown rule {selector!r} (see tcheck rules)")
        codes.append(code)
    return tuple(codes)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
