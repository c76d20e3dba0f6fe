"""Serbian Latin in Cyrillic (home/cyrillic.py): letter for letter, digraphs as one letter in
either case, the words where they are two, foreign words, numerals, addresses, exceptions,
and HTML whose markup is written back as it was."""

import pytest

from home.cyrillic import html_to_cyrillic, to_cyrillic, word_to_cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Beograd", "Београд"),
        ("Đorđe Ćosić žuri", "Ђорђе Ћосић жури"),
        ("čaša šećera", "чаша шећера"),
        # Digraphs: one letter, whatever the case (cyrtranslit writes "ЛЈУБАВ", "ДЖЕП").
        ("Ljubljana", "Љубљана"),
        ("LJUBAV", "ЉУБАВ"),
        ("Njegoš", "Његош"),
        ("NJIVA", "ЊИВА"),
        ("džep Džep DŽEP", "џеп Џеп ЏЕП"),
        # Where they are two letters.
        ("konjunkcija", "конјункција"),
        ("Injekcija", "Инјекција"),
        ("nadživeti", "надживети"),
        ("podžupan", "поджупан"),
        ("konj", "коњ"),  # not a split: "konj" is no "konjunk"
        # Foreign words, whole.
        ("Huawei kamere", "Huawei камере"),
        ("Wi-Fi mreža", "Wi-Fi мрежа"),
        ("Xiaomi i Hikvision", "Xiaomi и Хиквисион"),
        # Numerals and figures.
        ("XIV vek, 2024. godine", "XIV век, 2024. године"),
        ("20 m i 60°", "20 м и 60°"),
        # Acronyms read as Latin letters; Serbian ones transliterated.
        ("GDPR i ZZPL", "GDPR и ЗЗПЛ"),
        ("Prema MUP-u", "Према МУП-у"),
        # Addresses.
        (
            "Pišite na kontakt@kamere.rs ili https://kamere.rs/mapa/",
            "Пишите на kontakt@kamere.rs или https://kamere.rs/mapa/",
        ),
        ("www.mup.gov.rs je sajt", "www.mup.gov.rs је сајт"),
        # Decomposed letters (a c and a combining caron) are read as one.
        ("c\u030cas", "час"),
    ],
)
def test_text(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


def test_an_editors_exceptions_come_first_and_keep_the_capital():
    exceptions = {"lajkovati": "лајковати", "Tanjug": None, "adžija": "аджија"}
    assert word_to_cyrillic("Tanjug", exceptions) == "Tanjug"
    assert to_cyrillic("Lajkovati ne", exceptions) == "Лајковати не"
    assert to_cyrillic("adžija", exceptions) == "аджија"
    assert to_cyrillic("adžija") == "аџија"


def test_html_keeps_its_markup_and_changes_its_prose():
    html = (
        '<p class="lead">Kamere na <a href="https://kamere.rs/mapa/?opstina=vracar" '
        'title="Mapa kamera">Vračaru</a> &amp; <b>Zvezdari</b>.<br>'
        "<!-- napomena --> Pišite na <a href='mailto:ana@kamere.rs'>ana@kamere.rs</a>.</p>"
        '<pre>kod ostaje</pre><p translate="no">Latinica <em>ostaje</em></p><p>i ovo&nbsp;ide</p>'
        "<code>python manage.py</code>"
    )
    assert html_to_cyrillic(html) == (
        '<p class="lead">Камере на <a href="https://kamere.rs/mapa/?opstina=vracar" '
        'title="Mapa kamera">Врачару</a> &amp; <b>Звездари</b>.<br>'
        "<!-- napomena --> Пишите на <a href='mailto:ana@kamere.rs'>ana@kamere.rs</a>.</p>"
        '<pre>kod ostaje</pre><p translate="no">Latinica <em>ostaje</em></p><p>и ово&nbsp;иде</p>'
        "<code>python manage.py</code>"
    )


def test_unclosed_and_stray_tags_do_not_stop_it():
    assert html_to_cyrillic("<p>jedan<p>dva</div> tri <code>četiri") == (
        "<p>један<p>два</div> три <code>četiri"
    )
