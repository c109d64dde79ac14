"""Mails of steps 4 and 6, sent over SMTP with an HTML and a plain-text part."""
import smtplib
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from flask import current_app, render_template

from . import clock


class MailNotSent(RuntimeError):
    """The mail server did not take the mail."""


def _send(to: str, subject: str, template: str, **context) -> None:
    cfg = current_app.config
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = Address(cfg["MAIL_FROM_NAME"], addr_spec=cfg["MAIL_FROM_ADDRESS"])
    msg["To"] = to
    msg["Date"] = format_datetime(clock.now())
    msg["Message-ID"] = make_msgid(domain=cfg["MAIL_FROM_ADDRESS"].partition("@")[2])
    msg.set_content(render_template(f"mail/{template}.txt", **context))
    msg.add_alternative(render_template(f"mail/{template}.html", **context), subtype="html")
    try:
        with smtplib.SMTP(cfg["SMTP_HOST"], cfg["SMTP_PORT"], timeout=cfg["SMTP_TIMEOUT"]) as smtp:
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        current_app.logger.error("mail not sent: %s", type(exc).__name__)
        raise MailNotSent(str(exc)) from exc


def send_reset_link(to: str, link: str) -> None:
    _send(to, "Votre compte ameli – renouveler mon mot de passe", "reset", link=link)


def send_password_changed(to: str, changed_at: str) -> None:
    _send(
        to,
        "Votre compte ameli – votre mot de passe a été modifié",
        "changed",
        changed_at=changed_at,
        home=current_app.config["PUBLIC_BASE_URL"] + "/",
    )
