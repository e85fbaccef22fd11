"""Each event type: positive and negative Arabic examples (written for these tests)."""
import pytest

import rasid
from rasid.code.triggers import find_triggers
from rasid.extract.entities import analysed_tokens
from rasid.pipeline import article_from_record, run

PUB = "2024-05-15"


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    """These tests check the coding rules (the learned coder's evidence); the learned screen and coder have
    their own tests (test_screening.py, test_model.py)."""
    monkeypatch.setenv("RASID_EVENT_SCREEN", "off")
    monkeypatch.setenv("RASID_EVENT_MODEL", "off")


def _events(text, published=PUB):
    rec = rasid.analyze(text, published=published)
    for ev in rec["events"]:
        s, e = ev["evidence"]["start"], ev["evidence"]["end"]
        assert 0 <= s < e <= len(rec["text"])
    return rec["events"]


def _one(text, etype, **kw):
    evs = [e for e in _events(text, **kw) if e["type"] == etype]
    assert evs, f"no {etype} event in: {text}"
    return evs[0]


def _countries(actors):
    return {a["country"] for a in actors}


@pytest.mark.parametrize("text, etype, actor, recipient", [
    ("زار رئيس الوزراء الأردني العاصمة المصرية القاهرة يوم الاثنين.", "CONSULT", "JOR", "EGY"),
    ("واجتمع وزير الخارجية الفرنسي مع نظيره اللبناني في باريس.", "CONSULT", "FRA", "LBN"),
    ("ووقعت مصر والسعودية اتفاقية للتعاون في مجال الطاقة.", "AGREE", "EGY", "SAU"),
    ("وأشاد الرئيس التونسي بالموقف الجزائري من القضية.", "SUPPORT", "TUN", None),
    ("وقدمت الإمارات مساعدات إنسانية إلى السودان الأسبوع الماضي.", "AID", "ARE", "SDN"),
    ("وانسحبت القوات الروسية من المدينة بعد معارك عنيفة.", "RETREAT", "RUS", None),
    ("وطالب العراق تركيا بسحب قواتها من أراضيه.", "REQUEST", "IRQ", "TUR"),
    ("واتهمت إيران الولايات المتحدة بزعزعة استقرار المنطقة.", "ACCUSE", "IRN", "USA"),
    ("ورفضت الحكومة السودانية المبادرة الأمريكية بشكل قاطع.", "REJECT", "SDN", None),
    ("وهدد الجيش الإسرائيلي حزب الله برد قاس.", "THREATEN", "ISR", "LBN"),
    ("وتظاهر آلاف المغاربة في الرباط احتجاجا على غلاء الأسعار.", "PROTEST", "MAR", None),
    ("وفرضت الولايات المتحدة عقوبات على شركات إيرانية.", "SANCTION", "USA", "IRN"),
    ("وحشدت تركيا قواتها على الحدود مع سوريا.", "MOBILIZE", "TUR", None),
    ("واعتقلت السلطات المصرية عشرة ناشطين في القاهرة.", "COERCE", "EGY", None),
    ("وقصفت طائرات إسرائيلية مواقع في جنوب لبنان فجر اليوم.", "ASSAULT", "ISR", "LBN"),
])
def test_each_type_is_coded_with_its_actor_and_recipient(text, etype, actor, recipient):
    ev = _one(text, etype)
    assert actor in _countries(ev["actors"]) | _countries(ev["recipients"])
    if recipient:
        assert recipient in _countries(ev["recipients"]) | _countries(ev["actors"])


@pytest.mark.parametrize("text", [
    "وقال الوزير إن الطقس سيكون معتدلا خلال الأسبوع المقبل في معظم المناطق.",
    "وافتتح المعرض الدولي للكتاب أبوابه أمام الزوار في العاصمة.",
    "ويستضيف البلد 2500 جندي أجنبي منذ سنوات.",
    "وارتفعت أسعار النفط في الأسواق العالمية بنسبة اثنين في المئة.",
    "ونشر الفيديو على موقع «يوتيوب» وحصد آلاف المشاهدات.",
])
def test_no_event_where_nothing_political_happens(text):
    assert _events(text) == []


def test_negation_is_flagged():
    ev = _one("ولم تهاجم القوات التركية مواقع الأكراد في سوريا أمس.", "ASSAULT")
    assert ev["flags"]["negated"]


