"""The event-coding step: triggers -> PLOVER events with actors, recipients, date, place, flags.

For each trigger the sentence's actor mentions are read around it:
- a verb takes its subject after it (VSO) or just before it (SVO), its object after the subject,
  and a recipient through the prepositions its type allows (زار X Y، اجتمع X مع Y، هاجم X Y);
- a noun takes a nationality adjective (هجوم أمريكي), its genitive (زيارة بزشكيان، مقتل سليماني),
  a relative clause (الغزو الذي قادته الولايات المتحدة), بين X و Y, ل/على/إلى objects, and the
  subject of a light verb or future verb before it (نفذت إيران ضربات، بزشكيان يعتزم زيارة);
- a killing verb after الذي/التي reads as passive (سليماني الذي قُتل: the antecedent is the victim),
  other verbs as active (المسلحين الذين خطفوا الصحافي: the antecedent is the doer); a nested
  attack noun (في هجوم أمريكي بطائرة مسيرة) gives the actor and the mode;
- an attack's doer may also be named by an agent phrase (على يد مسلحين، من قبل ضباط), a claim
  (تبنت الحركة الهجوم) or a count before the verb (ثلاثون طالبا اقتحموا); its target by counted
  victims (قتل 30 شخصا، مقتل تسعة من رجال الشرطة، فأسفر عن ثمانية قتلى), who underwent or escaped it
  (نجا المحافظ من محاولة اغتيال) or the words it hit (صواريخ على الموقع), kept as uncoded text;
- a protest's crowd may be counted (تظاهر نحو مائة طالب) and its target named anywhere later in the
  sentence (ضد الناتو، أمام السفارة الأردنية، هتافات مضادة للحكومة، تطالب برحيل الرئيس).
Events about the same happening in one article (the headline and the body) are merged into one
event with several mentions, pooling the parties each mention names; a noun that recalls an event
as a time reference (عقب مقتل سليماني) only adds evidence to an event told elsewhere.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from ..doc import Actor, Article, Entity, Event, Flags, Quote
from ..extract.entities import analysed_tokens, tokens_by_sentence
from ..extract.lookup import match_at
from ..extract.times import parse_published
from ..resources import lexicon, read_tsv
from ..text.normalize import normalize_word
from ..text.tokenize import Token, stem_candidates
from .mentions import Mention, sentence_reading
from .ontology import ontology
from .parties import BLOCKING, NOT_TARGET, RELATIVE, SYMMETRIC, SentenceReader, cue
from .triggers import Trigger

__all__ = ["code_events", "event_flags", "event_date", "event_gloss", "merge_events"]

_ATTACKER_SECTORS = {"UAF", "REB", "MIL", "CRM"}
_BARE_TYPES = {"ASSAULT", "PROTEST", "COERCE"}
_QAD = {"قد", "وقد", "فقد", "لقد"}
_SPEAKER_PRONOUNS = {normalize_word(w) for w in ("أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأنه", "بأنها", "بأنهم")}
_CIRCUMSTANCE_WORDS = {normalize_word(w) for w in (
    "في", "خلال", "أثناء",  # في مظاهرة: the scene of another happening
    "قضية", "جريمة", "ملف", "سر", "وراء", "اتهامات", "تحقيق", "التحقيق", "إمكانية", "مخطط")}  # قضية اغتيال: a topic
_TIME_REFERENCES = {normalize_word(w) for w in ("بعد", "منذ", "عقب", "إثر", "أعقاب", "قبيل")}  # عقب مقتل سليماني
_RECIPIENT_PREPS = {
    "CONSULT": {"مع", "الي", "ب"}, "AGREE": {"مع"}, "COOPERATE": {"مع"}, "SUPPORT": {"ل"},
    "AID": {"ل", "الي"}, "RETREAT": {"من"}, "REQUEST": {"من", "الي"}, "ACCUSE": {"ب", "ضد"},
    "REJECT": set(), "THREATEN": {"ب", "ضد"}, "PROTEST": {"ضد", "علي", "امام", "حول", "الي"},
    "SANCTION": {"علي", "ضد"}, "MOBILIZE": {"علي", "ضد"}, "COERCE": {"علي", "ضد"},
    "ASSAULT": {"علي", "ضد", "ل", "ب"},
}
_BETWEEN = normalize_word("بين")
_FROM, _TO = normalize_word("من"), normalize_word("إلى")
_FUNCTION_OF = {normalize_word(w) for w in ("مكافحة",)}  # قوات مكافحة الشغب: a force, not a riot
_ATTACK_NOUNS = {normalize_word(w) for w in ("هجوم", "ضربة", "غارة", "قصف", "هجمات", "غارات", "ضربات")}
_HISTORICAL_DAYS = 60
_RESUMPTIVE = ("ه", "ها", "هم", "هما", "هن")  # قادته، يرتكبها: a pronoun referring back


@cache
def _modes() -> dict[tuple[str, ...], tuple[str, str]]:
    return {tuple(normalize_word(p).split()): (t, m) for p, t, m in read_tsv("lexicons/event_modes.tsv")}


@dataclass(slots=True)
class _Draft:
    trigger: Trigger
    sentence: int
    actors: list[Actor]
    recipients: list[Actor]
    mode: str | None
    span: tuple[int, int]
    reference: bool = False   # عقب مقتل سليماني: recalls an event as a time reference
    subject: list[Actor] = field(default_factory=list)  # a verb's own subject, shared with a conjoined verb


class _SentenceCoder(SentenceReader):
    """Codes the triggers of one sentence."""

    def __init__(self, article: Article, tokens: list[Token], mentions: list[Mention], sentence: int,
                 previous_subject: Actor | None, pair: tuple[Actor, Actor] | None, quote: Quote | None,
                 verb_subject: Sequence[Actor] = ()) -> None:
        super().__init__(article, tokens, mentions, pair)
        self.sentence, self.previous_subject, self.quote = sentence, previous_subject, quote
        self.verb_subject = list(verb_subject)  # the subject of the sentence's previous verb trigger
        self.absorbed: set[int] = set()

    # --- arguments -----------------------------------------------------------------------
    def recipients_by_prep(self, etype: str, start: int, exclude: list[Mention]) -> list[Actor]:
        end = self.clause_end(start)
        for m in self.after(start, end - start):
            if m not in exclude and self._receives(m, etype):
                return self.actors_of(m)
        return []

    def later_object(self, start: int, used: list[Mention]) -> list[Actor]:
        """The first named party of a known country without a preposition later in the clause: the
        object of a verb whose subject carries a long string of titles."""
        end = self.clause_end(start)
        m = next((m for m in self.after(start, end - start) if m.prep is None and m not in used
                  and m.kind in ("entity", "title") and m.actor is not None and m.actor.country
                  and not self._is_place(m)), None)
        return self.actors_of(m) if m is not None else []

    def _receives(self, m: Mention, etype: str) -> bool:
        """Whether a mention's preposition makes it a recipient of an event of ``etype`` (هجوم على
        الجيش), not a place (تفجير بإسلام أباد: where, not whom)."""
        return m.prep in _RECIPIENT_PREPS.get(etype, set()) and not (m.prep == "ب" and self._is_place(m))

    def code(self, trig: Trigger) -> _Draft | None:
        entry = trig.entry
        self.etype = entry.type
        actors: list[Actor] = []
        recipients: list[Actor] = []
        used: list[Mention] = []
        guessed = False  # the actor is the sentence's first party or the previous subject, not the verb's own
        subject_end = 0  # where an uncoded subject after the verb ends
        prev = self.tok(trig.first - 1)
        relative = prev is not None and prev.norm in RELATIVE
        # سليماني الذي قُتل: after الذي a killing verb reads as passive, its antecedent the victim;
        # المسلحين الذين خطفوا الصحافي: other verbs are active, their antecedent the doer
        passive = relative and "passive" in entry.props
        if between := self._between(trig):
            actors, recipients = between
        elif entry.pos == "verb":
            # a plural transitive verb (اقتحموا، يهاجمون) agrees with a subject told before it: what
            # follows is its object (an intransitive one's is a circumstance: خرجوا متظاهرين)
            agrees = "intransitive" not in entry.props and self.tok(trig.last - 1).norm.endswith(("وا", "ون"))
            subject = None if agrees else next((m for m in self.after(trig.last, 6)
                                                if m.prep is None and not self._governed(trig.last, m.first)), None)
            svo = next((m for m in self.before(trig.first, 0) if m.prep is None and not self._town(m)), None)
            if svo is not None and not passive:  # الرئيس الإيراني يزور العراق / إن بزشكيان زار
                subject = svo
            if relative and not passive and not self.tok(trig.last - 1).norm.endswith(_RESUMPTIVE):
                ante = self.before(trig.first - 1, 3)  # الهجوم الذي استهدف القنصلية: what follows is the object
                subject = ante[-1] if ante else None
            if passive:
                ante = self.before(trig.first - 1, 3)
                recipients = self.actors_of(ante[-1]) if ante else []
            elif subject is not None:
                actors, used = self.actors_of(subject), [subject]
            elif (pre := self._subject_before(trig)) is not None:
                actors, used = self.actors_of(pre), [pre]
            if not passive:
                start = max(used[0].last, trig.last) if used else trig.last
                obj = next((m for m in self.after(start, 3) if m.prep is None and m not in used), None)
                recipients = self.actors_of(obj) if obj else self.recipients_by_prep(entry.type, start, used)
                if not recipients and used and "required" in entry.props:  # استقبل الأمير … ولي العهد وزير الدفاع
                    recipients = self.later_object(start, used)    # في جدة أمس وزيرَ الخارجية الأمريكي
            if not actors and not passive and entry.type == "PROTEST":
                actors = self.crowd(trig)  # تظاهر نحو مائة طالب
            if not actors and not passive and entry.type == "ASSAULT" and "passive" not in entry.props:
                actors = self.crowd(trig, after=False)  # ثلاثون طالبا اقتحموا عيادة
                if not actors and (named := self.subject_word(trig)) is not None:
                    actors, subject_end = [named], named.end  # فجرت الجبهة ثلاث سيارات
            if not actors and not passive and trig.conjoined and self.verb_subject:
                actors = list(self.verb_subject)  # اقتحم مسلحون مهبطا وخطفوا أربعة: one subject, two verbs
            if not actors and not passive:
                first = next((m for m in self.mentions if m.prep is None and m.last <= trig.first
                              and m.actor is not None and m.actor.country
                              and not (entry.type == "ASSAULT" and self._town(m))), None)
                actors = self.actors_of(first) if first else ([self.previous_subject] if self.previous_subject else [])
                guessed = True
        else:
            actors, recipients = self._noun_arguments(trig)
            if (k := self.cue_near(trig, "received", 4)) is not None:
                actors, recipients = self._received(trig, k) or (actors, recipients)
            if not recipients and entry.mode == "visit" and (arrival := self._arrival(trig)) is not None:
                actors, recipients = arrival
        nested_actor, mode = self._nested(trig)
        if nested_actor and entry.type == "ASSAULT" and entry.pos == "verb" and actors:
            # قُتل قائد في هجوم أمريكي: the subject was the victim
            actors, recipients = [], recipients if guessed else actors + recipients
        if nested_actor and not actors:
            actors = [nested_actor]
        if not actors and entry.type == "ASSAULT" and (own := self.mention_at(trig.first)) is not None \
                and own.actor is not None and own.actor.sector in _ATTACKER_SECTORS:
            actors = [own.actor]  # انتحاري، مسلحون: the trigger word names the attacker
        if self.quote is not None and not actors and self.quote.speaker and (
                entry.type in ("ACCUSE", "REQUEST", "REJECT", "THREATEN") or self._speaker_is_subject(trig)):
            actors = [self.quote.speaker]
        if entry.type == "PROTEST":
            recipients += [a for a in self.protest_target(trig, used) if a not in recipients]
        if len(actors) > 1 and not recipients and entry.type in SYMMETRIC | {"ASSAULT"}:
            actors, recipients = actors[:1], actors[1:]
        actors = [a for a in actors if a is not None]
        recipients = [r for r in recipients if r is not None and not any(_same(r, a) for a in actors)]
        if not recipients and entry.type == "ASSAULT":
            recipients = self.victims(trig, max([a.end for a in actors if a.end is not None], default=0))
        if entry.type == "ASSAULT" and (not actors or guessed):
            actors = self.agent(trig) or self.claimed_by(trig) or actors
        if entry.type == "ASSAULT" and not actors:
            actors = self.assailant(recipients)
        if entry.type == "ASSAULT" and not recipients:
            recipients = self.undergone_by(trig)
        if not actors and not recipients and not self._bare_event(trig):
            return None
        if entry.pos == "noun" and entry.type in _BARE_TYPES and self._circumstance(trig):
            return None
        if entry.pos == "noun" and self.cue_near(trig, "copula", 4) is not None:
            return None  # يعد ضربة قوية للحكومة: a predicate, not a happening
        if "happening" in entry.props and not self._said_to_happen(trig):
            return None  # مظاهرات، أعمال شغب: named as a topic unless a verb says they took place
        if (prev := self.tok(trig.first - 1)) is not None and prev.norm in _FUNCTION_OF:
            return None
        if "around" in entry.props and relative:
            return None  # المتظاهرون الذين تجمعوا: describes the crowd of another clause
        if ("required" in entry.props or ontology().needs_recipient(entry.type)) and not recipients:
            return None
        if entry.type == "ASSAULT":  # what it hit, beside whom it killed (فجرا نفسيهما أمام مصنع … مقتل 59 شخصا)
            recipients += [t for t in self.target(trig, used, subject_end, objects=not recipients)
                           if not any(_overlap(t, p) for p in actors + recipients)]
            recipients += self.members(recipients)
        if not recipients and actors and entry.type == "ASSAULT":
            place = self._place(trig, exclude={a.country for a in actors})
            if place is not None and place.country:
                recipients = [Actor(place.text, place.name_en, place.country, None, place.start, place.end)]
        spans = [(a.start, a.end) for a in actors + recipients if a.start is not None]
        first_tok, last_tok = self.tok(trig.first), self.tok(trig.last - 1)
        spans.append((first_tok.start, last_tok.end))
        span = (min(s for s, _ in spans), max(e for _, e in spans))
        reference = entry.pos == "noun" and (prev := self.tok(trig.first - 1)) is not None \
            and prev.norm in _TIME_REFERENCES and not self._said_to_happen(trig)
        own = entry.pos == "verb" and not passive and not guessed
        return _Draft(trig, self.sentence, actors, recipients, mode or entry.mode, span, reference,
                      actors if own else [])

    def _received(self, trig: Trigger, cue_at: int) -> tuple[list[Actor], list[Actor]] | None:
        """تلقى الرئيس المصري اتصالا هاتفيا من نظيره الفرنسي: the one it came from (من) did it, the
        subject of تلقى received it."""
        end = self.clause_end(trig.last)
        sender = next((m for m in self.after(trig.last, end - trig.last) if m.prep == _FROM), None)
        receiver = next((m for m in self.mentions if cue_at < m.first < trig.first and m.prep is None), None) \
            or next((m for m in self.before(cue_at, 4) if m.prep is None), None)
        if sender is None or receiver is None:
            return None
        return self.actors_of(sender), self.actors_of(receiver)

    def _arrival(self, trig: Trigger) -> tuple[list[Actor], list[Actor]] | None:
        """وصل رئيس الوزراء العراقي إلى طهران في زيارة رسمية: a visit noun after "to X" has X as its
        host and the traveller, the subject before it, as its actor."""
        dest = next((m for m in reversed(self.before(trig.first, 3)) if m.prep == _TO), None)
        went = self.cue_near(trig, "arrival", 10)  # وصل، توجه: not دعوة إلى الوزير لزيارة، تأشيرة دخول إلى
        if dest is None or went is None or went > dest.first:
            return None
        who = next((m for m in reversed(self.before(dest.first, 6)) if m.prep is None), None)
        return (self.actors_of(who) if who else []), self.actors_of(dest)

    def _speaker_is_subject(self, trig: Trigger) -> bool:
        """أكد الحلف أنه قتل 150 مسلحا: the pronoun after أن is the speaker, the subject of the verb."""
        prev = self.tok(trig.first - 1)
        return prev is not None and prev.norm in _SPEAKER_PRONOUNS

    def _bare_event(self, trig: Trigger) -> bool:
        """Whether a violent or contentious happening stands without named parties: a verb
        (قتل نحو 80 شخصا، خطفوا 14 شخصا), or a specific noun with a toll or a place."""
        entry = trig.entry
        if entry.type not in _BARE_TYPES or "context" in entry.props:
            return False
        if entry.pos == "verb":
            return True
        if self._said_to_happen(trig):
            return True
        if self._definite(trig):
            return False  # الهجوم، الاغتيال: a definite noun refers back to an event told elsewhere
        s, e = self.tokens[0].start, self.tokens[-1].end
        return any(s <= q.start < e for q in self.article.quantities) or \
            any(s <= x.start < e and x.type in ("GPE", "LOC", "FAC") for x in self.article.entities)

    def _said_to_happen(self, trig: Trigger) -> bool:
        """A verb next to an event noun says that it took place (اندلعت مظاهرات، شن هجوما، هجوما نُفذ)."""
        return any((t := self.tok(k)) is not None and cue(t) in ("happening", "light")
                   for k in (trig.first - 2, trig.first - 1, trig.last, trig.last + 1, trig.last + 2))

    def _performed(self, trig: Trigger) -> bool:
        """وقامت الجماعة في ديسمبر 2005 بخطف تسعة جنود: a light verb earlier in the clause (قام … بـ)
        says the noun's event was done."""
        for k in range(trig.first - 1, max(self.base, trig.first - 10) - 1, -1):
            t = self.tok(k)
            if t.text in "،.؛;:":
                return False
            if cue(t) == "light":
                return True
        return False

    def _circumstance(self, trig: Trigger) -> bool:
        """A noun that sets the scene or gives the motive of another happening, not an event told
        for itself: في مظاهرة أقيمت، للاحتجاج، بمظاهرات، احتجاجا على (unless said to happen)."""
        if self._said_to_happen(trig):
            return False
        word = self.tok(trig.first).norm
        p, _ = stem_candidates(word)[-1]
        prev = self.tok(trig.first - 1)
        if p > 0 and word[p - 1] == "ب" and self._performed(trig):
            return False
        return (p > 0 and word[p - 1] in "بل") or (prev is not None and prev.norm in _CIRCUMSTANCE_WORDS) \
            or (trig.last - trig.first == 1 and word.endswith("ا") and not word.endswith(("ها", "هما", "نا")))

    def _between(self, trig: Trigger) -> tuple[list[Actor], list[Actor]] | None:
        """الحرب بين إسرائيل وحماس: the first side acts, the second receives."""
        for m in self.after(trig.last, 3):
            if m.prep == _BETWEEN:
                both = self.actors_of(m)
                if len(both) >= 2:
                    return both[:1], both[1:]
        return None

    def _noun_arguments(self, trig: Trigger) -> tuple[list[Actor], list[Actor]]:
        lex = lexicon()
        entry = trig.entry
        actors: list[Actor] = []
        recipients: list[Actor] = []
        nxt = self.tok(trig.last)
        if nxt is not None:
            demonym = lex.demonyms.get(nxt.norm)
            if demonym is not None:  # هجوم أمريكي
                actors = [Actor(nxt.text, demonym.name_en, demonym.country, None, nxt.start, nxt.end)]
        genitive = self.mention_at(trig.last) if not actors else None
        if genitive is not None and genitive.prep is not None:
            genitive = None
        end = self.clause_end(trig.last)
        later = [m for m in self.after(trig.last + 1) if m is not genitive and m.first < end]
        obj = next((m for m in later if self._receives(m, entry.type)), None)
        if genitive is not None:
            is_place = genitive.actor is not None and genitive.kind == "entity" and genitive.actor.sector is None \
                and not (genitive.actor.start is not None and self._is_person_or_org(genitive))
            if "place" in entry.props:
                pass  # حرب غزة: where, not against whom
            elif obj is not None and obj.prep == "ل":  # مهاجمة فصائل … لقوات أمريكية
                actors = self.actors_of(genitive)
            elif "genitive" in entry.props or (obj is None and is_place):
                recipients = self.actors_of(genitive)
            else:
                actors = self.actors_of(genitive)
        relative = self._relative_subject(trig)
        if relative is not None:
            if entry.type == "ACCUSE":
                recipients = recipients or [relative]
            else:
                actors = actors or [relative]
        if obj is not None and not recipients:
            recipients = self.actors_of(obj)
        if not actors and (pre := self._subject_before(trig)) is not None:
            actors = self.actors_of(pre)
        return actors, recipients

    def _governed(self, start: int, end: int) -> bool:
        """Whether a preposition stands between two tokens (تظاهر المئات احتجاجا على قرار الحكومة): what
        follows it is no subject."""
        return any(self.tok(k).norm in BLOCKING for k in range(start, end))

    def _definite(self, trig: Trigger) -> bool:
        """Whether the trigger noun is definite (الهجوم): it refers back to an event told elsewhere."""
        return any(stem.startswith("ال") for _, stem in stem_candidates(self.tok(trig.first).norm)[-1:])

    def _subject_before(self, trig: Trigger) -> Mention | None:
        """A subject shortly before the trigger with nothing governing in between
        (نفذت فيها إيران ضربات، بزشكيان يعتزم زيارة; not عانى العراق من تصاعد الهجمات)."""
        pre = [m for m in self.before(trig.first, 4) if m.prep is None and m.actor is not None and (
            m.actor.country or (self.etype == "ASSAULT" and m.actor.sector in _ATTACKER_SECTORS))
            and not (self.etype == "ASSAULT" and self._town(m))]
        if not pre:
            return None
        between = {self.tok(k).norm for k in range(pre[-1].last, trig.first)}
        return None if between & BLOCKING else pre[-1]

    def _entity(self, m: Mention) -> Entity | None:
        if m.kind != "entity" or m.actor is None:
            return None
        return next((e for e in self.article.entities if e.start == m.actor.start), None)

    def _is_place(self, m: Mention) -> bool:
        return (ent := self._entity(m)) is not None and ent.type in ("GPE", "LOC", "FAC")

    def _town(self, m: Mention) -> bool:
        """A town or province (not a country, nor a capital standing for its government: قصفت إسرائيل،
        رد طهران) named without a link to the verb: where an attack happened rather than who made it."""
        return (ent := self._entity(m)) is not None and ent.type == "GPE" and m.actor.sector is None \
            and lexicon().key(ent.text) not in lexicon().countries

    def _is_person_or_org(self, m: Mention) -> bool:
        return any(e.start == m.actor.start and e.type in ("PER", "ORG", "NORP") for e in self.article.entities)

    def _relative_subject(self, trig: Trigger) -> Actor | None:
        """الغزو الذي قادته الولايات المتحدة / الجرائم التي يرتكبها النظام الصهيوني: the relative clause's verb
        refers back to the event with a pronoun, so the party after it is its subject (in «الهجوم الذي
        استهدف مركز شرطة» the party is the object)."""
        for k in range(trig.last, min(trig.last + 3, self.base + len(self.tokens))):
            if self.tok(k).norm in RELATIVE:
                verb = self.tok(k + 1)
                if verb is None or not verb.norm.endswith(_RESUMPTIVE):
                    return None
                m = next((m for m in self.after(k + 1, 3) if m.prep is None), None)
                return m.actor if m else None
        return None

    def _nested(self, trig: Trigger) -> tuple[Actor | None, str | None]:
        """في هجوم أمريكي بطائرة مسيرة: the actor of a nested attack noun, and an instrument mode."""
        actor, mode = None, None
        end = self.clause_end(trig.last)
        for k in range(trig.last, end):
            tok = self.tok(k)
            if tok is None:
                break
            m = match_at(_modes(), self.tokens, k - self.base, self.article.norm, 3)
            if m is not None and m.value[0] == trig.entry.type and mode is None:
                mode = m.value[1]
            demonym = lexicon().demonyms.get(tok.norm)
            if actor is None and demonym is not None and k > trig.last:
                noun = next((j for j in (k - 1, k - 2) if j >= self.base and
                             any(s in _ATTACK_NOUNS for _, s in stem_candidates(self.tok(j).norm))), None)
                if noun is not None:  # هجوم أمريكي، ضربة جوية أمريكية: the country's military attacked
                    actor = Actor(tok.text, demonym.name_en, demonym.country, "MIL", tok.start, tok.end)
                    self.absorbed.add(noun)
        return actor, mode

    def _location(self, trig: Trigger, draft: _Draft) -> Entity | None:
        """Where it happened: a place governed by في in the trigger's clause, else a place recipient."""
        trig_pos = self.tok(trig.first).start
        clause_end = self.tok(self.clause_end(trig.last) - 1).end if self.clause_end(trig.last) > trig.last else trig_pos
        for e in self.article.entities:
            if e.type in ("GPE", "LOC", "FAC") and trig_pos < e.start <= clause_end and \
                    self.article.text[max(0, e.start - 3):e.start].strip().endswith("في"):
                return e
        for r in draft.recipients:
            place = next((e for e in self.article.entities if e.start == r.start and e.type in ("GPE", "LOC", "FAC")), None)
            if place is not None:
                return place
        return None

    def _place(self, trig: Trigger, exclude: set[str | None] = frozenset()) -> Entity | None:
        """Where: a place governed by في in the clause, else the nearest place in the sentence."""
        s_start, s_end = self.tokens[0].start, self.tokens[-1].end
        places = [e for e in self.article.entities if s_start <= e.start < s_end and e.type in ("GPE", "LOC", "FAC")
                  and e.country is not None and e.country not in exclude
                  and normalize_word(self.article.text[:e.start].split()[-1] if self.article.text[:e.start].split() else "")
                  not in NOT_TARGET]
        if not places:
            return None
        trig_pos = self.tok(trig.first).start
        after = [e for e in places if e.start > trig_pos and self.article.text[max(0, e.start - 3):e.start].strip().endswith("في")]
        return after[0] if after else min(places, key=lambda e: abs(e.start - trig_pos))


