"""A target that takes the NIR as its 13 digits, without the key, on the login page and the
request form (seed 003 calls them the login's « identifiant »; seed 004 speaks of 13 digits and
the key): its profile says so (`nir_typed_digits = 13`), and the person types 13 digits there.
Until 2026-12-03 the harness always typed 15, and such a target failed every request and every
login: NON CONFORME on a reading the guide leaves open."""
import pytest

from ameli_conformance.profile import ProfileError, load

# A request that sends (E3-ENVOI), the form's refusals with a NIR of 11, 13 with a letter and
# 15 characters (E2-FORMULAIRE), the new password opening the account and the old one refused.
SELECTION = ["-k", "envoie_un_seul_mail or signalée or lancien_non"]


def profile_of(target, tmp_path, digits: int):
    path = tmp_path / "sans-cle.toml"
    path.write_text(f'''[target]
url = "{target.url}"
[mail]
mailpit_url = "{target.mailpit_url}"
quiet_seconds = 0.15
[control]
url = "{target.control_url}"
token_env = "AMELI_CONTROL_TOKEN"
[interpretations]
nir_typed_digits = {digits}
''', encoding="utf-8")
    return path


@pytest.mark.parametrize("variant", ["numero-sans-la-cle"], indirect=True)
def test_a_target_that_takes_13_digits_is_read_with_13(variant, conformance_run, tmp_path):
    result = conformance_run.run("--profile", str(profile_of(variant, tmp_path, 13)),
                                 "--step-screenshots", "off", "--playwright-trace", "off",
                                 *SELECTION, AMELI_CONTROL_TOKEN=variant.control_token)
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-3000:]
    assert report["interpretations"]["nir_typed_digits"] == 13
    assert len(report["scenarios"]) == 3 and {s["status"] for s in report["scenarios"]} == {
        "passed"}, result.stdout[-3000:]


def test_a_nir_is_typed_with_13_or_15_characters(tmp_path):
    given = tmp_path / "p.toml"
    given.write_text('[target]\nembedded = true\n[interpretations]\nnir_typed_digits = 14\n',
                     encoding="utf-8")
    with pytest.raises(ProfileError, match="nir_typed_digits : 13 ou 15 est attendu, pas 14"):
        load(given)
