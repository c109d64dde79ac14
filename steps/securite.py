"""The `securite` profile: the SEC-* checks of ../shared/design/requirements.md (OWASP Forgot
Password Cheat Sheet, WSTG-ATHN-09, WSTG-INPV-17, ASVS), run on demand, never in the verdict.

Where a check needs what a browser does not do (a forged header, twenty submissions at once, a
mail scanner), the form is filled in the browser as a person would, then its submission (the
form's own fields, read with FormData) is replayed over HTTP with the browser's cookies. Nothing
here knows a field name or a URL of one implementation."""
import math
import re
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import pytest
from pytest_bdd import given, parsers, then, when

from fixtures import contract, privacy
from fixtures.errors import NOT_APPLICABLE_PREFIX, ConformanceFailure, HarnessError
from fixtures.personas import make_persona
from fixtures.targets import start_embedded

from . import passwords, texts
from .courriel import click_in_mail
from .demande import copy_captcha, create_account, fill_identity, masked, show_form
from .mot_de_passe import log_in, login_form_shown, type_passwords
from .ui import Ui

PIRATE_HOST = "pirate.exemple"
BLOCKED = "Le nombre maximum de demandes de renouvellement de mot de passe a été atteint."
# Headers whose value differs from one answer to the next whatever the request was.
VOLATILE = {"date", "set-cookie", "content-length", "etag", "last-modified", "expires", "age",
            "x-request-id", "request-id", "server-timing", "keep-alive", "connection",
            "report-to", "nel", "content-security-policy", "content-security-policy-report-only"}
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# ------------------------------------------------------------------ helpers


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def target_origin(target) -> str:
    return origin(target.url or target.login_url)


def submission(ui, button: str) -> dict:
    """The submission the button would make: the form's action, method and fields (FormData,
    the button's own name and value included)."""
    found = ui.action(button).evaluate("""(b) => {
        if (!b.form) return null;
        const pairs = [...new FormData(b.form, b)].filter(([, v]) => typeof v === 'string');
        // getAttribute: a field named "action" or "method" shadows the form's properties
        const given = b.getAttribute('formaction') ?? b.form.getAttribute('action') ?? '';
        const action = new URL(given, document.baseURI).href;
        const method = (b.getAttribute('formmethod') || b.form.getAttribute('method') || 'get');
        return {action, method: method.toLowerCase(), pairs};
    }""")
    if found is None:
        raise HarnessError("cible", f"« {button} » n'envoie pas de formulaire HTML : "
                                    "son envoi ne peut pas être rejoué par le harnais")
    found["pairs"] = [tuple(p) for p in found["pairs"]]
    return found


def field_name(ui, label: str) -> str:
    name = ui.field(label).get_attribute("name")
    if not name:
        raise HarnessError("cible", f"le champ « {label} » n'a pas de nom : il n'est pas envoyé")
    return name


def http_client(ui, timeout: float = 30.0) -> httpx.Client:
    """An HTTP client carrying the browser's cookies (the person's session)."""
    client = httpx.Client(timeout=timeout, follow_redirects=False)
    for cookie in ui.page.context.cookies():
        client.cookies.set(cookie["name"], cookie["value"], domain=cookie["domain"].lstrip("."),
                           path=cookie["path"])
    return client


def replay(client: httpx.Client, sub: dict, pairs=None, headers=None) -> httpx.Response:
    try:
        return client.request(sub["method"].upper(), sub["action"],
                              content=urlencode(pairs if pairs is not None else sub["pairs"]),
                              headers={"Content-Type": "application/x-www-form-urlencoded",
                                       **(headers or {})})
    except httpx.HTTPError as exc:
        raise HarnessError("cible", f"{sub['action']} ne répond pas ({type(exc).__name__})")


def follow(client: httpx.Client, response: httpx.Response, limit: int = 5) -> httpx.Response:
    """Follows redirects by GET, as a browser does after a POST."""
    for _ in range(limit):
        if response.status_code not in (301, 302, 303, 307, 308):
            break
        response = client.get(httpx.URL(str(response.url)).join(response.headers["location"]))
    return response


