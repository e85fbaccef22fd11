"""Named entities: lexicon matches, the CRF tagger, titles, and within-article linking.

Order of precedence: a lexicon phrase (places, organisations, known people, aliases) wins over the
tagger; the tagger adds names the lexicons do not know; a title phrase before a person gives
its country and sector (الرئيس الإيراني مسعود بزشكيان -> IRN GOV); a surname met elsewhere in
the article links to the full name (بزشكيان -> مسعود بزشكيان).
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache
from itertools import takewhile

from ..doc import Article, Entity
from ..resources import LexEntry, lexicon, read_tsv
from ..text.normalize import normalize_word
from ..text.spans import Cover
from ..text.tokenize import Token, stem_candidates
from .lookup import Match, find_all, match_at, phrase_starts
from .ner import tagger

__all__ = ["find_entities", "analysed_tokens", "tokens_by_sentence", "title_before"]

_NAME_LINKS = {normalize_word(w) for w in ("بن", "ابن", "أبو", "عبد", "آل", "ولد")}
_FAC_HEADS = {normalize_word(w): w for w in "مطار ميناء سجن معبر جسر مستشفى قاعدة".split()}
_NAME_STOP = {normalize_word(w) for w in (
    "في من الى إلى على عن مع أن إن ان قال قالت الذي التي يوم أمس اليوم خلال بعد قبل و ،".split())}


def analysed_tokens(article: Article) -> list[Token]:
    """Tokens outside headings that repeat and outside duplicate lines."""
    skip = Cover((s.start, s.end) for s in article.sentences if s.duplicate_of is not None)
    if not skip:
        return list(article.tokens)
    return [t for t in article.tokens if t.start not in skip]


def tokens_by_sentence(article: Article, tokens: list[Token]) -> list[list[Token]]:
    """``tokens`` (in text order) grouped by sentence, one list per sentence of the article, in one pass."""
    groups: list[list[Token]] = []
    k = 0
    for sent in article.sentences:
        group = []
        while k < len(tokens) and tokens[k].start < sent.end:
            if tokens[k].start >= sent.start:
                group.append(tokens[k])
            k += 1
        groups.append(group)
    return groups


def _entity(article: Article, start: int, end: int, entry: LexEntry, source: str) -> Entity:
    return Entity(start, end, article.text[start:end], entry.type or "MISC", entry.name_en,
                  entry.country, entry.sector, None, source)


def _overlaps(entities: list[Entity], start: int, end: int) -> bool:
    return any(e.start < end and start < e.end for e in entities)


def _tagged_place(m: Match[LexEntry], tagged: list[Entity]) -> bool:
    return any(e.start < m.end and m.start < e.end and e.type in ("GPE", "LOC") for e in tagged)


def _bare(word: str) -> str:
    """A word without diacritics and tatweel, its letters kept (وجده "he found it" is not وجدة)."""
    return "".join(ch for ch in word if not ("\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"))


def _listed_together(tokens: list[Token], a: Match[LexEntry], b: Match[LexEntry]) -> bool:
    """Two names side by side in a list: only a comma between them, or the second joined by و
    (الدمام، الخبر، القطيف · مالي والنيجر)."""
    first, second = (a, b) if a.first < b.first else (b, a)
    between = tokens[first.last:second.first]
    if len(between) > 1 or any(t.is_word for t in between):
        return False
    return bool(between) or tokens[second.first].norm.startswith("و")


def _place_context(article: Article, tokens: list[Token], m: Match[LexEntry], places: list[Match[LexEntry]]) -> bool:
    """Whether a place name that is also a word (``lexicons/word_places.tsv``) reads as a place
    here: a place noun before it (محافظة العقبة), a place beside it (الدمام، الخبر، القطيف), or a
    preposition before it or the clitic ب/ل on it (في مالي، بمالي) unless a definite word follows an
    indefinite name, the construct of a common noun (في مشهد العلاقات، بحجة إزعاج). The tagger's
    agreement is not enough for these words: it tags سيول as a place in اجتاحت سيول قوية عدة قرى."""
    lex = lexicon()
    before = next((t for t in reversed(tokens[max(0, m.first - 2):m.first]) if t.is_word), None)
    cue = next((lex.place_cues[stem] for _, stem in stem_candidates(before.norm) if stem in lex.place_cues),
               None) if before is not None else None
    if cue == "noun":
        return True
    if any(p is not m and p.value.kind == "place" and lex.key(article.text[p.start:p.end]) not in lex.word_places
           and _listed_together(tokens, p, m) for p in places):
        return True
    clitics = article.text[tokens[m.first].start:m.start]
    if cue is None and "ب" not in clitics and "ل" not in clitics:
        return False
    after = tokens[m.last] if m.last < len(tokens) and tokens[m.last].is_word else None
    construct = not normalize_word(article.text[m.start:m.end]).startswith("ال") and after is not None \
        and after.norm.startswith("ال") and after.norm not in lex.demonyms and after.norm not in _time_words()
    return not construct


@cache
def _time_words() -> frozenset[str]:
    """Words that begin a time phrase (اليوم، الأسبوع الماضي، الخميس): no construct after a name."""
    return frozenset(normalize_word(row[0]).split()[0] for name in ("relative_times", "weekdays", "months")
                     for row in read_tsv(f"lexicons/{name}.tsv"))


def _lexicon_entities(article: Article, tokens: list[Token], tagged: list[Entity]) -> list[Entity]:
    """Lexicon matches. A one-word town of the gazetteer (not a capital) must also be tagged as a
    place by the tagger: بيان، جامعة are words before they are towns. A place name that is also a
    common word (مالي "financial", سيول "floods") needs context to be a place (``_place_context``);
    without it, the tagger's place on the same words is dropped from ``tagged`` as well."""
    lex = lexicon()
    out = []
    common = tagger().common_words
    matches = find_all(lex.entities, tokens, article.norm, lex.max_len)
    for m in matches:
        if m.value.minor and m.last - m.first == 1 and (
                normalize_word(article.text[m.start:m.end]) in common or not _tagged_place(m, tagged)):
            continue
        if m.value.kind == "place" and lex.key(article.text[m.start:m.end]) in lex.word_places \
                and not _place_context(article, tokens, m, matches):
            # the tagger's reading of the same word goes too (اجتاحت سيول قوية، بمبلغ مالي as ORG)
            tagged[:] = [e for e in tagged if not (m.start <= e.start and e.end <= m.end)]
            continue
        if m.start > tokens[m.first].start and _bare(tokens[m.first].text) in lex.not_places:
            tagged[:] = [e for e in tagged if not (tokens[m.first].start <= e.start and e.end <= m.end)]
            continue  # وجده "he found it" is not و + جدة
        out.append(_entity(article, m.start, m.end, m.value, "lexicon"))
    for t in tokens:
        for _, stem in stem_candidates(t.norm):
            entry = lex.plural_demonyms.get(stem)
            if entry and not _overlaps(out, t.start, t.end):
                start = t.end - len(stem) if len(t.text) == len(t.norm) else t.start
                plural = entry.name_en if entry.name_en.endswith(("ese", "s")) else entry.name_en + "s"
                out.append(Entity(start, t.end, article.text[start:t.end], "NORP", plural,
                                  entry.country, None, None, "lexicon"))
                break
    return out


