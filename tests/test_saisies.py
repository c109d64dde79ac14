"""What the steps type, described in words (steps/demande.py `typed_value`): « la date de demain »
is tomorrow in Paris, whatever zone the target's clock answers in (a fresh-clone run at 00:05,
Paris time, typed today's date: the target's clock answered in UTC, still the day before); and
what they read (steps/courriel.py `date_patterns`: the date and time of a change in its notice)."""
from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from ameli_conformance.steps import texts
from ameli_conformance.steps.demande import typed_value


@pytest.mark.parametrize("now, tomorrow", [
    ("2026-12-02T23:05:00+00:00", "04/12/2026"),  # 00:05 on the 3rd in Paris
    ("2026-12-03T00:05:00+01:00", "04/12/2026"),
    ("2026-07-14T22:30:00+00:00", "16/07/2026"),  # 00:30 on the 15th in Paris (summer time)
    ("2026-12-02T12:00:00+00:00", "03/12/2026"),
])
def test_tomorrow_is_tomorrow_in_paris(now, tomorrow):
    control = SimpleNamespace(capabilities=["clock"], now=lambda: datetime.fromisoformat(now))
    persona = SimpleNamespace(nir="1850575123456" + "12")
    assert typed_value("(la date de demain)", persona, control) == tomorrow


def test_the_notice_of_a_change_is_read_in_whole_numbers():
    """1h05 is not read in 11h05, the 5th of January not in the 25th: a mail dated ten hours or
    twenty days off is not the change's."""
    from ameli_conformance.steps.courriel import date_patterns

    dates, times = date_patterns(datetime(2023, 1, 5, 0, 5, tzinfo=timezone.utc))  # 01h05 Paris

    def read(patterns, text):
        return any(p.search(text) for p in patterns)

    assert read(times, "à 01h05") and read(times, "à 1 h 05") and read(times, "à 01:05")
    assert not read(times, "à 11h05") and not read(times, "à 01h055")
    assert read(dates, "le 05/01/2023") and read(dates, "le 5 janvier 2023")
    assert read(dates, "le 05 janvier 2023")
    assert not read(dates, "le 25 janvier 2023") and not read(dates, "le 105/01/2023")
    # as libraries write them: CLDR's medium style, a two-digit year, the ISO date, in hours
    for said in ("5 janv. 2023, 01:05:37", "05/01/23 01:05", "05-01-2023", "05.01.2023",
                 "2023-01-05 01:05", "le 5 janv 2023"):
        assert read(dates, said), said
    assert read(times, "à 1 heure 05") and read(times, "01:05:37")
    # never month first, nor another year or another day
    for said in ("01/05/2023", "01/05/23", "2023-05-01", "05/01/2024", "05/01/22", "15/01/23",
                 "5 juin 2023", "05/01-2023"):
        assert not read(dates, said), said


def test_a_confirmation_is_read_in_other_words_than_the_guides_never_in_a_negation():
    """The guide does not show the confirmation page (step 6): a correct target's own words count;
    a refusal that says the password was not changed never does."""
    from ameli_conformance.steps.texts import CONFIRMED

    for said in ("Votre renouvellement de mot de passe a bien été enregistré.",
                 "Votre nouveau mot de passe a bien été enregistré.",
                 "Votre mot de passe a été mis à jour.",
                 "Votre nouveau mot de passe a bien été pris en compte.",
                 "Mot de passe modifié avec succès",
                 "Votre mot de passe est modifié.",
                 "Vous pouvez maintenant vous connecter avec votre nouveau mot de passe.",
                 "Votre mot de passe est désormais actif.",
                 "Votre demande de changement de mot de passe a été prise en compte.",
                 "Le changement de votre mot de passe a bien été effectué.",
                 "Votre nouveau mot de passe a été validé."):
        assert CONFIRMED.search(said), said
    for said in ("Votre mot de passe n'a pas été modifié.",
                 "Votre mot de passe n'est pas enregistré.",
                 "Votre mot de passe n'a pas pu être mis à jour.",
                 "Le mot de passe doit comporter entre 8 et 50 caractères.",
                 "Pour maintenir la confidentialité de vos informations, nous vous recommandons "
                 "de ne pas choisir un mot de passe que vous utilisez déjà sur un autre site.",
                 "Ce lien n'est plus valide : votre mot de passe n'a pas été changé.",
                 "Votre mot de passe n'est pas actif.", "Le mot de passe n'a pas été validé.",
                 "Votre mot de passe n'est désormais plus actif.",
                 "Le mot de passe est défini par les règles ci-dessous ; il doit comporter 8 "
                 "caractères.", "Votre mot de passe est validé lorsque chaque règle est cochée.",
                 "Le mot de passe est actif pendant 90 jours."):
        assert not CONFIRMED.search(said), said


