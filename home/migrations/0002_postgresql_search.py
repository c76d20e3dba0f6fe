"""PostgreSQL's side of the site search (nothing on SQLite, whose FTS5 table Wagtail manages).

- The `kamere` text search configuration: PostgreSQL's `simple` (no stemming: one index holds
  Serbian and English, and either language's stemmer would mangle the other) with accents
  dropped first, so that `zastita` finds `zaštita`, as on SQLite, and `dak` finds `đak`.
  WAGTAILSEARCH_BACKENDS names it. Index entries made before this migration keep their accents
  until `manage.py update_index` rebuilds them.
- A GIN index on the title and body vectors joined: Wagtail matches pages against
  `title || body`, which its own indexes (one on each column) cannot serve, so every search read
  and joined the vectors of every entry (wagtail/wagtail#6546).
"""

from django.db import migrations

CONFIGURATION = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION kamere (COPY = simple);
-- The token types that can hold letters outside ASCII; ASCII words have no accents to drop.
ALTER TEXT SEARCH CONFIGURATION kamere
    ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart
    WITH unaccent, simple;
-- fastupdate off: a page saved goes straight into the index, not into a list of pending
-- entries that every search reads through until the next vacuum (with a site's worth of new
-- pages, reading the list makes the planner shun the index). Saves are few; searches many.
CREATE INDEX kamere_indexentry_title_body_gin
    ON wagtailsearch_indexentry USING gin ((title || body)) WITH (fastupdate = off);
"""

# The extension stays: it may have been there before, and other objects may use it.
REMOVE_CONFIGURATION = """
DROP INDEX IF EXISTS kamere_indexentry_title_body_gin;
DROP TEXT SEARCH CONFIGURATION IF EXISTS kamere;
"""


class PostgreSQLOnly(migrations.RunSQL):
    """RunSQL that does nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [PostgreSQLOnly(CONFIGURATION, REMOVE_CONFIGURATION)]