def page_text(html: str) -> str:
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self._href, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._text).split()), self._href))
            self._href = None


def mail_urls(message: dict) -> list[str]:
    parser = _Links()
    parser.feed(message.get("HTML") or "")
    urls = [href for _, href in parser.links]
    urls += re.findall(r"https?://[^\s<>\"']+", message.get("Text") or "")
    return [u for u in urls if u.lower().startswith("http")]


def mail_button(message: dict) -> str:
    parser = _Links()
    parser.feed(message.get("HTML") or "")
    for text, href in parser.links:
        if texts.MAIL_BUTTON.lower() in text.lower():
            return href
    raise ConformanceFailure("le mail n'a pas de bouton de renouvellement",
                             expected=f"un lien « {texts.MAIL_BUTTON} »", seen="aucun")


def newest_reset_mail(mailpit, persona, count: int) -> dict:
    newest = mailpit.wait_for(persona.email, count)[0]
    return mailpit.message(newest["ID"])


def fill_request(ui, target, control, persona, state, nir=None, **typed):
    show_form(ui, target, control, state)
    fill_identity(ui, persona, state)
    if nir is not None:
        ui.fill(texts.FORM_NIR, nir)
    for label, value in typed.items():
        ui.fill(label, value)
    copy_captcha(ui, control, target)


class _Documents:
    """The main documents the browser receives (status, URL, every header), and every request
    it sends, from now on, in every tab of the scenario's context."""

    def __init__(self, context):
        self.responses, self.requests = [], []
        context.on("response", self._response)
        context.on("request", lambda request: self.requests.append(request))

    def _response(self, response):
        if response.request.is_navigation_request() and response.frame.parent_frame is None:
            self.responses.append(response)

    def last(self):
        if not self.responses:
            raise HarnessError("navigateur", "aucune page reçue depuis l'ouverture du lien")
        return self.responses[-1]


def documents(ui, state) -> _Documents:
    if getattr(state, "documents", None) is None:
        state.documents = _Documents(ui.page.context)
    return state.documents


def answer_of(ui, recorder: _Documents, start: int) -> dict:
    """What the person received for one submission: the statuses of the redirects, the final
    page's path, its text, its headers (values, volatile ones by name only)."""
    chain = recorder.responses[start:]
    if not chain:
        raise HarnessError("navigateur", "l'envoi du formulaire n'a donné aucune page")
    final = chain[-1]
    headers = final.all_headers()
    return {
        "statuts": [r.status for r in chain],
        "page": urlsplit(final.url).path,
        "texte": ui.body_text(),
        "en-têtes": {k: ("…" if k in VOLATILE else v) for k, v in sorted(headers.items())},
        "cookies": sorted(c.split("=", 1)[0].strip()
                          for c in headers.get("set-cookie", "").split("\n") if c.strip()),
    }


def submit_recorded(ui, state) -> dict:
    recorder = documents(ui, state)
    start = len(recorder.responses)
    ui.click(texts.FORM_SUBMIT)
    return answer_of(ui, recorder, start)


# ------------------------------------------------------------------ SEC-ENUMERATION


@given("un autre assuré dont le compte ameli n'a pas d'adresse mail", target_fixture="other")
def other_without_email(control):
    other = make_persona()
    privacy.register_persona(other)
    create_account(control, other, email=None, email_validated=False)
    return other


@when("je fais une demande complète avec mes informations")
def complete_request_recorded(ui, target, control, persona, scenario_state):
    fill_request(ui, target, control, persona, scenario_state)
    scenario_state.answers = [submit_recorded(ui, scenario_state)]


@when("je fais une demande avec les informations de cet autre assuré")
def other_request_recorded(ui, target, control, other, scenario_state):
    fill_request(ui, target, control, other, scenario_state)
    scenario_state.answers = [submit_recorded(ui, scenario_state)]


