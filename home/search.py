"""Site search helpers: reading the reader's query, finding the pages, and result snippets
with the words marked.

Every form of a word finds every other: the search index holds, beside each text, its words
folded and stemmed (home/serbian.py; `Stemmed`, which `BasePage` and the glossary terms add to
their search fields), and the query is folded and stemmed alike before the database sees it.
So the match is the same on SQLite and on PostgreSQL, whatever their tokenizers do with
accents, đ or Cyrillic. The snippets mark the words whose stem was searched for: "zastita"
marks "Zaštite", not "zaštitari".
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail import blocks, hooks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index
from wagtail.search import models as search_models
from wagtail.search.utils import get_descendants_content_types_pks

from .serbian import candidate_prefix, fold, is_stop_word, language_of, word_stem

MAX_QUERY_LENGTH = 200
# Words searched for at most: each one is a term of the database's query and a prefix in
# every snippet's pattern.
MAX_TERMS = 10
# Letters and digits only: quotes, `*`, `-` and the like are search syntax to the backends,
# and a stray one would be a syntax error in the database instead of a search.
WORD = re.compile(r"[^\W_]+")
# On SQLite, how much more a stem in a page's title counts than one in its text (FTS5's
# bm25 column weights): a page named for the words comes before pages that only mention
# them. The autocomplete column is not searched.
SQLITE_COLUMN_WEIGHTS = {"autocomplete": 0.0, "body": 1.0, "title": 10.0}
# Wagtail's SQLite backend searches an FTS5 table where SQLite has FTS5 (Python's does);
# the model is defined only then.
RANK_ON_SQLITE = connection.vendor == "sqlite" and hasattr(search_models, "SQLiteFTSIndexEntry")
# The Wagtail hooks through which other apps add their own groups of results above the pages
# (map/search.py: places; knowledge/search.py: glossary terms) and their suggestions when
# nothing is found (knowledge/search.py: topics): functions of (request, SearchQuery) returning
# a ResultGroup or None, shown in the hooks' order. home imports no other app, so they come
# to it.
SEARCH_RESULTS_HOOK = "register_search_results"
SEARCH_SUGGESTIONS_HOOK = "register_search_suggestions"


class Stemmed(index.SearchField):
    """A search field's words again, folded and stemmed in the object's language, once each:
    what the query's stems are matched against. Named as the field it stems, so a stemmed
    title goes into the title's part of the index, with the title's weight."""

    def get_value(self, obj):
        locale = getattr(obj, "locale", None)
        language = language_of(getattr(locale, "language_code", ""))
        text = " ".join(texts_in(super().get_value(obj)))
        return " ".join(dict.fromkeys(stems_of(text, language)))


def stems_of(text, language):
    """The stems of a text's words in the language, as the index holds them."""
    return [word_stem(word, language) for word in WORD.findall(text)]


