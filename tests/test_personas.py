"""Personas: a NIR consistent with the birth date, with a valid key (python-stdnum), and a draw
that never decides a verdict: tested over 2,000 draws for each reading of the guide a profile
may declare in `make test`, 10,000 in `make tirages` (docs/conception-des-tests.md, « Données »)."""
import collections
import os
import random
import re
from dataclasses import replace
from datetime import date

import pytest
from faker import Faker
from stdnum.fr import nir as stdnum_nir

from ameli_conformance.fixtures.personas import (
    KINDS,
    discriminating,
    make_persona,
    nir_key,
    nir_parts,
)
from ameli_conformance.interpretations import DATE_FORMS, Interpretations, date_form
from ameli_conformance.reference_app.rules import password_errors
from ameli_conformance.steps import passwords

# The draws are seeded: `make test`'s 2,000 are the first of `make tirages`'s 10,000
# (AMELI_DRAWS). The 10,000 were 61 worker-seconds of CPU in `make test` (2026-12-04: CI over its
# 10 minutes, issue 14); a property that fails once in more than 2,000 draws is the campaign's.
DRAWS = int(os.environ.get("AMELI_DRAWS", "2000"))
READINGS = {
    "référence": Interpretations(),
    "seconde implémentation (5 chiffres)": Interpretations(nir_part_digits=5),
    "3 chiffres": Interpretations(nir_part_digits=3),
    "6 chiffres, deux formes de date": Interpretations(nir_part_digits=6,
                                                       birth_date_forms=("JJMMAAAA", "AAAA")),
    "4 chiffres, jour et mois seuls": Interpretations(birth_date_forms=("JJMM",)),
}


def nir_rule_refuses(password: str, nir13: str, digits: int) -> bool:
    """The NIR half of E5-SANS-NIR-NI-DATE alone, under a reading."""
    return any(part in password for _, part in nir_parts(nir13, digits))


def date_rule_refuses(password: str, born: date, forms) -> bool:
    return any(date_form(born, f) in password for f in forms)


@pytest.mark.parametrize("reading", sorted(READINGS))
def test_draws_never_decide_a_verdict(reading):
    interp = READINGS[reading]
    faker = Faker("fr_FR")
    faker.seed_instance(2026)
    n = interp.nir_part_digits
    sequences = collections.Counter()
    for draw in range(DRAWS):
        person = make_persona(faker=faker, rng=random.Random(draw), interpretations=interp)
        nir13, born = person.nir[:13], person.birth_date
        # a valid NIR, consistent with the person; mainland, outside Corsica; no leap day
        assert stdnum_nir.is_valid(person.nir), person
        assert person.nir[0] == str(person.sex) and nir13[1:5] == born.strftime("%y%m")
        assert nir13.isdigit() and nir13[5:7] not in ("20", "96", "97", "98", "99")
        assert (born.month, born.day) != (2, 29)
        # day, month and year's end differ: a date read month first, or a form read in another
        # order (MMJJ for JJMM), is another date or another form, whatever the draw
        assert len({born.day, born.month, born.year % 100}) == 3, person
        # a day no month number can be: the day that can (05/03) is a row of its own
        assert born.day >= 13, person
        # a month written with its zero: the date's forms written without zeros are another
        # string, whatever the draw
        assert born.month <= 9, person
        # a key of 10 to 96: one written with a zero, and 97, are named examples of E3-ENVOI
        assert person.nir[13] != "0" and person.nir[13:] != "97", person
        # a domain of letters and dots: one with a hyphen or a digit is a named row of E3-ENVOI
        assert person.email.split("@")[1].replace(".", "").isalpha(), person.email
        # the password's one special character is always « ! »: which special a target loses
        # is E5-CHIFFRE-OU-SPECIAL's to find, every run alike, never a draw's
        assert {c for c in person.password if not c.isalpha()} == {"!"}, person.password
        assert discriminating(person, interp)
        rng = random.Random(draw)
        # every part of the NIR is tried, each refused by the NIR rule and not by the date rule
        parts = passwords.build_all("contenant chaque partie de mon numéro de sécurité sociale",
                                    person, interp, rng)
        assert len(parts) == 13 - n + 1
        for _, password in parts:
            assert nir_rule_refuses(password, nir13, n)
            assert not date_rule_refuses(password, born, interp.birth_date_forms), (draw, person)
        # every form of the date: refused by the date rule; by the NIR rule too only where every
        # NIR makes it so (AAAAMMJJ holds the year's end and the month, as the NIR does)
        for form in interp.birth_date_forms:
            password = passwords.build(f"contenant ma date de naissance au format {form}",
                                       person, interp, rng)
            assert date_rule_refuses(password, born, interp.birth_date_forms)
            if form != "AAAAMMJJ" or n > 4:
                assert not nir_rule_refuses(password, nir13, n), (draw, form, person)
        # digits foreign to both: accepted by both rules, and share not even n-1 digits
        foreign = passwords.build("avec des chiffres qui ne viennent ni de mon numéro ni de ma "
                                  "date de naissance", person, interp, rng)
        assert not nir_rule_refuses(foreign, nir13, max(2, n - 1))
        assert not date_rule_refuses(foreign, born, DATE_FORMS)
        # digits that follow each other, as foreign (or none, where no such run is)
        runs = passwords.build("avec « zzz », « azerty » et des chiffres qui se suivent",
                               person, interp, rng)
        assert not nir_rule_refuses(runs, nir13, max(2, n - 1))
        assert not date_rule_refuses(runs, born, DATE_FORMS)
        sequences[runs[len("Azerty!zzz"):]] += 1
    assert sum(n for run, n in sequences.items() if run) > 0.99 * DRAWS, sequences


