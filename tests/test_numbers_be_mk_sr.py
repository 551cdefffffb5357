"""Number extraction in Belarusian, Macedonian and Serbian (Cyrillic).

Each sentence is one a faithful translation of a ru/uk/bg/en text may hold; without the be,
mk and sr tables it gave a wrong value (a lost magnitude, a plain number for a century, a
number word not read at all), and so a false alarm.
"""

from __future__ import annotations

import pytest

from tcheck.extract.model import NumberMention
from tcheck.extract.numbers import CENTURY, TIMES, find_numbers

Read = tuple[float, str | None]


def _values(text: str, lang: str) -> list[Read]:
    """(value, currency or percent unit) of each number, in order."""
    return [(round(n.value, 6), n.unit) for n in find_numbers(text, lang)]


def _centuries(text: str, lang: str) -> list[tuple[float, str | None, bool]]:
    """(value, measure, ordinal) of each number, in order."""
    return [(n.value, n.measure, n.ordinal) for n in find_numbers(text, lang)]


# -- magnitudes after digits --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("be", "Клуб заплаціў за форварда 125 мільёнаў фунтаў.", [(125e6, "GBP")]),
        ("be", "Дэфіцыт бюджэту склаў 3,5 мільёна долараў.", [(3.5e6, "USD")]),
        ("be", "Горад атрымаў 7 мільярдаў еўра.", [(7e9, "EUR")]),
        ("be", "Кошт праекта ацэньваецца ў 1,2 трыльёна рублёў.", [(1.2e12, "RUB")]),
        ("be", "Дзяржаўны доўг перавысіў 5 мільёнаў.", [(5e6, None)]),
        ("mk", "Проектот ќе чини 2,8 милијарди евра.", [(2.8e9, "EUR")]),
        ("mk", "Во протестите учествуваа 3 илјади луѓе.", [(3000, None)]),
        ("mk", "Долгот изнесува 4 трилиони евра.", [(4e12, "EUR")]),
        ("sr", "Пројекат ће коштати 2,8 милијарди евра.", [(2.8e9, "EUR")]),
        ("sr", "Држава је издвојила 2 милијарде динара.", [(2e9, None)]),
        ("sr", "На скупу се окупило 3 хиљаде људи.", [(3000, None)]),
        ("sr", "Трошкови су достигли 5 хиљ. евра.", [(5000, "EUR")]),
    ],
)
def test_magnitude_after_digits(lang: str, text: str, expected: list[Read]) -> None:
    assert _values(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a range "між 2 і 3 млрд": both ends take the magnitude
        ("sr", "Штета се процењује између 2 и 3 милијарде евра.", [(2e9, "EUR"), (3e9, "EUR")]),
        ("be", "Страты ацэньваюцца паміж 2 і 3 мільярдамі.", [(2e9, None), (3e9, None)]),
        ("mk", "Штетата е меѓу 2 и 3 милијарди евра.", [(2e9, "EUR"), (3e9, "EUR")]),
    ],
)
def test_range_between_shares_magnitude(lang: str, text: str, expected: list[Read]) -> None:
    mentions = find_numbers(text, lang)
    assert [(round(n.value, 6), n.unit) for n in mentions] == expected
    assert all(n.in_range for n in mentions)


def test_be_dot_groups_thousands() -> None:
    # be writes decimals with a comma, like ru: "10.000 чалавек" is ten thousand
    assert _values("У акцыі ўзялі ўдзел 10.000 чалавек.", "be") == [(10000, None)]


# -- magnitude words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("be", "Горад страціў дзве тысячы пяцьсот жыхароў.", [(2500, None)]),
        ("be", "Дзяржава выдаткавала паўмільёна рублёў.", [(500_000, "RUB")]),
        ("be", "Петыцыю падпісалі больш за мільён чалавек.", [(1e6, None)]),
        ("be", "Пяць з паловай мільёнаў чалавек жывуць у сталіцы.", [(5.5e6, None)]),
        # "тысячы" is also the plural: a thousand only after "каля", "звыш"...
        (
            "be",
            "Тысячы людзей выйшлі на вуліцы, каля тысячы былі затрыманыя.",
            [(1000, None)],
        ),
        ("be", "За два дзесяцігоддзі насельніцтва скарацілася.", [(20, None)]),
        ("mk", "Илјада луѓе останаа без дом.", [(1000, None)]),
        (
            "mk",
            "Неколку илјади луѓе протестираа, а уапсени се две илјади и петстотини.",
            [(2500, None)],
        ),
        ("mk", "Компанијата вреди милијарда долари.", [(1e9, "USD")]),
        ("mk", "Во последните две децении градот значително порасна.", [(20, None)]),
        ("sr", "Више од хиљаду људи је евакуисано.", [(1000, None)]),
        # "неколико хиљада" (several thousand) is vague; "две хиљаде петсто" is 2500
        (
            "sr",
            "Неколико хиљада људи је протестовало, а две хиљаде петсто је ухапшено.",
            [(2500, None)],
        ),
        ("sr", "Влада је позајмила милијарду долара.", [(1e9, "USD")]),
        ("sr", "Током протекле две деценије град је растао.", [(20, None)]),
    ],
)
def test_magnitude_words(lang: str, text: str, expected: list[Read]) -> None:
    assert _values(text, lang) == expected


