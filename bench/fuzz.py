"""Fuzz campaign: hostile and broken input through the real CLI, with every report validated.

Regenerate ``reports/reliability.md`` (about 15 minutes on two cores) with:

    python bench/fuzz.py

Options: ``--inputs N`` (default 10,000), ``--seed S``, ``--sample-every K`` (every K-th input is
also run in a subprocess), ``--replay I`` (run input number I alone and print what happened),
``--no-limits`` (skip the 50 MB memory measurements).

Every input is a set of files (one hostile file, mostly next to a realistic NTREX document) and a
command line (compare in every format, align, segment, with random options). It runs in-process
through typer's CliRunner under a time bound (SIGALRM, with a faulthandler watchdog behind it).
An outcome is good when the exit code is 0, 1 or 2, nothing raised but ``SystemExit``, exit 2
comes with a clear ``tcheck: error: ...`` line (or click's usage error), no output shows a
traceback, and every report produced validates: JSON against tcheck.report/1, SARIF against the
SARIF 2.1.0 schema, plus invariants (nothing lost, indices in range) and output safety (no raw
markup from the input in HTML, Markdown or GitHub annotations).
"""

from __future__ import annotations

import argparse
import codecs
import collections
import concurrent.futures
import dataclasses
import faulthandler
import json
import logging
import multiprocessing
import os
import platform
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
NTREX = SHARED / "data" / "ntrex128"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
REPORT_SCHEMA = ROOT / "tcheck" / "report" / "schemas" / "report.schema.json"
SEEDS = ROOT / "seeds"


def _default_max_bytes() -> int:
    from tcheck.load.decode import DEFAULT_MAX_BYTES

    return DEFAULT_MAX_BYTES


REPORT = ROOT / "reports" / "reliability.md"

NTREX_FILES = {
    "ru": "newstest2019-ref.rus.txt",
    "uk": "newstest2019-ref.ukr.txt",
    "bg": "newstest2019-ref.bul.txt",
    "be": "newstest2019-ref.bel.txt",
    "mk": "newstest2019-ref.mkd.txt",
    "sr": "newstest2019-ref.srp-Cyrl.txt",
    "en": "newstest2019-src.eng.txt",
}

INJECTIONS = (
    "</script><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<!-- </textarea> -->",
    "::error file=evil.txt::pwned",
    "%0A::warning::pwned%25",
    "| a | b |\n|---|---|",
    "[click](javascript:alert(1))",
    "@everyone ![x](http://example.invalid/x.png)",
    "`code` **bold** _em_ ~~s~~",
    "\r\n::notice::carriage",
    "&lt;&amp;&#x3C;",
    "{{7*7}} ${7*7} %(x)s {0}",
)
"""Strings that mean something to a reader of some output format; they must stay inert."""

HOSTILE_NAMES = (
    "a b,c:d%e.txt",
    "<script>x<b>.txt",
    "über ünïcödé.txt",
    "::error::name.txt",
    "50%25 off.md",
    "-dash.txt",
    "кириллица.txt",
    "tab\there.txt",
    "new\nline.txt",
    "quote\"'.txt",
    "#hash?q=1&x.txt",
)

HOMOGLYPHS = dict(zip("аеорсухіАВЕКМНОРСТХ", "aeopcyxiABEKMHOPCTX", strict=True)) | dict(
    zip("aeopcyxiABEKMHOPCTX", "аеорсухіАВЕКМНОРСТХ", strict=True)
)

FORMATS = ("json", "json", "json", "sarif", "sarif", "html", "markdown", "github", "text", "rich")


# -- corpus ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """Realistic building blocks: documents (lists of lines) per language."""

    docs: dict[str, list[list[str]]]

    def doc(self, rng: random.Random, lang: str | None = None, max_lines: int = 10) -> list[str]:
        lang = lang or rng.choice(sorted(self.docs))
        doc = rng.choice(self.docs[lang])
        start = rng.randrange(max(1, len(doc) - max_lines + 1))
        return doc[start : start + max_lines]

    def parallel(
        self, rng: random.Random, langs: list[str], max_lines: int = 10
    ) -> list[list[str]]:
        """The same passage in several languages (NTREX documents are line-parallel)."""
        n = min(len(self.docs[lang]) for lang in langs)
        i = rng.randrange(n)
        length = min(len(self.docs[lang][i]) for lang in langs)
        start = rng.randrange(max(1, length - max_lines + 1))
        return [self.docs[lang][i][start : start + max_lines] for lang in langs]

    def sentence(self, rng: random.Random) -> str:
        return rng.choice(self.doc(rng, max_lines=20))


