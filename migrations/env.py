"""Alembic environment: run on the connection NormDesk hands over, or on sqlalchemy.url."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from app.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    # What the migrations make by hand and the models do not describe: FTS5 virtual tables and
    # their shadow tables on SQLite; on PostgreSQL GIN expression indexes (0009, 0021, 0022) and a
    # pattern-ops index (0023).
    if type_ == "index" and name and name.endswith(("_trgm", "_search_grams", "_prefix")):
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
