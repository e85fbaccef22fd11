"""Every corpus command, through the real CLI, on both databases."""
import csv
import io
import json
import subprocess
import sys

import networkx as nx

from paths import ROOT

RASID = [sys.executable, "-m", "rasid.cli"]


def run(*args):
    res = subprocess.run([*RASID, *map(str, args)], capture_output=True, timeout=300)
    assert res.returncode == 0, res.stderr.decode()
    return res.stdout.decode("utf-8")


def test_corpus_commands(db_url, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة تجريبية</title>
<item><title>وزير الخارجية الإيراني يزور بغداد</title><link>http://example.org/1</link>
<pubDate>Wed, 11 Sep 2024 08:00:00 GMT</pubDate>
<description>زار وزير الخارجية الإيراني عباس عراقجي العاصمة العراقية بغداد يوم الأربعاء والتقى نظيره العراقي فؤاد حسين لبحث العلاقات الثنائية.</description></item>
<item><title>broken</title><link>http://example.org/2</link></item>
</channel></rss>""", encoding="utf-8")
    out = json.loads(run("ingest", ROOT / "samples", feed, "--db", db_url, "--jobs", "1", "--progress"))
    assert out["added"] == 5 and out["bad_records"] == 1
    assert json.loads(run("ingest", ROOT / "samples", feed, "--db", db_url))["added"] == 0

    stats = json.loads(run("stats", "--db", db_url, "--format", "json"))
    assert stats["articles"] == 5 and stats["events"] > 0

    hits = json.loads(run("search", "عراقجي بغداد", "--db", db_url, "--format", "json"))
    assert hits and hits[0]["title"].startswith("وزير الخارجية الإيراني")
    assert json.loads(run("search", "بغداد", "--since", "2030-01-01", "--db", db_url, "--format", "json")) == []

    assert json.loads(run("embed", "--db", db_url)) == {"embedded": 5}
    semantic = json.loads(run("search", "Iranian foreign minister in Baghdad", "--semantic", "--limit", "1",
                              "--db", db_url, "--format", "json"))
    assert semantic[0]["title"].startswith("وزير الخارجية الإيراني")

    evs = json.loads(run("events", "--actor", "IRN", "--recipient", "IRQ", "--type", "CONSULT",
                         "--since", "2024-01-01", "--db", db_url, "--format", "json"))
    assert evs and evs[0]["date"] == "2024-09-11"

    top = json.loads(run("actors", "--top", "5", "--db", db_url, "--format", "json"))
    assert top and all(a["events"] >= 1 for a in top)

    graph = tmp_path / "g.graphml"
    run("graph", "--since", "2024-01-01", "-o", graph, "--db", db_url)
    g = nx.read_graphml(graph)
    assert g.has_edge("IRN", "IRQ")

    line = json.loads(run("timeline", "IRN", "IRQ", "--by", "month", "--db", db_url, "--format", "json"))
    assert line[-1]["period"] == "2024-09"

    csv_text = run("export", "events", "--format", "csv", "--db", db_url)
    assert csv_text.startswith("id,type,mode,cameo") and len(list(csv.DictReader(io.StringIO(csv_text)))) == stats["events"]
    plover = [json.loads(l) for l in run("export", "events", "--format", "plover", "--db", db_url).splitlines()]
    assert {e["event_type"] for e in plover} >= {"CONSULT"}