def texts_in(value):
    """The strings in a search field's value (a string, a list of a StreamField's texts,
    tags)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [text for item in value for text in texts_in(item)]
    if isinstance(value, dict):
        return texts_in(list(value.values()))
    return [str(value)]


def with_stems(search_fields):
    """The search fields with a `Stemmed` twin after each text field, also inside related
    fields (an explainer's tags)."""
    fields = []
    for search_field in search_fields:
        if isinstance(search_field, index.RelatedFields):
            search_field = index.RelatedFields(
                search_field.field_name, with_stems(search_field.fields)
            )
        fields.append(search_field)
        if type(search_field) is index.SearchField:
            fields.append(Stemmed(search_field.field_name, boost=search_field.boost))
    return fields


@dataclass
class SearchQuery:
    """What the reader typed, as it is searched for."""

    text: str
    # The reader's words, each once, at most MAX_TERMS.
    words: list
    # The words searched for: without the stop words ("kako", "da") unless there is nothing
    # else. What the snippets mark.
    searched: list
    # Their stems, each once: what the index is asked for.
    stems: list
    # "sr" or "en": the stemmer and stop words used.
    language: str
    # "and": every stem must be found; "or", any of them, when no page had them all.
    operator: str = "and"


def parse_query(raw, language_code):
    """The reader's query ("q"), cleaned, split into words and stemmed in the language."""
    text = clean_query(raw)
    language = language_of(language_code)
    words = search_terms(text)[:MAX_TERMS]
    searched = [word for word in words if not is_stop_word(word, language)] or words
    stems = list(dict.fromkeys(word_stem(word, language) for word in searched))
    return SearchQuery(text=text, words=words, searched=searched, stems=stems, language=language)


@dataclass
class ResultGroup:
    """A group of results another app adds to the search page, above the pages."""

    title: str
    # ResultItems, the few best: a group has no pages of its own.
    items: list
    # Said under the items, such as that there were more than these.
    note: str = ""
    # A ResultItem linking to all of them (the whole glossary), or None.
    more: "ResultItem | None" = None
    # How it is shown: a list of links with a few words after each, unless its app says.
    template: str = "components/search/result_group.html"


@dataclass
class ResultItem:
    """A link, with a few words after it ("Njegoševa 12, Vračar")."""

    label: str
    url: str
    detail: str = ""


def result_groups(request, query, hook_name=SEARCH_RESULTS_HOOK):
    """The other apps' groups of results for the query (SEARCH_RESULTS_HOOK), or their
    suggestions when nothing was found (SEARCH_SUGGESTIONS_HOOK), in the hooks' order; empty
    ones left out."""
    groups = (hook(request, query) for hook in hooks.get_hooks(hook_name))
    return [group for group in groups if group and (group.items or group.more)]


def matching_pages(locale, stems, operator="and"):
    """The live public pages of the locale, bar the root, that have all the stems (or, with
    operator "or", any): the search results, best match first, not yet run. A sliceable
    with `count()`, as Paginator takes it."""
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
    if RANK_ON_SQLITE:
        return RankedPages(pages, stems, operator)
    return (
        pages.order_by("-first_published_at", "-id")
        .specific()
        .search(
            " ".join(stems),
            operator=operator,
            # Wagtail's fallback backend (SQLite without FTS5) cannot rank: newest first.
            order_by_relevance=connection.vendor != "sqlite",
        )
    )


class RankedPages:
    """The pages with the stems on SQLite, best match first: those with them in their title
    before those with them only in their text, then those with more of them (bm25, with
    the title weighted as SQLITE_COLUMN_WEIGHTS says), then the newest.

    Wagtail's SQLite backend ranks by running the full-text match again for every page
    found (a correlated subquery), most of a second over 1,000 explainers. Here one query
    matches, filters and orders them all, reading only their ids; a slice then reads its
    pages. So a page of results costs the same few queries however many pages match."""

    def __init__(self, pages, stems, operator="and"):
        self.pages = pages
        self.stems = stems
        self.operator = operator
        self._ids = None

    # Paginator warns about an unordered object list; this one is ordered.
    ordered = True

    def ids(self):
        """The ids of all the matching pages, in order (one query, run once)."""
        if self._ids is None:
            self._ids = ranked_page_ids(self.pages, self.stems, self.operator)
        return self._ids

    def count(self):
        return len(self.ids())

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0] if key >= 0 else self[:][key]
        ids = self.ids()[key]
        if not ids:
            return []
        found = {page.pk: page for page in self.pages.filter(pk__in=ids).specific()}
        return [found[pk] for pk in ids if pk in found]


