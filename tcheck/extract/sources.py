"""Attribution: who said, wrote or published what a sentence reports, and whether it quotes."""

from __future__ import annotations

import re

from tcheck.extract.keys import name_key
from tcheck.extract.model import NameMention, SourceMention

# (kind, cue) - a cue is followed by the source's name ("сообщает Bloomberg") unless the
# kind is "said", where the speaker may stand on either side ("Зеленский отметил").
_CUES: tuple[tuple[str, str], ...] = (
    ("interview", r"в\s+интервью|в\s+інтерв['’ʼ]?ю|в\s+интервю\s+(?:за|на|пред)|"
                  r"в\s+интервю|in\s+an\s+interview\s+(?:with|to)|told|interview\s+with|"
                  # "told X": a speaking verb with the outlet it spoke to
                  r"(?:рассказал[аио]?|сказал[аио]?|заявил[аио]?|сообщил[аио]?)\s+"
                  r"(?:изданию|газете|агентству|телеканалу|каналу|радиостанции|журналу|порталу)|"
                  r"(?:розповів|розповіла|розповіли|сказав|сказала|заявив|заявила|повідомив|"
                  r"повідомила)\s+(?:виданню|газеті|агентству|телеканалу|каналу|радіостанції|"
                  r"журналу|порталу)|"
                  r"(?:каза|казаха|заяви|заявиха|разказа|сподели|коментира)\s+(?:пред|на)|"
                  r"рассказал[аио]?|розповів|розповіла|розповіли|разказа"),
    ("according", r"по\s+данным|по\s+словам|по\s+информации|по\s+сведениям|согласно|"
                  r"за\s+даними|за\s+словами|за\s+інформацією|згідно\s+з|відповідно\s+до|"
                  r"според|по\s+думите\s+на|по\s+данни\s+на|по\s+информация\s+на|"
                  r"according\s+to|citing|по\s+сообщени(?:ю|ям)|за\s+повідомленням|"
                  r"според\s+информация(?:та)?\s+на|по\s+информация\s+на"),
    ("wrote", r"как\s+писал[аио]?|як\s+писав|як\s+писала|як\s+писало|както\s+писа|"
              r"написал[аи]?|написав|написала|написали|написа(?:\s+това)?|"
              r"пишет|пише|wrote|writes|posted"),
    ("reported", r"сообщает|сообщило|сообщил[аи]?|передает|передаёт|передає|повідомляє|"
                 r"повідомило|повідомив|повідомила|съобщава(?:т)?|съобщи(?:ха)?|информира|"
                 r"reports|reported|reuters\s+reported|как\s+сообщает|як\s+повідомляє"),
    ("said", r"заявил[аи]?|сказал[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|"
             r"заявив|заявила|сказав|сказала|зазначив|зазначила|наголосив|наголосила|"
             r"підкреслив|підкреслила|додав|додала|заяви|каза|подчерта|добави|отбеляза|"
             r"said|says|stated|added|noted"),
)  # fmt: skip
_CUE_RE = re.compile(
    "|".join(f"(?P<{kind}{i}>(?<!\\w)(?:{cue})(?!\\w))" for i, (kind, cue) in enumerate(_CUES)),
    re.IGNORECASE,
)
# Platforms named in lower case ("в телеграм-канале", "у фейсбуці") still name a source.
_PLATFORM = re.compile(
    r"(?<!\w)(?:telegram|телеграм\w*|телеграмм\w*|facebook|фейсбук\w*|twitter|твиттер\w*|"
    r"твітер\w*|instagram|инстаграм\w*|інстаграм\w*|youtube|ютуб\w*)(?:-канал\w*)?(?!\w)",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(r"[«„“\"]([^«»„“”\"]+)[»“”\"]")
_DASH_QUOTE = re.compile(r"^\s*[-–—]\s")
_WINDOW = 40  # characters between the cue and the source name


def has_direct_quote(text: str) -> bool:
    """A quoted stretch of three words or more, or a dialogue dash opening the sentence."""
    if _DASH_QUOTE.match(text):
        return True
    return any(len(m.group(1).split()) >= 3 for m in _QUOTE_RE.finditer(text))


def find_sources(text: str, lang: str, names: tuple[NameMention, ...]) -> tuple[SourceMention, ...]:
    """Attribution phrases of one sentence, tied to the nearest fitting name."""
    quoted = has_direct_quote(text)
    out: list[SourceMention] = []
    cues = list(_CUE_RE.finditer(text))
    for idx, m in enumerate(cues):
        kind = re.sub(r"\d+$", "", next(k for k, v in m.groupdict().items() if v))
        start, end = m.span()
        if kind == "reported" and not _parenthetical(text, start):
            continue  # "РФ передает Пхеньяну технологии": a verb of transfer, not a source
        # A name beyond the next cue belongs to that cue ("сказав в інтерв'ю Kyodo News").
        limit = cues[idx + 1].start() if idx + 1 < len(cues) else len(text)
        after = [n for n in names if 0 <= n.start - end <= _WINDOW and n.end <= limit]
        platform = _PLATFORM.search(text, end, min(len(text), end + _WINDOW))
        key, s_start, s_end, named = "", start, end, True
        if platform and (not after or platform.start() < after[0].start):
            key = name_key(re.sub(r"-канал\w*$", "", platform.group(), flags=re.I), lang)
            s_end = platform.end()
        elif after and not _crosses_clause(text[end : after[0].start]):
            key, s_end = after[0].key, after[0].end
        elif kind == "according":
            # "по данным ведомства": an unnamed source is keyed by the words that name it.
            tail = re.match(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)", text[end:limit])
            if tail:
                words = tail.group(1)
                key, s_end, named = name_key(words, lang), end + tail.end(), False
        elif kind == "said":
            before = [n for n in names if 0 <= start - n.end <= 3]
            if before:
                key, s_start = before[-1].key, before[-1].start
        also = tuple(
            n.key
            for n in names
            if 0 <= n.start - end <= 2 * _WINDOW
            and n.end <= limit
            and n.key != key
            and not _crosses_clause(text[end : n.start])
        )
        out.append(
            SourceMention(text[s_start:s_end], s_start, s_end, key, kind, quoted, also, named)
        )
        if kind == "wrote" and platform and s_end < platform.start():
            # "написал Ермак в телеграм-канале": the author and the medium are both sources.
            p_key = name_key(re.sub(r"-канал\w*$", "", platform.group(), flags=re.I), lang)
            out.append(
                SourceMention(
                    platform.group(), platform.start(), platform.end(), p_key, kind, quoted
                )
            )
    return tuple(_merge(out))


def _crosses_clause(gap: str) -> bool:
    """A comma, colon or quote between cue and name ends the cue's reach ("заявил, что Путин")."""
    return bool(re.search(r"[,:;.»”]|\bчто\b|\bщо\b|\bче\b|\bthat\b", gap))


def _parenthetical(text: str, start: int) -> bool:
    """A reporting verb set off from the clause: ", передає «Главком»", "Как сообщает ..."."""
    before = text[:start].rstrip()
    return (
        not before
        or before[-1] in ',.:;–—-"»”('
        or bool(re.search(r"(?:^|\s)(?:как|як|както|as)$", before, re.IGNORECASE))
    )


def _merge(found: list[SourceMention]) -> list[SourceMention]:
    """ "написал Ермак в телеграм-канале": one source, the platform keeps the wrote kind."""
    out: list[SourceMention] = []
    for s in found:
        if out and s.key and out[-1].key == s.key and out[-1].kind == s.kind:
            continue
        out.append(s)
    return out
