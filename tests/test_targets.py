"""Any implementation, described by its profile: the second implementation (tests/autre_impl),
with and without a clock; a target that stops mid-run; expected failures, confirmed and stale."""
import json
import subprocess
import sys
import time

import pytest

from ameli_conformance.fixtures.processes import wait_until
from ameli_conformance.fixtures.targets import start_embedded

from .conftest import ROOT
from .couverture import covering_tests, deselect_all_but
from .test_parallele import assert_clock_turns_alone
from tests.autre_impl import TOKEN_ENV, launch, profile

# The scenario of E4-LIEN-30MIN that a 60-minute link fails (its two examples).
ONE_LINK = "refusé_audelà_de_30_minutes"
CLOCK_REQUIREMENTS = {"E2-CAPTCHA-5MIN", "E3BIS-2-BLOCAGE", "E4-LIEN-30MIN",
                      "E6-MAIL-NOTIFICATION", "CONNEXION-BLOCAGE"}


def required(report):
    return {r["id"]: r for r in report["requirements"] if r["profile"] == "exigences"}


def collected_tests() -> list[str]:
    """The node ids of the conformance suite, as pytest collects them."""
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "--collect-only", "-q", "-p", "no:cacheprovider",
         "-p", "no:hypothesispytest"], cwd=ROOT, capture_output=True, text=True, timeout=120,
    ).stdout.splitlines()
    collected = [line for line in listed if "::" in line]
    assert collected, "aucun scénario collecté"
    return collected


@pytest.fixture
def second_implementation(request, tmp_path):
    without = getattr(request, "param", ())
    target = launch(tmp_path / "autre", without)
    capabilities = [c for c in ("accounts", "captcha", "clock", "reset") if c not in without]
    path = tmp_path / "autre.toml"
    path.write_text(profile(target, capabilities), encoding="utf-8")
    try:
        yield target, path
    finally:
        target.stop()


def test_the_second_implementation_passes_unchanged(second_implementation, conformance_run):
    """Other URLs, markup, ids, field order, wording, storage and clock: the same verdict."""
    target, path = second_implementation
    # The verdict is what is checked here (the reference's run checks the evidence): no
    # screenshot after each step, no trace, a fifth less to pay. The point is that the harness
    # reads other pages: every step definition runs here at least once, and every requirement
    # is tested, on the fewest scenarios that do so (tests/couverture.py: 34 of 52 scenarios, the
    # first example of an outline); the other scenarios try the same steps on more data, which
    # the reference's full run covers.
    # Two workers on the one target its URLs give: its clock scenarios must take their turns
    # alone (tests/test_parallele.py), as on any shared target.
    result = conformance_run.run("--profile", str(path), "--step-screenshots", "off",
                                 "--playwright-trace", "off", "-n", "2",
                                 *deselect_all_but(covering_tests(), collected_tests()),
                                 **{TOKEN_ENV: target.control_token})
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-3000:]
    assert report["verdict"] == "conformant"
    assert all(r["status"] == "passed" for r in required(report).values()), required(report)
    assert report["summary"] == {"passed": len(report["scenarios"])}
    assert sorted(s["nodeid"].split("::")[1].split("[")[0] for s in report["scenarios"]) == sorted(
        covering_tests())
    assert report["interpretations"]["reset_request_limit"] == 4  # its own, from its profile
    assert report["profile"]["token_env"] == TOKEN_ENV
    assert target.control_token not in (conformance_run.reports_dir / "conformance.json").read_text()
    assert_clock_turns_alone(report["scenarios"])


@pytest.mark.parametrize("second_implementation", [("clock",)], indirect=True)
def test_without_a_clock_the_clock_scenarios_are_not_applicable(second_implementation,
                                                                 conformance_run):
    target, path = second_implementation
    # The scenarios that move the clock, and E0-ACCES's as a witness: the others ran in the test
    # above, on the same implementation, and nothing of theirs depends on the clock.
    result = conformance_run.run("--profile", str(path), "--require-complete",
                                 "-m", "horloge or E0-ACCES", "--step-screenshots", "off",
                                 "--playwright-trace", "off", **{TOKEN_ENV: target.control_token})
    report = conformance_run.report()
    assert result.returncode != 0  # incomplete, and the run asked for a complete verdict
    assert report["verdict"] == "incomplete"
    statuses = {rid: r["status"] for rid, r in required(report).items()}
    assert {rid for rid, st in statuses.items() if st == "not_applicable"} == CLOCK_REQUIREMENTS
    ran = {st for rid, st in statuses.items() if rid not in CLOCK_REQUIREMENTS} - {"not_tested"}
    assert ran == {"passed"} and statuses["E0-ACCES"] == "passed", statuses
    for scenario in report["scenarios"]:
        assert scenario["status"] in ("passed", "not_applicable"), scenario
        if scenario["status"] == "not_applicable":
            assert "« clock »" in scenario["not_applicable"], scenario
    for rid in CLOCK_REQUIREMENTS:
        assert "« clock »" in required(report)[rid]["reason"]


