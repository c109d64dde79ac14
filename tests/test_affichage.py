"""What Playwright users reach for first (issue 17, fixtures/affichage.py): --headed under a
virtual screen where there is none, --slowmo, and --video retain-on-failure (a film of a failed
scenario's page, its fields painted over; none for a scenario that passed)."""
import os
import shutil

import pytest

from ameli_conformance.fixtures.affichage import MASK_SCRIPT


def test_headed_runs_the_full_browser_with_its_window_on_a_virtual_screen(conformance_run):
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb absent (make install le pose) : --headed sans écran n'est pas essayé")
    result = conformance_run.run("--headed", "--slowmo", "20", "-m", "E0-ACCES",
                                 "--step-screenshots", "off", "--playwright-trace", "off",
                                 DISPLAY="")  # no screen: Xvfb gives one
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-1000:]
    assert report["scenarios"] and all(s["status"] == "passed" for s in report["scenarios"])
    assert {s["browser"].rsplit("(", 1)[-1] for s in report["scenarios"]} == {"complet, fenêtre)"}


def test_without_xvfb_headed_says_what_to_install(conformance_run):
    """No screen and no Xvfb: a usage error in French that names the package."""
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep)
                           if not (os.path.isfile(os.path.join(p, "Xvfb"))))
    result = conformance_run.run("--headed", "-m", "E0-ACCES", PATH=path, DISPLAY="")
    assert result.returncode == 4, result.stdout[-1500:] + result.stderr[-1500:]
    assert "xvfb" in (result.stderr + result.stdout) and "écran" in (result.stderr + result.stdout)


def test_a_bad_slowmo_or_video_is_a_usage_error(conformance_run):
    result = conformance_run.run("--slowmo", "-5", "--collect-only")
    assert result.returncode == 4 and "--slowmo" in result.stderr + result.stdout
    result = conformance_run.run("--video", "toujours", "--collect-only")
    assert result.returncode == 4 and "retain-on-failure" in result.stderr + result.stdout


def test_video_retain_on_failure_films_the_failed_scenario_only(conformance_run):
    from PIL import Image

    result = conformance_run.run(
        "--reference-setting", "RESET_LINK_LIFETIME=3600", "-m", "E4-LIEN-30MIN",
        "-k", "31 or 29 and not secondes", "--video", "retain-on-failure",
        "--step-screenshots", "off", "--playwright-trace", "off")
    report = conformance_run.report()
    by_status = {s["status"]: s for s in report["scenarios"]}
    assert set(by_status) == {"passed", "failed"}, result.stdout[-2000:]
    assert by_status["passed"]["video"] is None
    film = conformance_run.reports_dir / by_status["failed"]["video"]
    with Image.open(film) as image:
        assert image.format == "WEBP" and image.n_frames > 3, image.n_frames
    html = (conformance_run.reports_dir / "conformance.html").read_text(encoding="utf-8")
    assert "Vidéo : <a href=\"" + by_status["failed"]["video"] in html


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