def test_future_intention_is_flagged_and_undated():
    ev = _one("ويعتزم الرئيس الفرنسي زيارة الجزائر الشهر المقبل.", "CONSULT")
    assert ev["flags"]["future"] and not ev["flags"]["historical"]
    ev = _one("وسيزور وزير الخارجية الصيني طهران.", "CONSULT")
    assert ev["flags"]["future"]


def test_history_is_flagged_by_date():
    ev = _one("واحتلت القوات العراقية الكويت في عام 1990 بعد خلاف نفطي. وهاجمت القوات العراقية الكويت في عام 1990.", "ASSAULT")
    assert ev["flags"]["historical"] and ev["date"] == "1990"


def test_passive_killing_takes_the_victim_as_recipient_and_the_attack_as_actor():
    ev = _one("وشارك آلاف في تشييع القائد الفلسطيني يحيى عياش الذي قُتل في غارة إسرائيلية.", "ASSAULT")
    assert _countries(ev["actors"]) == {"ISR"} and "PSE" in _countries(ev["recipients"])


def test_compound_actor_of_a_symmetric_event_is_split():
    ev = _one("وتوصلت موسكو وكييف إلى اتفاق لتبادل الأسرى.", "AGREE")
    assert _countries(ev["actors"]) == {"RUS"} and _countries(ev["recipients"]) == {"UKR"}


def test_headline_and_body_give_one_event_with_two_mentions():
    text = "الرئيس التركي يزور قطر\nزار الرئيس التركي رجب طيب أردوغان قطر يوم الأحد في زيارة رسمية."
    evs = [e for e in _events(text) if e["type"] == "CONSULT" and e["mode"] == "visit"]
    assert len(evs) == 1 and len(evs[0]["mentions"]) == 2


def test_drone_mode_and_cameo_code():
    ev = _one("وقُتل قائد ميداني في هجوم أمريكي بطائرة مسيرة في سوريا.", "ASSAULT")
    assert ev["mode"] == "drone" and ev["cameo"] == "195" and ev["goldstein"] == -10.0
    assert "USA" in _countries(ev["actors"])


def test_attribution_to_sources():
    ev = _one("وتوصلت واشنطن وبغداد إلى تفاهم بشأن الانسحاب، وفقا لمصادر مطلعة.", "AGREE")
    assert ev["attribution"]["text"].startswith("مصادر")


def test_a_gloss_summarises_the_event_in_english():
    ev = _one("زار رئيس الوزراء الأردني العاصمة المصرية القاهرة يوم الاثنين.", "CONSULT", published="2024-05-15")
    assert ev["gloss"].startswith("JOR GOV") and "CONSULT/visit" in ev["gloss"] and "2024-05-13" in ev["gloss"]


def test_a_protest_noun_is_an_event_only_when_said_to_happen():
    ev = _one("خرجت مظاهرات في بغداد أمس احتجاجا على انقطاع الكهرباء.", "PROTEST")
    assert ev["date"] == "2024-05-14"
    assert not [e for e in _events("وناقش البرلمان المظاهرات الأخيرة وأسبابها.") if e["type"] == "PROTEST"]


def test_a_noun_that_sets_the_scene_or_gives_the_motive_is_not_an_event():
    assert [e["type"] for e in _events("اعتقلت الشرطة عشرة أشخاص خلال مظاهرة في القاهرة.")] == ["COERCE"]
    assert _events("أغلق التجار محلاتهم احتجاجا على الضرائب الجديدة.") == []


def test_qad_before_a_past_verb_is_not_hypothetical():
    assert not _one("وكان مسلحون قد هاجموا القرية.", "ASSAULT")["flags"]["hypothetical"]
    assert _one("قد يهاجم المسلحون القرية.", "ASSAULT")["flags"]["hypothetical"]


def test_attackers_named_by_the_attack_the_trigger_or_a_light_verb():
    strike = _one("قتل ثلاثة مسلحين في ضربة جوية أمريكية شرق سوريا.", "ASSAULT")
    assert [(a["country"], a["sector"]) for a in strike["actors"]] == [("USA", "MIL")]
    assert [(a["country"], a["sector"]) for a in strike["recipients"]] == [(None, "UAF")]
    bomber = _one("فجر انتحاري نفسه قرب مركز للشرطة في كابل.", "ASSAULT")
    assert [(a["country"], a["sector"]) for a in bomber["actors"]] == [(None, "UAF")]
    army = _one("ونفذ الجيش الباكستاني ضربة جوية على مواقع المسلحين.", "ASSAULT")
    assert [(a["country"], a["sector"]) for a in army["actors"]] == [("PAK", "MIL")]


