# The two commands a newcomer needs are `make serve` and `make test`; both install what they use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
# MkDocs and Material print notices about their own future on every run (the tests silence them
# the same way); they say nothing about this project.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Python keeps compiled modules (__pycache__/, ignored by git) even where the environment says
# not to: the suite starts a hundred builds and scripts, each of which would compile the guide
# and the tests afresh.
export PYTHONDONTWRITEBYTECODE :=

.PHONY: serve build check lint test test-fast schema benchmarks clean
TEST_WORKERS ?= 3

# A virtual environment with the site's packages; rebuilt when a requirements file changes.
$(BIN)/.site-installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	PYTHONWARNINGS="ignore:Editable installation:UserWarning" $(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

$(BIN)/.test-installed: $(BIN)/.site-installed requirements-test.txt examples/requirements.txt
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-test.txt -r examples/requirements.txt
	touch $@

# npm packages from package-lock.json: elkjs lays out the decision flowchart during the build,
# axe-core checks accessibility in the tests.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests (a tool's own browser download fails here),
# poppler-utils for reading the printed PDFs, and nginx with its Brotli module for the
# real-server tests and `make serve-prod` (run from a folder of their own, never as the system
# service); installed only when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
NGINX ?= /usr/sbin/nginx
NGINX_BROTLI := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
.PHONY: system-tools
system-tools:
	@if [ ! -x "$(CHROMIUM)" ] || ! command -v pdftotext >/dev/null || [ ! -x "$(NGINX)" ] || [ ! -f "$(NGINX_BROTLI)" ]; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium poppler-utils nginx libnginx-mod-http-brotli-static; \
	fi

# A problem in the data or a page does not stop the server: every page lists the problems
# (file:line:column) until they are fixed, then reloads by itself.
serve: $(BIN)/.site-installed node_modules/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# The published behaviour on this machine: a strict build served by nginx with the site's own
# deploy/nginx.conf (headers, precompressed files) at http://127.0.0.1:$(PROD_PORT)/. No reload.
PROD_PORT ?= 8001
.PHONY: serve-prod
serve-prod: system-tools
	SITE_URL=http://127.0.0.1:$(PROD_PORT)/ $(MAKE) build
	$(BIN)/python -m guide.publish.localnginx site --port $(PROD_PORT)

# Builds into a temporary folder and replaces site/ only on success: a failed build never
# leaves a site/ that could be published.
build: $(BIN)/.site-installed node_modules/.installed
	rm -rf site.partial
	$(BIN)/mkdocs build --strict --quiet --site-dir site.partial
	rm -rf site && mv site.partial site

# The data files and what each page under docs/ may hold (macros, snippets), without a build.
check: $(BIN)/.site-installed
	$(BIN)/python -m guide check

schema: $(BIN)/.site-installed
	$(BIN)/python -m guide schema

# Ruff and mypy (strict) on guide/, as configured in pyproject.toml; .pre-commit-config.yaml runs the same.
lint: $(BIN)/.test-installed
	$(BIN)/ruff check guide tests/test_layers.py tests/test_architecture.py tests/test_build_cache.py
	$(BIN)/mypy

# Three pytest-xdist workers on this 2-core machine: the suite waits on browsers, builds and
# nginx, and a third worker fills those waits (tests/: 258 s with two, 228 s with three); a
# worker that runs out of tests takes some of another's. The site builds the tests share are
# built once per run (helpers.once_per_run). Every benchmark script runs in its quickest mode too
# (tests/test_benchmark_scripts.py). The example projects' tests run beside them in one process
# at a lower priority, in the moments tests/ waits (about 20 s of CPU, which two workers of their
# own would raise to 30); their report follows tests/' and either failing fails `make test`.
# Times: BENCHMARKS.md, "Test suite".
test: $(BIN)/.test-installed node_modules/.installed system-tools lint
	PYTHON=$(BIN)/python node --test tests/js/*.test.js
	@examples_log=$$(mktemp); \
	echo "$(BIN)/python -m pytest examples (in the background, at a lower priority)"; \
	nice -n 10 $(BIN)/python -m pytest examples > $$examples_log 2>&1 & examples=$$!; \
	echo "$(BIN)/python -m pytest tests -n $(TEST_WORKERS) --dist worksteal"; \
	$(BIN)/python -m pytest tests -n $(TEST_WORKERS) --dist worksteal; tests=$$?; \
	wait $$examples; examples_status=$$?; \
	echo "--- $(BIN)/python -m pytest examples:"; cat $$examples_log; rm -f $$examples_log; \
	[ $$tests = 0 ] && [ $$examples_status = 0 ]

# `make check`, then every test that neither builds the site nor starts a browser (those skip
# themselves): the data, validation, page rules, renderers and exports, in a minute or two.
test-fast: $(BIN)/.test-installed
	$(BIN)/python -m guide check
	GUIDE_TESTS=fast $(BIN)/python -m pytest tests -q -rfE -n 2

benchmarks: $(BIN)/.test-installed node_modules/.installed
	$(BIN)/python benchmarks/build_time.py
	$(BIN)/python benchmarks/scaling.py
	$(BIN)/python benchmarks/page_weight.py
	$(BIN)/python benchmarks/lighthouse.py
	$(BIN)/python benchmarks/cold_start.py

clean:
	rm -rf site site.partial .pytest_cache
