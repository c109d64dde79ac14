"""What Playwright users reach for first (issue 17, fixtures/affichage.py): --headed under a
virtual screen where there is none, --slowmo, and --video retain-on-failure (a film of a failed
scenario's page, its fields painted over; none for a scenario that passed)."""
import shutil

import pytest

from ameli_conformance.fixtures.affichage import MASK_SCRIPT, Display, display


def test_headed_and_slowed_under_a_virtual_screen(conformance_run):
    """--headed without a screen (Xvfb gives one) and --slowmo: the full browser ran."""
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb absent (make install le pose) : --headed sans écran n'est pas essayé")
    result = conformance_run.run("--headed", "--slowmo", "20", "-m", "E0-ACCES",
                                 "--step-screenshots", "off", "--playwright-trace", "off",
                                 DISPLAY="")  # no screen: Xvfb gives one
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-1000:]
    assert report["scenarios"] and all(s["status"] == "passed" for s in report["scenarios"])
    assert {s["browser"].rsplit("(", 1)[-1] for s in report["scenarios"]} == {"complet, fenêtre)"}


def test_video_retain_on_failure_films_the_failed_scenario_only(conformance_run):
    from PIL import Image

    result = conformance_run.run(
        "--reference-setting", "RESET_LINK_LIFETIME=3600", "-m", "E4-LIEN-30MIN",
        "-k", "31 or minutes-29", "--video", "retain-on-failure",
        "--step-screenshots", "off", "--playwright-trace", "off")
    report = conformance_run.report()
    statuses = sorted(s["status"] for s in report["scenarios"])
    assert statuses == ["failed", "passed"], result.stdout[-2000:] + result.stderr[-1000:]
    passed, failed = sorted(report["scenarios"], key=lambda s: s["status"] != "passed")
    assert passed["video"] is None
    assert failed["video"], failed.get("video_error")
    with Image.open(conformance_run.reports_dir / failed["video"]) as image:
        assert image.format == "WEBP" and image.n_frames > 3, image.n_frames
    html = (conformance_run.reports_dir / "conformance.html").read_text(encoding="utf-8")
    assert "Vidéo : <a href=\"" + failed["video"] in html


def test_bad_values_and_a_missing_screen_are_usage_errors_in_french(monkeypatch):
    with pytest.raises(pytest.UsageError, match="--slowmo"):
        display(False, "-5", "off")
    with pytest.raises(pytest.UsageError, match="retain-on-failure"):
        display(False, 0, "toujours")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no Xvfb
    with pytest.raises(pytest.UsageError, match="apt-get install xvfb"):
        display(True, 0, "off")
    assert display(False, "50", "on") == Display(False, 50.0, "on")


def test_the_fields_are_painted_over_in_the_filmed_page():
    """The style sheet adopted while a page is filmed paints every field over (no value shown)."""
    from playwright.sync_api import sync_playwright

    from ameli_conformance.fixtures.browser import find_chromium, launch_args

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(None), args=launch_args())
        try:
            context = browser.new_context()
            context.add_init_script(MASK_SCRIPT)
            page = context.new_page()
            page.goto("data:text/html,<input value='1850575123456'>")
            field = page.locator("input")
            field.select_text()  # a selected value is drawn by ::selection, over the field
            colors = field.evaluate("e => [getComputedStyle(e).webkitTextFillColor, "
                                    "getComputedStyle(e, '::selection').webkitTextFillColor]")
            assert colors == ["rgba(0, 0, 0, 0)"] * 2, colors
        finally:
            browser.close()