def test_counted_victims_are_the_recipients_rather_than_the_place():
    ev = _one("قتل مسلحون 14 شخصا في بغداد.", "ASSAULT")
    assert [a["text"] for a in ev["recipients"]] == ["14 شخصا"] and ev["location"]["country"] == "IRQ"


def test_counted_people_before_a_killing_verb_are_its_victims():
    ev = _one("وقال مصدر إن ثمانية أشخاص، بينهم طفلان، قتلوا جراء ضربة جوية أمريكية.", "ASSAULT")
    assert [a["text"] for a in ev["recipients"]] == ["ثمانية أشخاص"]
    assert [(a["country"], a["sector"]) for a in ev["actors"]] == [("USA", "MIL")]


def test_the_speaker_of_anna_is_the_subject_and_international_bodies_stand_as_countries():
    ev = _one("وأكد حلف شمال الأطلسي أنه قتل نحو 150 متمردا في ولاية هلمند.", "ASSAULT")
    assert [(a["country"], a["sector"]) for a in ev["actors"]] == [("IGO", None)]
    assert [(a["country"], a["sector"]) for a in ev["recipients"]] == [(None, "REB")]


def test_protests_at_a_mission_are_against_its_government():
    ev = _one("تظاهر مئات الطلاب أمام مقر السفارة الأمريكية في القاهرة.", "PROTEST")
    assert [(a["country"], a["sector"]) for a in ev["recipients"]] == [("USA", "GOV")]
    ev = _one("تجمع المتظاهرون حول مقر سفارة إستونيا في موسكو.", "PROTEST")
    assert [(a["country"], a["sector"]) for a in ev["recipients"]] == [("EST", "GOV")]


def _codes(actors):
    return [(a["country"], a["sector"]) for a in actors]


def test_a_protest_target_is_found_later_in_the_sentence():
    ev = _one("وتجمع المتظاهرون في ساحة المدينة وهتفوا بشعارات مضادة للحكومة السودانية.", "PROTEST")
    assert _codes(ev["actors"]) == [(None, "CVL")] and _codes(ev["recipients"]) == [("SDN", "GOV")]
    ev = _one("تظاهر آلاف الأشخاص في كراتشي ضد «الناتو» وأميركا.", "PROTEST")
    assert _codes(ev["recipients"]) == [("IGO", None), ("USA", None)] and ev["actors"] == []


def test_a_counted_crowd_protests_and_two_crowds_are_two_protests():
    evs = [e for e in _events("تظاهر نحو 15 شخصا أمام القنصلية اليونانية في برلين، "
                              "وتظاهر نحو مائة طالب أمام السفارة اليونانية في لندن.") if e["type"] == "PROTEST"]
    assert [a["text"] for e in evs for a in e["actors"]] == ["15 شخصا", "مائة طالب"]
    assert _codes(evs[1]["actors"]) == [(None, "EDU")] and _codes(evs[1]["recipients"]) == [("GRC", "GOV")]


@pytest.mark.parametrize("text, protest", [
    ("واحتشد آلاف الشبان في الساحة الرئيسية وسط العاصمة.", True),
    ("وكان 1000 لاجئ على الأقل قد احتشدوا أمام مقر الأمم المتحدة.", True),
    ("أضرب عمال الموانئ عن العمل أمس.", True),
    ("واحتشدت القوات التركية على الحدود.", False),                      # troops, not a crowd
    ("وقال إن المتظاهرين الذين تجمعوا في الساحة رفعوا لافتات.", False),  # describes the crowd
    ("حاصرت قوات الأمن المتظاهرين في أماكن تجمعهم.", False),             # the noun, not the verb
    ("وكانت المرأة تضرب على صينية بإحدى أدوات العمل.", False),           # beating, not striking
    ("نشرت الحكومة قوات مكافحة الشغب في الشوارع وقامت بتفريق الحشود.", False),
])
def test_gatherings_and_strikes(text, protest):
    assert any(e["type"] == "PROTEST" for e in _events(text)) is protest


