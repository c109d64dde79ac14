"""Test-only control API: registered only when CONTROL_TOKEN is set, answers only on loopback
and only with `Authorization: Bearer <token>`. Lets the harness create accounts, read the CAPTCHA
answer of a browser session, move the clock and reset everything."""
import hmac
import ipaddress
from datetime import date, datetime, timedelta

from flask import Blueprint, abort, current_app, jsonify, make_response, request, session
from werkzeug.security import generate_password_hash

from . import clock, db
from .rules import InvalidInput, parse_email, parse_nir

bp = Blueprint("control", __name__, url_prefix="/_control")

CAPABILITIES = ["accounts", "captcha", "clock", "reset"]
# Accounts created here are test data: their password is hashed cheaply (about 1 ms, where
# werkzeug's default scrypt takes 100 ms, paid again at each login). A password set through the
# procedure itself (step 5) is hashed as PASSWORD_HASH_METHOD says: the default, as in production;
# this same cheap hash in the instance the harness runs with its token (fixtures/launch.py).
FIXTURE_HASH = "pbkdf2:sha256:1000"

# The clock may be set between these years, and moved by at most ten years at once: beyond,
# dates stop meaning anything for the guide (and Python's datetime overflows).
CLOCK_YEARS = (1970, 2999)
MAX_ADVANCE = 10 * 366 * 24 * 3600


def _text(value) -> bool:
    """A JSON string that can be stored and hashed (no lone surrogate from a \\ud800 escape)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@bp.before_request
def _guard():
    try:
        loopback = ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        abort(404)
    expected = current_app.config.get("CONTROL_TOKEN") or ""
    given = request.headers.get("Authorization", "")
    if not expected or not hmac.compare_digest(given.encode(), f"Bearer {expected}".encode()):
        return jsonify(error="jeton de contrôle absent ou invalide"), 401


def _error(message, status=400):
    return jsonify(error=message), status


def _body():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(make_response(jsonify(error="un objet JSON est attendu"), 400))
    return data


@bp.get("/")
def capabilities():
    return jsonify(capabilities=CAPABILITIES)


@bp.post("/reset")
def reset():
    clock.unfreeze()
    db.clear_db()
    return "", 204


@bp.post("/accounts")
def create_account():
    data = _body()
    nir, birth_date = data.get("nir"), data.get("birth_date")
    if not _text(nir) or not _text(birth_date):
        return _error("nir et birth_date : des chaînes")
    try:
        nir13 = parse_nir(nir)
        born = date.fromisoformat(birth_date)
    except (InvalidInput, ValueError) as exc:
        return _error(f"compte refusé : {exc}")
    email = data.get("email")
    password = data.get("password")
    if email is not None:
        if not _text(email):
            return _error("email : une chaîne ou null")
        try:
            email = parse_email(email)
        except InvalidInput as exc:
            return _error(f"email : {exc}")
    if not _text(password) or not password or len(password) > 1000:
        return _error("password : une chaîne non vide (1000 caractères au plus)")
    validated = data.get("email_validated", True)
    if not isinstance(validated, bool):
        return _error("email_validated : un booléen")
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM account WHERE nir13 = ?", (nir13,)).fetchone():
            return _error("un compte existe déjà pour ce NIR", 409)
        cur = conn.execute(
            "INSERT INTO account (nir13, birth_date, email, email_validated, password_hash)"
            " VALUES (?, ?, ?, ?, ?)",
            (nir13, born.isoformat(), email, int(validated),
             generate_password_hash(password, method=FIXTURE_HASH)),
        )
    return jsonify(id=str(cur.lastrowid)), 201


@bp.get("/captcha")
def captcha_answer():
    """The answer for the browser session whose cookies this request carries."""
    captcha_id = session.get("captcha_id")
    row = None
    if captcha_id:
        row = db.get_db().execute(
            "SELECT answer FROM captcha WHERE id = ?", (captcha_id,)
        ).fetchone()
    if row is None:
        return _error("aucun CAPTCHA en cours pour cette session", 404)
    return jsonify(answer=row["answer"])


def _clock_state():
    return jsonify(now=clock.now().isoformat(), frozen=clock.is_frozen())


@bp.get("/clock")
def clock_get():
    return _clock_state()


@bp.put("/clock")
def clock_set():
    value = _body().get("now")
    try:
        at = datetime.fromisoformat(value if _text(value) else "")
        if at.tzinfo is None or not CLOCK_YEARS[0] <= at.year <= CLOCK_YEARS[1]:
            raise ValueError(f"entre {CLOCK_YEARS[0]} et {CLOCK_YEARS[1]}, avec son décalage")
        clock.freeze(at)
    except (ValueError, OverflowError) as exc:
        return _error(f"now : instant ISO 8601 avec décalage attendu ({exc})")
    return _clock_state()


@bp.post("/clock/advance")
def clock_advance():
    seconds = _body().get("seconds")
    if (not isinstance(seconds, (int, float)) or isinstance(seconds, bool)
            or not 0 <= seconds <= MAX_ADVANCE):  # NaN and infinities fail this too
        return _error(f"seconds : un nombre entre 0 et {MAX_ADVANCE} attendu")
    if (clock.now() + timedelta(seconds=seconds)).year > CLOCK_YEARS[1]:
        return _error(f"seconds : l'horloge dépasserait l'an {CLOCK_YEARS[1]}")
    clock.advance(seconds)
    return _clock_state()


@bp.delete("/clock")
def clock_release():
    clock.unfreeze()
    return _clock_state()
