"""Words as the search compares them: folded (no case, no accents, Cyrillic in Latin letters)
and stemmed, so that "Vracar" finds "Vračaru" and "potpisi" finds "potpišite".

The stemmer is this module's own, a light suffix stripper, because nothing well kept does the
job on both databases:
- PostgreSQL 14+ ships Snowball's Serbian stemmer, but SQLite's FTS5 has no stemmer at all,
  and one index holds both languages (portal/settings/base.py), so the stemming has to happen
  here, in Python, on what is indexed and on what is searched alike.
- Snowball's Serbian stemmer in Python (the `snowballstemmer` package, 3.1.1) splits the very
  forms readers type: "potpis" -> "potpi" but "potpisi" -> "potpis"; "snimaka" -> "snimak",
  "snimka" -> "snimk", "snimci" -> "snimc"; "zaštita" -> "zaštit" but "zaštite" -> "zašti"; and
  it takes some 50 µs a word, too slow for marking the words of every snippet. PyPI's other
  Serbian packages are one-person projects (serb-stem, srbai) or lemmatisers with models to
  load (classla, lemmagen).
What is here only has to give every form of a word the same stem, not a linguist's root: the
stems are never shown. It strips one case, number or verb ending (twice, for "sistemom" ->
"sistem" -> "sist" as "sistem" -> "sist"), then evens out the consonant changes of Serbian
inflection at the stem's end (snimak, snimka, snimci -> "snimc"; podatak, podaci -> "podc";
prijava, prijavljen -> "prijav"). English gets the same treatment with English endings.

Every rule only changes a stem's last letter or takes letters off its end, so a word whose
stem is `s` always starts with `s[:-1]`: the snippets find their candidates with that
(`candidate_prefix`).
"""

import unicodedata
from functools import lru_cache

from .cyrillic import to_cyrillic
from .languages import CYRILLIC as CYRILLIC_READERS

# Serbian Cyrillic in the Latin alphabet (lower case: `fold` lowers first): U+0430 to U+0448
# in Unicode's (Russian) order, then the letters only Serbian has (đ, j, lj, nj, ć, dž).
CYRILLIC = str.maketrans(
    {
        **dict(zip(map(chr, range(0x430, 0x449)), "abvgdežzijklmnoprstufhcčš", strict=True)),
        "\u0452": "đ",
        "\u0458": "j",
        "\u0459": "lj",
        "\u045a": "nj",
        "\u045b": "ć",
        "\u045f": "dž",
    }
)

# No stem is shorter than this: "lica" -> "lic", but "trg" stays itself.
MIN_STEM = 3

# Case, number, comparison and verb endings of Serbian, after folding (š -> s, ć -> c), the
# longest tried first. Verbal nouns lose the -anje with their ending, so that "čuvanje"
# meets "čuvati" and "čuvaju" and "prijavljivanje" meets "prijavite". The infinitive's -t-
# goes on a second pass ("zaštite", "zaštita" -> "zastit" -> "zast").
SERBIAN_ENDINGS = sorted(
    """
    ivanjem avanjem ovanjem iranjem ivanje ivanja ivanju avanje avanja avanju ovanje ovanja
    ovanju iranje iranja iranju anjem enjem ovima evima irati ivati avati ovati ujemo ujete
    ajuci anje anja anju enje enja enju ujem ujes ajte ajmo ama ima ovi ova ove evi eva eve
    ati iti eti uti amo imo emo ate ite ete aju uju uje ala alo ali ale ila ilo ili ile ela
    elo eli ele ena eno eni ene ano ani ane oga ome omu ega emu om em og eg im ih am ao io
    eo en an oj at it et
    a e i o u
    """.split(),  # noqa: SIM905 (a list of 100 quoted endings would hide them)
    key=len,
    reverse=True,
)
ENGLISH_ENDINGS = ["ing", "ed", "es", "s", "e"]

# Words a query needs no page to contain: "kako da prijavim kameru" searches "prijavim
# kameru". Only when the query has other words (a search for "da" alone still looks for it).
STOP_WORDS = {
    "sr": set(
        """
        a ako ali bi bih bio bila bilo biti da do gde ga i ih ili iz ja je jer joj ka kad kada
        kako kao ko koja koje koji kojih kojim kod koliko li me mi moj moja moje mogu moze na
        nad nas ne nego neki nije niti njega njih o od ona one oni ono onu pa po pod pre preko
        pri s sa se sta sam smo ste su sve ta taj te ti to treba u uz vam vas vec vi za zasto
        zbog
        """.split()  # noqa: SIM905
    ),
    "en": set(
        """
        a about an and are as at be by can could do does for from how i if in into is it its
        me my of on or our should that the their them there they this to was we what when
        where which who why will with you your
        """.split()  # noqa: SIM905
    ),
}


def language_of(language_code):
    """ "sr" or "en" for a language code as Wagtail's locales and Django spell them."""
    return "en" if (language_code or "").lower().startswith("en") else "sr"


def fold_text(text):
    """The text in lower case, in Latin letters, without accents, with đ and dj as d: "Đački"
    -> "dacki", "Врачар" -> "vracar". The one way the site compares words, in the page
    search and the map's place search (map/places.py; its SQL and camera-map.js do the
    same to Latin text).

    People write Đeram as "Djeram" (the old way without Serbian letters) or "Deram" (accents
    left out): with both đ and dj as d, all three meet. A dj of a prefix and a j ("podjela",
    "odjek") becomes d too, in the index as in the query, so those words still find
    themselves."""
    text = text.lower().translate(CYRILLIC).replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(letter for letter in decomposed if not unicodedata.combining(letter))
    return text.replace("dj", "d")


# Cached: the search folds every word of every text it indexes or marks.
fold = lru_cache(maxsize=100_000)(fold_text)


