"""Aggregations over stored events: the actor network and dyad timelines."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from .db import Store
from .names import actor_name

__all__ = ["actor_graph", "timeline", "period"]


def period(value: str, by: str) -> str | None:
    """The period of an event date: day, ISO week (2024-W37) or month (2024-09); None when the
    date is too coarse for it (a bare year for months, a month for weeks or days)."""
    from datetime import date
    try:
        day = (date.fromisoformat(value) if len(value) == 10 else
               date.fromisocalendar(int(value[:4]), int(value[6:8]), 1) if value[4:6] == "-W" else None)
    except ValueError:
        day = None
    if day is None:  # YYYY-MM or YYYY
        return value[:7] if by == "month" and len(value) == 7 and value[:4].isdigit() else None
    if by == "month":
        return day.isoformat()[:7]
    if by == "week":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"
    return day.isoformat() if len(value) == 10 else None


def actor_graph(store: Store, since: str | None = None, until: str | None = None) -> nx.DiGraph:
    """Directed dyads: edge weight = events, with the Goldstein sum and mean and the event types."""
    g = nx.DiGraph()
    for akey, rkey, etype, n, gsum in store.dyads(since=since, until=until):
        for a in akey.split("|"):
            for r in rkey.split("|"):
                if not a or not r or a == r or "?" in (a, r):
                    continue
                data = g.get_edge_data(a, r) or {"weight": 0, "goldstein_sum": 0.0, "types": ""}
                types = set(filter(None, data["types"].split(","))) | {etype}
                g.add_edge(a, r, weight=data["weight"] + n, goldstein_sum=data["goldstein_sum"] + gsum,
                           types=",".join(sorted(types)))
    for _, _, d in g.edges(data=True):
        d["goldstein_sum"] = round(d["goldstein_sum"], 3)
        d["goldstein_mean"] = round(d["goldstein_sum"] / d["weight"], 3)
    for n in g.nodes:
        g.nodes[n]["events"] = int(g.degree(n, weight="weight"))
        g.nodes[n]["name"] = actor_name(n, None) or n  # Iran; rebels (a side known by its role)
    return g


def timeline(store: Store, a: str, b: str | None = None, by: str = "month",
             since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` (either direction) per period: counts, Goldstein, QuadClass shares."""
    rows: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": 0, "goldstein_sum": 0.0, "quad": [0, 0, 0, 0]})
    for ev in store.events(actor=a, recipient=b, since=since, until=until, limit=None) + (
            store.events(actor=b, recipient=a, since=since, until=until, limit=None) if b else []):
        p = period(ev["date"], by) if ev["date"] else None
        if p is None:
            continue
        r = rows[p]
        r["events"] += 1
        r["goldstein_sum"] += ev["goldstein"]
        r["quad"][ev["quad_class"] - 1] += 1
    out = []
    for p in sorted(rows):
        r = rows[p]
        n = r["events"]
        out.append({"period": p, "events": n, "goldstein_sum": round(r["goldstein_sum"], 2),
                    "goldstein_mean": round(r["goldstein_sum"] / n, 2),
                    **{f"quad{i + 1}_share": round(q / n, 3) for i, q in enumerate(r["quad"])}})
    return out
