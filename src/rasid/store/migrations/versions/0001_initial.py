"""The initial corpus schema.

Revision ID: 0001
Revises:
"""
from alembic import op

from rasid.store.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The baseline is the schema module as of this revision; later revisions use op.* changes.
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
