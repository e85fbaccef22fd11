"""The REST API through a real server (``rasid serve``) on a free loopback port."""
import socket
import subprocess
import sys
import time

import httpx
import pytest

ARTICLE = ("زار الرئيس التركي رجب طيب أردوغان العاصمة القطرية الدوحة يوم الأحد والتقى أمير قطر "
           "الشيخ تميم بن حمد وبحثا العلاقات الثنائية والأوضاع في غزة.")
TOKEN = "s3cret-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rasid.cli", "serve", "--db", str(tmp_path / "api.db"),
                             "--port", str(port), "--token", TOKEN], stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            if httpx.get(url + "/api/v1/stats", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail(f"server did not start: {proc.stderr.read().decode()}")
        time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


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
    assert httpx.get(server + "/api/v1/articles", params={"q": ""}).status_code == 422
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
                          "0.0.0.0", "--port", str(_free_port())], capture_output=True, timeout=60,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert res.returncode != 0 and b"--token" in res.stderr
