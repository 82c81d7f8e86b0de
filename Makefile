# gridplanner: `make run` opens the app on the sample, `make test` runs the suite headless.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE ?= sample_maps/demo_subdistrict.gpkg

.PHONY: run test bench fuzz lint translations clean samples postgres postgres-stop

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m gridplanner.tools.translations compile

run: $(STAMP) translations
	@$(BIN)/python -m gridplanner.tools.qt_libs
	$(BIN)/gridplanner gui $(SAMPLE)

test: $(STAMP) translations
	$(BIN)/python -m pytest tests -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

bench: $(STAMP) translations
	$(BIN)/python -m pytest tests/bench -q -s --bench -p no:cacheprovider

# Many more fuzz cases than `make test` runs (tests/fuzz); FUZZ_CASES and FUZZ_SEED change them.
FUZZ_CASES ?= 3000
FUZZ_SEED  ?= 1400
fuzz: $(STAMP) translations
	GRIDPLANNER_FUZZ_CASES=$(FUZZ_CASES) GRIDPLANNER_FUZZ_SEED=$(FUZZ_SEED) \
	$(BIN)/python -m pytest tests/fuzz -q -s -p no:cacheprovider -o timeout=0

lint: $(STAMP)
	$(BIN)/python -m ruff check gridplanner tests
	$(BIN)/python -m mypy
	$(BIN)/lint-imports

# A local PostgreSQL+PostGIS (Debian's postgresql and postgresql-15-postgis-3) for the
# tests that need one and for trying a city plan; prints the URI to export as
# GRIDPLANNER_TEST_PG_URI. Without it, those tests start a throwaway server themselves.
postgres: $(STAMP)
	@$(BIN)/python tests/postgres_server.py start

postgres-stop: $(STAMP)
	@$(BIN)/python tests/postgres_server.py stop

samples: $(STAMP)
	$(BIN)/python sample_maps/build_samples.py

clean:
	rm -rf $(VENV) build *.egg-info
