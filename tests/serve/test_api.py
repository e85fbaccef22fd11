"""The REST API through a real server (``rasid serve``) on a free loopback port."""
import subprocess
import sys

import httpx
import pytest
from live_server import free_port, running_server

from rasid.store import open_store

ARTICLE = ("زار الرئيس التركي رجب طيب أردوغان العاصمة القطرية الدوحة يوم الأحد والتقى أمير قطر "
           "الشيخ تميم بن حمد وبحثا العلاقات الثنائية والأوضاع في غزة.")
TOKEN = "s3cret-token"


@pytest.fixture
def server(tmp_path):
    open_store(str(tmp_path / "api.db")).close()  # serve reads a corpus; only ingest creates one
    with running_server(tmp_path / "api.db", TOKEN) as url:
        yield url


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_analyze_and_the_corpus_endpoints(server):
    rec = httpx.post(server + "/api/v1/analyze", json={"text": ARTICLE, "published": "2024-05-12"},
                     headers=AUTH, timeout=60).json()
    assert any(e["text"] == "رجب طيب أردوغان" and e["country"] == "TUR" for e in rec["entities"])
    assert any(e["type"] == "CONSULT" for e in rec["events"])

    body = {"articles": [{"id": "a1", "text": ARTICLE, "published": "2024-05-12", "source": "test"},
                         {"id": "bad", "text": "not Arabic at all, just an English sentence here."}]}
    out = httpx.post(server + "/api/v1/ingest", json=body, headers=AUTH, timeout=60).json()
    assert out["added"] == 1 and out["bad_records"] == 1 and "not Arabic" in out["errors"][0]["error"]
    assert httpx.post(server + "/api/v1/ingest", json=body, headers=AUTH, timeout=60).json()["added"] == 0

    hits = httpx.get(server + "/api/v1/articles", params={"q": "الدوحة"}).json()
    assert [h["external_id"] for h in hits] == ["a1"]
    events = httpx.get(server + "/api/v1/events", params={"actor": "TUR", "type": "CONSULT"}).json()
    assert events and events[0]["date"] == "2024-05-12"
    mentions = httpx.get(server + f"/api/v1/events/{events[0]['id']}/mentions").json()
    assert mentions[0]["evidence"] and mentions[0]["evidence"] in ARTICLE
    assert httpx.get(server + "/api/v1/actors", params={"top": 5}).json()
    graph = httpx.get(server + "/api/v1/graph").json()
    assert {"source": "TUR", "target": "QAT"}.items() <= next(l for l in graph["links"] if l["source"] == "TUR").items()
    assert httpx.get(server + "/api/v1/timeline", params={"actor": "TUR", "other": "QAT"}).json()[0]["events"] >= 1
    assert httpx.get(server + "/api/v1/stats").json()["articles"] == 1


