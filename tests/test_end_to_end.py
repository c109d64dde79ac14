"""The conformance suite run as a user runs it, against the embedded default: a conformant
reference app, a mutant that keeps its links 60 minutes, and an interrupted run. None may leave a
process behind."""
import os
import signal
import subprocess
import xml.etree.ElementTree as ET

import pytest

from ameli_conformance.fixtures.processes import wait_until

from .conftest import ROOT, processes_marked

ISSUE_2 = ["E0-ACCES", "E1-CONNEXION", "E3-ENVOI", "E4-MAIL", "E5-FORMULAIRE",
           "E6-CONFIRMATION", "E6-CONNEXION", "E4-LIEN-30MIN"]


def by_id(report):
    return {r["id"]: r for r in report["requirements"]}


def assert_nothing_left(run):
    left = wait_until(lambda: not processes_marked(run.marker), timeout=10)
    assert left, f"processes left behind: {processes_marked(run.marker)}"


def test_reference_app_is_conformant_and_reports_are_written(conformance_run, tmp_path):
    from .test_lecteurs import read_if_npm
    from .test_raccourcis import check_shortcuts_of_a_full_run
    from .test_reports import PRODUCED, leaks

    audit = tmp_path / "valeurs-des-personas.txt"
    # As a user runs it, but for the traces: recording one for every scenario, to keep the
    # failed ones', took about a tenth of a run's CPU in one noisy measure (issue 14: CI's 10
    # minutes), and none fails here; the failing run of test_reports keeps and checks traces.
    result = conformance_run.run("-n", "2", "--profile", "profiles/reference.toml",
                                 "--playwright-trace", "off", AMELI_PRIVACY_AUDIT=str(audit))
    report = conformance_run.report()
    for name in PRODUCED:
        assert (conformance_run.reports_dir / name).is_file(), name
    assert not leaks(conformance_run.reports_dir, audit)[:20]
    assert result.returncode == 0, result.stdout[-3000:]
    assert report["verdict"] == "conformant"
    requirements = by_id(report)
    required = [r for r in report["requirements"] if r["profile"] == "exigences"]
    assert report["coverage"] == {"required": len(required), "covered": len(required)}
    for req in required:
        assert req["status"] == "passed", req
    for rid in ISSUE_2:
        assert requirements[rid]["status"] == "passed", requirements[rid]
    assert report["interpretations"]["reset_request_limit"] == 3
    assert report["summary"] == {"passed": len(report["scenarios"])}
    assert report["target"]["embedded"] is True and "control_token" not in report["target"]
    assert report["profile"]["file"] == "profiles/reference.toml"
    for scenario in report["scenarios"]:
        assert scenario["steps"] and all(s["status"] == "passed" for s in scenario["steps"])
        assert set(scenario) >= {"feature", "name", "tags", "status", "duration_s", "steps"}
    assert {s["browser"].rsplit("(", 1)[-1] for s in report["scenarios"]} == {"headless-shell)"}
    check_shortcuts_of_a_full_run(report)
    assert not any(s["answered"] for s in report["scenarios"])  # no banner to answer here
    junit = ET.parse(conformance_run.reports_dir / "junit.xml").getroot()
    cases = junit.findall(".//testcase")
    assert len(cases) == len(report["scenarios"])
    # Every screen, each distinct one once and smaller, the full-size one linked (issue 17: a
    # full run's report was 12 MB, 96 % of it screens)
    html = conformance_run.reports_dir / "conformance.html"
    assert html.stat().st_size < 4_000_000, html.stat().st_size
    assert "data:image/webp;base64," in html.read_text(encoding="utf-8")
    # Each example its own case, as a JUnit viewer groups them (issue 17: 47 of 73 shared one)
    assert len({(c.get("classname"), c.get("name")) for c in cases}) == len(cases)
    assert not junit.findall(".//failure") and not junit.findall(".//error")
    # Read by Cucumber's HTML formatter and xunit-viewer (from npm): every scenario, each once
    # (the screens shown inline are counted on the failing run of test_lecteurs)
    read_if_npm(conformance_run.reports_dir, report, tmp_path, screens=False)
    assert_nothing_left(conformance_run)


