"""Forms the browser checks itself (HTML constraint validation: `required`, `type="email"`,
`minlength`, `maxlength`, no `novalidate`), as many teams write them. The browser refuses the
submission with its own message beside the first wrong field, in the person's language, and a
`maxlength` field stops the typing: a conformant implementation written so is CONFORME, and one
whose limits are not the guide's is caught. Before this, such a target ended in ERROR: the harness
waited for a page or an alert that a refused form never gives."""
import pytest

from ameli_conformance.steps.navigateur import in_french

from .conftest import run_on

# The scenarios where the browser's refusals meet the rules: the form's missing and malformed
# fields, the wrong copy of the characters, the length and the confirmation of the password.
SELECTION = ["-m", "E2-FORMULAIRE or E2-CAPTCHA-ERREUR or E5-LONGUEUR or E5-CONFIRMATION "
             "or E3-ENVOI", "-k", "not Retourner and not prévues and not ensuite and (not E3 or "
             "envoie_un_seul_mail or Vitale)"]


def test_the_browser_messages_are_put_in_french_words_of_chromium():
    assert in_french("Please fill out this field.") == "Veuillez renseigner ce champ."
    assert in_french("Please lengthen this text to 8 characters or more (you are currently using "
                     "7 characters).") == ("Veuillez allonger ce texte pour qu'il comporte au "
                                           "moins 8\xa0caractères. Il en compte actuellement 7.")
    assert in_french("Please include an '@' in the email address. 'a.b' is missing an '@'.") == (
        'Veuillez inclure "@" dans l\'adresse e-mail. Il manque un symbole "@" dans "a.b".')
    assert in_french("Something no browser says.") == "Something no browser says."


# The birth date as a date control too (`type="date"`): the browser shows day, month and year in
# the person's order, refuses an impossible date, and cannot take another form at all. The NIR's
# field stops at 15 characters: the person who types the card's spaces sees it stop, and types the
# digits alone (before 2026-12-04: NON CONFORME on E3-ENVOI, the number cut after « 123 »).
@pytest.mark.parametrize("variant", ["contraintes-du-navigateur+date-en-controle+"
                                     "numero-limite-a-15"], indirect=True)
def test_a_form_the_browser_checks_is_conformant(variant, conformance_run):
    result = run_on(conformance_run, variant, *SELECTION)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-3000:]
    assert {s["status"] for s in report["scenarios"]} == {"passed"}
    seen = {c["tried"]: c["seen"] for s in report["scenarios"] for c in s["checks"]}
    # The browser's refusals, as a French browser words them, at the field they concern.
    assert seen["« Numéro de sécurité sociale » : (rien)"] == (
        "Numéro de sécurité sociale : Veuillez renseigner ce champ.")
    assert "Veuillez allonger ce texte" in seen["mot de passe conforme de 7 caractères"]
    assert seen["mot de passe conforme de 51 caractères"].startswith("refusé à la saisie")
    assert seen["confirmation vide"] == "Confirmer le mot de passe : Veuillez renseigner ce champ."
    date = "« Date de naissance (jj/mm/aaaa) » : "
    assert seen[date + "« 31/02/1990 »"].startswith(
        "Date de naissance (jj/mm/aaaa) : Veuillez saisir une valeur valide.")
    assert seen[date + "« 1990-02-01 »"].startswith("refusé à la saisie")
    assert any("mail" in s["name"] and s["status"] == "passed" for s in report["scenarios"])
    assert [s["status"] for s in report["scenarios"] if "Vitale" in str(s["example"])] == ["passed"]


@pytest.mark.parametrize("variant", ["champ-limite-a-40"], indirect=True)
def test_a_field_that_stops_before_50_characters_is_caught(variant, conformance_run):
    result = run_on(conformance_run, variant, "--ui-timeout", "3", "-m", "E5-LONGUEUR")
    report = conformance_run.report()
    assert result.returncode == 1, result.stdout[-3000:]
    statuses = {r["id"]: r["status"] for r in report["requirements"] if r["status"] != "not_tested"}
    assert statuses == {"E5-LONGUEUR": "failed"}
    fifty = [s for s in report["scenarios"] if "50 caractères" in str(s["example"])]
    assert fifty and {s["status"] for s in fifty} == {"failed"}, fifty
    assert all("n'a gardé que 40 des 50 caractères" in s["failure"]["seen"] for s in fifty), fifty
