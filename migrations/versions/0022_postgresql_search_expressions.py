"""PostgreSQL title search through two expression indexes over the register's searched fields,
instead of five trigram indexes and a scan for 1–2 characters (issue 27).

`nd_search_text` is the fields joined by a line break (no term holds one, so none matches across
two fields). A term of 3+ characters is `LIKE '%term%'` on it (ILIKE if the term has letters with
a case), served by a trigram index, whose trigrams are case-folded already; leaving the text's case
alone makes the recheck of each candidate row three times cheaper than a lower(). `nd_grams` is
every character and every pair of adjacent characters of the lower-cased text (whitespace split
off), served by a GIN array index: a 1–2 character term is `@> ARRAY[lower(term)]`, which pg_trgm
cannot serve. Both functions are IMMUTABLE SQL made of immutable parts only (and written for
PostgreSQL 13): the planner inlines them, in the indexes' definitions as in queries, so a query's
expression matches its index and a recheck calls no function (concat_ws, being STABLE, would
prevent that). Statistics of the two expressions are not collected: ANALYZE would evaluate them
for its whole sample (~18 s on 100k documents), and the planner's default estimate serves.

Revision ID: 0022
Revises: 0021
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

OLD_TRIGRAM_COLUMNS = ("title", "doc_number", "reg_number", "keywords", "summary")
SEARCHED = "title, doc_number, reg_number, keywords, summary"

SEARCH_TEXT = """
CREATE OR REPLACE FUNCTION nd_search_text(
    title text, doc_number text, reg_number text, keywords text, summary text
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT
    coalesce(title, '') || E'\\n' || coalesce(doc_number, '') || E'\\n' || coalesce(reg_number, '')
    || E'\\n' || coalesce(keywords, '') || E'\\n' || coalesce(summary, '')
$$
"""

# Characters, then the pairs starting at even offsets, then those at odd ones, each followed by a
# space and split on whitespace: a pair holding whitespace falls apart into its characters.
GRAMS = r"""
CREATE OR REPLACE FUNCTION nd_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT array_remove(regexp_split_to_array(
    regexp_replace(t, '(.)', '\1 ', 'g') || ' ' || regexp_replace(t, '(..)', '\1 ', 'g')
    || ' ' || regexp_replace(substr(t, 2), '(..)', '\1 ', 'g'), '\s+'), '') $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(SEARCH_TEXT)
    op.execute(GRAMS)
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_document_search_trgm ON document "
        f"USING gin (nd_search_text({SEARCHED}) gin_trgm_ops)"
    )
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_document_search_grams ON document "
        f"USING gin (nd_grams(lower(nd_search_text({SEARCHED}))))"
    )
    for name in ("ix_document_search_trgm", "ix_document_search_grams"):
        op.execute(f"ALTER INDEX {name} ALTER COLUMN 1 SET STATISTICS 0")
    for name in OLD_TRIGRAM_COLUMNS:
        op.execute(f"DROP INDEX IF EXISTS ix_document_{name}_trgm")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in OLD_TRIGRAM_COLUMNS:
        op.execute(
            f"CREATE INDEX IF NOT EXISTS ix_document_{name}_trgm "
            f"ON document USING gin ({name} gin_trgm_ops)"
        )
    op.execute("DROP INDEX IF EXISTS ix_document_search_grams")
    op.execute("DROP INDEX IF EXISTS ix_document_search_trgm")
    op.execute("DROP FUNCTION IF EXISTS nd_grams(text)")
    op.execute("DROP FUNCTION IF EXISTS nd_search_text(text, text, text, text, text)")