def test_the_reference_app_agrees_with_the_rows_on_a_thousand_draws():
    """The reference's own rules (4 digits, every form) refuse every row meant to be refused,
    and accept the conforming and the foreign-digits passwords."""
    interp = Interpretations()
    faker = Faker("fr_FR")
    faker.seed_instance(13)
    for draw in range(1000):
        person = make_persona(faker=faker, rng=random.Random(draw), interpretations=interp)
        rng = random.Random(draw)
        refused = [p for d in ("contenant mon numéro de sécurité sociale",
                               "contenant mon numéro de sécurité sociale avec sa clé",
                               "contenant chaque partie de mon numéro de sécurité sociale",
                               *(f"contenant ma date de naissance au format {f}" for f in DATE_FORMS))
                   for _, p in passwords.build_all(d, person, interp, rng)]
        for password in refused:
            assert password_errors(password, password, person.nir[:13], person.birth_date)
        for description in ("conforme", "avec des chiffres qui ne viennent ni de mon numéro ni "
                            "de ma date de naissance", "avec tous les chiffres, séparés par des "
                            "lettres", "avec toutes les lettres minuscules"):
            password = passwords.build(description, person, interp, rng)
            assert not password_errors(password, password, person.nir[:13], person.birth_date)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_special_births_only_when_asked_for(kind):
    faker = Faker("fr_FR")
    faker.seed_instance(7)
    for draw in range(500):
        person = make_persona(faker=faker, rng=random.Random(draw), kind=kind,
                              interpretations=Interpretations())
        assert stdnum_nir.is_valid(person.nir)
        department = person.nir[5:7]
        expected = {"corse-du-sud": department == "2A", "haute-corse": department == "2B",
                    "etranger": department == "99", "outre-mer": person.nir[5:8] == "971",
                    "29-fevrier": (person.birth_date.month, person.birth_date.day) == (2, 29),
                    "jour-1-a-12": person.birth_date.day <= 12
                    and person.birth_date.day != person.birth_date.month,
                    "cle-avec-zero": person.nir[13] == "0",
                    "cle-97": person.nir[13:] == "97",
                    "numero-espace": person.nir_typed == " ".join(
                        (person.nir[0], person.nir[1:3], person.nir[3:5], person.nir[5:7],
                         person.nir[7:10], person.nir[10:13], person.nir[13:])),
                    # the account's address as drawn, in lower case; typed with a capital
                    "adresse-majuscule": person.email_typed == person.email.capitalize() !=
                    person.email}
        assert expected[kind], person
        assert person.nir_card_spaces == (kind == "numero-espace")
        assert (person.email_typed != person.email) == (kind == "adresse-majuscule"), person


