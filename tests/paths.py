"""Where the repository and the shared data beside it are."""
from __future__ import annotations

import os
from pathlib import Path

from groups import skip_unless

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "iran-iraq-visit"


def needs_shared(path: Path):
    return skip_unless(path.exists(), "shared", f"{path} not available")
