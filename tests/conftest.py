"""Shared fixtures: the repository layout and the shared data beside it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "iran-iraq-visit"


@pytest.fixture(autouse=True)
def _home(tmp_path_factory, monkeypatch):
    """Libraries that cache in $HOME write to a temporary folder."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.getbasetemp()))


def needs_shared(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not available")