def _overlap(a: Actor, b: Actor) -> bool:
    return a.start is not None and b.start is not None and a.start < b.end and b.start < a.end


def _same(a: Actor, b: Actor) -> bool:
    return a.country == b.country and a.sector == b.sector and a.country is not None


def _perfect_qad(tokens: list[Token], k: int) -> bool:
    """قد before a past verb marks a completed act (قد ذكروا، وكان قد قُتل), not a possibility (قد يقتل)."""
    if tokens[k].norm not in _QAD or k + 1 >= len(tokens):
        return False
    return tokens[k + 1].norm[:1] not in "يتن"


def event_flags(tokens: list[Token], trig: Trigger, when: str | None, pub: date | None) -> Flags:
    """Future, negated, hypothetical from cue words before the trigger; historical from cues or the date."""
    flags = Flags(future=trig.future)
    k = next(n for n, t in enumerate(tokens) if t.i == trig.first)
    for d in range(1, 5):
        if k - d < 0:
            break
        role = cue(tokens[k - d])
        if role == "future" and d <= 3:
            flags.future = True
        elif role == "negated" and (d <= 2 or (d == 3 and tokens[k - 1].norm == "اي")):
            flags.negated = True  # لم يقتل، لم تسجل أي اشتباكات
        elif role == "hypothetical" and not _perfect_qad(tokens, k - d):
            flags.hypothetical = True
        elif len(tokens[k - d].norm) > 2 and tokens[k - d].norm[0] == "س" and tokens[k - d].norm[1] in "يت" and d <= 2:
            flags.future = True  # ستشمل توقيع
    if any(cue(t) == "historical" for t in tokens[k:k + 8]):
        flags.historical = True
    if when and pub and not flags.future:
        try:
            y = int(when[:4])
            m = int(when[5:7]) if len(when) >= 7 and when[5:7].isdigit() else 12
            d = int(when[8:10]) if len(when) >= 10 else 28
            flags.historical = flags.historical or (pub - date(y, m, min(d, 28))).days > _HISTORICAL_DAYS
        except ValueError:
            pass
    return flags


