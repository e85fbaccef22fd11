"""The learned event coder: which words report an event, of which type, and which countries are its sides.

Linear models over the features of ``code/features.py`` (trained by ``scripts/train_event_model.py``
on the project's annotated articles, weights in ``data/models/events/coder.json``):

- the **trigger** model gives every candidate word a probability for each of the 16 PLOVER types
  (and "none"); the lexicon and the rule coder's events are among its features;
- the **actor** and **recipient** models give every party candidate (a country the sentence, its
  neighbours or the article names) the probability of being that side of the event;
- the **flag** models say whether the event is background (historical) or planned (future);
- the **confidence** model gives every coded event — the learned coder's and the rule coder's own —
  the probability that it is right (its type and a country of each side), from the other models'
  probabilities, its source, type, sides and how many like it the article has. It learns from the
  events that coders trained without an article code in that article, so its probabilities are those
  of a coder meeting new text: ``confidence`` is that probability.

An event is the trigger's best type with the best pair of countries (and every other country the
recipient model finds likely among its recipients). Mode, CAMEO code, date, flags and attribution come from the
reading layer as before (the lexicon's mode where the trigger is a lexicon word, the sentence's time,
the cue words before the trigger). Reports of the same happening in one sentence, or a headline and
the body, are merged. The step follows spaCy's trainable pipe: ``predict`` reads, ``set_annotations``
writes ``article.events``.
"""
from __future__ import annotations

import copy
import json
import logging
import os
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from typing import Any

import numpy as np

from ..doc import Actor, Article, Entity, Event, Flags
from ..extract.times import parse_published
from ..resources import DATA
from .events import event_date, event_flags, event_gloss, merge_events
from .features import (ArticleView, Origin, Party, context_features, event_features, flag_features, is_candidate,
                       party_candidates, party_features, word_features)
from .ontology import ontology
from .triggers import Trigger, TriggerEntry

__all__ = ["LinearModel", "EventModel", "learn_events", "coder_loaded", "keep_confident", "default_min_confidence",
           "complete_rule_events", "rule_flags", "MODEL", "NONE"]

LOGGER = logging.getLogger(__name__)
MODEL = DATA / "models" / "events" / "coder.json"
NONE = "NONE"
_NO_ENTRY = TriggerEntry("", None, "", "", frozenset(), frozenset())


