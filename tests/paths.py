"""Where the repository and the shared data beside it are."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "iran-iraq-visit"


def needs_shared(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not available")
