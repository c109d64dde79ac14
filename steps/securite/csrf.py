"""Un autre site qui fait envoyer les formulaires : SEC-CSRF."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from ameli_conformance.fixtures.bdd import then, when

from .. import passwords, texts
from ..mot_de_passe import type_passwords
from .commun import fill_request, origin, submission

# ------------------------------------------------------------------ SEC-CSRF


class _OtherSite:
    """A page on another site (another host name) that submits a form to the target as soon as
    it loads, as a malicious site would."""

    def __init__(self, target_url: str):
        host = urlsplit(target_url).hostname
        self.host = "localhost" if host == "127.0.0.1" else "127.0.0.1"
        self.html = b""
        page = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page.html)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.server.server_port}/"

    def posting(self, sub: dict) -> None:
        from html import escape

        fields = "".join(f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">'
                         for k, v in sub["pairs"])
        self.html = (f'<!doctype html><html><body><form method="post" '
                     f'action="{escape(sub["action"])}">{fields}</form>'
                     f'<script>document.forms[0].submit()</script></body></html>').encode()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def submit_from_other_site(ui, target, sub):
    other = _OtherSite(target.url or target.login_url)
    try:
        other.posting(sub)
        own = origin(sub["action"])
        ui.page.goto(other.url)
        ui.page.wait_for_url(lambda url: origin(url) == own)
        ui.page.wait_for_load_state("domcontentloaded")
    finally:
        other.close()


@when("un autre site me fait envoyer le formulaire « Mot de passe oublié » rempli avec mes "
      "informations")
def cross_site_request(ui, target, control, mailpit, persona, scenario_state):
    fill_request(ui, target, control, persona, scenario_state)
    sub = submission(ui, texts.FORM_SUBMIT)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))
    submit_from_other_site(ui, target, sub)


@when("un autre site me fait envoyer le formulaire du nouveau mot de passe rempli")
def cross_site_new_password(ui, target, mailpit, persona, scenario_state):
    type_passwords(ui, scenario_state, passwords.conforming())
    sub = submission(ui, texts.RESET_SUBMIT)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))
    submit_from_other_site(ui, target, sub)


@then("le lien du mail propose toujours de choisir un nouveau mot de passe")
def link_still_works(ui, scenario_state):
    ui.page.goto(scenario_state.reset_link)
    ui.field(texts.RESET_PASSWORD)