def load_corpus() -> Corpus:
    """NTREX documents when ../shared has them, else the sample story's paragraphs."""
    if (NTREX / "DOCUMENT_IDS.tsv").is_file():
        ids = [
            line.split("\t")[0]
            for line in (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
        ]
        docs: dict[str, list[list[str]]] = {}
        for lang, name in NTREX_FILES.items():
            path = NTREX / name
            if not path.is_file():
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            by_doc: dict[str, list[str]] = {}
            for doc_id, line in zip(ids, lines, strict=False):
                by_doc.setdefault(doc_id, []).append(line)
            docs[lang] = list(by_doc.values())
        if docs:
            return Corpus(docs)
    docs = {}
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        docs.setdefault(path.stem, []).append(paragraphs)
    return Corpus(docs)


# -- generators: rng -> bytes of one hostile file ---------------------------------------------


def _text(rng: random.Random, corpus: Corpus, lines: int = 8) -> str:
    return "\n".join(corpus.doc(rng, max_lines=lines))


def gen_random_bytes(rng: random.Random, corpus: Corpus) -> bytes:
    return rng.randbytes(rng.choice((0, 1, 2, 7, 64, 512, 4096)))


def gen_truncated_utf8(rng: random.Random, corpus: Corpus) -> bytes:
    data = _text(rng, corpus).encode("utf-8")
    return data[: rng.randrange(len(data) + 1)]


def gen_truncated_utf16(rng: random.Random, corpus: Corpus) -> bytes:
    codec = rng.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32"))
    data = _text(rng, corpus).encode(codec)
    cut = rng.randrange(len(data) + 1)
    return data[:cut] if rng.random() < 0.8 else data[:cut] + rng.randbytes(3)


def gen_mixed_encodings(rng: random.Random, corpus: Corpus) -> bytes:
    codecs_ = ("utf-8", "cp1251", "koi8-r", "koi8-u", "iso8859-5", "mac-cyrillic", "utf-16-le")
    parts = []
    for line in corpus.doc(rng, max_lines=8):
        codec = rng.choice(codecs_)
        parts.append(line.encode(codec, errors="replace"))
    return b"\n".join(parts)


def gen_nul_bytes(rng: random.Random, corpus: Corpus) -> bytes:
    data = bytearray(_text(rng, corpus).encode("utf-8"))
    for _ in range(rng.choice((1, 2, 5, 50))):
        data.insert(rng.randrange(len(data) + 1), 0)
    return bytes(data)


def gen_control_chars(rng: random.Random, corpus: Corpus) -> bytes:
    controls = [chr(c) for c in range(32) if c not in (9, 10, 13)] + [
        "\x7f",
        "\u202e",  # right-to-left override
        "\u2066",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u2028",
        "\u2029",
        "\x85",
        "\ufffd",
    ]
    text = list(_text(rng, corpus))
    for _ in range(rng.choice((1, 3, 10, 40))):
        text.insert(rng.randrange(len(text) + 1), rng.choice(controls))
    return "".join(text).encode("utf-8")


def gen_only_digits(rng: random.Random, corpus: Corpus) -> bytes:
    n = rng.choice((1, 5, 50, 500))
    seps = rng.choice((" ", "\n", "", ". ", ",", " 000 "))
    return seps.join(str(rng.randrange(10 ** rng.randint(1, 12))) for _ in range(n)).encode()


def gen_only_punctuation(rng: random.Random, corpus: Corpus) -> bytes:
    marks = ".,;:!?…—–-«»„“”\"'()[]{}<>/\\|*&^%$#@~`+=_№§"
    n = rng.choice((1, 3, 30, 300))
    sep = rng.choice(("", " ", "\n"))
    return sep.join(rng.choice(marks) * rng.randint(1, 4) for _ in range(n)).encode()


def gen_rtl_emoji(rng: random.Random, corpus: Corpus) -> bytes:
    pieces = [
        "مرحبا بالعالم، هذا نص تجريبي.",
        "שלום עולם. זה טקסט.",
        "😀🎉👍🏽 👨‍👩‍👧‍👦 🇺🇦🇧🇬",
        "\u202eтекст наоборот\u202c",
        "١٢٣٤ ٥٫٦ ٪",
        "नमस्ते दुनिया।",
        "日本の高市早苗首相は述べた。",
    ]
    out = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.5:
            out.append(rng.choice(pieces))
        else:
            s = corpus.sentence(rng)
            at = rng.randrange(len(s) + 1)
            out.append(s[:at] + rng.choice(pieces) + s[at:])
    return rng.choice(("\n", " ", "\n\n")).join(out).encode("utf-8")


def gen_homoglyphs(rng: random.Random, corpus: Corpus) -> bytes:
    rate = rng.choice((0.05, 0.3, 1.0))
    text = _text(rng, corpus)
    return "".join(HOMOGLYPHS.get(ch, ch) if rng.random() < rate else ch for ch in text).encode(
        "utf-8"
    )


def gen_random_unicode(rng: random.Random, corpus: Corpus) -> bytes:
    ranges = (
        (0x20, 0x7E),
        (0x400, 0x52F),
        (0x300, 0x36F),  # combining marks
        (0x2000, 0x206F),
        (0xD800, 0xDFFF),  # lone surrogates: invalid UTF-8 once encoded
        (0xE000, 0xF8FF),
        (0x1F300, 0x1FAFF),
        (0x10000, 0x10FFFF),
    )
    chars = []
    for _ in range(rng.choice((1, 10, 200, 2000))):
        lo, hi = rng.choice(ranges)
        chars.append(chr(rng.randint(lo, hi)))
        if rng.random() < 0.1:
            chars.append(rng.choice(("\n", " ", ". ")))
    return "".join(chars).encode("utf-8", errors="surrogatepass")


def gen_whitespace(rng: random.Random, corpus: Corpus) -> bytes:
    return "".join(
        rng.choice((" ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u3000", "\u2003"))
        for _ in range(rng.randint(0, 300))
    ).encode("utf-8")


def gen_markdown(rng: random.Random, corpus: Corpus) -> bytes:
    blocks = [
        "# ",
        "## ",
        "- ",
        "1. ",
        "> ",
        "```\n",
        "```python\n",
        "<!--",
        "-->",
        "<!-- tcheck: ignore TC201 -->",
        "<!-- tcheck: ignore -->",
        "<!-- tcheck: ignore TC999, TC2 -->",
        "<!-- tcheck: ignore TC2",
        "<!-- tcheck: ignore TC1 --><!-- tcheck: ignore TC1 -->",
        "| a | b |\n|---|",
        "---\ntitle: x\n---\n",
        "<div>",
        "</div>",
        "![img](x.png)",
        "[^1]: note",
        "***",
    ]
    out = []
    for _ in range(rng.randint(1, 14)):
        if rng.random() < 0.45:
            out.append(rng.choice(blocks) + corpus.sentence(rng))
        else:
            out.append(rng.choice(blocks))
    return rng.choice(("\n", "\n\n")).join(out).encode("utf-8")


def gen_structured(rng: random.Random, corpus: Corpus) -> bytes:
    s = json.dumps(corpus.sentence(rng), ensure_ascii=rng.random() < 0.5)
    templates = (
        '{"title": S, "body": [S, ',
        '[{"id": 1, "text": S}, {"id": 2, "text": S',
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid S\nmsgstr S\n'
        'msgid "unterminated\nmsgstr ',
        '<?xml version="1.0"?><xliff version="1.2"><file><body><trans-unit id="1">'
        "<source>S</source><target>S",
        "<xliff><unit><segment><source>S</source></segment></unit><!-- ",
        "<?xml encoding='koi8-r'?><doc>S</doc></doc>]]>",
        "key: S\n  - S\n\t- : :\n",
    )
    out = []
    for _ in range(rng.randint(1, 4)):
        out.append(rng.choice(templates).replace("S", s))
    return "\n".join(out).encode("utf-8")


def gen_injection(rng: random.Random, corpus: Corpus) -> bytes:
    lines = corpus.doc(rng, max_lines=8)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        s = lines[i]
        at = rng.randrange(len(s) + 1)
        lines[i] = s[:at] + rng.choice(INJECTIONS) + s[at:]
    return "\n".join(lines).encode("utf-8")


def gen_perturbed(rng: random.Random, corpus: Corpus) -> bytes:
    """A realistic document whose numbers, names or sentences were changed."""
    lines = corpus.doc(rng, max_lines=10)
    out = []
    for line in lines:
        r = rng.random()
        if r < 0.1:
            continue
        if r < 0.3:
            line = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), line)
        elif r < 0.4:
            line = line + " " + rng.choice(INJECTIONS)
        out.append(line)
    return "\n".join(out or lines).encode(
        rng.choice(("utf-8", "utf-8", "cp1251", "utf-16")), "replace"
    )


