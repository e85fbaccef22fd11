from rasid.text.normalize import normalize
from rasid.text.tokenize import stem_candidates, tokenize


def test_tokens_index_the_original_text():
    text = "قالَ الوزيرُ: «نعم»، 2,500 جندي."
    for t in tokenize(normalize(text)):
        assert text[t.start:t.end] == t.text


def test_clitic_readings():
    assert (1, "بغداد") in stem_candidates("وبغداد")
    assert (2, "العراق") in stem_candidates("وبالعراق")
    assert (1, "الميجر") in stem_candidates("للميجر")
    assert stem_candidates("بغداد")[0] == (0, "بغداد")
