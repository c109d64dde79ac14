"""The embedded mail sink for one's own target (issue 16): a profile with `[mail] catcher =
"embedded"` and `smtp_port` has the harness start the sink on that port for the whole run
(pytest-xdist workers share it), instead of asking for a Mailpit. Proved on the second
implementation, told to send its mail to that port."""
from ameli_conformance.fixtures.launch import start_app
from ameli_conformance.fixtures.processes import free_port
from ameli_conformance.fixtures.targets import Target

from tests.autre_impl import TOKEN_ENV, app
from tests.autre_impl import profile as autre_profile


def test_the_harness_starts_the_sink_your_target_sends_to(conformance_run, tmp_path, monkeypatch):
    port = free_port()
    monkeypatch.setenv(TOKEN_ENV, "jeton-de-test-collecteur")
    process, base = start_app(app(), port, tmp_path, tmp_path / "logs",
                              token="jeton-de-test-collecteur")
    try:
        profile = tmp_path / "profil.toml"
        target = Target(url=f"{base}/espace/", mailpit_url="",
                        control_url=f"{base}/__test__/controle")
        profile.write_text(autre_profile(target, mail=f'catcher = "embedded"\nsmtp_port = {port}'),
                           encoding="utf-8")
        temp = tmp_path / "tmp"  # the run's temp folder: the catcher's and the clock's
        temp.mkdir()
        result = conformance_run.run("--profile", str(profile), "-n", "2", "-m", "E3-ENVOI or E4-MAIL",
                                     "-k", "not naissance and not masquée",
                                     "--step-screenshots", "off", "--playwright-trace", "off",
                                     TMPDIR=str(temp), **{TOKEN_ENV: "jeton-de-test-collecteur"})
        report = conformance_run.report()
    finally:
        process.stop()
    assert result.returncode == 0, result.stdout[-2000:]
    assert report["scenarios"] and {s["status"] for s in report["scenarios"]} == {"passed"}
    assert {s["worker"] for s in report["scenarios"]} == {"gw0", "gw1"}  # both read one sink
    assert report["profile"]["smtp_port"] == port and report["profile"]["catcher"] == "embedded"
    assert report["profile"]["mailpit_url"].startswith("http://127.0.0.1:")
    # Both made (the catcher's folder, the clock's turns of two workers), both taken away.
    assert not [p.name for p in temp.iterdir() if p.name.startswith("ameli-")], list(temp.iterdir())