def _tagger_entities(article: Article, tokens: list[Token]) -> list[Entity]:
    """Spans the CRF tags, sentence by sentence, on clitic-segmented words."""
    crf = tagger()
    sentences, spans = [], []
    for sent_tokens in filter(None, tokens_by_sentence(article, tokens)):
        words, sent_spans = [], []
        for t in sent_tokens:
            for piece in crf.segments(t.norm):
                words.append(piece.text)
                sent_spans.append((article.norm.index[t.nstart + piece.offset], t.end))
        sentences.append(words)
        spans.append(sent_spans)
    out = []
    for sent_spans, labels in zip(spans, crf.tag_all(sentences)):
        cur = None
        for (start, end), label in zip(sent_spans, labels + ["O"]):
            if cur and not (label.startswith("I-") and label[2:] == cur[2]):
                out.append(cur)
                cur = None
            if label.startswith("B-") or (label.startswith("I-") and cur is None):
                cur = [start, end, label[2:]]
            elif label.startswith("I-"):
                cur[1] = end
        if cur:
            out.append(cur)
    return [Entity(s, e, article.text[s:e], typ, source="tagger") for s, e, typ in out]


def _clean_tagged(article: Article, tokens: list[Token], tagged: list[Entity]) -> list[Entity]:
    """Trim the tagger's spans: no leading/trailing common words, split at a title inside
    (الجيش الأردني | العميد | مصطفى الحياري), drop spans that are only titles or adjectives."""
    lex, crf = lexicon(), tagger()
    ends = [t.end for t in tokens]
    out = []
    for e in tagged:
        first = last = bisect_right(ends, e.start)
        while last < len(tokens) and tokens[last].start < e.end:
            last += 1
        toks = tokens[first:last]

        def plain(t: Token) -> bool:
            return t.norm in crf.common_words and t.norm not in lex.first_names \
                and t.norm not in lex.place_tokens and t.norm not in lex.org_tokens

        while toks and (plain(toks[0]) or not toks[0].is_word):
            toks.pop(0)
        while toks and (plain(toks[-1]) or not toks[-1].is_word):
            toks.pop()
        parts: list[tuple[list[Token], str]] = []
        k = 0
        while k < len(toks):
            found = title_before(article, article.tokens, toks[k].i)
            if found is not None and found[0].last - 1 <= toks[-1].i:
                if k:
                    parts.append((toks[:k], e.type))
                rest = [t for t in toks if t.i >= found[2]]
                if rest:
                    parts.append((rest, "PER"))
                break
            k += 1
        else:
            parts.append((toks, e.type))
        for part, typ in parts:
            if not part or all(t.norm in lex.demonyms or t.norm in lex.title_tokens for t in part):
                continue
            start = e.start if part[0].start <= e.start < part[0].end else part[0].start
            end = part[-1].end
            out.append(Entity(start, end, article.text[start:end], typ, source="tagger"))
    return out


