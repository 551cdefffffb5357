"""Nested i18n trees (JSON, YAML) -> flat entries with dotted keys.

Shared conventions: a single top-level locale key (Rails ``ru:``, ``{"uk": {...}}``) names the
language and is not part of the keys; plural forms are one entry whether they are a nested
mapping of CLDR categories (``{one: ..., few: ..., other: ...}``) or i18next key suffixes
(``item_one``, ``item_few``, ``item_other``; ``item`` + ``item_plural``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from tcheck.errors import InputError
from tcheck.load.formats.base import Entry, Resource, Text
from tcheck.load.formats.locale import language_of

log = logging.getLogger(__name__)

Node = Text | list[tuple[str, "Node"]] | None
"""A string value, a mapping (key, node) pairs in file order (lists use indices as keys), or
None for values that are not text (numbers, booleans, null)."""

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR plural categories in their canonical order."""
_SUFFIX = re.compile(r"^(?P<base>.+?)_(?:(?P<category>zero|one|two|few|many|other)|plural)$")
MAX_ENTRIES = 200_000
"""More values than this is not an i18n file (or is an alias bomb)."""


def resource_from_tree(root: Node, name: str) -> Resource:
    """Flatten a parsed tree; ``name`` is used in messages."""
    lang = None
    if isinstance(root, list) and len(root) == 1 and isinstance(root[0][1], list):
        lang = language_of(root[0][0])
        if lang is not None:
            root = root[0][1]
    flat: dict[str, tuple[Text, ...]] = {}
    count = 0
    for key, texts in _walk(root, ()):
        count += len(texts)
        if count > MAX_ENTRIES:
            raise InputError(f"{name}: more than {MAX_ENTRIES} values (alias expansion?)")
        if key in flat:
            log.warning("%s: key %r given twice; the last one counts", name, key)
            del flat[key]
        flat[key] = texts
    return Resource(tuple(_fold_suffixes(flat)), lang)


def _walk(node: Node, path: tuple[str, ...]) -> Iterator[tuple[str, tuple[Text, ...]]]:
    if isinstance(node, Text):
        yield ".".join(path), (node,)
    elif isinstance(node, list):
        plural = _plural_forms(node)
        if plural is not None and path:
            yield ".".join(path), plural
            return
        for key, child in node:
            yield from _walk(child, (*path, key))


def _plural_forms(pairs: list[tuple[str, Node]]) -> tuple[Text, ...] | None:
    forms = {k: v for k, v in pairs}
    if "other" not in forms or not set(forms) <= set(PLURAL_CATEGORIES):
        return None
    if not all(isinstance(v, Text) for v in forms.values()):
        return None
    return tuple(forms[c] for c in PLURAL_CATEGORIES if c in forms)  # type: ignore[misc]


def _fold_suffixes(flat: dict[str, tuple[Text, ...]]) -> Iterator[Entry]:
    """i18next plurals: keys ``base_<category>`` (and ``base`` + ``base_plural``) become one
    entry ``base`` when at least two forms are there."""
    families: dict[str, dict[str, tuple[Text, ...]]] = {}
    for key, texts in flat.items():
        m = _SUFFIX.match(key)
        if m:
            families.setdefault(m.group("base"), {})[m.group("category") or "plural"] = texts
    folded: dict[str, str] = {}
    for base, forms in families.items():
        if "plural" in forms and base in flat:
            forms = {"one": flat[base], "other": forms["plural"]}
            folded[base] = base
            folded[f"{base}_plural"] = base
        elif len(forms) >= 2 and "plural" not in forms:
            folded.update({f"{base}_{c}": base for c in forms})
        else:
            continue
        families[base] = forms
    done: set[str] = set()
    for key, texts in flat.items():
        base = folded.get(key)
        if base is None:
            yield Entry(key, texts)
        elif base not in done:
            done.add(base)
            forms = families[base]
            order = [*PLURAL_CATEGORIES]
            yield Entry(base, tuple(t for c in order if c in forms for t in forms[c]))
