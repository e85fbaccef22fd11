import rasid


def _q(text):
    rec = rasid.analyze(text, published="2024-01-01")
    return [(q["text"], q["value"], q["unit"]) for q in rec["quantities"]]


def test_digits_and_units():
    assert _q("ووقع البلدان 14 مذكرة تفاهم ونشرا 2500 جندي على الحدود المشتركة.") == [
        ("14 مذكرة تفاهم", 14, "memorandum of understanding"), ("2500 جندي", 2500, "soldier")]


def test_number_words_compose():
    assert _q("وأضافت الشبكة ألفين وخمسمائة ميغاواط خلال زيارة تستمر ثلاثة أيام.") == [
        ("ألفين وخمسمائة ميغاواط", 2500, "MW"), ("ثلاثة أيام", 3, "day")]


def test_eastern_digits_and_scales():
    assert _q("وبلغت الخسائر ٣ مليارات دولار وقتل ١٢ شخصا.") == [
        ("٣ مليارات دولار", 3_000_000_000, "USD"), ("١٢ شخصا", 12, "person")]


def test_years_are_times_not_quantities():
    assert _q("وقتل في هجوم في عام 2020 قرب المطار.") == []
