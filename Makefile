PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help demo test lint bench samples clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## read the bundled samples into out/ (CSV) and check them
	$(BIN)/jixiao extract samples -o out --format csv
	@# check exits 1 on errors, and the seed has two (SPEC §4): show them, do not fail the demo.
	$(BIN)/jixiao check samples/seed.docx || true

test: $(STAMP)  ## run the whole test suite
	$(BIN)/pytest -q

lint: $(STAMP)  ## ruff and mypy
	$(BIN)/ruff check jixiao tests samples
	$(BIN)/mypy jixiao

bench: $(STAMP)  ## measure speed and memory (prints figures; not a test)
	$(BIN)/python bench/run.py

samples: $(STAMP)  ## regenerate samples/ from the seed (needs LibreOffice for .doc/.pdf)
	$(BIN)/python samples/make_samples.py

clean:  ## remove the virtual environment and outputs
	rm -rf $(VENV) out