# -- number words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("be", "Тры чалавекі загінулі, дзесяць атрымалі раненні.", [3, 10]),
        ("be", "Два салдаты і чатыры мірныя жыхары былі паранены.", [2, 4]),
        ("be", "Матч доўжыўся дваццаць пяць хвілін.", [25]),
        ("be", "У вёсцы засталося сто дваццаць тры жыхары.", [123]),
        ("be", "Пажар знішчыў шэсць дамоў і пашкодзіў дзевяць.", [6, 9]),
        ("be", "Трое з пяці апытаных падтрымалі закон.", [3, 5]),
        ("be", "Каля сарака чалавек чакалі на прыпынку.", [40]),
        ("be", "Абодва кандыдаты выйшлі ў другі тур.", [2]),
        # "сям'і" (of the family) is no number; "з сямі" (of seven) is
        ("be", "Дзеці з гэтай сям’і — двое з сямі пераможцаў.", [2, 7]),
        ("mk", "Загинаа четириесет и четири лица.", [44]),
        ("mk", "Повеќе од шеесет луѓе беа повредени.", [60]),
        ("mk", "Годината има триста шеесет и пет дена.", [365]),
        ("mk", "Двајца се уапсени, а тројца се во бегство.", [2, 3]),
        ("mk", "Петмина пожарникари се повредени, а седум згради изгореа.", [5, 7]),
        ("mk", "Единаесет играчи и дваесет и пет навивачи.", [11, 25]),
        ("sr", "У несрећи је погинуло четрдесет четири путника.", [44]),
        ("sr", "Педесет два полицајца је повређено.", [52]),
        ("sr", "Двојица су ухапшена, а тројица су у бекству.", [2, 3]),
        ("sr", "Родитељи двоје деце су се огласили.", [2]),
        (
            "sr",
            "Утакмица је почела пре двадесет пет минута, а гол је пао после једанаест.",
            [25, 11],
        ),
        ("sr", "Купио је четиристо акција и седамсто обвезница.", [400, 700]),
        ("sr", "Оба тима су добила по триста педесет навијача.", [2, 350]),
    ],
)
def test_number_words(lang: str, text: str, expected: list[float]) -> None:
    mentions = find_numbers(text, lang)
    assert [n.value for n in mentions] == expected
    assert all(n.spelled for n in mentions)


# -- centuries ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("be", "Касцёл пабудавалі ў 19-м стагоддзі.", [(19, CENTURY, True)]),
        ("be", "Рукапіс датуецца канцом 17-га стагоддзя.", [(17, CENTURY, True)]),
        ("be", "Горад актыўна рос у XX стагоддзі.", [(20, CENTURY, True)]),
        ("be", "Гэта самая вялікая вайна дваццатага стагоддзя.", [(20, CENTURY, True)]),
        (
            "be",
            "Традыцыя ўзнікла ў канцы XIX — пачатку XX стагоддзя.",
            [(19, CENTURY, True), (20, CENTURY, True)],
        ),
        # "2 стагоддзі" counts centuries; "у 19 стагоддзі" names one
        (
            "be",
            "Праз 2 стагоддзі, у 19 стагоддзі, замак адбудавалі.",
            [(2, None, False), (19, CENTURY, True)],
        ),
        ("mk", "Црквата е изградена во 19-тиот век.", [(19, CENTURY, True)]),
        ("mk", "Тоа беше најкрвавата војна во дваесеттиот век.", [(20, CENTURY, True)]),
        ("mk", "Градот доживеа процут во XX векот.", [(20, CENTURY, True)]),
        ("sr", "Црква је саграђена у 19. веку.", [(19, CENTURY, True)]),
        ("sr", "Рукопис потиче из 17. века.", [(17, CENTURY, True)]),
        (
            "sr",
            "Град је настао крајем 19. и почетком 20. века.",
            [(19, CENTURY, True), (20, CENTURY, True)],
        ),
        ("sr", "То је био највећи рат у двадесетом веку.", [(20, CENTURY, True)]),
        ("sr", "Манастир је подигнут у 14. вијеку.", [(14, CENTURY, True)]),
    ],
)
def test_centuries(lang: str, text: str, expected: list[tuple[float, str | None, bool]]) -> None:
    assert _centuries(text, lang) == expected


