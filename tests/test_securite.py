"""The security profile (`securite`): run on demand, reported with its sources, never in the
conformance verdict. The reference app passes it, but for the accepted exceptions the guide itself
requires (the 3bis pages reveal that an account exists); mutants show its checks can fail."""
import re
import xml.etree.ElementTree as ET

import pytest

from ameli_conformance.verdict import load_catalogue

from .mutants import SECURITY_MUTANTS

SECURITY = [r["id"] for r in load_catalogue() if r["profile"] == "securite"]


def collected(conformance_run, *args) -> int:
    result = conformance_run.run("--collect-only", "-q", *args, timeout=120)
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr[-1500:]
    counts = re.findall(r"^\S+\.py: (\d+)$", result.stdout, re.MULTILINE)  # pytest -qq
    assert counts, result.stdout[-500:]
    return sum(map(int, counts))


def test_the_profile_runs_on_demand_only(conformance_run):
    default = collected(conformance_run)
    security = collected(conformance_run, "--suite", "securite")
    assert default == 97 and security > 0
    assert collected(conformance_run, "--profile", "securite") == security
    assert collected(conformance_run, "-m", "securite") == security
    accessibility = collected(conformance_run, "--suite", "accessibilite")
    assert accessibility == 7
    assert collected(conformance_run, "--suite", "tout") == default + security + accessibility


def test_the_reference_app_passes_it_but_for_the_accepted_exceptions(conformance_run, tmp_path):
    from .test_reports import leaks

    audit = tmp_path / "valeurs-des-personas.txt"
    # No screen after each step (the verdict and the masking are checked here; the traces and
    # HAR of the accepted exceptions are kept and scanned).
    result = conformance_run.run("--suite", "securite", "-n", "2", "--step-screenshots", "off",
                                 timeout=900, AMELI_PRIVACY_AUDIT=str(audit))
    report = conformance_run.report()
    # Tokens, forged and look-alike addresses, personas: masked in every file produced.
    assert not leaks(conformance_run.reports_dir, audit)[:20]
    assert result.returncode == 0, result.stdout[-3000:]
    assert report["verdict"] == "incomplete"  # the conformance verdict: no requirement ran
    security = {r["id"]: r for r in report["requirements"] if r["profile"] == "securite"}
    assert sorted(security) == sorted(SECURITY)
    assert all(r["source"] for r in security.values())
    statuses = {rid: r["status"] for rid, r in security.items()}
    assert statuses == {**{rid: "passed" for rid in SECURITY},
                        "SEC-ENUMERATION": "accepted_exception"}, statuses
    assert report["security"] == {"verdict": "passed", "accepted_exceptions": ["SEC-ENUMERATION"],
                                  "requirements": {"passed": len(SECURITY) - 1,
                                                   "accepted_exception": 1}}
    accepted = [s for s in report["scenarios"] if s["status"] == "accepted_exception"]
    assert sorted(s["name"] for s in accepted) == [
        "Un compte bloqué reçoit une autre page (cas 3bis-2 exigé par le guide)",
        "Un compte sans adresse mail reçoit une autre page (cas 3bis-1 exigé par le guide)"]
    assert all("3bis" in s["accepted_exception"] and s["failure"]["message"] for s in accepted)
    junit = ET.parse(conformance_run.reports_dir / "junit.xml")
    skipped = [c for c in junit.iter("testcase") if c.find("skipped") is not None]
    assert len(skipped) == 2 and all("exception acceptée" in c.find("skipped").get("message")
                                     for c in skipped)
    html = (conformance_run.reports_dir / "conformance.html").read_text(encoding="utf-8")
    assert "Profil de sécurité (hors verdict)" in html and "exception acceptée" in html




@pytest.mark.parametrize("mutant_target", sorted(SECURITY_MUTANTS), indirect=True)
def test_a_security_mutant_is_caught_on_its_identifier(mutant_target, conformance_run):
    name, target = mutant_target
    mutant = SECURITY_MUTANTS[name]
    result = conformance_run.run(
        "--target-url", target.url, "--mailpit-url", target.mailpit_url,
        "--control-url", target.control_url, "--suite", "securite", "-m", mutant.requirement,
        "--step-screenshots", "off", AMELI_CONTROL_TOKEN=target.control_token,
    )
    report = conformance_run.report()
    caught = next(r for r in report["requirements"] if r["id"] == mutant.requirement)
    assert caught["status"] == "failed", (mutant.what, caught, result.stdout[-3000:])
    assert caught["reason"].strip()
    assert report["security"]["verdict"] == "failed"
    assert report["verdict"] == "incomplete"  # never counted in the conformance verdict
    assert result.returncode == 1  # asked for the security profile: its failure fails the run
