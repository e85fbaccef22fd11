"""Event dates as intervals: the first and last day every stored date denotes (2015-W29 is
2015-07-13..2015-07-19), so that dates of different precision compare as dates; actor codes
written one way (``SAU GOV``).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

from rasid.dates import interval

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_events = sa.table("events", sa.column("id", sa.Integer), sa.column("date", sa.String),
                   sa.column("date_start", sa.String), sa.column("date_end", sa.String))
_actors = sa.table("actors", sa.column("code", sa.String), sa.column("country", sa.String),
                   sa.column("sector", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("date_start", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("date_end", sa.String(length=10), nullable=True))
        batch.create_index(batch.f("ix_events_date_start"), ["date_start"], unique=False)
        batch.create_index(batch.f("ix_events_date_end"), ["date_end"], unique=False)
    bind = op.get_bind()
    dates = [d for (d,) in bind.execute(sa.select(_events.c.date).where(_events.c.date.is_not(None)).distinct())]
    for value in dates:
        days = interval(value)
        if days:
            bind.execute(_events.update().where(_events.c.date == value)
                         .values(date_start=days[0], date_end=days[1]))
    bind.execute(_actors.update().where(_actors.c.country.is_not(None), _actors.c.sector.is_not(None))
                 .values(code=_actors.c.country + " " + _actors.c.sector))


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(_actors.update().where(_actors.c.country.is_not(None), _actors.c.sector.is_not(None))
                 .values(code=_actors.c.country + _actors.c.sector))
    with op.batch_alter_table("events") as batch:
        batch.drop_index(batch.f("ix_events_date_end"))
        batch.drop_index(batch.f("ix_events_date_start"))
        batch.drop_column("date_end")
        batch.drop_column("date_start")
