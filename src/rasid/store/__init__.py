"""The corpus store: articles, entities, quotes and events in SQLite (default) or PostgreSQL."""
from .db import Store, open_store

__all__ = ["Store", "open_store"]
