"""A target that sends its mails a little after its page has answered (a queue, a worker): the
harness watches for an unwanted mail at least twice as long as the slowest mail it awaited in the
run took to come. Before, it watched for the quiet period only (0.5 s by default for a target
given by URL), and a mail sent where none should be, 1.5 s late, went unseen."""
import pytest

from .conftest import ALL_MUTANTS as ALL, DEEPER, run_on

# And, on the target without the fault, two changes in a row: the first change's notice, 1.5 s
# late, came after the second request and was taken for its mail (« Renouveler mon mot de
# passe » introuvable, NON CONFORME on E6-CONNEXION until 2026-12-04, sixth session); the
# harness now lets a change's notice come before it goes on.
SCENARIO = ["-m", "E6-MAIL-NOTIFICATION or E6-CONNEXION", "-k",
            "seul_un_changement or deux_changements"]


# In `make test`, the target with the fault: its run also shows the late notices of two changes
# taken for what they are. The same target without it, where no mail is late where none should
# be, in `make mutants` (and `make variantes`) since 2026-12-04 (CI's time, 28 worker-seconds).
@DEEPER
@pytest.mark.parametrize("variant", ["mail-differe+notification-sur-refus"]
                         + (["mail-differe"] if ALL else []), indirect=True)
def test_a_mail_sent_late_where_none_should_be_is_seen(variant, conformance_run, request):
    broken = "notification-sur-refus" in request.node.callspec.params["variant"]
    result = run_on(conformance_run, variant, *SCENARIO)
    report = conformance_run.report()
    assert len(report["scenarios"]) == 2
    status = {s["name"].startswith("Seul un"): s for s in report["scenarios"]}
    assert status[False]["status"] == "passed", status[False].get("failure")  # two changes
    if broken:
        assert result.returncode == 1, result.stdout[-3000:]
        assert status[True]["status"] == "failed"
        assert "n'a pas changé" in status[True]["failure"]["message"]
    else:  # the same target, without the fault: no mail where none should be, late or not
        assert result.returncode == 0, result.stdout[-3000:]
        assert status[True]["status"] == "passed"


@pytest.mark.parametrize("variant", ["mail-differe+mail-a-l-adresse-du-compte"], indirect=True)
def test_a_late_mail_is_seen_even_before_any_mail_was_awaited(variant, conformance_run):
    """A scenario whose only mail check is "no mail", first of its run: nothing tells yet how late
    this target's mails come. The page is the guide's, the unwanted mail comes 1.5 s later; the
    check watched 0.5 s and the run said CONFORME. It now watches 3 s at least until a mail
    awaited has come, unless the profile says how long a mail may take (quiet_seconds)."""
    result = run_on(conformance_run, variant, "-m", "E3BIS-1-SANS-MAIL", "-k", "pas_été_validée")
    report = conformance_run.report()
    assert result.returncode == 1, result.stdout[-3000:]
    (scenario,) = report["scenarios"]
    assert scenario["status"] == "failed", scenario.get("failure")
    assert scenario["failure"]["step"] == "Et aucun mail n'est envoyé", scenario["failure"]