def ranked_page_ids(pages, stems, operator="and"):
    """The ids of the pages of the queryset `pages` with all the stems (any, with operator
    "or") in Wagtail's SQLite full-text index, best match first (see RankedPages)."""
    if not stems:
        return []
    fts_table = search_models.SQLiteFTSIndexEntry._meta.db_table
    entry_table = search_models.IndexEntry._meta.db_table
    page_table = Page._meta.db_table
    # Stems are letters and digits only (WORD): quoted, each is one FTS5 term, never syntax.
    joiner = " OR " if operator == "or" else " AND "
    match = "{title body} : (" + joiner.join(f'"{stem}"' for stem in stems) + ")"
    page_types = get_descendants_content_types_pks(Page)
    pages_sql, pages_params = pages.values("pk").query.sql_with_params()
    weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS.values())
    sql = (
        f"SELECT page.id FROM {fts_table}"  # noqa: S608 (names from models; values are params)
        f" JOIN {entry_table} AS entry ON entry.id = {fts_table}.rowid"
        f" JOIN {page_table} AS page ON page.id = CAST(entry.object_id AS INTEGER)"
        f" WHERE {fts_table} MATCH %s"
        f" AND entry.content_type_id IN ({', '.join(['%s'] * len(page_types))})"
        f" AND page.id IN ({pages_sql})"
        f" ORDER BY bm25({fts_table}, {weights}),"
        " page.first_published_at DESC, page.id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *page_types, *pages_params])
        # An object is indexed once, as its most specific type; dict keeps the first anyway.
        return list(dict.fromkeys(row[0] for row in cursor.fetchall()))


@contextmanager
def planned_for_the_index():
    """A block in which PostgreSQL finds the matches through the search index even for a word
    that half the pages have, as readers' words often are.

    Wagtail matches pages against their title and body vectors joined (`title || body`), served
    by the GIN index of home/migrations/0002_postgresql_search.py. But the planner prices
    neither the joining of the vectors nor their reading out of line, and at its default cost
    of a page read out of order (4, a spinning disk's) it reckons reading the whole index table
    cheaper than the index for such a word; that reading joins the vectors of every page of
    both languages (25 ms over 2,000 pages, where the index takes 4 ms). 1.1 is the usual
    figure for data in memory or on SSD, as a search index read on every search is. Django has
    no per-query planner settings, so it is set here, for this transaction only: no other
    query's plan changes. (Turning whole-table reads off instead makes the planner read every
    page's entry by its content type, just as slow.) Nothing to do on SQLite.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL random_page_cost = 1.1")
        yield


def clean_query(raw):
    """The query as the reader typed it, without surrounding blanks and at most 200 characters."""
    return raw.strip()[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """The words of the query, without duplicates: what is searched for and marked."""
    return list(dict.fromkeys(WORD.findall(query)))


class FoldedLetters(dict):
    """str.translate's table for `fold_letters`, filled in as new characters come up."""

    def __missing__(self, code):
        # Always exactly one character, so that positions in folded text are positions in
        # the original.
        folded = fold(chr(code))[:1] or chr(code).lower()[0]
        self[code] = folded
        return folded


FOLDED_LETTERS = FoldedLetters()


def fold_letters(text):
    """The text without accents, in lower case, character for character."""
    return text.translate(FOLDED_LETTERS)


class Marker:
    """Finds the words of a text whose stem is one of the query's: what the snippets mark."""

    def __init__(self, words, language="sr"):
        self.language = language_of(language)
        self.stems = {word_stem(word, self.language) for word in words}
        # Every word with one of the stems starts with its candidate prefix: a cheap first
        # look, before stemming only the words that pass it. Longer prefixes first.
        prefixes = sorted({candidate_prefix(stem) for stem in self.stems}, key=len, reverse=True)
        # Text folded letter for letter keeps the "dj" that `fold` makes d: "Djeram" is
        # marked for "Đeram" and "Deram" too. (re.escape leaves letters as they are.)
        alternatives = "|".join(re.escape(prefix).replace("d", "dj?") for prefix in prefixes)
        self.pattern = re.compile(r"(?<![^\W_])(?:" + alternatives + r")[^\W_]*")

    def spans(self, folded, start=0, end=None):
        """(start, end) of each matching word of the folded text, in order."""
        for match in self.pattern.finditer(folded, start, len(folded) if end is None else end):
            if word_stem(match.group(), self.language) in self.stems:
                yield match.span()


def excerpt(text, terms, width=240, language="sr"):
    """About `width` characters of `text` around the first word with the stem of one of the
    terms, as HTML with every such word in <mark>, cut at spaces, with "…" where the text
    goes on. "" without a match."""
    if not text or not terms:
        return ""
    folded = fold_letters(text)
    marker = Marker(terms, language)
    first = next(marker.spans(folded), None)
    if first is None:
        return ""
    # A little before the match for context, the rest after it.
    start = max(0, first[0] - width // 4)
    end = min(len(text), max(start + width, first[1]))
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 30 else start
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space - end < 30 else end
    return mark_safe(  # noqa: S308 (every piece of text is escaped)
        ("…" if start > 0 else "")
        + marked(text, folded, marker, start, end).strip()
        + ("…" if end < len(text) else "")
    )


def highlight(text, terms, language="sr"):
    """The whole text as HTML with every word with the stem of one of the terms in <mark>."""
    if not text or not terms:
        return escape(text)
    marker = Marker(terms, language)
    # Safe: `marked` escapes every piece of the text; the only markup is its own <mark>.
    return mark_safe(marked(text, fold_letters(text), marker, 0, len(text)))  # noqa: S308


def marked(text, folded, marker, start, end):
    """text[start:end], escaped, with the marker's words in <mark>."""
    parts = []
    position = start
    for word_start, word_end in marker.spans(folded, start, end):
        parts.append(escape(text[position:word_start]))
        parts.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        position = word_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def page_text(page):
    """The page's own words: its summary and the text of its StreamFields' blocks, read from
    the stored data, so no chooser block looks anything up in the database."""
    chunks = [getattr(page, "summary", "")]
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            chunks.extend(block_text(field.stream_block, getattr(page, field.name).raw_data))
    # Headings and short fields end without a full stop; one keeps them apart in a snippet.
    chunks = [chunk.strip() for chunk in chunks if chunk and chunk.strip()]
    return " ".join(chunk if chunk[-1] in ".!?:;…" else f"{chunk}." for chunk in chunks)


def block_text(block, raw):
    """The readable text in a block's stored data: rich text and plain text fields. Choices,
    addresses and references are not words of the page."""
    if raw is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [
            text
            for child in raw
            if child["type"] in block.child_blocks
            for text in block_text(block.child_blocks[child["type"]], child["value"])
        ]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child_block in block.child_blocks.items()
            for text in block_text(child_block, raw.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        # Items are stored as {"type": "item", "value": …}, or bare in older data.
        items = [item["value"] if block._item_is_in_block_format(item) else item for item in raw]
        return [text for item in items for text in block_text(block.child_block, item)]
    if isinstance(block, blocks.RichTextBlock):
        return [get_text_for_indexing(raw)]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [raw]
    return []
