"""Bytes -> text: encoding detection (BOM, UTF-16 without one, UTF-8 even with a few bad bytes,
then a check of single-byte Cyrillic guesses), and the normalisation every version's text goes
through (NFC, ``\\n`` newlines, no BOM)."""

from __future__ import annotations

import codecs
import logging
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

import charset_normalizer

from tcheck.errors import InputError

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_CYRILLIC_CODECS = ("cp1251", "koi8-r", "koi8-u", "cp866", "iso8859-5", "mac-cyrillic")
"""Single-byte encodings still met in Cyrillic text; on a tie the earlier one wins."""

_UTF8_VALID_PER_INVALID = 20
"""Bytes that fail as UTF-8 are still read as UTF-8 when they hold at least this many valid
non-ASCII characters per invalid sequence (or when the only invalid one is a character cut
off at the end). Text in a single-byte Cyrillic code page is nearly all invalid sequences
(a letter byte is rarely followed by continuation bytes), so it stays far below this."""

_UTF16_NUL_PARITY = 20
"""UTF-16 without a BOM needs this many times more NUL bytes on one parity than the other."""
_UTF16_HIGH_BYTES = 3
_UTF16_HIGH_SHARE = 0.9
"""... and its ``_UTF16_HIGH_BYTES`` most common high bytes in this share of code units."""
_NOT_TEXT = frozenset({"Cc", "Co", "Cn", "Cs"})
"""Unicode categories (controls, private use, unassigned, surrogates) that bytes wrongly read
as UTF-16 produce and text does not."""

_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends and no leading BOM: the form every offset in tcheck refers to."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)``.

    Raises InputError for binary data, undecodable bytes and empty or blank text.
    """
    text, encoding = _decode(data, name)
    if _too_many_controls(text):
        raise InputError(f"{name}: looks like binary data (control characters), not text")
    text = normalize_text(text)
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text, encoding


def _too_many_controls(text: str) -> bool:
    """More control characters than a few stray ones (one in 200, at least 3): binary data."""
    return bool(_CONTROL.search(text)) and len(_CONTROL.findall(text)) > max(2, len(text) // 200)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {encoding} data at byte {exc.start}") from None
    if b"\x00" in data:
        return _decode_with_nuls(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        text = _mostly_utf8(data, name, exc)
    if text is not None:
        return text, "utf-8"
    return _decode_single_byte(data, name)


def _mostly_utf8(data: bytes, name: str, error: UnicodeDecodeError) -> str | None:
    """UTF-8 with its few invalid sequences replaced by U+FFFD (and a warning), or None.

    A cut-off last character, or a few stray bytes (see ``_UTF8_VALID_PER_INVALID``), would
    otherwise send a UTF-8 file to the single-byte guess, which reads all of it as noise; one
    U+FFFD costs one word instead.
    """
    text = data.decode("utf-8", errors="replace")
    # Each maximal invalid subsequence becomes one U+FFFD; those written in the file stay.
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - invalid
    cut_off = invalid == 1 and error.end == len(data) and valid > 0
    if not cut_off and invalid * _UTF8_VALID_PER_INVALID > valid:
        return None
    what = "a character cut off at the end" if cut_off else f"{invalid} invalid sequence(s)"
    log.warning(
        "%s: invalid UTF-8 at byte %d (%s); read as UTF-8 with U+FFFD in their place",
        name,
        error.start,
        what,
    )
    return text


def _decode_with_nuls(data: bytes, name: str) -> tuple[str, str]:
    """UTF-16 without a BOM, or InputError: no other encoding tcheck reads has NUL bytes."""
    decoded = _bomless_utf16(data)
    if decoded is not None:
        log.info("%s: no BOM, read as %s (NUL bytes in every other position)", name, decoded[1])
        return decoded
    # Latin-1 maps each byte to the code point of the same number: a byte-wise control count.
    if _too_many_controls(data.decode("latin-1")):
        raise InputError(f"{name}: looks like binary data (NUL bytes), not text")
    # A stray NUL in otherwise clean bytes: say where, so the file can be mended.
    nuls = data.count(b"\x00")
    count, them = ("a NUL byte", "it") if nuls == 1 else (f"{nuls} NUL bytes, the first", "them")
    raise InputError(
        f"{name}: contains {count} at offset {data.index(0)} (remove {them} if the rest is text)"
    )


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for UTF-16 without a BOM, or None.

    ASCII characters (spaces, digits, punctuation) have a NUL high byte in UTF-16, so in text
    the NULs fall on odd offsets (little-endian) or on even ones (big-endian); binary data has
    them on both. Text in one alphabet also keeps its high bytes to a few values (0x04 and
    0x00 for Cyrillic), which ASCII or binary read two bytes at a time does not.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if min(even, odd) * _UTF16_NUL_PARITY > max(even, odd):
        return None
    high, encoding = (data[1::2], "utf-16-le") if odd > even else (data[0::2], "utf-16-be")
    common = sum(count for _, count in Counter(high).most_common(_UTF16_HIGH_BYTES))
    if common < _UTF16_HIGH_SHARE * len(high):
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    """No NUL and almost no other control, private-use or unassigned character."""
    if "\x00" in text:
        return False
    odd = sum(1 for ch in text if unicodedata.category(ch) in _NOT_TEXT and ch not in "\t\n\r\f")
    return odd * 100 <= len(text)


def _decode_single_byte(data: bytes, name: str) -> tuple[str, str]:
    # charset-normalizer often mistakes one Cyrillic code page for another (cp1251 text read as
    # mac-cyrillic, koi8-r as cp1251), so its guess competes with the usual Cyrillic code pages
    # on how much the decoded words look like real words.
    guess = charset_normalizer.from_bytes(data).best()
    candidates = list(_CYRILLIC_CODECS)
    if guess is not None and codecs.lookup(guess.encoding).name not in _normalized(candidates):
        candidates.append(guess.encoding)
    best: tuple[float, str, str] | None = None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        log.debug("%s: %s scores %.3f", name, encoding, score)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None:
        raise InputError(f"{name}: cannot determine the text encoding (binary data?)")
    return best[1], codecs.lookup(best[2]).name


def _normalized(encodings: list[str]) -> set[str]:
    return {codecs.lookup(e).name for e in encodings}


def _plausibility(text: str) -> float:
    """Share of words that are single-script and cased like words (lower, Title or UPPER).

    A wrong code page turns words into case- and script-mixed noise (``хЛПЮХМЮ``), or splits
    them with symbols; the right one gives ordinary words.
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    good = 0
    for word in words:
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in word}
        cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        good += len(word) * (len(scripts) == 1 and cased)
    letters = sum(len(w) for w in words)
    symbols = sum(1 for ch in text if not (ch.isalnum() or ch.isspace()))
    return good / letters - 0.5 * symbols / max(len(text), 1)


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Read and decode a file; InputError for unreadable, oversized, binary or empty files."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with path.open("rb") as handle:
            # A regular file's size is known before reading: refuse it without loading it.
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(_too_large(path, max_bytes, size))
            # Pipes and devices report no size: read one byte past the limit to notice.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(_too_large(path, max_bytes, None))
    return decode_bytes(data, name=str(path))


def _too_large(path: Path, max_bytes: int, size: int | None) -> str:
    actual = f"{size} bytes; " if size is not None else ""
    return (
        f"{path}: file is larger than {max_bytes} bytes ({actual}raise the limit with --max-bytes)"
    )
