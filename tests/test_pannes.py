"""Faults of the environment end in bounded time as ERROR, with a diagnosis naming the part that
failed, never as FAILED (the target broke no rule) and never as a hang. The target stopped in the
middle of a run is in tests/test_targets.py."""
import asyncio
import os
import shutil
import signal
import smtplib
import threading
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from ameli_conformance.errors import ConformanceFailure, HarnessError, describe
from ameli_conformance.fixtures.mailpit import MailpitClient
from ameli_conformance.fixtures.processes import ManagedProcess, free_port, python_module
from ameli_conformance.fixtures.targets import start_embedded

from .conftest import children_of

SCENARIO = ["-k", "une_demande_complète_envoie_un_seul_mail"]  # E3-ENVOI: form, submit, mail


def errors_of(run, result, part: str, *words: str) -> list[dict]:
    report = run.report()
    assert result.returncode != 0, result.stdout[-2000:]
    assert report["verdict"] == "error", result.stdout[-2000:]
    scenarios = report["scenarios"]
    assert scenarios and {s["status"] for s in scenarios} == {"error"}, [
        (s["status"], s.get("failure")) for s in scenarios]
    for s in scenarios:
        message = s["failure"]["message"]
        assert message.startswith(f"[{part}]") and all(w in message for w in words), message
    return scenarios


@pytest.fixture
def sink_info(tmp_path):
    """A mail catcher of its own (the embedded sink): its API's URL and its SMTP port."""
    process = ManagedProcess("collecteur de mails", python_module("ameli_conformance.mailsink"),
                             tmp_path / "logs" / "autre-sink.log")
    yield process.start()
    process.stop()


@pytest.fixture
def sink(sink_info):
    """The catcher's API, for a target given by URL."""
    return sink_info["api_url"]


def test_a_missing_mail_is_the_targets_once_its_mail_arrives(sink_info):
    """Before any mail of the run has reached the catcher, a mail that does not come is an ERROR
    of the set-up (the target may send elsewhere); once one has, the way works, and a mail that
    does not come is the target's: FAILED (a person it does not find, a mail it forgets)."""
    client = MailpitClient(sink_info["api_url"], timeout=0.3)
    client.speaks_the_api()
    with pytest.raises(HarnessError, match="aucun mail de la cible"):
        client.wait_for("absent@exemple.fr")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@exemple.fr", "b@exemple.fr", "x"
    message.set_content("x")
    with smtplib.SMTP("127.0.0.1", sink_info["smtp_port"], timeout=5) as smtp:
        smtp.send_message(message)
    with pytest.raises(ConformanceFailure, match="mail attendu non reçu"):
        client.wait_for("absent@exemple.fr")
    client.close()


def test_a_target_down_before_the_run(conformance_run, sink):
    down = f"http://127.0.0.1:{free_port()}/"  # nothing listens there
    result = conformance_run.run("--target-url", down, "--mailpit-url", sink, *SCENARIO,
                                 AMELI_CONTROL_TOKEN="x", timeout=120)
    errors_of(conformance_run, result, "cible", down, "ne répond")


def test_a_mail_catcher_down(conformance_run, tmp_path):
    target = start_embedded(tmp_path / "cible", tmp_path / "logs")
    try:
        target.processes[0].stop()  # the sink: the app is up, its catcher is not
        result = conformance_run.run(
            "--target-url", target.url, "--mailpit-url", target.mailpit_url,
            "--control-url", target.control_url, *SCENARIO,
            AMELI_CONTROL_TOKEN=target.control_token, timeout=120)
    finally:
        target.stop()
    errors_of(conformance_run, result, "collecteur de mails", target.mailpit_url, "ne répond")


def test_a_mail_that_never_arrives(conformance_run, tmp_path, sink):
    """The target sends its mail to its own catcher; the harness reads another one."""
    target = start_embedded(tmp_path / "cible", tmp_path / "logs")
    try:
        result = conformance_run.run(
            "--target-url", target.url, "--mailpit-url", sink, "--mail-timeout", "2",
            "--control-url", target.control_url, *SCENARIO,
            AMELI_CONTROL_TOKEN=target.control_token, timeout=120)
    finally:
        target.stop()
    errors_of(conformance_run, result, "collecteur de mails", "attendu", "en 2 s", "0 reçu")