def test_corsican_parts_leave_out_the_letter():
    """Under the reading « consecutive digits », a window holding A or B is no part: tested
    neither way."""
    person = make_persona(rng=random.Random(1), kind="corse-du-sud")
    parts = nir_parts(person.nir[:13], 4)
    assert parts and all(part.isdigit() for _, part in parts)
    assert len(parts) == 13 - 4 + 1 - 4  # the four windows over the letter (7th) are left out


def test_a_seed_draws_the_same_person_and_another_seed_another():
    first = make_persona(rng=random.Random("42:scénario"))
    assert make_persona(rng=random.Random("42:scénario")) == first
    assert make_persona(rng=random.Random("43:scénario")) != first


@pytest.mark.parametrize("draw", range(200))
def test_nir_matches_sex_and_birth_date_and_has_a_valid_key(draw):
    person = make_persona(rng=random.Random(draw))
    assert stdnum_nir.is_valid(person.nir)
    assert person.nir[0] == str(person.sex)
    assert person.nir[1:3] == f"{person.birth_date.year % 100:02d}"
    assert person.nir[3:5] == f"{person.birth_date.month:02d}"
    assert person.email and "@" in person.email and person.email.isascii()
    assert not password_errors(person.password, person.password, person.nir[:13],
                               person.birth_date), "the persona's password must be conforming"


def test_key_formula_including_corsica():
    assert nir_key("1850775123456") == f"{97 - 1850775123456 % 97:02d}"
    # 2A counts as 19, 2B as 18.
    assert nir_key("18507" + "2A" + "123456") == f"{97 - int('18507' + '19' + '123456') % 97:02d}"
    assert stdnum_nir.is_valid("18507" + "2B" + "123456" + nir_key("185072B123456"))


def test_birth_date_forms_cover_the_report_masking():
    person = replace(make_persona(rng=random.Random(3)), birth_date=date(1985, 7, 12))
    assert {"12/07/1985", "1985-07-12", "12071985", "19850712"} <= set(person.birth_date_forms())


def test_every_miscopy_of_a_captcha_differs_from_it_whatever_its_characters():
    """The kinds of mistakes of E2-CAPTCHA-ERREUR, for every character an alphabet may hold
    (found: a series ending in X was « miscopied » as itself, 1 draw in 31)."""
    from ameli_conformance.steps.demande import miscopied

    for char in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789":
        for answer in (char * 6, "AB3" + char, char + "XK"):
            for how in ("un caractère changé", "le premier caractère changé",
                        "un caractère en moins", "un caractère en trop", "(rien)"):
                assert miscopied(answer, how).upper() != answer.upper(), (answer, how)


def test_a_password_is_described_without_itself_nor_personal_data():
    """A failure on a generated password says what it was made of (issue 16: the password is
    masked in the report, so nobody could tell why it failed), never any of its characters or
    the person's digits: lengths, classes, and where it holds the person's number or date."""
    reading = Interpretations()
    for seed in range(200):
        person = make_persona(rng=random.Random(seed), interpretations=reading)
        password = passwords.build("contenant une partie de mon numéro de sécurité sociale",
                                   person, reading, random.Random(seed))
        said = passwords.facts(password, person, reading)
        assert said.startswith(f"{len(password)} caractères, ")
        # (a part may stand at two places of the number: both are named)
        assert re.search(r"contient \d partie\(s\) de 4 chiffres du numéro \(à partir des "
                         r"positions \d+(, \d+)*\)", said), said
        for secret in (person.nir[:13], person.nir[4:8], password, person.birth_date.isoformat()):
            assert secret not in said, (said, seed)
    born = passwords.build("contenant ma date de naissance au format JJMMAAAA", person, reading)
    assert "contient la date de naissance au format JJMMAAAA" in passwords.facts(born, person,
                                                                                   reading)
