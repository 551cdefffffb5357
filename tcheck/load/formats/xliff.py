"""XLIFF 1.2 and 2.0 -> entries keyed by unit id, with the target text (the source text when
the file has no targets at all) and the line of its element.

The XML parser never loads DTDs or expands entities, and a document with a DOCTYPE is
refused outright (XLIFF needs none; entity bombs and external entities need one). Inline
codes (``<x/>``, ``<g>``, ``<ph>``, ``<pc>``...) are kept as tags so placeholder checks see them.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from tcheck.errors import InputError
from tcheck.load.formats.base import Entry, Resource, Text, words
from tcheck.load.formats.locale import language_of

_NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
_NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
_CODES = words("g x bx ex bpt ept ph it pc sc ec sm em")
"""Inline elements that stand for markup or placeholders of the original."""
_SKIPPED_INLINE = frozenset({"sub"})
_OPEN_TAG = re.compile(r"<(?:[\w.-]+:)?(?:target|source)\b[^>]*>")


def read(text: str, name: str) -> Resource:
    root = _parse(text, name)
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if _local(root.tag) != "xliff" or namespace not in (_NS_12, _NS_20):
        raise InputError(f"{name}: not an XLIFF 1.2 or 2.0 document (root {root.tag!r})")
    lines = text.split("\n")
    if namespace == _NS_12:
        return _read_12(root, lines)
    return _read_20(root, lines)


def _parse(text: str, name: str) -> Any:
    from lxml import etree

    # The text is already decoded: its encoding declaration no longer applies.
    parser = etree.XMLParser(
        encoding="utf-8", resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        reason = " ".join(str(exc.msg).split())  # libxml2 quotes the offending text, newlines too
        raise InputError(f"{name}:{line}:{column}: invalid XML ({reason})") from None
    if root.getroottree().docinfo.internalDTD is not None or root.getroottree().docinfo.doctype:
        raise InputError(f"{name}: XML with a DOCTYPE (DTD) is not accepted in XLIFF files")
    return root


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_12(root: Any, lines: list[str]) -> Resource:
    ns = {"x": _NS_12}
    files = root.findall("x:file", ns)
    has_targets = root.find(".//x:trans-unit/x:target", ns) is not None
    entries: list[Entry] = []
    lang = None
    for file in files:
        declared = file.get("target-language") if has_targets else file.get("source-language")
        lang = lang or language_of(declared)
        prefix = f"{file.get('original')}/" if len(files) > 1 and file.get("original") else ""
        for unit in file.iterfind(".//x:trans-unit", ns):
            element = unit.find("x:target" if has_targets else "x:source", ns)
            key = prefix + (unit.get("id") or unit.get("resname") or "")
            if element is not None and key:
                _add(entries, key, [element], lines)
    return Resource(tuple(entries), lang)


def _read_20(root: Any, lines: list[str]) -> Resource:
    ns = {"x": _NS_20}
    files = root.findall("x:file", ns)
    has_targets = root.find(".//x:segment/x:target", ns) is not None
    declared = root.get("trgLang") if has_targets else root.get("srcLang")
    entries: list[Entry] = []
    for file in files:
        prefix = f"{file.get('id')}/" if len(files) > 1 and file.get("id") else ""
        for unit in file.iterfind(".//x:unit", ns):
            parts = unit.findall("x:segment/x:target" if has_targets else "x:segment/x:source", ns)
            key = prefix + (unit.get("id") or "")
            if key:
                _add(entries, key, parts, lines)
    return Resource(tuple(entries), language_of(declared))


def _add(entries: list[Entry], key: str, elements: list[Any], lines: list[str]) -> None:
    texts = []
    for element in elements:
        raw = _inline_text(element)
        value = raw.strip()
        if value:
            line = element.sourceline or 1
            column = 1
            if line <= len(lines):
                tag = _OPEN_TAG.search(lines[line - 1])
                if tag is not None:
                    column = tag.end() + 1 + len(raw) - len(raw.lstrip())
            texts.append(Text(value, line, column))
    if texts:
        entries.append(Entry(key, tuple(texts)))


def _inline_text(element: Any) -> str:
    """The element's text, inline codes written as tags (``<x id="1"/>``, ``<g id="2">...</g>``)."""
    out = [element.text or ""]
    for child in element:
        tag = _local(child.tag)
        if tag in _CODES:
            # Numeric ids only number the codes (and would read as numbers in the text).
            ident = child.get("id") or ""
            attrs = f' id="{ident}"' if ident[:1].isalpha() else ""
            if tag in ("g", "pc"):
                out.append(f"<{tag}{attrs}>{_inline_text(child)}</{tag}>")
            else:
                out.append(f"<{tag}{attrs}/>")
        elif tag == "cp":
            with contextlib.suppress(ValueError, OverflowError):
                out.append(chr(int(child.get("hex") or "", 16)))
        elif tag not in _SKIPPED_INLINE and tag:
            out.append(_inline_text(child))
        out.append(child.tail or "")
    return "".join(out)