def test_a_page_that_hangs(conformance_run, tmp_path):
    target = start_embedded(tmp_path / "cible", tmp_path / "logs",
                            app_command=("tests.mutants", "accueil-sans-reponse"))
    try:
        result = conformance_run.run(
            "--target-url", target.url, "--mailpit-url", target.mailpit_url,
            "--control-url", target.control_url, "--ui-timeout", "2", *SCENARIO,
            AMELI_CONTROL_TOKEN=target.control_token, timeout=120)
    finally:
        target.stop()
    errors_of(conformance_run, result, "cible", "ne répond")


@pytest.fixture
def web_page_catcher():
    """An address that answers 200 with a web page to everything, /readyz included: no catcher."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            body = b"<!doctype html><html><body>Bienvenue</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_catcher_that_does_not_speak_the_api(conformance_run, tmp_path, web_page_catcher):
    """Before issue 16: /readyz passed, then each scenario failed on « Expecting value: line 1
    column 1 (char 0) », with no part named."""
    target = start_embedded(tmp_path / "cible", tmp_path)
    try:
        result = conformance_run.run("--target-url", target.url, "--mailpit-url", web_page_catcher,
                                     "--control-url", target.control_url, *SCENARIO,
                                     AMELI_CONTROL_TOKEN=target.control_token, timeout=120)
    finally:
        target.stop()
    errors_of(conformance_run, result, "collecteur de mails", "ne parle pas l'API REST v1")


def test_a_browser_that_dies_mid_run_leaves_no_folder_behind(conformance_run, tmp_path):
    """Chromium gone after its first pages (here: run in one process, which does not survive a
    second context): each scenario after it ends in ERROR, and none leaves its network record's
    folder in the system's temp folder (each did, 27 in one run, before 2026-12-04)."""
    from ameli_conformance.fixtures.browser import find_chromium

    temp = tmp_path / "tmp"
    temp.mkdir()
    dying = tmp_path / "chromium"
    dying.write_text(f'#!/bin/sh\nexec {find_chromium(None)} --single-process "$@"\n',
                     encoding="utf-8")
    dying.chmod(0o755)
    # A page started as the browser died once hung the run for ever (Playwright 1.65, about one
    # run in seven under load, fixtures/watchdog.py): a bounded run proves the watch holds.
    result = conformance_run.run("-m", "E3-ENVOI", "--chromium-path", str(dying), TMPDIR=str(temp),
                                 timeout=240)
    scenarios = conformance_run.report()["scenarios"]
    statuses = [s["status"] for s in scenarios]
    assert result.returncode != 0 and statuses.count("error") >= 3, statuses
    assert not [p.name for p in temp.iterdir() if p.name.startswith("ameli-")], list(temp.iterdir())
    # The scenarios after the one the browser died in say so, and name it, in French; the one it
    # died in too, or by Playwright's error said shortly (the call, the browser's last words;
    # not Playwright's log of the browser's command line and warnings, 40 lines).
    said = [s["failure"]["message"] for s in scenarios if s["status"] == "error"]
    gone = [m for m in said if m.startswith("[navigateur] le navigateur s'est arrêté à ")
            and "pendant « " in m]
    assert len(gone) >= len(said) - 1, said
    assert all(m.startswith("[navigateur] ") and len(m.splitlines()) == 1 for m in said), said


@pytest.fixture
def silent_server():
    """A server that takes connections and never answers: a call that Playwright waits on without
    end (timeout 0), which the browser's death does not end either."""
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    for connection in held:
        connection.close()
    listener.close()


def _driver() -> list[int]:
    """Playwright's driver: the child of this process that runs Node."""
    return [c for c in children_of(os.getpid())
            if b"run-driver" in Path(f"/proc/{c}/cmdline").read_bytes()]


def _browser_processes() -> list[int]:
    """Chromium's processes: all below Playwright's driver (the Debian command is a shell script
    that starts the browser as its child)."""
    below, todo = [], [c for driver in _driver() for c in children_of(driver)]
    while todo:
        below.append(todo.pop())
        todo += children_of(below[-1])
    return below


def _kill(pids):
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _profiles(pids) -> set[str]:
    """The profile folders (`--user-data-dir`) of these Chromium processes."""
    found = set()
    for pid in pids:
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        found |= {a.split(b"=", 1)[1].decode() for a in args if a.startswith(b"--user-data-dir=")}
    return found


