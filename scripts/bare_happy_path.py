"""The happy path of the guide as a bare Playwright script: no harness, no pytest, no report.

It is the yardstick of scripts/benchmark.py: the harness's scenario « Le nouveau mot de passe est
enregistré » (features/etape6_confirmation.feature) does the same things, and the ratio of the two
times is the harness's overhead. Only Playwright and httpx are used; the pages are found as the
harness finds them (roles and labels), so the two do the same work in the browser.

    account (control API) -> new context and page -> home -> « Connectez-vous » ->
    « Mot de passe oublié ? » -> the form filled, CAPTCHA answer from the control API ->
    « Recevoir le mail » -> the mail through the Mailpit API, opened -> « Renouveler mon mot de
    passe » -> new password twice -> « Valider le nouveau mot de passe » -> confirmation shown
"""
import re
import time

import httpx

NEW_PASSWORD = "Renouvele!2026x"


def _label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}")


class Stopwatch:
    def __init__(self):
        self.marks = [("start", time.perf_counter())]

    def mark(self, name: str) -> None:
        self.marks.append((name, time.perf_counter()))

    def phases(self) -> dict[str, float]:
        return {name: self.marks[i + 1][1] - self.marks[i][1]
                for i, (name, _) in enumerate(self.marks[1:])}

    def total(self) -> float:
        return self.marks[-1][1] - self.marks[0][1]


def clients(control_url: str, token: str, mailpit_url: str) -> tuple[httpx.Client, httpx.Client]:
    """The HTTP clients of the control API and of the Mailpit API, made once (an httpx client
    costs about 25 ms to make: its TLS context)."""
    return (httpx.Client(base_url=control_url, headers={"Authorization": f"Bearer {token}"}),
            httpx.Client(base_url=mailpit_url))


def create_account(control: httpx.Client, person: dict) -> None:
    control.post("/accounts", json={
        "nir": person["nir"], "birth_date": person["birth_date"], "email": person["email"],
        "email_validated": True, "password": person["password"],
    }).raise_for_status()


def open_login(page, home_url: str) -> None:
    """The home page, then « Connectez-vous », up to the login form."""
    page.goto(home_url)
    page.get_by_role("link", name="Connectez-vous").click()
    page.get_by_label(_label("Mon numéro de sécurité sociale")).wait_for()


def open_request_form(page) -> None:
    """From the login page, « Mot de passe oublié ? », up to the request form."""
    page.get_by_role("link", name="Mot de passe oublié ?").click()
    page.get_by_label(_label("Numéro de sécurité sociale")).wait_for()


def fill_request_form(page, control: httpx.Client, person: dict) -> None:
    """The three fields, and the CAPTCHA's characters as the control API gives them."""
    page.get_by_label(_label("Numéro de sécurité sociale")).fill(person["nir"])
    page.get_by_label(_label("Date de naissance (jj/mm/aaaa)")).fill(person["birth_date_fr"])
    page.get_by_label(_label("Adresse mail associée à votre compte ameli")).fill(person["email"])
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    answer = control.get("/captcha", headers={"Cookie": cookies}).json()["answer"]
    page.get_by_label(_label("Caractères lus ou entendus")).fill(answer)


def happy_path(browser, home_url: str, control: httpx.Client, mail: httpx.Client,
               person: dict) -> Stopwatch:
    """One run of the happy path for `person` (nir, birth_date ISO, birth_date_fr, email,
    password); returns its stopwatch, one mark per phase."""
    watch = Stopwatch()
    mailpit_url = str(mail.base_url).rstrip("/")
    create_account(control, person)
    watch.mark("compte")
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    watch.mark("contexte")
    open_login(page, home_url)
    watch.mark("connexion")
    open_request_form(page)
    watch.mark("formulaire")
    fill_request_form(page, control, person)
    watch.mark("saisie")
    page.get_by_role("button", name="Recevoir le mail").click()
    page.get_by_text("Le mail a bien été envoyé à").wait_for()
    watch.mark("envoi")
    deadline = time.monotonic() + 10
    while True:
        found = mail.get("/api/v1/search", params={"query": f'to:"{person["email"]}"'})
        messages = found.json().get("messages") or []
        if messages:
            break
        if time.monotonic() > deadline:
            raise TimeoutError("no mail in 10 s")
        time.sleep(0.005)
    watch.mark("mail")
    page.goto(f"{mailpit_url}/view/{messages[0]['ID']}.html")
    page.get_by_role("link", name="Renouveler mon mot de passe").click()
    page.get_by_label(_label("Nouveau mot de passe")).fill(NEW_PASSWORD)
    watch.mark("lien")
    page.get_by_label(_label("Confirmer le mot de passe")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Valider le nouveau mot de passe").click()
    page.get_by_text(re.compile(r"mot de passe.{0,60}(enregistré|modifié)", re.I)).first \
        .wait_for()
    watch.mark("confirmation")
    context.close()
    watch.mark("fermeture")
    return watch
