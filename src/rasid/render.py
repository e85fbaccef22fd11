"""Output formats of analysis records: JSON, JSON Lines, a terminal summary, GDELT-style CSV, PLOVER."""
from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

__all__ = ["FORMATS", "Writer", "print_events", "print_stored_article"]

from .code.export import GDELT_COLUMNS, gdelt_rows, plover_events

FORMATS = ("summary", "json", "jsonl", "events-csv", "plover")


def _dumps(record: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


def _summary(console: Console, rec: dict[str, Any]) -> None:
    title = rec.get("title") or ""
    if rec.get("error"):
        console.print(f"[bold red]✗ {rec['id']}[/]: {rec['error']}")
        return
    console.rule(f"[bold]{rec['id']}[/] {title}".strip())
    console.print(f"published: {rec.get('published') or '—'} · sentences: {len(rec['sentences'])}")
    if rec["entities"]:
        t = Table("text", "type", "name_en", "country", "sector", "title", title="entities")
        for e in rec["entities"]:
            t.add_row(e["text"], e["type"], e["name_en"] or "", e["country"] or "", e["sector"] or "", e.get("title") or "")
        console.print(t)
    if rec["times"]:
        console.print("times: " + " · ".join(f"{x['text']} → {x['value']}" for x in rec["times"]))
    if rec["quantities"]:
        console.print("quantities: " + " · ".join(f"{x['text']} → {x['value']} {x['unit'] or ''}" for x in rec["quantities"]))
    for q in rec["quotes"]:
        sp = q["speaker"] or {}
        who = f"{sp.get('text', '?')} ({sp.get('country') or '—'} {sp.get('sector') or ''})".strip()
        console.print(f"quote [{q['kind']}] {who}: {rec['text'][q['start']:q['end']][:120]}")
    for ev in rec.get("events", []):
        console.print(f"event: {ev.get('gloss')}")


def print_stored_article(console: Console, art: dict[str, Any]) -> None:
    """A stored article (``browse.article_detail``) in the terminal: its text, entities, quotes and
    the events it reports, each with the words that support it."""
    text = art["text"]
    console.rule(f"[bold]article {art['id']}[/] {art.get('title') or ''}".strip())
    console.print(" · ".join(f"{k}: {art[k]}" for k in ("external_id", "source", "published", "url") if art.get(k)))
    if art.get("duplicate_of") is not None:
        console.print(f"near-duplicate of article {art['duplicate_of']} ({art.get('duplicate_title') or ''})")
    console.print(text)
    t = Table("text", "type", "name_en", "country", "sector", title=f"{len(art['entities'])} entities")
    for e in art["entities"]:
        t.add_row(e["text"], e["type"], e["name_en"] or "", e["country"] or "", e["sector"] or "")
    console.print(t)
    t = Table("kind", "speaker", "country", "quote", title=f"{len(art['quotes'])} quotes")
    for q in art["quotes"]:
        t.add_row(q["kind"], q["speaker"] or "", q["speaker_country"] or "", text[q["start"]:q["end"]])
    console.print(t)
    t = Table("event", "date", "type", "gloss", "evidence", "attribution", title=f"{len(art['events'])} events")
    for ev in art["events"]:
        for k, m in enumerate(ev["mentions"]):
            t.add_row(*((str(ev["id"]), ev["date"] or "", ev["type"], ev["gloss"]) if k == 0 else ("",) * 4),
                      text[m["start"]:m["end"]], m["attribution"] or "")
    console.print(t)


def _clip(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


def print_events(console: Console, rows: list[dict[str, Any]]) -> None:
    """Stored events (``Store.events``), one block each: what, who, when, the articles that report
    it and the words of its first report."""
    for ev in rows:
        flags = [k for k in ("historical", "future", "hypothetical", "negated") if ev.get(k)]
        console.print(f"[bold]#{ev['id']}[/] {ev['date'] or 'undated'} · {ev['type']}"
                      f"{'/' + ev['mode'] if ev.get('mode') else ''} · CAMEO {ev['cameo']} · Goldstein {ev['goldstein']}"
                      f"{' · ' + ', '.join(flags) if flags else ''}")
        console.print(f"  {ev['actor'] or '?'} → {ev['recipient'] or '?'}: {ev['gloss']}")
        console.print(f"  reported by {ev['num_articles']} article(s), {ev['num_mentions']} mention(s): "
                      + " ".join(f"{i}" for i in ev["article_ids"]))
        for url in ev["article_urls"]:
            console.print(f"  {url}", overflow="ignore", crop=False)
        console.print(f"  evidence: «{_clip(ev['evidence'])}»")


class Writer:
    """Writes records in one format to a stream (JSON: one object, or a list for several)."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt, self.out = fmt, out
        self.console = Console(file=out, soft_wrap=True) if fmt == "summary" else None
        self._json: list[dict[str, Any]] = []
        self._csv = None
        if fmt == "events-csv":
            self._csv = csv.DictWriter(out, fieldnames=GDELT_COLUMNS)
            self._csv.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(_dumps(record) + "\n")
        elif self.fmt == "events-csv":
            self._csv.writerows(gdelt_rows(record))
        elif self.fmt == "plover":
            for ev in plover_events(record):
                self.out.write(_dumps(ev) + "\n")
        elif self.fmt == "json":
            self._json.append(record)
        else:
            _summary(self.console, record)

    def close(self) -> None:
        if self.fmt == "json":
            data = self._json[0] if len(self._json) == 1 else self._json
            self.out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        self.out.flush()
