"""What a scenario does not check, it does not pay for (issue 14): after the run has found the
request form and the login page by clicking, a scenario whose rule is not the way there reaches
them by their address, and the report says so; where the address does not give the page again
(a flow bound to its session), the way is clicked, and the verdict is the same (the reference's
shortcuts are checked on test_end_to_end.py's full run). The full browser runs the scenarios on
demand; the headless shell, the default, runs every other test."""
import os

import pytest

from ameli_conformance.fixtures.targets import start_embedded

from .conftest import ALL_MUTANTS as ALL, DEEPER

FORM = "le formulaire « Mot de passe oublié » par son adresse"
# With two changes of password in a row (E6-CONNEXION): the session the way had marked ends at
# the change, and the form kept by its address said « Session expirée » (ERROR, or NON CONFORME
# on E6-CONNEXION, E5-CHIFFRE-OU-SPECIAL, E5-CARACTERES-AUTORISES, and E2-CAPTCHA-5MIN when the
# clock goes back before the session: until 2026-12-04, sixth session).
SELECTION = ["-m", "E3-ENVOI or E1-CONNEXION or E6-CONNEXION", "-k",
             "aboutit or propose or deux_changements"]


def shortcuts(report) -> dict[str, list[str]]:
    return {s["nodeid"]: s["shortcuts"] for s in report["scenarios"]}


def check_shortcuts_of_a_full_run(report) -> None:
    """On the reference (test_end_to_end.py's full run): every scenario but the first of each
    worker to need the form reaches it by its address; E0-ACCES's and E1-CONNEXION's never take
    a shortcut, their rule is the way."""
    taken = {s["nodeid"]: (s["tags"], s["shortcuts"]) for s in report["scenarios"]}
    assert all(not cuts for tags, cuts in taken.values()
               if {"E0-ACCES", "E1-CONNEXION"} & set(tags)), taken
    by_address = [n for n, (_, cuts) in taken.items() if any(c.startswith(FORM) for c in cuts)]
    assert len(by_address) >= len(report["scenarios"]) // 2, taken
    assert any(c.endswith("(/mot-de-passe-oublie)") for _, cuts in taken.values() for c in cuts)


@pytest.fixture(params=["parcours-marque-dans-la-session"]
                + (["formulaire-lie-a-la-session"] if ALL else []))
def session_bound(tmp_path, request):
    """Two conformant flows bound to their session: the form served by its address but its
    submission refused without the mark the login page left in the session (inside the cookie
    the form sets too: same names, with or without the mark), and the form refused by its
    address. `parcours-lie-a-un-cookie` (a cookie of its own) is caught by the same rule. The
    first, the subtler (the form shows, only its sending tells), in `make test`; both in `make
    mutants` (and `make variantes`) since 2026-12-04 (CI's time, 29 worker-seconds)."""
    target = start_embedded(tmp_path / "cible", tmp_path, app_command=("tests.mutants", request.param))
    try:
        yield target
    finally:
        target.stop()


@DEEPER
def test_an_address_bound_to_its_session_is_clicked_again_with_the_same_verdict(
        session_bound, conformance_run):
    t = session_bound
    result = conformance_run.run("--target-url", t.url, "--mailpit-url", t.mailpit_url,
                                 "--control-url", t.control_url, *SELECTION,
                                 "--step-screenshots", "off", "--playwright-trace", "off",
                                 AMELI_CONTROL_TOKEN=t.control_token)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:]
    assert {s["status"] for s in report["scenarios"]} == {"passed"}, [
        (s["name"], s.get("failure")) for s in report["scenarios"] if s["status"] != "passed"]
    assert not any(x.startswith(FORM) for s in shortcuts(report).values() for x in s)


def test_the_full_browser_runs_the_scenarios_on_demand(conformance_run, tmp_path):
    """The headless shell is the default: the full run of test_end_to_end.py uses it. And
    Playwright's driver keeps the code it compiled in the user's cache (fixtures/pages.py)."""
    result = conformance_run.run("--chromium-build", "complet", "-k",
                                 "accueil_du_compte or envoie_un_seul_mail",
                                 XDG_CACHE_HOME=str(tmp_path / "cache"))
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:]
    assert {s["status"] for s in report["scenarios"]} == {"passed"}
    assert {s["browser"].rsplit("(", 1)[-1] for s in report["scenarios"]} == {"complet)"}
    if "NODE_COMPILE_CACHE" not in os.environ:  # else the user's own is kept, and used
        assert any((tmp_path / "cache" / "ameli-conformance" / "node").rglob("*")), \
            "le pilote de Playwright n'a rien gardé de son code compilé"


def test_an_unknown_build_is_a_usage_error(conformance_run):
    result = conformance_run.run("--chromium-build", "firefox", timeout=60)
    assert result.returncode == 4, result.stdout[-500:] + result.stderr[-500:]
    assert "headless-shell" in result.stderr + result.stdout