def event_date(article: Article, sent_start: int, sent_end: int, trig_pos: int, flags_future: bool, pub: date | None,
          heading: bool) -> str | None:
    """The nearest time in the sentence; else the publication date for a report in the body."""
    times = [t for t in article.times if sent_start <= t.start < sent_end and t.value and not t.value.startswith("X")]
    if times:
        return min(times, key=lambda t: abs(t.start - trig_pos)).value
    if pub is not None and not flags_future and not heading:
        return pub.isoformat()
    return None


def _attribution(article: Article, tokens: list[Token], quote: Quote | None) -> Actor | None:
    if quote is not None:
        return quote.speaker
    for k, t in enumerate(tokens):
        if cue(t) == "source" and k + 1 < len(tokens):
            first = tokens[k + 1]
            s = first.start + (1 if first.norm[:1] == "ل" and len(first.norm) > 3 else 0)  # لمصادر
            e = tokens[min(k + 4, len(tokens)) - 1].end
            text = article.text[s:e].rstrip(".،")
            return Actor(text, None, None, None, s, s + len(text))
    return None


def _main_pair(seen: dict[str, list[Actor]]) -> tuple[Actor, Actor] | None:
    """The two countries mentioned most so far: what البلدين and الجانبين refer to."""
    top = sorted(seen.items(), key=lambda kv: -len(kv[1]))[:2]
    if len(top) < 2:
        return None
    return top[0][1][0], top[1][1][0]