def gen_long_line(rng: random.Random, corpus: Corpus) -> bytes:
    """A 1 MB single line (sentences joined by spaces, no newline)."""
    pieces: list[str] = []
    size = 0
    while size < 1_000_000:
        s = corpus.sentence(rng)
        pieces.append(s)
        size += len(s.encode("utf-8")) + 1
    return " ".join(pieces).encode("utf-8")[:1_000_000]


def gen_many_lines(rng: random.Random, corpus: Corpus) -> bytes:
    """100,000 one-word lines."""
    words = [w for w in corpus.sentence(rng).split() if w] or ["слово"]
    return "\n".join(rng.choice(words) for _ in range(100_000)).encode("utf-8")


# -- resource formats: valid files of each reader's format, then broken ones --------------------

RESOURCE_SUFFIX = {
    "json": ".json",
    "yaml": ".yaml",
    "po": ".po",
    "xliff": ".xlf",
    "html": ".html",
    "markdown": ".md",
}


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_resource(fmt: str, lines: list[str], lang: str) -> str:
    """A valid file of ``fmt`` holding ``lines`` under keys ``k0``, ``k1``..."""
    if fmt == "json":
        return json.dumps({f"k{i}": line for i, line in enumerate(lines)}, ensure_ascii=False)
    if fmt == "yaml":
        return "".join(
            f"k{i}: {json.dumps(line, ensure_ascii=False)}\n" for i, line in enumerate(lines)
        )
    if fmt == "po":
        head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        head += f'"Language: {lang}\\n"\n\n'
        body = "".join(
            f"msgid {json.dumps(f'k{i}')}\nmsgstr {json.dumps(line, ensure_ascii=False)}\n\n"
            for i, line in enumerate(lines)
        )
        return head + body
    if fmt == "xliff":
        units = "".join(
            f'<trans-unit id="k{i}"><source>k{i}</source><target>{_xml(line)}</target></trans-unit>'
            for i, line in enumerate(lines)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
            f'target-language="{lang}" datatype="plaintext" original="x"><body>{units}'
            "</body></file></xliff>\n"
        )
    if fmt == "html":
        body = "".join(f"<p>{_xml(line)}</p>\n" for line in lines)
        return f'<!DOCTYPE html><html lang="{lang}"><head><title>t</title></head><body>\n{body}</body></html>\n'
    return "\n\n".join(lines) + "\n"


_BREAKERS = (
    "<",
    ">",
    "</",
    '"',
    "'",
    "{",
    "}",
    "[",
    "]",
    ":",
    "\n- ",
    "\t",
    "&",
    "&#0;",
    "&unknown;",
    "<!DOCTYPE x [<!ENTITY a SYSTEM 'file:///etc/passwd'>]>",
    '<!ENTITY b "&b;&b;">',
    "msgstr ",
    'msgid "',
    "#, fuzzy\n",
    "<![CDATA[",
    "]]>",
    "<script>",
    "*&a [*a, *a]",
    "!!python/object:os.system",
)


def mutate_text(rng: random.Random, text: str) -> str:
    """Break a valid file a little: cut it, drop or repeat a slice, insert syntax characters."""
    for _ in range(rng.randint(1, 3)):
        r = rng.random()
        n = len(text)
        a, b = sorted((rng.randrange(n + 1), rng.randrange(n + 1)))
        if r < 0.25:
            text = text[:b]
        elif r < 0.45:
            text = text[:a] + text[b:]
        elif r < 0.6:
            text = text[:b] + text[a:b] + text[b:]
        elif r < 0.8:
            text = text[:a] + rng.choice(_BREAKERS) + text[a:]
        else:
            text = text[:a] + rng.choice(INJECTIONS) + text[a:]
    return text


def resource_files(
    rng: random.Random, corpus: Corpus, fmt: str, langs: list[str]
) -> list[tuple[str, bytes]]:
    """Parallel files of one format; the first is broken (or only seasoned with injections)."""
    files = []
    for n, (lang, lines) in enumerate(zip(langs, corpus.parallel(rng, langs), strict=True)):
        text = render_resource(fmt, lines, lang)
        if n == 0:
            text = mutate_text(rng, text) if rng.random() < 0.7 else text
        files.append((f"{lang}{RESOURCE_SUFFIX[fmt]}", text.encode("utf-8")))
    return files


Generator = Callable[[random.Random, Corpus], bytes]

GENERATORS: dict[str, tuple[Generator, float]] = {
    "random-bytes": (gen_random_bytes, 1.0),
    "truncated-utf8": (gen_truncated_utf8, 1.0),
    "truncated-utf16/32": (gen_truncated_utf16, 1.0),
    "mixed-encodings": (gen_mixed_encodings, 1.0),
    "nul-bytes": (gen_nul_bytes, 0.6),
    "control-chars": (gen_control_chars, 0.8),
    "only-digits": (gen_only_digits, 0.6),
    "only-punctuation": (gen_only_punctuation, 0.6),
    "rtl-emoji": (gen_rtl_emoji, 0.8),
    "homoglyphs": (gen_homoglyphs, 1.0),
    "random-unicode": (gen_random_unicode, 1.0),
    "whitespace-only": (gen_whitespace, 0.4),
    "markdown": (gen_markdown, 1.0),
    "json/po/xliff": (gen_structured, 0.8),
    "markup-injection": (gen_injection, 1.0),
    "perturbed-ntrex": (gen_perturbed, 1.2),
}
"""Kind -> (generator, weight) for the ordinary, fast inputs."""