class LinearModel:
    """A (multinomial or binary) logistic model over named features; binary models have one column."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = data["classes"]
        self.index = {f: i for i, f in enumerate(data["features"])}
        self.weights = np.asarray(data["weights"], dtype=np.float64)
        self.bias = np.asarray(data["bias"], dtype=np.float64)
        # the weights with a row of zeros after them: where a feature the model does not know points
        self._padded = np.vstack([self.weights, np.zeros((1, self.weights.shape[1]))])
        self._unknown = repeat(len(self.weights))

    def logits(self, rows: list[list[str]]) -> np.ndarray:
        """One row of class scores per feature list (the bias included), summed in one numpy pass."""
        get, unknown = self.index.get, self._unknown
        idx: list[int] = []
        ends = []
        for feats in rows:
            idx.extend(map(get, feats, unknown))
            ends.append(len(idx))
        summed = np.zeros((len(idx) + 1, self.weights.shape[1]))
        np.cumsum(self._padded[idx], axis=0, out=summed[1:])
        ends_a = np.asarray(ends, dtype=np.intp)
        starts = np.concatenate(([0], ends_a[:-1])).astype(np.intp)
        return summed[ends_a] - summed[starts] + self.bias

    def proba(self, rows: list[list[str]]) -> np.ndarray:
        return self.proba_of(self.logits(rows))

    @staticmethod
    def proba_of(z: np.ndarray) -> np.ndarray:
        """Probabilities from class scores: the logistic of a binary model, the softmax of a multinomial."""
        if z.shape[1] == 1:
            return 1 / (1 + np.exp(-z[:, 0]))
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    @staticmethod
    def to_dict(classes: list[str], features: list[str], weights: np.ndarray, bias: np.ndarray) -> dict[str, Any]:
        return {"classes": classes, "features": features,
                "weights": np.round(weights, 4).tolist(), "bias": np.round(bias, 4).tolist()}


@dataclass(slots=True)
class Candidate:
    """What the models say of one trigger word: its type and the best country for each side."""

    sentence: int
    token: int
    type: str
    p_type: float
    actor: Party | None
    p_actor: float
    recipient: Party | None
    p_recipient: float
    # the other parties the recipient model finds likely, with their probabilities (best first)
    also_recipients: list[tuple[Party, float]] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        return self.p_type * self.p_actor * self.p_recipient


class EventModel:
    """The trigger, actor and recipient models and the settings chosen by cross-validation."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.trigger = LinearModel(data["trigger"])
        self.actor = LinearModel(data["actor"])
        self.recipient = LinearModel(data["recipient"])
        self.historical = LinearModel(data["historical"]) if "historical" in data else None
        self.future = LinearModel(data["future"]) if "future" in data else None
        self.event = LinearModel(data["event"]) if "event" in data else None  # the confidence model
        self.cfg: dict[str, Any] = data["cfg"]
        self._words: dict[str, np.ndarray] = {}

    @classmethod
    def from_path(cls, path: str) -> "EventModel":
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f))

    def predict(self, view: ArticleView) -> list[Candidate]:
        """Every trigger word whose best type is an event type, with its best sides."""
        forms, rows, where = [], [], []
        for s, toks in enumerate(view.tokens):
            if view.sentences[s].duplicate_of is not None:
                continue
            for j, tok in enumerate(toks):
                if is_candidate(view, tok):
                    forms.append(tok.norm)
                    rows.append(context_features(view, s, j))
                    where.append((s, tok.i))
        if not rows:
            return []
        words = self._word_scores(forms)
        probs = LinearModel.proba_of(np.vstack([words[w] for w in forms]) + self.trigger.logits(rows))
        none = self.trigger.classes.index(NONE)
        probs_event = probs.copy()
        probs_event[:, none] = -1
        best = probs_event.argmax(axis=1)
        floor = self.cfg["trigger_floor"]
        triggers = []  # (sentence, token, type, probability, parties)
        for r, (s, k) in enumerate(where):
            p = probs[r, best[r]]
            if p >= floor:
                triggers.append((s, k, self.trigger.classes[best[r]], float(p), party_candidates(view, s, k)))
        # both side models score every party of every trigger of the article in one pass
        feats = [party_features(view, s, k, etype, party) for s, k, etype, _, parties in triggers for party in parties]
        pa_all, pr_all = (self.actor.proba(feats), self.recipient.proba(feats)) if feats else (None, None)
        out, at = [], 0
        for s, k, etype, p, parties in triggers:
            if not parties:
                out.append(Candidate(s, k, etype, p, None, 0.0, None, 0.0))
                continue
            pa, pr = pa_all[at:at + len(parties)], pr_all[at:at + len(parties)]
            at += len(parties)
            twice = np.array([view.twice(s, party.country) for party in parties])
            ia, ir, p_a, p_r = self._sides(pa, pr, twice)
            also = [(parties[i], float(pr[i])) for i in np.argsort(-pr) if i not in (ia, ir) and pr[i] >= 0.2]
            out.append(Candidate(s, k, etype, p, parties[ia], p_a, parties[ir], p_r, also))
        return out

    def _word_scores(self, forms: list[str]) -> dict[str, np.ndarray]:
        """The trigger model's scores of the features of each word form (``word_features``), computed once
        per form and kept (most of a word's features do not depend on where it stands); the forms not
        seen before are scored together."""
        cache = self._words
        new = [w for w in dict.fromkeys(forms) if w not in cache]
        if new:
            if len(cache) + len(new) > 100_000:
                cache.clear()
                new = list(dict.fromkeys(forms))
            scores = self.trigger.logits([word_features(w) for w in new]) - self.trigger.bias
            cache.update(zip(new, scores))
        return cache

    def _sides(self, pa: np.ndarray, pr: np.ndarray, twice: np.ndarray) -> tuple[int, int, float, float]:
        """The best (actor, recipient) pair by the product of the sides' probabilities. The models score
        each side alone, and alone each side tends to the article's main country: one country is both
        sides only where the sentence names two parties of it in different roles (حزب العمال الكردستاني
        and الجيش التركي) or an unnamed one (قوات الأمن), and then weighed by ``same_country``."""
        joint = np.outer(pa, pr)
        np.fill_diagonal(joint, joint.diagonal() * np.where(twice, self.cfg.get("same_country", 1.0), 0.0))
        if len(pa) == 1:
            return 0, 0, float(pa[0]), float(pr[0]) * (1.0 if twice[0] else 0.0)
        ia, ir = np.unravel_index(int(joint.argmax()), joint.shape)
        return int(ia), int(ir), float(pa[ia]), float(pr[ir])

    def code(self, view: ArticleView, candidates: list[Candidate]) -> tuple[list[Event], list[Origin]]:
        """The article's events from ``candidates`` and the rule coder's, merged, each with its origin;
        their ``confidence`` is the coder's own (the product of its probabilities, or the rules'
        measured precision) until ``set_annotations`` calibrates it."""
        article = view.article
        pub = parse_published(article.published)
        calibrated = self.event is not None
        floor = self.cfg["candidate_floor"] if calibrated else self.cfg["event_floor"]
        events, origins = [], {}
        # the rule coder's events are copied: merging extends an event, and the view may be coded again
        rule_events = {k: [copy.deepcopy(ev) for ev in evs] for k, evs in view.rule_events.items()}
        rules = complete_rule_events(rule_events) if self.cfg.get("use_rules", True) else []
        complete = {id(ev) for ev in rules}
        ruled = [(k, ev.type) for k, evs in rule_events.items() for ev in evs if id(ev) in complete]
        if self.cfg.get("rule_suppresses"):  # the rules coded this sentence's event of the type
            taken = {(view.sentence_of(k), etype) for k, etype in ruled}
            kept = [c for c in candidates if c.confidence >= floor and (c.sentence, c.type) not in taken]
        else:
            taken = set(ruled)
            kept = [c for c in candidates if c.confidence >= floor and (c.token, c.type) not in taken]
        if self.cfg.get("one_per_type"):  # a sentence tells one event of a type: its most confident word
            best: dict[tuple[int, str], Candidate] = {}
            for c in kept:
                key = (c.sentence, c.type)
                if key not in best or c.confidence > best[key].confidence:
                    best[key] = c
            kept = [c for c in kept if best[(c.sentence, c.type)] is c]
        for c in kept:
            ev = _event(self, view, c, pub)
            events.append(ev)
            origins[id(ev)] = Origin("model", c.p_type, c.p_actor, c.p_recipient)
        p_type = {(c.token, c.type): c.p_type for c in candidates}  # the trigger model on the rules' words
        rule_confidence = self.cfg.get("rule_confidence", 0.0)
        if calibrated or rule_confidence >= floor:
            for k, evs in rule_events.items():
                for ev in evs:
                    if id(ev) in complete:
                        ev.confidence = round(rule_confidence, 3)
                        events.append(ev)
                        origins[id(ev)] = Origin("rule", p_type.get((k, ev.type)))
        bare_confidence = self.cfg.get("bare_rule_confidence", 0.0)
        if calibrated or bare_confidence >= floor:
            coded = {(c.token, c.type) for c in kept}
            for k, ev in bare_rule_events(rule_events, self.cfg.get("bare_rule_types", ())):
                if (k, ev.type) not in coded:
                    ev.confidence = round(bare_confidence, 3)
                    events.append(ev)
                    origins[id(ev)] = Origin("bare", p_type.get((k, ev.type)))
        events = merge_events(events, {(e.start, e.end) for e in article.entities if e.type in ("GPE", "LOC", "FAC")},
                              same_sentence_only=self.cfg.get("merge") == "sentence")
        return events, [origins[id(ev)] for ev in events]

    def set_annotations(self, view: ArticleView, candidates: list[Candidate]) -> None:
        """Write the article's events whose confidence reaches the model's floor; with a confidence
        model, the confidence is its probability that the event is right (type and both sides)."""
        events, origins = self.code(view, candidates)
        if self.event is not None and events:
            p = self.event.proba(event_features(view, events, origins))
            for ev, q in zip(events, p):
                ev.confidence = round(float(q), 3)
            events = [ev for ev in events if ev.confidence >= self.cfg["event_floor"]]
        for ev in events:
            ev.gloss = event_gloss(ev)
        view.article.events = events


