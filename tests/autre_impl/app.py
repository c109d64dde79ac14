"""A second implementation of the guide, deliberately unlike the reference app, to prove that the
harness leans only on the guide's words (tests/test_autre_impl.py).

What differs from reference_app/, on purpose: every URL (`/espace/…`, `/acces/…`, the link's token
in a query string); the markup (ids, `aria-labelledby`, `aria-errormessage`, errors listed in an
alert, `<input type=submit>` buttons, the CAPTCHA arrow and microphone driven by JavaScript, the
mail's button opening a new tab); the order of the request form's fields (mail address first);
the wording of every message; one result page for the request instead of three; storage in
memory (no SQLite); a clock of its own (no freezegun); a server-side session; its own rules code;
other interpretations of what the guide leaves open (4 requests per 30 minutes, 3 login failures
then 20 minutes, 5 consecutive NIR digits, CAPTCHA of 5 characters). Only its control API is the
same, because it follows the same document: contracts/control-api.yaml.
"""
import hashlib
import hmac
import re
import secrets
import smtplib
import threading
import unicodedata
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import formataddr
from zoneinfo import ZoneInfo

from captcha.audio import AudioCaptcha
from captcha.image import ImageCaptcha
from flask import Flask, Response, abort, jsonify, redirect, request
from jinja2 import DictLoader, Environment, select_autoescape
from stdnum.fr import nir as stdnum_nir
from werkzeug.security import check_password_hash, generate_password_hash

from .pages import PAGES

# The accounts the control API creates are test data: hashed cheaply (a login against them costs
# no scrypt, 0.1 s of CPU each); the passwords chosen through the procedure keep scrypt.
FIXTURE_HASH = "pbkdf2:sha256:1000"

PARIS = ZoneInfo("Europe/Paris")
SPECIALS = "?!$€@&+_=*%/<>,.:;"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ALPHABET = "ACDEFHJKLMNPRTUVWXY34679"
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]

SETTINGS = {
    "requests": 4, "window": 30 * 60, "login_failures": 3, "login_block": 20 * 60,
    "nir_digits": 5, "captcha_length": 5, "captcha_lifetime": 300, "link_lifetime": 1800,
}


class Clock:
    """Real time, or a frozen instant that only the control API moves."""

    def __init__(self):
        self.frozen: datetime | None = None

    def now(self) -> datetime:
        return self.frozen or datetime.now(timezone.utc)


class Store:
    """Everything in memory, behind one lock."""

    def __init__(self):
        self.lock = threading.RLock()
        self.reset()

    def reset(self):
        with self.lock:
            self.accounts: dict[str, dict] = {}  # by the 13 digits of the NIR
            self.sessions: dict[str, dict] = {}  # by the `visite` cookie
            self.links: dict[str, dict] = {}  # by SHA-256 of the token
            self.requests: dict[str, list] = {}  # NIR -> instants of accepted requests


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").strip()


def nir13_of(value: str) -> str | None:
    raw = re.sub(r"\s", "", _fold(value)).upper()
    if not raw.isascii() or len(raw) not in (13, 15):
        return None
    if not re.fullmatch(r"[12][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{6}(?:[0-9]{2})?", raw):
        return None
    if len(raw) == 15 and not stdnum_nir.is_valid(raw):
        return None
    return raw[:13]


def password_reasons(password: str, confirmation: str, nir13: str, born: date) -> list[str]:
    reasons = []
    if not 8 <= len(password) <= 50:
        reasons.append("Longueur : le mot de passe doit compter de 8 à 50 caractères.")
    if not (set(password) & set(LETTERS) and set(password) & set(LETTERS.upper())):
        reasons.append("Il faut au moins une lettre minuscule et une lettre majuscule.")
    if not any(c.isascii() and c.isdigit() or c in SPECIALS for c in password):
        reasons.append("Ajoutez au moins un chiffre ou un caractère spécial.")
    bad = sorted({c for c in password if not (c.isascii() and c.isalnum()) and c not in SPECIALS})
    if bad:
        shown = ", ".join("espace" if c == " " else repr(c)[1:-1] for c in bad)
        reasons.append(f"Caractère non autorisé : {shown}.")
    n = SETTINGS["nir_digits"]
    parts = {nir13[i:i + n] for i in range(len(nir13) - n + 1)}
    d, m, y = f"{born.day:02d}", f"{born.month:02d}", f"{born.year:04d}"
    forms = {d + m + y, d + m + y[2:], y + m + d, y, d + m}
    if any(p in password for p in parts | forms):
        reasons.append("Le mot de passe ne doit contenir ni votre numéro de sécurité sociale, "
                       "ni votre date de naissance, ni une partie de ceux-ci.")
    if password != confirmation:
        reasons.append("La confirmation ne correspond pas au nouveau mot de passe.")
    return reasons


