"""What the SEC-* checks share: replaying a form over HTTP with the browser's cookies, the
answers a browser received, and the one reader of the links of the mails and of their tokens."""
import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

from ameli_conformance import privacy
from ameli_conformance.errors import ConformanceFailure, HarnessError

from .. import texts
from ..demande import copy_captcha, fill_identity, show_form

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


# ------------------------------------------------------------------ the links of the mails, read once

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

def token_of_link(link: str) -> str:
    token = max(parts(link), key=len)
    privacy.register(token, "***jeton***")
    return token
