"""The REST API, ``/api/v1``, and the web app at ``/``: thin layers over ``rasid.analyze`` and the
corpus ``Store``. The web app is static (``serve/web``) and reads everything through this API.

Security: ``rasid serve`` binds to loopback by default; bound elsewhere, write endpoints
(``POST /api/v1/analyze``, ``POST /api/v1/ingest``) need ``Authorization: Bearer <token>``.
Request bodies are size-limited, every query goes through SQLAlchemy parameters, and CORS is off.
"""
from __future__ import annotations

import secrets
from importlib.resources import files
from typing import Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator

from .. import __version__
from ..code.ontology import ontology
from ..dates import check_date, day_range
from ..errors import NoVectorsError, QueryError
from ..ingest.readers import from_text
from ..pipeline import analyze_record
from ..store import Store
from ..store.aggregate import actor_graph, timeline
from ..store.browse import actor_profile, article_detail, event_places, list_articles, sources
from .tables import Format, table_response

__all__ = ["create_app", "MAX_BODY"]

MAX_BODY = 2_000_000  # bytes
CONFIDENCE_HELP = ("Keep the events whose confidence (the learned coder's probability that the event is right) "
                   "reaches this; default: the model's threshold, chosen by cross-validation.")
# The web app loads only its own scripts: an article's text can never run as code, even if escaping failed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class AnalyzeRequest(BaseModel):
    text: str = Field(..., description="The article text (Arabic).", max_length=1_000_000)
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD: anchors relative times.")
    id: str = Field("text", description="An id for the record.")
    title: str | None = None
    source: str | None = None
    url: str | None = None
    min_confidence: float | None = Field(None, ge=0, le=1, description=CONFIDENCE_HELP)

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        return check_date(value, "published", timestamps=True)


class IngestRequest(BaseModel):
    articles: list[AnalyzeRequest] = Field(..., max_length=500)