def complete_rule_events(rule_events: dict[int, list[Event]]) -> list[Event]:
    """The rule coder's events (``ArticleView.rule_events``) that name a country on both sides: its most
    precise findings, kept as they are."""
    return [ev for evs in rule_events.values() for ev in evs
            if any(a.country for a in ev.actors) and any(r.country for r in ev.recipients)]


def bare_rule_events(rule_events: dict[int, list[Event]], types: tuple[str, ...] | list[str]) -> list[tuple[int, Event]]:
    """The rule coder's events (``ArticleView.rule_events``) of ``types`` that lack a country on a side,
    with their trigger's token: a violent happening told without its parties (قتل 18 شخصا في انفجار)
    is still news."""
    complete = {id(ev) for ev in complete_rule_events(rule_events)}
    return [(k, ev) for k, evs in rule_events.items() for ev in evs
            if ev.type in types and id(ev) not in complete]


def _actor(view: ArticleView, party: Party | None, k: int, before: bool) -> list[Actor]:
    """The side's actor: the sentence's mention of the country, else an unnamed side of the sentence
    (قوات الأمن) given the country, else the article's first mention of the country."""
    if party is None:
        return []
    if party.near is not None and party.near.actor is not None:
        a = party.near.actor
        return [Actor(a.text, a.name_en, a.country, a.sector, a.start, a.end)]
    s = view.sentence_of(k)
    unnamed = [m for m in view.mentions[s] if m.actor is not None and not m.actor.country and m.actor.sector
               and (m.first < k) == before]
    if unnamed:
        a = unnamed[0].actor if before else unnamed[-1].actor
        return [Actor(a.text, a.name_en, party.country, a.sector, a.start, a.end)]
    for ms in view.mentions:
        for m in ms:
            if m.actor is not None and m.actor.country == party.country:
                a = m.actor
                return [Actor(a.text, a.name_en, a.country, None, None, None)]
    return [Actor(party.country, None, party.country, None, None, None)]