RESOURCE_KINDS: dict[str, float] = {f"format-{fmt}": 0.8 for fmt in RESOURCE_SUFFIX}
"""Kinds that write every version in one reader's format (see :func:`resource_files`)."""

BIG_GENERATORS: dict[str, Generator] = {
    "1MB-single-line": gen_long_line,
    "100k-one-word-lines": gen_many_lines,
}
"""Slow kinds: a handful each per campaign (``--big`` of each)."""

SUFFIX = {"markdown": ".md", "json/po/xliff": ".json"}


# -- cases -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One generated input: files to write and the command line to run on them."""

    index: int
    kind: str
    files: tuple[tuple[str, bytes], ...]
    """(file name, content); the first is the hostile one."""
    args: tuple[str, ...]
    """The command line; ``{0}``, ``{1}``... stand for the files' paths."""
    fmt: str
    """The output format (what the report on stdout is checked against)."""


def make_case(index: int, seed: int, corpus: Corpus, kind: str | None = None) -> Case:
    """Input number ``index`` of the campaign with ``seed`` (deterministic)."""
    rng = random.Random(f"{seed}:{index}")
    if kind is None:
        weights = {**{k: w for k, (_, w) in GENERATORS.items()}, **RESOURCE_KINDS}
        kind = rng.choices(list(weights), weights=list(weights.values()))[0]
    langs = sorted(corpus.docs)
    files: list[tuple[str, bytes]]
    if kind in RESOURCE_KINDS:
        chosen = rng.sample(langs, min(rng.choice((2, 2, 3)), len(langs)))
        files = resource_files(rng, corpus, kind.removeprefix("format-"), chosen)
    else:
        gen = BIG_GENERATORS.get(kind) or GENERATORS[kind][0]
        hostile = gen(rng, corpus)
        suffix = SUFFIX.get(kind, rng.choice((".txt", ".txt", ".md", ".po", ".xlf", ".json", "")))
        name = rng.choice(HOSTILE_NAMES) if rng.random() < 0.1 else f"hostile{suffix}"
        files = [(name, hostile)]
        if rng.random() < 0.15:
            # two hostile files of the same kind
            files.append((f"other{suffix}", gen(rng, corpus)))
        else:
            chosen = rng.sample(langs, min(rng.choice((1, 1, 1, 2)), len(langs)))
            for lang, lines in zip(chosen, corpus.parallel(rng, chosen), strict=True):
                files.append((f"{lang}.txt", "\n".join(lines).encode("utf-8")))
    if rng.random() < 0.5:
        files.reverse()
    command = rng.choices(("compare", "align", "segment"), weights=(8, 1.5, 1))[0]
    refs = [f"{{{i}}}" for i in range(len(files))]
    args: list[str]
    if command == "segment":
        fmt = rng.choice(("json", "rich"))
        args = ["segment", refs[0], "--format", fmt]
    elif command == "align":
        fmt = rng.choice(("json", "tsv", "rich"))
        args = ["align", *refs, "--format", fmt]
    else:
        fmt = rng.choice(FORMATS)
        args = ["compare", *refs, "--format", fmt]
        if fmt == "rich":
            args += ["--no-color", "--width", str(rng.choice((40, 80, 120)))]
        args += _random_options(rng, len(files))
    if command != "compare" and rng.random() < 0.2:
        args += ["--segment", rng.choice(("lines", "auto", "bogus"))]
    return Case(index, kind, tuple(files), tuple(args), fmt)


def _random_options(rng: random.Random, n_files: int) -> list[str]:
    opts: list[str] = []
    if rng.random() < 0.15:
        opts += ["--segment", rng.choice(("lines", "auto", "sentences?"))]
    if rng.random() < 0.15:
        pool = ("ru", "uk", "bg", "en", "xx", "RU", "r", "рус", "", "ru,uk")
        opts += ["--lang", ",".join(rng.choice(pool) for _ in range(rng.choice((n_files, 1, 3))))]
    if rng.random() < 0.1:
        opts += ["--fail-on", rng.choice(("error", "warning", "info", "never", "fatal"))]
    if rng.random() < 0.1:
        opts += ["--select", rng.choice(("TC2", "TC1,TC5", "XX", "", ",,", "tc201"))]
    if rng.random() < 0.05:
        opts += ["--ignore", rng.choice(("TC103", "TC", "Z"))]
    if rng.random() < 0.05:
        opts += ["--max-bytes", rng.choice(("1", "100", "0", "-5", "1e3", "99999999999"))]
    if rng.random() < 0.05:
        opts.append("--exit-zero")
    if rng.random() < 0.03:
        opts += ["--backbone", rng.choice(("lexical", "auto", "nope"))]
    return opts


