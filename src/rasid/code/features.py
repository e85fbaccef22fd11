"""What the learned event coder sees: trigger candidates, party candidates and their named features.

The coder (``code/model.py``) reads an article after the reading, entity and rule steps. This module
turns that article into feature strings, the same at training and at run time:

- a **trigger candidate** is a word of a sentence that is not part of a name; its features are the
  word and its stems (clitics removed), its letters at both ends, its neighbours, whether it opens a
  heading, and what the lexicon and the rule coder made of it (``lex:``, ``rule:``) — the rules are
  evidence for the model, not the decision;
- a **party candidate** is a country that could be one side of an event at a trigger: a country named
  in the sentence (by a name, a title, a group phrase such as قوات الأمن التركية, a nationality adjective
  just after the trigger: الغارات السعودية), in the previous sentence or the headline, or one of the
  article's most named countries (which is what an unnamed side — جنديين، قوات الأمن، مدنيين —
  usually belongs to). Its features say where and how it is named relative to the trigger
  (before/after, distance, preposition, clause break, kind, sector, the trigger's form: a definite
  noun, an imperfect verb), whether it is the previous sentence's subject where the sentence drops
  one, and whether the rule coder took it as actor or recipient; each is also conjoined with the
  event type;
- a **coded event** (the learned coder's or the rules') is described for the confidence model by the
  coder's probabilities, its source, type, sides, flags, place in the article and its like events.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..doc import Article, Event, Flags
from ..extract.entities import analysed_tokens, tokens_by_sentence
from ..resources import lexicon
from ..text.normalize import normalize_word
from ..text.tokenize import Token, stem_candidates
from .mentions import Mention, sentence_reading
from .parties import cue
from .triggers import Trigger

__all__ = ["ArticleView", "Party", "Origin", "trigger_features", "word_features", "context_features",
           "party_candidates", "party_features", "flag_features", "event_features", "is_candidate", "sentence_time"]

_STOP = {normalize_word(w) for w in (
    "في من إلى الى على عن مع أن إن ان أنه إنه أنها لها له هذا هذه ذلك تلك التي الذي الذين كان كانت قد لقد "
    "وقد و أو ثم بعد قبل حتى منذ عند لدى بين كما ما لا لم لن إلا غير كل بعض أي هو هي هم نحو حيث خلال أمس "
    "اليوم يوم وفي ومن وعلى وإلى كذلك أيضا فيما بينما وكان وكانت والتي والذي عليه عليها فيه فيها منه منها "
    "إنها إنهم أنهم به بها ضمن إطار عبر تجاه وسط أمام دون".split())}
_CLAUSE_BREAKS = set("،.؛;:")
_ADJ_WINDOW = 4  # words after a trigger read for its nationality adjectives
_RELATIVES = {normalize_word(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي")}
_THAT = {normalize_word(w) for w in ("أن", "إن", "أنه", "إنه", "أنها", "إنها", "بأن", "وأن")}
_SPEECH = {normalize_word(w) for w in ("قال", "قالت", "وقال", "وقالت", "أكد", "وأكد", "أكدت", "وأكدت", "أعلن",
                                       "وأعلن", "أعلنت", "وأعلنت", "ذكر", "وذكر", "ذكرت", "وذكرت", "أوضح", "وأوضح",
                                       "أضاف", "وأضاف", "أشار", "وأشار", "بيان")}


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-6" if n < 7 else "7-12" if n < 13 else "13+"


@dataclass(slots=True)
class Party:
    """A country that may be a side of an event, with where the sentence names it (if it does)."""

    country: str
    near: Mention | None = None           # the sentence's mention of it nearest the trigger
    count: int = 0                        # mentions of it in the sentence
    sources: set[str] = field(default_factory=set)   # sent, prev, head, rank1 …


class ArticleView:
    """An analysed article as the learned coder reads it: per sentence its tokens, actor mentions,
    lexicon triggers and the rule coder's events; for the article the countries it names most."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences = [s for s in article.sentences]
        self.tokens: list[list[Token]] = tokens_by_sentence(article, analysed_tokens(article))
        self.triggers: list[list[Trigger]] = []
        self.mentions: list[list[Mention]] = []
        for sent, toks in zip(self.sentences, self.tokens):
            if sent.duplicate_of is not None or not toks:
                self.triggers.append([])
                self.mentions.append([])
                continue
            trig, mentions = sentence_reading(article, sent.i, toks)
            self.triggers.append(trig)
            self.mentions.append(mentions)
        self.quotes = [[q for q in article.quotes if q.sentence == i] for i in range(len(self.sentences))]
        # per sentence: the lexicon trigger each token belongs to, the tokens that open or close a mention
        self.lexicon_at: list[dict[int, Trigger]] = [
            {k: t for t in reversed(trig) for k in range(t.first, t.last)} for trig in self.triggers]
        self.mention_firsts = [{m.first for m in ms} for ms in self.mentions]
        self.mention_lasts = [{m.last for m in ms} for ms in self.mentions]
        self.entity_tokens: set[int] = set()
        by_start = {t.start: t.i for t in article.tokens}
        ends = sorted((t.start, t.end, t.i) for t in article.tokens)
        for e in article.entities:
            if e.type in ("PER", "GPE", "LOC", "FAC", "ORG"):
                k = by_start.get(e.start)
                if k is None:
                    k = next((i for s, end, i in ends if s <= e.start < end), None)
                while k is not None and k < len(article.tokens) and article.tokens[k].start < e.end:
                    self.entity_tokens.add(k)
                    k += 1
        # the rule coder's events, by the article token their trigger starts at
        self.rule_events: dict[int, list[Event]] = {}
        for ev in article.events:
            k = by_start.get(ev.trigger[0])
            if k is not None:
                self.rule_events.setdefault(k, []).append(ev)
        counts: Counter[str] = Counter()
        for ms in self.mentions:
            counts.update(m.actor.country for m in ms if m.actor is not None and m.actor.country)
        self.country_counts = counts
        self.ranked = [c for c, _ in counts.most_common(3)]
        heads = [i for i, s in enumerate(self.sentences) if s.heading and s.line == 0]
        self._sectors: list[dict[str | None, set]] | None = None
        self._adjectives: dict[tuple[int, int], dict[str, int]] = {}
        self.head_countries = {m.actor.country for i in heads for m in self.mentions[i]
                               if m.actor is not None and m.actor.country}

    def twice(self, s: int, country: str) -> bool:
        """Whether sentence ``s`` may give ``country`` both sides of an event: it names an unnamed side
        (قوات الأمن) or two parties of the country in different sectors (حزب العمال الكردستاني، الجيش التركي)."""
        if self._sectors is None:
            self._sectors = []
            for ms in self.mentions:
                sectors: dict[str | None, set] = {}
                for m in ms:
                    if m.actor is not None and (m.actor.country or m.actor.sector):
                        sectors.setdefault(m.actor.country or None, set()).add(m.actor.sector)
                self._sectors.append(sectors)
        sectors = self._sectors[s]
        return None in sectors or len(sectors.get(country, ())) >= 2

    def adjectives_after(self, s: int, k: int) -> dict[str, int]:
        """The countries of the nationality adjectives in the few words after the trigger (article token
        ``k`` of sentence ``s``), with how many words after it the first stands, up to a clause break:
        الغارات الجوية السعودية (the trigger's own adjective: its doer), تطويق الانتشار العسكري الإيراني (its
        object's)."""
        key = (s, k)
        if key not in self._adjectives:
            toks = self.tokens[s]
            j = next(i for i, t in enumerate(toks) if t.i == k)
            out: dict[str, int] = {}
            for d, t in enumerate(toks[j + 1:j + 1 + _ADJ_WINDOW], 1):
                if t.text in _CLAUSE_BREAKS or t.norm in _RELATIVES:
                    break
                if (c := demonym_country(t)) is not None:
                    out.setdefault(c, d)
            self._adjectives[key] = out
        return self._adjectives[key]

    def sentence_of(self, k: int) -> int:
        """The sentence index holding article token ``k``."""
        tok = self.article.tokens[k]
        return next(i for i, s in enumerate(self.sentences) if s.start <= tok.start < s.end)


