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
        ("20 m i 60°", "20 m и 60°"),
        # Units after a figure stay as SI writes them; a letter that is a word does not.
        ("8 MP, 30 fps, do 50 km/h i 40 °C", "8 MP, 30 fps, до 50 km/h и 40 °C"),
        ("kabl od 100 m i 2,5 mm", "кабл од 100 m и 2,5 mm"),
        ("njih 5 a ne 6", "њих 5 а не 6"),
        ("m i km bez broja", "м и км без броја"),
        # Codes of letters and digits, a camera's model; a figure with a Serbian ending is no code.
        ("Model IPC6625-Z30 i H264 snimak", "Модел IPC6625-Z30 и H264 снимак"),
        ("njih 10-ak i 2x", "њих 10-ак и 2x"),
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
        'title="Мапа камера">Врачару</a> &amp; <b>Звездари</b>.<br>'
        "<!-- napomena --> Пишите на <a href='mailto:ana@kamere.rs'>ana@kamere.rs</a>.</p>"
        '<pre>kod ostaje</pre><p translate="no">Latinica <em>ostaje</em></p><p>и ово&nbsp;иде</p>'
        "<code>python manage.py</code>"
    )


def test_text_people_read_in_attributes_changes_and_the_rest_stays():
    html = (
        '<img src="/media/kamera.jpg" alt="Kamera na uglu" class="foto">'
        '<input type="search" name="q" placeholder="Pretražite" value="kamere">'
        '<button aria-label="Zatvorite" data-action="zatvori">x</button>'
        '<meta name="description" content="Mapa kamera">'
        '<meta property="og:url" content="https://kamere.rs/mapa/">'
        '<meta name="viewport" content="width=device-width">'
    )
    assert html_to_cyrillic(html) == (
        '<img src="/media/kamera.jpg" alt="Камера на углу" class="foto">'
        '<input type="search" name="q" placeholder="Претражите" value="kamere">'
        '<button aria-label="Затворите" data-action="zatvori">x</button>'
        '<meta name="description" content="Мапа камера">'
        '<meta property="og:url" content="https://kamere.rs/mapa/">'
        '<meta name="viewport" content="width=device-width">'
    )


def test_text_in_another_language_or_declared_latin_stays():
    html = (
        '<html lang="sr-cyrl"><p>Jezik: <a lang="sr-latn" href="/">Latinica</a> '
        '<a lang="en" href="/en/">English <b>site</b></a> <span lang="sr">ovde</span></p>'
    )
    assert html_to_cyrillic(html) == (
        '<html lang="sr-cyrl"><p>Језик: <a lang="sr-latn" href="/">Latinica</a> '
        '<a lang="en" href="/en/">English <b>site</b></a> <span lang="sr">овде</span></p>'
    )


def test_structured_data_changes_its_text_values_only():
    html = (
        '<script type="application/ld+json">{"@type": "Article", "headline": "Zakon o '
        'kamerama", "inLanguage": "sr-Cyrl", "url": "https://kamere.rs/znanje/zakon/", '
        '"author": {"@type": "Organization", "name": "Prijatelji \\u0026 mi"}}</script>'
        '<script>var x = "ostaje";</script>'
    )
    assert html_to_cyrillic(html) == (
        '<script type="application/ld+json">{"@type": "Article", "headline": "Закон о '
        'камерама", "inLanguage": "sr-Cyrl", "url": "https://kamere.rs/znanje/zakon/", '
        '"author": {"@type": "Organization", "name": "Пријатељи \\u0026 ми"}}</script>'
        '<script>var x = "ostaje";</script>'
    )


def test_unclosed_and_stray_tags_do_not_stop_it():
    assert html_to_cyrillic("<p>jedan<p>dva</div> tri <code>četiri") == (
        "<p>један<p>два</div> три <code>četiri"
    )
