"""The ``rasid`` command line: a thin layer over the Python API."""
from __future__ import annotations

import csv
import itertools
import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)

from .dates import check_date
from .errors import QueryError, StoreError
from .ingest import count_records, read_inputs
from .scale import ENGINES, analyze_with, default_jobs
from .render import FORMATS, Writer

__all__ = ["main"]

MIN_CONFIDENCE = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None, show_default="the event model's, from its cross-validation",
    help="Keep the events whose confidence (the learned coder's probability that the event is right) reaches this.")

ENGINE_OPTIONS = (
    click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                 help="local: a process pool here; ray: a Ray cluster (pip install 'rasid[ray]')."),
    click.option("--address", help="Ray cluster address (ray://head:10001); default: start Ray locally."),
)


class _Group(click.Group):
    """Errors of the store and of query parameters end a command with their one-line message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (QueryError, StoreError) as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasid")
def main() -> None:
    """Rasid (راصد): who did what to whom, when, where — from Arabic news."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input; anchors relative times.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="summary", show_default=True)
@click.option("-o", "--output", type=click.Path(),
              help="Write here instead of stdout; a folder (ending in /) gets numbered shards.")
@click.option("-j", "--jobs", type=int, default=default_jobs, show_default="all cores", help="Worker processes.")
@ENGINE_OPTIONS[0]
@ENGINE_OPTIONS[1]
@click.option("--shard-size", type=int, default=10_000, show_default=True, help="Records per shard file.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal or output is a file).")
@MIN_CONFIDENCE
def analyze(inputs: tuple[str, ...], published: str | None, fmt: str, output: str | None, jobs: int,
            engine: str, address: str | None, shard_size: int, progress: bool | None,
            min_confidence: float | None) -> None:
    """Analyse articles: files (text, HTML, JSON, JSON Lines, feeds, gzip: told by content), folders, - for stdin.

    Example:

    \b
        rasid analyze article.txt --published 2024-09-11 --format json
        rasid analyze big.jsonl.gz --engine ray --format jsonl -o out/
    """
    published = check_date(published, "--published", timestamps=True)
    sharded = output is not None and (output.endswith("/") or Path(output).is_dir())
    output = Path(output) if output else None
    if sharded:
        output.mkdir(parents=True, exist_ok=True)
        out = None
        writer = None
    else:
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        writer = Writer(fmt, out)
    ok = failed = 0
    show = progress if progress is not None else (output is not None or sys.stderr.isatty())
    bar = Progress(SpinnerColumn(), TextColumn("analysing"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                   console=Console(stderr=True), disable=not show, transient=False)
    try:
        records = analyze_with(engine, read_inputs(inputs), jobs=jobs, published=published, address=address,
                               min_confidence=min_confidence)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    shard = 0
    with bar:
        task = bar.add_task("analyse", total=None, rate="")
        for record in records:
            if sharded and (writer is None or (ok + failed) % shard_size == 0):
                if writer is not None:
                    writer.close()
                    out.close()
                out = (output / f"part-{shard:05d}.{'jsonl' if fmt != 'events-csv' else 'csv'}").open("w", encoding="utf-8")
                writer, shard = Writer(fmt, out), shard + 1
            writer.write(record)
            if record.get("error"):
                failed += 1
                Console(stderr=True).print(f"[yellow]skipped {record['id']}: {record['error']}[/]")
            else:
                ok += 1
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, advance=1, rate=f"{(ok + failed) / elapsed:.1f} articles/s")
    if writer is not None:
        writer.close()
        if output:
            out.close()
    if failed:
        Console(stderr=True).print(f"{ok} analysed, {failed} not analysed (see their 'error' field)")
    if ok == 0:
        sys.exit(1)


DB_OPTION = click.option("--db", default=lambda: os.environ.get("RASID_DB", "rasid.db"), show_default="./rasid.db",
                         help="SQLite file or database URL (postgresql://user@host/db).")
LIST_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table",
                           show_default=True)


def _store(db: str, create: bool = False):
    """The store at ``db``; only ``ingest`` creates one (StoreError otherwise, one line)."""
    from .store import open_store
    return open_store(db, create=create)