def masked(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain[:1]}***.{domain.rsplit('.', 1)[-1]}"


def paris_text(moment: datetime) -> str:
    local = moment.astimezone(PARIS)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year} à {local:%H:%M}"


def create_app(smtp_port: int, token: str | None, capabilities: list[str]) -> Flask:
    app = Flask(__name__)
    clock, store = Clock(), Store()
    pages = Environment(loader=DictLoader(PAGES),
                        autoescape=select_autoescape(enabled_extensions=("html",), default=False))
    image_maker, audio_maker = ImageCaptcha(width=180, height=70), AudioCaptcha()
    audio_maker.load()  # before any request: captcha 0.7.1's lazy load races between threads

    def render(name, status=200, **context):
        return Response(pages.get_template(name).render(**context), status,
                        content_type="text/html; charset=utf-8")

    def visit() -> tuple[str, dict]:
        sid = request.cookies.get("visite", "")
        with store.lock:
            if sid not in store.sessions:
                sid = secrets.token_hex(16)
                store.sessions[sid] = {}
            return sid, store.sessions[sid]

    @app.after_request
    def keep_visit(response):
        sid = getattr(request, "_visite", None)
        if sid and request.cookies.get("visite") != sid:
            response.set_cookie("visite", sid, httponly=True, samesite="Lax")
        response.headers["Cache-Control"] = "no-store"
        return response

    def session() -> dict:
        sid, data = visit()
        request._visite = sid
        return data

    def new_code(data: dict):
        answer = "".join(secrets.choice(ALPHABET) for _ in range(SETTINGS["captcha_length"]))
        data["code"] = {"answer": answer, "at": clock.now()}

    def send(to: str, subject: str, text: str, html: str):
        msg = EmailMessage()
        msg["Subject"], msg["To"] = subject, to
        msg["From"] = formataddr(("Votre Assurance Maladie", "ne-pas-repondre@autre-impl.test"))
        msg.set_content(text)
        msg.add_alternative(html, subtype="html")
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
            smtp.send_message(msg)

    # ---------------------------------------------------------------- account area

    @app.get("/")
    def root():
        return redirect("/espace/")

    @app.get("/espace/")
    def home():
        return render("accueil.html")

    @app.get("/espace/inscription")
    def signup():
        return render("inscription.html")

    @app.route("/espace/identification", methods=["GET", "POST"])
    def login():
        if request.method == "GET":
            return render("identification.html", message=None)
        nir13 = nir13_of(request.form.get("identifiant", ""))
        secret = request.form.get("secret", "")
        now = clock.now()
        message = "Identifiant ou mot de passe incorrect."
        with store.lock:
            account = store.accounts.get(nir13 or "")
            if account is None:
                return render("identification.html", message=message)
            if account["blocked_until"] and account["blocked_until"] > now:
                return render("identification.html", message=blocked_login(account))
            if check_password_hash(account["hash"], secret):
                account["failures"], account["blocked_until"] = 0, None
                session()["compte"] = nir13
                return redirect("/espace/tableau-de-bord")
            account["failures"] += 1
            if account["failures"] >= SETTINGS["login_failures"]:
                account["failures"] = 0
                account["blocked_until"] = now + timedelta(seconds=SETTINGS["login_block"])
                message = blocked_login(account)
        return render("identification.html", message=message)

    def blocked_login(account):
        return (f"Trop d'essais : votre compte est bloqué jusqu'au "
                f"{paris_text(account['blocked_until'])} (heure de Paris). "
                "Utilisez « Mot de passe oublié ? » pour en choisir un nouveau.")

    @app.get("/espace/tableau-de-bord")
    def dashboard():
        if not session().get("compte"):
            return redirect("/espace/identification")
        return render("tableau.html")

    # ---------------------------------------------------------------- steps 2, 3, 3bis

    @app.get("/acces/oubli")
    def forgot():
        data = session()
        new_code(data)
        return render("oubli.html", values={}, errors={})

    @app.get("/acces/code.png")
    def code_image():
        data = session()
        if request.args.get("nouveau") == "1" or "code" not in data:  # the arrow
            new_code(data)
        png = image_maker.generate(data["code"]["answer"], format="png").getvalue()
        return Response(png, content_type="image/png")

    @app.get("/acces/code.wav")
    def code_sound():
        data = session()
        if "code" not in data:
            abort(404)
        return Response(bytes(audio_maker.generate(data["code"]["answer"])),
                        content_type="audio/wav")

    @app.post("/acces/oubli")
    def forgot_post():
        data = session()
        values = {k: request.form.get(k, "") for k in ("courriel", "numero", "naissance")}
        errors = {}
        nir13 = nir13_of(values["numero"])
        if not values["numero"].strip():
            errors["numero"] = "Ce champ est obligatoire : indiquez votre numéro."
        elif nir13 is None:
            errors["numero"] = "Numéro de sécurité sociale incorrect (13 chiffres, ou 15 avec la clé)."
        born = None
        m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", _fold(values["naissance"]))
        if not values["naissance"].strip():
            errors["naissance"] = "Ce champ est obligatoire : indiquez votre date de naissance."
        elif not m or not _fold(values["naissance"]).isascii():
            errors["naissance"] = "Date incorrecte : écrivez-la sous la forme jj/mm/aaaa."
        else:
            try:
                born = date(int(m[3]), int(m[2]), int(m[1]))
            except ValueError:
                errors["naissance"] = "Date incorrecte : ce jour n'existe pas."
            else:
                if born > clock.now().astimezone(PARIS).date() or born.year < 1900:
                    errors["naissance"] = "Date incorrecte : elle ne peut pas être dans le futur."
        email = _fold(values["courriel"])
        if not email:
            errors["courriel"] = "Ce champ est obligatoire : indiquez votre adresse mail."
        elif not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s.]+", email) or "\r" in email or "\n" in email:
            errors["courriel"] = "Adresse mail incorrecte (exemple : prenom.nom@exemple.fr)."
        code = data.pop("code", None)
        typed = _fold(request.form.get("code", "")).upper()
        if code is None or not typed:
            errors["code"] = "Recopiez le code de l'image pour continuer."
        elif (clock.now() - code["at"]).total_seconds() > SETTINGS["captcha_lifetime"]:
            errors["code"] = "Le code a plus de 5 minutes : recopiez le nouveau code affiché."
        elif not hmac.compare_digest(typed, code["answer"]):
            errors["code"] = "Le code recopié est faux : essayez avec ce nouveau code."
        if errors:
            new_code(data)
            return render("oubli.html", values=values, errors=errors)
        data["resultat"] = handle_request(nir13, born, email)
        return redirect("/acces/oubli/resultat")

    def handle_request(nir13: str, born: date, email: str) -> dict:
        now = clock.now()
        with store.lock:
            account = store.accounts.get(nir13)
            if account is None or account["born"] != born:
                return {"page": "envoye", "adresse": masked(email)}
            if not account["email"] or not account["validated"]:
                return {"page": "impossible"}
            if account["email"].lower() != email.lower():
                return {"page": "envoye", "adresse": masked(email)}
            window = timedelta(seconds=SETTINGS["window"])
            recent = [t for t in store.requests.get(nir13, []) if t > now - window]
            store.requests[nir13] = recent
            if len(recent) >= SETTINGS["requests"]:
                end = recent[0] + window
                if end.second or end.microsecond:
                    end = end.replace(second=0, microsecond=0) + timedelta(minutes=1)
                return {"page": "bloque", "fin": end.astimezone(PARIS).strftime("%d/%m/%Y - %Hh%M")}
            token = secrets.token_urlsafe(24)
            for link in store.links.values():
                if link["nir13"] == nir13:
                    link["dead"] = True
            store.links[hashlib.sha256(token.encode()).hexdigest()] = {
                "nir13": nir13, "at": now, "dead": False}
            recent.append(now)
            url = f"{app.config['BASE_URL']}/acces/nouveau?cle={token}"
            send(account["email"], "Votre compte ameli – renouveler mon mot de passe",
                 pages.get_template("mail_lien.txt").render(lien=url),
                 pages.get_template("mail_lien.html").render(lien=url))
            return {"page": "envoye", "adresse": masked(account["email"])}

    @app.get("/acces/oubli/resultat")
    def result():
        outcome = session().get("resultat")
        if not outcome:
            return redirect("/acces/oubli")
        return render("resultat.html", **outcome)

    # ---------------------------------------------------------------- steps 4 to 6

    def live_link():
        token = request.args.get("cle", "")
        key = hashlib.sha256(token.encode()).hexdigest()
        link = store.links.get(key)
        if link is None or link["dead"]:
            return None
        if (clock.now() - link["at"]).total_seconds() >= SETTINGS["link_lifetime"]:
            return None
        return link

    @app.route("/acces/nouveau", methods=["GET", "POST"])
    def new_password():
        with store.lock:
            link = live_link()
            if link is None:
                return render("lien_mort.html", status=410)
            if request.method == "GET":
                return render("nouveau.html", reasons=[])
            account = store.accounts[link["nir13"]]
            password = request.form.get("mdp1", "")
            reasons = password_reasons(password, request.form.get("mdp2", ""), link["nir13"],
                                       account["born"])
            if reasons:
                return render("nouveau.html", reasons=reasons)
            now = clock.now()
            link["dead"] = True
            account.update(hash=generate_password_hash(password), failures=0, blocked_until=None)
            email = account["email"]
        send(email, "Votre compte ameli – votre mot de passe a été modifié",
             pages.get_template("mail_change.txt").render(quand=paris_text(now)),
             pages.get_template("mail_change.html").render(quand=paris_text(now)))
        return redirect("/acces/nouveau/fait")

    @app.get("/acces/nouveau/fait")
    def done():
        return render("fait.html")

    # ---------------------------------------------------------------- control API

    api = "/__test__/controle"

    def guarded(capability):
        def wrap(view):
            def inner(*args, **kwargs):
                if not token or request.remote_addr not in ("127.0.0.1", "::1"):
                    abort(404)
                given = request.headers.get("Authorization", "")
                if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                    return jsonify(error="jeton absent ou faux"), 401
                if capability and capability not in capabilities:
                    abort(404)
                return view(*args, **kwargs)
            inner.__name__ = view.__name__
            return inner
        return wrap

    def clock_state():
        return jsonify(now=clock.now().isoformat(), frozen=clock.frozen is not None)

    @app.get(api + "/")
    @guarded(None)
    def capabilities_view():
        return jsonify(capabilities=capabilities)

    @app.post(api + "/reset")
    @guarded("reset")
    def reset_view():
        store.reset()
        clock.frozen = None
        return "", 204

    @app.post(api + "/accounts")
    @guarded("accounts")
    def accounts_view():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify(error="corps JSON attendu"), 400
        nir13 = nir13_of(str(body.get("nir", "")))
        try:
            born = date.fromisoformat(str(body.get("birth_date")))
        except ValueError:
            born = None
        email, password = body.get("email"), body.get("password")
        if nir13 is None or born is None:
            return jsonify(error="nir ou birth_date invalide"), 400
        if not isinstance(password, str) or not password or not (email is None or isinstance(email, str)):
            return jsonify(error="password (non vide) et email (chaîne ou null) attendus"), 400
        with store.lock:
            if nir13 in store.accounts:
                return jsonify(error="ce NIR a déjà un compte"), 409
            store.accounts[nir13] = {
                "born": born, "email": email, "validated": bool(body.get("email_validated", True)),
                "hash": generate_password_hash(password, method=FIXTURE_HASH), "failures": 0,
                "blocked_until": None}
        return jsonify(id=nir13), 201

    @app.get(api + "/captcha")
    @guarded("captcha")
    def captcha_view():
        data = store.sessions.get(request.cookies.get("visite", ""), {})
        if "code" not in data:
            return jsonify(error="aucun code affiché pour cette visite"), 404
        return jsonify(answer=data["code"]["answer"])

    @app.get(api + "/clock")
    @guarded("clock")
    def clock_get():
        return clock_state()

    @app.put(api + "/clock")
    @guarded("clock")
    def clock_put():
        body = request.get_json(silent=True) or {}
        try:
            at = datetime.fromisoformat(str(body.get("now")))
        except ValueError:
            return jsonify(error="now : instant ISO 8601 attendu"), 400
        if at.tzinfo is None:
            return jsonify(error="now : le décalage horaire manque"), 400
        clock.frozen = at.astimezone(timezone.utc)
        return clock_state()

    @app.post(api + "/clock/advance")
    @guarded("clock")
    def clock_advance():
        seconds = (request.get_json(silent=True) or {}).get("seconds")
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
            return jsonify(error="seconds : nombre positif attendu"), 400
        clock.frozen = clock.now() + timedelta(seconds=seconds)
        return clock_state()

    @app.delete(api + "/clock")
    @guarded("clock")
    def clock_delete():
        clock.frozen = None
        return clock_state()

    @app.errorhandler(404)
    def not_found(_):
        return render("introuvable.html", status=404)

    @app.errorhandler(405)
    def not_allowed(_):
        return render("introuvable.html", status=405)

    return app