def is_candidate(view: ArticleView, tok: Token) -> bool:
    """A word that may express an event: Arabic, three letters or more, no function word, no name."""
    return tok.is_arabic and len(tok.norm) >= 3 and tok.norm not in _STOP and tok.i not in view.entity_tokens


_ROOT_PREFIXES = ("است", "ان", "ات", "ي", "ت", "ن", "ا", "م")
_ROOT_SUFFIXES = ("ات", "ون", "ين", "وا", "ان", "ها", "هم", "ه", "ت", "ا", "ي")


def _core(word: str) -> str:
    """The word stripped of clitics, the article, one verb or noun prefix and one suffix: a crude root
    that inflected forms share (يقصفون، قصفت، القصف → قصف)."""
    w = _stems(word)[-1]
    for p in _ROOT_PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    for z in _ROOT_SUFFIXES:
        if w.endswith(z) and len(w) - len(z) >= 3:
            w = w[:-len(z)]
            break
    return w


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """The word and its stems with clitics removed (and without the article), as ``stem_candidates``."""
    stems = []
    for _, s in stem_candidates(word):
        stems.append(s)
        if s.startswith("ال") and len(s) > 4:
            stems.append(s[2:])
    return tuple(stems)


def word_features(w: str) -> list[str]:
    """The features of a trigger candidate that depend on its (normalised) form alone: the word, its
    stems, a crude root and its letter trigrams, its letters at both ends (the same for every
    occurrence, so the coder scores them once per form)."""
    feats = [f"w={w}", f"a={w[:2]}", f"z={w[-2:]}", f"z3={w[-3:]}", f"len={min(len(w), 9)}"]
    feats += [f"s={x}" for x in _stems(w)[1:]]
    core = _core(w)
    feats.append(f"r={core}")
    padded = f"<{core}>"
    feats += [f"c={padded[i:i + 3]}" for i in range(len(padded) - 2)]
    return feats