def look_alike(address: str) -> str:
    """Another address with the same mask (first letters and top-level domain kept)."""
    local, _, domain = address.partition("@")
    return f"{local[0]}x{local[1:]}@{domain}"


@when(parsers.parse("je fais une autre demande avec {cas}"))
def other_request(ui, target, control, persona, scenario_state, cas):
    unknown = make_persona()
    privacy.register_persona(unknown)
    if cas == "un numéro de sécurité sociale inconnu":
        typed = {texts.FORM_NIR: unknown.nir}
    elif cas == "une date de naissance erronée":
        day = persona.birth_date.replace(day=1 if persona.birth_date.day != 1 else 2)
        typed = {texts.FORM_BIRTH_DATE: day.strftime("%d/%m/%Y")}
    elif cas == "une adresse mail erronée":
        wrong = look_alike(persona.email)
        privacy.register(wrong, masked(wrong))
        typed = {texts.FORM_EMAIL: wrong}
    else:
        raise ValueError(f"cas inconnu : {cas!r}")
    fill_request(ui, target, control, persona, scenario_state, **typed)
    scenario_state.answers.append(submit_recorded(ui, scenario_state))


@then("les deux demandes reçoivent la même page, le même statut et les mêmes en-têtes")
def same_answers(scenario_state):
    first, second = scenario_state.answers[-2:]
    differences = [k for k in first if first[k] != second[k]]
    if differences:
        shown = "; ".join(f"{k} : {privacy.redact(str(first[k]))[:160]} ≠ "
                          f"{privacy.redact(str(second[k]))[:160]}" for k in differences)
        raise ConformanceFailure("les réponses diffèrent : elles révèlent si le compte existe",
                                 expected="deux réponses identiques", seen=shown)


# ------------------------------------------------------------------ SEC-DESTINATAIRE


def homoglyph(address: str) -> str:
    local, _, domain = address.partition("@")
    swap = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і"}
    for i, ch in enumerate(local):
        if ch in swap:
            return local[:i] + swap[ch] + local[i + 1:] + "@" + domain
    return "а" + address[1:]


@when(parsers.parse("je fais une demande complète où l'adresse mail est remplacée par {variante}"))
def request_with_variant(ui, target, control, mailpit, persona, scenario_state, variante):
    fill_request(ui, target, control, persona, scenario_state)
    name = field_name(ui, texts.FORM_EMAIL)
    sub = submission(ui, texts.FORM_SUBMIT)
    pirate = f"pirate.{secrets.token_hex(4)}@exemple.invalid"
    mine = persona.email
    others = [pirate]
    rest = [(k, v) for k, v in sub["pairs"] if k != name]
    if variante == "mon adresse en majuscules":
        pairs = rest + [(name, mine.upper())]
    elif variante == "mon adresse avec une lettre cyrillique semblable":
        others.append(homoglyph(mine))
        pairs = rest + [(name, others[-1])]
    elif variante == "mon adresse suivie d'une autre adresse":
        pairs = rest + [(name, f"{mine},{pirate}")]
    elif variante == "deux champs adresse, le mien puis une autre adresse":
        pairs = rest + [(name, mine), (name, pirate)]
    elif variante == "deux champs adresse, une autre adresse puis le mien":
        pairs = rest + [(name, pirate), (name, mine)]
    elif variante == "un champ adresse en tableau":
        pairs = rest + [(name + "[]", mine), (name + "[]", pirate)]
    else:
        raise ValueError(f"variante inconnue : {variante!r}")
    for other in others:
        privacy.register(other, masked(other))
    scenario_state.other_addresses = others
    scenario_state.mails_before = len(mailpit.messages_to(mine))
    with http_client(ui) as client:
        replay(client, sub, pairs)


