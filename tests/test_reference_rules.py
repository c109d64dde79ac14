"""The reference app's reading of the guide's rules (the harness checks them end to end too)."""
from datetime import date, datetime, timezone

import pytest

from ameli_conformance.reference_app.rules import (
    InvalidInput,
    format_paris,
    mask_email,
    parse_birth_date,
    parse_nir,
    password_errors,
)

NIR13 = "1850775123456"
NIR15 = NIR13 + f"{97 - int(NIR13) % 97:02d}"
BORN = date(1985, 7, 12)


@pytest.mark.parametrize("address, masked", [
    ("toto@test.com", "t***@t***.com"),
    ("jean.dupont@orange.fr", "j***@o***.fr"),
    ("a@b.co.uk", "a***@b***.uk"),
])
def test_mask_email_as_the_guide_shows_it(address, masked):
    assert mask_email(address) == masked


@pytest.mark.parametrize("typed", [NIR13, NIR15, "1 85 07 75 123 456 " + NIR15[-2:],
                                   "１８５０７７５１２３４５６"])  # full-width digits
def test_nir_13_or_15_spaces_and_full_width_digits(typed):
    assert parse_nir(typed) == NIR13


@pytest.mark.parametrize("typed", ["", "18507751234", NIR13 + "00", "1850775I23456", "3850775123456"])
def test_nir_refused_with_a_french_reason(typed):
    with pytest.raises(InvalidInput) as caught:
        parse_nir(typed)
    assert "sécurité sociale" in str(caught.value) or "numéro" in str(caught.value)


@pytest.mark.parametrize("typed", ["31/02/1990", "1990-02-01", "01/01/2999", "", "１２/07/1985x"])
def test_birth_date_refused(typed):
    with pytest.raises(InvalidInput):
        parse_birth_date(typed, date(2026, 11, 22))


@pytest.mark.parametrize("password, reason", [
    ("Abcdef!", "entre 8 et 50"),
    ("A" + "b" * 49 + "!", "entre 8 et 50"),
    ("abcdefgh!", "minuscules et majuscules"),
    ("Abcdefghij", "un chiffre ou un caractère spécial"),
    ("Abcdefgh é!", "non autorisés"),
    ("Abcd#efgh!", "non autorisés : #"),
    ("Abcd!0775efg", "numéro de sécurité sociale"),
    ("Abcd!1985efg", "date de naissance"),
    ("Abcd!1207efg", "date de naissance"),
])
def test_each_password_rule_refuses_with_its_reason(password, reason):
    errors = password_errors(password, password, NIR13, BORN)
    assert any(reason in r for r in errors.get("password", [])), errors


@pytest.mark.parametrize("password", ["Abcdefg!", "A" + "b" * 48 + "€", "Abcdefg9", "Ab?!$€@&+_=*%/<>,.:;"])
def test_conforming_passwords_are_accepted(password):
    assert password_errors(password, password, NIR13, BORN) == {}


def test_confirmation_that_differs_is_refused():
    assert "confirmation" in password_errors("Abcdefg!", "Abcdefg?", NIR13, BORN)


@pytest.mark.parametrize("utc, shown", [
    (datetime(2022, 12, 26, 13, 33, tzinfo=timezone.utc), "26/12/2022 - 14h33"),  # winter, +1
    (datetime(2023, 7, 14, 12, 5, tzinfo=timezone.utc), "14/07/2023 - 14h05"),  # summer, +2
    (datetime(2023, 3, 26, 1, 30, tzinfo=timezone.utc), "26/03/2023 - 03h30"),  # just after DST
])
def test_paris_time_with_daylight_saving(utc, shown):
    assert format_paris(utc) == shown
