"""Events carry the learned coder's confidence (the probability that the event is right).

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))
        batch.create_index(batch.f("ix_events_confidence"), ["confidence"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index(batch.f("ix_events_confidence"))
        batch.drop_column("confidence")
