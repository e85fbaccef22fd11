"""Event exports: GDELT 2.0-style CSV rows and PLOVER JSON, built from analysis records."""
from __future__ import annotations

from typing import Any

__all__ = ["GDELT_COLUMNS", "gdelt_rows", "plover_events"]

GDELT_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL",
    # Rasid's own columns
    "ArticleID", "PloverType", "PloverMode", "Historical", "Future", "Hypothetical", "Negated",
    "Sentence", "EvidenceStart", "EvidenceEnd", "EvidenceText", "Attribution", "Gloss",
]


def _actor(actors: list[dict[str, Any]]) -> tuple[str, str, str, str]:
    if not actors:
        return "", "", "", ""
    a = actors[0]
    code = (a.get("country") or "") + (a.get("sector") or "")
    return code, a.get("name_en") or a.get("text") or "", a.get("country") or "", a.get("sector") or ""


def gdelt_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per event of an analysis record, GDELT 2.0 event columns where they apply."""
    rows = []
    text = record.get("text") or ""
    for n, ev in enumerate(record.get("events", []), 1):
        when = ev.get("date") or ""
        digits = when.replace("-", "")
        loc = ev.get("location") or {}
        a1, a2 = _actor(ev["actors"]), _actor(ev["recipients"])
        fl = ev["flags"]
        attribution = ev.get("attribution") or {}
        rows.append(dict(zip(GDELT_COLUMNS, [
            f"{record['id']}#{n}", digits if len(digits) == 8 else "", digits[:6] if len(digits) >= 6 else "",
            digits[:4], *a1, *a2, 1, ev["cameo"], ev["cameo"][:3], ev["cameo"][:2], ev["quad_class"],
            ev["goldstein"], len(ev.get("mentions") or [1]), 1, 1,
            loc.get("name_en") or loc.get("text") or "", loc.get("country") or "", loc.get("lat") or "",
            loc.get("lon") or "", record.get("url") or "",
            record["id"], ev["type"], ev.get("mode") or "", int(fl["historical"]), int(fl["future"]),
            int(fl["hypothetical"]), int(fl["negated"]), ev["sentence"], ev["evidence"]["start"],
            ev["evidence"]["end"], text[ev["evidence"]["start"]:ev["evidence"]["end"]],
            attribution.get("text") or "", ev.get("gloss") or "",
        ])))
    return rows


def _plover_actor(actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": a.get("name_en") or a.get("text"), "text": a.get("text"),
             "country": a.get("country"), "type": a.get("sector")} for a in actors]


def plover_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    """PLOVER 2.0 event records (event_type, mode, actors and recipients as lists, flags, text)."""
    out = []
    text = record.get("text") or ""
    for n, ev in enumerate(record.get("events", []), 1):
        out.append({
            "id": f"{record['id']}#{n}", "story_id": record["id"], "date": ev.get("date"),
            "event_type": ev["type"], "mode": ev.get("mode"), "context": [],
            "actor": _plover_actor(ev["actors"]), "recipient": _plover_actor(ev["recipients"]),
            "location": ev.get("location"), **{k: bool(v) for k, v in ev["flags"].items()},
            "cameo": ev["cameo"], "goldstein": ev["goldstein"],
            "event_text": text[ev["evidence"]["start"]:ev["evidence"]["end"]],
            "headline": record.get("title"), "publisher": record.get("source"), "url": record.get("url"),
        })
    return out