def create_app(store: Store, token: str | None = None) -> FastAPI:
    """The API over ``store``; with ``token``, write endpoints require it."""
    app = FastAPI(title="Rasid API", version=__version__,
                  description="Arabic news in, political events out: analysis, corpus search, events, actors.")

    @app.exception_handler(QueryError)
    async def bad_parameter(_request: Request, exc: QueryError) -> JSONResponse:
        """A parameter that cannot be answered (a date that is none, an unknown type or actor): 422,
        or 409 for semantic search over a corpus without vectors."""
        return JSONResponse({"detail": str(exc)}, status_code=409 if isinstance(exc, NoVectorsError) else 422)

    @app.middleware("http")
    async def limit_body_and_lock_down(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and int(length) > MAX_BODY:
            return JSONResponse({"detail": f"request body over {MAX_BODY} bytes"}, status_code=413)
        response = await call_next(request)
        if not request.url.path.startswith(("/docs", "/redoc")):  # FastAPI's doc pages use inline scripts
            response.headers.update(SECURITY_HEADERS)
        return response

    def writer(authorization: str | None = Header(None)) -> None:
        if token is not None and not (authorization and secrets.compare_digest(authorization, f"Bearer {token}")):
            raise HTTPException(401, "this server requires a token for writing: Authorization: Bearer <token>")

    @app.post("/api/v1/analyze", dependencies=[Depends(writer)], summary="Analyse one article")
    def analyze(req: AnalyzeRequest) -> dict[str, Any]:
        """The analysis record of one article (entities, times, quantities, quotes, events)."""
        return analyze_record(req.model_dump(exclude={"published", "min_confidence"}), published=req.published,
                              min_confidence=req.min_confidence)

    @app.post("/api/v1/analyze/file", dependencies=[Depends(writer)], summary="Analyse an uploaded file")
    async def analyze_file(request: Request, filename: str = Query("upload", max_length=200),
                           published: str | None = None,
                           min_confidence: float | None = Query(None, ge=0, le=1, description=CONFIDENCE_HELP)
                           ) -> dict[str, Any]:
        """The request body is a text or HTML file in any common encoding (UTF-8, UTF-16,
        Windows-1256); HTML pages give their main text, title and date. A bad file gives a
        record with an ``error``."""
        published = check_date(published, "published", timestamps=True)
        return analyze_record(from_text(await request.body(), filename, published), published=published,
                              min_confidence=min_confidence)

    @app.post("/api/v1/ingest", dependencies=[Depends(writer)], summary="Analyse and store articles")
    def ingest(req: IngestRequest) -> dict[str, Any]:
        """Analyse and store up to 500 articles; what the store has already is skipped."""
        records = [analyze_record(a.model_dump(exclude={"published", "min_confidence"}), published=a.published,
                                  min_confidence=a.min_confidence) for a in req.articles]
        r = store.add(records)
        return {"added": r.added, "already_stored": r.skipped, "bad_records": r.failed,
                "near_duplicates": r.duplicates, "errors": [{"id": i, "error": e} for i, e in r.errors]}

    @app.get("/api/v1/articles", summary="Browse and search articles")
    def browse_articles(q: str | None = Query(None, description="Arabic words (full text) or any language (semantic)"),
                  since: str | None = None, until: str | None = None, source: str | None = None,
                  actor: str | None = Query(None, description="A country code (IRN) or an entity's name"),
                  type: str | None = Query(None, description="Only articles reporting an event of this PLOVER type"),
                  semantic: bool = False, limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0),
                  format: Format = "json") -> Response:
        """Full-text matches best first (or, without ``q``, newest first), filtered and paged;
        the total is in the ``X-Total-Count`` header. ``semantic=true`` searches across languages
        (the nearest ``limit`` articles; filters and paging apply to the other two)."""
        day_range(since, until)  # checked on both paths (422 with the reason)
        if semantic and q:
            from ..store.semantic import semantic_search
            try:
                items = semantic_search(store, q, limit)
            except RuntimeError as exc:
                raise HTTPException(501, str(exc)) from exc
            page = {"total": len(items), "items": items}
        else:
            page = list_articles(store, q=q, since=since, until=until, source=source, actor=actor,
                                 event_type=type, limit=limit, offset=offset)
        return table_response(page["items"], format, "articles", {"X-Total-Count": str(page["total"])})

    @app.get("/api/v1/articles/{article_id}", summary="One article with its stored analysis")
    def article(article_id: int) -> dict[str, Any]:
        """The text with its sentences, entities, quotes and the events it reports (with evidence spans)."""
        art = article_detail(store, article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id}")
        return art

    @app.get("/api/v1/events", summary="Events (not reports)")
    def events(actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None,
               min_confidence: float | None = Query(None, ge=0, le=1, description=CONFIDENCE_HELP),
               limit: int = Query(50, ge=1, le=1000), format: Format = "json") -> Response:
        """Events merged across articles, newest first, filtered by sides, type, dates and confidence."""
        rows = store.events(actor=actor, recipient=recipient, type=type, since=since, until=until, limit=limit,
                            min_confidence=min_confidence)
        return table_response(rows, format, "events")

    @app.get("/api/v1/events/{event_id}/mentions", summary="The reports of one event, with evidence")
    def mentions(event_id: int, format: Format = "json") -> Response:
        return table_response(store.mentions(event_id), format, f"event-{event_id}-mentions")

    @app.get("/api/v1/actors", summary="Most active actors")
    def actors(top: int = Query(20, ge=1, le=500), format: Format = "json") -> Response:
        return table_response(store.top_actors(top), format, "actors")

    @app.get("/api/v1/actors/{key}", summary="One actor: names, events, timeline, partners")
    def actor(key: str = Path(..., pattern="^[A-Z]{3}$", description="ISO-3 country code or CAMEO role"),
              by: str = Query("month", pattern="^(day|week|month)$")) -> dict[str, Any]:
        """How the actor is named, its events as actor and as recipient, its Goldstein timeline and partners."""
        return actor_profile(store, key, by)

    @app.get("/api/v1/graph", summary="The actor network as node-link JSON")
    def graph(since: str | None = None, until: str | None = None, format: Format = "json") -> Any:
        """Directed dyads; with ``format=csv``, one row per edge."""
        import networkx as nx
        g = actor_graph(store, since, until)
        if format == "csv":
            return table_response([{"source": a, "target": b, **d} for a, b, d in g.edges(data=True)], format, "dyads")
        return nx.node_link_data(g, edges="links")

    @app.get("/api/v1/timeline", summary="Cooperation and conflict over time")
    def dyad_timeline(actor: str, other: str | None = None, by: str = Query("month", pattern="^(day|week|month)$"),
                      since: str | None = None, until: str | None = None, format: Format = "json") -> Response:
        return table_response(timeline(store, actor, other, by, since, until), format, "timeline")

    @app.get("/api/v1/places", summary="Where events happened (known coordinates)")
    def places(since: str | None = None, until: str | None = None, type: str | None = None,
               format: Format = "json") -> Response:
        return table_response(event_places(store, since, until, type), format, "places")

    @app.get("/api/v1/sources", summary="Outlets and their article counts")
    def list_sources() -> list[dict[str, Any]]:
        return sources(store)

    @app.get("/api/v1/stats", summary="Corpus counts")
    def stats() -> dict[str, int]:
        return store.stats()

    @app.get("/api/v1/config", summary="What the web app needs to know about this server")
    def config() -> dict[str, Any]:
        return {"version": __version__, "token_required": token is not None,
                "event_types": list(ontology().types)}

    app.mount("/", StaticFiles(directory=str(files("rasid") / "serve" / "web"), html=True), name="web")
    return app
