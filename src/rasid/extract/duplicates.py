"""Copy what was found in a line to the lines that repeat it word for word.

Repeated lines (a scraping artefact) are not analysed twice: their entities, times and
quantities are the first occurrence's, shifted; they yield no quotes and no events.
"""
from __future__ import annotations

from dataclasses import replace

from ..doc import Article

__all__ = ["copy_duplicates"]


def copy_duplicates(article: Article) -> Article:
    by_id = {s.i: s for s in article.sentences}
    for dup in article.sentences:
        if dup.duplicate_of is None:
            continue
        src = by_id[dup.duplicate_of]
        shift = dup.start - src.start
        for name in ("entities", "times", "quantities"):
            spans = getattr(article, name)
            copies = [replace(x, start=x.start + shift, end=x.end + shift)
                      for x in spans if src.start <= x.start and x.end <= src.end]
            spans.extend(copies)
            spans.sort(key=lambda x: x.start)
    return article
