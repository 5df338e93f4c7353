# The one task runner: these recipes are how to work on Act Locally, and what CI calls.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# Local recipes run in demo mode: outside debug, demo and test mode the settings refuse to start
# without a real secret key and HTTPS (see .env.example).
LOCAL := ACTLOCALLY_DEMO=1

.PHONY: run serve test lint lock audit fix bench england-figures vendor demo-reset check install migrate test-postgres fuzz two-instances backup-drill check-deploy serve-smoke

# Every dependency comes from the lock file, each file checked against its hash; then the project
# itself, without letting pip resolve anything else (`make lock` after changing pyproject.toml).
$(STAMP): pyproject.toml requirements-lock.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements-lock.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(LOCAL) $(BIN)/python manage.py migrate --no-input

## make run: set everything up and serve the demo at http://127.0.0.1:$(PORT), with a background
## worker and the scheduler (both stop when you stop the server)
run: migrate
	$(LOCAL) $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	ACTLOCALLY_DEMO=1 $(BIN)/python manage.py seed_demo
	@ACTLOCALLY_DEMO=1 $(BIN)/python manage.py demo_logins
	@echo "Serving Act Locally at http://127.0.0.1:$(PORT)"
	PORT=$(PORT) bash scripts/run_demo.sh

## make serve: as a council runs it: production settings, gunicorn, PostgreSQL (DATABASE_URL),
## Redis (REDIS_URL), a worker and the scheduler, static files through WhiteNoise (docs/deploy.md)
serve: install
	PORT=$(PORT) bash scripts/serve.sh

## make two-instances: two gunicorns, one PostgreSQL and Redis: sessions and tasks are shared
two-instances: install
	bash scripts/two_instances.sh

## make check-deploy: Django's deployment checklist on production settings, failing on any warning
check-deploy: install
	ACTLOCALLY_ENV=production DJANGO_SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))") \
	  DJANGO_ALLOWED_HOSTS=actlocally.example.gov.uk DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
	  REDIS_URL=redis://127.0.0.1:6379/0 $(BIN)/python manage.py check --deploy --fail-level WARNING

## make backup-drill: back up the demo, wipe, restore, compare every table (SQLite and PostgreSQL)
backup-drill: install
	bash scripts/backup_drill.sh

## make serve-smoke: `make serve` on a fresh PostgreSQL database with the demo, a worker and Redis,
## and the browser smoke test against it (CI runs it)
serve-smoke: install
	bash scripts/serve_smoke.sh

## make test: lint, then the whole suite (SQLite unless DATABASE_URL says otherwise)
# xdist's default `load` keeps each process's tests in pytest-django's order, ordinary tests
# before those that flush the database (the browser tests); `worksteal` could run one after.
test: lint
	$(BIN)/pytest -n 2

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest -n 2

## make fuzz: the property-based tests with a long corpus (CI runs a short one in `make test`)
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -n 2 -m fuzz

## make lock: resolve pyproject.toml's pins (and what they need) into requirements-lock.txt, hashed
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --quiet \
	  --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
	  --custom-compile-command "make lock" -o requirements-lock.txt

## make audit: known vulnerabilities in the locked dependencies; fails on any it could not check
## (it needs PyPI's JSON API or OSV, which this workplace cannot reach)
audit: install
	$(BIN)/pip-audit --strict --require-hashes --disable-pip -r requirements-lock.txt

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

fix: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make bench: speed figures, printed as `bench:` lines and written to docs/benchmarks.md
bench: migrate
	$(BIN)/python scripts/bench.py

## make england-figures DATA=/path/to/data: rewrite actlocally/places/data/england.json, England's
## figure for each IoD measure, from MHCLG's England-wide files (imd2019/, imd2025/, lookups/)
england-figures: install
	$(BIN)/python scripts/england_figures.py $(DATA)

## make vendor: refresh the committed front-end libraries from npm (needs Node)
vendor:
	bash scripts/vendor.sh

## make demo-reset: throw away the local database and load the demo again
demo-reset:
	rm -f var/db.sqlite3
	$(MAKE) migrate
	ACTLOCALLY_DEMO=1 $(BIN)/python manage.py seed_demo

check: install
	$(LOCAL) $(BIN)/python manage.py check
	$(LOCAL) $(BIN)/python manage.py makemigrations --check --dry-run
