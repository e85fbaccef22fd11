"""The REST API, ``/api/v1``: a thin layer over ``rasid.analyze`` and the corpus ``Store``.

Security: ``rasid serve`` binds to loopback by default; bound elsewhere, write endpoints
(``POST /api/v1/analyze``, ``POST /api/v1/ingest``) need ``Authorization: Bearer <token>``.
Request bodies are size-limited, every query goes through SQLAlchemy parameters, and CORS is off.
"""
from __future__ import annotations

import secrets
from typing import Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .. import __version__
from ..pipeline import analyze_record
from ..store import Store
from ..store.aggregate import actor_graph, timeline

__all__ = ["create_app", "MAX_BODY"]

MAX_BODY = 2_000_000  # bytes


class AnalyzeRequest(BaseModel):
    text: str = Field(..., description="The article text (Arabic).", max_length=1_000_000)
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD: anchors relative times.")
    id: str = Field("text", description="An id for the record.")
    title: str | None = None
    source: str | None = None
    url: str | None = None


class IngestRequest(BaseModel):
    articles: list[AnalyzeRequest] = Field(..., max_length=500)


def create_app(store: Store, token: str | None = None) -> FastAPI:
    """The API over ``store``; with ``token``, write endpoints require it."""
    app = FastAPI(title="Rasid API", version=__version__,
                  description="Arabic news in, political events out: analysis, corpus search, events, actors.")

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and int(length) > MAX_BODY:
            return JSONResponse({"detail": f"request body over {MAX_BODY} bytes"}, status_code=413)
        return await call_next(request)

    def writer(authorization: str | None = Header(None)) -> None:
        if token is not None and not (authorization and secrets.compare_digest(authorization, f"Bearer {token}")):
            raise HTTPException(401, "this server requires a token for writing: Authorization: Bearer <token>")

    @app.post("/api/v1/analyze", dependencies=[Depends(writer)], summary="Analyse one article")
    def analyze(req: AnalyzeRequest) -> dict[str, Any]:
        """The analysis record of one article (entities, times, quantities, quotes, events)."""
        return analyze_record(req.model_dump(exclude={"published"}), published=req.published)

    @app.post("/api/v1/ingest", dependencies=[Depends(writer)], summary="Analyse and store articles")
    def ingest(req: IngestRequest) -> dict[str, Any]:
        """Analyse and store up to 500 articles; what the store has already is skipped."""
        records = [analyze_record(a.model_dump(exclude={"published"}), published=a.published) for a in req.articles]
        r = store.add(records)
        return {"added": r.added, "already_stored": r.skipped, "bad_records": r.failed,
                "near_duplicates": r.duplicates, "errors": [{"id": i, "error": e} for i, e in r.errors]}

    @app.get("/api/v1/articles", summary="Search articles")
    def articles(q: str = Query(..., min_length=1, description="Arabic words (full text) or any language (semantic)"),
                 since: str | None = None, until: str | None = None, source: str | None = None,
                 entity: str | None = None, semantic: bool = False,
                 limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
        """Full-text search over normalised Arabic, or semantic search across languages."""
        if semantic:
            from ..store.semantic import semantic_search
            try:
                return semantic_search(store, q, limit)
            except RuntimeError as exc:
                raise HTTPException(501, str(exc)) from exc
        return store.search(q, since=since, until=until, source=source, entity=entity, limit=limit)

    @app.get("/api/v1/events", summary="Events (not reports)")
    def events(actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None,
               limit: int = Query(50, ge=1, le=1000)) -> list[dict[str, Any]]:
        return store.events(actor=actor, recipient=recipient, type=type, since=since, until=until, limit=limit)

    @app.get("/api/v1/events/{event_id}/mentions", summary="The reports of one event, with evidence")
    def mentions(event_id: int) -> list[dict[str, Any]]:
        return store.mentions(event_id)

    @app.get("/api/v1/actors", summary="Most active actors")
    def actors(top: int = Query(20, ge=1, le=500)) -> list[dict[str, Any]]:
        return store.top_actors(top)

    @app.get("/api/v1/graph", summary="The actor network as node-link JSON")
    def graph(since: str | None = None, until: str | None = None) -> dict[str, Any]:
        import networkx as nx
        return nx.node_link_data(actor_graph(store, since, until), edges="links")

    @app.get("/api/v1/timeline", summary="Cooperation and conflict over time")
    def dyad_timeline(actor: str, other: str | None = None, by: str = Query("month", pattern="^(day|week|month)$"),
                      since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        return timeline(store, actor, other, by, since, until)

    @app.get("/api/v1/stats", summary="Corpus counts")
    def stats() -> dict[str, int]:
        return store.stats()

    return app
