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

from .conftest import ALL_MUTANTS as ALL, DEEPER, run_on

pytestmark = DEEPER  # `make mutants` runs the whole file

LATE = ["-m", "E2-CAPTCHA-ERREUR or E5-CONFIRMATION",
        "-k", "copie_erronée_est_refusée or confirmation_différente"]
# In make test, the first of the two (the CAPTCHA copied wrong, then right: 35 s of CI for both,
# each submission lasting 0.7 s at least); `make mutants` (AMELI_ALL_MUTANTS=1) runs both.
if not ALL:
    LATE = ["-m", "E2-CAPTCHA-ERREUR", "-k", "copie_erronée_est_refusée"]


# `envoi-par-script` alone (sent by script, shown at once) used to pass 4 scenarios here (a form's
# errors in place, a whole request, refusals on one page, logging in: 23 s of CI). `rendu-differe`
# sends by script too, and the broken variant below walks `envoi-par-script`'s pages up to the
# rule it breaks. Its full run, by hand: `python -m tests.mutants envoi-par-script …`.
@pytest.mark.parametrize("variant, selection, scenarios", [("rendu-differe", LATE, 2 if ALL else 1)],
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
