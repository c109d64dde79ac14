"""Personas: a NIR consistent with the birth date, with a valid key (python-stdnum)."""
from datetime import date

import pytest
from stdnum.fr import nir as stdnum_nir

from fixtures.personas import make_persona, nir_key
from reference_app.rules import password_errors


@pytest.mark.parametrize("seed", range(200))
def test_nir_matches_sex_and_birth_date_and_has_a_valid_key(seed):
    person = make_persona()
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
    person = make_persona(birth_date=date(1985, 7, 12))
    assert {"12/07/1985", "1985-07-12", "12071985", "19850712"} <= set(person.birth_date_forms())