def test_what_an_attack_hit_is_kept_as_text_with_its_country():
    ev = _one("أطلقت الطائرات خمسة صواريخ على الموقع.", "ASSAULT")
    assert [(a["text"], a["country"], a["sector"]) for a in ev["recipients"]] == [("الموقع", None, None)]
    assert [a["text"] for a in ev["actors"]] == ["الطائرات"]
    ev = _one("قصفت المدفعية مواقع في جنوب لبنان.", "ASSAULT")
    assert [(a["text"], a["country"]) for a in ev["recipients"]] == [("مواقع في جنوب لبنان", "LBN")]
    ev = _one("وفجرت الجبهة ثلاث سيارات ملغومة في المدينة.", "ASSAULT")
    assert [a["text"] for a in ev["actors"]] == ["الجبهة"] and ev["recipients"] == []  # the cars are the weapon


def test_victims_counted_out_of_a_group_or_after_a_result_verb():
    ev = _one("أسفرت الغارة عن مقتل تسعة من رجال الشرطة.", "ASSAULT")
    assert _codes(ev["recipients"]) == [(None, "COP")]
    ev = _one("قتلت القوات الأمريكية 30 مسلحا من حركة طالبان.", "ASSAULT")
    assert _codes(ev["actors"]) == [("USA", "MIL")] and _codes(ev["recipients"]) == [("AFG", "UAF")]
    ev = _one("هاجم مسلحون حافلة للركاب مما أسفر عن 12 قتيلا.", "ASSAULT")
    assert [a["text"] for a in ev["recipients"]] == ["12 قتيلا"]


def test_a_count_before_an_attack_verb_is_the_doer_unless_the_verb_reads_as_passive():
    ev = _one("وكان ثلاثون طالبا قد اقتحموا عيادة في إسلام أباد.", "ASSAULT")
    assert _codes(ev["actors"]) == [(None, "EDU")] and _codes(ev["recipients"]) == [("PAK", "HLH")]
    ev = _one("وقال مصدر إن ثمانية أشخاص قتلوا في إطلاق نار.", "ASSAULT")
    assert [a["text"] for a in ev["recipients"]] == ["ثمانية أشخاص"] and ev["actors"] == []


def test_agents_and_claims_name_the_attacker():
    ev = _one("وقتل صحفي على يد مسلحين مجهولين في بغداد.", "ASSAULT")
    assert _codes(ev["actors"]) == [(None, "UAF")] and [a["text"] for a in ev["recipients"]] == ["صحفي"]
    ev = _one("وأكدت أنه تم اغتصابها من قبل عدة ضباط عراقيين.", "ASSAULT")
    assert _codes(ev["actors"]) == [("IRQ", "MIL")] and ev["mode"] == "sexual"
    ev = _one("كما تعرضت ثكنة عسكرية لاعتداء أسفر عن مقتل ثلاثة جنود، وقد تبناه «تنظيم القاعدة».", "ASSAULT")
    assert [a["text"] for a in ev["actors"]] == ["تنظيم القاعدة"] and _codes(ev["recipients"]) == [(None, "MIL")]


def test_who_escaped_an_attack_is_its_target():
    ev = _one("نجا محافظ المدينة من محاولة اغتيال أمس.", "ASSAULT")
    assert [a["text"] for a in ev["recipients"]] == ["محافظ المدينة"]


@pytest.mark.parametrize("text", [
    "ويعد انهيار المفاوضات ضربة قوية للحكومة.",                  # a predicate: "a blow to"
    "وقال إن التحقيق في قضية اغتيال الحريري مستمر.",             # a case, not a report
    "وتراجعت أسعار النفط بعد اغتيال القائد العسكري.",            # a time reference
])
def test_an_attack_noun_named_as_a_topic_or_a_figure_of_speech_is_no_event(text):
    assert not [e for e in _events(text) if e["type"] == "ASSAULT"]


def test_an_attack_noun_with_a_possessive_pronoun_is_a_trigger():
    ev = _one("وأعلنت الشرطة اغتياله أمس في بيروت.", "ASSAULT")
    assert ev["mode"] == "targeted" and ev["location"]["country"] == "LBN"


def test_two_mentions_of_one_attack_pool_the_parties_they_name():
    evs = [e for e in _events("قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارتين مفخختين، "
                              "يقود إحداهما انتحاري، في بغداد أمس.") if e["type"] == "ASSAULT"]
    assert len(evs) == 1
    assert _codes(evs[0]["actors"]) == [(None, "UAF")]
    assert [a["text"] for a in evs[0]["recipients"]] == ["18 شخصا"]  # not Baghdad too: it is where