def _missing_inputs(inputs: tuple[str, ...]) -> None:
    """Fail before anything is created when an input path does not exist."""
    missing = [i for i in inputs if i != "-" and not i.startswith(("http://", "https://")) and not Path(i).exists()]
    if missing:
        raise click.ClickException(f"no such file or folder: {', '.join(missing)}")


def _cell(value: Any) -> Any:
    """Lists (article ids, URLs) as space-separated text in tables and CSV."""
    return " ".join(map(str, value)) if isinstance(value, list) else value


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None, title: str = "") -> None:
    """Print rows as a table, JSON, JSON Lines or CSV."""
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows({k: _cell(v) for k, v in r.items()} for r in rows)
    else:
        from rich.table import Table
        table = Table(*columns, title=title or None)
        for r in rows:
            table.add_row(*("" if r.get(c) is None else str(_cell(r.get(c))) for c in columns))
        Console().print(table)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--published", help="Publication date for inputs that carry none.")
@click.option("-j", "--jobs", type=int, default=default_jobs, show_default="all cores")
@click.option("--batch", type=int, default=200, show_default=True, help="Articles per transaction.")
@ENGINE_OPTIONS[0]
@ENGINE_OPTIONS[1]
@click.option("--progress/--no-progress", default=None)
@MIN_CONFIDENCE
def ingest(inputs: tuple[str, ...], db: str, published: str | None, jobs: int, batch: int, engine: str,
           address: str | None, progress: bool | None, min_confidence: float | None) -> None:
    """Analyse and store articles: files, folders, .jsonl(.gz), .html, RSS/Atom feeds, - for stdin.

    Idempotent: what the store already has (same text) is skipped, so a killed run can simply be
    run again.

    Example:

    \b
        rasid ingest ../shared/data/news/saudinewsnet.jsonl.gz --db rasid.db
    """
    from .store.ingest import ingest as run_ingest
    published = check_date(published, "--published", timestamps=True)
    _missing_inputs(inputs)
    store = _store(db, create=True)
    show = progress if progress is not None else sys.stderr.isatty()
    err = Console(stderr=True)
    bar = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[info]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   console=err, disable=not show)
    with bar:
        task = bar.add_task("ingest", total=count_records(inputs) if show else None, info="")

        def on_batch(report, done):
            elapsed = bar.tasks[0].elapsed or 1e-9
            seen = done + report.skipped
            bar.update(task, completed=seen, info=f"{seen / elapsed:.1f} articles/s · {report.added} new · "
                                                  f"{report.skipped} known · {report.failed} bad")
        try:
            report = run_ingest(inputs, store, jobs=jobs, batch=batch, published=published, on_batch=on_batch,
                                engine=engine, address=address, min_confidence=min_confidence)
        except RuntimeError as exc:
            raise click.ClickException(str(exc)) from exc
    for rid, error in report.errors[:20]:
        err.print(f"[yellow]skipped {rid}: {error}[/]")
    if len(report.errors) > 20:
        err.print(f"[yellow]… and {len(report.errors) - 20} more bad records[/]")
    click.echo(json.dumps({"added": report.added, "already_stored": report.skipped, "bad_records": report.failed,
                           "near_duplicates": report.duplicates}))


@main.command()
@click.argument("query")
@DB_OPTION
@click.option("--since")
@click.option("--until")
@click.option("--source")
@click.option("--entity", help="Only articles naming this entity (Arabic text or English name).")
@click.option("--semantic", is_flag=True, help="Search by meaning, in English or Arabic (needs `rasid embed`).")
@click.option("--limit", type=int, default=20, show_default=True)
@LIST_FORMAT
def search(query: str, db: str, since: str | None, until: str | None, source: str | None, entity: str | None,
           semantic: bool, limit: int, fmt: str) -> None:
    """Full-text search over normalised Arabic, or semantic search across languages.

    Example:

    \b
        rasid search "زيارة بغداد" --since 2015-07-01
        rasid search "Iranian president visit" --semantic
    """
    if semantic:
        from .store.semantic import semantic_search
        try:
            rows = semantic_search(_store(db), query, limit)
        except RuntimeError as exc:
            raise click.ClickException(str(exc)) from exc
    else:
        rows = _store(db).search(query, since=since, until=until, source=source, entity=entity, limit=limit)
    _emit(rows, fmt, ["id", "published", "source", "title", "score", "duplicate_of"], f"{len(rows)} articles")


