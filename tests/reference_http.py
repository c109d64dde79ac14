"""The reference app over real HTTP, for its own tests (concurrency, hostile input, mail down):
started in its own process like the harness starts it, read through its SQLite file (read-only)
and its mail catcher's API. These tests know the reference app's form field names: they test
that app, not the harness."""
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import httpx

from ameli_conformance.fixtures.control import ControlClient
from ameli_conformance.fixtures.mailpit import MailpitClient
from ameli_conformance.fixtures.targets import Target, start_embedded

FORM = "/mot-de-passe-oublie"
LINK = re.compile(r"https?://[^\s\"'<>]+/renouveler/[A-Za-z0-9_\-]+")


class ReferenceApp:
    def __init__(self, workdir: Path, settings: list[str] = ()):
        self.workdir = workdir
        self.logdir = workdir / "logs"
        self.target: Target = start_embedded(workdir / "cible", self.logdir, list(settings))
        self.base = self.target.url.rstrip("/")
        self.control = ControlClient(self.target.control_url, self.target.control_token)
        self.mailpit = MailpitClient(self.target.mailpit_url, timeout=10, quiet=0.5)

    @property
    def database(self) -> Path:
        return self.workdir / "cible" / "reference_app.sqlite"

    def log(self) -> str:
        return (self.logdir / "reference_app.log").read_text(errors="replace")

    def rows(self, sql: str, *params) -> list[tuple]:
        uri = f"file:{self.database}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=30)) as db:
            return db.execute(sql, params).fetchall()

    def accounts(self) -> list[tuple]:
        return self.rows("SELECT * FROM account ORDER BY id")

    def visitor(self) -> "Visitor":
        return Visitor(self)

    def stop(self):
        self.control.close()
        self.mailpit.close()
        self.target.stop()


class Visitor:
    """One browser-like client with its own cookies (its own session)."""

    def __init__(self, app: ReferenceApp):
        self.app = app
        self.http = httpx.Client(base_url=app.base, timeout=60, follow_redirects=False)

    def close(self):
        self.http.close()

    def captcha(self) -> str:
        """Opens the request form (a new CAPTCHA for this session) and reads its answer."""
        response = self.http.get(FORM)
        assert response.status_code == 200, response.status_code
        cookies = [{"name": k, "value": v} for k, v in self.http.cookies.items()]
        return self.app.control.captcha_answer(cookies)

    def request_body(self, persona, captcha: str, **changes) -> dict:
        body = {"nir": persona.nir, "birth_date": persona.birth_date_fr, "email": persona.email,
                "captcha": captcha, "action": "envoyer"}
        body.update(changes)
        return body

    def ask(self, persona, **changes) -> httpx.Response:
        """A complete request of the form for this persona (the CAPTCHA read right)."""
        body = self.request_body(persona, self.captcha(), **changes)
        return self.http.post(FORM, data=body)

    def reset_link(self, persona, count: int = 1) -> str:
        """Asks, waits for the `count`-th mail of the persona, returns its link."""
        response = self.ask(persona)
        assert response.status_code == 302 and response.headers["location"].endswith("/envoye")
        newest = self.app.mailpit.wait_for(persona.email, count)[0]
        message = self.app.mailpit.message(newest["ID"])
        return LINK.search(message["Text"])[0]


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]
