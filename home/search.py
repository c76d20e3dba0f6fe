"""Site search helpers: reading the reader's query, finding the pages, and result snippets
with the words marked.

The database search backends match whole words, ignoring case (and, on SQLite, accents), so
the snippets find and mark words the same way: "zastita" marks "Zaštita".
"""

import re
import unicodedata
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

MAX_QUERY_LENGTH = 200
# Letters and digits only: quotes, `*`, `-` and the like are search syntax to the backends,
# and a stray one would be a syntax error in the database instead of a search.
WORD = re.compile(r"[^\W_]+")
# Serbian's one letter that Unicode does not decompose into a base letter and an accent.
UNDECOMPOSED = {"đ": "d"}
# Best matches first on PostgreSQL. Wagtail's SQLite backend scores each match with a
# subquery that runs the full-text match again, which takes most of a second over 1,000
# explainers: on SQLite (development and tests) the newest pages come first instead.
RANK_BY_RELEVANCE = connection.vendor != "sqlite"


def matching_pages(locale, terms):
    """The live public pages of the locale, bar the root, that have all the terms: the search
    results, best match first on PostgreSQL and newest first on SQLite, not yet run."""
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale, depth__gt=1)
        .order_by("-first_published_at", "-id")
        .specific()
        .search(" ".join(terms), operator="and", order_by_relevance=RANK_BY_RELEVANCE)
    )


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
    """str.translate's table for `fold`, filled in as new characters come up."""

    def __missing__(self, code):
        # Always exactly one character, so that positions in folded text are positions in
        # the original.
        lower = chr(code).lower()[0]
        folded = UNDECOMPOSED.get(lower) or unicodedata.normalize("NFD", lower)[0]
        self[code] = folded
        return folded


FOLDED_LETTERS = FoldedLetters()


def fold(text):
    """The text without accents, in lower case, character for character."""
    return text.translate(FOLDED_LETTERS)


def term_pattern(terms):
    """Whole words equal to any of the terms, in folded text; longer terms first, so that a
    word is marked whole when one term is the start of another."""
    words = sorted({fold(term) for term in terms}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def excerpt(text, terms, width=240):
    """About `width` characters of `text` around the first of the terms, as HTML with every
    term in <mark>, cut at spaces, with "…" where the text goes on. "" without a match."""
    if not text or not terms:
        return ""
    folded = fold(text)
    pattern = term_pattern(terms)
    first = pattern.search(folded)
    if first is None:
        return ""
    # A little before the match for context, the rest after it.
    start = max(0, first.start() - width // 4)
    end = min(len(text), max(start + width, first.end()))
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 30 else start
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space - end < 30 else end
    return mark_safe(  # noqa: S308 (every piece of text is escaped)
        ("…" if start > 0 else "")
        + marked(text, folded, pattern, start, end).strip()
        + ("…" if end < len(text) else "")
    )


def highlight(text, terms):
    """The whole text as HTML with every term in <mark>."""
    if not text or not terms:
        return escape(text)
    return mark_safe(marked(text, fold(text), term_pattern(terms), 0, len(text)))  # noqa: S308


def marked(text, folded, pattern, start, end):
    """text[start:end], escaped, with the pattern's matches in <mark>."""
    parts = []
    position = start
    for match in pattern.finditer(folded, start, end):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
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
