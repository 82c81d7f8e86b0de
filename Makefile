# gridplanner: `make run` opens the app on the sample, `make test` runs the suite headless.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE ?= sample_maps/demo_subdistrict.gpkg

.PHONY: run test bench lint translations clean samples

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m gridplanner.tools.translations compile

run: $(STAMP) translations
	$(BIN)/gridplanner gui $(SAMPLE)

test: $(STAMP) translations
	$(BIN)/python -m pytest tests -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

bench: $(STAMP) translations
	$(BIN)/python -m pytest tests/bench -q -s --bench -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/python -m ruff check gridplanner tests
	$(BIN)/python -m mypy
	$(BIN)/lint-imports

samples: $(STAMP)
	$(BIN)/python sample_maps/build_samples.py

clean:
	rm -rf $(VENV) build *.egg-info
