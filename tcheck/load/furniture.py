"""Recognise non-body lines: date/time stamps and page furniture (ads, comment counters,
reading times, "read also" blocks, share buttons).

Deliberately conservative: a pattern matches a whole line (or, for dates, an explicit
prefix), so a real headline that merely mentions a date or the word "реклама" stays body text.
"""

from __future__ import annotations

import re

DATE = "date"
FURNITURE = "furniture"

_MONTHS = (
    r"(?:январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]"
    r"|октябр[ья]|ноябр[ья]|декабр[ья]"
    r"|січ(?:ня|ень)|лют(?:ого|ий)|берез(?:ня|ень)|квіт(?:ня|ень)|трав(?:ня|ень)"
    r"|черв(?:ня|ень)|лип(?:ня|ень)|серп(?:ня|ень)|верес(?:ня|ень)|жовт(?:ня|ень)"
    r"|листопада?|груд(?:ня|ень)"
    r"|януари|февруари|април|юни|юли|септември|октомври|ноември|декември"
    r"|january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
)
_NUMERIC_DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_WORD_DATE = rf"(?:\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|{_MONTHS}\s+\d{{1,2}},?(?:\s+\d{{4}})?)"
_YEAR_MARK = r"(?:\s*(?:г|р|год[ау]?|року|година)\.?)?"
_STAMP = rf"(?:{_NUMERIC_DATE}|{_WORD_DATE}|{_TIME}){_YEAR_MARK}"
_LABEL = (
    r"(?:date|dated|published|updated|posted|дата|опубликовано|обновлено|опубліковано"
    r"|оновлено|публикувано|обновено)\s*:?"
)
_SEP = r"[\s,|/·•–—-]*"

_DATE_LINE = re.compile(rf"(?:{_LABEL}\s*)?{_STAMP}(?:{_SEP}{_STAMP})*{_YEAR_MARK}", re.IGNORECASE)
_DATE_PREFIX = re.compile(
    # A body line may start with a stamp the page glued to it (" date 2026-02-20 Украинская
    # сторона..."): only an explicit label or a full numeric date counts, and body text
    # (a capital letter or an opening quote) must follow.
    rf"(?:{_LABEL}\s*{_STAMP}|{_NUMERIC_DATE}(?:\s+{_TIME})?|{_TIME}\s+{_NUMERIC_DATE})"
    r"(?=\s+[«„“\"'(]?[^\W\d_])",
    re.IGNORECASE,
)

_FURNITURE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # comment counters
        r"(?:комментарии|комментариев|коментарі|коментарів|коментари|коментари|comments?)"
        r"\s*(?:\(\s*\d+\s*\)|:?\s*\d+)?",
        r"\d+\s+(?:комментари(?:й|я|ев)|коментар(?:ів|і)?|коментара?|comments?)",
        # advertising
        r"(?:реклама|advertisement|advertising|sponsored|партнерский материал|на правах рекламы"
        r"|промо|спонсорирано)",
        # reading time
        r"(?:\d+\s*(?:мин|минуты?|минут|хв|хвилин[аи]?|минути|min|mins|minutes?)\.?"
        r"\s*(?:читать|чтения|читання|четене|за четене|read|reading)"
        r"|(?:время чтения|час читання|време за четене|reading time)\s*:?\s*\d+\s*\S*)",
        # "read also" / "more on the topic" / "latest" blocks
        r"(?:ещ[её] по теме|читайте также|читайте такожe?|читайте також|по теме|по темі"
        r"|ще на тему|още по темата|вижте още|прочетете още|свързани новини|related(?: news)?"
        r"|read (?:more|also)|see also|more on this|последнее|последние новости|останнє"
        r"|останні новини|последни новини|latest(?: news)?|популярное|популярне|популярни"
        r"|главное|головне|новости партнеров|новини партнерів|теги|tags)\s*:?",
        # share bars and buttons
        r"(?:поделиться|поділитися|сподели|share(?: this)?|tweet|печать|друк|print"
        r"|подписывайтесь[^.!?]{0,60}|підписуйтесь[^.!?]{0,60}|subscribe)\s*:?",
        r"(?:(?:facebook|twitter|telegram|viber|whatsapp|linkedin|vk|x|email|e-mail)"
        r"[\s|/,·•]*){2,}",
        # photo credits
        r"(?:фото|photo|снимка|ілюстрація|иллюстрация)\s*:\s*\S[^.!?]{0,50}",
        # a portal's link block: "UKR.NET- новини з усієї України"
        r"[a-z0-9-]+\.(?:net|com|ua|ru|bg|org|info|by|rs|mk)\s*[-–—]\s*\S[^.!?]{0,50}",
    )
)


def classify_line(line: str) -> str | None:
    """``date`` or ``furniture`` when the whole (stripped) line is one, else None."""
    text = line.strip()
    if not text:
        return None
    if _DATE_LINE.fullmatch(text):
        return DATE
    if any(p.fullmatch(text) for p in _FURNITURE):
        return FURNITURE
    return None


def date_prefix_length(line: str) -> int:
    """Length of a date stamp at the start of ``line`` (which must not start with a blank)
    that is followed by body text; 0 when there is none."""
    match = _DATE_PREFIX.match(line)
    return match.end() if match else 0
