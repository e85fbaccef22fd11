"""Kill -9 in the middle of an ingest, run it again: nothing lost, nothing twice."""
import itertools
import json
import os
import signal
import subprocess
import sys
import time

from paths import SHARED, needs_shared
from rasid.store import open_store

NEWS = SHARED / "data" / "news" / "saudinewsnet-2k.jsonl"


def _ingest(corpus, db_url):
    return subprocess.Popen([sys.executable, "-m", "rasid.cli", "ingest", str(corpus), "--db", db_url,
                             "--batch", "10", "--jobs", "1", "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


@needs_shared(NEWS)
def test_kill_and_resume_loses_nothing_and_adds_nothing_twice(db_url, tmp_path):
    corpus = tmp_path / "news.jsonl"
    with NEWS.open(encoding="utf-8") as f:
        corpus.write_text("".join(itertools.islice(f, 150)), encoding="utf-8")
    proc = _ingest(corpus, db_url)
    store = open_store(db_url)
    deadline = time.time() + 120
    while store.stats()["articles"] < 30 and time.time() < deadline:
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = store.stats()["articles"]
    assert 0 < partial < 140, "the kill must land in the middle of the run"

    resumed = _ingest(corpus, db_url)
    report = json.loads(resumed.communicate(timeout=300)[0])
    assert resumed.returncode == 0
    assert report["already_stored"] >= partial

    clean_url = str(tmp_path / "clean.db")
    clean = _ingest(corpus, clean_url)
    clean.communicate(timeout=300)
    expected, got = open_store(clean_url).stats(), store.stats()
    assert got == expected
    store.close()