def _merge(lexical: list[Entity], tagged: list[Entity]) -> list[Entity]:
    """Lexicon spans win; a tagged FAC/ORG that contains a place keeps its span and country."""
    out = list(lexical)
    for e in tagged:
        inside = [x for x in out if e.start <= x.start and x.end <= e.end]
        if inside and e.type in ("FAC", "ORG") and all(x.type in ("GPE", "LOC") for x in inside) \
                and (e.end - e.start) > max(x.end - x.start for x in inside):
            for x in inside:
                out.remove(x)
            e.country = inside[0].country
            out.append(e)
        elif not _overlaps(out, e.start, e.end):
            out.append(e)
    return out


def _facilities(article: Article, tokens: list[Token], entities: list[Entity]) -> None:
    """مطار بغداد: a facility noun followed by a known place becomes one FAC entity."""
    by_start = {e.start: e for e in entities}
    for t in tokens:
        head = next((stem for _, stem in stem_candidates(t.norm) if stem in _FAC_HEADS), None)
        if head is None or t.i + 1 >= len(article.tokens):
            continue
        place = by_start.get(article.tokens[t.i + 1].start)
        if place and place.type == "GPE" and not _overlaps(entities, t.start, t.end):
            start = t.end - len(head) if len(t.text) == len(t.norm) else t.start
            entities.remove(place)
            entities.append(Entity(start, place.end, article.text[start:place.end], "FAC", None,
                                   place.country, None, None, "lexicon"))


def title_before(article: Article, tokens: list[Token], i: int) -> tuple[Match[LexEntry], str | None, int] | None:
    """A title phrase starting at token ``i``, with the country a following adjective or name gives.

    Returns the title match, the country (or None) and the index of the first token after it.
    """
    lex = lexicon()
    m = match_at(lex.titles, tokens, i, article.norm, lex.max_len)
    if m is None:
        return None
    j, country = m.last, None
    if j < len(tokens):
        demonym = lex.demonyms.get(tokens[j].norm)
        if demonym:
            country, j = demonym.country, j + 1
        else:
            place = match_at(lex.entities, tokens, j, article.norm, lex.max_len, clitics=False)
            if place and place.value.kind == "place" and place.value.type == "GPE" and place.value.country:
                country, j = place.value.country, place.last
    return m, country, j


def _name_after_title(article: Article, tokens: list[Token], j: int, entities: list[Entity]) -> Entity | None:
    """A person's name right after a title: up to four name-like words (العميد مصطفى الحياري)."""
    lex, crf = lexicon(), tagger()
    k = j
    while k < len(tokens) and k - j < 4:
        t = tokens[k]
        if not t.is_arabic or t.norm in _NAME_STOP or t.norm in lex.title_tokens or t.norm in lex.demonyms \
                or _overlaps(entities, t.start, t.end):
            break
        if t.norm in crf.common_words and t.norm not in lex.first_names and not (k > j and t.norm in _NAME_LINKS):
            break
        k += 1
    if k == j or (k - j == 1 and tokens[j].norm not in lex.first_names and crf.vocab.get(tokens[j].norm, 0) > 20):
        return None
    start, end = tokens[j].start, tokens[k - 1].end
    return Entity(start, end, article.text[start:end], "PER", source="title")


