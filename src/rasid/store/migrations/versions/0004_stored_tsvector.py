"""PostgreSQL: keep the tsvector in a stored generated column so ranking does not recompute it.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE articles ADD COLUMN norm_tsv tsvector "
               "GENERATED ALWAYS AS (to_tsvector('simple', norm_text)) STORED")
    op.execute("CREATE INDEX ix_articles_fts_tsv ON articles USING GIN (norm_tsv)")
    op.execute("DROP INDEX IF EXISTS ix_articles_fts")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN (to_tsvector('simple', norm_text))")
    op.execute("DROP INDEX IF EXISTS ix_articles_fts_tsv")
    op.execute("ALTER TABLE articles DROP COLUMN norm_tsv")
