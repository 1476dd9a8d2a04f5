"""The one SQL schema, as named, ordered migrations.

Each migration is a name and a list of statements written in the SQL that SQLite and
PostgreSQL share (TEXT, INTEGER, REAL, no AUTOINCREMENT). A store applies those it has not yet
recorded in its ``migrations`` table, each in its own transaction, in order.

On PostgreSQL the shared statements run with the types that keep SQLite's meaning
(:func:`postgres_types`): text compared byte by byte as SQLite does (``COLLATE "C"``: the same
order, whatever the server's locale), 64-bit integers, double-precision reals. Where the
dialects differ (full-text search), a migration carries PostgreSQL's own statements as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

RECORD_TABLES = (
    "documents",
    "pages",
    "sentences",
    "entities",
    "entity_aliases",
    "mentions",
    "events",
    "claims",
    "doc_fingerprints",
    "doc_bands",
    "fused_events",
    "event_fusion",
    "assessments",
    "entity_keys",
    "entity_links",
)
"""Every table of records and of the fusion layer (the search indexes are derived from them):
what two databases of the same reports must hold alike, whatever engine or backend wrote them."""

_POSTGRES_TYPES = {"TEXT": 'TEXT COLLATE "C"', "INTEGER": "BIGINT", "REAL": "DOUBLE PRECISION"}
_TYPE = re.compile(r"\b(TEXT|INTEGER|REAL)\b")


def postgres_types(statement: str) -> str:
    """A shared statement with SQLite's column types spelled as PostgreSQL keeps their meaning."""
    return _TYPE.sub(lambda m: _POSTGRES_TYPES[m.group(1)], statement)


#: A fused event's date whose order as a string is not the order of its span: one with an end,
#: one cut to its year from a longer value, or one with letters after the year (weeks,
#: seasons, quarters). The same text in the partial index and in the query that uses it.
ODD_DATE = (
    "(date_end IS NOT NULL OR (COALESCE(date_precision, '') = 'year' AND length(date_value) > 4)"
    " OR (length(date_value) > 5 AND substr(date_value, 6, 1) NOT BETWEEN '0' AND '9'))"
)


@dataclass(frozen=True)
class Migration:
    """A named step of the schema: ``statements`` in the shared SQL, or, where the dialects
    differ, ``postgres`` holds what PostgreSQL runs instead."""

    name: str
    statements: tuple[str, ...]
    postgres: tuple[str, ...] | None = None

    def statements_for(self, dialect: Literal["sqlite", "postgres"]) -> tuple[str, ...]:
        if dialect == "sqlite":
            return self.statements
        if self.postgres is not None:
            return self.postgres
        return tuple(postgres_types(s) for s in self.statements)


