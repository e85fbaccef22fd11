"""Full-text search: an FTS5 table (SQLite) or a GIN tsvector index (PostgreSQL) over norm_text.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

from rasid.store.fts import create_fts, drop_fts

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_fts(op.get_bind())


def downgrade() -> None:
    drop_fts(op.get_bind())