def kind_for(index: int, n: int, big: int) -> str | None:
    """Inputs ``0..n-1`` draw their kind; then come ``big`` inputs of each slow kind."""
    if index < n:
        return None
    return list(BIG_GENERATORS)[min((index - n) // max(big, 1), len(BIG_GENERATORS) - 1)]


# -- running -----------------------------------------------------------------------------------


class Hang(BaseException):
    """Raised by the alarm when an input runs past its time bound (not an Exception, so no
    ``except Exception`` in the code under test can swallow it)."""


@dataclass
class Outcome:
    """What one input did."""

    case: Case
    exit_code: int | None
    seconds: float
    problems: list[str] = field(default_factory=list)
    message: str = ""
    """The error line for exit 2."""


def write_files(case: Case, workdir: Path) -> list[str]:
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    paths = []
    for i, (name, data) in enumerate(case.files):
        sub = workdir / str(i)  # two hostile files may share a name
        sub.mkdir()
        path = sub / name
        path.write_bytes(data)
        paths.append(str(path))
    return paths


def _argv(case: Case, paths: list[str]) -> list[str]:
    return [a.format(*paths) if a.startswith("{") else a for a in case.args]


def _on_alarm(signum: int, frame: Any) -> None:
    raise Hang()


def run_in_process(case: Case, workdir: Path, bound: float, validators: Validators) -> Outcome:
    """Run ``case`` through the CLI app in this process."""
    from typer.testing import CliRunner

    from tcheck.cli import app

    paths = write_files(case, workdir)
    runner = CliRunner()
    # Each run is a fresh CLI invocation: the CLI's logging.basicConfig must bind to this
    # run's stderr, not to the closed stream of an earlier run.
    for handler in logging.root.handlers[:]:
        logging.root.removeHandler(handler)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    faulthandler.dump_traceback_later(bound * 3 + 30, exit=True)
    signal.setitimer(signal.ITIMER_REAL, bound)
    start = time.perf_counter()
    try:
        result = runner.invoke(app, _argv(case, paths), catch_exceptions=True)
    except Hang:
        return Outcome(case, None, time.perf_counter() - start, [f"hang (> {bound:.0f} s)"])
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)
    seconds = time.perf_counter() - start
    outcome = Outcome(case, result.exit_code, seconds)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc = result.exception
        outcome.problems.append(f"traceback: {type(exc).__name__}: {str(exc)[:200]}")
    outcome.problems += check_outcome(case, result.exit_code, result.stdout, result.stderr)
    if result.exit_code == 2:
        outcome.message = _error_line(result.stderr, paths)
    elif result.exit_code in (0, 1) and not outcome.problems:
        outcome.problems += validators.check_report(case, result.stdout)
    return outcome


def run_subprocess(case: Case, workdir: Path, bound: float) -> Outcome:
    """Run ``case`` as ``python -m tcheck ...`` (the real entry point, real stdio)."""
    paths = write_files(case, workdir)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "tcheck", *_argv(case, paths)],
            capture_output=True,
            timeout=bound,
            env=env,
            cwd=workdir,
        )
    except subprocess.TimeoutExpired:
        return Outcome(case, None, time.perf_counter() - start, [f"hang (> {bound:.0f} s)"])
    seconds = time.perf_counter() - start
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    outcome = Outcome(case, proc.returncode, seconds)
    outcome.problems += check_outcome(case, proc.returncode, stdout, stderr)
    if proc.returncode == 2:
        outcome.message = _error_line(stderr, paths)
    return outcome


_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: ")


def _error_line(stderr: str, paths: Sequence[str] = ()) -> str:
    """The message of an exit 2 (click's boxed usage error reduced to its text), with the
    input's paths shown as FILE."""
    lines = [ln for ln in stderr.splitlines() if ln.strip() and not _LOG_LINE.match(ln)]
    boxed = [ln.strip("│ ") for ln in lines if ln.startswith("│")]
    line = " ".join(boxed) if boxed else (lines[-1] if lines else "")
    for path in sorted(paths, key=len, reverse=True):
        line = line.replace(path, "FILE")
    return line


def check_outcome(case: Case, code: int | None, stdout: str, stderr: str) -> list[str]:
    """Exit code 0/1/2, no traceback, a clear message on exit 2."""
    problems = []
    if code not in (0, 1, 2):
        problems.append(f"exit code {code}")
    if "Traceback (most recent call last)" in stdout + stderr:
        problems.append("traceback printed")
    if code == 2:
        lines = [ln for ln in stderr.splitlines() if ln.strip() and not _LOG_LINE.match(ln)]
        usage = any(ln.startswith("Usage:") for ln in lines) and any("Error" in ln for ln in lines)
        if not usage:
            if len(lines) != 1:
                problems.append(f"exit 2 with {len(lines)} message lines: {lines[:3]!r}")
            elif not re.match(r"^tcheck: (error: \S.*|interrupted)$", lines[0]):
                problems.append(f"exit 2 with an unclear message: {lines[0][:200]!r}")
    elif code in (0, 1) and not stdout.strip() and case.args[0] != "compare":
        problems.append("exit 0/1 with no output")
    return problems


# -- report validation -------------------------------------------------------------------------


