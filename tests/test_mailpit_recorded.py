"""The harness's Mailpit client against responses a real Mailpit sends (tests/mailpit_recorded,
written from its published API definition, null arrays included), served over real HTTP; and a
Mailpit started from the PATH in place of the embedded sink."""
import copy
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from jsonschema import Draft4Validator

from ameli_conformance.fixtures.mailpit import MailpitClient

from .conftest import shared_file

RECORDED = Path(__file__).parent / "mailpit_recorded"
NULLABLE_IN_LISTS = ("To", "Cc", "Bcc", "ReplyTo")  # documented in ../shared/contracts/README.md


def recorded(name: str):
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


class _Mailpit(BaseHTTPRequestHandler):
    """Serves the recorded responses at Mailpit's paths; records the queries it was asked."""
    queries: list = []

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/readyz":
            return self._send(200, "text/plain", b"ok")
        if url.path == "/api/v1/search":
            self.queries.append(parse_qs(url.query))
            return self._send(200, "application/json", (RECORDED / "search.json").read_bytes())
        if url.path == "/api/v1/message/Qm2hA8cLrE7wPj5tN9xBkU":
            return self._send(200, "application/json", (RECORDED / "message.json").read_bytes())
        if url.path == "/view/Qm2hA8cLrE7wPj5tN9xBkU.html":
            return self._send(200, "text/html; charset=utf-8", (RECORDED / "view.html").read_bytes())
        return self._send(404, "text/plain; charset=utf-8", b"message not found")

    def _send(self, status, content_type, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def recorded_mailpit():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Mailpit)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _nullable(swagger, definition):
    schema = copy.deepcopy(swagger)
    for name in NULLABLE_IN_LISTS:
        prop = schema["definitions"][definition]["properties"][name]
        prop["type"] = ["array", "null"]
    return schema


def test_the_recordings_follow_the_api_definition(tmp_path):
    swagger = json.loads(shared_file("contracts/mailpit-swagger.json").read_text(encoding="utf-8"))
    listing = recorded("search.json")
    schema = _nullable(swagger, "MessageSummary")
    for definition, instance in [("MessagesSummary", listing), ("Message", recorded("message.json"))]:
        errors = list(Draft4Validator({**schema, "$ref": f"#/definitions/{definition}"})
                      .iter_errors(instance))
        assert not errors, [e.message for e in errors]
        assert set(instance) - {"count"} == set(swagger["definitions"][definition]["properties"])
    for summary in listing["messages"]:
        assert set(summary) == set(swagger["definitions"]["MessageSummary"]["properties"])
    assert listing["messages"][0]["To"] is None  # the null array the client must survive


def test_the_client_reads_a_real_mailpit_answer(recorded_mailpit):
    client = MailpitClient(recorded_mailpit, timeout=2)
    try:
        assert client.ready()
        found = client.messages_to("marie@example.org")
        # The null To is skipped, anne-marie's mail is not marie's, the case does not count.
        assert [m["ID"] for m in found] == ["Qm2hA8cLrE7wPj5tN9xBkU"]
        assert _Mailpit.queries[-1]["query"] == ['to:"marie@example.org"']
        assert client.wait_for("marie@example.org", 1)[0]["ID"] == "Qm2hA8cLrE7wPj5tN9xBkU"
        assert client.count_stays("marie@example.org", 1) == 1
        message = client.message("Qm2hA8cLrE7wPj5tN9xBkU")
        assert message["Subject"] == "Votre compte ameli – renouveler mon mot de passe"
        view = httpx.get(client.view_url("Qm2hA8cLrE7wPj5tN9xBkU"))
        assert "Renouveler mon mot de passe" in view.text
        assert client.messages_to("personne@example.org") == []
    finally:
        client.close()


STAND_IN = '''#!{python}
"""Stand-in for the mailpit binary: takes Mailpit's own flags, serves with the embedded sink."""
import os, sys
args = dict(zip(sys.argv[1::2], sys.argv[2::2]))
with open({calls!r}, "a") as f:
    f.write(" ".join(sys.argv[1:]) + "\\n")
http = args["--listen"].rsplit(":", 1)[1]
smtp = args["--smtp"].rsplit(":", 1)[1]
os.chdir({root!r})
os.execv(sys.executable, [sys.executable, "-m", "ameli_conformance.mailsink", "--http-port", http, "--smtp-port", smtp])
'''


def test_a_mailpit_on_the_path_replaces_the_embedded_sink(tmp_path, conformance_run):
    """No Mailpit can be installed here: a stand-in named `mailpit`, which takes Mailpit's own
    flags, proves the harness finds it on the PATH, gives it free ports and a database, waits for
    its API and SMTP port, and that a scenario's mail goes through it."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    calls = tmp_path / "calls.txt"
    exe = bindir / "mailpit"
    exe.write_text(STAND_IN.format(python=sys.executable, calls=str(calls),
                                   root=str(Path(__file__).resolve().parent.parent)))
    exe.chmod(0o755)
    result = conformance_run.run("--mail-catcher", "mailpit", "-m", "E4-MAIL",
                                 PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}")
    report = conformance_run.report()
    assert result.returncode == 0, result.stdout[-3000:]
    assert {r["status"] for r in report["requirements"] if r["id"] == "E4-MAIL"} == {"passed"}
    flags = calls.read_text().split()
    assert flags[0::2][:3] == ["--listen", "--smtp", "--database"]
    assert flags[1].startswith("127.0.0.1:") and flags[3].startswith("127.0.0.1:")
    assert report["profile"]["catcher"] == "mailpit"
    assert report["target"]["mailpit_url"].endswith(flags[1].rsplit(":", 1)[1])


def test_no_mailpit_to_start_is_an_error_naming_the_mail_catcher(tmp_path, conformance_run):
    result = conformance_run.run("--mail-catcher", "mailpit", "-m", "E0-ACCES",
                                 AMELI_MAILPIT_BIN=str(tmp_path / "absent"))
    report = conformance_run.report()
    assert result.returncode != 0
    assert report["verdict"] == "error"
    failure = report["scenarios"][0]["failure"]
    assert "[collecteur de mails]" in failure["message"]
    assert "n'est pas un exécutable" in failure["message"]
