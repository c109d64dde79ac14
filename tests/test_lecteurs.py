"""The reports read by the tools their users already have (issue 17): Cucumber's own HTML formatter
(@cucumber/html-formatter) on messages.ndjson, and xunit-viewer on junit.xml, both installed from
the npm registry at the versions of tests/lecteurs_npm/package-lock.json (`npm ci`, once per
clone), each page they write opened in Chromium and read as a person would read it: the number of
scenarios, the number in each status, the screens shown inline. Skipped, saying why, only where
npm is absent. The failing run (tests/conftest.py's `failing_run`) is read here; the full run of
test_end_to_end by the same function (`read_by_the_ecosystem`), its screens left uncounted."""
import fcntl
import hashlib
import json
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from ameli_conformance.fixtures.browser import find_chromium, launch_args

FOLDER = Path(__file__).parent / "lecteurs_npm"
ABSENT = ("npm absent : les rapports ne sont pas relus par les outils de l'écosystème "
          "(@cucumber/html-formatter, xunit-viewer) ; apt-get install npm pour les relire")
# Cucumber statuses (ameli_conformance/messages.py) and JUnit ones (junit.py) of a scenario
CUCUMBER = {"passed": "PASSED", "not_applicable": "SKIPPED", "skipped": "SKIPPED"}
JUNIT_FAILED = ("failed", "error")


def ecosystem_readers() -> Path | None:
    """tests/lecteurs_npm with its node_modules as its lock file says (installed under a lock,
    shared by the workers of `-n 2`); None where npm or node is absent."""
    if not (shutil.which("npm") and shutil.which("node")):
        return None
    lock_file = FOLDER / "package-lock.json"
    wanted = hashlib.sha256(lock_file.read_bytes()).hexdigest()
    stamp = FOLDER / "node_modules" / ".installe-depuis"
    with open(FOLDER / ".installation.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not stamp.is_file() or stamp.read_text() != wanted:
            done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel", "error"],
                                  cwd=FOLDER, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, f"npm ci a échoué : {done.stderr[-2000:]}"
            stamp.write_text(wanted)
    return FOLDER


@pytest.fixture(scope="session")
def readers():
    folder = ecosystem_readers()
    if folder is None:
        pytest.skip(ABSENT)
    return folder


def _open(path: Path, read):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(None), args=launch_args())
        try:
            page = browser.new_page()
            page.goto(path.as_uri())
            return read(page)
        finally:
            browser.close()


def cucumber_html(folder: Path, reports_dir: Path, out: Path, screens: bool = True) -> dict:
    """What Cucumber's HTML formatter shows of messages.ndjson: its summary, the count in each
    status of its filter, and (`screens`) the images shown inline, every feature opened."""
    made = subprocess.run(["node", str(folder / "cucumber-html.mjs"),
                           str(reports_dir / "messages.ndjson"), str(out)],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr[-2000:]

    def read(page):
        summary = page.get_by_test_id("cucumber.summary.status")
        summary.wait_for(timeout=20_000)
        folded = page.locator("h3 button[aria-expanded=false]")  # a feature opens on a click
        for _ in range(folded.count() if screens else 0):
            folded.first.click()
        statuses = {}
        for status in page.locator("label:has(input[type=checkbox]) [data-status]").all():
            statuses[status.get_attribute("data-status")] = int(status.locator("strong").inner_text())
        return {"summary": summary.inner_text(), "statuses": statuses,
                "images": page.locator("img[src^='data:image/webp;base64,']").count()}

    return _open(out, read)


def xunit_viewer(folder: Path, reports_dir: Path, out: Path) -> dict:
    """What xunit-viewer shows of junit.xml: the total of tests by its icon (check, xmark, …)."""
    made = subprocess.run([str(folder / "node_modules" / ".bin" / "xunit-viewer"),
                           "-r", str(reports_dir / "junit.xml"), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr[-2000:]

    def read(page):
        row = page.locator("tr", has=page.locator("td", has_text=re.compile(r"^TESTS$")))
        row.first.wait_for(timeout=20_000)
        return {cell.locator("svg").get_attribute("data-icon"): int(cell.locator("b").inner_text())
                for cell in row.first.locator("td:has(svg)").all()}

    return _open(out, read)


def read_by_the_ecosystem(folder: Path, reports_dir: Path, report: dict, out: Path,
                          screens: bool = True) -> None:
    """Both readers show every scenario of the run, each once, in its status; Cucumber's shows
    a screen for each image the messages attach (`screens`: 4 s more for a full run's 500)."""
    scenarios = report["scenarios"]
    expected = {}
    for s in scenarios:
        status = CUCUMBER.get(s["status"], "FAILED")
        expected[status] = expected.get(status, 0) + 1
    shown = cucumber_html(folder, reports_dir, out / "cucumber.html", screens)
    # the formatter's filter by status appears when there are two statuses or more
    assert shown["statuses"] in ((expected,) if len(expected) > 1 else ({}, expected)), shown
    passed = expected.get("PASSED", 0)
    assert f"({passed} / {len(scenarios)})" in shown["summary"], shown["summary"]
    if screens:
        envelopes = map(json.loads, (reports_dir / "messages.ndjson").read_text(
            encoding="utf-8").splitlines())
        attached = sum(e.get("attachment", {}).get("mediaType") == "image/webp"
                       for e in envelopes)
        assert attached and shown["images"] == attached, (shown["images"], attached)
    totals = xunit_viewer(folder, reports_dir, out / "junit.html")
    assert sum(totals.values()) == len(scenarios), totals
    failed = sum(s["status"] in JUNIT_FAILED for s in scenarios)
    assert totals.get("xmark", 0) == failed, totals


def read_if_npm(reports_dir: Path, report: dict, out: Path, screens: bool = True) -> None:
    """read_by_the_ecosystem where npm is, else a warning that says it was not done."""
    folder = ecosystem_readers()
    if folder is None:
        warnings.warn(ABSENT)
        return
    read_by_the_ecosystem(folder, reports_dir, report, out, screens)


def test_the_failing_run_reads_the_same_in_cucumber_and_junit_viewers(readers, failing_run,
                                                                     tmp_path):
    run, _, _ = failing_run
    report = run.report()
    assert {s["status"] for s in report["scenarios"]} >= {"passed", "failed"}
    read_by_the_ecosystem(readers, run.reports_dir, report, tmp_path)


def test_the_readers_would_see_two_examples_under_one_name(readers, failing_run, tmp_path):
    """The check can fail: two cases written under one class and name are one test for
    xunit-viewer (issue 17: it showed 34 tests of 73), which then shows one fewer."""
    import xml.etree.ElementTree as ET

    run, _, _ = failing_run
    copy = tmp_path / "rapports"
    shutil.copytree(run.reports_dir, copy, ignore=shutil.ignore_patterns("evidence*"))
    junit = ET.parse(copy / "junit.xml")
    first, second = junit.getroot().findall(".//testcase")[:2]
    second.set("classname", first.get("classname"))
    second.set("name", first.get("name"))
    junit.write(copy / "junit.xml", encoding="utf-8", xml_declaration=True)
    shown = xunit_viewer(readers, copy, tmp_path / "junit.html")
    assert sum(shown.values()) == len(run.report()["scenarios"]) - 1, shown