@pytest.mark.parametrize("rule, said", [
    ("longueur", "Le mot de passe dépasse la taille autorisée."),
    ("casse", "Ajoutez au moins une lettre capitale."),
    ("chiffre ou caractère spécial", "Ajoutez un symbole."),
    ("caractères autorisés", "Le caractère « é » n'est pas valide."),
    ("caractères autorisés", "Caractère non pris en charge : é"),
    ("numéro ou date de naissance", "Votre mot de passe ne doit pas contenir votre n° de sécu."),
    ("numéro ou date de naissance", "N'utilisez pas d'informations personnelles."),
    ("confirmation", "Les deux mots de passe ne concordent pas."),
    ("confirmation", "Les deux mots de passe ne sont pas les mêmes."),
    ("longueur", "Votre mot de passe doit contenir au moins huit caractères."),
    ("longueur", "Le nombre de caractères n'est pas respecté."),
    ("casse", "Mélangez les deux casses."),
    ("chiffre ou caractère spécial", "Ajoutez un caractère numérique ou de ponctuation."),
    ("caractères autorisés", "Seuls les lettres sans accent, les chiffres et ?!$€@&+_=*%/<>,.:; "
                             "sont possibles."),
    ("caractères autorisés", "Caractère non reconnu : é"),
    ("caractères autorisés", "« é » n'est pas autorisé."),
    ("caractères autorisés", "Caractère refusé : é"),
    ("caractères autorisés", "Les caractères accentués ne sont pas supportés."),
    ("caractères autorisés", "Les accents et les espaces ne sont pas acceptés."),
    ("caractères autorisés", "Utilisez uniquement des lettres sans accent, des chiffres et ? ! $"),
    ("caractères autorisés", "Le mot de passe ne doit contenir que des lettres de a à z, des "
                             "chiffres ou les caractères spéciaux listés."),
    ("numéro ou date de naissance", "Le mot de passe ne doit pas contenir votre identifiant."),
])
def test_a_reason_is_read_in_a_correct_targets_words(rule, said):
    from ameli_conformance.steps.texts import REASONS

    assert REASONS[rule].search(said)
    assert not REASONS["longueur"].search("Il faut au minimum une majuscule.")


@pytest.mark.parametrize("said", [
    "Votre mot de passe n'est pas valide.", "Mot de passe invalide", "Saisie non valide",
    "Mot de passe non autorisé", "Le format du mot de passe est invalide.", "Mot de passe refusé.",
    "Le mot de passe doit contenir des lettres minuscules ainsi que des majuscules."])
def test_a_word_that_names_no_rule_is_no_reason_for_a_character_refused(said):
    """A character refused must be said to be one (a character, a kind of them, or the one
    typed): « Le mot de passe n'est pas valide » passed as the reason until 2026-12-04 (campaign
    mutant caracteres-refuses-sans-raison)."""
    from ameli_conformance.steps.texts import REASONS

    assert not REASONS["caractères autorisés"].search(said)


def test_the_guides_words_are_read_with_any_dash_and_apostrophe_but_in_its_case():
    """« ameli – renouveler » with a hyphen or an em dash, « jusqu'au » with a typographic
    apostrophe, are the guide's words; the subject in other case, or another word, is not."""
    from ameli_conformance.steps.texts import BLOCKED_UNTIL, phrase, whole

    subject = whole("Votre compte ameli – renouveler mon mot de passe")
    for seen in ("Votre compte ameli – renouveler mon mot de passe",
                 "Votre compte ameli - renouveler mon mot de passe",
                 "Votre compte ameli — renouveler  mon mot de passe"):
        assert subject.search(seen), seen
    for seen in ("votre compte ameli – renouveler mon mot de passe",
                 "Votre compte ameli renouveler mon mot de passe",
                 "Votre compte ameli – renouveler mon mot de passe oublié"):
        assert not subject.search(seen), seen
    blocked = phrase(BLOCKED_UNTIL.format(end="26/12/2022 - 14h33"))
    assert blocked.search("Le service de renouvellement de mot de passe est bloqué jusqu’au "
                          "26/12/2022 – 14h33 (heure de Paris).")
    assert not blocked.search("Le service de renouvellement de mot de passe est bloqué jusqu'au "
                              "26/12/2022 - 14h34 (heure de Paris).")