def _apply_titles(article: Article, tokens: list[Token], entities: list[Entity]) -> None:
    by_start = {e.start: e for e in entities if e.type == "PER"}
    for i in phrase_starts(lexicon().titles, tokens):
        found = title_before(article, tokens, i)
        if found is None or found[2] >= len(tokens):
            continue
        m, country, j = found
        while j + 1 < len(tokens) and tokens[j].norm in lexicon().honorifics:
            j += 1  # وزير الخارجية الأستاذ عادل الجبير
        person = by_start.get(tokens[j].start)
        if person is None:
            person = _name_after_title(article, tokens, j, entities)
            if person is None:
                continue
            entities.append(person)
        person.title = article.text[m.start:tokens[j - 1].end]
        person.country = person.country or country
        # قائد شرطة النجدة: a title over a body takes the body's sector (COP), not the title's (MIL)
        body = match_at(lexicon().sector_nouns, tokens, j, article.norm, 3) if country is None else None
        person.sector = person.sector or (body.value if body else m.value.sector)


_OFFICES = {normalize_word(w) for w in ("مكتب", "المكتب", "ديوان", "الديوان")}
_OFFICE_ADJ = {normalize_word(w) for w in ("الإعلامي", "الخاص", "الصحفي", "الصحافي")}


def _offices(article: Article, tokens: list[Token], entities: list[Entity]) -> None:
    """المكتب الإعلامي لرئيس الوزراء العراقي: an office of a titled post is an organisation."""
    for k, t in enumerate(tokens):
        if not any(stem in _OFFICES for _, stem in stem_candidates(t.norm)):
            continue
        j = k + 1 + (k + 1 < len(tokens) and tokens[k + 1].norm in _OFFICE_ADJ)
        if j >= len(tokens) or not tokens[j].norm.startswith("ل"):
            continue
        found = title_before(article, tokens, j)
        if found is None or found[1] is None:
            continue
        title, country, after = found
        start = t.end - len(t.norm.lstrip("وف")) if len(t.text) == len(t.norm) else t.start
        end = tokens[after - 1].end
        if not _overlaps(entities, start, end):
            entities.append(Entity(start, end, article.text[start:end], "ORG", None, country,
                                   title.value.sector, None, "title"))


def _link_people(article: Article, tokens: list[Token], entities: list[Entity]) -> None:
    """Give surname mentions the attributes of the article's full name."""
    full = [e for e in entities if e.type == "PER" and len(e.text.split()) >= 2]
    lex = lexicon()
    names: dict[str, Entity] = {}
    for e in full:
        last = normalize_word(e.text.split()[-1])
        if len(last) >= 4 and last not in lex.first_names:
            names.setdefault(last, e)
    if not names:
        return
    for t in tokens:
        for prefix, stem in stem_candidates(t.norm):
            source = names.get(stem)
            if source is None:
                continue
            start = article.norm.index[t.nstart + prefix]
            same = [e for e in entities if e.start < t.end and start < e.end]
            if not same:
                entities.append(Entity(start, t.end, article.text[start:t.end], "PER", source.name_en,
                                       source.country, source.sector, None, "link"))
            elif len(same) == 1 and same[0].type == "PER" and same[0] is not source \
                    and len(same[0].text.split()) == 1:
                same[0].name_en = same[0].name_en or source.name_en
                same[0].country = same[0].country or source.country
                same[0].sector = same[0].sector or source.sector
            break


def find_entities(article: Article) -> Article:
    """Fill ``article.entities`` (sorted by offset)."""
    tokens = analysed_tokens(article)
    tagged = _clean_tagged(article, tokens, _tagger_entities(article, tokens))
    entities = _merge(_lexicon_entities(article, tokens, tagged), tagged)
    _facilities(article, tokens, entities)
    _apply_titles(article, tokens, entities)
    _offices(article, tokens, entities)
    _link_people(article, tokens, entities)
    # names the tagger found that the lexicon knows under another reading
    lex = lexicon()
    for e in entities:
        if e.source == "tagger" and e.name_en is None:
            entry = lex.entities.get(lex.key(e.text))
            if entry:
                e.name_en, e.country, e.sector = entry.name_en, entry.country, entry.sector
    article.entities = sorted(entities, key=lambda e: e.start)
    return article