def strip_ending(word, endings):
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def even_out_serbian(stem):
    """The stem's end as every form of the word has it."""
    # Adjectives in -ski meet their noun: "policijski" -> "policij", "vračarski" -> "vracar".
    if stem.endswith("sk") and len(stem) - 2 >= MIN_STEM:
        stem = stem[:-2]
    # After a labial, j turns into lj: "prijavljen", "snimljen" -> "prijav", "snim".
    if stem[-3:] in ("blj", "plj", "mlj", "vlj", "flj") and len(stem) - 2 >= MIN_STEM:
        stem = stem[:-2]
    # "ličnošću" beside "ličnosti".
    if stem.endswith("osc"):
        stem = stem[:-1] + "t"
    # k and c take turns (snimak, snimci), as g and z do (dijalog, dijalozi).
    if stem.endswith("k"):
        stem = stem[:-1] + "c"
    elif stem.endswith("g"):
        stem = stem[:-1] + "z"
    # The a that comes and goes (snimak, snimka) and t + k that become c (podatak, podaci).
    while len(stem) > MIN_STEM and stem[-2:] in ("ac", "tc"):
        stem = stem[:-2] + "c"
    return stem


@lru_cache(maxsize=100_000)
def stem(word, language="sr"):
    """The stem of a folded word in the language ("sr" or "en"); words of one or two letters
    and numbers stay as they are."""
    if len(word) < MIN_STEM or not word.isalpha():
        return word
    if language == "en":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("ss", "us", "is")):
            return word
        return strip_ending(strip_ending(word, ENGLISH_ENDINGS), ENGLISH_ENDINGS)
    word = strip_ending(strip_ending(word, SERBIAN_ENDINGS), SERBIAN_ENDINGS)
    return even_out_serbian(word)


# No real word is longer. Longer ones (junk, or a query made to fill this process's memory:
# 100,000 cached words of 200 letters take some 100 MB) are folded and stemmed uncached.
MAX_CACHED_WORD = 24


def word_stem(word, language="sr"):
    """The stem of a word as written."""
    if len(word) > MAX_CACHED_WORD:
        return stem.__wrapped__(fold.__wrapped__(word), language)
    return stem(fold(word), language)


def candidate_prefix(stem):
    """What every word with this stem starts with, folded (see the module's docstring)."""
    return stem[:-1] if len(stem) > 1 else stem


def is_stop_word(word, language="sr"):
    # No stop word is long: a long word is not folded, nor cached.
    return len(word) <= MAX_CACHED_WORD and fold(word) in STOP_WORDS[language]


# Alphabetical order. Written here rather than taken from ICU (PyICU needs the C library and a
# compiler on the machine) or the database (SQLite has no Serbian collation, and PostgreSQL's
# depends on how its cluster was set up): the alphabet is short and its rules are few.
# Serbian Latin as CLDR orders it: digraphs are letters of their own (dž after d, lj after l,
# nj after n), each letter with a diacritic after its base (č, ć after c; đ after dž; š after s;
# ž after z), and q, w, x, y of foreign words where the Latin alphabet has them.
SERBIAN_ALPHABET = [
    *"abcčćd", "dž", *"đefghijkl", "lj", *"mn", "nj", *"opqrsštuvwxyzž"
]  # fmt: skip
ENGLISH_ALPHABET = list("abcdefghijklmnopqrstuvwxyz")
# Serbian Cyrillic's own order (azbuka), for the Cyrillic pages (home/scripts.py): ž before z,
# ć before c, č, dž and š last.
AZBUKA = list("абвгдђежзијклљмнњопрстћуфхцчџш")
# Longest first, so that "dž" is read before "d".
_SERBIAN_READING_ORDER = sorted(SERBIAN_ALPHABET, key=len, reverse=True)


def _alphabet(language_code):
    return SERBIAN_ALPHABET if language_of(language_code) == "sr" else ENGLISH_ALPHABET


def _base_letter(letter):
    """é -> e, ü -> u: a letter the alphabet lacks sorts as its letter without accents."""
    decomposed = unicodedata.normalize("NFD", letter)
    return "".join(part for part in decomposed if not unicodedata.combining(part)) or letter


def letters(word, language_code="sr"):
    """The word's letters, in lower case: in Serbian "lj", "nj" and "dž" count as one."""
    word = unicodedata.normalize("NFC", word.lower())
    if language_of(language_code) != "sr":
        return list(word)
    result = []
    while word:
        letter = next((x for x in _SERBIAN_READING_ORDER if word.startswith(x)), word[0])
        result.append(letter)
        word = word[len(letter) :]
    return result


def collation_key(text, language_code="sr"):
    """The key that sorts names and words in the language's alphabetical order: in Serbian
    Čukarica after Cvijićeva and before Ćuprija, Džep after Dan and before Đeram, Ljig after
    Lopta. Spaces and punctuation come before digits, digits before letters ("Novi Beograd"
    before "Novigrad"); letters of other alphabets come last. The text itself breaks ties, so
    the order is the same on every run."""
    alphabet = _alphabet(language_code)
    reading = letters(text, language_code)
    if language_code == CYRILLIC_READERS:
        # A Cyrillic reader sees the names in Cyrillic: in the azbuka's order.
        alphabet = AZBUKA
        reading = list(unicodedata.normalize("NFC", to_cyrillic(text).lower()))
    key = []
    for letter in reading:
        if letter not in alphabet:
            letter = _base_letter(letter)
        if letter in alphabet:
            key.append((2, alphabet.index(letter), ""))
        elif letter.isdigit():
            key.append((1, 0, letter))
        elif letter.isalpha():
            key.append((3, 0, letter))
        else:
            key.append((0, 0, letter))
    return (key, text)
