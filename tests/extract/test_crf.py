"""Rasid's CRF decoder against CRFsuite's own tagger, on the shipped model and on a model trained here."""
import random

import pycrfsuite
import pytest

import rasid.extract.ner as ner
from rasid.extract.crf import CrfModel
from rasid.extract.ner import MODEL_DIR, NerTagger, segment_word, sentence_features, tagger
from rasid.text.normalize import normalize_word

SENTENCES = [
    "التقى وزير الخارجية التركي هاكان فيدان رئيس الوزراء اللبناني نجيب ميقاتي في بيروت .",
    "وصل الرئيس الإيراني مسعود بزشكيان إلى بغداد في أول زيارة خارجية له .",
    "وقالت وزارة الدفاع الأمريكية إن قواتها قصفت مواقع لجماعة الحوثي في اليمن .",
    "وأعلنت شركة أرامكو السعودية عن أرباحها في الربع الثالث من العام .",
    "تظاهر آلاف من طلاب جامعة القاهرة أمام مبنى البرلمان المصري .",
    "الرياض",
    "غزة والضفة",
    "وبحث الجانبان العلاقات الثنائية وسبل تعزيزها",
]


def _words(sentence: str) -> list[str]:
    vocab = tagger().vocab
    return [p.text for w in sentence.split() for p in segment_word(normalize_word(w), vocab)]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_tagger_labels_as_crfsuite_does_with_the_shipped_model(sentence):
    words = _words(sentence)
    reference = pycrfsuite.Tagger()
    reference.open(str(MODEL_DIR / "model.crfsuite"))
    assert tagger().tag(words) == reference.tag(sentence_features(words, tagger().vocab, tagger().clusters))


def _crfsuite() -> pycrfsuite.Tagger:
    reference = pycrfsuite.Tagger()
    reference.open(str(MODEL_DIR / "model.crfsuite"))
    return reference


def test_sentences_tagged_together_are_labelled_as_each_alone_by_crfsuite(monkeypatch):
    # empty sentences, one word, long ones; a small batch limit splits the article into several batches
    monkeypatch.setattr(ner, "_BATCH_WORDS", 20)
    sentences = [_words(s) for s in ["", *SENTENCES, "", SENTENCES[0] + " " + SENTENCES[2]]]
    reference = _crfsuite()
    expected = [reference.tag(sentence_features(w, tagger().vocab, tagger().clusters)) if w else [] for w in sentences]
    assert tagger().tag_all(sentences) == expected
    assert tagger().tag_all(list(reversed(sentences))) == list(reversed(expected))


def test_the_word_table_gives_the_same_labels_when_it_starts_afresh_or_is_too_small():
    sentences = [_words(s) for s in SENTENCES]
    reference = _crfsuite()
    expected = [reference.tag(sentence_features(w, tagger().vocab, tagger().clusters)) for w in sentences]
    small = NerTagger()
    small.word_scores = ner._WordScores(small._word_scores, 12, len(small.model.labels))
    assert [small.tag(w) for w in sentences * 2] == expected * 2   # refilled between sentences
    assert small.tag_all(sentences) == expected                     # more words than the table holds


def test_words_of_the_cluster_file_are_tagged_as_crfsuite_does():
    # random runs of clustered words: their own and their neighbours' cluster features decide the labels
    rng = random.Random(17)
    words = sorted(tagger().clusters)
    sentences = [rng.sample(words, rng.randint(1, 12)) for _ in range(40)]
    reference = _crfsuite()
    expected = [reference.tag(sentence_features(w, tagger().vocab, tagger().clusters)) for w in sentences]
    assert tagger().tag_all(sentences) == expected
    assert [tagger().tag(w) for w in sentences] == expected


def test_cluster_ids_become_features_of_the_word_and_of_its_neighbours():
    clusters = {"بغداد": ("7", "3", "1")}
    feats = sentence_features(["في", "بغداد", "امس"], {}, clusters)
    assert (feats[1]["k1"], feats[1]["k2"], feats[1]["k3"]) == ("7", "3", "1")
    assert feats[0]["1:k1"] == "7" and feats[2]["-1:k1"] == "7"
    assert "k1" not in feats[0] and "k1" not in sentence_features(["بغداد"], {}, {})[0]


def test_the_shipped_model_was_trained_with_the_shipped_clusters():
    assert len(tagger().clusters) > 10000
    fine = {ids[0] for ids in tagger().clusters.values()}
    trained = {name.split(":", 1)[1] for name in tagger().model.attribute_ids if name.startswith("k1:")}
    assert trained and trained <= fine


def test_the_tagger_finds_the_people_and_places_of_a_sentence():
    words = _words(SENTENCES[1])
    labels = dict(zip(words, tagger().tag(words)))
    assert labels["مسعود"] == "B-PER" and labels["بغداد"] == "B-GPE"


def test_decoding_a_model_trained_here_matches_crfsuite(tmp_path):
    rng = random.Random(7)
    labels = ["A", "B", "C"]

    def item():
        # text values, numeric values (a weight other than 1) and a value of 0
        return {"w": rng.choice("xyzuv"), "n": rng.choice([0.0, 0.5, 2.0]), "flag": float(rng.random() < 0.3)}

    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(60):
        xs = [item() for _ in range(rng.randint(1, 8))]
        ys = [labels[("xyzuv".index(x["w"]) + int(x["n"] > 1)) % 3] for x in xs]
        trainer.append(xs, ys)
    trainer.set_params({"max_iterations": 30})
    path = tmp_path / "toy.crfsuite"
    trainer.train(str(path))
    reference = pycrfsuite.Tagger()
    reference.open(str(path))
    model = CrfModel.load(path)
    assert sorted(model.labels) == labels
    states, expected = [], []
    for _ in range(200):
        xs = [item() for _ in range(rng.randint(1, 9))]
        xs[0]["unseen"] = "never in training"
        state = model.scores(((i, k, v) for i, x in enumerate(xs) for k, v in x.items()), len(xs))
        assert model.decode(state) == reference.tag(xs)
        states.append(state)
        expected.append(reference.tag(xs))
    assert model.decode_all(states) == expected  # sentences of different lengths decoded at once


def test_a_file_that_is_not_a_crfsuite_model_is_refused(tmp_path):
    path = tmp_path / "model.crfsuite"
    path.write_bytes(b"not a model" * 10)
    with pytest.raises(ValueError, match="not a CRFsuite"):
        CrfModel.load(path)
