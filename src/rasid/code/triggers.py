"""Event triggers: verbs in their inflections and event nouns, found through clitics and suffixes."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ..extract.lookup import first_words
from ..resources import read_tsv
from ..text.normalize import normalize_word
from ..text.tokenize import Token, stem_candidates

__all__ = ["TriggerEntry", "Trigger", "find_triggers"]

_SUFFIXES = ("هما", "هم", "ها", "ه", "هن", "نا")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    type: str
    mode: str | None
    cameo: str
    pos: str
    requires: frozenset[str]
    props: frozenset[str]     # required, genitive, place, context, happening, around, intransitive, passive:
                              # see event_triggers.tsv


@dataclass(frozen=True, slots=True)
class Trigger:
    """Trigger words ``tokens[first:last]`` (article token indices)."""

    first: int
    last: int
    entry: TriggerEntry
    future: bool              # marked by the future prefix سـ (سيزور)
    conjoined: bool = False   # carries the conjunction و/ف (وخطفوا): may share the previous verb's subject


def _verb_forms(past: str, present: str) -> list[str]:
    forms = [past, past + "ت", past + "وا", past + "ا", past + "تا"]
    if past.endswith("ي"):  # التقى -> التقت، التقوا
        forms += [past[:-1] + "ت", past[:-1] + "وا", past[:-1] + "يا"]
    if present.startswith("ي"):
        stem = present[1:]
        forms += [present, "ت" + stem, present + "ون", present + "ان", "ت" + stem + "ان", "ن" + stem]
        if present.endswith("ي"):
            forms += [present[:-1] + "ون", "ت" + stem[:-1] + "ون"]
    return forms


@cache
def _lexicon() -> tuple[dict[tuple[str, ...], TriggerEntry], int, dict[tuple[str, ...], TriggerEntry]]:
    """The trigger table (first entry of a form wins), its longest key, and the verb readings of the
    forms that are nouns too (خطف، قصف)."""
    table: dict[tuple[str, ...], TriggerEntry] = {}
    verbs: dict[tuple[str, ...], TriggerEntry] = {}
    for etype, mode, cameo, pos, forms, requires, props in read_tsv("lexicons/event_triggers.tsv"):
        entry = TriggerEntry(etype, mode or None, cameo, pos,
                             frozenset(normalize_word(w) for w in requires.split(",") if w),
                             frozenset(p for p in props.split(",") if p))
        if pos == "verb":
            past, present = (p.split() for p in forms.split("|"))
            words = [(f, *past[1:]) for f in _verb_forms(normalize_word(past[0]), normalize_word(present[0]))]
            words += [(f, *present[1:]) for f in _verb_forms(normalize_word(past[0]), normalize_word(present[0]))]
        else:
            words = [tuple(normalize_word(f).split()) for f in forms.split(",")]
        for w in words:
            key = tuple(normalize_word(x) for x in w)
            table.setdefault(key, entry)
            if pos == "verb":
                verbs.setdefault(key, entry)
    return table, max(len(k) for k in table), {k: verbs[k] for k, e in table.items() if e.pos == "noun" and k in verbs}


def _readings(word: str, taa_marbuta: bool = False) -> list[tuple[str, bool, str | None, bool]]:
    """Stems of a word: (stem, future, part of speech it may be, pronoun suffix removed), with clitics,
    the future prefix, the article and object pronouns removed (هاجمها -> هاجم, زيارته -> زيارة).
    ``taa_marbuta``: the word was written with final ة, which normalises to ه but is no pronoun
    (إصابة is a noun, not أصابه)."""
    out: list[tuple[str, bool, str | None, bool]] = []
    for prefix, stem in stem_candidates(word):
        behind_preposition = prefix and word[prefix - 1] in "بلك" and stem[:1] not in "يتن"
        out.append((stem, False, "noun" if behind_preposition else None, False))  # لدعم is a noun
        if len(stem) > 4 and stem[0] == "س" and stem[1] in "يتن":
            out.append((stem[1:], True, "verb", False))
        if stem.startswith("ال") and len(stem) > 4:
            out.append((stem[2:], False, "noun", False))
        if stem.endswith("ا") and len(stem) > 4 and not behind_preposition:
            out.append((stem[:-1], False, "noun", False))  # هجوما: the indefinite accusative
    more = []
    for stem, fut, pos, _ in out:
        for suf in _SUFFIXES:
            if stem.endswith(suf) and len(stem) - len(suf) >= 3 and not (taa_marbuta and suf == "ه"):
                base = stem[: -len(suf)]
                if pos != "noun":
                    more.append((base, fut, "verb", True))
                if base.endswith("ت") and pos != "verb":
                    more.append((base[:-1] + "ه", fut, "noun", True))
                elif pos != "verb":
                    more.append((base, fut, "noun", True))  # اغتياله، مقتلها
    return out + more


@lru_cache(maxsize=1 << 16)
def _trigger_readings(word: str, taa_marbuta: bool) -> tuple[tuple[str, bool, str | None, bool], ...]:
    """The readings of a word whose stem begins some trigger (cached: one tuple per word)."""
    firsts = first_words(_lexicon()[0])
    return tuple(r for r in _readings(word, taa_marbuta) if r[0] in firsts)


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    """Triggers among ``tokens`` (which must be contiguous article tokens), longest match first."""
    table, max_len, verbs = _lexicon()
    found: list[Trigger] = []
    i = 0
    while i < len(tokens):
        best = None
        readings = _trigger_readings(tokens[i].norm, tokens[i].text.endswith("ة"))
        rest = tuple(t.norm for t in tokens[i + 1:i + max_len]) if readings else ()
        for stem, future, pos, suffixed in readings:
            for n in range(len(rest), -1, -1):
                entry = table.get((stem, *rest[:n]))
                if entry and ((pos and entry.pos != pos) or (suffixed and "intransitive" in entry.props)):
                    continue
                if entry and pos is None and (stem, *rest[:n]) in verbs and rest[n:n + 1] \
                        and rest[n].endswith("ون"):
                    entry = verbs[(stem, *rest[:n])]  # خطف مسلحون: a nominative plural follows a verb, never a noun
                if entry and (best is None or n + 1 > best.last - best.first):
                    word = tokens[i].norm
                    conjoined = word[0] in "وف" and word[1:].startswith(stem[:2])
                    best = Trigger(tokens[i].i, tokens[i].i + n + 1, entry, future, conjoined)
                    break
        if best and best.entry.requires:
            near = tokens[i + (best.last - best.first):i + 6]
            if "around" in best.entry.props:  # خرج المتظاهرون، المتظاهرون خرجوا
                near = tokens[max(0, i - 6):i] + near
            window = {s for t in near for _, s in stem_candidates(t.norm)}
            window |= {w[2:] for w in window if w.startswith("ال")}
            if not window & best.entry.requires:
                best = None
        if best:
            found.append(best)
            i += best.last - best.first
        else:
            i += 1
    return found
