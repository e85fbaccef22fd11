"""Groups of tests that need something beyond the Python packages: a PostgreSQL server, Debian's chromium
and Arabic fonts, the shared data folder.

A test of such a group that cannot run skips with ``skip(group, why)`` (or the ``skip_unless`` marker),
whose reason names the group. ``tests/conftest.py`` counts these skips and ends the run with one line
saying what did not run and how to provision it; with ``CI`` set, each of them is a failure instead.
"""
from __future__ import annotations

import os

import pytest

# group -> (what its tests are, how to provision what they need)
GROUPS = {
    "postgresql": ("PostgreSQL store tests", "make deps"),
    "browser": ("browser tests", "make deps"),
    "fonts": ("Arabic font tests", "make deps"),
    "shared": ("tests that read ../shared", "the shared data folder beside the checkout"),
}
CI = bool(os.environ.get("CI"))


def reason(group: str, why: str) -> str:
    assert group in GROUPS, group
    return f"[{group}] {why}"


def group_of(skip_reason: str) -> str | None:
    """The group a skip reason names, or None for an ordinary skip."""
    for group in GROUPS:
        if f"[{group}] " in skip_reason:
            return group
    return None


def skip(group: str, why: str) -> None:
    pytest.skip(reason(group, why))


def skip_unless(condition: bool, group: str, why: str):
    return pytest.mark.skipif(not condition, reason=reason(group, why))
