"""Reading the parties of an event around its trigger in one sentence.

``SentenceReader`` walks a sentence's tokens and actor mentions (``mentions.py``) and finds the parties
the subject/object rules of ``events.py`` do not reach: counted victims and crowds (قتل 30 شخصا،
تظاهر نحو مائة طالب), agents (على يد مسلحين), claims (تبنت الحركة الهجوم), who underwent or escaped
an attack (نجا المحافظ من محاولة اغتيال), what it hit (صواريخ على الموقع) and whom a protest is
against (هتافات مضادة للحكومة). A party the lexicons do not know is kept as its words, uncoded.
"""
from __future__ import annotations

from functools import cache, lru_cache

from ..doc import Actor, Article, Quantity
from ..extract.actors import resolve_actor
from ..extract.numbers import read_number
from ..extract.quantities import unit_of
from ..resources import lexicon, read_tsv
from ..text.normalize import normalize_word
from ..text.tokenize import Token, stem_candidates
from .mentions import Mention
from .triggers import Trigger

__all__ = ["SentenceReader", "cue", "SYMMETRIC", "RELATIVE", "BLOCKING", "NOT_TARGET"]

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
RELATIVE = {normalize_word(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين")}
BLOCKING = {normalize_word(w) for w in ("من", "في", "على", "ضد", "إلى", "الى", "مع", "بسبب", "إثر", "جراء",
                                        "إن", "أن", "بأن", ":", "«", "“")}
NOT_TARGET = {normalize_word(w) for w in ("مع", "من", "عن", "إلى", "الى")}  # تضامنا مع غزة
_THAT = {normalize_word(w) for w in ("إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها")}
_WINDOW = 8
_PEOPLE_SECTORS = {"person": None, "killed": None, "wounded": None, "injured": None, "civilian": "CVL",  # units.tsv
                   "child": "CVL", "woman": "CVL", "soldier": "MIL", "prisoner": None, "detainee": None,
                   "gunman": "UAF", "rebel": "REB", "fighter": "UAF", "policeman": "COP", "student": "EDU",
                   "protester": "CVL", "engineer": None, "worker": "LAB", "refugee": "REF"}
_CROWDS = {"person", "protester", "student", "refugee", "civilian", "woman", "worker"}  # who may march or storm
_PROTEST_TARGET_PREPS = {normalize_word(w) for w in ("ضد", "أمام", "حول", "إلى", "الى")}
_PROTEST_TARGET_CUES = {normalize_word(w) for w in (  # هتافات مضادة للحكومة، تطالب برحيل الرئيس
    "مضادة", "مضاد", "معادية", "معاد", "مناهضة", "مناهض", "رحيل", "إسقاط", "إقالة", "مطالبة", "تطالب",
    "يطالبون", "طالبوا", "مطالبين", "تندد", "ينددون", "منددين", "تنديدا")}
_AGAINST = {normalize_word(w) for w in ("على", "ضد")}
_AGAINST_ANYWHERE = normalize_word("ضد")
_OBJECTIONS = {normalize_word(w) for w in ("احتجاجا", "احتجاج", "احتجاجهم", "تنديدا", "اعتراضا")}
_ABOARD = {normalize_word(w) for w in ("متن",)}
_PHRASE_STOPS = BLOCKING | RELATIVE | {normalize_word(w) for w in (
    "بينهم", "منهم", "بعد", "بعدما", "قبل", "عندما", "بينما", "حين", "حينما", "حيث", "مما", "ما", "وهو", "وهي", "الى", "أمس", "امس", "اليوم",
    "المسؤولية", "مسؤولية", "مسؤوليته", "مسؤوليتها", "مسؤوليتهم")}
_DAYPARTS = {normalize_word(w) for w in ("ليلا", "ليلاً", "صباحا", "صباحاً", "مساء", "مساءً", "ظهرا", "عصرا")}
_REFLEXIVE = {normalize_word(w) for w in ("نفسه", "نفسها", "نفسيهما", "أنفسهم", "أنفسهما", "أنفسهن")}
_QUANTIFIERS = {normalize_word(w) for w in ("عدة", "بعض", "عدد", "من")}
_AGENT_PREPS = {normalize_word(w) for w in ("على", "من")}  # على يد، من قبل
_AMONG = {normalize_word(w) for w in ("بينهم", "بينهن", "منهم", "ومنهم", "وبينهم")}


def _new_clause(last: Token, nxt: Token) -> bool:
    """An indefinite word with و after a definite one starts a new clause (داخل المسجد | وتبين أنه),
    where a definite one joins the phrase (قوات صالح والحوثيين)."""
    return last.norm.startswith("ال") and nxt.norm.startswith("و") and not nxt.norm.startswith("وال")


@cache
def _cues() -> dict[str, str]:
    return {normalize_word(c): role for c, role in read_tsv("lexicons/event_cues.tsv")}


def cue(tok: Token) -> str | None:
    """The role ``event_cues.tsv`` gives a word (future, negated, light, result, agent …), if any."""
    return _cue_of(tok.norm)


@lru_cache(maxsize=1 << 16)
def _cue_of(word: str) -> str | None:
    stems = [s for _, s in stem_candidates(word)]
    if len(word) > 2 and word[0] in "وف":
        stems.append(word[1:])  # ولم، فلن
    return next((_cues()[s] for s in stems if s in _cues()), None)


class SentenceReader:
    """One sentence's tokens (``tokens[0].i`` onwards, article indices) and actor mentions."""

    def __init__(self, article: Article, tokens: list[Token], mentions: list[Mention],
                 pair: tuple[Actor, Actor] | None = None) -> None:
        self.article, self.tokens, self.mentions, self.pair = article, tokens, mentions, pair
        self.base = tokens[0].i
        self.etype = ""

    # --- the sentence ----------------------------------------------------------------------
    def tok(self, i: int) -> Token | None:
        k = i - self.base
        return self.tokens[k] if 0 <= k < len(self.tokens) else None

    def mention_at(self, i: int) -> Mention | None:
        return next((m for m in self.mentions if m.first == i), None)

    def after(self, i: int, limit: int = _WINDOW) -> list[Mention]:
        return [m for m in self.mentions if i <= m.first < i + limit and not m.joined]

    def before(self, i: int, limit: int = 4) -> list[Mention]:
        return [m for m in self.mentions if i - limit <= m.last <= i and not m.joined]

    def actors_of(self, m: Mention) -> list[Actor]:
        """A mention's actors; a compound (طهران وبغداد) brings its joined partners; a dual
        anaphor (البلدين) stands for the article's two main countries."""
        if m.kind == "dual":
            return list(self.pair) if self.pair and self.etype in SYMMETRIC else []
        out = [m.actor]
        k = self.mentions.index(m) + 1
        while k < len(self.mentions) and self.mentions[k].joined \
                and self.mentions[k].first - self.mentions[k - 1].last <= 1:
            out.append(self.mentions[k].actor)
            k += 1
        return [a for a in out if a is not None]

    def clause_end(self, i: int) -> int:
        j = i
        while j < self.base + len(self.tokens) and j - i < 14 and self.tok(j).text not in "،.؛;:" \
                and self.tok(j).norm not in _THAT:
            j += 1
        return j

    def cue_near(self, trig: Trigger, role: str, back: int, ahead: int = 0) -> int | None:
        """The nearest token with cue ``role`` within ``back`` tokens before the trigger or ``ahead`` after it."""
        for k in list(range(trig.first - 1, trig.first - back - 1, -1)) + list(range(trig.last, trig.last + ahead)):
            if (t := self.tok(k)) is not None and cue(t) == role:
                return k
        return None

    def in_time(self, tok: Token) -> bool:
        return any(t.start <= tok.start < t.end for t in self.article.times)

    def phrase(self, k: int, stop: int | None = None) -> Actor | None:
        """The words from token ``k`` (up to four, before ``stop``) as uncoded text: a party the
        lexicons do not know (الموقع، الجبهة، موكبه)."""
        words: list[Token] = []
        while (t := self.tok(k)) is not None and len(words) < 4 and (stop is None or k < stop) and t.is_word \
                and t.norm not in _PHRASE_STOPS and not self.in_time(t) and not (words and _new_clause(words[-1], t)) \
                and (self.mention_at(t.i) is None or (words and t.norm in lexicon().demonyms)):  # ضباط عراقيين
            words.append(t)
            k += 1
        if not words:
            return None
        s, e = words[0].start, words[-1].end
        known = resolve_actor(self.article, self.tokens, words[0].i - self.base, words[-1].i - self.base + 1)
        if known is None:
            return Actor(self.article.text[s:e], None, None, None, s, e)
        return Actor(self.article.text[s:e], None, known.country, known.sector, s, e)

    def party_at(self, k: int, stop: int | None = None) -> list[Actor]:
        """The party named from token ``k``: a known actor's mention, else its words."""
        while (t := self.tok(k)) is not None and (not t.is_word or t.norm in _QUANTIFIERS):
            k += 1  # تبناه «تنظيم القاعدة»، من قبل عدة ضباط
        m = self.mention_at(k)
        if m is not None:
            return self.actors_of(m)
        phrase = self.phrase(k, stop)
        return [phrase] if phrase is not None else []

    # --- parties ---------------------------------------------------------------------------
    def victims(self, trig: Trigger, subject_end: int = 0) -> list[Actor]:
        """قتل 30 شخصا / مقتل تسعة جنود: the counted people right after the trigger (or after its
        subject: قتلت القوات 11 مسلحا, or after a result verb: فأسفر عن ثمانية قتلى); before a killing
        verb, its subject (ثمانية أشخاص قُتلوا). A group named after them says whose (150 متمردا من طالبان)."""
        start, end = self.tok(trig.first).start, max(self.tok(trig.last - 1).end, subject_end)
        result = self.result_end(trig)
        passive = "passive" in trig.entry.props
        plural = self.tok(trig.last - 1).norm.endswith("وا")
        for q in self.article.quantities:
            after = 0 <= q.start - end <= 12 or (result is not None and 0 <= q.start - result <= 12)
            before = passive and (0 <= start - q.end <= 25 or (plural and q.end < start and self.opens_clause(q)))
            if (after or before) and q.unit in _PEOPLE_SECTORS:
                return [self.counted_people(q, _PEOPLE_SECTORS[q.unit])]
        return self.counted_group(trig.last) or self.lone_victim(trig)

    def members(self, parties: list[Actor]) -> list[Actor]:
        """Those named among a party right after it: 30 شخصا بينهم قضاة، سياسيين بينهم زعيمة المعارضة."""
        out: list[Actor] = []
        for p in parties:
            k = next((t.i for t in self.tokens if p.end is not None and t.start >= p.end), None)
            while k is not None and (t := self.tok(k)) is not None and (not t.is_word or (
                    t.norm in _AGAINST and self.tok(k + 1) is not None and cue(self.tok(k + 1)) == "idiom")):
                k += 1 if not t.is_word else 2  # «ثمانية أشخاص، بينهم»، «30 شخصا على الأقل بينهم»
            if k is not None and (t := self.tok(k)) is not None and t.norm in _AMONG:
                out += [a for a in self.known_party(k + 1) if a not in parties + out]
        return out

    def known_party(self, k: int) -> list[Actor]:
        """The actor mention or the counted people at token ``k`` (never bare words: a list such as
        «قضاة ورجال شرطة» cannot be cut safely where its words are unknown)."""
        if (m := self.mention_at(k)) is not None:
            return self.actors_of(m)
        start = t.start if (t := self.tok(k)) is not None else -1
        q = next((q for q in self.article.quantities if q.start == start and q.unit in _PEOPLE_SECTORS), None)
        return [self.counted_people(q, _PEOPLE_SECTORS[q.unit])] if q is not None else []

    def opens_clause(self, q: Quantity) -> bool:
        """Whether counted people open a that-clause (أن 13 شخصا … قُتلوا): they are its subject."""
        prev = next((t for t in reversed(self.tokens) if t.end <= q.start), None)
        return prev is not None and prev.norm in _THAT

    def lone_victim(self, trig: Trigger) -> list[Actor]:
        """One uncounted person right before a killing verb: إن مقاتلا قُتل، جندي قُتل."""
        prev = self.tok(trig.first - 1)
        unit = unit_of(prev.norm) if prev is not None and "passive" in trig.entry.props else None
        if unit not in _PEOPLE_SECTORS or self.mention_at(prev.i) is not None:
            return []
        return [Actor(prev.text, None, None, _PEOPLE_SECTORS[unit], prev.start, prev.end)]

    def counted_people(self, q: Quantity, sector: str | None) -> Actor:
        """Counted people as an actor; a group named right after says whose (150 متمردا من طالبان)."""
        k = next((t.i for t in self.tokens if t.start >= q.end), None)  # the word after the count
        of = self.mention_at(k + 1) if k is not None else None
        if of is not None and of.prep == normalize_word("من") and of.actor is not None and of.actor.country:
            return Actor(self.article.text[q.start:of.actor.end], None, of.actor.country,
                         sector or of.actor.sector, q.start, of.actor.end)
        return Actor(q.text, None, None, sector, q.start, q.end)

    def counted_group(self, k: int) -> list[Actor]:
        """Victims counted out of a group right after the trigger: مقتل تسعة | من رجال الشرطة (COP)."""
        num = read_number(self.tokens, k - self.base) if self.tok(k) is not None else None
        if num is None or (of := self.tok(num.last + self.base)) is None or of.norm != normalize_word("من"):
            return []
        m = self.mention_at(of.i + 1)
        if m is None or m.actor is None or not m.actor.sector:
            return []
        s, e = self.tok(k).start, m.actor.end
        return [Actor(self.article.text[s:e], None, m.actor.country, m.actor.sector, s, e)]

    def result_end(self, trig: Trigger) -> int | None:
        """Where a result verb after the trigger ends (هجوم … أسفر عن، مما أدى إلى), with its preposition."""
        for k in range(trig.last, self.base + len(self.tokens)):
            if cue(self.tok(k)) == "result":
                nxt = self.tok(k + 1)
                return nxt.end if nxt is not None and nxt.norm in NOT_TARGET else self.tok(k).end
        return None

    def crowd(self, trig: Trigger, after: bool = True) -> list[Actor]:
        """تظاهر نحو خمسة آلاف شخص / 1000 لاجئ … احتشدوا: the counted crowd that did it."""
        start, end = self.tok(trig.first).start, self.tok(trig.last - 1).end
        crowds = [q for q in self.article.quantities if q.unit in _CROWDS]
        following = [q for q in crowds if after and 0 <= q.start - end <= 15]
        preceding = [q for q in crowds if 0 <= start - q.end <= 40]
        q = following[0] if following else (preceding[-1] if preceding else None)
        return [self.counted_people(q, _PEOPLE_SECTORS[q.unit])] if q is not None else []

    def subject_word(self, trig: Trigger) -> Actor | None:
        """A definite noun right after an attack verb is its subject (VSO), kept as uncoded text when it
        names no known actor: فجرت الجبهة، هاجم المسلحون."""
        t = self.tok(trig.last)
        if t is None or not t.is_arabic or not t.norm.startswith("ال") or t.norm in _PHRASE_STOPS \
                or self.in_time(t) or self.mention_at(t.i) is not None:
            return None
        return Actor(t.text, None, None, None, t.start, t.end)

    def assailant(self, taken: list[Actor]) -> list[Actor]:
        """An unnamed assailant elsewhere in the sentence (يقود إحداهما انتحاري، أطلق مسلح النار)."""
        m = next((m for m in self.mentions if m.prep is None and m.actor is not None and m.actor.sector == "UAF"
                  and not m.actor.country and not any(a.start == m.actor.start for a in taken)), None)
        return [m.actor] if m is not None else []

    def agent(self, trig: Trigger) -> list[Actor]:
        """The doer named by an agent phrase after the trigger: قُتل على يد مسلحين، من قبل ضباط عراقيين."""
        for k in range(trig.last, self.clause_end(trig.last)):
            t = self.tok(k)
            if cue(t) == "agent" and (t.norm == normalize_word("بأيدي")
                                       or ((p := self.tok(k - 1)) is not None and p.norm in _AGENT_PREPS)):
                return self.party_at(k + 1)
        return []

    def claimed_by(self, trig: Trigger) -> list[Actor]:
        """Who claimed the attack: تبنت الحركة المسؤولية عن عملية تفجير، وقد تبناه «تنظيم القاعدة»."""
        k = self.cue_near(trig, "claim", 10, 10)
        return self.party_at(k + 1) if k is not None else []

    def undergone_by(self, trig: Trigger) -> list[Actor]:
        """Who underwent or escaped the attack: تعرض موكبه لانفجار، نجا قائد الشرطة من محاولة اغتيال."""
        k = self.cue_near(trig, "subjected", 6)
        if k is None:
            k = self.cue_near(trig, "survived", 12)  # نجا قائد الشرطة في بغداد، أمس، من محاولة اغتيال
        return self.party_at(k + 1, trig.first) if k is not None else []

    def target(self, trig: Trigger, used: list[Mention], subject_end: int = 0, objects: bool = True) -> list[Actor]:
        """What an attack hit: the phrase after على/ضد (صواريخ على الموقع), a transitive verb's object
        (قصفت الكتائب معبر كرم أبو سالم), or where a bomber blew himself up (فجرا نفسيهما أمام مصنع عسكري);
        a place named right after it says in which country (مواقع في جنوب لبنان). Unknown words stay uncoded text.
        ``objects``: whether a verb's object may be the target (not when its victims are known: قتل أكثر من 30 شخصا)."""
        k = self.after_times(max([trig.last] + [m.last for m in used]
                                 + [t.i + 1 for t in self.tokens if t.end <= subject_end]))
        own = next((j for j in range(k - 1, k + 3) if (t := self.tok(j)) is not None and t.norm in _REFLEXIVE
                    and j >= trig.last), None)  # فجر نفسه، فجر رجل نفسه، فجر الانتحاري نفسه
        if own is not None:
            scene = self.tok(own + 1)  # the target only where he did it (أمام، وسط، في …)
            if scene is None or not (cue(scene) == "scene" or scene.norm == normalize_word("في")):
                return []
            return [self.placed(a) for a in self.party_at(own + 2, self.clause_end(own + 2))]
        # with its victims known, only an على right after the verb phrase names what it hit
        end = self.clause_end(trig.last) if objects else min(self.clause_end(trig.last), k + 2)
        on = next((j for j in range(trig.last, end) if self.tok(j).norm in _AGAINST
                   and (self.tok(j + 1) is None or cue(self.tok(j + 1)) not in ("agent", "idiom"))), None)
        if on is not None:  # not على يد مسلحين، على الأقل
            nxt = self.tok(on + 1)
            if nxt is None or nxt.norm in _REFLEXIVE:
                return []  # أطلق النار على نفسه
            k = self.after_times(on + 1 + (nxt.norm in _ABOARD))  # على متن
        elif trig.entry.pos != "verb" or trig.entry.requires or not objects:
            return []  # فجر سيارة، أطلق صواريخ: the object is the weapon
        if self.tok(k) is None or self.mention_at(k) is not None:
            return []  # a known actor as object is the verb's recipient already
        hit = [p] if (p := self.phrase(k)) is not None else []
        return [self.placed(a) for a in hit]

    def after_times(self, k: int) -> int:
        """The first token from ``k`` that is no time (اقتحم مسلحون الأسبوع الماضي مهبطا، اقتحمت ليلا عيادة)."""
        while (t := self.tok(k)) is not None and (self.in_time(t) or t.norm in _DAYPARTS):
            k += 1
        return k

    def placed(self, party: Actor) -> Actor:
        """An uncoded party with the country of a place named right after it (مواقع في جنوب لبنان،
        مصنع عسكري شمال باكستان، مأدبة إفطار في بلدة بلدروز)."""
        if party.country or party.end is None:
            return party
        nxt = next((t for t in self.tokens if t.start >= party.end), None)
        if nxt is None:
            return party
        after_in = nxt.norm == normalize_word("في")
        place = next((x for x in self.article.entities if x.type in ("GPE", "LOC", "FAC") and x.country
                      and (x.start == nxt.start or (after_in and nxt.end < x.start <= nxt.end + 12))), None)
        if place is None:
            return party
        return Actor(self.article.text[party.start:place.end], party.name_en, place.country, party.sector,
                     party.start, place.end)

    def protest_target(self, trig: Trigger, exclude: list[Mention]) -> list[Actor]:
        """Whom a protest is against, anywhere later in the sentence: ضد الناتو، أمام السفارة الأردنية،
        هتافات مضادة لمحافظ مقديشو، تطالب برحيل باقييف، احتجاجا على رفض القضاء الإسرائيلي; every party
        so named (لمطالبة الأمين العام بالتدخل ومطالبة الحكومة الصينية بوقف القمع)."""
        out: list[Actor] = []
        for m in self.mentions:
            if m.joined or m in exclude or m.actor is None or (m.first < trig.last and m.prep != _AGAINST_ANYWHERE):
                continue  # ضد may also come first: 5 آلاف متظاهر ضد «الناتو» … تظاهر حوالي خمسة آلاف شخص
            k = m.first - 1
            while (prev := self.tok(k)) is not None and not prev.is_arabic and k > trig.last:
                k -= 1  # هتافات مضادة «للحكومة»
            against = prev is not None and any(st in _PROTEST_TARGET_CUES for _, st in stem_candidates(prev.norm))
            if m.prep in _PROTEST_TARGET_PREPS or against or self._objected_to(m.first):
                out += [a for a in self.actors_of(m) if a not in out]
        return out

    def _objected_to(self, k: int) -> bool:
        """احتجاجا على [رفض] X: X is what the protest objects to."""
        for j in (k - 1, k - 2):
            on, why = self.tok(j), self.tok(j - 1)
            if on is not None and why is not None and on.norm in _AGAINST and \
                    any(st in _OBJECTIONS for _, st in stem_candidates(why.norm)):
                return True
        return False