def test_a_time_reference_adds_evidence_to_the_event_it_recalls():
    evs = [e for e in _events("وقتل قاسم سليماني في هجوم أمريكي في 2020. "
                              "وتصاعد التوتر عقب مقتل سليماني في هجوم أمريكي بطائرة مسيرة.") if e["type"] == "ASSAULT"]
    assert len(evs) == 1 and evs[0]["mode"] == "drone"
    assert [m["sentence"] for m in evs[0]["mentions"]] == [0, 1]


@pytest.mark.parametrize("text, attack", [
    ("وفككت قوات الأمن سيارة مفخخة قرب السفارة.", False),          # a weapon found is no attack
    ("وعثرت الشرطة على عبوة ناسفة في الطريق.", False),
    ("وقال إن سيارة مفخخة انفجرت قرب مقر حاكم كابل.", True),        # the weapon before its verb
    ("وقتل ثلاثة أشخاص بانفجار سيارة مفخخة في بغداد.", True),
])
def test_a_weapon_is_an_attack_only_when_it_goes_off(text, attack):
    assert any(e["type"] == "ASSAULT" for e in _events(text)) is attack


def test_after_a_relative_pronoun_a_killing_verb_is_passive_and_other_verbs_active():
    ev = _one("وطالب الحزب بمحاسبة المسلحين الذين خطفوا الصحافي الشهر الماضي.", "ASSAULT")
    assert [a["text"] for a in ev["actors"]] == ["المسلحين"] and [a["text"] for a in ev["recipients"]] == ["الصحافي"]
    ev = _one("وشارك آلاف في تشييع القائد يحيى عياش الذي قتل في غارة إسرائيلية.", "ASSAULT")
    assert _codes(ev["actors"]) == [("ISR", "MIL")] and "عياش" in ev["recipients"][0]["text"]


def test_a_protest_can_be_against_several_parties_and_against_what_it_objects_to():
    ev = _one("واحتشد 1000 لاجئ أمام مقر الأمم المتحدة لمطالبة الأمين العام بالتدخل "
              "ومطالبة الحكومة الصينية بوقف القمع.", "PROTEST")
    assert ("CHN", "GOV") in _codes(ev["recipients"]) and _codes(ev["actors"]) == [(None, "REF")]
    ev = _one("وتظاهر المئات أمس احتجاجا على قرار الحكومة المصرية رفع الأسعار.", "PROTEST")
    assert _codes(ev["recipients"]) == [("EGY", "GOV")]


def test_a_people_named_with_where_it_lives_takes_that_country():
    ev = _one("أضرب العرب في إسرائيل أمس احتجاجا على قرار المحكمة.", "PROTEST")
    assert [(a["text"], a["country"]) for a in ev["actors"]] == [("العرب في إسرائيل", "ISR")]


def test_a_headline_against_names_the_target_of_the_protest_it_reports():
    ev = _one("5 آلاف متظاهر ضد «الناتو» في بيشاور: تظاهر حوالي خمسة آلاف شخص أمس في بيشاور.", "PROTEST")
    assert ("IGO", None) in _codes(ev["recipients"])


def test_a_conjoined_verb_shares_the_subject_of_the_verb_before_it():
    evs = [e for e in _events("واقتحم مسلحون مقرا للإغاثة في شمال اليمن وخطفوا ثلاثة موظفين أجانب.")
           if e["type"] == "ASSAULT"]
    assert evs and all(_codes(e["actors"]) == [(None, "UAF")] for e in evs)  # not Yemen: في شمال اليمن is where


def test_qama_bi_says_the_event_noun_was_done():
    ev = _one("وقامت العصابة في مارس الماضي بخطف خمسة جنود قرب الحدود.", "ASSAULT")
    assert ev["mode"] == "abduct" and _codes(ev["recipients"]) == [(None, "MIL")]
    assert not [e for e in _events("واتهمت الحكومة المعارضة بخطف الطائرة.") if e["type"] == "ASSAULT"]


def test_one_person_before_a_killing_verb_is_its_victim():
    ev = _one("وذكرت الشرطة أن جنديا قتل في كمين على الطريق.", "ASSAULT")
    assert _codes(ev["recipients"]) == [(None, "MIL")] and ev["actors"] == []


