"""Actor mentions in a sentence: what could be an event's actor or recipient.

A mention is a named entity that resolves to an actor, a title phrase (الرئيس الإيراني), a
group phrase (قوات أمريكية، فصائل متحالفة مع إيران في العراق), or a dual anaphor (البلدين).
Each carries the preposition that governs it (مع، إلى، على، ل …) and whether it is joined to
the previous mention by و (a compound actor: طهران وبغداد).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..doc import Actor, Article, Entity
from ..extract.actors import entity_actor, resolve_actor
from ..extract.entities import title_before
from ..extract.lookup import match_at
from ..extract.numbers import read_number
from ..resources import lexicon
from ..text.normalize import normalize_word
from ..text.tokenize import Token
from .triggers import Trigger, find_triggers

__all__ = ["Mention", "sentence_mentions", "sentence_reading", "PREPOSITIONS"]

PREPOSITIONS = {normalize_word(w): normalize_word(w) for w in
                ("مع", "إلى", "الى", "على", "ضد", "من", "في", "بين", "عن", "لدى", "بحق", "تجاه", "أمام", "حول", "بقيادة",
                 "يد", "قبل", "بأيدي")}  # على يد، من قبل: the agent, not the subject
_SEATS = {normalize_word(w) for w in ("مقر", "مبنى", "وسط", "شمال", "جنوب", "شرق", "غرب", "قرب", "داخل", "خارج",
                                      "أطراف", "ضواحي")}  # أمام مقر السفارة، في وسط الصومال: the preposition governs the place
_DUALS = {normalize_word(w) for w in ("البلدين", "البلدان", "الجانبين", "الجانبان", "الطرفين", "الطرفان")}
_LINKS = {normalize_word(w) for w in ("مع", "من", "في", "بقيادة", "ل")}
_AFTER_ADJECTIVE = {normalize_word(w) for w in ("مع", "من")}  # متحالفة مع إيران، مدعومة من إيران
_MAX_GROUP = 7
_QUOTE_MARKS = set("«»“”\"'")


@dataclass(slots=True)
class Mention:
    first: int                 # article token indices [first, last)
    last: int
    actor: Actor | None        # None for a dual anaphor, resolved by the event coder
    kind: str                  # entity | title | group | dual
    prep: str | None = None    # governing preposition (normalised), clitic ل/ب included
    joined: bool = False       # preceded by و: part of a compound with the previous mention


def _clitic(article: Article, tok: Token, start: int) -> str | None:
    """The proclitic preposition (ل or ب) between a token's start and a mention's start."""
    lead = normalize_word(article.text[tok.start:start])
    if "ل" in lead:
        return "ل"
    if "ب" in lead:
        return "ب"
    return None


_NOT_ADJ = {normalize_word(w) for w in ("التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "وهي", "هي",
                                        "فيه", "فيها", "منه", "منها", "عليه", "عليها", "أيضا", "حيث",
                                        "إصابة", "وإصابة")}  # مقتل تسعة من رجال الشرطة وإصابة أربعة


def _adjective(t: Token) -> bool:
    """Looks like an agreeing adjective (مسلحة، متحالفة، الأمنية، رسمية)."""
    return t.is_arabic and len(t.norm) > 3 and t.norm not in _NOT_ADJ and t.norm not in _LINKS \
        and t.norm.endswith(("ه", "ي", "يين", "يون")) and read_number([t], 0) is None  # not خمسة


def _definite(word: str) -> bool:
    """Carries the article, also behind clitics (الحكومة، والحكومة، للحكومة)."""
    return "ال" in word[:4] or word.startswith(("لل", "ولل", "فلل"))


def _definite_or_plural(t: Token) -> bool:
    """A sector noun alone names an actor when it is a group (القوات، مسلحون), not a bare noun."""
    return _definite(t.norm) or t.norm.endswith(("ون", "ين", "ات"))


def _group(article: Article, tokens: list[Token], i: int, taken: set[int], event_words: set[int],
           timed: set[int]) -> Mention | None:
    """A group phrase headed by a sector noun, with its modifiers (adjectives, مع/من/في X); ``taken``
    are entity tokens, ``event_words`` trigger tokens, neither of which is an adjective; the phrase
    ends where a time (``timed`` tokens) begins (مسلحون | الأسبوع الماضي)."""
    lex = lexicon()
    m = match_at(lex.sector_nouns, tokens, i, article.norm, 3)
    if m is None:
        return None
    j = m.last
    end = next((k for k in range(j, len(tokens)) if k in timed), len(tokens))
    if j < end and tokens[j].norm.startswith("ال") and j not in taken and tokens[j].is_arabic \
            and tokens[j].norm not in lex.demonyms and tokens[j].norm not in _NOT_ADJ and not _adjective(tokens[j]):
        j += 1  # قوات التحالف، عناصر الجماعة
    elif j < end and j in taken and not tokens[i].norm.startswith("ال"):
        while j < end and j in taken:  # سفارة إستونيا، حكومة العراق: the genitive says whose
            j += 1
    # an adjective agrees with its noun in definiteness: سلاح الجو | قافلة is no "convoy air force"
    definite = _definite(tokens[j - 1].norm) or (j - 1) in taken
    while j < end and j - i < _MAX_GROUP:
        t = tokens[j]
        agrees = t.norm.startswith("ال") == definite
        if (t.norm in lex.demonyms or (_adjective(t) and j not in taken and j not in event_words)) and agrees:
            j += 1
        elif t.norm in _LINKS and j + 1 < len(tokens) \
                and ((j + 1) in taken or (body := match_at(lex.sector_nouns, tokens, j + 1, article.norm, 3))) \
                and (t.norm not in _AFTER_ADJECTIVE or (_adjective(tokens[j - 1]) and (j - 1) not in taken)) \
                and not (t.norm == "في" and m.value in ("MIL", "UAF")):  # طائرة مسيرة في سوريا، انتحاري في فندق: where
            if (j + 1) in taken:
                j += 2
                while j < len(tokens) and j in taken:
                    j += 1
            else:
                j = body.last  # فرقة خاصة من قوات الأمن
        else:
            break
    actor = resolve_actor(article, tokens, i, j)
    bare = j == m.last  # no adjective or genitive: جندي alone is a word, فرقة مظلية a unit
    group = _definite_or_plural(tokens[i]) or _definite(tokens[m.last - 1].norm)  # سلاح الجو: definite by its genitive
    if actor is None or (actor.country is None and not group and m.value != "UAF" and bare):
        return None
    actor.start, actor.text = m.start, article.text[m.start:actor.end]
    return Mention(tokens[i].i, tokens[j - 1].i + 1, actor, "group", _clitic(article, tokens[i], m.start))


def _residence(ents: list[Entity], tokens: list[Token], k: int) -> Entity | None:
    """The country where a people named without one lives: العرب | في إسرائيل (ISR)."""
    if k + 1 >= len(tokens) or tokens[k].norm != normalize_word("في"):
        return None
    return next((e for e in ents if e.start == tokens[k + 1].start and e.type == "GPE" and e.country), None)


def _span(tokens: list[Token], ent) -> set[int]:
    """Indices (from the first token) of the tokens an entity covers."""
    if ent is None:
        return set()
    base = tokens[0].i
    return {t.i - base for t in tokens if ent.start < t.end and t.start < ent.end}


def sentence_reading(article: Article, sentence: int, tokens: list[Token]) -> tuple[list[Trigger], list[Mention]]:
    """The lexicon's triggers and the actor mentions of sentence ``sentence`` (its ``tokens``), computed
    once per article: the rule coder and the learned coder read the same (recomputed when the
    entities changed in between)."""
    key = ("reading", sentence, len(article.entities), len(article.times))
    got = article._memo.get(key)
    if got is None:
        triggers = find_triggers(tokens)
        got = article._memo[key] = (triggers, sentence_mentions(article, tokens, triggers))
    return got


def sentence_mentions(article: Article, tokens: list[Token], triggers: Sequence[Trigger] = ()) -> list[Mention]:
    """Mentions among one sentence's ``tokens`` (contiguous article tokens), left to right; no group
    phrase runs into one of the sentence's event ``triggers``."""
    if not tokens:
        return []
    base = tokens[0].i
    s_start, s_end = tokens[0].start, tokens[-1].end
    ents = [e for e in article.entities if s_start <= e.start and e.end <= s_end]
    ent_tokens = {t.i - base for e in ents for t in tokens if e.start < t.end and t.start < e.end}
    # a group phrase stops at an event word (نفذ الجيش الباكستاني | ضربة جوية)
    event_words = {k - base for tr in triggers for k in range(tr.first, tr.last)}
    timed = {k for k, t in enumerate(tokens) if any(x.start <= t.start < x.end for x in article.times)}
    mentions: list[Mention] = []
    title_prep: dict[int, tuple[Token, int]] = {}
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        ent = next((e for e in ents if tok.start <= e.start < tok.end), None)
        says_who = ent is not None and (ent.country or ent.sector or ent.type == "GPE")
        # a group phrase, also where the tagger saw a name that says nothing of who (السفارة الأمريكية)
        group = None if says_who else _group(article, tokens, k, ent_tokens - _span(tokens, ent), event_words, timed)
        if group is not None:
            mentions.append(group)
            k = group.last - base
            continue
        if ent is not None:
            actor = entity_actor(ent)
            last = max(t.i for t in tokens if t.start < ent.end) + 1
            if ent.type == "NORP" and not (actor.country or actor.sector) \
                    and (home := _residence(ents, tokens, last - base)) is not None:
                actor = Actor(article.text[ent.start:home.end], None, home.country, None, ent.start, home.end)
                last = max(t.i for t in tokens if t.start < home.end) + 1
            if actor.country or actor.sector:
                mentions.append(Mention(tok.i, last, actor, "entity", _clitic(article, tok, ent.start)))
            k = last - base
            continue
        found = title_before(article, tokens, k)
        if found is not None:
            title, country, after = found
            while after + 1 < len(tokens) and tokens[after].norm in lexicon().honorifics:
                after += 1  # وزير الخارجية الأستاذ عادل الجبير
            nxt = tokens[after] if after < len(tokens) else None
            if nxt is not None and any(e.start == nxt.start and e.type == "PER" for e in ents):
                k = after  # the person's own mention carries the title …
                title_prep[nxt.i] = (tok, title.start)  # … and the preposition before it (مع رئيس الوزراء …)
                continue
            if country is not None:
                s, e = title.start, tokens[after - 1].end
                actor = Actor(article.text[s:e], None, country, title.value.sector, s, e)
                mentions.append(Mention(tok.i, tokens[after - 1].i + 1, actor, "title",
                                        _clitic(article, tok, title.start)))
                k = after
                continue
        if tok.norm in _DUALS or tok.norm[1:] in _DUALS:
            mentions.append(Mention(tok.i, tok.i + 1, None, "dual"))
        k += 1
    for m in mentions:
        own_start = m.actor.start if m.actor is not None and m.actor.start is not None else None
        if m.first in title_prep:  # the title before a person opens the mention
            tok, own_start = title_prep[m.first]
            m.first = tok.i
        first = tokens[m.first - base]
        if own_start is None or own_start >= first.end:
            own_start = first.start
        lead = normalize_word(article.text[first.start:own_start])  # proclitics: و ل ب …
        m.joined = lead.startswith("و")
        k = m.first - base - 1
        while k > 0 and tokens[k].text in _QUOTE_MARKS:  # ضد «الناتو»
            k -= 1
        if k > 0 and tokens[k].norm in _SEATS:
            k -= 1
        while k > 0 and tokens[k].norm in lexicon().honorifics:  # مع معالي وزير الخارجية
            k -= 1
        prev = tokens[k].norm if k >= 0 else ""
        if m.prep is None:  # في لندن، وفي لندن، لطهران
            m.prep = PREPOSITIONS.get(prev) or (PREPOSITIONS.get(prev[1:]) if prev[:1] in "وف" else None) \
                or _clitic(article, first, own_start)
    for head, part in zip(mentions, mentions[1:]):
        if part.joined and part.prep is None:  # ضد الناتو وأميركا: the compound shares its preposition
            part.prep = head.prep
    for m in mentions:  # في كركوك (255 كلم شمال بغداد): an aside says where, it names no party
        if m.prep is None and _in_parentheses(tokens, m.first - base):
            m.prep = "("
    return mentions


def _in_parentheses(tokens: list[Token], k: int) -> bool:
    depth = 0
    for t in tokens[:k]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0
