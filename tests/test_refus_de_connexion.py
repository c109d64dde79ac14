"""A login refused on a page of its own: the reason shown without the form, « Réessayer »
leading back to it (tests/mutants.py, `refus-de-connexion-sur-sa-page`). The guide does not show
the page of a refused login, so such a target is right; until 2026-12-03 the harness read « no
login form » as « the account opened », and said NON CONFORME on E6-CONNEXION and
CONNEXION-BLOCAGE (« un mauvais mot de passe a ouvert le compte »)."""
import pytest

from .conftest import run_on

# A block, its refusal and its end; the new password opening the account, the old one refused.
SELECTION = ["-m", "CONNEXION-BLOCAGE or E6-CONNEXION", "-k",
             "trop_derreurs or lancien_non"]


@pytest.mark.parametrize("variant", ["refus-de-connexion-sur-sa-page"], indirect=True)
def test_a_refusal_on_a_page_of_its_own_is_a_refusal(variant, conformance_run):
    result = run_on(conformance_run, variant, *SELECTION)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-3000:]
    assert len(report["scenarios"]) == 2, [s["name"] for s in report["scenarios"]]
    assert {s["status"] for s in report["scenarios"]} == {"passed"}, result.stdout[-3000:]
    statuses = {r["id"]: r["status"] for r in report["requirements"] if r["status"] != "not_tested"}
    assert statuses == {"CONNEXION-BLOCAGE": "passed", "E6-CONNEXION": "passed"}, statuses


def test_a_sentence_of_refusal_is_read_on_a_page_without_the_form():
    from ameli_conformance.steps.connexion import REFUSAL

    for said in ("Numéro de sécurité sociale ou mot de passe incorrect.",
                 "Vos identifiants ne sont pas reconnus.", "Identifiants erronés",
                 "Votre compte est temporairement bloqué jusqu'au 26/12/2022 - 14h33.",
                 "Échec de la connexion", "Une erreur est survenue. Veuillez réessayer.",
                 "Service momentanément indisponible"):
        assert REFUSAL.search(said), said
    for account_page in ("Mon compte ameli Vous êtes connecté à votre compte ameli. "
                         "Me déconnecter", "Bienvenue sur votre compte ameli Vos remboursements "
                         "récents."):
        assert not REFUSAL.search(account_page), account_page
