"""Semantic search across languages, and migrations that build exactly the schema module."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import rasid
from rasid.store.fts import is_fts_object
from rasid.store.schema import metadata
from rasid.store.semantic import embed_articles, semantic_search

ARTICLES = {
    "strike": "شنت طائرات حربية غارات جوية على مواقع عسكرية في محافظة الحديدة غربي اليمن فجر اليوم.",
    "oil": "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج مليوني برميل يوميا.",
    "football": "فاز المنتخب السعودي لكرة القدم على نظيره الياباني بهدفين مقابل هدف في التصفيات الآسيوية.",
}


def test_english_query_finds_the_arabic_article(store):
    store.add([rasid.analyze(t, id=k, published="2024-01-01") for k, t in ARTICLES.items()])
    assert embed_articles(store) == 3
    assert embed_articles(store) == 0  # resumable: nothing left to embed
    for query, expected in [("air strikes in Yemen", "strike"), ("oil prices and OPEC output", "oil"),
                            ("Saudi football team won the match", "football")]:
        assert semantic_search(store, query, limit=1)[0]["external_id"] == expected


def test_migrations_build_the_schema_module(store):
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": lambda name, *_: not is_fts_object(name)})
        diff = compare_metadata(context, metadata)
    assert diff == []