# PostgreSQL's full-text search with the meaning of FTS5's unicode61 tokenizer with
# remove_diacritics: words lower-cased and unaccented, no stemming, no stop words (the "simple"
# dictionary behind "unaccent", a trusted extension the database's owner may create). Documents
# carry a generated tsvector (title and text); names and aliases get a table of their own, kept
# current by triggers whoever writes, as names_fts is.
_POSTGRES_SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION warwire_search (COPY = pg_catalog.simple)",
    "ALTER TEXT SEARCH CONFIGURATION warwire_search"
    " ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
    "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS"
    " (setweight(to_tsvector('warwire_search', coalesce(title, '')), 'A')"
    " || to_tsvector('warwire_search', text)) STORED",
    "CREATE INDEX documents_search ON documents USING GIN (search)",
    """CREATE TABLE names_search (
        entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        name TEXT COLLATE "C" NOT NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('warwire_search', name)) STORED,
        PRIMARY KEY (entity_id, name)
    )""",
    "CREATE INDEX names_search_words ON names_search USING GIN (search)",
    """CREATE FUNCTION names_search_entity() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO names_search (entity_id, name) VALUES (NEW.id, NEW.name)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION names_search_alias() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO names_search (entity_id, name) VALUES (NEW.entity_id, NEW.alias)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER names_search_entity AFTER INSERT ON entities"
    " FOR EACH ROW EXECUTE FUNCTION names_search_entity()",
    "CREATE TRIGGER names_search_alias AFTER INSERT ON entity_aliases"
    " FOR EACH ROW EXECUTE FUNCTION names_search_alias()",
    "INSERT INTO names_search (entity_id, name) SELECT id, name FROM entities"
    " UNION SELECT entity_id, alias FROM entity_aliases",
)

# PostgreSQL's text-search parser makes tokens of its own from punctuated text: XML tags (whose
# words it drops: "<script>"), e-mail addresses, URLs, hosts, paths, decimals, "T-72" as "t" and
# "-72". FTS5's unicode61 cuts all of those at every punctuation mark, so PostgreSQL now indexes
# the text with ASCII punctuation made spaces (``[[:punct:]]`` under the columns' "C" collation;
# other marks are separators to both parsers) and tsquery() cuts query words the same way.
_SEARCH_TEXT = "regexp_replace({}, '[[:punct:]]', ' ', 'g')"
_SEARCH_TITLE = _SEARCH_TEXT.format("coalesce(title, '')")
_POSTGRES_SEARCH_WORDS = (
    "ALTER TEXT SEARCH CONFIGURATION warwire_search"
    " ALTER MAPPING FOR numword WITH unaccent, simple",
    "ALTER TABLE documents DROP COLUMN search",
    "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS"
    f" (setweight(to_tsvector('warwire_search', {_SEARCH_TITLE}), 'A')"
    f" || to_tsvector('warwire_search', {_SEARCH_TEXT.format('text')})) STORED",
    "CREATE INDEX documents_search ON documents USING GIN (search)",
    "ALTER TABLE names_search DROP COLUMN search",
    "ALTER TABLE names_search ADD COLUMN search tsvector GENERATED ALWAYS AS"
    f" (to_tsvector('warwire_search', {_SEARCH_TEXT.format('name')})) STORED",
    "CREATE INDEX names_search_words ON names_search USING GIN (search)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_documents",
        (
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                title TEXT,
                source TEXT,
                url TEXT,
                published TEXT,
                language TEXT,
                origin TEXT,
                format TEXT,
                text TEXT NOT NULL,
                n_chars INTEGER NOT NULL,
                ingested_at TEXT NOT NULL,
                pipeline TEXT NOT NULL,
                skipped TEXT
            )""",
            "CREATE INDEX documents_published ON documents (published)",
            "CREATE INDEX documents_source ON documents (source)",
            """CREATE TABLE pages (
                doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                PRIMARY KEY (doc_id, number)
            )""",
            """CREATE TABLE sentences (
                doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                PRIMARY KEY (doc_id, idx)
            )""",
        ),
    ),
    Migration(
        "0002_entities_and_mentions",
        (
            """CREATE TABLE entities (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                geonames_id INTEGER,
                lat REAL,
                lon REAL,
                country_code TEXT,
                admin1 TEXT,
                feature TEXT,
                geo_precision INTEGER,
                actor_type INTEGER
            )""",
            "CREATE INDEX entities_kind_name ON entities (kind, name)",
            """CREATE TABLE entity_aliases (
                entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
                alias TEXT NOT NULL,
                doc_id TEXT REFERENCES documents (id) ON DELETE CASCADE,
                PRIMARY KEY (entity_id, alias, doc_id)
            )""",
            """CREATE TABLE mentions (
                id TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text TEXT NOT NULL,
                label TEXT NOT NULL,
                sentence INTEGER NOT NULL,
                extractor TEXT NOT NULL,
                entity_id TEXT REFERENCES entities (id) ON DELETE SET NULL
            )""",
            "CREATE INDEX mentions_doc ON mentions (doc_id, start_char)",
            "CREATE INDEX mentions_label ON mentions (label)",
            "CREATE INDEX mentions_entity ON mentions (entity_id)",
        ),
    ),
    Migration(
        "0003_events_claims_assessments",
        (
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                trigger_text TEXT NOT NULL,
                actor1 TEXT REFERENCES entities (id),
                actor2 TEXT REFERENCES entities (id),
                location TEXT REFERENCES entities (id),
                geo_precision INTEGER,
                date_value TEXT,
                date_end TEXT,
                date_precision TEXT,
                time_precision INTEGER,
                fatalities_low INTEGER,
                fatalities_high INTEGER,
                attributed_to TEXT,
                hedged INTEGER NOT NULL DEFAULT 0,
                negated INTEGER NOT NULL DEFAULT 0,
                historical INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX events_doc ON events (doc_id)",
            """CREATE TABLE claims (
                id TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                subject TEXT NOT NULL REFERENCES entities (id),
                attribute TEXT NOT NULL,
                value TEXT NOT NULL,
                unit TEXT,
                qualifier TEXT NOT NULL DEFAULT 'exact',
                attributed_to TEXT,
                hedged INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX claims_subject ON claims (subject, attribute)",
            """CREATE TABLE assessments (
                subject TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
                attribute TEXT NOT NULL,
                status TEXT NOT NULL,
                claim_ids TEXT NOT NULL,
                PRIMARY KEY (subject, attribute)
            )""",
        ),
    ),
    Migration(
        "0004_mention_geo",
        (
            "ALTER TABLE mentions ADD COLUMN geo_precision INTEGER",
            "ALTER TABLE mentions ADD COLUMN resolution TEXT",
            "CREATE INDEX entity_aliases_doc ON entity_aliases (doc_id)",
        ),
    ),
    Migration(
        "0005_mention_value",
        ("ALTER TABLE mentions ADD COLUMN value TEXT",),
    ),
    Migration(
        "0006_actors",
        (
            "ALTER TABLE entities ADD COLUMN wikidata TEXT",
            "ALTER TABLE entities ADD COLUMN parent_id TEXT",
            "ALTER TABLE mentions ADD COLUMN confidence REAL",
        ),
    ),
    Migration(
        "0007_event_claim_details",
        (
            "ALTER TABLE events ADD COLUMN sentence INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE events ADD COLUMN trigger_start INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE events ADD COLUMN trigger_end INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE events ADD COLUMN date_anchor TEXT",
            "ALTER TABLE events ADD COLUMN fatalities_qualifier TEXT",
            "ALTER TABLE events ADD COLUMN future INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE events ADD COLUMN extractor TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0",
            "CREATE INDEX events_type ON events (sub_event_type)",
            "CREATE INDEX events_date ON events (date_value)",
            "CREATE INDEX events_location ON events (location)",
            "CREATE INDEX events_actor1 ON events (actor1)",
            "CREATE INDEX events_actor2 ON events (actor2)",
            "ALTER TABLE claims ADD COLUMN sentence INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE claims ADD COLUMN value_kind TEXT NOT NULL DEFAULT 'number'",
            "ALTER TABLE claims ADD COLUMN value_high TEXT",
            "ALTER TABLE claims ADD COLUMN value_precision TEXT",
            "ALTER TABLE claims ADD COLUMN reference TEXT",
            "ALTER TABLE claims ADD COLUMN bearing TEXT",
            "ALTER TABLE claims ADD COLUMN negated INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE claims ADD COLUMN extractor TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX claims_doc ON claims (doc_id)",
        ),
    ),
    Migration(
        "0008_fusion",
        (
            """CREATE TABLE doc_fingerprints (
                doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
                signature TEXT NOT NULL,
                duplicate_of TEXT NOT NULL
            )""",
            """CREATE TABLE doc_bands (
                band TEXT NOT NULL,
                doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                PRIMARY KEY (band, doc_id)
            )""",
            """CREATE TABLE fused_events (
                id TEXT PRIMARY KEY,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                actor1 TEXT,
                actor2 TEXT,
                location TEXT,
                geo_precision INTEGER,
                date_value TEXT,
                date_end TEXT,
                date_precision TEXT,
                date_anchor TEXT,
                time_precision INTEGER,
                fatalities INTEGER,
                fatalities_high INTEGER,
                disputed INTEGER NOT NULL DEFAULT 0,
                notes TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX fused_type_date ON fused_events (sub_event_type, date_value)",
            "CREATE INDEX fused_location ON fused_events (location)",
            """CREATE TABLE event_fusion (
                event_id TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
                fused_id TEXT NOT NULL
            )""",
            "CREATE INDEX event_fusion_fused ON event_fusion (fused_id)",
            "ALTER TABLE assessments ADD COLUMN groups TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE assessments ADD COLUMN sources INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE assessments ADD COLUMN reason TEXT",
        ),
    ),
    # Full-text search (the web layer's /api/search). SQLite: FTS5 (PostgreSQL: tsvector, above).
    # The tables keep their own copy of what they index (not external content keyed on rowids,
    # which VACUUM may renumber); triggers keep them current whoever writes, and the migration
    # indexes what is already stored.
    Migration(
        "0009_search",
        (
            "CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text,"
            " tokenize = 'unicode61 remove_diacritics 2')",
            "CREATE VIRTUAL TABLE names_fts USING fts5(entity_id UNINDEXED, name,"
            " tokenize = 'unicode61 remove_diacritics 2')",
            """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts (doc_id, title, text)
                VALUES (new.id, coalesce(new.title, ''), new.text);
            END""",
            """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                DELETE FROM documents_fts WHERE doc_id = old.id;
            END""",
            """CREATE TRIGGER names_fts_entity AFTER INSERT ON entities BEGIN
                INSERT INTO names_fts (entity_id, name) VALUES (new.id, new.name);
            END""",
            """CREATE TRIGGER names_fts_alias AFTER INSERT ON entity_aliases
            WHEN (SELECT count(*) FROM entity_aliases
                  WHERE entity_id = new.entity_id AND alias = new.alias) = 1 BEGIN
                INSERT INTO names_fts (entity_id, name) VALUES (new.entity_id, new.alias);
            END""",
            """CREATE TRIGGER names_fts_delete AFTER DELETE ON entities BEGIN
                DELETE FROM names_fts WHERE entity_id = old.id;
            END""",
            "INSERT INTO documents_fts (doc_id, title, text)"
            " SELECT id, coalesce(title, ''), text FROM documents",
            "INSERT INTO names_fts (entity_id, name) SELECT id, name FROM entities",
            "INSERT INTO names_fts (entity_id, name)"
            " SELECT DISTINCT entity_id, alias FROM entity_aliases",
        ),
        postgres=_POSTGRES_SEARCH,
    ),
    # Cross-document entities (warwire.fuse.entities): each person and organisation's name key,
    # bucketed for similar-name lookups, and the links that make an entity the same as an
    # earlier one whose name is spelt differently (its own id is kept).
    Migration(
        "0010_entity_links",
        (
            """CREATE TABLE entity_keys (
                entity_id TEXT PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                name_key TEXT NOT NULL,
                bucket TEXT NOT NULL,
                key_length INTEGER NOT NULL
            )""",
            "CREATE INDEX entity_keys_bucket ON entity_keys (kind, bucket, key_length)",
            """CREATE TABLE entity_links (
                entity_id TEXT PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
                canonical_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
                score REAL NOT NULL,
                reason TEXT NOT NULL
            )""",
            "CREATE INDEX entity_links_canonical ON entity_links (canonical_id)",
        ),
    ),
    # PostgreSQL's search words as FTS5's (above); nothing changes on SQLite.
    Migration("0011_search_words", (), postgres=_POSTGRES_SEARCH_WORDS),
    # Event fusion's candidates by place and time (warwire.store.fusion_sql.fused_candidates):
    # dates of digits by their value, the few others by a partial index.
    Migration(
        "0012_fused_place_dates",
        (
            "CREATE INDEX fused_place_date ON fused_events (location, date_value)",
            f"CREATE INDEX fused_place_odd_date ON fused_events (location) WHERE {ODD_DATE}",
        ),
    ),
    # An alias enters the name search once, with its first use. The trigger counted every use
    # of the alias to see whether this was the first, so storing a report took longer with
    # every report that had used its names before (0.05 s for 100 reports of 25 names, 2.96 s
    # for 2,000); asking whether any other use exists reads at most two index entries.
    # PostgreSQL's names_search needs no count (its insert skips a name already there).
    Migration(
        "0013_alias_search_first_use",
        (
            "DROP TRIGGER names_fts_alias",
            """CREATE TRIGGER names_fts_alias AFTER INSERT ON entity_aliases
            WHEN NOT EXISTS (SELECT 1 FROM entity_aliases WHERE entity_id = new.entity_id
                             AND alias = new.alias AND rowid <> new.rowid) BEGIN
                INSERT INTO names_fts (entity_id, name) VALUES (new.entity_id, new.alias);
            END""",
        ),
        postgres=(),
    ),
)