def test_a_plural_verb_has_its_subject_before_it_and_takes_an_object_after():
    ev = _one("وكان عشرون شابا قد هاجموا مستشفى في مدينة حلب.", "ASSAULT")
    assert _codes(ev["recipients"]) == [("SYR", "HLH")] and ev["actors"] != ev["recipients"]


def test_a_unit_with_an_adjective_is_a_party_and_a_time_ends_a_group():
    ev = _one("وكانت فرقة خاصة من قوات الأمن قد قتلت أول من أمس ثلاثة من المطلوبين.", "ASSAULT")
    assert [a["sector"] for a in ev["actors"]] == ["MIL"]
    ev = _one("واختطف مسلحون الأسبوع الماضي صحفيا في المدينة.", "ASSAULT")
    assert [a["text"] for a in ev["actors"]] == ["مسلحون"]


def test_a_word_written_with_taa_marbuta_is_no_verb_with_a_pronoun():
    art = run(article_from_record({"id": "t", "text": "وأسفر الانفجار عن مقتل خمسة وإصابة عشرة آخرين."}))
    assert [t.entry.pos for t in find_triggers(analysed_tokens(art))] == ["noun", "noun"]  # إصابة, not أصابه


def test_an_aside_in_parentheses_and_a_town_after_bi_are_places_not_parties():
    ev = _one("وفي كركوك (250 كلم شمال بغداد) قتل 12 شخصا في هجوم انتحاري أمس.", "ASSAULT")
    assert ev["actors"] == [] or "IRQ" not in _countries(ev["actors"])  # Baghdad only says where Kirkuk is
    ev = _one("ووقع تفجير انتحاري بالموصل أسفر عن مقتل خمسة أشخاص.", "ASSAULT")
    assert [a["text"] for a in ev["recipients"]] == ["خمسة أشخاص"]


def test_an_adjective_agrees_with_its_noun_in_definiteness():
    ev = _one("واستهدف سلاح الجو قافلة للمسلحين قرب الحدود.", "ASSAULT")
    assert [a["text"] for a in ev["actors"]] == ["سلاح الجو"]  # قافلة is the object, not an adjective


def test_the_object_of_a_visit_comes_past_the_subjects_titles_and_places():
    ev = _one("استقبل وزير الدفاع السعودي في مكتبه في جدة أمس وزير الخارجية الأمريكي.", "CONSULT")
    assert _codes(ev["actors"]) == [("SAU", "GOV")] and _codes(ev["recipients"]) == [("USA", "GOV")]


def test_honorifics_are_stepped_over():
    ev = _one("والتقى وزير الخارجية الأردني الأستاذ سامي الخطيب مع معالي وزير خارجية لبنان.", "CONSULT")
    assert _codes(ev["actors"]) == [("JOR", "GOV")] and _codes(ev["recipients"]) == [("LBN", "GOV")]


def test_a_call_received_comes_from_the_caller():
    ev = _one("تلقى الرئيس المصري اتصالا هاتفيا من نظيره الفرنسي.", "CONSULT")
    assert ev["mode"] == "phone"
    assert _codes(ev["actors"]) == [("FRA", "GOV")] and _codes(ev["recipients"]) == [("EGY", "GOV")]


def test_arriving_somewhere_on_a_visit_visits_it():
    ev = _one("وصل رئيس الوزراء العراقي إلى طهران في زيارة رسمية.", "CONSULT")
    assert _codes(ev["actors"]) == [("IRQ", "GOV")] and _countries(ev["recipients"]) == {"IRN"}
    # an invitation to someone is no arrival: the visit is to a place not named as a party
    assert not [e for e in _events("ووجهت الحكومة دعوة إلى وزير الخارجية الأردني لزيارة البلاد.")
                if e["type"] == "CONSULT" and _countries(e["recipients"]) == {"JOR"}]


def _codes_of(actors):
    return {(a["country"], a["sector"]) for a in actors}


