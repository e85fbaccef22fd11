"""The shipped NER model: it loads from the package alone, with no network, and says where it comes from."""
import json
import socket

from rasid.extract.ner import MODEL_DIR, NerTagger, segment_word
from rasid.text.normalize import normalize_word


def test_the_shipped_model_loads_and_tags_with_the_network_refused(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("the NER model tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    tagger = NerTagger(MODEL_DIR)
    assert {"B-PER", "I-PER", "B-ORG", "I-ORG", "B-GPE", "O"} <= set(tagger.model.labels)
    assert tagger.clusters and tagger.vocab and tagger.common_words
    words = [p.text for w in "وقال رئيس الوزراء العراقي محمد شياع السوداني في بغداد".split()
             for p in segment_word(normalize_word(w), tagger.vocab)]
    labels = tagger.tag(words)
    assert len(labels) == len(words) and {"B-PER", "B-GPE"} <= set(labels)


def test_every_shipped_model_file_is_named_in_its_licence():
    licence = (MODEL_DIR / "LICENSE").read_text(encoding="utf-8")
    for path in MODEL_DIR.iterdir():
        assert path.name == "LICENSE" or path.name in licence, path.name


def test_the_cluster_provenance_matches_the_cluster_file():
    provenance = json.loads((MODEL_DIR / "clusters.json").read_text(encoding="utf-8"))
    clusters = NerTagger(MODEL_DIR).clusters
    assert provenance["words"] == len(clusters)
    assert len({ids[0] for ids in clusters.values()}) <= provenance["clusters"]["fine"]
    assert provenance["seed"] is not None and "saudinewsnet.jsonl.gz" in provenance["inputs"]
