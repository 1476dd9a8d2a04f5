# warwire: `make demo` and `make test` set everything up from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= warwire.db

.PHONY: install demo test lint typecheck pytest bench clean

ASSETS := src/warwire/web/npm

$(STAMP): pyproject.toml $(ASSETS)/package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# the web UI's Leaflet, basemap and Swagger UI, from the npm registry (no install scripts)
	cd $(ASSETS) && SCARF_ANALYTICS=false npm ci --ignore-scripts --no-audit --no-fund --prefer-offline
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/warwire demo --db $(DB)

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: install
	$(BIN)/mypy

pytest: install
	@sh scripts/ensure_chromium.sh >/dev/null || echo "warning: no Chromium: the browser test skips (and fails under CI=true)"
	@# a throwaway PostgreSQL server (scripts/ensure_postgres.sh) for the tests that run on both
	@# backends, one per run, unless WARWIRE_TEST_PG names one; without it those tests skip (fail
	@# under CI=true)
	@if [ -n "$${WARWIRE_TEST_PG:-}" ]; then exec $(BIN)/python -m pytest -q; fi; \
	export WARWIRE_PG_STATE=$$(mktemp -d -t warwire-test-postgres-XXXXXX); \
	pg=$$(sh scripts/ensure_postgres.sh) || echo "warning: no PostgreSQL: its tests skip (and fail under CI=true)"; \
	WARWIRE_TEST_PG="$$pg" $(BIN)/python -m pytest -q; rc=$$?; \
	sh scripts/ensure_postgres.sh stop; exit $$rc

test: lint typecheck pytest

bench: install
	$(BIN)/warwire bench

clean:
	rm -rf $(VENV) $(ASSETS)/node_modules test-artifacts .mypy_cache .ruff_cache .pytest_cache .hypothesis warwire.db warwire.db-*
