# Two commands: `make demo` serves the site with demo content, `make test` runs the suite.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test bench lint format install install-dev messages clean backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --editable .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --editable ".[dev]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py search_index rebuild --no-progress
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/python -m pytest

# Performance on scale data under gunicorn, against a reference page; writes docs/benchmarks.md.
# Needs wrk (apt-get install wrk); keeps its databases in bench-data/ for the next run.
bench: install-dev
	$(BIN)/python -m tests.benchmarks.http_bench

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Catalogues: en and nn are generated from the bokmål source strings; nn also gets the hand-kept
# nynorsk for third-party strings (locale/nn/third_party.po). nb is hand-kept overrides of
# allauth/Django/Wagtail and must never go through makemessages (see docs/languages.md).
messages: install-dev
	$(BIN)/python manage.py makemessages --locale en --locale nn --no-obsolete --ignore ".venv/*" --ignore "tests/*"
	msgcat --use-first --output-file locale/nn/LC_MESSAGES/django.po locale/nn/LC_MESSAGES/django.po locale/nn/third_party.po
	$(BIN)/python manage.py compilemessages --ignore ".venv/*"
	@for po in locale/*/LC_MESSAGES/*.po; do printf '%s: ' $$po; msgfmt --statistics -o /dev/null $$po; done

# Backup of the database and MEDIA_ROOT into BACKUP_DIR (default backups/); restore needs ARCHIVE=path
# and asks before it replaces anything (docs/deployment.md).
backup:
	$(BIN)/python manage.py backup_site

restore:
	@test -n "$(ARCHIVE)" || { echo "Bruk: make restore ARCHIVE=backups/innoplatform-….tar.gz"; exit 2; }
	$(BIN)/python manage.py restore_site "$(ARCHIVE)"

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