def test_a_bomber_who_blows_himself_up_in_front_of_a_place_attacks_it():
    ev = _one("وفجر انتحاري نفسه أمام مركز للشرطة في مدينة الموصل مما أدى إلى مقتل سبعة أشخاص.", "ASSAULT")
    assert ("IRQ", "COP") in _codes_of(ev["recipients"])  # what he hit, beside whom he killed
    assert any(a["text"] == "سبعة أشخاص" for a in ev["recipients"])
    ev = _one("وفجرت انتحارية نفسها في بلدة بلدروز فقتلت خمسة أشخاص.", "ASSAULT")
    assert ("IRQ", None) in _codes_of(ev["recipients"])
    ev = _one("وفجر رجل نفسه داخل المسجد وتبين لاحقا أنه يقيم في المدينة.", "ASSAULT")
    assert [a["text"] for a in ev["recipients"]] == ["المسجد"]  # the next clause is not part of the target


def test_what_an_attack_hit_is_read_beside_its_victims_but_not_idioms_or_the_attacker_himself():
    ev = _one("وشن الطيران الحربي غارة على مصنع عسكري شمال باكستان أسفرت عن مقتل عشرة جنود.", "ASSAULT")
    assert ("PAK", "MIL") in _codes_of(ev["recipients"]) and (None, "MIL") in _codes_of(ev["recipients"])
    ev = _one("وقتل مسلحون عشرين شخصا على الأقل في السوق.", "ASSAULT")
    assert [a["text"] for a in ev["recipients"]] == ["عشرين شخصا"]
    events = _events("وأطلق الحارس النار على نفسه داخل الثكنة.")
    assert not any(a["text"].startswith("نفس") for e in events for a in e["recipients"])


def test_those_named_among_the_victims_are_recipients_too():
    ev = _one("وأسفر الهجوم عن مقتل 12 شخصا بينهم الرئيس الأفغاني حامد كرزاي.", "ASSAULT")
    assert ("AFG", "GOV") in _codes_of(ev["recipients"]) and any(a["text"] == "12 شخصا" for a in ev["recipients"])
    ev = _one("وهاجم مسلحون موكبا بينهم زعيمة المعارضة بي نظير بوتو.", "ASSAULT")
    assert ("PAK", "OPP") in _codes_of(ev["recipients"])


def test_counted_people_opening_a_that_clause_are_its_passive_verbs_victims():
    ev = _one("وأعلن الجيش أن 14 شخصا يشتبه في أنهم ينتمون إلى جماعات مسلحة في المنطقة قتلوا في غارة جوية أمريكية.",
              "ASSAULT")
    assert any(a["text"] == "14 شخصا" for a in ev["recipients"]) and _countries(ev["actors"]) == {"USA"}


def test_the_party_after_a_relative_verb_is_its_object_unless_the_verb_points_back():
    ev = _one("وأدان الوزير الهجوم الذي استهدف السفارة البريطانية في كابل.", "ASSAULT")
    assert ("GBR", "GOV") in _codes_of(ev["recipients"]) and ("GBR", "GOV") not in _codes_of(ev["actors"])
    ev = _one("وأدان الوزير الهجوم الذي نفذته حركة طالبان في كابل.", "ASSAULT")
    assert ("AFG", "REB") in _codes_of(ev["actors"])


def test_khatafa_before_a_nominative_plural_is_a_verb_with_its_subject():
    ev = _one("خطف مسلحون مهندسا تركيا في بغداد.", "ASSAULT")
    assert _codes_of(ev["actors"]) == {(None, "UAF")} and (None, "UAF") not in _codes_of(ev["recipients"])
    ev = _one("وأدان البيان خطف الصحافي البريطاني في بغداد.", "ASSAULT")  # the noun: its genitive was taken
    assert ("GBR", "MED") in _codes_of(ev["recipients"])


def test_a_town_is_never_the_subject_a_later_sentence_refers_back_to():
    events = _events("وشهدت مدينة الموصل اشتباكات عنيفة أمس. ودعا إلى ضبط النفس ووقف القتال.")
    assert not [a for e in events for a in e["actors"] if a["text"] == "الموصل"]


def test_provinces_are_places_of_their_country():
    rec = rasid.analyze("وقع انفجار في محافظة ديالى وآخر في إقليم هلمند وثالث في وزيرستان الشمالية.", published=PUB)
    assert {e["country"] for e in rec["entities"] if e["type"] == "GPE"} >= {"IRQ", "AFG", "PAK"}


def test_a_pronoun_is_no_town():
    rec = rasid.analyze("وقال المتحدث إن الحديث عنه لم ينته بعد.", published=PUB)
    assert not [e for e in rec["entities"] if e["country"] == "IRQ"]