def test_a_browser_call_without_an_answer_ends_in_error_not_in_a_hang(silent_server):
    """The watch of fixtures/watchdog.py, on a real browser and a call that Playwright never ends
    (a request to a server that never answers, timeout 0): at its deadline the call ends in
    ERROR naming it, and the session goes on; when the browser dies during such a call, the call
    ends at once saying so, and a scenario after it says the same at its start."""
    from playwright.sync_api import sync_playwright

    from ameli_conformance.fixtures.browser import find_chromium, launch_args
    from ameli_conformance.fixtures.watchdog import BrowserWatch

    profiles: set[str] = set()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(None), args=launch_args())
        watch = BrowserWatch(1.0)
        browser.on("disconnected", watch.disconnected)
        request = p.request.new_context()
        # If the watch failed, the calls below would wait for ever: Playwright's driver is then
        # stopped, the wait ends in « connection closed », and the test fails instead of hanging.
        safety = threading.Timer(60, _kill, (_driver(),))
        safety.start()
        try:
            page = browser.new_page()
            with watch.phase("Un scénario"):
                started = time.monotonic()
                with pytest.raises(HarnessError, match="^\\[navigateur\\] l'attente d'essai "
                                   "sans réponse du navigateur après 1 s"):
                    with watch.call("l'attente d'essai"):
                        request.get(silent_server, timeout=0)
                assert time.monotonic() - started < 10
                assert page.evaluate("6 * 7") == 42  # the connection goes on after it

                chromium = _browser_processes()
                assert chromium
                profiles |= _profiles(chromium)
                threading.Timer(0.3, _kill, (chromium,)).start()
                started = time.monotonic()
                with pytest.raises(HarnessError, match="le navigateur s'est arrêté à .*, "
                                   "pendant « Un scénario »"):
                    request.get(silent_server, timeout=0)  # no deadline: the death ends it
                assert time.monotonic() - started < 10
            with watch.phase("Le suivant"), pytest.raises(HarnessError,
                                                           match="pendant « Un scénario »"):
                watch.check_alive()
            # Playwright's own error, where it comes first, is said in one line in French
            with pytest.raises(Exception) as closed:
                page.title()
            said = describe(closed.value)
            assert said["part"] == "navigateur" and said["message"].startswith(
                "[navigateur] navigateur, contexte ou page fermé pendant Page.title"), said
        finally:
            safety.cancel()
            watch.stop()
            request.dispose()
    # Killed process by process, Chromium wrote in its profile while Playwright removed it: the
    # folder was left in the system's temp folder, one per run of make test (2026-12-05). The
    # test removes what its kill left; a browser that dies by itself leaves none (the test above).
    for folder in profiles:
        shutil.rmtree(folder, ignore_errors=True)



def test_the_watch_rings_where_the_scenario_would_see_it():
    """Inside a callback of asyncio's loop (where Playwright reads the driver's messages), an
    exception of the bell would be kept and logged by the loop, and the wait would go on for ever
    (once in five runs side by side, before the bell learnt to wait): it rings again, between
    two callbacks, where the exception leaves the loop."""
    from ameli_conformance.fixtures.watchdog import BrowserWatch

    loop = asyncio.new_event_loop()
    kept = []
    loop.set_exception_handler(lambda _, context: kept.append(context))
    watch = BrowserWatch(30)
    try:
        with watch.phase("Un scénario"), watch.call("l'attente d'essai"):
            loop.call_soon(signal.raise_signal, signal.SIGALRM)  # rings inside a callback
            started = time.monotonic()
            with pytest.raises(HarnessError, match="l'attente d'essai sans réponse"):
                loop.run_until_complete(asyncio.sleep(5))
            assert time.monotonic() - started < 2
        assert kept == []
    finally:
        watch.stop()
        loop.close()


def test_the_watch_leaves_another_plugins_bell_alone():
    """pytest-timeout's signal method takes SIGALRM for each test and sets its own bell: the watch
    must neither take it off nor move it (the test would lose its timeout), and ring nothing."""
    from ameli_conformance.fixtures.watchdog import BrowserWatch

    watch = BrowserWatch(1)
    rung = []
    theirs = signal.signal(signal.SIGALRM, lambda *_: rung.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 50)
        with watch.phase("Un scénario"), watch.call("l'attente d'essai"):
            watch.disconnected()
            assert 49 < signal.getitimer(signal.ITIMER_REAL)[0] <= 50
        assert 49 < signal.getitimer(signal.ITIMER_REAL)[0] <= 50 and not rung
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, theirs)
        watch.stop()
