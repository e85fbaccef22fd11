"""The ontology data files are consistent with each other and with PLOVER/CAMEO."""
import json

from rasid.code.ontology import ontology
from rasid.code.triggers import _lexicon
from rasid.resources import DATA

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# CAMEO roots each PLOVER type may use (PLOVER 2.0 manual, CAMEO crosswalk)
ROOTS = {"AGREE": {"03", "05", "08"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "CONCEDE": {"08"},
         "COOPERATE": {"03", "06"}, "AID": {"07"}, "RETREAT": {"08"}, "REQUEST": {"02", "10"},
         "ACCUSE": {"09", "11"}, "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"},
         "SANCTION": {"16"}, "MOBILIZE": {"15"}, "COERCE": {"17"}, "ASSAULT": {"18", "19", "20", "17"}}


def test_all_sixteen_types_and_only_them():
    assert set(ontology().types) == PLOVER_TYPES


def test_every_code_has_a_goldstein_score_in_range_and_a_quad_class():
    onto = ontology()
    for etype, spec in onto.types.items():
        for code in [spec["cameo"], *spec["modes"].values()]:
            assert isinstance(code, str) and len(code) == 3, (etype, code)
            assert code[:2] in ROOTS[etype], (etype, code)
            assert -10.0 <= onto.goldstein[code] <= 10.0
            assert onto.quad[code[:2]] in (1, 2, 3, 4)


def test_material_conflict_scores_below_cooperation():
    onto = ontology()
    assert onto.coding("ASSAULT", "drone").goldstein < 0 < onto.coding("AGREE", None).goldstein
    assert onto.coding("ASSAULT", None).quad_class == 4 and onto.coding("CONSULT", "visit").quad_class == 1


def test_trigger_lexicon_uses_known_types_modes_and_codes():
    onto = ontology()
    table, _, verbs = _lexicon()
    assert all(v.pos == "verb" and table[k].pos == "noun" for k, v in verbs.items())
    for entry in table.values():
        assert entry.type in PLOVER_TYPES
        assert entry.mode is None or entry.mode in onto.types[entry.type]["modes"]
        assert entry.cameo in onto.goldstein and entry.cameo[:2] in ROOTS[entry.type]
        assert entry.props <= {"required", "genitive", "place", "context", "happening", "around", "intransitive", "passive"}


def test_ontology_file_is_valid_json_with_a_source():
    data = json.loads((DATA / "ontology" / "plover.json").read_text(encoding="utf-8"))
    assert "PLOVER" in data["source"]
