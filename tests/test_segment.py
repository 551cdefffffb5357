"""Sentence segmentation: targeted cases and the no-character-lost invariant."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tcheck.load import version_from_text
from tcheck.segment import segment


def texts(text: str, lang: str = "ru", mode: str = "auto") -> list[str]:
    return [s.text for s in segment(text, lang, mode)[0]]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Президент В. О. Зеленський прибув до м. Київ. Там його зустрів Д. Алоян.",
            "uk",
            ["Президент В. О. Зеленський прибув до м. Київ.", "Там його зустрів Д. Алоян."],
        ),
        (
            "Бюджет составил 5 млрд. долл. в 2020 г. Это много.",
            "ru",
            ["Бюджет составил 5 млрд. долл. в 2020 г.", "Это много."],
        ),
        (
            "Було 5 млн. грн. Це мало. Угода від 01.08.2025 р. набула чинності. Ціна 3.5 грн.",
            "uk",
            [
                "Було 5 млн. грн.",
                "Це мало.",
                "Угода від 01.08.2025 р. набула чинності.",
                "Ціна 3.5 грн.",
            ],
        ),
        (
            "През юни 2023 г. се появи информация. Тя е важна.",
            "bg",
            ["През юни 2023 г. се появи информация.", "Тя е важна."],
        ),
        (
            "На вул. Хрещатик, буд. 5 зустрілися проф. Іванов і ген. Залужний. Потім пішли.",
            "uk",
            ["На вул. Хрещатик, буд. 5 зустрілися проф. Іванов і ген. Залужний.", "Потім пішли."],
        ),
        (
            "Hello world. Mr. Smith went to Washington.",
            "en",
            ["Hello world.", "Mr. Smith went to Washington."],
        ),
    ],
)
def test_abbreviations_initials_dates(text: str, lang: str, expected: list[str]) -> None:
    assert texts(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Он сказал: «Готовы.» Потом ушёл.", "ru"),
        ("Той каза: „Готови сме.“ После си тръгна.", "bg"),
        ('Він сказав: "Готові." Потім пішов.', "uk"),
        ("He said: “Ready.” Then he left.", "en"),
    ],
)
def test_quote_styles_split_alike(text: str, lang: str) -> None:
    assert len(texts(text, lang)) == 2


@pytest.mark.parametrize("quotes", ["«»", "„“", '""'])
def test_attribution_stays_with_quoted_sentence(quotes: str) -> None:
    o, c = quotes
    text = f"{o}Мы готовы. Это важно{c}, – сказал он. Потом ушёл."
    assert texts(text) == [f"{o}Мы готовы.", f"Это важно{c}, – сказал он.", "Потом ушёл."]


def test_nested_quotes() -> None:
    text = "«Он сказал: „Мы готовы“, и все согласились». Потом ушёл."
    assert texts(text) == ["«Он сказал: „Мы готовы“, и все согласились».", "Потом ушёл."]


def test_headline_is_its_own_segment() -> None:
    sentences, _ = segment("Заголовок без точки\nПервый абзац. Второй.", "ru")
    assert [(s.text, s.headline, s.paragraph) for s in sentences] == [
        ("Заголовок без точки", True, 0),
        ("Первый абзац.", False, 1),
        ("Второй.", False, 1),
    ]


def test_soft_wrapped_paragraph_is_joined() -> None:
    text = "Это длинная строка, которая\nпродолжается дальше. Вторая.\nНовый абзац."
    sentences, _ = segment(text, "ru")
    assert [s.text for s in sentences] == [
        "Это длинная строка, которая\nпродолжается дальше.",
        "Вторая.",
        "Новый абзац.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert (sentences[1].line, sentences[1].column) == (2, 22)


def test_date_prefix_and_furniture_are_metadata() -> None:
    text = (
        " date 2026-02-20 Украинская сторона готова.\n\nРЕКЛАМА\n1 мин читать\n18:46 01.08.2025\n"
    )
    sentences, meta = segment(text, "ru")
    assert [(s.text, s.line, s.column) for s in sentences] == [
        ("Украинская сторона готова.", 1, 18)
    ]
    assert [(m.kind, m.text, m.line) for m in meta] == [
        ("date", "date 2026-02-20", 1),
        ("furniture", "РЕКЛАМА", 3),
        ("furniture", "1 мин читать", 4),
        ("date", "18:46 01.08.2025", 5),
    ]


def test_real_headline_is_not_furniture() -> None:
    sentences, meta = segment("Реклама на телевидении дорожает\n\nТекст статьи.", "ru")
    assert meta == ()
    assert sentences[0].headline


def test_lines_mode_keeps_each_line() -> None:
    text = "Первая строка. Ещё предложение.\nвторая строка\n\nРЕКЛАМА\n"
    sentences, meta = segment(text, "ru", "lines")
    assert [s.text for s in sentences] == ["Первая строка. Ещё предложение.", "вторая строка"]
    assert [m.text for m in meta] == ["РЕКЛАМА"]


def test_other_scripts_do_not_crash() -> None:
    assert texts("他说。我们走吧！好吗？", "zh") == ["他说。", "我们走吧！", "好吗？"]
    assert texts("Ceci est une phrase. En voici une autre.", "fr") == [
        "Ceci est une phrase.",
        "En voici une autre.",
    ]


COMMENT = "<!-- tcheck: ignore TC301 -->"
PLAIN = "Заголовок\n\nПрезидент прибыл в Киев. Он сказал это 5 раз. Потом ушёл.\n"


@pytest.mark.parametrize(
    "written",
    [
        PLAIN.replace("Киев. ", f"Киев. {COMMENT} "),
        PLAIN.replace("Киев. ", f"Киев.{COMMENT} "),
        PLAIN.replace("Киев. ", f"Киев. {COMMENT}"),
        PLAIN.replace("Киев.", f"Киев{COMMENT}."),
        PLAIN.replace("раз. ", f"раз. {COMMENT}{COMMENT} "),
    ],
    ids=["between", "after-stop", "before-next", "before-stop", "two"],
)
def test_suppression_comment_inside_a_line_splits_as_without_it(written: str) -> None:
    """A comment blanked to a long run of spaces must not glue the sentences around it."""
    version = version_from_text(written, version_id="ru", path="ru.txt", lang="ru")
    assert [written[s.start : s.end].replace(COMMENT, "") for s in version.sentences] == texts(
        PLAIN
    )
    for s in version.sentences:  # positions in the file as written, comment included
        assert s.text == version.text[s.start : s.end]
        line = written.count("\n", 0, s.start) + 1
        column = s.start - (written.rfind("\n", 0, s.start) + 1) + 1
        assert (s.line, s.column) == (line, column)


def test_long_blank_runs_do_not_hide_a_sentence_end() -> None:
    text = "В 2020 г." + " " * 30 + "Это было. Он сказал: «Да.»" + "\t" * 12 + "Потом ушёл."
    assert texts(text) == ["В 2020 г.", "Это было.", "Он сказал: «Да.»", "Потом ушёл."]


def test_unknown_mode() -> None:
    with pytest.raises(ValueError, match="segmentation mode"):
        segment("Текст.", "ru", "words")


_PIECES = st.sampled_from(
    [
        "Слово",
        "слово",
        "г.",
        "м.",
        "В.",
        "5",
        "млн.",
        "2020",
        "01.08.2025",
        ".",
        "!",
        "?",
        "…",
        "«",
        "»",
        "„",
        "“",
        '"',
        ",",
        " – ",
        " ",
        " ",
        "  ",
        " " * 12,
        "\n",
        "\n\n",
        "date 2026-02-20 ",
        "РЕКЛАМА",
        "Коментари (0)",
        "18:46 01.08.2025",
        "他说。",
        "\u00a0",
        "\t",
        "'",
        ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.sampled_from(["auto", "lines"]))
@example("Слово\ndate 2026-02-20 слово", "auto")  # a dated line after a line without a stop
def test_every_character_lands_exactly_once(text: str, mode: str) -> None:
    sentences, meta = segment(text, "ru", mode)
    owner = [0] * len(text)
    for item in (*sentences, *meta):
        assert item.text == text[item.start : item.end]
        assert item.text and item.text == item.text.strip()
        line = text.count("\n", 0, item.start) + 1
        column = item.start - (text.rfind("\n", 0, item.start) + 1) + 1
        assert (item.line, item.column) == (line, column)
        for i in range(item.start, item.end):
            owner[i] += 1
    for i, ch in enumerate(text):
        assert owner[i] <= 1, (i, ch)
        assert ch.isspace() or owner[i] == 1, (i, ch)
    assert [s.index for s in sentences] == list(range(len(sentences)))