def test_writes_need_the_token_reads_do_not(server):
    r = httpx.post(server + "/api/v1/analyze", json={"text": ARTICLE}, timeout=60)
    assert r.status_code == 401 and "token" in r.json()["detail"]
    r = httpx.post(server + "/api/v1/analyze", json={"text": ARTICLE}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    assert httpx.get(server + "/api/v1/stats").status_code == 200


def test_oversized_bodies_and_bad_parameters_are_refused(server):
    big = {"text": "ا" * 2_500_000}
    assert httpx.post(server + "/api/v1/analyze", json=big, headers=AUTH, timeout=60).status_code == 413
    assert httpx.get(server + "/api/v1/articles", params={"limit": 0}).status_code == 422
    assert httpx.get(server + "/api/v1/events", params={"format": "xml"}).status_code == 422
    assert httpx.get(server + "/api/v1/actors/IR'N").status_code == 422
    assert httpx.get(server + "/api/v1/timeline", params={"actor": "TUR", "by": "year; DROP TABLE"}).status_code == 422


def test_openapi_documents_every_endpoint(server):
    spec = httpx.get(server + "/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/v1/analyze", "/api/v1/ingest", "/api/v1/articles", "/api/v1/events", "/api/v1/actors",
              "/api/v1/graph", "/api/v1/timeline", "/api/v1/stats", "/api/v1/events/{event_id}/mentions"):
        op = next(iter(paths[p].values()))
        assert op.get("summary"), p


def test_serving_beyond_loopback_needs_a_token(tmp_path):
    res = subprocess.run([sys.executable, "-m", "rasid.cli", "serve", "--db", str(tmp_path / "x.db"), "--host",
                          "0.0.0.0", "--port", str(free_port())], capture_output=True, timeout=60,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert res.returncode != 0 and b"--token" in res.stderr


def test_browsing_endpoints_and_csv_downloads(server):
    arts = [{"id": f"a{i}", "text": ARTICLE, "published": f"2024-05-1{i}", "source": "test", "title": f"t{i}"}
            for i in range(3)]
    arts = [dict(a, text=a["text"] + " " + "ذكرت الوكالة ذلك." * i) for i, a in enumerate(arts)]
    httpx.post(server + "/api/v1/ingest", json={"articles": arts}, headers=AUTH, timeout=60)
    r = httpx.get(server + "/api/v1/articles", params={"limit": 2, "offset": 2})
    assert r.headers["X-Total-Count"] == "3" and [a["external_id"] for a in r.json()] == ["a0"]
    assert httpx.get(server + "/api/v1/articles", params={"actor": "QAT", "type": "CONSULT"}).headers["X-Total-Count"] == "3"
    art = httpx.get(server + f"/api/v1/articles/{r.json()[0]['id']}").json()
    assert art["text"].strip() == ARTICLE and art["entities"] and art["events"][0]["mentions"]
    assert httpx.get(server + "/api/v1/articles/9999").status_code == 404
    actor = httpx.get(server + "/api/v1/actors/TUR").json()
    assert actor["name_ar"] == "تركيا" and actor["timeline"][0]["period"] == "2024-05"
    assert httpx.get(server + "/api/v1/places").json()[0]["lat"] is not None
    assert httpx.get(server + "/api/v1/sources").json() == [{"source": "test", "articles": 3}]

    csv = httpx.get(server + "/api/v1/events", params={"format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and "attachment" in csv.headers["content-disposition"]
    header, *rows = csv.text.lstrip("\ufeff").splitlines()
    assert header.startswith("id,type,mode,cameo") and rows and "CONSULT" in rows[0]
    formula = [dict(arts[0], id="f", title="=HYPERLINK(\"http://x\")", text=ARTICLE + " وأضاف البيان ذلك.")]
    httpx.post(server + "/api/v1/ingest", json={"articles": formula}, headers=AUTH, timeout=60)
    listed = httpx.get(server + "/api/v1/articles", params={"q": "البيان", "format": "csv"}).text
    assert "'=HYPERLINK" in listed  # a spreadsheet shows it as text instead of running it
    dyads = httpx.get(server + "/api/v1/graph", params={"format": "csv"}).text.lstrip("\ufeff").splitlines()
    assert dyads[0].startswith("source,target,weight") and any(l.startswith("TUR,QAT,") for l in dyads)


def test_uploaded_files_in_any_encoding(server):
    data = ARTICLE.encode("cp1256")
    rec = httpx.post(server + "/api/v1/analyze/file", params={"filename": "a.txt", "published": "2024-05-12"},
                     content=data, headers=AUTH, timeout=60).json()
    assert rec["text"] == ARTICLE and rec["events"]
    page = f"<html><head><title>زيارة</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
    rec = httpx.post(server + "/api/v1/analyze/file", params={"filename": "a.html"}, content=page.encode("utf-16"),
                     headers=AUTH, timeout=60).json()
    assert ARTICLE in rec["text"] and "<p>" not in rec["text"]
    rec = httpx.post(server + "/api/v1/analyze/file", params={"filename": "x.bin"}, content=bytes(range(256)) * 8,
                     headers=AUTH, timeout=60).json()
    assert rec["error"] and not rec.get("events")


def test_the_web_app_is_served_locked_down(server):
    page = httpx.get(server + "/")
    assert page.status_code == 200 and 'id="main"' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert httpx.get(server + "/vendor/echarts.min.js").status_code == 200
    assert httpx.get(server + "/api/v1/config").json()["token_required"] is True


def test_bad_dates_types_and_actors_are_422_with_the_reason(server):
    for path, params in [("events", {"since": "yesterday"}), ("articles", {"since": "yesterday"}),
                         ("articles", {"q": "بغداد", "until": "2024-13-45"}), ("graph", {"since": "01/08/2015"}),
                         ("timeline", {"actor": "TUR", "until": "lastweek"}), ("places", {"since": "soon"})]:
        r = httpx.get(f"{server}/api/v1/{path}", params=params)
        assert r.status_code == 422 and "is not" in r.json()["detail"], (path, r.text)
    r = httpx.get(server + "/api/v1/events", params={"type": "ASSUALT"})
    assert r.status_code == 422 and "ASSAULT" in r.json()["detail"]
    r = httpx.get(server + "/api/v1/events", params={"actor": "Nowhereland"})
    assert r.status_code == 422 and "no actor matches" in r.json()["detail"]
    r = httpx.post(server + "/api/v1/analyze", json={"text": ARTICLE, "published": "yesterday"}, headers=AUTH)
    assert r.status_code == 422 and "not an ISO date" in r.text
    r = httpx.post(server + "/api/v1/analyze/file", params={"published": "11/09/2024"}, content=ARTICLE.encode(),
                   headers=AUTH)
    assert r.status_code == 422
    assert httpx.get(server + "/api/v1/events", params={"since": "2024-05"}).status_code == 200
    r = httpx.get(server + "/api/v1/articles", params={"q": "Turkish president in Doha", "semantic": "true"})
    assert r.status_code == 409 and "rasid embed" in r.json()["detail"]


def test_serve_says_where_it_serves_and_refuses_a_missing_database(tmp_path):
    res = subprocess.run([sys.executable, "-m", "rasid.cli", "serve", "--db", str(tmp_path / "nope.db"),
                          "--port", str(free_port())], capture_output=True, timeout=60)
    assert res.returncode == 1 and b"no Rasid database at" in res.stderr and not (tmp_path / "nope.db").exists()
    open_store(str(tmp_path / "r.db")).close()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rasid.cli", "serve", "--db", str(tmp_path / "r.db"), "--port",
                             str(port), "--token", TOKEN], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        lines = [proc.stdout.readline().decode() for _ in range(3)]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert lines[0].startswith(f"Rasid serving http://127.0.0.1:{port}/")
    assert lines[1] == f"database: {tmp_path / 'r.db'} (0 articles)\n"
    assert "needs the token" in lines[2] and TOKEN not in "".join(lines)
