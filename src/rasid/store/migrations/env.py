"""Alembic environment: the connection is handed over by ``Store.migrate``."""
from alembic import context

from rasid.store.fts import is_fts_object
from rasid.store.schema import metadata


def include_name(name, type_, parent_names) -> bool:
    return not is_fts_object(name)


connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, include_name=include_name)
with context.begin_transaction():
    context.run_migrations()
