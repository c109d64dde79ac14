"""Pages a script changes in place: every form sent by fetch, the answer's body replacing the
page's, the address following (Turbo, htmx's boost and single-page apps work so). A person sees
the same pages, so the verdict is the same: a conformant target is CONFORME, a broken one is
caught. Before, the harness waited for a new page or an alert after each click, and such a
target ended in ERROR on every scenario that submits a form.

`rendu-differe` shows a spinner at once and the answer only 0.7 s later, well after its request
ended: the harness read the page while the spinner was on (after 150 ms without change) and
found 25 of 74 scenarios failed (NON CONFORME). It now watches the first pages a script changes
a while longer and, seeing them change again after a lull, waits 1.5 times that lull on this
target (steps/ui.py): 74 passed. Here, on two scenarios it had failed: a CAPTCHA copied wrong,
then right, and six confirmations refused on one page."""
import pytest

from .conftest import run_on

# A form's errors shown in place, a whole request, refusals on one page, logging in.
SELECTION = ["-m", "E2-FORMULAIRE or E3-ENVOI or E5-CONFIRMATION or E6-CONNEXION",
             "-k", "saisie_manquante or envoie_un_seul_mail or confirmation_différente "
                   "or ouvre_le_compte_lancien"]


LATE = ["-m", "E2-CAPTCHA-ERREUR or E5-CONFIRMATION",
        "-k", "copie_erronée_est_refusée or confirmation_différente"]


@pytest.mark.parametrize("variant, selection, scenarios",
                         [("envoi-par-script", SELECTION, 4), ("rendu-differe", LATE, 2)],
                         indirect=["variant"])
def test_a_target_whose_forms_are_sent_by_script_is_conformant(variant, selection, scenarios,
                                                               conformance_run):
    result = run_on(conformance_run, variant, *selection)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-3000:]
    assert len(report["scenarios"]) == scenarios
    assert {s["status"] for s in report["scenarios"]} == {"passed"}


@pytest.mark.parametrize("variant", ["envoi-par-script+confirmation-ignoree"], indirect=True)
def test_a_broken_rule_is_caught_on_a_target_whose_forms_are_sent_by_script(variant,
                                                                            conformance_run):
    result = run_on(conformance_run, variant, "--ui-timeout", "3", "-m", "E5-CONFIRMATION")
    report = conformance_run.report()
    assert result.returncode == 1, result.stdout[-3000:]
    statuses = {r["id"]: r["status"] for r in report["requirements"] if r["status"] != "not_tested"}
    assert statuses == {"E5-CONFIRMATION": "failed"}