@main.command()
@DB_OPTION
@click.option("--limit", type=int, help="Embed at most this many articles now.")
def embed(db: str, limit: int | None) -> None:
    """Compute the vectors semantic search uses, for stored articles that have none (resumable).

    Example:

    \b
        rasid embed --db rasid.db
    """
    from .store.semantic import embed_articles
    try:
        n = embed_articles(_store(db), limit=limit)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps({"embedded": n}))


@main.command()
@DB_OPTION
@click.option("--actor", help="Actor country (ISO-3) or sector code.")
@click.option("--recipient")
@click.option("--type", "etype", help="PLOVER event type, e.g. CONSULT.")
@click.option("--since")
@click.option("--until")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--id", "event_id", type=int, help="Only the event with this id.")
@click.option("--mentions", is_flag=True, help="With --id: every report of the event, with its evidence.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Only events at least this sure (events stored without a confidence, by the rules, always pass).")
@LIST_FORMAT
def events(db: str, actor: str | None, recipient: str | None, etype: str | None, since: str | None,
           until: str | None, limit: int, event_id: int | None, mentions: bool, min_confidence: float | None,
           fmt: str) -> None:
    """Events (not reports), with the articles that report each and the words of the first report.

    A date filter keeps an event whose dates overlap the range (2015-W29 is 13-19 July 2015).

    Example:

    \b
        rasid events --actor IRN --recipient IRQ --type CONSULT --since 2024-01-01
        rasid events --id 42 --mentions
    """
    store = _store(db)
    if mentions and event_id is None:
        raise click.UsageError("--mentions needs --id N (the event whose reports to list)")
    rows = store.events(actor=actor, recipient=recipient, type=etype, since=since, until=until, limit=limit,
                        id=event_id, min_confidence=min_confidence)
    if event_id is not None and not rows:
        raise click.ClickException(f"no event {event_id}" + (" matching these filters" if any(
            (actor, recipient, etype, since, until)) else ""))
    if mentions:
        _emit(store.mentions(event_id), fmt, ["article_id", "external_id", "url", "sentence", "evidence",
                                              "attribution"], f"event {event_id}: {rows[0]['gloss']}")
        return
    if fmt != "table":
        _emit(rows, fmt, EVENT_COLUMNS)
        return
    from .render import print_events
    print_events(Console(soft_wrap=True), rows)
    Console(stderr=True).print(f"{len(rows)} events" + (f" (the first {limit}: --limit)" if len(rows) == limit else "")
                               if rows else "no events match these filters")


EVENT_COLUMNS = ["id", "date", "type", "mode", "actor", "recipient", "goldstein", "confidence", "gloss", "num_articles",
                 "article_ids", "article_urls", "evidence"]


@main.command()
@click.argument("article_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["summary", "json"]), default="summary", show_default=True)
def show(article_id: str, db: str, fmt: str) -> None:
    """A stored article with its entities, quotes and the events it reports, with their evidence.

    ARTICLE_ID is the number `rasid search` and `rasid events` print, or the record's own id.

    Example:

        rasid show 42
    """
    from .render import print_stored_article
    from .store.browse import find_article
    art = find_article(_store(db), article_id)
    if art is None:
        raise click.ClickException(f"no article {article_id} in {db}")
    if fmt == "json":
        click.echo(json.dumps(art, ensure_ascii=False, indent=2, default=str))
    else:
        print_stored_article(Console(soft_wrap=True), art)


@main.command()
@DB_OPTION
@click.option("--top", type=int, default=20, show_default=True)
@LIST_FORMAT
def actors(db: str, top: int, fmt: str) -> None:
    """The most active actors, with their event counts.

    Example:

    \b
        rasid actors --top 20
    """
    _emit(_store(db).top_actors(top), fmt, ["code", "name_en", "people", "events", "as_actor", "as_recipient"])


@main.command()
@DB_OPTION
@click.option("--since")
@click.option("--until")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), required=True,
              help="A file, or - for standard output.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "json"]),
              help="GraphML or node-link JSON (default: json for a .json file, else graphml).")
