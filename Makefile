# Stadtdialog: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n auto

.PHONY: run test lint format install install-dev migrate demo admin serve bench messages compilemessages clean

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: apt-get install python3.11 python3.11-venv"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: install, migrate an SQLite database, load the demo, create the admin, serve.
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

## make test: lint, then the whole pytest suite (DATABASE_URL picks PostgreSQL).
test: install-dev lint
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make bench: speed and query figures of the public pages.
bench: install-dev
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) -m tests.benchmarks

## Translation catalogues (needs GNU gettext: apt-get install gettext).
messages: install
	$(MANAGE) makemessages --all --ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests --ignore=var --ignore=participation --no-obsolete
	cd participation && ../$(PY) ../manage.py makemessages --all --no-obsolete

compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