def _entry(view: ArticleView, c: Candidate) -> TriggerEntry | None:
    """The lexicon's reading of the trigger word, when it is a lexicon trigger of the same type."""
    return next((t.entry for t in view.triggers[c.sentence] if t.first <= c.token < t.last and t.entry.type == c.type),
                None)


def _place(view: ArticleView, s: int, k: int) -> Entity | None:
    """Where: a place after في in the trigger's sentence."""
    art = view.article
    sent = view.sentences[s]
    trig_pos = art.tokens[k].start
    for e in art.entities:
        if e.type in ("GPE", "LOC", "FAC") and sent.start <= e.start < sent.end and e.start > trig_pos \
                and art.text[max(0, e.start - 3):e.start].strip().endswith("في"):
            return e
    return None


def rule_flags(view: ArticleView, s: int, k: int, pub) -> tuple[Flags, str | None]:
    """The cue-word flags and the date of an event at article token ``k`` of sentence ``s``, as the rule
    coder sets them."""
    art = view.article
    tok = art.tokens[k]
    sent = view.sentences[s]
    future = tok.norm[:1] == "س" and tok.norm[1:2] in "يتن" and len(tok.norm) > 4
    trig = Trigger(k, k + 1, _NO_ENTRY, future)
    flags = event_flags(view.tokens[s], trig, None, pub)
    when = None if flags.future else event_date(art, sent.start, sent.end, tok.start, flags.future, pub, sent.heading)
    return event_flags(view.tokens[s], trig, when, pub), when


