"""The accessibility profile (`accessibilite`, issue 17): run on demand, outside the conformance
verdict, each check naming its RGAA 4.1 criterion; the reference app meets it, and a field
without its label and an error announced by nothing are each caught on their identifier."""
import pytest

from ameli_conformance.verdict import load_catalogue

from .mutants import ACCESSIBILITY_MUTANTS

ACCESSIBILITY = [r["id"] for r in load_catalogue() if r["profile"] == "accessibilite"]
# The scenarios that show each mutant: a run of the whole profile takes 15 s. The errors tied
# to nothing are tried on forms sent by a script (a conformant variant, which meets the whole
# profile): the error then appears in the same page, a status message that must be announced
# (RGAA 7.5); in a new page, as the reference app shows it, 7.5 does not apply.
SELECTION = {"champ-sans-etiquette": ["-m", "ACC-ECRANS", "-k", "accueil"],
             "focus-invisible": ["-m", "ACC-CLAVIER", "-k", "nouveau_mot_de_passe_se_choisit"],
             "envoi-par-script+erreur-non-annoncee": ["-m", "ACC-ERREURS"]}


def test_the_reference_app_meets_it_outside_the_verdict(conformance_run):
    result = conformance_run.run("--suite", "accessibilite", "--step-screenshots", "off",
                                 "--playwright-trace", "off", timeout=600)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-3000:]
    assert report["verdict"] == "incomplete"  # the conformance verdict: no requirement ran
    ran = {r["id"]: r["status"] for r in report["requirements"] if r["profile"] == "accessibilite"}
    assert ran == {rid: "passed" for rid in ACCESSIBILITY}, ran
    assert report["accessibility"]["verdict"] == "passed"
    rows = [c for s in report["scenarios"] for c in s.get("checks", [])]
    screens = [c for c in rows if c["tried"].startswith("écran ")]
    assert len(screens) >= 11, screens
    assert all(c["status"] == "passed" for c in rows if "7.5" not in c["rule"]), rows
    # the reference app shows an input error in a new page: no status message (RGAA 7.5)
    announced = [c for c in rows if "7.5" in c["rule"]]
    assert [c["status"] for c in announced] == ["skipped"], announced
    assert all(c["rule"].startswith("RGAA") for c in rows), {c["rule"] for c in rows}
    html = (conformance_run.reports_dir / "conformance.html").read_text(encoding="utf-8")
    assert "Profil d'accessibilité, RGAA 4.1 (hors verdict)" in html
    assert "accessibilité (hors verdict) : passed" in result.stdout




@pytest.mark.parametrize("mutant_target", sorted(SELECTION), indirect=True)
def test_an_accessibility_mutant_is_caught_on_its_identifier(mutant_target,
                                                             conformance_run):
    name, target = mutant_target
    mutant = ACCESSIBILITY_MUTANTS[name.split("+")[-1]]
    result = conformance_run.run(
        "--target-url", target.url, "--mailpit-url", target.mailpit_url,
        "--control-url", target.control_url, "--suite", "accessibilite", *SELECTION[name],
        "--ui-timeout", "3", "--step-screenshots", "off", "--playwright-trace", "off",
        AMELI_CONTROL_TOKEN=target.control_token,
    )
    report = conformance_run.report()
    statuses = {r["id"]: r["status"] for r in report["requirements"] if r["status"] != "not_tested"}
    assert statuses == {mutant.requirement: "failed"}, (mutant.what, statuses)
    assert report["accessibility"]["verdict"] == "failed"
    assert report["verdict"] == "incomplete"  # never counted in the conformance verdict
    assert result.returncode == 1  # asked for the profile: its failure fails the run
    failure = next(s["failure"] for s in report["scenarios"] if s["status"] == "failed")
    if name == "champ-sans-etiquette":
        assert "RGAA 11.1" in failure["message"] and "#captcha" in failure["seen"], failure
    elif name == "focus-invisible":
        failed = [c["tried"] for s in report["scenarios"] for c in s.get("checks", [])
                  if c["status"] == "failed"]
        assert failed == ["« Nouveau mot de passe » montre qu'il a le focus",
                          "« Confirmer le mot de passe » montre qu'il a le focus"], failed
    else:
        failed = [c["rule"].split(" (")[0] for s in report["scenarios"]
                  for c in s.get("checks", []) if c["status"] == "failed"]
        assert failed == ["RGAA 11.10", "RGAA 7.5"], failed