def test_an_entry_shown_again_in_groups_is_the_entry_typed():
    from ameli_conformance.steps.reponse import same_entry

    assert same_entry("1 85 05 78 006 084 36", "185057800608436")
    assert same_entry(" jean@orange.fr ", "jean@orange.fr")
    assert not same_entry("", "185057800608436")
    assert not same_entry("1850578006084", "185057800608436")  # the key dropped


def test_a_phone_number_is_read_in_groups_or_not():
    from ameli_conformance.steps.texts import phrase

    for guide in ("Merci de contacter votre caisse au 36 46.",
                  "Merci de contacter votre caisse au 3646."):
        for shown in ("Merci de contacter votre caisse au 36 46.",
                      "Merci de contacter votre caisse au 3646.",
                      "Merci de contacter votre caisse au 36\u00a046."):
            assert phrase(guide).search(shown), (guide, shown)
        assert not phrase(guide).search("Merci de contacter votre caisse au 3636.")


def test_the_new_pieces_beside_a_field_are_those_the_untouched_form_had_not():
    from ameli_conformance.steps.texts import new_pieces

    assert new_pieces("Format : jj/mm/aaaa\nDate impossible", "Format : jj/mm/aaaa") == \
        "Date impossible"
    assert new_pieces("Date impossible\nFormat : jj/mm/aaaa", "Format : jj/mm/aaaa") == \
        "Date impossible"
    assert new_pieces("Format : jj/mm/aaaa Date impossible", "Format : jj/mm/aaaa") == \
        "Date impossible"  # the error written into the help's own element
    assert new_pieces("Format : jj/mm/aaaa", "Format : jj/mm/aaaa") == ""
    assert new_pieces("", "") == ""


def test_a_link_no_longer_valid_is_read_in_a_correct_targets_words():
    from ameli_conformance.steps.texts import EXPIRED

    for said in ("Ce lien a expiré.", "Ce lien n'est plus valide.", "Ce lien est invalide.",
                 "Lien de renouvellement invalide ou expiré", "Ce lien a déjà été utilisé.",
                 "Faites une nouvelle demande.", "Vous devez recommencer votre demande.",
                 "Ce lien n'est plus disponible.", "Le délai est dépassé.", "Lien caduc",
                 "Merci de refaire une demande.", "Ce lien est obsolète."):
        assert EXPIRED.search(said), said
    for said in ("Renouvellement de mot de passe", "Mot de passe invalide : 8 caractères au moins",
                 "Votre nouveau mot de passe a bien été enregistré.",
                 "Vous disposez d'un délai de 30 minutes pour choisir votre mot de passe."):
        assert not EXPIRED.search(said), said


def test_the_end_of_a_block_is_read_with_its_hour_padded_or_not():
    """« JJ/MM/AAAA - HHhMM »: before ten, « 03h32 » or « 3h32 » (a script that does not pad the
    hour); never another hour, another minute, or the sentence without « (heure de Paris) »."""
    from datetime import datetime

    from ameli_conformance.steps.texts import blocked_until

    said = "Le service de renouvellement de mot de passe est bloqué jusqu'au 26/03/2023 {} (heure de Paris)."
    early, late = blocked_until(datetime(2023, 3, 26, 3, 32)), blocked_until(datetime(2023, 3, 26, 13, 2))
    for shown in ("- 03h32", "– 3h32", "-  3h32"):
        assert early.search(said.format(shown)), shown
    for shown in ("- 13h32", "- 03h33", "- 03:32", "à 03h32"):
        assert not early.search(said.format(shown)), shown
    assert late.search(said.format("- 13h02")) and not late.search(said.format("- 3h02"))
    assert not early.search(said.format("- 03h32").replace(" (heure de Paris)", ""))