def graph(db: str, since: str | None, until: str | None, output: str, fmt: str | None) -> None:
    """The actor network: dyads with event counts and Goldstein scores; nodes carry their names.

    Example:

    \b
        rasid graph --since 2024-01-01 -o graph.graphml
        rasid graph --format json -o - | jq .nodes
    """
    import io

    import networkx as nx
    from .store.aggregate import actor_graph
    g = actor_graph(_store(db), since, until)
    fmt = fmt or ("json" if output.endswith(".json") else "graphml")
    if fmt == "json":
        text = json.dumps(nx.node_link_data(g, edges="links"), ensure_ascii=False, indent=1) + "\n"
    else:
        buf = io.BytesIO()
        nx.write_graphml(g, buf)
        text = buf.getvalue().decode("utf-8")
    if output == "-":
        click.echo(text, nl=False)
        return
    Path(output).write_text(text, encoding="utf-8")
    click.echo(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "format": fmt,
                           "output": output}))


@main.command()
@click.argument("actor")
@click.argument("other", required=False)
@DB_OPTION
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True)
@click.option("--since")
@click.option("--until")
@LIST_FORMAT
def timeline(actor: str, other: str | None, db: str, by: str, since: str | None, until: str | None, fmt: str) -> None:
    """Cooperation and conflict between two actors over time.

    Example:

    \b
        rasid timeline IRN IRQ --by month
    """
    from .store.aggregate import timeline as dyad_timeline
    rows = dyad_timeline(_store(db), actor, other, by, since, until)
    _emit(rows, fmt)
    if not rows:
        between = f"between {actor} and {other}" if other else f"of {actor}"
        Console(stderr=True).print(f"no dated events {between}" + (" in this range" if since or until else ""))


@main.command()
@click.argument("what", type=click.Choice(["events"]))
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "plover"]), default="jsonl", show_default=True)
def export(what: str, db: str, fmt: str) -> None:
    """Export every stored event.

    Example:

    \b
        rasid export events --format csv > events.csv
    """
    store = _store(db)
    rows = store.iter_events()
    if fmt == "csv":
        first = next(rows, None)
        if first is None:
            return
        w = csv.DictWriter(sys.stdout, fieldnames=list(first))
        w.writeheader()
        for ev in itertools.chain([first], rows):
            w.writerow({k: _cell(v) for k, v in ev.items()})
    else:
        for ev in rows:
            if fmt == "plover":
                ev = {"id": ev["id"], "date": ev["date"], "date_start": ev["date_start"], "date_end": ev["date_end"],
                      "event_type": ev["type"], "mode": ev["mode"],
                      "actor": [c for c in ev["actor"].split("|") if c],
                      "recipient": [c for c in ev["recipient"].split("|") if c],
                      "cameo": ev["cameo"], "goldstein": ev["goldstein"], "num_articles": ev["num_articles"],
                      **{k: ev[k] for k in ("historical", "future", "hypothetical", "negated")},
                      **{k: ev[k] for k in ("article_ids", "article_urls", "evidence")}}
            click.echo(json.dumps(ev, ensure_ascii=False, default=str))


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Bind address (loopback by default).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", envvar="RASID_TOKEN", help="Token for write endpoints; required when not on loopback.")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the REST API (/api/v1, OpenAPI at /docs) over the corpus.

    Example:

    \b
        rasid serve --db rasid.db
    """
    import uvicorn
    from .serve.api import create_app
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        raise click.ClickException("bound beyond loopback, the write endpoints need --token (or RASID_TOKEN)")
    store = _store(db)
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    click.echo(f"Rasid serving {url}/ (web app; API {url}/api/v1, OpenAPI {url}/docs)\n"
               f"database: {db} ({store.stats()['articles']:,} articles)\n"
               + ("writing (POST /api/v1/analyze, /api/v1/ingest) needs the token: Authorization: Bearer <token>"
                  if token else "no token: anyone who can reach this address may write (POST analyze, ingest)"))
    sys.stdout.flush()
    uvicorn.run(create_app(store, token), host=host, port=port, log_level="warning")


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(db: str, fmt: str) -> None:
    """Counts: articles, near-duplicates, entities, events, event mentions.

    Example:

    \b
        rasid stats --format json
    """
    counts = _store(db).stats()
    if fmt == "json":
        click.echo(json.dumps(counts))
    else:
        _emit([{"what": k, "count": v} for k, v in counts.items()], "table")


if __name__ == "__main__":
    main()
