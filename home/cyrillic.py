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
- addresses and email addresses are left as they are, and so is a unit's symbol after a
  figure (5 km, 8 MP, 40 °C), as SI writes it, and a code of letters and digits (a camera's
  model: IPC6625-Z30);
- digraphs are one letter in either case ("Lj", "LJ" -> "Љ"), except in the words of
  TWO_LETTERS (and an editor's exceptions), where a "|" marks where the letters part;
- EXCEPTIONS (word -> its Cyrillic form, or None to leave it in Latin) come before all of it;
  the editors' own list (the admin's, home/scripts.py) is given as `exceptions`, and comes
  first; its words may be joined by hyphens ("e-uprava");
- the words are kept once transliterated (`_common_word`, and each editors' list's own:
  `Exceptions`), since a page's words repeat across pages.

HTML is changed in its text only: tags, attributes (links, classes), comments, entities and
what is in <code>, <pre>, <kbd>, <samp>, <script>, <style>, or an element marked
translate="no" are written back as they were.
"""

import functools
import json
import re
import unicodedata

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
# Web and email addresses, and www. ones: never transliterated. A scheme or an email address
# is tried only where a run of its characters begins (the lookbehinds): tried from every letter
# of a long word, each try read to the word's end, the square of its length, and a page may
# echo a visitor's text megabytes long (a choice a form refused). What precedes a scheme's
# first letter in its run is no letter, so the text comes out as before.
ADDRESS = re.compile(
    r"""(?:(?<![a-z0-9+.-])[0-9+.-]*[a-z][a-z0-9+.-]*://|www\.)[^\s<>"']+"""
    r"""|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+""",
    re.IGNORECASE,
)
# HTML's character references (&amp;, &nbsp;, &#39;): in text read from HTML, never letters.
ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# A unit's symbol after a figure: international, written in Latin in Cyrillic text too (SRPS
# follows SI), and transliterated it goes wrong ("60 °Ц", "50 км/х"). As written, case and all:
# "5 a" is "five and", not five amperes.
UNIT = re.compile(
    r"(?<=\d)[ \u00a0]?(?-i:°C|km/h|m/s|km²|m²|m³|km|cm|mm|m|kg|MP|px|fps|kB|MB|GB|TB|"
    r"Mb/s|Mbps|Gbps|GHz|MHz|Hz|kWh|kW|W|V|dB|lx)(?![^\W\d_])"
)
# A code: letters glued to digits, as a camera's model is written (IPC6625-Z30, H264), tried
# only where a run of its characters begins (as `ADDRESS`); "10-ak" (a hyphen between) is no
# code.
CODE = re.compile(r"(?<![\w-])(?=[\w-]*(?:[^\W\d_]\d|\d[^\W\d_]))\w+(?:-\w+)*")
# What the text keeps as it is.
KEPT = re.compile(
    f"{ADDRESS.pattern}|{ENTITY.pattern}|{UNIT.pattern}|{CODE.pattern}", re.IGNORECASE
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


def _listed(word, exceptions):
    """The form a list gives `word` (the word itself where it is left as it is), or None when
    neither the editors' `exceptions` nor EXCEPTIONS has it."""
    uncapitalised = word[:1].lower() + word[1:]
    for table in (exceptions or {}, EXCEPTIONS):
        if word in table:
            return word if table[word] is None else table[word]
        # A listed word at the start of a sentence.
        if uncapitalised in table:
            form = table[uncapitalised]
            return word if form is None else form[:1].upper() + form[1:]
    return None


def word_to_cyrillic(word, exceptions=None):
    """One word (letters only) in Cyrillic, or as it is where it is not Serbian."""
    listed = _listed(word, exceptions)
    if listed is not None:
        return listed
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


def _joined_to_cyrillic(word, exceptions=None):
    """A word, or words joined by hyphens (`WORD`), in Cyrillic: a listed whole (an editor's
    "e-uprava") as the list says, else each part, unless one is foreign (Wi-Fi)."""
    if "-" not in word:
        return word_to_cyrillic(word, exceptions)
    listed = _listed(word, exceptions)
    if listed is not None:
        return listed
    parts = word.split("-")
    if any(not set(part.lower()) <= SERBIAN_LATIN for part in parts):
        return word
    return "-".join(word_to_cyrillic(part, exceptions) for part in parts)


# Words are kept up to this length: a page's words repeat across pages (menus, labels), and
# the keys stay short whatever a visitor types into a page that shows it (a search).
KEPT_WORD_LENGTH = 40
KEPT_WORDS = 50_000

# With only this module's exceptions: the common case.
_common_word = functools.lru_cache(maxsize=KEPT_WORDS)(_joined_to_cyrillic)


class Exceptions(dict):
    """An editors' exceptions list (word -> its Cyrillic form, or None to leave it as it is)
    that keeps the words transliterated under it, as `_common_word` does without one: made
    once for each version of the list (home/scripts.py), and never changed after, or its kept
    words would be wrong."""

    def __init__(self, table=()):
        table = dict(table)
        super().__init__(table)
        # A cache of its own: a word's form under one list is not its form under another.
        self.word = functools.lru_cache(maxsize=KEPT_WORDS)(
            functools.partial(_joined_to_cyrillic, exceptions=table)
        )
        self.text = functools.lru_cache(maxsize=KEPT_TEXTS)(
            functools.partial(_text_to_cyrillic, exceptions=self)
        )


def _as_exceptions(exceptions):
    """`exceptions` as `Exceptions`: a plain dict is wrapped, for the one text or page it is
    given with."""
    if exceptions is None or isinstance(exceptions, Exceptions):
        return exceptions
    return Exceptions(exceptions)


# Any letter Serbian Latin text can be written with: a text without one has nothing to change.
ANY_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def to_cyrillic(text, exceptions=None, keep=True):
    """Serbian Latin text in Cyrillic: each word by `word_to_cyrillic`, addresses untouched.
    `exceptions`: an editors' list, a dict or, to keep its words from one text to the next,
    `Exceptions`. `keep=False` for someone's own words (a name, an address in a letter):
    neither the text nor its words stay in the caches."""
    if not ANY_LATIN.search(text):
        return text
    exceptions = _as_exceptions(exceptions)
    if not keep or len(text) > KEPT_TEXT_LENGTH:
        return _text_to_cyrillic(text, exceptions, keep)
    return (exceptions.text if exceptions else _common_text)(text)


def _text_to_cyrillic(text, exceptions, keep=True):
    text = unicodedata.normalize("NFC", text)
    parts = []
    position = 0
    for address in KEPT.finditer(text):
        parts.append(_words(text[position : address.start()], exceptions, keep))
        parts.append(address.group())
        position = address.end()
    parts.append(_words(text[position:], exceptions, keep))
    return "".join(parts)


# Short texts are kept as well: a page rendered again (after any change to what it shows) is
# mostly the text it had, and its menus, labels and footer are every page's.
KEPT_TEXT_LENGTH = 300
KEPT_TEXTS = 20_000
_common_text = functools.lru_cache(maxsize=KEPT_TEXTS)(
    functools.partial(_text_to_cyrillic, exceptions=None)
)


def _words(text, exceptions, keep=True):
    word = exceptions.word if exceptions else _common_word

    def joined(match):
        found = match.group()
        if not keep or len(found) > KEPT_WORD_LENGTH:
            return _joined_to_cyrillic(found, exceptions)
        return word(found)

    return WORD.sub(joined, text)


# Elements whose text is code, or not prose at all; a <textarea>'s is a form's value, what
# the visitor typed, sent again as it comes back (as an <input>'s value=).
KEPT_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "script", "style", "var", "textarea"})
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


