"""Steps 0, 1 and 6: the account home, the login page, the account once logged in."""
from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from . import clock
from .db import get_db, transaction
from .rules import InvalidInput, format_paris, parse_nir

bp = Blueprint("auth", __name__)


@bp.get("/")
def home():
    return render_template("auth/home.html")


@bp.get("/creation")
def create_account():
    return render_template("auth/creation.html")


@bp.route("/connexion", methods=("GET", "POST"))
def login():
    if request.method == "GET":
        return render_template("auth/login.html", nir="", error=None)
    nir_typed = request.form.get("nir", "")
    password = request.form.get("password", "")
    error = "Numéro de sécurité sociale ou mot de passe incorrect."
    try:
        nir13 = parse_nir(nir_typed)
    except InvalidInput:
        return render_template("auth/login.html", nir=nir_typed, error=error), 200
    now = clock.timestamp()
    cfg = current_app.config
    with transaction() as db:
        account = db.execute("SELECT * FROM account WHERE nir13 = ?", (nir13,)).fetchone()
        if account is None:
            return render_template("auth/login.html", nir=nir_typed, error=error)
        blocked_until = account["login_blocked_until"]
        if blocked_until and blocked_until > now:
            return render_template(
                "auth/login.html", nir=nir_typed, error=_blocked_message(blocked_until)
            )
        if check_password_hash(account["password_hash"], password):
            db.execute(
                "UPDATE account SET login_failures = 0, login_blocked_until = NULL WHERE id = ?",
                (account["id"],),
            )
            session.clear()
            session["account_id"] = account["id"]
            session["session_version"] = account["session_version"]
            return redirect(url_for("auth.account"))
        failures = account["login_failures"] + 1
        if failures >= cfg["LOGIN_FAILURE_LIMIT"]:
            until = now + cfg["LOGIN_BLOCK_DURATION"]
            db.execute(
                "UPDATE account SET login_failures = 0, login_blocked_until = ? WHERE id = ?",
                (until, account["id"]),
            )
            error = _blocked_message(until)
        else:
            db.execute(
                "UPDATE account SET login_failures = ? WHERE id = ?", (failures, account["id"])
            )
    return render_template("auth/login.html", nir=nir_typed, error=error)


def _blocked_message(until: float) -> str:
    from datetime import datetime, timezone

    end = format_paris(datetime.fromtimestamp(until, timezone.utc))
    return (
        "Suite à plusieurs erreurs de saisie, votre compte est temporairement bloqué "
        f"jusqu'au {end} (heure de Paris). Vous pouvez renouveler votre mot de passe "
        "avec « Mot de passe oublié ? »."
    )


@bp.get("/compte")
def account():
    account_id = session.get("account_id")
    if account_id is None:
        return redirect(url_for("auth.login"))
    row = get_db().execute(
        "SELECT session_version FROM account WHERE id = ?", (account_id,)
    ).fetchone()
    if row is None or row["session_version"] != session.get("session_version"):
        # Unknown account, or a session opened before the last new password (SEC-SESSIONS).
        session.clear()
        return redirect(url_for("auth.login"))
    return render_template("auth/account.html")


@bp.post("/deconnexion")
def logout():
    session.clear()
    return redirect(url_for("auth.home"))