def _codes(actors: list[Actor]) -> str:
    return " + ".join(f"{a.code}" + (f" ({a.name_en})" if a.name_en else "") for a in actors) or "?"


def _sides(ev: Event) -> tuple[frozenset, frozenset]:
    return (frozenset(x.country for x in ev.actors if x.country),
            frozenset(x.country for x in ev.recipients if x.country))


def _same_happening(a: Event, b: Event) -> bool:
    """Same type, mode of consultation and flags; the same sides (either way round for symmetric
    types; within one sentence a missing side agrees with anything); dates that agree."""
    if (a.type, a.flags.future, a.flags.negated) != (b.type, b.flags.future, b.flags.negated):
        return False
    if a.type == "CONSULT" and a.mode != b.mode:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    (aa, ar), (ba, br) = _sides(a), _sides(b)
    if a.sentence == b.sentence and a.actors and b.actors and not {x.text for x in a.actors} & {x.text for x in b.actors}:
        return False  # تظاهر نحو 15 شخصا … وتظاهر نحو مائة طالب: two crowds, two protests
    if a.sentence == b.sentence and (not aa or not ba or aa == ba) and (not ar or not br or ar == br):
        return True
    if (aa, ar) == (ba, br) and (aa or ar):
        return True
    return a.type in SYMMETRIC and (aa, ar) == (br, ba) and bool(aa and ar)