def _learned_flags(model: EventModel, view: ArticleView, c: Candidate, rule: Flags, pub) -> tuple[bool, bool] | None:
    """The flags models' verdicts (historical, future), when the model has them."""
    if model.historical is None or model.future is None:
        return None
    feats = [flag_features(view, c.sentence, c.token, rule, pub)]
    return (bool(model.historical.proba(feats)[0] >= model.cfg.get("historical_at", 0.5)),
            bool(model.future.proba(feats)[0] >= model.cfg.get("future_at", 0.5)))


def _event(model: EventModel, view: ArticleView, c: Candidate, pub) -> Event:
    art = view.article
    tok = art.tokens[c.token]
    entry = _entry(view, c)
    mode = entry.mode if entry is not None else None
    coding = ontology().coding(c.type, mode, entry.cameo if entry is not None else None)
    sent = view.sentences[c.sentence]
    flags, when = rule_flags(view, c.sentence, c.token, pub)
    if learned := _learned_flags(model, view, c, flags, pub):
        flags.historical, flags.future = learned
        if flags.future:
            when = None
        elif when is None:
            when = event_date(art, sent.start, sent.end, tok.start, False, pub, sent.heading)
    if flags.historical and pub is not None and when == pub.isoformat():
        when = None
    actors = _actor(view, c.actor, c.token, before=True)
    recipients = _actor(view, c.recipient, c.token, before=False)
    if c.recipient is not None:  # a recipient model is a yes/no per party: every likely one is a recipient
        for party, p in c.also_recipients:
            if p >= model.cfg.get("also_recipient", 1.1) and party.country != c.actor.country:
                recipients += _actor(view, party, c.token, before=False)
    rule = next((ev for ev in view.rule_events.get(c.token, ()) if ev.type == c.type), None)
    spans = [(a.start, a.end) for a in actors + recipients
             if a.start is not None and sent.start <= a.start < sent.end]
    spans.append((tok.start, tok.end))
    span = (min(s for s, _ in spans), max(e for _, e in spans))
    ev = Event(c.type, mode, coding.cameo, coding.goldstein, coding.quad_class, actors, recipients, when,
               rule.location if rule is not None else _place(view, c.sentence, c.token), flags, sent.i, span,
               (tok.start, tok.end), rule.attribution if rule is not None else None)
    ev.confidence = round(c.confidence, 3)
    ev.mentions = [{"sentence": sent.i, "start": span[0], "end": span[1]}]
    return ev


@cache
def _model(path: str) -> EventModel | None:
    if path == "off":
        return None
    if not os.path.exists(path):
        LOGGER.warning("RASID_EVENT_MODEL: no event model at %s; coding events with the rules", path)
        return None
    return EventModel.from_path(path)


def _current() -> EventModel | None:
    return _model(os.environ.get("RASID_EVENT_MODEL") or str(MODEL))


def coder_loaded() -> bool:
    """Whether the learned coder codes the events (a model file, and ``RASID_EVENT_MODEL`` is not ``off``)."""
    return _current() is not None


def default_min_confidence() -> float:
    """The confidence threshold chosen on the cross-validated figures (0 when no model is loaded)."""
    model = _current()
    return float(model.cfg["min_confidence"]) if model is not None else 0.0


def keep_confident(article: Article, min_confidence: float | None = None) -> Article:
    """Drop the events whose confidence is below ``min_confidence`` (default: the model's); events
    without a confidence (the rules', when the model is off) stay."""
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    article.events = [ev for ev in article.events if ev.confidence is None or ev.confidence >= threshold]
    return article


def learn_events(article: Article) -> Article:
    """Replace the rule coder's events with the learned coder's (``RASID_EVENT_MODEL``: another model
    file, or ``off`` for the rules' events)."""
    model = _current()
    if model is None:
        return article
    view = ArticleView(article)
    model.set_annotations(view, model.predict(view))
    return article
