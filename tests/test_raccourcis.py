"""What a scenario does not check, it does not pay for (issue 14): after the run has found the
request form and the login page by clicking, a scenario whose rule is not the way there reaches
them by their address, and the report says so; where the address does not give the page again
(a flow bound to its session), the way is clicked, and the verdict is the same. Both builds of
Chromium run the scenarios: the headless shell (the default) and the full browser."""
import pytest

from fixtures.targets import start_embedded

FORM = "le formulaire « Mot de passe oublié » par son adresse"
SELECTION = ["-m", "E3-ENVOI or E1-CONNEXION", "-k", "aboutit or propose"]


def shortcuts(report) -> dict[str, list[str]]:
    return {s["nodeid"]: s["shortcuts"] for s in report["scenarios"]}


def test_the_reference_is_reached_by_address_after_the_first_time(conformance_run):
    result = conformance_run.run(*SELECTION)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:]
    assert {s["status"] for s in report["scenarios"]} == {"passed"}
    taken = shortcuts(report)
    by_address = [n for n, s in taken.items() if any(x.startswith(FORM) for x in s)]
    # Every scenario but the first to need the form takes the shortcut; E1-CONNEXION's, whose
    # rule is the way to the form, never does.
    assert len(by_address) >= len(report["scenarios"]) - 3, taken
    assert all(not s for n, s in taken.items() if "propose" in n), taken
    assert any(x.endswith("(/mot-de-passe-oublie)") for s in taken.values() for x in s)


@pytest.fixture
def session_bound(tmp_path):
    target = start_embedded(tmp_path / "cible", tmp_path,
                            app_command=("tests.mutants", "formulaire-lie-a-la-session"))
    try:
        yield target
    finally:
        target.stop()


def test_an_address_bound_to_its_session_is_clicked_again_with_the_same_verdict(
        session_bound, conformance_run):
    t = session_bound
    result = conformance_run.run("--target-url", t.url, "--mailpit-url", t.mailpit_url,
                                 "--control-url", t.control_url, *SELECTION,
                                 AMELI_CONTROL_TOKEN=t.control_token)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:]
    assert {s["status"] for s in report["scenarios"]} == {"passed"}, [
        (s["name"], s.get("failure")) for s in report["scenarios"] if s["status"] != "passed"]
    assert not any(x.startswith(FORM) for s in shortcuts(report).values() for x in s)


@pytest.mark.parametrize("build", ["headless-shell", "complet"])
def test_both_builds_of_chromium_run_the_scenarios(build, conformance_run):
    result = conformance_run.run("--chromium-build", build, "-k", "accueil_du_compte or aboutit")
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:]
    assert {s["status"] for s in report["scenarios"]} == {"passed"}
    assert {s["browser"].rsplit("(", 1)[-1] for s in report["scenarios"]} == {f"{build})"}


def test_an_unknown_build_is_a_usage_error(conformance_run):
    result = conformance_run.run("--chromium-build", "firefox", timeout=60)
    assert result.returncode == 4, result.stdout[-500:] + result.stderr[-500:]
    assert "headless-shell" in result.stderr + result.stdout