def trigger_features(view: ArticleView, s: int, j: int) -> list[str]:
    """Features of the ``j``-th token of sentence ``s`` as a trigger candidate."""
    return word_features(view.tokens[s][j].norm) + context_features(view, s, j)


def context_features(view: ArticleView, s: int, j: int) -> list[str]:
    """The features of the ``j``-th token of sentence ``s`` that depend on where it stands: its
    neighbours, the heading, what the lexicon and the rule coder made of it, adjacent mentions."""
    toks = view.tokens[s]
    tok = toks[j]
    w = tok.norm
    feats = []
    prev = toks[j - 1].norm if j > 0 else "<s>"
    nxt = toks[j + 1].norm if j + 1 < len(toks) else "</s>"
    feats += [f"p1={prev}", f"n1={nxt}", f"p1s={_stems(prev)[-1]}", f"n1s={_stems(nxt)[-1]}"]
    if view.sentences[s].heading:
        feats.append("head")
        feats.append(f"head_w={_stems(w)[-1]}")
    if j < 3:
        feats.append("opens")
    lex = view.lexicon_at[s].get(tok.i)
    if lex is not None:
        part = "first" if lex.first == tok.i else "inner"
        feats += [f"lex={lex.entry.type}", f"lex={lex.entry.type}:{lex.entry.pos}:{part}",
                  f"lexmode={lex.entry.type}:{lex.entry.mode}"]
    for ev in view.rule_events.get(tok.i, ()):
        sides = ("a" if any(a.country for a in ev.actors) else "-") + ("r" if any(r.country for r in ev.recipients) else "-")
        feats += [f"rule={ev.type}", f"rule={ev.type}:{sides}"]
    if w[:1] == "س" and w[1:2] in "يتن" and len(w) > 4:
        feats.append("future_prefix")
    if tok.i + 1 in view.mention_firsts[s]:
        feats.append("mention_next")
    if tok.i in view.mention_lasts[s]:
        feats.append("mention_prev")
    return feats


def demonym_country(tok: Token) -> str | None:
    """The country of a nationality adjective (الإسرائيلية، السعودي، وإيرانيين), else None."""
    demonyms = lexicon().demonyms
    return next((demonyms[stem].country for _, stem in stem_candidates(tok.norm) if stem in demonyms), None)


