"""home/serbian.py: every form of a word gets the same stem, and only that word's forms."""

import pytest

from home.serbian import (
    candidate_prefix,
    collation_key,
    fold,
    fold_text,
    is_stop_word,
    letters,
    stem,
    word_stem,
)
from tests.routes import in_serbian

# Forms readers type and the demo content's texts use: cases, plurals, verb forms.
SAME_WORD = [
    "čuvanje čuvanja čuvanju čuvati čuvaju čuva čuvamo čuvajte čuvajući",
    "snimak snimka snimku snimkom snimci snimaka snimcima snimke",
    "prijava prijave prijavu prijavom prijavim prijavite prijaviti prijavljen prijavljivanje",
    "kamera kamere kameri kameru kamerom kamerama",
    "potpis potpisa potpisi potpise potpisom potpisima potpisati potpišite potpisan potpisali",
    "Vračar Vračara Vračaru Vračarom vračarski Vracar VRAČAR Врачар Врачару",
    "podatak podatka podatku podatkom podaci podataka podacima podatke",
    "zaštita zaštite zaštiti zaštitu zaštitom zastita",
    "policija policije policiji policijom policijama policijski",
    "sistem sistema sistemom sistemi sistemima",
    "ličnost ličnosti ličnošću licnosti",
    "biometrija biometrijski biometrijske biometrijskih biometrijskim",
    "opština opštine opštini opštinama opstina",
    "đak đaka đaci dak DACI",
    # đ typed as dj (the old way without Serbian letters), as d, or as itself.
    "Đeram Đerama Djeram Djerama DJERAM Deram Derama Ђерам Ђераму",
    "rođen rođena rodjen rodjena roden",
    "zakon zakona zakonu zakoni zakonima zakonom",
    "grad grada gradu gradovi gradova gradovima",
]


@pytest.mark.parametrize("forms", SAME_WORD)
def test_every_form_of_a_word_has_one_stem(forms):
    words = forms.split()
    assert len({word_stem(word) for word in words}) == 1, {w: word_stem(w) for w in words}


@pytest.mark.parametrize("forms", SAME_WORD)
def test_every_word_starts_with_its_stems_candidate_prefix(forms):
    # What the snippets rely on to find the words to mark without stemming them all.
    for word in forms.split():
        assert fold(word).startswith(candidate_prefix(word_stem(word))), word


def test_different_words_keep_different_stems():
    stems = [word_stem(word) for word in ("zaštita", "zaštitari", "kamera", "kamen", "snimak")]
    assert len(set(stems)) == len(stems)
    assert word_stem("potpis") != word_stem("potpisnik")


def test_english_is_stemmed_as_english():
    for forms in ("camera cameras", "report reports reported reporting", "policy policies"):
        assert len({word_stem(word, "en") for word in forms.split()}) == 1, forms


def test_fold_drops_case_accents_and_cyrillic():
    assert fold("ĐAČKI Ćevap Žena") == "dacki cevap zena"
    assert fold("Љубљана Његош џеп") == "ljubljana njegos dzep"


def test_dj_and_d_fold_as_d():
    # One fold for the page search and the map's place search (map/places.py).
    assert {fold(word) for word in ("Đeram", "Djeram", "Deram", "DJERAM", "Ђерам")} == {"deram"}
    assert fold_text("Đure Jakšića, Djure Jaksica") == "dure jaksica, dure jaksica"
    # A dj of a prefix and j is d in the index as in the query: the word still finds itself.
    assert word_stem("podjela") == word_stem("podela") == word_stem("Podjele")


def test_short_words_and_numbers_stay():
    assert word_stem("da") == "da"
    assert word_stem("2018") == "2018"
    assert word_stem("h264") == "h264"


def test_stop_words():
    assert is_stop_word("Kako") and is_stop_word("da") and is_stop_word("ZAŠTO")
    assert not is_stop_word("kamera")
    assert is_stop_word("how", "en") and not is_stop_word("camera", "en")


@pytest.mark.django_db
def test_a_query_of_long_junk_words_does_not_grow_the_caches(client):
    """Each cached word costs memory in every process: words no language has (here 200
    letters, as many as a query holds) must not fill the caches."""

    def junk(seed):
        return " ".join(f"{seed}{number}".rjust(3, "x") * 66 for number in range(10))

    client.get(in_serbian("search"), {"q": junk("a")})
    sizes = fold.cache_info().currsize, stem.cache_info().currsize
    client.get(in_serbian("search"), {"q": junk("b")})
    client.get("/en/search/", {"q": junk("c")})
    assert (fold.cache_info().currsize, stem.cache_info().currsize) == sizes
    # Real words are still found in every form (and cached).
    assert word_stem("Vračaru") == word_stem("vracar")


def in_order(words, language_code="sr-latn"):
    return sorted(words, key=lambda word: collation_key(word, language_code))


def test_serbian_alphabetical_order():
    words = ["Zona", "Čas", "Lj", "Cena", "Ćup", "Lopta", "Džep", "Dan", "Šuma", "Sat", "Đak"]
    assert in_order(words) == [
        "Cena", "Čas", "Ćup", "Dan", "Džep", "Đak", "Lopta", "Lj", "Sat", "Šuma", "Zona",
    ]  # fmt: skip


def test_cyrillic_readers_see_the_names_in_the_azbukas_order():
    words = ["Zona", "Čas", "Lj", "Cena", "Ćup", "Lopta", "Džep", "Dan", "Šuma", "Sat", "Žarkovo"]
    # In the azbuka: д ж з л љ с ћ ц ч џ ш  # noqa: RUF003
    assert in_order(words, "sr-cyrl") == [
        "Dan", "Žarkovo", "Zona", "Lopta", "Lj", "Sat", "Ćup", "Cena", "Čas", "Džep", "Šuma",
    ]  # fmt: skip


def test_serbian_digraphs_and_case():
    assert in_order(["nož", "Njiva", "Novi Sad", "nafta"]) == ["nafta", "Novi Sad", "nož", "Njiva"]
    assert in_order(["Ljig", "lopov", "Lazarevac"]) == ["Lazarevac", "lopov", "Ljig"]
    assert letters("Džep Ljubice") == ["dž", "e", "p", " ", "lj", "u", "b", "i", "c", "e"]
    assert letters("Džep", "en") == ["d", "ž", "e", "p"]


def test_spaces_digits_and_foreign_letters():
    assert in_order(["Novigrad", "Novi Beograd"]) == ["Novi Beograd", "Novigrad"]
    assert in_order(["Blok 70", "Blok 7", "Blok A"]) == ["Blok 7", "Blok 70", "Blok A"]
    # q, w, x, y where the Latin alphabet has them; é as e.
    assert in_order(["Wagner", "Vuk", "Zemun", "Café", "Cvet"]) == [
        "Café", "Cvet", "Vuk", "Wagner", "Zemun",
    ]  # fmt: skip
    assert in_order(["Quito", "Pera", "Rakovica"]) == ["Pera", "Quito", "Rakovica"]


def test_english_order_ignores_serbian_letters():
    assert in_order(["Zemun", "Čukarica", "Cvetkovac", "Dorćol"], "en") == [
        "Čukarica", "Cvetkovac", "Dorćol", "Zemun",
    ]  # fmt: skip