class Validators:
    """Checks of what a successful run printed, per format."""

    def __init__(self) -> None:
        import jsonschema

        report_schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
        self.report = jsonschema.Draft202012Validator(report_schema)
        self.sarif = None
        if SARIF_SCHEMA.is_file():
            sarif_schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
            cls = jsonschema.validators.validator_for(sarif_schema)
            self.sarif = cls(sarif_schema)
        self.validated: collections.Counter[str] = collections.Counter()

    def check_report(self, case: Case, stdout: str) -> list[str]:
        command, fmt = case.args[0], case.fmt
        if command == "compare" and fmt == "json":
            return self._json_report(stdout)
        if command == "compare" and fmt == "sarif":
            return self._sarif(stdout)
        if command == "compare" and fmt == "html":
            return self._html(stdout)
        if command == "compare" and fmt == "markdown":
            return self._markdown(stdout)
        if command == "compare" and fmt == "github":
            return self._github(stdout)
        if command == "align" and fmt == "json":
            return self._alignment(stdout)
        if command == "segment" and fmt == "json":
            return self._segments(stdout)
        return []

    def _load(self, stdout: str) -> tuple[Any, list[str]]:
        try:
            return json.loads(stdout), []
        except json.JSONDecodeError as exc:
            return None, [f"output is not JSON: {exc}"]

    def _json_report(self, stdout: str) -> list[str]:
        doc, problems = self._load(stdout)
        if doc is None:
            return problems
        problems += [f"schema: {e.message[:200]}" for e in self.report.iter_errors(doc)]
        if not problems:
            problems += nothing_lost(doc)
        self.validated["json (tcheck.report/1)"] += 1
        return problems

    def _alignment(self, stdout: str) -> list[str]:
        doc, problems = self._load(stdout)
        if doc is None:
            return problems
        if doc.get("schema") != "tcheck.alignment/1" or "versions" not in doc:
            return [*problems, "alignment: not a tcheck.alignment/1 document"]
        problems += nothing_lost(doc)
        self.validated["align json (invariants)"] += 1
        return problems

    def _segments(self, stdout: str) -> list[str]:
        _, problems = self._load(stdout)
        self.validated["segment json"] += 1
        return problems

    def _sarif(self, stdout: str) -> list[str]:
        doc, problems = self._load(stdout)
        if doc is None:
            return problems
        if self.sarif is not None:
            problems += [f"sarif schema: {e.message[:200]}" for e in self.sarif.iter_errors(doc)]
            self.validated["sarif (SARIF 2.1.0 schema)"] += 1
        return problems

    def _html(self, stdout: str) -> list[str]:
        problems = []
        page = _Tags()
        page.feed(stdout)
        if page.tags.count("script") != 1 or len(re.findall(r"</script", stdout, re.I)) != 1:
            problems.append("html: input text produced or closed a <script> element")
        if {"img", "textarea", "iframe"} & set(page.tags):
            problems.append("html: a tag from the input")
        if page.handlers:
            problems.append(f"html: event-handler attributes {page.handlers[:3]}")
        self.validated["html (no raw markup)"] += 1
        return problems

    def _markdown(self, stdout: str) -> list[str]:
        problems = []
        width = None  # cells of the table being read; None outside a table
        for line in stdout.splitlines():
            if line.startswith("|"):
                cells = len(re.findall(r"(?<!\\)\|", line))
                if width is None:
                    width = cells
                elif cells != width:
                    problems.append(f"markdown: table row with {cells} cells, not {width}")
                    break
            elif line.strip():
                if width is not None:
                    problems.append(f"markdown: a table is cut by the line {line[:80]!r}")
                    break
            else:
                width = None
        low = stdout.lower()
        if "<script" in low or "<img" in low or "](javascript:" in low:
            problems.append("markdown: raw markup from the input")
        self.validated["markdown (tables intact)"] += 1
        return problems

    def _github(self, stdout: str) -> list[str]:
        problems = []
        command = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
        for line in stdout.splitlines():
            m = command.match(line)
            if not m:
                problems.append(f"github: line is not one workflow command: {line[:80]!r}")
                break
            for prop in m.group(2).split(","):
                if "=" not in prop:
                    problems.append(f"github: bad property {prop[:80]!r}")
        if "\r" in stdout:
            problems.append("github: raw carriage return")
        self.validated["github (one command per line)"] += 1
        return problems


class _Tags(HTMLParser):
    """The tags of a page and any event-handler attributes on them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


def nothing_lost(doc: dict[str, Any]) -> list[str]:
    """Every sentence of every related version in exactly one group; counts stated and equal."""
    problems = []
    unrelated = set(doc.get("unrelated", []))
    seen: dict[str, collections.Counter[int]] = {
        v["id"]: collections.Counter() for v in doc["versions"]
    }
    for g in doc["groups"]:
        for vid, idx in g["members"].items():
            if vid not in seen:
                problems.append(f"group {g['id']} names unknown version {vid!r}")
                continue
            seen[vid].update(idx)
    for v in doc["versions"]:
        n = len(v["segments"])
        counts = seen[v["id"]]
        if any(i < 0 or i >= n for i in counts):
            problems.append(f"{v['id']}: group member index out of range")
        if v["id"] in unrelated:
            continue
        if sorted(counts) != list(range(n)) or any(c != 1 for c in counts.values()):
            problems.append(f"{v['id']}: sentences not each in exactly one group")
        if v.get("sentences_read") != n or v.get("sentences_grouped") != n:
            problems.append(
                f"{v['id']}: read {v.get('sentences_read')} grouped "
                f"{v.get('sentences_grouped')} of {n} segments"
            )
    for f in doc.get("findings", []):
        for e in f["evidence"]:
            if e["version"] not in seen:
                problems.append(f"{f['code']}: evidence in unknown version {e['version']!r}")
    return problems


# -- limits ------------------------------------------------------------------------------------

_RSS_CHILD = """
import resource, sys
from tcheck.load.decode import DEFAULT_MAX_BYTES
from tcheck.cli import app
try:
    app(sys.argv[1:], prog_name="tcheck")
    code = 0
except SystemExit as exc:
    code = exc.code
