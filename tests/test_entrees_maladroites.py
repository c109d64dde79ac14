"""Clumsy hands (issue 16): a profile, an option or a folder given badly is a French usage error
(exit 4) before anything starts, naming the file, the line or the key, in one language; never a
traceback, never a run that silently tests something else."""
import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ameli_conformance.contract import check_response

from .conftest import ROOT

TARGET = '[target]\nurl = "http://127.0.0.1:9/"\n[mail]\nmailpit_url = "http://127.0.0.1:9"\n'
ENGLISH = ("Traceback", "INTERNALERROR", "No such file", "Invalid", "Expected", "Additional "
           "properties", "is not a", "Error:")


def usage(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider",
                           "-p", "no:hypothesispytest", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


CASES = {
    # name: (profile text or bytes, extra options, what the message must say)
    "un profil sans [target] teste l'embarquée en silence":
        ('[mail]\nmailpit_url = "http://127.0.0.1:9"\n', (), "[target] : table absente"),
    "un profil qui n'est pas en UTF-8":
        ('[target]\nname = "Caf\xe9"\n'.encode("latin-1"), (),
         "n'est pas du texte UTF-8 (octet 0xe9, ligne 2)"),
    "une URL avec un espace dans son port":
        ('[target]\nurl = "http://127.0.0.1: 80/"\n[mail]\nmailpit_url = "http://127.0.0.1:9"\n',
         (), "[target] url : l'URL 'http://127.0.0.1: 80/' contient un espace"),
    "des interprétations absurdes":
        (TARGET + '[interpretations]\nnir_part_digits = 99\ncaptcha_length = 100000\n'
                  'birth_date_forms = []\npassword_specials = "abc"\n', (),
         ["nir_part_digits : un entier de 2 à 13 est attendu, pas 99",
          "captcha_length : un entier de 3 à 12 est attendu, pas 100000",
          "birth_date_forms : une liste non vide", "password_specials : des caractères spéciaux "
          "sont attendus, pas 'a' 'b' 'c'"]),
    "une erreur de syntaxe TOML":
        ('[target]\nurl = http://h/\n', (), "TOML invalide, ligne 2, colonne 7 : valeur invalide"),
    "--target-url qui n'est pas une URL":
        (None, ("--target-url", "notaurl", "--mailpit-url", "http://127.0.0.1:9"),
         "--target-url : une URL http(s) complète est attendue"),
    "--target-url sur un profil dont l'API de contrôle est ailleurs":
        ('[target]\nurl = "http://a.test/"\n[mail]\nmailpit_url = "http://127.0.0.1:9"\n'
         '[control]\nurl = "http://b.test/_c"\ntoken_env = "X"\n',
         ("--target-url", "http://c.test/"), "donnez aussi --control-url"),
    "un profil introuvable": ("ABSENT", (), "fichier illisible : fichier introuvable"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_profile_or_option_given_badly_is_a_french_usage_error(case, tmp_path):
    text, options, expected = CASES[case]
    args = list(options)
    if text == "ABSENT":
        args += ["--profile", str(tmp_path / "absent.toml")]
    elif text is not None:
        profile = tmp_path / "profil.toml"
        (profile.write_bytes if isinstance(text, bytes) else profile.write_text)(text)
        args += ["--profile", str(profile)]
    result = usage("--collect-only", *args)
    said = result.stdout + result.stderr
    assert result.returncode == 4, said[-1500:]
    for phrase in [expected] if isinstance(expected, str) else expected:
        assert phrase in said, said[-1500:]
    assert not [w for w in ENGLISH if w in said], said[-1500:]


def test_the_reports_folder_given_badly(tmp_path):
    a_file = tmp_path / "fichier"
    a_file.write_text("")
    result = usage("--collect-only", "--reports-dir", str(a_file))
    assert result.returncode == 4 and "c'est un fichier, pas un dossier" in result.stderr
    result = usage("--collect-only", "--reports-dir", str(a_file / "dessous"))
    assert result.returncode == 4, result.stderr[-500:]
    assert "le dossier ne peut être créé ou écrit (un élément du chemin n'est pas un dossier)" \
        in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_folder_another_live_run_holds_is_refused(tmp_path):
    """A second run into the folder of a run still going would lose its results and break the
    first run's references: it is refused, naming the run that holds it."""
    folder = tmp_path / "rapports"
    folder.mkdir()
    (folder / "conformance.json").write_text('{"verdict": "conformant"}')
    fd = os.open(folder / ".verrou", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.write(fd, b"4242")
    try:
        result = usage("--reports-dir", str(folder), "-k", "accueil_du_compte")
    finally:
        os.close(fd)
    assert result.returncode == 4, result.stdout[-500:] + result.stderr[-500:]
    assert "une autre exécution en cours écrit dans ce dossier (pid 4242)" in result.stderr
    assert (folder / "conformance.json").read_text() == '{"verdict": "conformant"}'  # untouched


def test_the_check_lists_every_problem_even_after_an_unknown_capability(tmp_path, capsys,
                                                                         monkeypatch):
    """check-profile used to stop at the unknown capability, hiding an unreachable catcher."""
    from ameli_conformance.fixtures.check_profile import main

    profile = tmp_path / "p.toml"
    profile.write_text('[target]\nurl = "http://127.0.0.1:9/"\n[mail]\nmailpit_url = '
                       '"http://127.0.0.1:9"\n[control]\nurl = "http://127.0.0.1:9/c"\n'
                       'token_env = "JETON_TEST_PROFIL"\ncapabilities = ["heure"]\n')
    monkeypatch.setenv("JETON_TEST_PROFIL", "x")
    assert main([str(profile)]) == 1
    said = capsys.readouterr().err
    for expected in ("« heure » inconnue", "[target] url http://127.0.0.1:9/ : injoignable",
                     "[mail] mailpit_url : http://127.0.0.1:9/readyz injoignable"):
        assert expected in said, said


def test_an_answer_off_the_contract_is_said_in_french():
    problems = check_response("GET", "/", 200, {"capabilities": ["clock"], "en_trop": 1})
    assert any("propriété non prévue : en_trop" in p for p in problems), problems
    assert not any("Additional properties" in p for p in problems), problems


def test_a_browser_that_does_not_start_is_diagnosed(conformance_run):
    result = conformance_run.run("-k", "accueil_du_compte", "--chromium-path", "/bin/false",
                                 timeout=120)
    report = conformance_run.report()
    assert result.returncode == 1 and report["verdict"] == "error"
    failure = report["scenarios"][0]["failure"]
    assert failure["message"].startswith("[navigateur] /bin/false ne démarre pas"), failure


def test_a_relative_profile_is_read_from_where_make_is_called(tmp_path):
    (tmp_path / "mon-profil.toml").write_text(TARGET)
    shown = subprocess.run(["make", "-s", "-n", "-C", str(ROOT), "conformance",
                            "PROFILE=mon-profil.toml"], cwd=tmp_path, capture_output=True,
                           text=True, timeout=60, env={**os.environ, "PWD": str(tmp_path)})
    assert f"--profile {tmp_path}/mon-profil.toml" in shown.stdout, shown.stdout + shown.stderr
    shown = subprocess.run(["make", "-s", "-n", "conformance", "PROFILE=profiles/exemple.toml"],
                           cwd=ROOT, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PWD": str(ROOT)})
    assert "--profile " + str(ROOT / "profiles/exemple.toml") in shown.stdout, shown.stdout


def test_the_command_gives_the_harness_status_from_any_folder(tmp_path):
    """make ends in its own 2 whatever failed; `ameli-conformance` returns the harness's status
    (here 4, a usage error), from the folder one's own service lives in."""
    command = Path(sys.executable).parent / "ameli-conformance"
    result = subprocess.run([str(command), "--collect-only", "--ui-timeout", "abc"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 4, result.stdout[-500:] + result.stderr[-500:]
    assert "--ui-timeout 'abc' : un nombre de secondes" in result.stderr
