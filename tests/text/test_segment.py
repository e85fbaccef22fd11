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