sys.stderr.write("\\nPEAK_RSS_KB=%d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


@dataclass(frozen=True)
class LimitRun:
    label: str
    size: int
    exit_code: int
    seconds: float
    peak_rss_mb: float
    message: str


def measure(label: str, args: list[str], size: int, stdin_bytes: bytes | None = None) -> LimitRun:
    """Run the CLI in a fresh interpreter and read its own peak RSS (getrusage)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _RSS_CHILD, *args],
        stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    if stdin_bytes is not None:
        assert proc.stdin is not None

        def feed() -> None:
            try:
                proc.stdin.write(stdin_bytes)  # type: ignore[union-attr]
                proc.stdin.close()  # type: ignore[union-attr]
            except BrokenPipeError:  # the reader stops at the limit
                pass

        threading.Thread(target=feed, daemon=True).start()
    _, err = proc.communicate(timeout=600)
    seconds = time.perf_counter() - start
    text = err.decode("utf-8", "replace")
    rss = re.search(r"PEAK_RSS_KB=(\d+)", text)
    message = _error_line(text.split("PEAK_RSS_KB=")[0])
    return LimitRun(
        label,
        size,
        proc.returncode,
        seconds,
        int(rss.group(1)) / 1024 if rss else float("nan"),
        message,
    )


def run_limits(corpus: Corpus, workdir: Path) -> list[LimitRun]:
    workdir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(0)
    text = "\n".join(line for doc in corpus.docs[sorted(corpus.docs)[0]] for line in doc)
    unit = (text + "\n").encode("utf-8")
    partner = workdir / "partner.txt"
    partner.write_text("\n".join(corpus.doc(rng, max_lines=10)), encoding="utf-8")

    def sized(n: int) -> Path:
        path = workdir / f"input-{n}.txt"
        path.write_bytes((unit * (n // len(unit) + 1))[:n].rsplit(b"\n", 1)[0])
        return path

    big = sized(50_000_000)
    runs = [
        measure("baseline: `tcheck --version`", ["--version"], 0),
        measure(
            "50 MB file, default limit",
            ["compare", str(partner), str(big), "-f", "json"],
            50_000_000,
        ),
        measure(
            "50 MB through a pipe, default limit",
            ["compare", str(partner), "/dev/stdin", "-f", "json"],
            50_000_000,
            stdin_bytes=big.read_bytes(),
        ),
    ]
    for n in (1_000_000, 2_000_000, 4_000_000):
        path = sized(n)
        runs.append(
            measure(
                f"{n // 1_000_000} MB accepted",
                ["compare", str(partner), str(path), "-f", "json"],
                n,
            )
        )
    return runs


# -- campaign and report -----------------------------------------------------------------------


@dataclass
class Campaign:
    outcomes: list[Outcome] = field(default_factory=list)
    sampled: list[Outcome] = field(default_factory=list)
    limits: list[LimitRun] = field(default_factory=list)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    validated: collections.Counter[str] = field(default_factory=collections.Counter)


_WORKER: dict[str, Any] = {}


def _chunk(
    indices: list[int], spec: dict[str, Any]
) -> tuple[list[Outcome], list[Outcome], collections.Counter[str], float]:
    """Run some inputs in a worker process; outcomes come back without the files' bytes."""
    if not _WORKER:
        _WORKER.update(corpus=load_corpus(), validators=Validators())
    corpus, validators = _WORKER["corpus"], _WORKER["validators"]
    before = collections.Counter(validators.validated)
    outcomes: list[Outcome] = []
    sampled: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="tcheck-fuzz-") as tmp:
        work = Path(tmp)
        for i in indices:
            kind = kind_for(i, spec["n"], spec["big"])
            case = make_case(i, spec["seed"], corpus, kind=kind)
            limit = spec["big_bound"] if kind else spec["bound"]
            outcome = run_in_process(case, work / "case", limit, validators)
            if outcome.problems:
                print(f"[{i}] {case.kind}: {outcome.problems}", file=sys.stderr)
            outcomes.append(outcome)
            if spec["sample_every"] and i % spec["sample_every"] == 0:
                sub = run_subprocess(case, work / "sub", limit * 3 + 10)
                if sub.problems:
                    print(f"[{i}] subprocess {case.kind}: {sub.problems}", file=sys.stderr)
                sampled.append(sub)
    light = [
        dataclasses.replace(o, case=dataclasses.replace(o.case, files=()))
        for o in outcomes + sampled
    ]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return light[: len(outcomes)], light[len(outcomes) :], validators.validated - before, rss


def run_campaign(
    n: int,
    seed: int,
    *,
    sample_every: int,
    big: int,
    bound: float,
    big_bound: float,
    limits: bool,
    jobs: int = 1,
    chunk: int = 50,
) -> Campaign:
    """``n`` ordinary inputs and ``big`` of each slow kind, on ``jobs`` worker processes."""
    spec = {
        "n": n,
        "seed": seed,
        "big": big,
        "bound": bound,
        "big_bound": big_bound,
        "sample_every": sample_every,
    }
    total = n + big * len(BIG_GENERATORS)
    chunks = [list(range(i, min(i + chunk, n))) for i in range(0, n, chunk)]
    chunks += [[i] for i in range(n, total)]
    campaign = Campaign()
    start = time.perf_counter()
    done = 0
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        futures = [pool.submit(_chunk, c, spec) for c in chunks]
        for future in concurrent.futures.as_completed(futures):
            outcomes, sampled, validated, rss = future.result()
            campaign.outcomes += outcomes
            campaign.sampled += sampled
            campaign.validated.update(validated)
            campaign.peak_rss_mb = max(campaign.peak_rss_mb, rss)
            done += len(outcomes)
            if done // 1000 != (done - len(outcomes)) // 1000:
                elapsed = time.perf_counter() - start
                print(f"{done}/{total} inputs, {elapsed:.0f} s", file=sys.stderr)
    campaign.outcomes.sort(key=lambda o: o.case.index)
    campaign.sampled.sort(key=lambda o: o.case.index)
    campaign.seconds = time.perf_counter() - start
    if limits:
        with tempfile.TemporaryDirectory(prefix="tcheck-limits-") as tmp:
            campaign.limits = run_limits(load_corpus(), Path(tmp))
    return campaign


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0


