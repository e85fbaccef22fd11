"""Fixtures and hooks shared by every test."""
from collections import Counter

import pytest
from groups import CI, GROUPS, group_of

_NOT_RUN: Counter = Counter()


@pytest.fixture(autouse=True)
def _home(tmp_path_factory, monkeypatch):
    """Libraries that cache in $HOME write to a temporary folder."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.getbasetemp()))


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI a test group that cannot run fails: CI must run everything."""
    report = (yield).get_result()
    if report.skipped and CI and group_of(_skip_reason(report)):
        report.outcome = "failed"
        report.longrepr = f"CI must run every test group, but: {_skip_reason(report)}"


def pytest_runtest_logreport(report):
    if report.skipped:
        group = group_of(_skip_reason(report))
        if group:
            _NOT_RUN[group] += 1


def pytest_unconfigure(config):
    """End the run with one plain line saying which groups did not run and how to provision them."""
    if not _NOT_RUN:
        return
    by_command: dict[str, list[str]] = {}
    for group, n in _NOT_RUN.items():
        what, command = GROUPS[group]
        by_command.setdefault(command, []).append(f"{what} ({n})")
    parts = [f"{', '.join(groups)} — provision: {command}" for command, groups in by_command.items()]
    print("not run: " + "; ".join(parts), flush=True)
