"""The database's own full-text index over the analysed terms: FTS5 on SQLite, a weighted tsvector on PostgreSQL
(Norwegian Snowball configuration)."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_terms, summary_terms, body_terms,
        content='search_searchdocument', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0"
    )""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title_terms, summary_terms, body_terms)
        VALUES (new.id, new.title_terms, new.summary_terms, new.body_terms);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, summary_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.summary_terms, old.body_terms);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, summary_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.summary_terms, old.body_terms);
        INSERT INTO search_fts(rowid, title_terms, summary_terms, body_terms)
        VALUES (new.id, new.title_terms, new.summary_terms, new.body_terms);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES = [
    # Norwegian Snowball, without PostgreSQL's stop-word list: the index terms are already analysed and stopped,
    # and that list would drop stems such as «dem» (from «demens»).
    "CREATE TEXT SEARCH DICTIONARY innoplatform_norwegian_stem (TEMPLATE = snowball, LANGUAGE = norwegian)",
    "CREATE TEXT SEARCH CONFIGURATION innoplatform_norwegian (COPY = norwegian)",
    "ALTER TEXT SEARCH CONFIGURATION innoplatform_norwegian ALTER MAPPING REPLACE norwegian_stem WITH innoplatform_norwegian_stem",
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('innoplatform_norwegian', title_terms), 'A')
        || setweight(to_tsvector('innoplatform_norwegian', summary_terms), 'B')
        || setweight(to_tsvector('innoplatform_norwegian', body_terms), 'D')
    ) STORED""",
    "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (search_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS innoplatform_norwegian",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS innoplatform_norwegian_stem",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