# Markup: a comment, a declaration, a processing instruction or a tag (its name and attributes
# apart). The text is what lies between. A regular expression rather than html.parser: it
# reads a page in a third of the time, which is most of what a Cyrillic page costs more
# (bench/cyrillic_pages.py), and the site's own HTML is all it reads.
MARKUP = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    # Attributes unrolled (runs of plain characters between quoted values): a character at a
    # time took the engine twice as long.
    r"""|<(/?)([A-Za-z][^\s/>]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"""([^\s"'=<>/`]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# A start tag that may hold something for us: readable text, or a mark of what to keep.
MAY_MATTER = re.compile(
    r"(?:alt|title|aria-label|aria-description|placeholder|label|content|translate|lang|type)"
    r"\s*=",
    re.IGNORECASE,
)
# Elements whose content is not HTML: read as it is up to their end tag.
RAW_TEXT = frozenset({"script", "style"})
RAW_TEXT_ENDS = {name: re.compile(f"</{name}", re.IGNORECASE) for name in RAW_TEXT}


def _attributes(text):
    """A start tag's attributes: [(name in lower case, value without its quotes or None,
    the match)]."""
    found = []
    for match in ATTRIBUTE.finditer(text):
        value = match.group(2)
        if value is not None and value[:1] in "\"'":
            value = value[1:-1]
        found.append((match.group(1).lower(), value, match))
    return found


def _start_tag(name, text, attributes, exceptions):
    """The attributes' text (`text`) with the values people read in Cyrillic."""
    values = {key: value for key, value, _match in attributes}
    if name == "meta" and values.get("property", values.get("name")) not in READABLE_META:
        return text
    parts, position = [], 0
    for key, value, match in attributes:
        if key in READABLE_ATTRIBUTES and value:
            start, end = match.span(2)
            quote = text[start] if text[start] in "\"'" else ""
            parts.append(text[position:start])
            # The value is still escaped: its entities are left as they are (`KEPT`).
            parts.append(f"{quote}{to_cyrillic(value, exceptions)}{quote}")
            position = end
    parts.append(text[position:])
    return "".join(parts)


def html_to_cyrillic(html, exceptions=None):
    """HTML with the text of its prose in Cyrillic; its markup as it was."""
    exceptions = _as_exceptions(exceptions)
    out = []
    # Open elements: (name, whether its text is kept as it is); `kept`, the innermost's.
    open_elements = []
    kept = False
    position = 0
    search = MARKUP.search
    while True:
        match = search(html, position)
        text = html[position : match.start() if match else len(html)]
        if text:
            out.append(text if kept or text.isspace() else to_cyrillic(text, exceptions))
        if match is None:
            break
        position = match.end()
        closing, name, attributes_text = match.group(1, 2, 3)
        if name is None or closing:  # a comment, a declaration…, or an end tag
            out.append(match.group())
            if closing:
                name = name.lower()
                for index in range(len(open_elements) - 1, -1, -1):
                    if open_elements[index][0] == name:
                        del open_elements[index:]
                        kept = bool(open_elements) and open_elements[-1][1]
                        break
            continue
        name = name.lower()
        values, attributes = {}, None
        if MAY_MATTER.search(attributes_text):
            attributes = _attributes(attributes_text)
            values = {key: value for key, value, _match in attributes}
        language = values.get("lang")
        # Text in another language, or declared Latin (the switcher's "Latinica"): HTML's
        # `translate` and `lang` cover the element's own attributes as well as its text.
        marked = values.get("translate") == "no" or (
            language is not None and language.lower() not in CYRILLIC_TAGS
        )
        if attributes and not (kept or marked):
            attributes_text = _start_tag(name, attributes_text, attributes, exceptions)
            out.append(f"<{match.group(2)}{attributes_text}>")
        else:
            out.append(match.group())
        if name in RAW_TEXT:
            closing_tag = RAW_TEXT_ENDS[name].search(html, position)
            end = closing_tag.start() if closing_tag else len(html)
            content = html[position:end]
            if values.get("type") == "application/ld+json" and not kept:
                content = _json_ld_to_cyrillic(content, exceptions)
            out.append(content)
            position = end
            continue
        if name in VOID_ELEMENTS or attributes_text.endswith("/"):
            continue
        kept = kept or marked or name in KEPT_ELEMENTS
        open_elements.append((name, kept))
    return "".join(out)


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