# -- spelled ordinals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("be", "Кожнае пятае дзіця мае сакрэтны ўліковы запіс.", [5]),
        ("be", "Да канца першага круга ён быў на сёмым месцы.", [7]),
        ("be", "Райканен заняў чацвёртае месца, «Лівінгстан» узняўся на трэцяе.", [4, 3]),
        ("be", "ЗША прайграюць ужо шосты раз запар.", [6]),
        ("be", "Вайна працягваецца ў краіне восьмы год.", [8]),
        ("be", "Штрафны трэба было біць на сорак пятай хвіліне.", [45]),
        ("mk", "Роуз и Стенсон, рангирани прв и трет во светот.", [3]),
        ("mk", "Земјотресот ја уништи собата на петтиот кат.", [5]),
        ("mk", "Следната деветта сезона ќе биде последна.", [9]),
        ("mk", "Рејнџерс паднаа на шестото место, а Ливингстон се качија на третото.", [6, 3]),
        ("sr", "Ливингстон се пење на треће место.", [3]),
        ("sr", "Рат у њиховој земљи траје већ осму годину.", [8]),
        ("sr", "Послао је крило Хенрија за пети есеј домаће стране.", [5]),
        ("sr", "Раиконен је остао на четвртом месту.", [4]),
        ("sr", "Гол је пао у двадесет петом минуту.", [25]),
    ],
)
def test_spelled_ordinals(lang: str, text: str, expected: list[float]) -> None:
    mentions = find_numbers(text, lang)
    assert [n.value for n in mentions] == expected
    assert all(n.ordinal and n.spelled for n in mentions)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the heel, not the fifth: be "па пятах", "пад жалезнай пятой", sr "петом"
        ("be", "Капелюшы ідуць па пятах за саламянымі."),
        ("be", "Прэса знаходзіцца пад жалезнай пятой камуністычнай партыі."),
        ("sr", "Нападач Плавих је петом вратио лопту Ковачићу."),
        # sr "пети се" (to climb), mk "четврт век" (a quarter century)
        ("sr", "Он жели да се пети на врх."),
        ("mk", "Четврт век подоцна сѐ е исто."),
        # be "сем'і" (of the family) is no "сёмы"; first and second also mean "earliest", "other"
        ("be", "Дзеці з гэтай сем'і пайшлі ў школу."),
        ("sr", "Први и други тим су изгубили."),
    ],
)
def test_ordinal_homonyms_are_no_numbers(lang: str, text: str) -> None:
    assert find_numbers(text, lang) == ()


def test_latin_lookalikes_are_read_as_cyrillic() -> None:
    # sr typed in part with Latin a, e, o, j: each word is read as the Cyrillic it shows and
    # each mention keeps its text as written
    text = "Зeмљoтрeс je трeсao сoбу нa пeтoм спрaту, двoструкo jaчe нeгo прe."
    found = find_numbers(text, "sr")
    assert [(n.value, n.ordinal, n.measure) for n in found] == [(5, True, None), (2, False, TIMES)]
    assert all(text[n.start : n.end] == n.text for n in found)


