"""Quotes: direct (“…” «…» "…"), indirect (قال … إن …) and mixed, with their speakers."""
from __future__ import annotations

from functools import cache

from ..doc import Actor, Article, Quote
from ..resources import read_tsv
from ..text.normalize import normalize_word
from ..text.tokenize import Token, stem_candidates
from .actors import resolve_actor
from .entities import analysed_tokens, tokens_by_sentence

__all__ = ["find_quotes"]

_PAIRS = {"“": "”", "«": "»", '"': '"'}
_THAT = {normalize_word(w) for w in ("إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "بأنه", "بأنها")}
_NP_STOP = {normalize_word(w) for w in ("في", "خلال", "لدى", "يوم", "أمس", "اليوم", "أيضا", "إلى", "الى", ":", "،", ",", "-")}
_ABOUT = normalize_word("عن")
_MIN_DIRECT_WORDS = 3
_MAX_GAP = 6  # words between the speaker and إن/أن or the opening quote mark


@cache
def _cues() -> dict[str, str]:
    return {normalize_word(c): kind for c, kind in read_tsv("lexicons/speech_cues.tsv")}


def _cue(tok: Token) -> str | None:
    for _, stem in stem_candidates(tok.norm):
        kind = _cues().get(stem)
        if kind:
            return kind
    return None


def _speaker(article: Article, toks: list[Token], cue: int, limit: int) -> tuple[Actor | None, int]:
    """The speaker phrase after a speech verb at ``cue``; returns (actor, index after the phrase).

    "نقلت وسائل إعلام عن وزير الخارجية الإيراني عباس عراقجي قوله": the speaker is the person
    after عن, the outlet only relays.
    """
    j = cue + 1
    while j < limit and toks[j].norm not in _NP_STOP and toks[j].norm not in _THAT \
            and toks[j].norm not in _PAIRS and _cue(toks[j]) is None:
        j += 1
    phrase = (cue + 1, j)
    if j < limit and _cue(toks[j]) == "said":
        about = next((k for k in range(cue + 1, j) if toks[k].norm == _ABOUT), None)
        if about is not None:
            phrase = (about + 1, j)
        j += 1
    return resolve_actor(article, toks, *phrase), j


def _direct_spans(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of quoted passages (content only) inside [start, end)."""
    text, spans, i = article.text, [], start
    while i < end:
        close = _PAIRS.get(text[i])
        if close:
            j = text.find(close, i + 1, end)
            if j > i + 1:
                if len(text[i + 1:j].split()) >= _MIN_DIRECT_WORDS:
                    spans.append((i + 1, j))
                i = j
        i += 1
    return spans


def find_quotes(article: Article) -> Article:
    """Fill ``article.quotes``."""
    quotes: list[Quote] = []
    last_speaker: Actor | None = None
    for sent, toks in zip(article.sentences, tokens_by_sentence(article, analysed_tokens(article))):
        if sent.duplicate_of is not None or sent.heading:
            continue
        direct = _direct_spans(article, sent.start, sent.end)
        covered: list[tuple[int, int]] = []
        for k, tok in enumerate(toks):
            if _cue(tok) != "verb":
                continue
            speaker, j = _speaker(article, toks, k, len(toks))
            while j < len(toks) and toks[j].norm in _NP_STOP | {normalize_word("بيان"), normalize_word("تصريح")}:
                j += 1  # في بيان، يوم الأربعاء …
            gap = j + _MAX_GAP
            while j < min(gap, len(toks)) and toks[j].norm not in _THAT and toks[j].text not in _PAIRS:
                j += 1
            if j >= min(gap, len(toks)):
                continue
            speaker = speaker or last_speaker
            if toks[j].text in _PAIRS:
                span = next((d for d in direct if d[0] == toks[j].end), None)
                if span:
                    quotes.append(Quote(*span, "direct", speaker, tok.text, sent.i))
                    covered.append(span)
            elif toks[j].norm in _THAT and j + 1 < len(toks):
                s, e = toks[j + 1].start, sent.end
                if article.text[e - 1] in ".!؟?":
                    e -= 1
                kind = "mixed" if any(s <= a and b <= e for a, b in direct) else "indirect"
                quotes.append(Quote(s, e, kind, speaker, tok.text, sent.i))
                covered.append((s, e))
            else:
                continue
            last_speaker = speaker or last_speaker
        for a, b in direct:
            if not any(s <= a and b <= e for s, e in covered):
                # a quote whose cue follows it ("…"، قال فلان) or has none
                after = [t for t in toks if t.start >= b]
                cue = next((n for n, t in enumerate(after[:4]) if _cue(t) == "verb"), None)
                speaker = _speaker(article, after, cue, len(after))[0] if cue is not None else None
                if speaker is not None:
                    quotes.append(Quote(a, b, "direct", speaker, after[cue].text, sent.i))
    article.quotes = sorted(quotes, key=lambda q: q.start)
    return article