def _form(word: str) -> str:
    """A coarse form class of the trigger word: definite noun, imperfect verb or other (perfect verb,
    indefinite noun) — which way its subject and object lie depends on it."""
    if word.startswith(("ال", "وال", "بال", "لل", "فال")):
        return "def"
    return "imperf" if word[:1] in "يتن" or word[:2] in ("وي", "وت", "ون") else "other"


def _first_country(mentions: list[Mention]) -> str | None:
    """The country of a sentence's first mention that names one: its likely subject."""
    return next((m.actor.country for m in mentions if m.actor is not None and m.actor.country), None)


def party_candidates(view: ArticleView, s: int, k: int) -> list[Party]:
    """The countries that may be a side of an event whose trigger is article token ``k`` in sentence ``s``."""
    parties: dict[str, Party] = {}

    def add(country: str, source: str) -> Party:
        p = parties.setdefault(country, Party(country))
        p.sources.add(source)
        return p

    for m in view.mentions[s]:
        if m.actor is None or not m.actor.country:
            continue
        p = add(m.actor.country, "sent")
        p.count += 1
        if p.near is None or abs(_gap(m, k)) < abs(_gap(p.near, k)):
            p.near = m
    for c in view.adjectives_after(s, k):  # الهجمات الإسرائيلية
        add(c, "adj")
    for ev in view.rule_events.get(k, ()):  # the rule coder's parties, also those no mention names (هجوم أمريكي)
        for a in ev.actors + ev.recipients:
            if a.country:
                add(a.country, "rule")
    if s > 0:
        for m in view.mentions[s - 1]:
            if m.actor is not None and m.actor.country:
                add(m.actor.country, "prev")
    for c in sorted(view.head_countries):
        add(c, "head")
    for r, c in enumerate(view.ranked):
        add(c, f"rank{r + 1}")
    return list(parties.values())


def _gap(m: Mention, k: int) -> int:
    """Tokens from trigger ``k`` to mention ``m``: negative before it, positive after it."""
    return m.first - k if m.first > k else m.last - 1 - k


def _between(toks: list[Token], a: int, b: int) -> set[str]:
    """What separates two article token positions of a sentence: a clause break, a relative, a that-clause."""
    base = toks[0].i
    out = set()
    for t in toks[max(0, min(a, b) - base + 1):max(a, b) - base]:
        if t.text in _CLAUSE_BREAKS:
            out.add("break")
        elif t.norm in _RELATIVES:
            out.add("rel")
        elif t.norm in _THAT:
            out.add("that")
        elif t.norm in _SPEECH:
            out.add("speech")
    return out


