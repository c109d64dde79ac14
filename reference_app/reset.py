"""Steps 2 to 6 of the guide: the request form, the mail, the new password, the confirmation."""
import hashlib
import secrets
from datetime import datetime, timezone

from flask import (
    Blueprint,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.security import generate_password_hash

from . import captcha, clock, mail
from .db import get_db, transaction
from .rules import (
    InvalidInput,
    format_paris,
    mask_email,
    parse_birth_date,
    parse_email,
    parse_nir,
    password_errors,
)

bp = Blueprint("reset", __name__, url_prefix="/mot-de-passe-oublie")

FIELDS = ("nir", "birth_date", "email")


def _password_hash(password: str) -> str:
    method = current_app.config["PASSWORD_HASH_METHOD"]
    return generate_password_hash(password, **({"method": method} if method else {}))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@bp.route("", methods=("GET", "POST"))
def request_form():
    if request.method == "GET":
        captcha.issue()
        return render_template("reset/request.html", values={}, errors={})

    values = {k: request.form.get(k, "") for k in FIELDS}
    if request.form.get("action") == "nouveau":  # the arrow: a new series, what was typed stays
        captcha.issue()
        return render_template("reset/request.html", values=values, errors={})

    errors = {}
    today = clock.now().date()
    parsed = {}
    for field, parse in (
        ("nir", parse_nir),
        ("birth_date", lambda v: parse_birth_date(v, today)),
        ("email", parse_email),
    ):
        try:
            parsed[field] = parse(values[field])
        except InvalidInput as exc:
            errors[field] = str(exc)
    captcha_error = captcha.check(request.form.get("captcha", ""))
    if captcha_error:
        errors["captcha"] = captcha_error
    if errors:
        captcha.issue()
        return render_template("reset/request.html", values=values, errors=errors), 422

    return _handle_request(parsed["nir"], parsed["birth_date"].isoformat(), parsed["email"])


def can_receive_mail(account) -> bool:
    """Case 3bis-1: no address, or an address never validated (article 003), gets no mail."""
    return bool(account["email"]) and bool(account["email_validated"])


def supersede_links(db, account_id) -> None:
    """Only the latest link works: every unused older one stops working."""
    db.execute(
        "UPDATE reset_token SET superseded = 1 WHERE account_id = ? AND used_at IS NULL",
        (account_id,),
    )


def _handle_request(nir13: str, birth_date: str, email: str):
    cfg = current_app.config
    now = clock.timestamp()
    with transaction() as db:
        account = db.execute(
            "SELECT * FROM account WHERE nir13 = ? AND birth_date = ?", (nir13, birth_date)
        ).fetchone()
        if account is not None and not can_receive_mail(account):
            return redirect(url_for("reset.impossible"))  # 3bis, case 1
        if account is None or account["email"].lower() != email.lower():
            # Unknown person or another address: the same page as a success, and no mail.
            session["masked_email"] = mask_email(email)
            return redirect(url_for("reset.sent"))
        window_start = now - cfg["RESET_REQUEST_WINDOW"]
        recent = db.execute(
            "SELECT requested_at FROM reset_request WHERE account_id = ? AND requested_at > ?"
            " ORDER BY requested_at",
            (account["id"], window_start),
        ).fetchall()
        if len(recent) >= cfg["RESET_REQUEST_LIMIT"]:  # 3bis, case 2
            session["blocked_until"] = recent[0]["requested_at"] + cfg["RESET_REQUEST_WINDOW"]
            return redirect(url_for("reset.blocked"))
        token = secrets.token_urlsafe(32)
        supersede_links(db, account["id"])
        db.execute(
            "INSERT INTO reset_token (account_id, token_hash, created_at) VALUES (?, ?, ?)",
            (account["id"], _hash(token), now),
        )
        db.execute(
            "INSERT INTO reset_request (account_id, requested_at) VALUES (?, ?)",
            (account["id"], now),
        )
        link = cfg["PUBLIC_BASE_URL"] + url_for("reset.new_password", token=token)
        try:
            mail.send_reset_link(account["email"], link)
        except mail.MailNotSent:
            # Nothing half-done: the transaction is rolled back (no token, no request counted).
            raise _MailDown()
    session["masked_email"] = mask_email(account["email"])
    return redirect(url_for("reset.sent"))


class _MailDown(Exception):
    pass


@bp.app_errorhandler(_MailDown)
def _mail_down(_exc):
    return render_template("reset/mail_down.html"), 503


@bp.get("/envoye")
def sent():
    masked = session.get("masked_email")
    if not masked:
        return redirect(url_for("reset.request_form"))
    return render_template("reset/sent.html", masked_email=masked)


@bp.get("/impossible")
def impossible():
    return render_template("reset/impossible.html")


@bp.get("/bloque")
def blocked():
    until = session.get("blocked_until")
    if until is None:
        return redirect(url_for("reset.request_form"))
    # The minute shown is the first minute at which a request is accepted again.
    end = datetime.fromtimestamp(-(-until // 60) * 60, timezone.utc)
    return render_template("reset/blocked.html", end=format_paris(end))


def _valid_token(token: str):
    """The token's row when it may still be used: latest, unused and within its lifetime."""
    row = get_db().execute(
        "SELECT t.*, a.nir13, a.birth_date, a.email FROM reset_token t"
        " JOIN account a ON a.id = t.account_id WHERE t.token_hash = ?",
        (_hash(token),),
    ).fetchone()
    if row is None or row["used_at"] is not None or row["superseded"]:
        return None
    if clock.timestamp() >= row["created_at"] + current_app.config["RESET_LINK_LIFETIME"]:
        return None
    return row


@bp.route("/renouveler/<token>", methods=("GET", "POST"))
def new_password(token):
    row = _valid_token(token)
    if row is None:
        return render_template("reset/invalid.html"), 410
    if request.method == "GET":  # opening the link consumes nothing (mail scanners open links)
        return render_template("reset/new_password.html", errors={})

    password = request.form.get("password", "")
    confirmation = request.form.get("confirmation", "")
    born = datetime.fromisoformat(row["birth_date"]).date()
    errors = password_errors(password, confirmation, row["nir13"], born)
    if errors:
        return render_template("reset/new_password.html", errors=errors), 422
    now = clock.now()
    try:
        with transaction() as db:
            done = db.execute(
                "UPDATE reset_token SET used_at = ? WHERE id = ? AND used_at IS NULL",
                (now.timestamp(), row["id"]),
            )
            if done.rowcount != 1:  # another submission of the same link won the race
                return render_template("reset/invalid.html"), 410
            db.execute(
                "UPDATE account SET password_hash = ?, login_failures = 0,"
                " login_blocked_until = NULL, session_version = session_version + 1"
                " WHERE id = ?",
                (_password_hash(password), row["account_id"]),
            )
            supersede_links(db, row["account_id"])
            # Inside the transaction: without its notice (step 6), the change is rolled back,
            # and the link keeps working until its 30 minutes are over.
            mail.send_password_changed(row["email"], format_paris(now).replace(" - ", " à "))
    except mail.MailNotSent:
        return render_template("reset/password_mail_down.html"), 503
    session.clear()
    return redirect(url_for("reset.done"))


@bp.get("/confirmation")
def done():
    return render_template("reset/done.html")
