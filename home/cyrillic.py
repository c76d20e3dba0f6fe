"""Serbian Latin text and HTML in Serbian Cyrillic (issue 22: the site in both scripts, from the
same content).

Serbian Latin maps to Cyrillic letter for letter, but for the digraphs lj, nj and dž (one
Cyrillic letter each: љ, њ, џ) and the words that are not Serbian. This module's own rules, not
a library's: cyrtranslit (1.2.0, the one PyPI package for it) writes "LJUBAV" as "ЛЈУБАВ" and
"DŽEP" as "ДЖЕП" (capital digraphs), turns "konjunkcija" into "коњункција" (n and j are two
letters there) and leaves "Huawei" half Latin ("Хуаwеи"). Here:

- a word with a letter Serbian Latin does not have (q, w, x, y, ä…) is a foreign word (a name,
  a brand, Wi-Fi) and is left as it is, whole;
- an all-capitals word of Roman numeral letters (XIV, II) is a number and is left as it is;
- addresses and email addresses are left as they are;
- digraphs are one letter in either case ("Lj", "LJ" -> "Љ"), except in the words of
  TWO_LETTERS (and an editor's exceptions), where a "|" marks where the letters part;
- EXCEPTIONS (word -> its Cyrillic form, or None to leave it in Latin) come before all of it;
  the admin's own list is given as `exceptions`.

HTML is changed in its text only: tags, attributes (links, classes), comments, entities and
what is in <code>, <pre>, <kbd>, <samp>, <script>, <style>, or an element marked
translate="no" are written back as they were.
"""

import functools
import json
import re
import unicodedata
from html import escape
from html.parser import HTMLParser

LETTERS = {
    "a": "а",
    "b": "б",
    "v": "в",
    "g": "г",
    "d": "д",
    "đ": "ђ",
    "e": "е",
    "ž": "ж",
    "z": "з",
    "i": "и",
    "j": "ј",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "ć": "ћ",
    "u": "у",
    "f": "ф",
    "h": "х",
    "c": "ц",
    "č": "ч",
    "š": "ш",
}
DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
# A digraph, or a letter, as the transliteration reads a word (digraphs first).
LETTER = re.compile("|".join([*DIGRAPHS, *LETTERS]), re.IGNORECASE)

# Words (or the start of words: a stem matches any word it begins) in which lj, nj or dž are
# two letters, with "|" where they part: prefixes before j or ž, foreign words.
TWO_LETTERS = [
    "in|jekc",  # injekcija
    "in|jekt",  # injektor
    "kon|jug",  # konjugacija
    "kon|junk",  # konjunkcija, konjunktura
    "van|jezi",  # vanjezički
    "nad|živ",  # nadživeti
    "nad|žnj",  # nadžnjeti
    "od|žal",  # odžaliti
    "od|žvak",  # odžvakati
    "pod|žanr",  # podžanr
    "pod|župan",  # podžupan
    "pod|žup",  # podžupanija
]

# Words written the same in both scripts' texts, or in a form of their own.
EXCEPTIONS = {
    # Acronyms read as Latin letters in Serbian Cyrillic texts too.
    "GDPR": None,
    "CCTV": None,
    "ODbL": None,
    "OSM": None,
    "CSV": None,
    "JSON": None,
    "GeoJSON": None,
    "PDF": None,
    "URL": None,
    "HTML": None,
    "RFC": None,
    "JPEG": None,
    "PNG": None,
    "HEIC": None,
    "QR": None,
    # Names of projects and formats, as their makers write them.
    "OpenStreetMap": None,
    "Leaflet": None,
    "FeatureCollection": None,
    "Feature": None,
    "Point": None,
    "minLon": None,
    "minLat": None,
    # OpenStreetMap's values, quoted.
    "dome": None,
    "panning": None,
}

# A word, or words joined by hyphens (Wi-Fi, MUP-u): a foreign part keeps them all in Latin.
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
ROMAN = re.compile(r"[IVXLCDM]+")
SERBIAN_LATIN = frozenset("abcčćdđefghijklmnoprsštuvzž")
# Web and email addresses, and www. ones: never transliterated.
ADDRESS = re.compile(
    r"""(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+""",
    re.IGNORECASE,
)
SPLITS = sorted(
    ((stem.replace("|", ""), stem) for stem in TWO_LETTERS), key=lambda pair: -len(pair[0])
)


def _letters(latin):
    """A run of Serbian Latin letters in Cyrillic, digraphs as one letter."""

    def one(match):
        found = match.group()
        cyrillic = DIGRAPHS.get(found.lower()) or LETTERS[found.lower()]
        return cyrillic.upper() if found[0].isupper() else cyrillic

    return LETTER.sub(one, latin)


def word_to_cyrillic(word, exceptions=None):
    """One word (letters only) in Cyrillic, or as it is where it is not Serbian."""
    uncapitalised = word[:1].lower() + word[1:]
    for table in (exceptions or {}, EXCEPTIONS):
        if word in table:
            return word if table[word] is None else table[word]
        # A listed word at the start of a sentence.
        if uncapitalised in table:
            form = table[uncapitalised]
            return word if form is None else form[:1].upper() + form[1:]
    if ROMAN.fullmatch(word):
        return word
    if not set(word.lower()) <= SERBIAN_LATIN:
        return word
    lower = word.lower()
    for joined, stem in SPLITS:
        if lower.startswith(joined):
            cut = stem.index("|")
            return _letters(word[:cut]) + _letters(word[cut:])
    return _letters(word)


