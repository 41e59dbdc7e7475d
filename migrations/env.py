"""Alembic environment: run on the connection NormDesk hands over, or on sqlalchemy.url."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from app.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    # The full-text indexes are maintained by hand: FTS5 virtual tables and their shadow tables on
    # SQLite, GIN expression indexes on PostgreSQL (0009, 0021, 0022).
    if type_ == "index" and name and name.endswith(("_trgm", "_search_grams")):
        return False
    fts = ("document_fts", "document_grams", "text_fts", "text_grams")
    return not (type_ == "table" and name.startswith(fts))


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        run(conn)
