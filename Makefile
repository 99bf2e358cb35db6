# report-site: `make build` and `make test` do all the set-up on a fresh machine (Python ≥ 3.11).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV     := $(VENV)/.dev-installed

.PHONY: build build-group serve test check lint typecheck import generate golden translate translate-pr clean lock bench lighthouse

$(RUNTIME): requirements.lock pyproject.toml
	@# A half-made .venv (no pip: Debian without python3-venv) is made again, not used.
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); } \
	  || { echo "cannot create $(VENV): install Python's venv module (Debian: apt install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(DEV): $(RUNTIME) requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

## build: generate site_src/ from content/ and build site/ (all three editions)
build: $(RUNTIME)
	$(BIN)/report-site build

## build-group: GROUP=K/N — build the reports of group K of N into .cache/parts/, publish nothing (a job of .github/workflows/pages-matrix.yml; `make build` then assembles the site)
build-group: $(RUNTIME)
	@test -n "$(GROUP)" || { echo "usage: make build-group GROUP=K/N"; exit 2; }
	$(BIN)/report-site build --group "$(GROUP)"

## serve: live preview (EDITION=zh-Hans|zh-Hant|en); regenerates when content/ or templates/ change
serve: $(RUNTIME)
	$(BIN)/report-site serve --edition $(or $(EDITION),zh-Hans)

generate: $(RUNTIME)
	$(BIN)/report-site generate

## import: FILE=path/to/report.txt [SLUG=name] [ORGANISATION=…] [YEAR=…] [DRY_RUN=1] — import a plain-text report into content/
import: $(RUNTIME)
	@test -n "$(FILE)" || { echo "usage: make import FILE=report.txt [SLUG=name] [ORGANISATION=name] [YEAR=yyyy] [DRY_RUN=1]"; exit 2; }
	$(BIN)/report-site import "$(FILE)" $(if $(SLUG),--slug "$(SLUG)") $(if $(ORGANISATION),--organisation "$(ORGANISATION)") $(if $(YEAR),--year "$(YEAR)") $(if $(DRY_RUN),--dry-run)

## test: every test (unit, golden, property, built site, browser)
test: $(DEV)
	$(BIN)/python -m pytest

## golden: regenerate the golden files of site_src/ after an intended change; review the diff
golden: $(DEV)
	$(BIN)/python -m tests.golden

## bench: build synthetic archives (SIZES=1,10,80 reports) and print the figures (not a test)
# (A default, not $(or …): make's functions split their arguments at commas.)
SIZES ?= 1,10,80
REPEAT ?= 1
bench: $(RUNTIME)
	$(BIN)/python bench/bench.py --sizes $(SIZES) --repeat $(REPEAT) --json bench/results.json

## lighthouse: Lighthouse (mobile) on home, a section and the figures page of every edition
# The site is built for the local address it is served at, as it is for its real one.
lighthouse: $(RUNTIME)
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	REPORT_SITE_URL=http://127.0.0.1:8757/ $(BIN)/report-site build
	$(BIN)/python tools/lighthouse/run.py --site site --port 8757

lint: $(DEV)
	$(BIN)/ruff check generator tests bench tools/lighthouse overrides/hooks
	$(BIN)/ruff format --check generator tests bench tools/lighthouse overrides/hooks

typecheck: $(DEV)
	$(BIN)/mypy generator

## translate: merge the translation memories with the Chinese; with ENGINE=… also draft what is missing
translate: $(RUNTIME)
	$(BIN)/report-site translate $(if $(ENGINE),--engine $(ENGINE)) $(if $(BASE_URL),--base-url $(BASE_URL)) $(if $(MODEL),--model $(MODEL))

## translate-pr: [OUT=folder] what .github/workflows/translate.yml runs: draft with the engine of content/site.yml, check, write the pull request's body.md and changed memories to OUT
translate-pr: $(RUNTIME)
	$(BIN)/report-site translate-pr "$(or $(OUT),.translate-pr)" $(if $(BASE),--base "$(BASE)") $(if $(REQUIRE_KEY),--require-key) $(if $(ENGINE),--engine $(ENGINE)) $(if $(BASE_URL),--base-url $(BASE_URL)) $(if $(MODEL),--model $(MODEL))

## check: everything a reviewer runs
check: lint typecheck test
	$(BIN)/report-site check --strict
	$(BIN)/report-site generate
	for e in zh-Hans zh-Hant en; do (cd site_src/$$e && ../../$(BIN)/mkdocs build --strict -d ../../.site.check/$$e) || exit 1; done
	rm -rf .site.check

## lock: re-resolve the pinned dependencies (needs the package registry)
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e .
	( echo "# Exact versions report-site builds with (runtime). Regenerate: make lock"; .lock-venv/bin/pip freeze --exclude-editable ) > requirements.lock
	.lock-venv/bin/pip install --quiet -e '.[dev]' playwright
	( echo "# Exact versions for tests and checks, on top of requirements.lock. Regenerate: make lock"; echo "-r requirements.lock"; .lock-venv/bin/pip freeze --exclude-editable | grep -vxFf requirements.lock ) > requirements-dev.lock
	rm -rf .lock-venv

clean:
	rm -rf site site_src .build-site_src .build-site .build-site.old .build-parts .cache .site.check .pytest_cache .mypy_cache .ruff_cache