def test_a_link_valid_60_minutes_is_caught_on_e4_lien_30min(conformance_run):
    result = conformance_run.run("--reference-setting", "RESET_LINK_LIFETIME=3600",
                                 "-m", "E4-LIEN-30MIN")
    report = conformance_run.report()
    assert result.returncode != 0
    assert report["verdict"] == "non-conformant"
    failed = by_id(report)["E4-LIEN-30MIN"]
    assert failed["status"] == "failed"
    assert failed["reason"].startswith("un lien qui ne devait plus être valable a permis de changer")
    statuses = {s["name"]: s["status"] for s in report["scenarios"]}
    assert statuses["Le lien est refusé au-delà de 30 minutes"] == "failed"
    assert statuses["Le lien fonctionne pendant les 30 minutes qui suivent la demande"] == "passed"
    refused = [s for s in report["scenarios"] if s["status"] == "failed"]
    assert all(s["failure"]["step"].startswith("Alors un message indique") for s in refused)
    assert "E4-LIEN-30MIN" in result.stdout  # the terminal summary names it
    assert_nothing_left(conformance_run)


def test_ctrl_c_stops_the_run_says_so_and_leaves_no_process(conformance_run):
    """Ctrl-C reaches the whole group, Playwright's driver included: the run stops (it used to go
    on, every remaining scenario in error « Playwright connection closed », exit 1), the report
    says `interrupted` and lists what did not run, the exit status is pytest's for it (2)."""
    proc = subprocess.Popen(conformance_run.command("-k", "mail"), cwd=ROOT,
                            env=conformance_run.env(), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        first = proc.stdout.read(1)  # pytest prints a "." when the first scenario has passed
        assert first == ".", f"the run did not pass a first scenario: {first!r}"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 2, proc.returncode
    report = conformance_run.report()
    assert report["interrupted"] is True and report["verdict"] == "error"
    assert report["not_run"], "the scenarios that did not run are listed"
    assert not [s for s in report["scenarios"] if "connection closed" in str(s.get("failure"))]
    assert not (conformance_run.reports_dir / "EN-COURS.json").exists()  # its reports are written
    assert_nothing_left(conformance_run)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_harness_leaves_no_app_or_sink_and_no_stale_verdict(conformance_run, how):
    """SIGKILL, or SIGTERM as a CI runner or a service manager stops a job: no teardown. The app
    and the sink go by themselves; the previous run's verdict and logs are not left in the folder
    as if they were this run's (they are set aside in precedente/), and EN-COURS.json says the
    folder holds an unfinished run."""
    folder = conformance_run.reports_dir
    (folder / "logs").mkdir(parents=True)
    (folder / "conformance.json").write_text('{"verdict": "conformant"}')
    (folder / "logs" / "ancien.log").write_text("journal d'une exécution précédente")
    proc = subprocess.Popen(conformance_run.command("-k", "mail"), cwd=ROOT,
                            env=conformance_run.env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        assert wait_until(
            lambda: any("ameli_conformance.reference_app" in p for p in processes_marked(conformance_run.marker)),
            timeout=60,
        )
        proc.send_signal(how)  # no teardown, no atexit; the children must go by themselves
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    left = wait_until(
        lambda: not [p for p in processes_marked(conformance_run.marker)
                     if "ameli_conformance.reference_app" in p or "ameli_conformance.mailsink" in p],
        timeout=10,
    )
    assert left, processes_marked(conformance_run.marker)
    assert not (folder / "conformance.json").exists()
    assert (folder / "precedente" / "conformance.json").read_text() == '{"verdict": "conformant"}'
    assert (folder / "precedente" / "logs" / "ancien.log").is_file()
    assert not (folder / "logs" / "ancien.log").exists()  # the next zip carries no older log
    assert "exécution en cours, ou arrêtée" in (folder / "EN-COURS.json").read_text()