# -- multipliers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("be", "ЗША павінны падвоіць фінансаванне.", [2]),
        ("be", "Падваенне бюджэту было б добрым пачаткам.", [2]),
        ("be", "Колькасць загінулых падвойлася.", [2]),
        ("be", "Карабель важыць удвая больш за іншыя.", [2]),
        ("be", "Яна двойчы адправіла паведамленне.", [2]),
        ("be", "Рэйтынгі выраслі больш чым у два разы.", [2]),
        ("be", "Трохразовы чэмпіён свету сказаў, што быў здзіўлены.", [3]),
        ("be", "Так заявіў пяціразовы ўладальнік Залатога мяча.", [5]),
        ("mk", "Од Sainsbury's рекоа дека ќе ја удвојат понудата.", [2]),
        ("mk", "Бродот е двојно потежок од другите.", [2]),
        ("mk", "Рејтингот се зголеми повеќе од двојно.", [2]),
        ("mk", "Таа ја пратила на г-ѓа Морис, и тоа двапати.", [2]),
        ("mk", "Само два пати во историјата тимот се вратил.", [2]),
        ("sr", "Ланац ће дуплирати понуду козметике.", [2]),
        ("sr", "САД треба да удвоструче средства.", [2]),
        ("sr", "Публика је бар двапут извиждала његове опаске.", [2]),
        ("sr", "Енергија земљотреса је била око 200 пута већа.", [200]),
        ("sr", "Троструки светски шампион каже да је изненађен.", [3]),
        ("sr", "Цена је сада дупло већа.", [2]),
    ],
)
def test_multipliers(lang: str, text: str, expected: list[float]) -> None:
    mentions = find_numbers(text, lang)
    assert [n.value for n in mentions] == expected
    assert all(n.measure == TIMES for n in mentions)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "падвоіць намаганні" (redouble efforts), "падвойны" (double) as in ru "удвоить
        # усилия", "двойной"
        ("be", "Кітай падвойвае свае намаганні."),
        ("be", "Пасля падвойнага манеўру ён абараніўся."),
        # dual citizenship, a double agent
        ("mk", "Тој има двојно државјанство."),
        ("sr", "Она има двоструко држављанство."),
        ("sr", "Двоструки агент је ухапшен."),
    ],
)
def test_no_multiplier(lang: str, text: str) -> None:
    assert not any(n.measure == TIMES for n in find_numbers(text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # each language reads only its own word for "times"
        ("mk", "Помпео ја посети Кореја два пута."),
        ("sr", "Помпео је посетио Кореју два пати."),
        ("ru", "Яна двойчы адправіла паведамленне."),
    ],
)
def test_multiplier_words_are_read_in_their_language_only(lang: str, text: str) -> None:
    assert not any(n.measure == TIMES for n in find_numbers(text, lang))


# -- currency and percent words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("be", "Квіток каштуе 20 еўра.", [(20, "EUR")]),
        ("be", "Інфляцыя склала 5 працэнтаў, а беспрацоўе — 7 адсоткаў.", [(5, "%"), (7, "%")]),
        ("be", "Стаўку павысілі на 2 працэнтныя пункты.", [(2, "pp")]),
        ("be", "Падаткі выраслі на дзесяць працэнтаў.", [(10, "%")]),
        ("sr", "Карта кошта 20 евра.", [(20, "EUR")]),
        ("sr", "Стопа је порасла за 3 проценат.", [(3, "%")]),
        ("sr", "Незапосленост је пала за 40 процената.", [(40, "%")]),
        ("sr", "Цене су скочиле 7 одсто.", [(7, "%")]),
        ("sr", "Стопа је повећана за 2 процентна поена.", [(2, "pp")]),
        ("mk", "Билетот чини 20 евра, а попустот е четириесет проценти.", [(20, "EUR"), (40, "%")]),
    ],
)
def test_currency_and_percent(lang: str, text: str, expected: list[Read]) -> None:
    assert _values(text, lang) == expected


def test_mentions_keep_their_spans() -> None:
    text = "Клуб заплаціў 125 мільёнаў фунтаў за дваццаць пяць гульцоў."
    found = find_numbers(text, "be")
    assert [(n.text, n.value) for n in found] == [
        ("125 мільёнаў фунтаў", 125e6),
        ("дваццаць пяць", 25),
    ]
    assert all(text[n.start : n.end] == n.text for n in found)
    assert not any(n.measure == TIMES for n in found)


def _by_lang(mentions: tuple[NumberMention, ...]) -> list[float]:
    return [n.value for n in mentions]


@pytest.mark.parametrize(
    "texts",
    [
        # one sentence in three languages: the numbers must agree
        {
            "be": "Клуб заплаціў 125 мільёнаў фунтаў за дваццаць пяць гульцоў.",
            "mk": "Клубот плати 125 милиони фунти за дваесет и пет играчи.",
            "sr": "Клуб је платио 125 милиона фунти за двадесет пет играча.",
        },
        {
            "be": "Кожнае пятае дзіця хавае акаўнт, а бюджэт трэба падвоіць.",
            "mk": "Секое петто дете крие профил, а буџетот треба да се удвои.",
            "sr": "Свако пето дете крије налог, а буџет треба удвостручити.",
        },
        {
            "be": "Сабралася каля 3 тысяч чалавек, сорак з іх затрымалі.",
            "mk": "Се собраа околу 3 илјади луѓе, четириесет од нив се приведени.",
            "sr": "Окупило се око 3 хиљаде људи, четрдесет од њих је приведено.",
        },
    ],
)
def test_translations_agree(texts: dict[str, str]) -> None:
    values = {lang: _by_lang(find_numbers(text, lang)) for lang, text in texts.items()}
    assert values["be"] == values["mk"] == values["sr"], values
