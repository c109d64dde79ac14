"""Target profiles: the ones in profiles/ are valid, a wrong one is refused with every problem
named, and `python -m ameli_conformance.fixtures.check_profile` (make check-profile) tries a live target's URLs."""
import os
import subprocess
import sys

import pytest

from ameli_conformance import profile as profile_module
from ameli_conformance.expected import load_expected_failures
from ameli_conformance.profile import ProfileError, load

from .conftest import ROOT
from tests.autre_impl import TOKEN_ENV, launch, profile


def check(*args, **env):
    return subprocess.run([sys.executable, "-m", "ameli_conformance.fixtures.check_profile", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, **env})


def test_the_reference_profile_is_the_embedded_default():
    reference = load(ROOT / "profiles" / "reference.toml")
    default = profile_module.Profile()
    assert reference.embedded and reference.catcher == "embedded"
    assert reference.interpretations == default.interpretations


def test_the_example_profile_and_its_expected_failures_are_valid():
    example = load(ROOT / "profiles" / "exemple.toml")
    assert not example.embedded and example.token_env == "MON_JETON"
    assert example.capabilities == ["accounts", "captcha", "clock"]
    listed = load_expected_failures(ROOT / "profiles" / "exemple-echecs-attendus.toml")
    assert list(listed) == ["E4-LIEN-30MIN"]


def test_every_problem_is_named_at_once(tmp_path):
    bad = tmp_path / "p.toml"
    bad.write_text('[target]\nurl = "ftp://x"\n[control]\nurl = "http://h/c"\ntoken = "s"\n'
                   'capabilities = ["clock", "heure"]\n[interpretations]\nlogin_block_minutes = 0\n'
                   '[cible]\n', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load(bad)
    text = "\n".join(caught.value.problems)
    for expected in ("[cible] : table inconnue", "le jeton ne s'écrit pas dans le profil",
                     "[target] url : une URL http(s) complète", "« heure » inconnue",
                     "token_env : obligatoire avec url",
                     "login_block_minutes : un entier de 1 à 1440 est attendu, pas 0",
                     "[mail] mailpit_url : obligatoire"):
        assert expected in text, text


def test_the_quiet_period_is_the_profiles(tmp_path):
    """How long to watch before concluding no mail was sent: the profile's, else 0.5 s, 0.15 s
    for the embedded app (it hands its mail to SMTP before it answers)."""
    assert profile_module.Profile().mail_quiet == 0.15
    assert load(ROOT / "profiles" / "reference.toml").mail_quiet == 0.15
    assert load(ROOT / "profiles" / "exemple.toml").mail_quiet == 0.5
    given = tmp_path / "p.toml"
    given.write_text('[target]\nurl = "http://h/"\n[mail]\nmailpit_url = "http://m"\n'
                     'quiet_seconds = 2\n', encoding="utf-8")
    assert load(given).mail_quiet == 2.0
    for wrong in ("0", "-1", "61", '"vite"', "true"):
        given.write_text('[target]\nurl = "http://h/"\n[mail]\nmailpit_url = "http://m"\n'
                         f"quiet_seconds = {wrong}\n", encoding="utf-8")
        with pytest.raises(ProfileError, match="quiet_seconds : un nombre de secondes"):
            load(given)


def test_an_unreadable_profile_is_said_so(tmp_path):
    with pytest.raises(ProfileError, match="TOML invalide"):
        (tmp_path / "p.toml").write_text("[target\n", encoding="utf-8")
        load(tmp_path / "p.toml")
    with pytest.raises(ProfileError, match="illisible"):
        load(tmp_path / "absent.toml")


def test_the_check_command_tries_a_live_target(tmp_path):
    target = launch(tmp_path / "autre", without=("clock",))
    try:
        good = tmp_path / "bon.toml"
        good.write_text(profile(target, ["accounts", "captcha"]), encoding="utf-8")
        ok = check(good, **{TOKEN_ENV: target.control_token})
        assert ok.returncode == 0, ok.stderr
        assert "profil valide" in ok.stdout and "capacités déclarées : accounts, captcha" in ok.stdout

        claims_clock = tmp_path / "horloge.toml"
        claims_clock.write_text(profile(target, ["accounts", "clock"]), encoding="utf-8")
        wrong = check(claims_clock, **{TOKEN_ENV: target.control_token})
        assert wrong.returncode == 1
        assert "le profil déclare ['clock'], que l'API n'offre pas" in wrong.stderr

        bad_token = check(good, **{TOKEN_ENV: "pas-le-bon"})
        assert bad_token.returncode == 1 and "a répondu 401" in bad_token.stderr
        no_token = check(good, **{TOKEN_ENV: ""})
        assert no_token.returncode == 1
        assert f"la variable {TOKEN_ENV} est absente ou vide" in no_token.stderr
    finally:
        target.stop()
    down = check(good, **{TOKEN_ENV: "x"})
    assert down.returncode == 1
    assert "injoignable" in down.stderr and "[mail] mailpit_url" in down.stderr


def test_a_target_whose_addresses_are_each_one_accounts(tmp_path, conformance_run):
    """Seed 003: one personal address per account since July 2017. A profile that says so
    (`shared_email = false`) has the scenarios of a household sharing an address not
    applicable, as outside its reading, with the reason; the harness creates no such account."""
    reference = (ROOT / "profiles" / "reference.toml").read_text(encoding="utf-8")
    assert "shared_email = true" in reference
    profile = tmp_path / "unique.toml"
    profile.write_text(reference.replace("shared_email = true", "shared_email = false"),
                       encoding="utf-8")
    result = conformance_run.run("--profile", str(profile), "-k", "partagent",
                                 "--step-screenshots", "off", "--playwright-trace", "off")
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:]  # incomplete: nothing else ran
    assert report["interpretations"]["shared_email"] is False
    household = report["scenarios"]
    assert len(household) == 3, [s["name"] for s in household]
    for scenario in household:
        assert scenario["status"] == "not_applicable" and scenario["outside_reading"], scenario
        assert "shared_email = false" in scenario["not_applicable"], scenario
    statuses = {r["id"]: r["status"] for r in report["requirements"] if r["status"] != "not_tested"}
    assert statuses == {"E3BIS-2-BLOCAGE": "not_applicable", "E4-DERNIER-LIEN": "not_applicable",
                        "E6-CONNEXION": "not_applicable"}, statuses


def test_shared_email_is_true_or_false(tmp_path):
    given = tmp_path / "p.toml"
    given.write_text('[target]\nembedded = true\n[interpretations]\nshared_email = "non"\n',
                     encoding="utf-8")
    with pytest.raises(ProfileError, match="shared_email : true ou false est attendu, pas 'non'"):
        load(given)
