"""The embedded sink answers as Mailpit's API definition says (../shared/contracts, read in
place), over a real SMTP exchange; and the harness's client reads it."""
import json
import smtplib
from email.headerregistry import Address
from email.message import EmailMessage

import pytest
from jsonschema import Draft4Validator

from ameli_conformance.errors import HarnessError
from ameli_conformance.fixtures.mailpit import MailpitClient
from ameli_conformance.fixtures.processes import ManagedProcess, python_module

from .conftest import shared_file


@pytest.fixture(scope="module")
def swagger():
    return json.loads(shared_file("contracts/mailpit-swagger.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sink(tmp_path_factory):
    process = ManagedProcess("collecteur de mails", python_module("ameli_conformance.mailsink"),
                             tmp_path_factory.mktemp("sink") / "sink.log")
    info = process.start()
    yield info
    process.stop()


@pytest.fixture(scope="module")
def client(sink):
    c = MailpitClient(sink["api_url"], timeout=5)
    yield c
    c.close()


def send(sink, to: str, subject: str, text="Bonjour", html="<p>Bonjour</p>"):
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = Address("Votre Assurance Maladie", addr_spec="ne-pas-repondre@example.org")
    msg["To"] = to
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    with smtplib.SMTP("127.0.0.1", sink["smtp_port"], timeout=5) as smtp:
        smtp.send_message(msg)


def validate(swagger, definition: str, instance, legacy=()):
    """Valid against the definition, with exactly its properties (no more: we invent nothing;
    no fewer: a client may rely on any of them). `legacy`: sent by Mailpit, absent from its docs."""
    schema = {**swagger, "$ref": f"#/definitions/{definition}"}
    errors = sorted(Draft4Validator(schema).iter_errors(instance), key=str)
    assert not errors, [e.message for e in errors]
    properties = set(swagger["definitions"][definition]["properties"])
    assert set(instance) - set(legacy) == properties, definition


def test_list_search_message_headers_and_views_follow_the_contract(swagger, sink, client):
    send(sink, "Jeanne Martin <jeanne.martin@example.org>", "Votre compte ameli – essai",
         text="Lien : https://exemple/renouveler", html="<a href='https://exemple'>Renouveler</a>")
    found = client.wait_for("jeanne.martin@example.org")
    assert len(found) == 1
    http = client.http
    listing = http.get("/api/v1/messages").json()
    validate(swagger, "MessagesSummary", listing, legacy=("count",))
    assert listing["count"] == len(listing["messages"])
    for summary in listing["messages"]:
        validate(swagger, "MessageSummary", summary)
    search = http.get("/api/v1/search", params={"query": 'to:"JEANNE.martin@example.org"'}).json()
    validate(swagger, "MessagesSummary", search, legacy=("count",))
    assert [m["ID"] for m in search["messages"]] == [found[0]["ID"]]
    message = http.get(f"/api/v1/message/{found[0]['ID']}").json()
    validate(swagger, "Message", message)
    assert message["Subject"] == "Votre compte ameli – essai"
    assert message["From"] == {"Name": "Votre Assurance Maladie",
                               "Address": "ne-pas-repondre@example.org"}
    assert message["To"] == [{"Name": "Jeanne Martin", "Address": "jeanne.martin@example.org"}]
    assert "https://exemple/renouveler" in message["Text"] and "Renouveler" in message["HTML"]
    headers = http.get(f"/api/v1/message/{found[0]['ID']}/headers").json()
    schema = swagger["responses"]["MessageHeadersResponse"]["schema"]
    assert not list(Draft4Validator(schema).iter_errors(headers))
    assert headers["Subject"] == ["Votre compte ameli – essai"]
    view = http.get(f"/view/{found[0]['ID']}.html")
    assert view.headers["content-type"].startswith("text/html") and "Renouveler" in view.text
    raw = http.get(f"/api/v1/message/{found[0]['ID']}/raw")
    assert raw.status_code == 200 and "Subject:" in raw.text


def test_latest_with_query_gives_the_newest_match(sink, client):
    send(sink, "paul@example.org", "premier")
    send(sink, "paul@example.org", "second")
    send(sink, "autre@example.org", "troisième")
    client.wait_for("paul@example.org", 2)
    latest = client.http.get("/api/v1/message/latest", params={"query": "to:paul@example.org"})
    assert latest.json()["Subject"] == "second"


def test_search_is_a_substring_match_so_the_client_filters_the_exact_address(sink, client):
    send(sink, "marie@example.org", "pour marie")
    send(sink, "anne-marie@example.org", "pour anne-marie")
    client.wait_for("anne-marie@example.org")
    raw = client.http.get("/api/v1/search", params={"query": "to:marie@example.org"}).json()
    assert len(raw["messages"]) == 2  # what Mailpit does too
    assert [m["Subject"] for m in client.messages_to("marie@example.org")] == ["pour marie"]


def test_search_by_sender_subject_and_words_all_terms_must_match(sink, client):
    """The sink reads each message's headers once, when it arrives: every kind of term still
    searches what Mailpit searches, case folded."""
    send(sink, "lea@example.org", "Votre mot de passe", text="Le lien ZORGLUB vaut 30 minutes")
    send(sink, "lea@example.org", "Autre sujet", text="rien")
    client.wait_for("lea@example.org", 2)

    def subjects(query):
        found = client.http.get("/api/v1/search", params={"query": query}).json()
        return sorted(m["Subject"] for m in found["messages"])

    assert subjects('to:LEA@example.org subject:"mot de passe"') == ["Votre mot de passe"]
    assert subjects("to:lea@example.org from:assurance") == ["Autre sujet", "Votre mot de passe"]
    assert subjects("to:lea@example.org from:personne") == []
    assert subjects("to:lea@example.org zorglub") == ["Votre mot de passe"]
    assert subjects("zorglub subject:autre") == []


def test_a_mail_in_an_unknown_charset_is_kept_and_read(sink, client):
    """A mail catcher keeps what it receives, whatever its charset says; the sink refused this
    one at the SMTP exchange before (500, LookupError): the target saw its mail fail."""
    raw = (b"From: ne-pas-repondre@example.org\r\nTo: charset@example.org\r\n"
           b"Subject: lien\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: text/plain; charset=unknown-8bit\r\n\r\n"
           b"Renouveler : https://exemple.test/renouveler/abc \xe9\r\n")
    with smtplib.SMTP("127.0.0.1", sink["smtp_port"], timeout=5) as smtp:
        smtp.sendmail("ne-pas-repondre@example.org", ["charset@example.org"], raw)
    (found,) = client.wait_for("charset@example.org")
    assert "https://exemple.test/renouveler/abc" in client.message(found["ID"])["Text"]


def test_errors_are_plain_text_and_unknown_ids_are_404(sink, client):
    response = client.http.get("/api/v1/message/inconnu")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/plain")
    assert client.http.get("/api/v1/search").status_code == 400


def test_delete_all_empties_the_mailbox(sink, client):
    send(sink, "efface@example.org", "à effacer")
    client.wait_for("efface@example.org")
    assert client.http.delete("/api/v1/messages").text == "ok"
    assert client.http.get("/api/v1/messages").json()["total"] == 0


def test_a_mail_that_never_comes_is_a_harness_error_with_a_diagnosis(sink):
    c = MailpitClient(sink["api_url"], timeout=0.3)
    with pytest.raises(HarnessError) as caught:
        c.wait_for("jamais@example.org")
    assert caught.value.part == "collecteur de mails"
    assert "0 reçu" in caught.value.diagnosis and "jamais@example.org" not in str(caught.value)


def test_an_unreachable_catcher_is_a_harness_error():
    c = MailpitClient("http://127.0.0.1:9", timeout=0.3)
    assert not c.ready()
    with pytest.raises(HarnessError, match="injoignable"):
        c.messages_to("x@example.org")


def test_a_mail_without_a_text_part_is_given_as_text_as_mailpit_gives_it(sink, client):
    """Mailpit's `Text` of a mail sent in HTML only is its HTML turned into text (enmime, with
    html2text: a link written « label ( address ) »); the sink gave "" until 2026-12-04, so a
    target sending HTML only failed « la version texte du mail donne le lien » with the embedded
    sink and passed with Mailpit."""
    msg = EmailMessage()
    msg["Subject"] = "html seul"
    msg["From"] = "ne-pas-repondre@example.org"
    msg["To"] = "html.seul@example.org"
    msg.set_content("<p>Bonjour,</p><p><a href='https://cible.example/r?t=1&amp;u=2'>Renouveler "
                    "mon mot de passe</a></p><style>p { color: red }</style>", subtype="html")
    with smtplib.SMTP("127.0.0.1", sink["smtp_port"], timeout=5) as smtp:
        smtp.send_message(msg)
    [found] = client.messages_to("html.seul@example.org")
    message = client.message(found["ID"])
    assert message["Text"] == ("Bonjour,\nRenouveler mon mot de passe "
                               "( https://cible.example/r?t=1&u=2 )")
    send(sink, "deux.parties@example.org", "deux parties", text="Le texte", html="<p>Autre</p>")
    [found] = client.messages_to("deux.parties@example.org")
    assert client.message(found["ID"])["Text"].strip() == "Le texte"  # a text part: itself
