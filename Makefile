# Two commands do all the set-up on a fresh Debian machine (see README.md):
#   make conformance   the conformance run against the embedded default; reports in reports/
#   make test          the project's own tests
# Another target: make conformance PROFILE=path/to/profile.toml (check it: make check-profile)
# Extra pytest arguments: make conformance ARGS="-k E4"
# On demand: make securite (the security profile, outside the verdict)
#            make accessibilite (the RGAA 4.1 profile, outside the verdict)
#            make flakiness REPS=20 (the full run repeated, serial and -n 2)
#            make benchmark (where the time goes; reports/benchmark.json)
#            make mutation (the mutation campaign: score and survivors, reports/mutation.json)
#            make variantes (each conformant design of tests/mutants.py run as a target: each must
#              be CONFORME; reports/variantes.json; ARGS="--only NAME --select '-m E3-ENVOI'")
#            make mutants (each of the 26 mutants of one identifier caught on its identifier only,
#              and every mutant and variant of the tests marked approfondi: make test runs a few)
#            make hostile (1000 hostile inputs per form of the reference app; CASES=N)
#            make tirages (the personas' properties over 10,000 draws per reading; DRAWS=N)
#            make explore (random sequences against a model of the guide; ARGS="--explore-budget 600")
#            make explore-mutants (the exploration run against broken variants of the reference)
#            make browser-server HOST=0.0.0.0 PORT=3000 (a Playwright browser server for others)
#            make merge SHARDS="dir1 dir2" (reports of shards merged into reports/)

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ARGS   ?=
PROFILE ?=
# A relative PROFILE is read from the folder make was called from (make -C this-folder …, from
# beside one's own service), else from this one.
PROFILE_PATH := $(if $(filter /%,$(PROFILE)),$(PROFILE),$(if $(wildcard $(PWD)/$(PROFILE)),$(abspath $(PWD)/$(PROFILE)),$(PROFILE)))
PROFILE_ARG := $(if $(PROFILE),--profile $(PROFILE_PATH),)

REPS   ?= 20
# The workers of make test and make mutants: one more than the machine's cores. Their tests wait
# part of the time (a mutant's step waits its 3 s for what a correct page would show, a quiet
# period shows that no mail left, a stopped target is waited for): with one worker per core the
# 2 cores here were 89 % busy over make test, with one more 97 %, and the same tests took 440 s
# instead of 495 s, then 486 s instead of 512 s; make mutants 200 s instead of 255 s (pytest's
# own figures, back to back, 2026-12-03; README, speed).
WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
HOST   ?= 127.0.0.1
PORT   ?= 0

.PHONY: hostile tirages mutants mutation variantes explore explore-mutants conformance securite accessibilite flakiness benchmark browser-server compare merge check-profile test install chromium clean

# Python's bytecode caches are kept (__pycache__/, ignored by git), even where the environment says
# PYTHONDONTWRITEBYTECODE=1 (this machine's image does): without them every process of a run (the
# harness, pytest's rewrite of its 168 modules, the app, the sink, each child run of make test)
# compiled its sources again, 0.6 s of CPU for each harness process.
unexport PYTHONDONTWRITEBYTECODE
# Hypothesis's pytest plugin imports hypothesis at the end of a run (0.8 s): the suite does not use it.
# pytest-playwright, when installed beside the harness, is left out (fixtures/voisins.py says why).
NOHYP  := -p no:hypothesispytest -p no:playwright

# make ends in its own status 2 on any failure, and prints the harness's as « Error N » (1 non
# conforme or error, 2 interrupted, 4 usage): `.venv/bin/ameli-conformance` returns it itself.
conformance: install
	$(VENV)/bin/ameli-conformance $(PROFILE_ARG) $(ARGS)

securite: install
	$(PY) -m pytest steps $(NOHYP) --suite securite $(PROFILE_ARG) $(ARGS)

accessibilite: install
	$(PY) -m pytest steps $(NOHYP) --suite accessibilite $(PROFILE_ARG) $(ARGS)

flakiness: install
	$(PY) scripts/flakiness.py --repetitions $(REPS) $(if $(ARGS),-- $(ARGS),)

benchmark: install
	$(PY) scripts/benchmark.py $(ARGS)

browser-server: install
	$(PY) -m ameli_conformance.fixtures.browser --host $(HOST) --port $(PORT)

compare: install
	@test -n "$(RUNS)" || { echo "usage : make compare RUNS=\"dossier1 dossier2 ...\""; exit 2; }
	$(PY) -m ameli_conformance.compare $(RUNS) --reports-dir reports/comparaison

merge: install
	@test -n "$(SHARDS)" || { echo "usage : make merge SHARDS=\"dossier1 dossier2\""; exit 2; }
	$(PY) -m ameli_conformance.merge $(SHARDS) --reports-dir reports

check-profile: install
	@test -n "$(PROFILE)" || { echo "usage : make check-profile PROFILE=chemin/du/profil.toml"; exit 2; }
	$(PY) -m ameli_conformance.fixtures.check_profile $(PROFILE_PATH)

test: install
	$(PY) -m pytest tests -n $(WORKERS) --maxschedchunk 1 $(ARGS)

install: $(STAMP) chromium

# --no-compile: pip compiled every module of every package (Faker's hundreds of locales among
# them); Python compiles the ones a run imports, once, into the same caches (kept, see above).
# Installing, then collecting the suite: 25.6 s and 23.1 CPU seconds, then 19.7 s and 19.0
# (2026-12-03).
$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv manquant : installation du paquet Debian"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-compile -e '.[test]'
	@touch $@

# Xvfb: the virtual screen of --headed where there is no screen (fixtures/affichage.py).
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1 \
	  && command -v Xvfb >/dev/null 2>&1 || { \
	  echo "Chromium manquant : installation des paquets Debian chromium, chromium-headless-shell et xvfb"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    chromium chromium-headless-shell xvfb; }

clean:
	rm -rf $(VENV) reports/*.json reports/*.xml reports/*.html reports/*.ndjson reports/evidence* reports/logs *.egg-info

mutation: install
	$(PY) scripts/mutation.py $(ARGS)

variantes: install
	$(PY) scripts/variantes.py $(ARGS)

hostile: install
	AMELI_HOSTILE_CASES=$(or $(CASES),1000) $(PY) -m pytest tests/test_reference_entrees_hostiles.py -n 2 $(ARGS)

tirages: install
	AMELI_DRAWS=$(or $(DRAWS),10000) $(PY) -m pytest tests/test_personas.py -n 2 $(ARGS)

explore: install
	$(PY) -m pytest exploration $(PROFILE_ARG) $(ARGS)

mutants: install
	AMELI_ALL_MUTANTS=1 $(PY) -m pytest tests -m approfondi -n $(WORKERS) --maxschedchunk 1 $(ARGS)

explore-mutants: install
	AMELI_EXPLORE_MUTANTS=1 $(PY) -m pytest tests/test_exploration.py $(ARGS)
