"""A real ``rasid serve`` process on a free loopback port."""
from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(db: Path, token: str | None = None) -> Iterator[str]:
    """``rasid serve`` over ``db``; yields its base URL and stops it afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "rasid.cli", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd + (["--token", token] if token else []), stderr=subprocess.PIPE)
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
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