def party_features(view: ArticleView, s: int, k: int, etype: str, party: Party) -> list[str]:
    """Features of ``party`` as a side of an event of ``etype`` at article token ``k``."""
    feats = [f"src={x}" for x in sorted(party.sources)]
    c = party.country
    feats.append(f"artcount={_bucket(view.country_counts.get(c, 0))}")
    n_countries = len({m.actor.country for m in view.mentions[s] if m.actor is not None and m.actor.country})
    feats.append(f"ncountries={min(n_countries, 4)}")
    if c in ("IGO", "NGO"):
        feats.append("igo")
    m = party.near
    if m is not None:
        gap = _gap(m, k)
        side = "before" if gap < 0 else "after"
        feats += [f"side={side}", f"dist={side}{_bucket(abs(gap))}", f"prep={side}:{m.prep}", f"kind={m.kind}",
                  f"sector={m.actor.sector}", f"count={min(party.count, 3)}"]
        ent = next((e for e in view.article.entities if e.start == m.actor.start), None)
        etag = ent.type if ent is not None else m.kind
        feats.append(f"etype={etag}")
        if ent is not None and ent.type == "GPE" and m.actor.sector is None \
                and lexicon().key(ent.text) not in lexicon().countries:
            feats.append("town")
        feats += [f"between={x}" for x in sorted(_between(view.tokens[s], k, m.first))]
        order = [x for x in view.mentions[s] if x.actor is not None and x.actor.country]
        if order and order[0] is m:
            feats.append("first_in_sentence")
        nxt = next((x for x in view.mentions[s] if x.first > k), None)
        if nxt is m:
            feats += ["next_mention", f"next_mention:{m.prep}"]
        prv = next((x for x in reversed(view.mentions[s]) if x.last <= k), None)
        if prv is m:
            feats += ["prev_mention", f"prev_mention:{m.prep}"]
        form = _form(view.article.tokens[k].norm)
        feats += [f"form={form}:{side}", f"form={form}:{side}:{m.prep}"]
    else:
        feats.append("not_in_sentence")
        if s > 0 and _first_country(view.mentions[s - 1]) == c:
            feats.append("prev_first")  # the previous sentence's subject, for a dropped one (وأكد …)
        if s > 0 and not any(x.actor is not None and x.actor.country and x.last <= k for x in view.mentions[s]):
            feats.append("none_before")  # no country before the trigger: its subject is dropped (or after it)
        # an unnamed side in the sentence (قوات الأمن، جنديين) belongs to the article's country
        unnamed = [x for x in view.mentions[s] if x.actor is not None and not x.actor.country and x.actor.sector]
        for x in unnamed[:2]:
            feats.append(f"unnamed={'before' if x.first < k else 'after'}:{x.actor.sector}")
    adjectives = view.adjectives_after(s, k)
    if c in adjectives:
        feats += [f"adj={_bucket(adjectives[c])}", f"adj={_bucket(adjectives[c])}:{_form(view.article.tokens[k].norm)}"]
        if min(adjectives.values()) == adjectives[c]:
            feats.append("adj_first")
    if m is not None:
        for x in view.mentions[s]:
            if x is not m and x.actor is not None and x.actor.country == c:
                feats.append(f"also={'before' if x.first < k else 'after'}:{x.prep}")
    tok_start = view.article.tokens[k].start
    for q in view.quotes[s]:
        if q.speaker is not None and q.speaker.country == c:
            feats.append("speaker_in_quote" if q.start <= tok_start < q.end else "speaker")
    for ev in view.rule_events.get(k, ()):
        if ev.type == etype:
            if any(a.country == c for a in ev.actors):
                feats.append("rule_actor")
            if any(r.country == c for r in ev.recipients):
                feats.append("rule_recipient")
    return feats + [f"{etype}|{f}" for f in feats if not f.startswith(("src=rank", "artcount", "ncountries"))]


def sentence_time(view: ArticleView, s: int, k: int) -> str | None:
    """The value of the sentence's time expression nearest the trigger (article token ``k``), if any."""
    art = view.article
    sent = view.sentences[s]
    pos = art.tokens[k].start
    times = [t for t in art.times if sent.start <= t.start < sent.end and t.value and not t.value.startswith("X")]
    return min(times, key=lambda t: abs(t.start - pos)).value if times else None


def _days_before(value: str | None, pub: date | None) -> str:
    """How long before the publication date a time lies, in coarse steps."""
    if value is None:
        return "none"
    if pub is None:
        return "nopub"
    try:
        y = int(value[:4])
        m = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else None
        d = int(value[8:10]) if len(value) >= 10 and value[8:10].isdigit() else None
    except ValueError:
        return "other"
    if m is None:
        return "year_before" if y < pub.year else "year_same" if y == pub.year else "year_after"
    if d is None:
        months = (pub.year - y) * 12 + pub.month - m
        return "month_same" if months == 0 else "month_after" if months < 0 else f"months{_bucket(months)}"
    try:
        days = (pub - date(y, m, d)).days
    except ValueError:
        return "other"
    return "after" if days < 0 else f"days{_bucket(days)}" if days < 13 else "days13-60" if days <= 60 else "days60+"


