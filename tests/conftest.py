"""Fixtures shared by every test."""
import pytest


@pytest.fixture(autouse=True)
def _home(tmp_path_factory, monkeypatch):
    """Libraries that cache in $HOME write to a temporary folder."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.getbasetemp()))