@then("aucun mail ne part vers une autre adresse que celle de mon compte")
def only_stored_address(mailpit, persona, scenario_state):
    for other in scenario_state.other_addresses:
        if mailpit.count_stays(other, 0):
            raise ConformanceFailure("un mail est parti vers une autre adresse que celle du compte",
                                     expected=f"aucun mail à {masked(other)}",
                                     seen=f"un mail à {masked(other)}")
    for summary in mailpit.messages_to(persona.email):
        recipients = [(a or {}).get("Address", "") for a in
                      (summary.get("To") or []) + (summary.get("Cc") or []) + (summary.get("Bcc") or [])]
        if len(recipients) != 1:
            raise ConformanceFailure("le mail a plusieurs destinataires",
                                     expected="la seule adresse du compte",
                                     seen=f"{len(recipients)} destinataires")


# ------------------------------------------------------------------ SEC-LIMITE-VARIANTES


@when("je fais autant de demandes que la limite le permet, en écrivant mon numéro de façons "
      "différentes")
def requests_with_nir_variants(ui, target, control, mailpit, persona, interpretations,
                               scenario_state):
    variants = [persona.nir_spaced, persona.nir[:13], persona.nir, persona.nir.lower()]
    for i in range(interpretations.reset_request_limit):
        before = len(mailpit.messages_to(persona.email))
        fill_request(ui, target, control, persona, scenario_state, nir=variants[i % len(variants)])
        ui.click(texts.FORM_SUBMIT)
        ui.expect_phrase(texts.SENT)
        mailpit.wait_for(persona.email, before + 1)


@when("je fais une demande de plus avec mon numéro en chiffres pleine chasse")
def request_full_width(ui, target, control, mailpit, persona, scenario_state):
    fill_request(ui, target, control, persona, scenario_state,
                 nir=persona.nir.translate(FULL_WIDTH))
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))
    ui.click(texts.FORM_SUBMIT)


@then("la page indique que le nombre maximum de demandes est atteint")
def shows_blocked(ui):
    ui.expect_phrase(BLOCKED)


# ------------------------------------------------------------------ SEC-HOTE-LIEN


@when(parsers.parse("je fais une demande complète avec l'en-tête {entete} forgé vers « {hote} »"))
def request_with_forged_header(ui, target, control, mailpit, persona, scenario_state, entete,
                               hote):
    fill_request(ui, target, control, persona, scenario_state)
    sub = submission(ui, texts.FORM_SUBMIT)
    value = f"host={hote};proto=https" if entete == "Forwarded" else hote
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))
    with http_client(ui) as client:
        response = replay(client, sub, headers={entete: value})
    scenario_state.forged_status = response.status_code


@then(parsers.parse("le lien du mail, s'il en part un, mène au site de la cible et non à "
                    "« {hote} »"))
def link_on_target(mailpit, persona, target, scenario_state, hote):
    before = scenario_state.mails_before
    if scenario_state.forged_status >= 400:  # refused: then no mail may leave
        if mailpit.count_stays(persona.email, before) != before:
            raise ConformanceFailure("la demande a été refusée, mais un mail est parti",
                                     expected="aucun mail", seen="un mail")
        return
    message = newest_reset_mail(mailpit, persona, before + 1)
    urls = mail_urls(message)
    own = urlsplit(target.url or target.login_url).netloc.lower()
    forged = [u for u in urls if hote in urlsplit(u).netloc.lower()]
    if forged:
        raise ConformanceFailure("le lien du mail mène à l'hôte forgé",
                                 expected=f"un lien vers {own}",
                                 seen=privacy.redact(forged[0]))
    if not any(urlsplit(u).netloc.lower() == own for u in urls):
        raise ConformanceFailure("aucun lien du mail ne mène au site de la cible",
                                 expected=f"un lien vers {own}",
                                 seen=", ".join(sorted({urlsplit(u).netloc for u in urls})))


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


# ------------------------------------------------------------------ SEC-JETON-ENTROPIE


