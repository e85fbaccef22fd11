import rasid


def _quotes(text):
    rec = rasid.analyze(text, published="2024-01-01")
    return [(q["kind"], rec["text"][q["start"]:q["end"]], (q["speaker"] or {}).get("country"),
             (q["speaker"] or {}).get("sector")) for q in rec["quotes"]]


def test_direct_quote_with_speaker_before():
    q = _quotes("وقال وزير الخارجية الأردني في بيان «إن الاحتلال يجب أن ينتهي فورا».")
    assert q == [("direct", "إن الاحتلال يجب أن ينتهي فورا", "JOR", "GOV")]


def test_indirect_quote_of_a_body():
    q = _quotes("وقالت وسائل إعلام رسمية سورية إن الجيش استعاد السيطرة على البلدة.")
    assert q == [("indirect", "الجيش استعاد السيطرة على البلدة", "SYR", "MED")]


def test_mixed_quote_relayed_by_media():
    q = _quotes("ونقلت وكالة رويترز عن وزير الدفاع التركي قوله أمس إن القوات “لن تنسحب من المنطقة قبل تحقيق أهدافها”.")
    assert q[0][0] == "mixed" and q[0][2] == "TUR" and q[0][3] == "GOV"


def test_pronoun_speaker_is_the_previous_speaker():
    q = _quotes("وقال رئيس الوزراء العراقي إن الحكومة ستدعم المزارعين. وأضاف أن الموسم سيكون جيدا هذا العام.")
    assert [x[2] for x in q] == ["IRQ", "IRQ"]


def test_scare_quotes_are_not_quotes():
    assert _quotes("ونشر الفيديو على موقع «يوتيوب» أمس.") == []
