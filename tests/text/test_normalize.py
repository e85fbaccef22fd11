from rasid.text.normalize import normalize, normalize_word


def test_hamza_maqsura_ta_marbuta_fold():
    assert normalize_word("أإآٱ") == "اااا"
    assert normalize_word("مستشفى الجامعة") == "مستشفي الجامعه"


def test_diacritics_and_tatweel_are_dropped_but_offsets_point_into_the_original():
    text = "وانتُخب بزشـكيان"
    n = normalize(text)
    assert n.text == "وانتخب بزشكيان"
    start = n.text.index("بزشكيان")
    s, e = n.span(start, start + len("بزشكيان"))
    assert text[s:e] == "بزشـكيان"


def test_eastern_arabic_and_persian_digits_become_ascii():
    assert normalize_word("١٥ سبتمبر ٢٠٢٤") == "15 سبتمبر 2024"
    assert normalize_word("۱۴۰۳") == "1403"


def test_presentation_forms_expand_and_keep_offsets():
    text = "ﻻ ﺑﻐﺪاد"
    n = normalize(text)
    assert n.text == "لا بغداد"
    s, e = n.span(3, 8)
    assert text[s:e] == "ﺑﻐﺪاد"


def test_length_is_kept_when_nothing_is_dropped():
    text = "إيران والعراق"
    n = normalize(text)
    assert len(n.text) == len(text)
    assert list(n.index) == list(range(len(text)))


def test_ornate_parentheses_and_other_self_mapping_forms_stay():
    text = "قال تعالى ﴿ وَاعْتَصِمُوا ﴾ صدق الله"   # U+FD3F / U+FD3E: NFKC keeps them as they are
    norm = normalize(text)
    assert "﴿" in norm.text and "﴾" in norm.text and "واعتصموا" in norm.text
