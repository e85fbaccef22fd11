"""The Ray engine gives what the local engine gives, survives a killed worker, and says how to get Ray."""
import itertools
import json
import os
import signal
import sys

import pytest

from paths import SHARED, needs_shared
from rasid.scale import analyze_with
from rasid.store import open_store
from rasid.store.ingest import ingest

ray = pytest.importorskip("ray") if not os.environ.get("CI") else __import__("ray")
NEWS = SHARED / "data" / "news" / "saudinewsnet-2k.jsonl"


@pytest.fixture(scope="module")
def ray_cluster():
    os.environ.setdefault("RAY_worker_niceness", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "news500.jsonl"
    with NEWS.open(encoding="utf-8") as f:
        path.write_text("".join(itertools.islice(f, 500)), encoding="utf-8")
    return path


def _records(path):
    return [json.loads(line) | {"id": f"r{i}", "text": json.loads(line)["content"]}
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines())]


@needs_shared(NEWS)
def test_ray_and_local_give_the_same_records_and_the_same_database(ray_cluster, corpus, tmp_path):
    records = _records(corpus)
    local = list(analyze_with("local", records, jobs=2))
    on_ray = list(analyze_with("ray", records, jobs=2))
    assert len(local) == len(on_ray) == 500
    assert sorted(json.dumps(r, sort_keys=True) for r in local) == sorted(json.dumps(r, sort_keys=True) for r in on_ray)

    counts = {}
    for engine in ("local", "ray"):
        store = open_store(str(tmp_path / f"{engine}.db"))
        ingest([str(corpus)], store, jobs=2, batch=50, engine=engine)
        counts[engine] = store.stats()
        store.close()
    assert counts["local"] == counts["ray"] and counts["ray"]["articles"] > 450


@needs_shared(NEWS)
def test_a_killed_worker_is_restarted_and_its_batch_retried(ray_cluster, corpus):
    from rasid.scale.ray import _analyzer_class, analyze_records_ray
    records = _records(corpus)[:200]
    workers = [_analyzer_class(ray).remote() for _ in range(2)]
    victim = ray.get(workers[0].pid.remote())
    out = []
    for n, rec in enumerate(analyze_records_ray(records, workers=workers)):
        out.append(rec)
        if n == 20:
            os.kill(victim, signal.SIGKILL)
    assert [r["id"] for r in out] == [r["id"] for r in records]  # nothing lost, nothing twice
    assert out == list(analyze_with("local", records, jobs=1))
    assert ray.get(workers[0].pid.remote()) != victim  # the actor came back in a new process


def test_without_ray_the_engine_says_how_to_get_it(monkeypatch):
    from rasid.scale import ray as ray_engine
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(RuntimeError, match=r"pip install 'rasid\[ray\]'"):
        list(ray_engine.analyze_records_ray([{"id": "x", "text": "نص"}]))