def test_the_arrow_and_the_microphone_are_found_by_a_correct_target_s_names():
    """The guide shows two icons: their accessible names, in a correct target's words, or the
    icon's character alone; never the form's other actions."""
    from ameli_conformance.steps.texts import CAPTCHA_ARROW, CAPTCHA_MICRO

    for name in ("Obtenir une nouvelle série de caractères", "Générer un nouveau code",
                 "Nouveau code", "Recharger l'image", "Changer d'image", "Autre image",
                 "Rafraîchir", "Actualiser le code", "↻", "🔄"):
        assert CAPTCHA_ARROW.search(name), name
    for name in ("Écouter les caractères à recopier", "Version audio", "Lire le code à voix "
                 "haute", "Ecouter", "🔊", "🎤"):
        assert CAPTCHA_MICRO.search(name), name
    for name in ("Recevoir le mail", "Retourner à la page de connexion",
                 "Où trouver mon numéro de sécurité sociale ?"):
        assert not CAPTCHA_ARROW.search(name) and not CAPTCHA_MICRO.search(name), name


@pytest.mark.parametrize("message", [
    "Champ requis", "Requis", "Adresse mail non valide", "Date erronée", "Date inexistante",
    "Numéro trop court", "Format incorrect", "Mauvais format", "Clé erronée", "Code erroné",
    "Ce champ est obligatoire : indiquez votre numéro.", "Les caractères ne correspondent pas",
    "Veuillez renseigner ce champ.", "13 ou 15 chiffres attendus", "Saisie incomplète",
    "Les caractères saisis sont incorrects", "NIR incorrect", "Captcha invalide",
    "Format incorrect ou manquant", "Code incorrect pour ce compte", "Mot de passe incorrect"])
def test_a_french_error_is_read_as_french_however_few_its_words(message):
    assert texts.is_french(message)


@pytest.mark.parametrize("message, label", [
    ("Invalid format", ""), ("Invalid email format", ""), ("This field is required.", ""),
    ("The date field must be a valid date.", ""), ("Please fill out this field.", ""),
    ("The nir field format is invalid.", ""), ("can't be blank", ""), ("Invalid captcha", ""),
    ("The characters do not match", ""), ("Date de naissance is required", ""),
    # a framework that writes the field's label in its English sentence
    ("Incorrect date", ""), ("Incorrect code", ""),  # the adjective before its noun
    ("Date de naissance (jj/mm/aaaa) can't be blank", "Date de naissance (jj/mm/aaaa)"),
    ("Numéro de sécurité sociale is invalid", "Numéro de sécurité sociale")])
def test_an_english_error_is_not_read_as_french_even_with_french_labels(message, label):
    assert not texts.is_french(message, label)


def test_a_confirmation_as_short_as_a_title_is_read_in_a_line_of_its_own():
    for page in ("l'Assurance Maladie\nMot de passe modifié\nRetourner à la page de connexion",
                 "Votre mot de passe modifié avec succès !", "Nouveau mot de passe enregistré.",
                 "l'Assurance Maladie\nNouveau mot de passe validé\nMe connecter",
                 "Votre mot de passe est désormais actif."):
        assert texts.confirmed(page), page
        assert texts.MAY_CONFIRM.search(" ".join(page.split())), page  # waited for as well
    for page in ("Nouveau mot de passe\nUne fois le mot de passe modifié, un mail vous le dira.",
                 "Mot de passe non modifié", "Nouveau mot de passe *\nConfirmer le mot de passe *",
                 "Votre mot de passe n'a pas été modifié.", "Mot de passe non validé",
                 "Nouveau mot de passe *\nVotre mot de passe est validé lorsque chaque règle "
                 "est cochée."):
        assert not texts.confirmed(page), page


def test_a_masked_address_is_read_in_either_case():
    """A target that keeps addresses in lower case shows Marie-Anne's as « m***@l***.net »: the
    same address. Its shape is not negotiable: two letters kept, another domain, no mask."""
    from ameli_conformance.steps.texts import phrase

    sent = phrase("Le mail a bien été envoyé à M***@l***.net")
    for said in ("Le mail a bien été envoyé à m***@l***.net",
                 "Le mail a bien été envoyé à M***@L***.NET."):
        assert sent.search(said), said
    for said in ("Le mail a bien été envoyé à Ma***@l***.net",
                 "Le mail a bien été envoyé à M***@l***.com",
                 "Le mail a bien été envoyé à marie-anne.durand@laposte.net"):
        assert not sent.search(said), said
