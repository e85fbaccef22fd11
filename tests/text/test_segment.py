from rasid.text.segment import segment


def test_headline_and_subheading_are_headings():
    text = "عنوان الخبر الرئيسي\nجملة أولى في المتن. جملة ثانية في المتن.\nعنوان فرعي\nجملة أخيرة."
    sents = segment(text)
    assert [s.heading for s in sents] == [True, False, False, True, False]
    assert [text[s.start:s.end] for s in sents][1:3] == ["جملة أولى في المتن.", "جملة ثانية في المتن."]


def test_no_split_inside_quotes_or_numbers():
    text = "قال الوزير “الوضع صعب. لكننا سنعمل” أمس. وبلغ النمو 2.5 في المئة."
    sents = segment(text)
    assert len(sents) == 2
    assert "2.5" in text[sents[1].start:sents[1].end]


def test_a_repeated_line_is_marked_as_a_duplicate_of_the_first():
    line = "وانتخب فلان رئيسا للبلاد في يوليو."
    text = f"العنوان\n{line}\nجملة أخرى هنا.\n{line}"
    sents = segment(text)
    dup = [s for s in sents if s.duplicate_of is not None]
    assert len(dup) == 1
    assert text[dup[0].start:dup[0].end] == line
    assert sents[dup[0].duplicate_of].line == 1


def test_a_sentence_without_full_stops_is_cut_at_spaces_below_the_limit():
    from rasid.text.segment import MAX_SENTENCE_CHARS
    words = "وبحث الجانبان تطورات الأوضاع في المنطقة وسبل دعم الأمن والاستقرار"
    text = "عنوان\n" + " ".join([words] * (3 * MAX_SENTENCE_CHARS // len(words)))
    body = [s for s in segment(text) if s.line == 1]
    assert len(body) > 2
    assert all(0 < s.end - s.start <= MAX_SENTENCE_CHARS for s in body)
    assert all(text[s.start] != " " and text[s.end - 1] != " " for s in body)
    assert " ".join(text[s.start:s.end] for s in body) == text.split("\n")[1]   # nothing lost, cut at spaces
    unbroken = "ب" * (2 * MAX_SENTENCE_CHARS + 5)   # no space at all: cut anyway
    assert [s.end - s.start for s in segment("عنوان.\n" + unbroken)][1:] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]


def test_a_section_of_a_long_text_does_not_open_with_a_title():
    text = " ".join(["سطر طويل بلا نقطة في آخره"] * 5) + "\nجملة في المتن."   # more words than a subheading
    assert segment(text)[0].heading and not segment(text, title=False)[0].heading