@when("je demande deux fois le renouvellement de mon mot de passe dans la même seconde")
def two_requests_same_second(ui, target, control, mailpit, persona, scenario_state):
    control.require("clock", "arrêter l'horloge du service pour deux demandes dans la même seconde")
    scenario_state.same_second = control.now()
    links = []
    for count in (1, 2):
        fill_request(ui, target, control, persona, scenario_state)
        ui.click(texts.FORM_SUBMIT)
        ui.expect_phrase(texts.SENT)
        links.append(mail_button(newest_reset_mail(mailpit, persona, count)))
    if control.now() != scenario_state.same_second:
        raise HarnessError("API de contrôle", "l'horloge du service a bougé entre les demandes")
    scenario_state.tokens = tokens_of(*links)


def parts(link: str) -> list[str]:
    split = urlsplit(link)
    return [p for p in split.path.split("/") if p] + [v for _, v in parse_qsl(split.query)] + (
        [split.fragment] if split.fragment else [])


def tokens_of(first: str, second: str) -> tuple[str, str]:
    """The parts of the two links that differ: the tokens, wherever the link carries them."""
    a, b = parts(first), parts(second)
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    if len(a) != len(b) or not differing:
        raise ConformanceFailure("les deux liens ne diffèrent que par leur forme, ou pas du tout",
                                 expected="deux liens qui ne diffèrent que par leur jeton",
                                 seen="des liens identiques" if not differing else "formes différentes")
    x, y = max(differing, key=lambda pair: len(pair[0]))
    privacy.register(x, "***jeton***")
    privacy.register(y, "***jeton***")
    return x, y


def entropy_bits(token: str) -> float:
    """Length × log2(alphabet): hexadecimal when only hex digits appear, else the classes of
    characters found (lower case, upper case, digits, others)."""
    if re.fullmatch(r"[0-9a-f]+", token) or re.fullmatch(r"[0-9A-F]+", token):
        return 4.0 * len(token)
    size = sum(n for pattern, n in ((r"[a-z]", 26), (r"[A-Z]", 26), (r"[0-9]", 10),
                                    (r"[^A-Za-z0-9]", 2)) if re.search(pattern, token))
    return len(token) * math.log2(max(size, 2))


@then("les jetons des deux liens diffèrent, sans début commun")
def tokens_differ(scenario_state):
    a, b = scenario_state.tokens
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if common >= 4:
        raise ConformanceFailure("les deux jetons commencent pareil : ils ont une structure",
                                 expected="aucun début commun de 4 caractères ou plus",
                                 seen=f"{common} caractères communs au début")


@then("chaque jeton porte au moins 128 bits d'aléa, sans mon numéro, ma date de naissance ni "
      "l'heure")
def tokens_random(persona, scenario_state):
    instant = int(scenario_state.same_second.timestamp())
    forbidden = {persona.nir[:13]: "le numéro", persona.email.split("@")[0]: "l'adresse",
                 str(instant): "l'heure (secondes)", f"{instant:x}": "l'heure (hexadécimal)",
                 str(instant * 1000)[:10]: "l'heure (millisecondes)"}
    forbidden.update({form: "la date de naissance" for form in persona.birth_date_forms()})
    for token in scenario_state.tokens:
        bits = entropy_bits(token)
        if bits < 128:
            raise ConformanceFailure("le jeton est trop court pour être imprévisible",
                                     expected="au moins 128 bits", seen=f"{bits:.0f} bits")
        for value, what in forbidden.items():
            if value and value.lower() in token.lower():
                raise ConformanceFailure(f"le jeton contient {what}",
                                         expected="un jeton sans donnée de l'assuré ni l'heure",
                                         seen=what)


# ------------------------------------------------------------------ SEC-JETON-CONCURRENCE


@when("j'envoie 20 fois en même temps le formulaire rempli d'un nouveau mot de passe conforme")
def twenty_at_once(ui, mailpit, persona, scenario_state):
    type_passwords(ui, scenario_state, passwords.conforming())
    sub = submission(ui, texts.RESET_SUBMIT)
    scenario_state.mails_before_change = len(mailpit.messages_to(persona.email))
    clients = [http_client(ui) for _ in range(20)]
    barrier = threading.Barrier(len(clients))

    def send(client):
        barrier.wait(timeout=30)
        return page_text(follow(client, replay(client, sub)).text)

    try:
        with ThreadPoolExecutor(len(clients)) as pool:
            scenario_state.pages = list(pool.map(send, clients))
    finally:
        for client in clients:
            client.close()


