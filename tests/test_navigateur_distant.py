"""A browser on another host: the harness connects to a Playwright browser server
(`python -m ameli_conformance.fixtures.browser`, which runs `playwright launch-server` with a config naming this
machine's Chromium) given by option or environment variable, and runs its scenarios through it."""
import os
import queue
import subprocess
import sys
import threading
import uuid

import pytest

from ameli_conformance.fixtures.browser import public_address
from ameli_conformance.fixtures.processes import free_port, wait_until

from .conftest import ROOT, processes_marked

SCENARIO = ["-k", "une_demande_complète_envoie_un_seul_mail"]  # E3-ENVOI: form, submit, mail


@pytest.fixture
def browser_server():
    """A browser server on this machine, started as a user starts one; its ws:// address. Once
    stopped (SIGTERM, as a service manager stops it), nothing of it is left running."""
    marker = uuid.uuid4().hex
    process = subprocess.Popen([sys.executable, "-m", "ameli_conformance.fixtures.browser", "--port", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "AMELI_HARNESS_RUN": marker})
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout],
                     daemon=True).start()
    try:
        address = lines.get(timeout=30).strip()
    except queue.Empty:
        process.kill()
        pytest.fail(f"le serveur de navigateur n'a pas donné son adresse en 30 s : "
                    f"{process.stderr.read()[-500:] if process.poll() is not None else ''}")
    assert address.startswith("ws://127.0.0.1:"), address
    yield address
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    left = wait_until(lambda: not processes_marked(marker), timeout=10) or processes_marked(marker)
    assert left is True, f"le serveur de navigateur a laissé des processus : {left}"


def test_a_scenario_runs_through_a_browser_server(conformance_run, browser_server):
    """Given by its environment variable; the run's browser is the server's."""
    result = conformance_run.run(*SCENARIO, AMELI_BROWSER_SERVER=browser_server, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    report = conformance_run.report()
    assert [s["status"] for s in report["scenarios"]] == ["passed"]
    assert report["scenarios"][0]["browser"].endswith("(distant)"), report["scenarios"][0]
    assert report["harness"]["navigateur"].endswith("(distant)")
    secret = browser_server.rsplit("/", 1)[1]
    for name in ("conformance.json", "junit.xml", "conformance.html"):
        assert secret not in (conformance_run.reports_dir / name).read_text(encoding="utf-8")


def test_a_browser_server_that_does_not_answer(conformance_run):
    """Given by option: an ERROR naming the browser, its address shown without its secret path."""
    address = f"ws://127.0.0.1:{free_port()}/chemin-secret"
    result = conformance_run.run(*SCENARIO, "--browser-server", address, timeout=120)
    assert result.returncode != 0
    report = conformance_run.report()
    assert report["verdict"] == "error"
    failure = report["scenarios"][0]["failure"]
    assert failure["message"].startswith("[navigateur] serveur de navigateur"), failure
    assert public_address(address) in failure["message"]
    assert "chemin-secret" not in failure["message"]
    assert "chemin-secret" not in result.stdout + result.stderr
