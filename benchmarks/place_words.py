"""How often place names that are also words come out as places, in two analysis outputs.

Compares two ``rasid analyze --format jsonl`` outputs of the same corpus (before and after a change),
name by name, and counts the events with a Malian side (``دعم مالي`` once made Mali an actor):

    rasid analyze ../shared/data/news/saudinewsnet-2k.jsonl --format jsonl -o after.jsonl
    .venv/bin/python benchmarks/place_words.py before.jsonl after.jsonl
"""
from __future__ import annotations

import argparse
import collections
import json

NAMES = ["Madinah", "Mali", "Dhahran", "Dhahran al-Janub", "Khemis Miliana", "Mascara", "Ash Shuhadā’", "Khāliş",
         "Bandar-e Deyr", "El Oued", "Al Hindīyah", "Āmol", "Rome", "Athens", "Aba", "Oujda", "Khobar", "Seoul",
         "Mashhad", "Rabat", "Riyadh", "Sweden", "Ḩajjah", "Aqaba", "Al Bayḑā’", "Al Mahrah", "Al Fāw", "‘Amrān",
         "Ar Ruways", "Jeddah"]


def count(path: str) -> tuple[collections.Counter, int]:
    places: collections.Counter = collections.Counter()
    mali = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("error"):
                continue
            for e in rec["entities"]:
                if e["type"] in ("GPE", "LOC") and e["name_en"] in NAMES:
                    places[(e["name_en"], e["text"])] += 1
            mali += sum(any(a.get("country") == "MLI" for a in ev["actors"] + ev["recipients"]) for ev in rec["events"])
    return places, mali


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    args = ap.parse_args()
    (old, old_mali), (new, new_mali) = count(args.before), count(args.after)
    for key in sorted(set(old) | set(new), key=lambda k: (k[0], -old.get(k, 0))):
        if old.get(key, 0) != new.get(key, 0):
            print(f"{key[0]:18} {key[1]:14} {old.get(key, 0):4} -> {new.get(key, 0)}")
    print(f"events with a Malian side: {old_mali} -> {new_mali}")


if __name__ == "__main__":
    main()