@then("un seul envoi aboutit à la confirmation")
def one_success(scenario_state):
    confirmed = sum(1 for text in scenario_state.pages if texts.CONFIRMED.search(text))
    if confirmed != 1:
        raise ConformanceFailure("le même lien a abouti plusieurs fois" if confirmed else
                                 "aucun des envois n'a abouti",
                                 expected="1 confirmation sur 20 envois",
                                 seen=f"{confirmed} confirmations")


# ------------------------------------------------------------------ SEC-REFERRER, SEC-CACHE


@when("j'ouvre le lien du mail")
@when("que j'ouvre le lien du mail")
def opens_link(ui, mailpit, scenario_state):
    documents(ui, scenario_state)
    click_in_mail(ui, mailpit, scenario_state, texts.MAIL_BUTTON)
    scenario_state.link_documents = len(scenario_state.documents.responses)


def token_of_link(link: str) -> str:
    token = max(parts(link), key=len)
    privacy.register(token, "***jeton***")
    return token


@then("la page demande au navigateur de ne transmettre aucun référent")
def no_referrer(ui, scenario_state):
    response = scenario_state.documents.last()
    policies = [p.strip().lower() for p in
                response.all_headers().get("referrer-policy", "").split(",") if p.strip()]
    meta = ui.page.locator("meta[name=referrer]")
    if meta.count():
        policies.append((meta.first.get_attribute("content") or "").strip().lower())
    effective = policies[-1] if policies else "(aucune : strict-origin-when-cross-origin)"
    if effective not in ("no-referrer", "same-origin"):
        raise ConformanceFailure("la page du lien laisse le navigateur transmettre son adresse",
                                 expected="Referrer-Policy: no-referrer (ou same-origin)",
                                 seen=f"Referrer-Policy: {effective}")


@then("aucune requête ne part vers un autre site avec le jeton du lien")
def no_token_leaves(scenario_state):
    token = token_of_link(scenario_state.reset_link)
    own = origin(scenario_state.reset_link)
    for request in scenario_state.documents.requests:
        if origin(request.url) == own or request.url.startswith(("data:", "blob:")):
            continue
        carried = token in request.url or token in (request.all_headers().get("referer") or "")
        if carried:
            raise ConformanceFailure("le jeton du lien part vers un autre site",
                                     expected="aucune requête hors du site avec le jeton",
                                     seen=privacy.redact(origin(request.url)))


@then("la page est envoyée avec « Cache-Control: no-store »")
def no_store(scenario_state):
    response = scenario_state.documents.last()
    value = response.all_headers().get("cache-control", "")
    if "no-store" not in value.lower():
        raise ConformanceFailure("la page peut être gardée en cache",
                                 expected="Cache-Control: no-store",
                                 seen=f"Cache-Control: {value or '(absent)'}")


# ------------------------------------------------------------------ SEC-GET-SANS-EFFET


@when("un analyseur de mails ouvre deux fois le lien du mail, sans navigateur")
def scanner_opens(mailpit, persona, scenario_state):
    link = mail_button(newest_reset_mail(mailpit, persona, 1))
    token_of_link(link)
    with httpx.Client(timeout=30, follow_redirects=True,
                      headers={"User-Agent": "analyseur-de-mails/1.0"}) as scanner:
        for _ in range(2):
            try:
                scanner.get(link)
            except httpx.HTTPError as exc:
                raise HarnessError("cible", f"le lien ne répond pas ({type(exc).__name__})")


@then("la page propose de choisir un nouveau mot de passe")
def offers_new_password(ui):
    ui.field(texts.RESET_PASSWORD)


# ------------------------------------------------------------------ SEC-PAS-DE-CONNEXION-AUTO


