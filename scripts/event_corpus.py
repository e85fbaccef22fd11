"""The annotated event corpus: the project's own gold (``data/annotations/events``) and the shared
development articles (``../shared/data/events/articles``), with the article texts read from ``../shared``.

Used by ``scripts/train_event_model.py`` and ``benchmarks/bench_articles.py``; never by the runtime.
Each gold event's mentions (line, trigger words) are aligned to article tokens; files without
``mentions`` (the shared development set) are aligned through the lexicon's triggers of the event's
type in its line.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from rasid.code.features import ArticleView
from rasid.doc import Article
from rasid.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "data" / "annotations"


@dataclass
class GoldArticle:
    id: str
    source: str
    published: str
    text: str
    gold: dict
    path: Path            # the gold file (what score.py reads)


def _text(shared: Path, article_id: str) -> str | None:
    for folder in ("articles", "to_annotate"):
        p = shared / "data" / "events" / folder / article_id / "article.txt"
        if p.exists():
            return p.read_text(encoding="utf-8")
    return None


def load(shared: Path, own: bool = True, dev: bool = True) -> list[GoldArticle]:
    """The annotated articles: the project's own (first annotator) and the shared development set."""
    paths: list[Path] = []
    if dev:
        paths += sorted((shared / "data" / "events" / "articles").glob("*/gold.json"))
    if own:
        paths += sorted((ANNOTATIONS / "events").glob("*.json"))
    out = []
    for p in paths:
        gold = json.loads(p.read_text(encoding="utf-8"))
        text = _text(shared, gold["id"])
        if text is None:
            continue
        out.append(GoldArticle(gold["id"], gold.get("source") or "", gold["published"], text, gold, p))
    return out


def analyse(ga: GoldArticle) -> Article:
    """The article through every step before the learned coder."""
    from rasid.pipeline import CODER_STEPS
    art = Article(id=ga.id, text=ga.text, published=ga.published, source=ga.source)
    return run(art, CODER_STEPS)


def _line_starts(text: str) -> list[int]:
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1
    return starts


def _find(line: str, needle: str, occurrence: int = 1) -> int:
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = line.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


@dataclass
class Aligned:
    """One gold mention: the trigger token (article index), the event's type and country sets."""
    token: int
    sentence: int
    type: str
    actors: set[str]
    recipients: set[str]
    event: dict


def align(ga: GoldArticle, view: ArticleView) -> list[Aligned]:
    """The article tokens at which the gold events are told."""
    text = ga.text
    lines = text.split("\n")
    starts = _line_starts(text)
    toks = view.article.tokens
    out: list[Aligned] = []
    for ev in ga.gold["events"]:
        actors = {a["country"] for a in ev["actors"] if a.get("country")}
        recipients = {a["country"] for a in ev["recipients"] if a.get("country")}
        mentions = ev.get("mentions") or []
        positions: list[int] = []
        for m in mentions:
            k = m.get("line")
            if not isinstance(k, int) or k >= len(lines):
                continue
            at = _find(lines[k], m.get("trigger") or "", m.get("occurrence") or 1)
            if at < 0:
                continue
            positions.append(starts[k] + at)
        if not mentions:  # the shared dev set: the lexicon's trigger of the type in the event's line
            k = ev["line"]
            lo, hi = starts[k], starts[k] + len(lines[k])
            for s, trig in enumerate(view.triggers):
                for t in trig:
                    if t.entry.type == ev["type"] and lo <= toks[t.first].start < hi:
                        positions.append(toks[t.first].start)
                        break
                if positions:
                    break
        for pos in positions:
            tok = next((t for t in toks if t.start <= pos < t.end or t.start >= pos), None)
            if tok is None:
                continue
            s = view.sentence_of(tok.i)
            if view.sentences[s].duplicate_of is not None:
                continue
            out.append(Aligned(tok.i, s, ev["type"], actors, recipients, ev))
    return out


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text)
    return {" ".join(words[i:i + 3]) for i in range(max(0, len(words) - 2))}


def groups(articles: list[GoldArticle], threshold: float = 0.3) -> list[int]:
    """A group number per article: near-duplicates (MinHash over word 3-grams, as the store finds wire
    copies) share one, so that cross-validation keeps them in the same fold; the number is the index of
    the group's first article, the same in every run."""
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    hashes = []
    for i, a in enumerate(articles):
        mh = MinHash(num_perm=128, seed=1)
        for s in _shingles(a.text):
            mh.update(s.encode("utf-8"))
        hashes.append(mh)
        lsh.insert(str(i), mh)
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, mh in enumerate(hashes):
        for j in lsh.query(mh):
            a, b = find(i), find(int(j))
            if a != b:
                parent[a] = b
    first: dict[int, int] = {}  # each group named by its first article, whatever order LSH answers in
    return [first.setdefault(find(i), i) for i in range(len(articles))]