def render_report(c: Campaign, args: argparse.Namespace) -> str:
    outs = c.outcomes
    bad = [o for o in outs if o.problems]
    tracebacks = [o for o in outs + c.sampled if any("traceback" in p for p in o.problems)]
    hangs = [o for o in outs + c.sampled if any(p.startswith("hang") for p in o.problems)]
    lines = [
        "# Reliability: hostile and broken input",
        "",
        "Regenerate with `python bench/fuzz.py` (writes this file; "
        f"`--inputs {args.inputs} --seed {args.seed}` were used).",
        "",
        f"- **{len(outs):,} generated inputs** ({len(outs) - args.big * len(BIG_GENERATORS):,} "
        f"ordinary, {args.big * len(BIG_GENERATORS)} large) run in-process through the CLI, "
        f"{len(c.sampled)} of them also as `python -m tcheck` subprocesses.",
        f"- **{len(tracebacks)} tracebacks, {len(hangs)} hangs** (time bound {args.bound:.0f} s "
        f"per input, {args.big_bound:.0f} s for the large ones), "
        f"{len(bad)} inputs with any problem.",
        f"- Campaign time {c.seconds:.0f} s on {platform.python_implementation()} "
        f"{platform.python_version()} ({os.cpu_count()} CPUs); peak RSS of the in-process "
        f"campaign {c.peak_rss_mb:.0f} MB.",
        "",
        "An outcome is good when the exit code is 0, 1 or 2, nothing but `SystemExit` is raised, "
        "exit 2 comes with one `tcheck: error: ...` line (or click's usage error for a bad "
        "option), no traceback is printed, and the report validates (next section).",
        "",
        "## Outcomes by input kind",
        "",
        "| kind | inputs | exit 0 | exit 1 | exit 2 | problems | median s | max s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    by_kind: dict[str, list[Outcome]] = collections.defaultdict(list)
    for o in outs:
        by_kind[o.case.kind].append(o)
    for kind in [*GENERATORS, *RESOURCE_KINDS, *BIG_GENERATORS]:
        group = by_kind.get(kind, [])
        if not group:
            continue
        codes = collections.Counter(o.exit_code for o in group)
        times = [o.seconds for o in group]
        lines.append(
            f"| {kind} | {len(group)} | {codes[0]} | {codes[1]} | {codes[2]} | "
            f"{sum(1 for o in group if o.problems)} | {_pct(times, 0.5):.3f} | {max(times):.2f} |"
        )
    total = collections.Counter(o.exit_code for o in outs)
    lines.append(
        f"| **all** | {len(outs)} | {total[0]} | {total[1]} | {total[2]} | {len(bad)} | "
        f"{_pct([o.seconds for o in outs], 0.5):.3f} | {max(o.seconds for o in outs):.2f} |"
    )
    commands = collections.Counter((o.case.args[0], o.case.fmt) for o in outs)
    lines += [
        "",
        "Commands run: "
        + ", ".join(f"{cmd} --format {fmt} ×{n}" for (cmd, fmt), n in sorted(commands.items()))
        + ".",
        "",
        "## Reports validated",
        "",
        "| check | reports |",
        "|---|---:|",
    ]
    for name, n in sorted(c.validated.items()):
        lines.append(f"| {name} | {n} |")
    lines += [
        "",
        "JSON reports validate against `tcheck/report/schemas/report.schema.json` and satisfy "
        "*nothing lost*: every sentence of every related version is in exactly one group and "
        "`sentences_read == sentences_grouped`; SARIF validates against the SARIF 2.1.0 schema; "
        "HTML has exactly one `<script>` (its own) and no raw markup from the input; Markdown "
        "tables keep their column count; GitHub output is one workflow command per line.",
        "",
        "## Exit-2 messages (most frequent)",
        "",
    ]
    messages = collections.Counter(
        re.sub(r"/\S*?(tcheck-fuzz-|/dev/)\S*", "FILE", o.message).split("FILE")[-1][:110]
        for o in outs
        if o.exit_code == 2
    )
    for msg, n in messages.most_common(12):
        lines.append(f"- {n} × `…{msg.strip()}`")
    sub_codes = collections.Counter(o.exit_code for o in c.sampled)
    sub_times = [o.seconds for o in c.sampled]
    lines += [
        "",
        "## Subprocess sample",
        "",
        f"{len(c.sampled)} inputs (every {args.sample_every}th) also ran as `python -m tcheck`: "
        f"exit codes {dict(sorted(sub_codes.items(), key=lambda kv: str(kv[0])))}, "
        f"{sum(1 for o in c.sampled if o.problems)} with problems, median "
        f"{_pct(sub_times, 0.5):.2f} s, max {max(sub_times, default=0):.2f} s per run.",
        "",
    ]
    if c.limits:
        lines += [
            "## Limits and memory",
            "",
            "Each row is a fresh interpreter running the CLI; peak RSS is its own "
            "`resource.getrusage(RUSAGE_SELF).ru_maxrss`.",
            "",
            "| run | input bytes | exit | seconds | peak RSS MB | message |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for r in c.limits:
            msg = re.sub(r"^tcheck: error: \S+: ", "", r.message).replace("|", "\\|")
            lines.append(
                f"| {r.label} | {r.size:,} | {r.exit_code} | {r.seconds:.1f} | "
                f"{r.peak_rss_mb:.0f} | {msg} |"
            )
        lines += [
            "",
            f"`--max-bytes` (default {_default_max_bytes():,} bytes per file) is checked against the file's "
            "size before anything is read, so a 50 MB file costs no more memory than "
            "`--version`; a pipe is read only up to one byte past the limit.",
            "",
        ]
    bad_sampled = [o for o in c.sampled if o.problems]
    if bad or bad_sampled:
        lines += ["## Problems", ""]
        for o in (bad + bad_sampled)[:40]:
            where = " as a subprocess" if o in bad_sampled else ""
            lines.append(
                f"- input {o.case.index}{where} ({o.case.kind}, `{' '.join(o.case.args)}`): "
                f"{'; '.join(o.problems)[:300]} — replay with "
                f"`python bench/fuzz.py --seed {args.seed} --inputs {args.inputs} "
                f"--replay {o.case.index}`"
            )
        lines.append("")
    return "\n".join(lines)


def replay(index: int, args: argparse.Namespace) -> int:
    """Run input number ``index`` of the campaign described by ``args`` alone, verbosely."""
    corpus = load_corpus()
    case = make_case(index, args.seed, corpus, kind=kind_for(index, args.inputs, args.big))
    with tempfile.TemporaryDirectory(prefix="tcheck-fuzz-") as tmp:
        outcome = run_in_process(case, Path(tmp) / "case", 60.0, Validators())
        print(f"kind {case.kind}; files {[(n, len(d)) for n, d in case.files]}")
        print(f"args {' '.join(case.args)}")
        print(f"exit {outcome.exit_code} in {outcome.seconds:.2f} s; message {outcome.message!r}")
        print(f"problems {outcome.problems}")
        for name, data in case.files:
            print(f"--- {name!r}: {data[:300]!r}")
    return 1 if outcome.problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--sample-every", type=int, default=200)
    parser.add_argument("--big", type=int, default=3, help="inputs of each large kind")
    parser.add_argument("--bound", type=float, default=20.0, help="seconds per input")
    parser.add_argument("--big-bound", type=float, default=120.0)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--replay", type=int, default=None)
    parser.add_argument("--no-limits", action="store_true")
    parser.add_argument("--output", type=Path, default=REPORT)
    args = parser.parse_args(argv)
    unicodedata.normalize("NFC", "")  # warm the tables outside the first input's time bound
    codecs.lookup("koi8-u")
    if args.replay is not None:
        return replay(args.replay, args)
    campaign = run_campaign(
        args.inputs,
        args.seed,
        sample_every=args.sample_every,
        big=args.big,
        bound=args.bound,
        big_bound=args.big_bound,
        limits=not args.no_limits,
        jobs=args.jobs,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render_report(campaign, args), encoding="utf-8")
    bad = sum(1 for o in campaign.outcomes + campaign.sampled if o.problems)
    print(f"{len(campaign.outcomes)} inputs, {bad} with problems -> {args.output}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