LOGOUT = re.compile(r"d[ée]connect|d[ée]connexion", re.IGNORECASE)


@then("la page ne propose pas de me déconnecter")
def no_logout(ui):
    offered = ui.page.get_by_role("button", name=LOGOUT).or_(
        ui.page.get_by_role("link", name=LOGOUT))
    if offered.count():
        raise ConformanceFailure("la confirmation a ouvert le compte : elle propose de se déconnecter",
                                 expected="aucune session ouverte", seen="un bouton de déconnexion")


@then("la page de connexion me demande toujours mon mot de passe")
def login_still_asked(ui, target):
    from .navigation import open_login

    open_login(ui, target, shortcut=False)  # the way a person takes, whatever the session does
    if not login_form_shown(ui):
        raise ConformanceFailure("la page de connexion ne demande plus le mot de passe",
                                 expected="le formulaire de connexion", seen=ui.body_text()[:200])


# ------------------------------------------------------------------ SEC-SESSIONS


@given("je suis connecté à mon compte dans un autre navigateur")
def logged_in_elsewhere(browser, target, persona, scenario_state, request):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    request.addfinalizer(context.close)
    other = Ui(context.new_page())
    log_in(other, target, persona, persona.password)
    if login_form_shown(other):
        raise ConformanceFailure("la connexion avec le mot de passe du compte a été refusée",
                                 expected="le compte ouvert", seen=other.body_text()[:200])
    scenario_state.other_ui = other
    scenario_state.account_url = other.page.url


@when("je recharge la page de mon compte dans l'autre navigateur")
def reloads_elsewhere(scenario_state):
    scenario_state.other_ui.page.goto(scenario_state.account_url)


@then("l'autre navigateur n'est plus connecté à mon compte")
def logged_out_elsewhere(scenario_state):
    other = scenario_state.other_ui
    still = other.page.url == scenario_state.account_url and not login_form_shown(other)
    if still:
        raise ConformanceFailure("une session ouverte avant le renouvellement est restée ouverte",
                                 expected="la session fermée (page de connexion)",
                                 seen="la page du compte, toujours ouverte")


# ------------------------------------------------------------------ SEC-CONTROLE-DESACTIVE


@given("la cible démarrée sans jeton de contrôle", target_fixture="control_url_under_test")
def target_without_control(target, tmp_path_factory, pytestconfig, reports_dir, request):
    if not target.embedded:
        pytest.skip(f"{NOT_APPLICABLE_PREFIX}seule la cible embarquée peut être démarrée ici "
                    "sans mode de test")
    other = start_embedded(tmp_path_factory.mktemp("sans-controle"),
                           reports_dir / "logs" / "sans-controle",
                           pytestconfig.getoption("reference_setting"), control=False)
    request.addfinalizer(other.stop)
    return other.url.rstrip("/") + "/_control"


@pytest.fixture
def control_url_under_test(target):
    return target.control_url


@then("aucune opération de l'API de contrôle ne répond sans jeton ni avec un faux jeton")
def control_refused(control_url_under_test):
    if not control_url_under_test:
        pytest.skip(f"{NOT_APPLICABLE_PREFIX}la cible ne déclare pas d'API de contrôle")
    base = control_url_under_test.rstrip("/")
    answered = []
    with httpx.Client(timeout=10) as client:
        for method, path, _ in contract.operations():
            for headers in ({}, {"Authorization": "Bearer " + secrets.token_urlsafe(24)}):
                try:
                    response = client.request(method, base + path, headers=headers,
                                              json={} if method in ("POST", "PUT") else None)
                except httpx.HTTPError:
                    continue  # nothing answers: as good as absent
                if response.status_code < 300 or '"answer"' in response.text:
                    answered.append(f"{method} {path} {'(faux jeton)' if headers else '(sans jeton)'}"
                                    f" → {response.status_code}")
    if answered:
        raise ConformanceFailure("l'API de contrôle répond sans son jeton",
                                 expected="401 ou 404 partout", seen="; ".join(answered[:5]))
