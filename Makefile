# Everyday commands for the Kamere portal. A fresh clone needs only Python 3.11+ and make:
# every target creates .venv and installs what it needs the first time.

PYTHON ?= python3
PORT ?= 8000
PYTEST_ARGS ?=

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

# `make run`: development settings (DEBUG on, mail written to files in var/mail/).
DEV_ENV := export DJANGO_SETTINGS_MODULE=portal.settings.dev PORT=$(PORT) SITE_URL=http://127.0.0.1:$(PORT)

# `make serve`: production settings, plus the least configuration needed to serve on this
# machine over plain HTTP: a local-only secret key, local host names, no HTTPS redirect,
# the SQLite database in var/ and mail printed to the terminal instead of sent.
SERVE_SECRET := var/serve-secret-key
SERVE_ENV := unset DATABASE_URL; export DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY="$$(cat $(SERVE_SECRET))" ALLOWED_HOSTS=127.0.0.1,localhost HTTPS=false \
	SITE_URL=http://127.0.0.1:$(PORT) EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
# The production web command, as the Procfile states it.
WEB_CMD = $(shell sed -n 's/^web:[[:space:]]*//p' Procfile)

# `make test`: the deployment check runs with production settings and a dummy key.
DEPLOY_CHECK_ENV := env DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY=make-test-only-dummy-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz \
	ALLOWED_HOSTS=kamere.example.org \
	HTTPS=true

.PHONY: help run serve test messages mutation
# A recipe that fails leaves no half-written stamp or key file behind.
.DELETE_ON_ERROR:

help:
	@echo "make run       development server on http://127.0.0.1:$(PORT)/ with demo content"
	@echo "make test      linters, Django checks and the test suite"
	@echo "make serve     the same data served as in production (gunicorn, whitenoise)"
	@echo "make messages  update and compile translations (needs GNU gettext)"
	@echo "make mutation  mutation score of the rules' modules (slow; MUTATION_ARGS=ratelimit)"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed-run
	$(PY) -m pip install --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(SERVE_SECRET):
	mkdir -p var
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# Each recipe runs in one shell: the settings are exported once, then `set -x` shows the steps.
run: $(VENV)/.installed-run
	@set -e; $(DEV_ENV); set -x; \
	mkdir -p var/mail; \
	$(MANAGE) migrate --noinput; \
	$(MANAGE) createcachetable; \
	$(MANAGE) sync_site; \
	$(MANAGE) seed_demo; \
	$(MANAGE) update_index --verbosity 0; \
	$(MANAGE) ensure_local_admin; \
	$(MANAGE) ensure_demo_accounts; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The Procfile's worker and scheduler run alongside the web process and stop with it.
serve: $(VENV)/.installed-run $(SERVE_SECRET)
	@set -e; $(SERVE_ENV); set -x; \
	$(MANAGE) migrate --noinput; \
	$(MANAGE) createcachetable; \
	$(MANAGE) sync_site; \
	$(MANAGE) seed_demo; \
	$(MANAGE) update_index --verbosity 0; \
	$(MANAGE) collectstatic --noinput --verbosity 0; \
	$(MANAGE) run_worker & worker=$$!; \
	$(MANAGE) run_schedule & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	echo "Serving http://127.0.0.1:$(PORT)/ with production settings; Ctrl-C stops."; \
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" GUNICORN_CMD_ARGS="--bind 127.0.0.1:$(PORT)" \
		sh -c '$(WEB_CMD)'

test: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(DEPLOY_CHECK_ENV) $(MANAGE) check --deploy --fail-level WARNING
	@# Fails on a pinned package with a known vulnerability; a package the advisory service
	@# cannot be asked about (offline, a mirror without it) is listed as skipped, not failed.
	$(VENV)/bin/pip-audit --progress-spinner off --no-deps --disable-pip \
		-r requirements.txt -r requirements-dev.txt
	$(PY) -m pytest $(PYTEST_ARGS)

# Mutation testing (tests/mutation/): slow, so not part of `make test`; run it before a release.
# MUTATION_ARGS picks modules (`make mutation MUTATION_ARGS="glossary review"`) or --dry-run.
MUTATION_ARGS ?=
mutation: $(VENV)/.installed-dev
	nice $(PY) tests/mutation/run.py $(MUTATION_ARGS)

messages: $(VENV)/.installed-run
	@set -e; $(DEV_ENV); set -x; \
	$(MANAGE) makemessages -l sr_Latn -l en --add-location file --ignore=.venv --ignore=var --ignore=tests; \
	$(MANAGE) cyrillic_catalogue; \
	$(MANAGE) compilemessages --ignore=.venv
