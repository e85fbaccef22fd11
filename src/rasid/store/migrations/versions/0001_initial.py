"""The initial corpus schema: articles, sentences, actors, entities, quotes, events, event mentions.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('sector', sa.String(length=8), nullable=True),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code', 'name_en', name='uq_actor')
    )
    op.create_index(op.f('ix_actors_country'), 'actors', ['country'], unique=False)
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('external_id', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('norm_text', sa.Text(), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('duplicate_of', sa.Integer(), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['duplicate_of'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    op.create_index(op.f('ix_articles_duplicate_of'), 'articles', ['duplicate_of'], unique=False)
    op.create_index(op.f('ix_articles_published'), 'articles', ['published'], unique=False)
    op.create_table('entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=8), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('sector', sa.String(length=8), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_entities_actor_id'), 'entities', ['actor_id'], unique=False)
    op.create_index(op.f('ix_entities_article_id'), 'entities', ['article_id'], unique=False)
    op.create_index(op.f('ix_entities_country'), 'entities', ['country'], unique=False)
    op.create_index(op.f('ix_entities_name_en'), 'entities', ['name_en'], unique=False)
    op.create_index(op.f('ix_entities_type'), 'entities', ['type'], unique=False)
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=12), nullable=False),
    sa.Column('mode', sa.String(length=24), nullable=True),
    sa.Column('cameo', sa.String(length=4), nullable=False),
    sa.Column('goldstein', sa.Float(), nullable=False),
    sa.Column('quad_class', sa.Integer(), nullable=False),
    sa.Column('actor_key', sa.String(length=64), nullable=False),
    sa.Column('recipient_key', sa.String(length=64), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('recipient_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('location_country', sa.String(length=3), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('historical', sa.Boolean(), nullable=False),
    sa.Column('future', sa.Boolean(), nullable=False),
    sa.Column('hypothetical', sa.Boolean(), nullable=False),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('gloss', sa.Text(), nullable=False),
    sa.Column('num_mentions', sa.Integer(), nullable=False),
    sa.Column('num_articles', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['recipient_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_events_actor_id'), 'events', ['actor_id'], unique=False)
    op.create_index(op.f('ix_events_actor_key'), 'events', ['actor_key'], unique=False)
    op.create_index(op.f('ix_events_date'), 'events', ['date'], unique=False)
    op.create_index('ix_events_dyad', 'events', ['actor_key', 'recipient_key', 'date'], unique=False)
    op.create_index(op.f('ix_events_recipient_id'), 'events', ['recipient_id'], unique=False)
    op.create_index(op.f('ix_events_recipient_key'), 'events', ['recipient_key'], unique=False)
    op.create_index(op.f('ix_events_type'), 'events', ['type'], unique=False)
    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('speaker_country', sa.String(length=3), nullable=True),
    sa.Column('speaker_sector', sa.String(length=8), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_quotes_article_id'), 'quotes', ['article_id'], unique=False)
    op.create_table('sentences',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('i', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('heading', sa.Boolean(), nullable=False),
    sa.Column('duplicate_of', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'i')
    )
    op.create_table('event_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('attribution', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_event_mentions_article_id'), 'event_mentions', ['article_id'], unique=False)
    op.create_index(op.f('ix_event_mentions_event_id'), 'event_mentions', ['event_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_event_mentions_event_id'), table_name='event_mentions')
    op.drop_index(op.f('ix_event_mentions_article_id'), table_name='event_mentions')
    op.drop_table('event_mentions')
    op.drop_table('sentences')
    op.drop_index(op.f('ix_quotes_article_id'), table_name='quotes')
    op.drop_table('quotes')
    op.drop_index(op.f('ix_events_type'), table_name='events')
    op.drop_index(op.f('ix_events_recipient_key'), table_name='events')
    op.drop_index(op.f('ix_events_recipient_id'), table_name='events')
    op.drop_index('ix_events_dyad', table_name='events')
    op.drop_index(op.f('ix_events_date'), table_name='events')
    op.drop_index(op.f('ix_events_actor_key'), table_name='events')
    op.drop_index(op.f('ix_events_actor_id'), table_name='events')
    op.drop_table('events')
    op.drop_index(op.f('ix_entities_type'), table_name='entities')
    op.drop_index(op.f('ix_entities_name_en'), table_name='entities')
    op.drop_index(op.f('ix_entities_country'), table_name='entities')
    op.drop_index(op.f('ix_entities_article_id'), table_name='entities')
    op.drop_index(op.f('ix_entities_actor_id'), table_name='entities')
    op.drop_table('entities')
    op.drop_index(op.f('ix_articles_published'), table_name='articles')
    op.drop_index(op.f('ix_articles_duplicate_of'), table_name='articles')
    op.drop_table('articles')
    op.drop_index(op.f('ix_actors_country'), table_name='actors')
    op.drop_table('actors')