def test_a_target_stopped_mid_run_ends_in_error_with_a_diagnosis(tmp_path, conformance_run):
    target = start_embedded(tmp_path / "cible", tmp_path / "logs")
    app = target.processes[-1]
    log = tmp_path / "logs" / "reference_app.log"
    proc = None
    try:
        args = ["--target-url", target.url, "--mailpit-url", target.mailpit_url,
                "--control-url", target.control_url, "-m", "E6-CONNEXION or E5-CASSE or E4-MAIL"]
        proc = subprocess.Popen(conformance_run.command(*args), cwd=ROOT,
                                env=conformance_run.env(AMELI_CONTROL_TOKEN=target.control_token),
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        first_request = wait_until(lambda: log.exists() and "POST /mot-de-passe-oublie" in
                                   log.read_text(errors="replace"), timeout=120)
        assert first_request, "the run never submitted a request"
        app.proc.kill()  # the target dies in the middle of the run
        killed_at = time.monotonic()
        output, _ = proc.communicate(timeout=300)
        after_kill = time.monotonic() - killed_at
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
        target.stop()
    report = conformance_run.report()
    assert proc.returncode != 0
    assert report["verdict"] == "error", output[-2000:]
    statuses = {s["status"] for s in report["scenarios"]}
    assert "failed" not in statuses, [s["failure"] for s in report["scenarios"]
                                      if s["status"] == "failed"]
    errors = [s for s in report["scenarios"] if s["status"] == "error"]
    assert errors
    for scenario in errors:
        failure = scenario["failure"]
        assert failure["part"] in ("cible", "API de contrôle"), failure
        assert any(w in failure["message"] for w in ("ne répond", "injoignable")), failure
    # Bounded: every scenario left errs at once, not after its UI timeouts.
    assert after_kill < 20 * len(errors), after_kill


# ---------------------------------------------------------------- expected failures


def expected_failures_file(tmp_path, ident="E4-LIEN-30MIN"):
    path = tmp_path / "echecs.toml"
    path.write_text(f'[[expected_failure]]\nid = "{ident}"\n'
                    'reason = "RECETTE-1 : le lien reste valable 60 minutes"\n', encoding="utf-8")
    return path


def test_a_listed_failure_lets_the_run_pass(tmp_path, conformance_run):
    listed = expected_failures_file(tmp_path)
    result = conformance_run.run("--reference-setting", "RESET_LINK_LIFETIME=3600",
                                 "--expected-failures", str(listed), "-k", ONE_LINK)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:]
    assert report["verdict"] == "incomplete"  # only part of the suite ran: see test_verdicts.py
    e4 = required(report)["E4-LIEN-30MIN"]
    assert e4["status"] == "expected_failure"
    assert e4["expected_failure"].startswith("RECETTE-1")
    assert e4["reason"].startswith("un lien qui ne devait plus être valable")
    assert [c["id"] for c in report["expected_failures"]["confirmed"]] == ["E4-LIEN-30MIN"]
    assert report["expected_failures"]["stale"] == []


def test_a_listed_failure_that_passes_fails_the_run_by_name(tmp_path, conformance_run):
    listed = expected_failures_file(tmp_path)
    result = conformance_run.run("--expected-failures", str(listed), "-k", ONE_LINK)
    report = conformance_run.report()
    assert result.returncode != 0
    assert "ÉCHEC ATTENDU PÉRIMÉ : E4-LIEN-30MIN passe désormais" in result.stdout
    assert [s["id"] for s in report["expected_failures"]["stale"]] == ["E4-LIEN-30MIN"]
    assert required(report)["E4-LIEN-30MIN"]["status"] == "passed"


def test_an_unknown_identifier_in_the_file_stops_the_run_before_it_starts(tmp_path,
                                                                          conformance_run):
    listed = expected_failures_file(tmp_path, ident="E9-INCONNUE")
    result = conformance_run.run("--expected-failures", str(listed), "-k", "lien", timeout=60)
    assert result.returncode == 4  # pytest's usage error: nothing ran
    assert "identifiant inconnu 'E9-INCONNUE'" in result.stderr
    assert not (conformance_run.reports_dir / "conformance.json").exists()


def test_a_bad_profile_stops_the_run_and_says_what_is_wrong(tmp_path, conformance_run):
    bad = tmp_path / "mauvais.toml"
    bad.write_text('[target]\nurl = "http://127.0.0.1:9/"\n[control]\ntoken = "secret"\n',
                   encoding="utf-8")
    result = conformance_run.run("--profile", str(bad), timeout=60)
    assert result.returncode == 4
    assert "le jeton ne s'écrit pas dans le profil" in result.stderr
    assert "[mail] mailpit_url : obligatoire" in result.stderr
    assert json.dumps("secret") not in result.stdout
