import random

from rasid.text.spans import Cover


def test_cover_answers_as_a_scan_of_the_spans_does():
    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 12)) for s in (rng.randint(0, 80) for _ in range(rng.randint(0, 8)))]
        cover = Cover(spans)
        for pos in range(-2, 100):
            assert (pos in cover) == any(s <= pos < e for s, e in spans), (spans, pos)
        assert bool(cover) == bool(spans)