def flag_features(view: ArticleView, s: int, k: int, rule: Flags, pub: date | None) -> list[str]:
    """Features of the event at article token ``k`` for its historical and future flags: how far its
    sentence's time lies from the publication date, the rule flags, the cue words and words before it."""
    toks = view.tokens[s]
    j = next(i for i, t in enumerate(toks) if t.i == k)
    feats = [f"when={_days_before(sentence_time(view, s, k), pub)}"]
    feats += [f"rule_{f}" for f in ("historical", "future", "hypothetical", "negated") if getattr(rule, f)]
    w = toks[j].norm
    feats += [f"w={_stems(w)[-1]}", f"a={w[:2]}"]
    for d in (1, 2, 3):
        if j - d >= 0:
            feats.append(f"p{d}={_stems(toks[j - d].norm)[-1]}")
            if (role := cue(toks[j - d])) is not None:
                feats.append(f"cue_before={role}")
    for t in toks[j + 1:j + 8]:
        if (role := cue(t)) is not None:
            feats.append(f"cue_after={role}")
    if view.sentences[s].heading:
        feats.append("head")
    return feats


_STEPS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _at_least(name: str, p: float | None) -> list[str]:
    """``p`` as thermometer features (``name>=x`` for every step it reaches), so that a linear model
    learns a monotone curve of it; nothing when ``p`` is unknown."""
    return [] if p is None else [f"{name}>={x}" for x in _STEPS if p >= x]


@dataclass(slots=True)
class Origin:
    """Where a coded event comes from, for the confidence model: the learned coder's candidate (its
    type, actor and recipient probabilities) or the rule coder (``rule``: a country on both sides;
    ``bare``: an attack or protest without), with the trigger model's reading of the rule's word."""

    source: str
    p_type: float | None
    p_actor: float | None = None
    p_recipient: float | None = None


def event_features(view: ArticleView, events: list[Event], origins: list[Origin]) -> list[list[str]]:
    """Features of each coded event of an article for the confidence model: the coder's probabilities,
    its source and type, whether the sides are one country, named in the sentence, an organisation,
    the flags, the headline, and how many events of its type and of its sides the article has."""
    def countries(actors):
        return tuple(sorted({a.country for a in actors if a.country}))

    by_type = Counter(ev.type for ev in events)
    by_key = Counter((ev.type, countries(ev.actors), countries(ev.recipients)) for ev in events)
    rank: dict[int, int] = {}
    for etype in by_type:
        same = sorted((ev for ev in events if ev.type == etype), key=lambda ev: -(ev.confidence or 0))
        rank.update((id(ev), r) for r, ev in enumerate(same, 1))
    rows = []
    for ev, o in zip(events, origins):
        a, r = countries(ev.actors), countries(ev.recipients)
        feats = [f"src={o.source}", f"type={ev.type}", f"{ev.type}|src={o.source}",
                 f"ntype={min(by_type[ev.type], 4)}", f"nkey={min(by_key[(ev.type, a, r)], 3)}",
                 f"rank={min(rank[id(ev)], 4)}"]
        feats += _at_least("pt", o.p_type) + _at_least("pa", o.p_actor) + _at_least("pr", o.p_recipient)
        feats += [f"{ev.type}|{f}" for f in _at_least("pt", o.p_type)]
        if o.p_actor is not None and o.p_recipient is not None and o.p_type is not None:
            feats += _at_least("p", o.p_type * o.p_actor * o.p_recipient)
        if not a or not r:
            feats.append("side_unknown")
        elif set(a) & set(r):
            feats += ["one_country", f"{ev.type}|one_country"]
        if len(r) > 1:
            feats.append("recipients>1")
        feats.append(f"pos={_bucket(ev.sentence)}")
        for side, actors in (("actor", ev.actors), ("recipient", ev.recipients)):
            ranks = [view.ranked.index(x.country) + 1 for x in actors if x.country in view.ranked]
            feats.append(f"{side}_rank={min(ranks) if ranks else 'none'}")
            if any(x.start is not None for x in actors):
                feats.append(f"{side}_named")
            if any(x.country == "IGO" for x in actors):
                feats.append(f"{side}_igo")
            feats += [f"{side}_sector={x.sector}" for x in actors[:1]]
        feats += [f"flag={k}" for k in ("historical", "future", "hypothetical", "negated") if getattr(ev.flags, k)]
        if view.article.sentences[ev.sentence].heading:
            feats.append("head")
        rows.append(feats)
    return rows
