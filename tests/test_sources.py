"""Attribution extraction: which sources are named, and which are named the way outlets are."""

from __future__ import annotations

import pytest

from tcheck.extract import extract
from tcheck.extract.sources import generic_kind, is_outlet


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the name is where the described source works
        ("uk", "За словами речника департаменту поліції міста Васілла, його заарештували."),
        ("bg", "Според един от членовете на партията Plaid Cymru това е добре."),
        # the source is what "которому" stands for, not the name after it
        ("ru", "Он сослался на доклад, согласно которому Северная Корея продолжает программу."),
        # the media in general
        ("ru", "Как сообщают местные СМИ, пожар начался ночью."),
        ("uk", "Як повідомляють місцеві ЗМІ, пожежа почалася вночі."),
    ],
)
def test_described_sources_are_not_named(lang: str, text: str) -> None:
    sources = extract(text, lang).sources
    assert sources
    assert not any(s.named for s in sources)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "По данным исследовательского агентства Nielsen, рейтинг вырос."),
        ("ru", "Об этом сообщила в воскресенье газета The Guardian."),
        ("uk", "Про це повідомив у п'ятницю журнал Der Spiegel."),
    ],
)
def test_outlets_after_media_nouns_stay_named(lang: str, text: str) -> None:
    sources = extract(text, lang).sources
    assert sources and all(s.named for s in sources)


@pytest.mark.parametrize(
    ("lang", "text", "outlet"),
    [
        ("ru", "Как сообщает Kyodo News, визит продлится три дня.", True),
        ("uk", "Як повідомляє «Главком», візит триватиме три дні.", True),
        ("bg", "Както съобщава агенция Ройтерс, посещението ще продължи три дни.", True),
        ("uk", "Про це міністр написав у Telegram.", True),
        # a person, and a Latin acronym that other versions may spell out in words
        ("ru", "По словам Дана Беннетта, его арестовали.", False),
        ("ru", "По данным FWC, аллигатора поймали.", False),
    ],
)
def test_outlets_are_told_from_people_and_bodies(lang: str, text: str, outlet: bool) -> None:
    sources = [s for s in extract(text, lang).sources if s.key]
    assert sources
    assert is_outlet(sources[0]) is outlet


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Мы видим, как Россия передает КНДР технологии."),
        ("uk", "Ми бачимо, як Росія передала КНДР технології."),
        ("bg", "Виждаме как Русия предава на КНДР технологии."),
    ],
)
def test_a_verb_of_handing_over_is_no_attribution(lang: str, text: str) -> None:
    assert extract(text, lang).sources == ()


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("ru", "По данным ведомства, ущерб вырос.", "institution"),
        ("uk", "Як повідомили у відомстві, збитки зросли.", "institution"),
        ("bg", "Според министерството щетите са нараснали.", "institution"),
        # a common noun capitalised as a body's title or at the start of a sentence
        ("bg", "Според Министерството на отбраната щетите са нараснали.", "institution"),
        ("en", "As the ministry reported, the damage grew.", "institution"),
        ("ru", "По данным СМИ, ущерб вырос.", "media"),
        ("bg", "Според медиите щетите са нараснали.", "media"),
        ("ru", "Источники сообщили, что ущерб вырос.", "sources"),
        ("bg", "Източници съобщиха, че щетите са нараснали.", "sources"),
        ("uk", "За словами джерел, збитки зросли.", "sources"),
        ("uk", "Про це повідомив міністр.", "person"),
        ("en", "The visit will last three days, officials said.", "person"),
    ],
)
def test_described_sources_say_what_they_are(lang: str, text: str, kind: str) -> None:
    sources = extract(text, lang).sources
    assert [generic_kind(s) for s in sources] == [kind]
    assert not sources[0].named


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "По данным Reuters, ущерб вырос."),
        ("uk", "За даними Міноборони, збитки зросли."),
        ("ru", "Об этом сообщает агентство Reuters."),
    ],
)
def test_named_sources_are_not_described(lang: str, text: str) -> None:
    assert [generic_kind(s) for s in extract(text, lang).sources] == [None]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("bg", "Това съобщава Ройтерс."),
        ("en", "The damage grew, Reuters reported."),
        ("ru", "Как сообщает ТАСС, визит продлится три дня."),
        ("uk", "Візит триватиме три дні, передає Укрінформ."),
    ],
)
def test_news_agencies_are_outlets_in_any_script(lang: str, text: str) -> None:
    sources = [s for s in extract(text, lang).sources if s.key]
    assert sources and is_outlet(sources[0])