def _joined(ours: list[Actor], theirs: list[Actor], places: set[tuple[int, int]]) -> list[Actor]:
    """The parties two mentions of one happening name: each mention may name a different one
    (قتل 18 شخصا … في انفجار سيارة يقودها انتحاري); a party named twice counts once, and a bare
    place (``places``: the span of where an attack happened, its fallback recipient) only when nothing else is."""
    if not ours:
        return theirs
    return ours + [a for a in theirs if not any(_same(a, b) or a.text == b.text for b in ours)
                   and (a.start, a.end) not in places]


def _merge(events: list[Event], places: set[tuple[int, int]], references: Sequence[Event] = ()) -> list[Event]:
    """One event per happening, with the evidence of every mention. ``references`` (بعد مقتل سليماني)
    only add evidence to an event told elsewhere in the article; alone they are no event."""
    out: list[Event] = []
    for ev, recalled in [(e, False) for e in events] + [(e, True) for e in references]:
        twin = next((o for o in out if _same_happening(o, ev)), None)
        if twin is None:
            if not recalled:
                out.append(ev)
            continue
        twin.mentions.extend(ev.mentions)
        twin.actors = _joined(twin.actors, ev.actors, places)
        twin.recipients = _joined(twin.recipients, ev.recipients, places)
        if twin.mode is None and ev.mode is not None:
            twin.mode, twin.cameo, twin.goldstein = ev.mode, ev.cameo, ev.goldstein
        if (twin.date is None or len(ev.date or "") > len(twin.date)) and ev.date:
            twin.date = ev.date
        twin.flags.historical = twin.flags.historical and ev.flags.historical
        if ev.confidence is not None and (twin.confidence is None or ev.confidence > twin.confidence):
            twin.confidence = ev.confidence
    return out


