"""Credentials written in a URL (a Mailpit behind basic authentication: http://user:secret@host)
are never written into a report, the evidence zip or the terminal: every URL a report shows is
without them (issue 16). Before, conformance.json and the zip carried the URL verbatim."""
import zipfile

from ameli_conformance.fixtures.targets import start_embedded
from ameli_conformance.privacy import mask_credentials

SECRET = "s3cr3t-du-collecteur"


def test_credentials_of_a_url_are_masked_in_a_text():
    assert mask_credentials(f"http://qa:{SECRET}@127.0.0.1:8025/api") == "http://***@127.0.0.1:8025/api"
    assert mask_credentials("mailto:x@y.fr, http://h/p@q") == "mailto:x@y.fr, http://h/p@q"


def test_no_report_shows_the_credentials_of_the_mail_catcher(tmp_path, conformance_run):
    target = start_embedded(tmp_path / "cible", tmp_path)
    try:
        with_credentials = target.mailpit_url.replace("http://", f"http://qa:{SECRET}@", 1)
        result = conformance_run.run("--target-url", target.url, "--mailpit-url", with_credentials,
                                     "--control-url", target.control_url, "-m", "E0-ACCES",
                                     AMELI_CONTROL_TOKEN=target.control_token)
    finally:
        target.stop()
    assert result.returncode == 0, result.stdout[-2000:]
    assert SECRET not in result.stdout + result.stderr
    report = conformance_run.report()
    assert report["profile"]["mailpit_url"].startswith("http://***@")
    folder = conformance_run.reports_dir
    for path in folder.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    with zipfile.ZipFile(folder / "evidence.zip") as archive:
        for name in archive.namelist():
            assert SECRET.encode() not in archive.read(name), name
