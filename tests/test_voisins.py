"""pytest-playwright installed beside the harness (issue 17): a run that loads it stops at once
and says what to use instead, rather than accepting its options to do nothing; the harness's
own command leaves it out. A module named as pytest-playwright's stands in for it here (the
harness tells it by its module's name)."""
import os
import subprocess
import sys

from ameli_conformance.fixtures import cli, voisins

from .conftest import ROOT


def test_a_run_that_loads_pytest_playwright_stops_and_says_what_to_use(tmp_path):
    (tmp_path / "pytest_playwright.py").write_text(
        "def pytest_addoption(parser):\n"
        "    parser.addoption('--browser', action='append', default=[])\n"
        "    parser.addoption('--headed', action='store_true')\n"  # named as the harness's own
        "    parser.addoption('--slowmo', default=0)\n"
        "    parser.addoption('--video', default='off')\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "--collect-only", "-q", "-p", "no:cacheprovider",
         "-p", "pytest_playwright", "--browser", "firefox", "--headed", "--reports-dir",
         str(tmp_path / "rapports")], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120)
    assert run.returncode == 4, run.stdout[-1500:] + run.stderr[-1500:]
    said = run.stderr + run.stdout
    assert "pytest-playwright est chargé" in said and "-p no:playwright" in said
    assert "--playwright-trace" in said


def test_the_harness_command_leaves_pytest_playwright_out(monkeypatch):
    seen = []
    monkeypatch.setattr("pytest.main", lambda args: seen.append(args) or 0)
    assert cli.main(["--collect-only"]) == 0
    args = seen[0]
    assert any(args[i:i + 2] == list(voisins.LEAVE_OUT) for i in range(len(args)))