def code_events(article: Article) -> Article:
    """Fill ``article.events``."""
    pub = parse_published(article.published)
    events: list[Event] = []
    references: list[Event] = []
    previous_subject: Actor | None = None
    seen: dict[str, list[Actor]] = {}
    for sent, stoks in zip(article.sentences, tokens_by_sentence(article, analysed_tokens(article))):
        if sent.duplicate_of is not None:
            continue
        if not stoks:
            continue
        triggers, mentions = sentence_reading(article, sent.i, stoks)
        if not triggers:
            continue
        coder_quotes = [q for q in article.quotes if q.sentence == sent.i]
        absorbed: set[int] = set()
        verb_subject: list[Actor] = []
        for trig in triggers:
            if trig.first in absorbed:
                continue
            pos = article.tokens[trig.first].start
            quote = next((q for q in coder_quotes if q.start <= pos < q.end), None)
            coder = _SentenceCoder(article, stoks, mentions, sent.i, previous_subject, _main_pair(seen), quote,
                                   verb_subject)
            draft = coder.code(trig)
            absorbed |= coder.absorbed
            if draft is None:
                continue
            verb_subject = draft.subject or verb_subject
            entry = trig.entry
            coding = ontology().coding(entry.type, draft.mode, entry.cameo if draft.mode == entry.mode else None)
            flags = event_flags(stoks, trig, None, pub)
            when = None if flags.future else event_date(article, sent.start, sent.end, pos, flags.future, pub, sent.heading)
            flags = event_flags(stoks, trig, when, pub)
            if (flags.historical or draft.reference) and when == (pub.isoformat() if pub else None):
                when = None  # a recalled event did not happen on the day of the report
            place = coder._location(trig, draft)
            ev = Event(entry.type, draft.mode, coding.cameo, coding.goldstein, coding.quad_class,
                       draft.actors, draft.recipients, when, place, flags, sent.i, draft.span,
                       (article.tokens[trig.first].start, article.tokens[trig.last - 1].end),
                       _attribution(article, stoks, quote))
            ev.mentions = [{"sentence": sent.i, "start": draft.span[0], "end": draft.span[1]}]
            (references if draft.reference else events).append(ev)
        for m in mentions:
            if m.actor is not None and m.actor.country:
                seen.setdefault(m.actor.country, []).append(m.actor)
        towns = _SentenceCoder(article, stoks, mentions, sent.i, None, None, None)._town
        subj = next((m.actor for m in mentions if m.prep is None and m.actor and m.actor.country
                     and not towns(m)), None)  # a town is where things happen, not who acts next
        previous_subject = subj or previous_subject
    events = _merge(events, {(e.start, e.end) for e in article.entities if e.type in ("GPE", "LOC", "FAC")}, references)
    for ev in events:
        ev.gloss = event_gloss(ev)
    article.events = events
    return article


def event_gloss(ev: Event) -> str:
    """One line: actors — TYPE/mode → recipients, date [flags]."""
    mode = f"/{ev.mode}" if ev.mode else ""
    when = f", {ev.date}" if ev.date else ""
    flags = [k for k in ("historical", "future", "hypothetical", "negated") if getattr(ev.flags, k)]
    return (f"{_codes(ev.actors)} — {ev.type}{mode} → {_codes(ev.recipients)}{when}"
            + (f" [{', '.join(flags)}]" if flags else ""))


def merge_events(events: list[Event], places: set[tuple[int, int]], same_sentence_only: bool = False) -> list[Event]:
    """One event per happening (see ``_same_happening``); with ``same_sentence_only`` only reports in one
    sentence are merged."""
    if not same_sentence_only:
        return _merge(events, places)
    out: list[Event] = []
    for s in sorted({ev.sentence for ev in events}):
        out += _merge([ev for ev in events if ev.sentence == s], places)
    return sorted(out, key=lambda ev: ev.evidence[0])
