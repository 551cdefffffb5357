"""Locale tags in file names (``uk.json``, ``messages.bg.po``, ``pt_BR.xlf``) and in files."""

from __future__ import annotations

import re
from pathlib import PurePath

from tcheck.load.formats.base import words

ISO_639_1 = words("""
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu
    """)
"""Two-letter language codes: a file-name part counts as a locale only when it is one."""

_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*(?:@[A-Za-z]+)?")


def language_of(tag: str | None) -> str | None:
    """The language subtag of a locale tag (``pt_BR`` -> ``pt``, ``sr@latin`` -> ``sr``), or
    None when ``tag`` is not a locale tag."""
    if not tag:
        return None
    match = _TAG.fullmatch(tag.strip())
    if match is None:
        return None
    language = match.group(1).lower()
    return language if len(language) == 3 or language in ISO_639_1 else None


def language_from_name(path: str) -> str | None:
    """The language a file's name gives: its stem (``uk.json``) or the last dotted part of the
    stem (``messages.bg.po``, ``about.ru.md``) when that is a two-letter locale tag."""
    stem = PurePath(path).stem
    candidates = [stem, stem.rsplit(".", 1)[-1]] if "." in stem else [stem]
    for candidate in candidates:
        language = language_of(candidate)
        if language is not None and len(language) == 2:
            return language
    return None
