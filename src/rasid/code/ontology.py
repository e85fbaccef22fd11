"""PLOVER 2.0 types and modes with their CAMEO codes, Goldstein scores and QuadClass (data/ontology)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from ..resources import DATA

__all__ = ["Ontology", "ontology", "Coding"]


@dataclass(frozen=True, slots=True)
class Coding:
    cameo: str
    goldstein: float
    quad_class: int


class Ontology:
    def __init__(self, data: dict) -> None:
        self.types: dict[str, dict] = data["types"]
        self.goldstein: dict[str, float] = data["goldstein"]
        self.quad: dict[str, int] = data["quad_class_by_cameo_root"]

    def needs_recipient(self, etype: str) -> bool:
        return bool(self.types[etype]["needs_recipient"])

    def coding(self, etype: str, mode: str | None, cameo: str | None = None) -> Coding:
        """The CAMEO code for a type and mode (a trigger's own code wins), with its scores."""
        spec = self.types[etype]
        code = cameo or (spec["modes"].get(mode) if mode else None) or spec["cameo"]
        return Coding(code, self.goldstein[code], self.quad[code[:2]])


@cache
def ontology() -> Ontology:
    with open(DATA / "ontology" / "plover.json", encoding="utf-8") as f:
        return Ontology(json.load(f))