@functools.lru_cache(maxsize=50_000)
def _common_word(word):
    # A page's words repeat across pages (menus, labels): the common case, with only this
    # module's exceptions, is kept; the cache is bounded, its keys short words.
    return word_to_cyrillic(word)


# Any letter Serbian Latin text can be written with: a text without one has nothing to change.
ANY_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def to_cyrillic(text, exceptions=None):
    """Serbian Latin text in Cyrillic: each word by `word_to_cyrillic`, addresses untouched."""
    if not ANY_LATIN.search(text):
        return text
    text = unicodedata.normalize("NFC", text)
    parts = []
    position = 0
    for address in ADDRESS.finditer(text):
        parts.append(_words(text[position : address.start()], exceptions))
        parts.append(address.group())
        position = address.end()
    parts.append(_words(text[position:], exceptions))
    return "".join(parts)


def _words(text, exceptions):
    def joined(match):
        parts = match.group().split("-")
        if len(parts) > 1 and any(not set(part.lower()) <= SERBIAN_LATIN for part in parts):
            return match.group()
        if exceptions:
            return "-".join(word_to_cyrillic(part, exceptions) for part in parts)
        return "-".join(_common_word(part) for part in parts)

    return WORD.sub(joined, text)


# Elements whose text is code, or not prose at all.
KEPT_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "script", "style", "var"})
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


# Attributes people read (or hear): the rest are names, addresses and values for programs.
READABLE_ATTRIBUTES = frozenset(
    {"alt", "title", "aria-label", "aria-description", "placeholder", "label", "content"}
)
# <meta> whose content is read: a page's description and its card when it is shared.
READABLE_META = frozenset(
    {
        "description",
        "og:title",
        "og:description",
        "og:image:alt",
        "og:site_name",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
    }
)
# An element's lang that is Serbian in Cyrillic (the page's own); any other keeps its text.
CYRILLIC_TAGS = frozenset({"sr-cyrl", "sr"})
# Structured data's values that are text to read; its keys, types, dates and addresses stay.
JSON_LD_TEXT = frozenset(
    {"name", "headline", "description", "alternateName", "text", "caption", "abstract"}
)


def _json_ld_to_cyrillic(data, exceptions):
    try:
        document = json.loads(data)
    except ValueError:
        return data

    def walk(value, key=None):
        if isinstance(value, dict):
            return {name: walk(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [walk(item, key) for item in value]
        if isinstance(value, str) and key in JSON_LD_TEXT:
            return to_cyrillic(value, exceptions)
        return value

    text = json.dumps(walk(document), ensure_ascii=False)
    # As `json_ld` writes it: nothing that could end the <script>.
    for character, escaped in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        text = text.replace(character, escaped)
    return text


class _Transliterator(HTMLParser):
    """Writes the HTML it reads back as it was, with its prose in Cyrillic."""

    def __init__(self, exceptions):
        super().__init__(convert_charrefs=False)
        self.exceptions = exceptions
        self.out = []
        # Open elements: (tag, whether its text is kept as it is).
        self.open = []

    def kept(self):
        return bool(self.open) and self.open[-1][1]

    def handle_starttag(self, tag, attrs):
        self.out.append(self.start_tag(tag, attrs))
        if tag in VOID_ELEMENTS:
            return
        attributes = dict(attrs)
        marked = attributes.get("translate") == "no" or (
            # Text in another language, or declared Latin (the switcher's "Latinica").
            "lang" in attributes and (attributes["lang"] or "").lower() not in CYRILLIC_TAGS
        )
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self.open.append((tag, "json-ld"))
            return
        self.open.append((tag, self.kept() or marked or tag in KEPT_ELEMENTS))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.start_tag(tag, attrs))

    def start_tag(self, tag, attrs):
        """The tag as written, or, where it has text people read in an attribute, rebuilt
        with that text in Cyrillic."""
        text = self.get_starttag_text()
        if self.kept() or not any(name in READABLE_ATTRIBUTES and value for name, value in attrs):
            return text
        if tag == "meta" and dict(attrs).get("property", dict(attrs).get("name")) not in (
            READABLE_META
        ):
            return text
        rebuilt = [f"<{tag}"]
        for name, value in attrs:
            if value is None:
                rebuilt.append(f" {name}")
                continue
            if name in READABLE_ATTRIBUTES:
                value = to_cyrillic(value, self.exceptions)
            rebuilt.append(f' {name}="{escape(value, quote=True)}"')
        rebuilt.append(" />" if text.endswith("/>") else ">")
        return "".join(rebuilt)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        if self.open and self.open[-1][1] == "json-ld":
            self.out.append(_json_ld_to_cyrillic(data, self.exceptions))
            return
        self.out.append(data if self.kept() else to_cyrillic(data, self.exceptions))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def html_to_cyrillic(html, exceptions=None):
    """HTML with the text of its prose in Cyrillic; its markup as it was."""
    parser = _Transliterator(exceptions)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


# A catalogue's placeholders (%(name)s, %s, %d, %%, {count}): never letters to change.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]|\{[^{}\s]*\}")
# What stands in for a placeholder while the rest is changed: no letter in it.
MASK = re.compile("\ue000(\\d+)\ue001")


def message_to_cyrillic(message, exceptions=None):
    """A translation of the site's own catalogue in Cyrillic: its placeholders and its markup
    as they were (`manage.py cyrillic_catalogue`)."""
    kept = []

    def keep(match):
        kept.append(match.group())
        return f"\ue000{len(kept) - 1}\ue001"

    cyrillic = html_to_cyrillic(PLACEHOLDER.sub(keep, message), exceptions)
    return MASK.sub(lambda match: kept[int(match.group(1))], cyrillic)
