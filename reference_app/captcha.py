"""The CAPTCHA of step 2: an image, the same characters as sound, a new series on demand.

The answer stays on the server (table `captcha`); the browser's session holds only its id.
"""
import io
import secrets

from captcha.audio import AudioCaptcha
from captcha.image import ImageCaptcha
from flask import Blueprint, abort, current_app, send_file, session

from . import clock
from .db import get_db, transaction

bp = Blueprint("captcha", __name__, url_prefix="/captcha")

# No look-alikes: no 0/O, no 1/I/L (reference interpretation).
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_image = ImageCaptcha(width=220, height=80)
_audio = AudioCaptcha()
# captcha 0.7.1 loads its voices on the first `generate`, one letter after the other, and a second
# clip asked for meanwhile (the browser's player and a download at once, on a threaded server)
# finds some letters missing: KeyError, a 500. Loaded here, once, before any request.
_audio.load()


def issue() -> str:
    """A new series for this browser session; the previous one stops working."""
    answer = "".join(secrets.choice(ALPHABET) for _ in range(current_app.config["CAPTCHA_LENGTH"]))
    captcha_id = secrets.token_urlsafe(16)
    with transaction() as db:
        old = session.get("captcha_id")
        if old:
            db.execute("DELETE FROM captcha WHERE id = ?", (old,))
        db.execute(
            "INSERT INTO captcha (id, answer, issued_at) VALUES (?, ?, ?)",
            (captcha_id, answer, clock.timestamp()),
        )
    session["captcha_id"] = captcha_id
    return captcha_id


def current():
    captcha_id = session.get("captcha_id")
    if not captcha_id:
        return None
    return get_db().execute("SELECT * FROM captcha WHERE id = ?", (captcha_id,)).fetchone()


def check(typed: str) -> str | None:
    """None when the copy is right and in time; else the French reason. Consumes the series."""
    row = current()
    if row is None:
        return "Recopiez les caractères de l'image."
    with transaction() as db:
        db.execute("DELETE FROM captcha WHERE id = ?", (row["id"],))
    session.pop("captcha_id", None)
    if clock.timestamp() - row["issued_at"] > current_app.config["CAPTCHA_LIFETIME"]:
        return (
            "Le délai de 5 minutes pour recopier les caractères est dépassé. "
            "Recopiez les nouveaux caractères."
        )
    if (typed or "").strip().upper() != row["answer"]:
        return "Les caractères saisis ne correspondent pas à l'image. Veuillez recommencer."
    return None


@bp.get("/image")
def image():
    row = current()
    if row is None:
        abort(404)
    data = _image.generate(row["answer"], format="png")
    return send_file(io.BytesIO(data.getvalue()), mimetype="image/png")


@bp.get("/audio")
def audio():
    row = current()
    if row is None:
        abort(404)
    data = _audio.generate(row["answer"])
    return send_file(io.BytesIO(bytes(data)), mimetype="audio/wav")
