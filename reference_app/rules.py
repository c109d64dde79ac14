"""The guide's rules on input: NIR, birth date, e-mail, password; masking and Paris time."""
import re
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

from stdnum.exceptions import ValidationError
from stdnum.fr import nir as stdnum_nir

PARIS = ZoneInfo("Europe/Paris")
SPECIALS = "?!$€@&+_=*%/<>,.:;"
_ALLOWED = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + SPECIALS)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class InvalidInput(ValueError):
    """A value typed by the user is refused; the message is the French text shown beside it."""


def _fold(value: str) -> str:
    # Full-width digits and the like become ASCII before any check (re and int() accept them).
    return unicodedata.normalize("NFKC", value or "")


def parse_nir(value: str) -> str:
    """13 digits, or 15 with a valid key; spaces ignored. Returns the 13 digits."""
    raw = re.sub(r"\s+", "", _fold(value)).upper()
    if not raw:
        raise InvalidInput("Veuillez saisir votre numéro de sécurité sociale.")
    if not re.fullmatch(r"[0-9AB]+", raw) or not raw.isascii():
        raise InvalidInput("Le numéro de sécurité sociale ne doit contenir que des chiffres.")
    if len(raw) not in (13, 15):
        raise InvalidInput(
            "Le numéro de sécurité sociale comporte 13 chiffres, ou 15 avec la clé."
        )
    if len(raw) == 15:
        try:
            stdnum_nir.validate(raw)
        except ValidationError:
            raise InvalidInput("La clé du numéro de sécurité sociale n'est pas valide.")
    elif not re.fullmatch(r"[12][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{6}", raw):
        raise InvalidInput("Le numéro de sécurité sociale n'est pas valide.")
    return raw[:13]


def parse_birth_date(value: str, today: date) -> date:
    raw = _fold(value).strip()
    if not raw:
        raise InvalidInput("Veuillez saisir votre date de naissance.")
    m = re.fullmatch(r"([0-9]{2})/([0-9]{2})/([0-9]{4})", raw)
    if not m or not raw.isascii():
        raise InvalidInput("La date de naissance doit être au format jj/mm/aaaa.")
    try:
        born = date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise InvalidInput("Cette date de naissance n'existe pas.")
    if born > today:
        raise InvalidInput("La date de naissance ne peut pas être dans le futur.")
    if born.year < 1900:
        raise InvalidInput("La date de naissance n'est pas valide.")
    return born


def parse_email(value: str) -> str:
    raw = (value or "").strip()
    if not raw:
        raise InvalidInput("Veuillez saisir l'adresse mail associée à votre compte ameli.")
    if len(raw) > 254 or not _EMAIL.fullmatch(raw) or any(ord(c) < 32 for c in raw):
        raise InvalidInput("L'adresse mail n'est pas valide (exemple : nom@domaine.fr).")
    return raw


def mask_email(address: str) -> str:
    """t***@t***.com: first letter of the local part and of the domain, then the top-level domain."""
    local, _, domain = address.partition("@")
    tld = domain.rsplit(".", 1)[-1] if "." in domain else ""
    return f"{local[:1]}***@{domain[:1]}***" + (f".{tld}" if tld else "")


def birth_date_parts(born: date) -> list[str]:
    """The forms of the birth date that a password must not contain (reference interpretation)."""
    d, m, y = f"{born.day:02d}", f"{born.month:02d}", f"{born.year:04d}"
    return [d + m + y, d + m + y[2:], y + m + d, y, d + m]


def password_errors(password: str, confirmation: str, nir13: str, born: date) -> dict:
    """The reasons a new password is refused, by field. Empty when it is accepted."""
    errors = {}
    reasons = []
    if not password:
        errors["password"] = ["Veuillez saisir un nouveau mot de passe."]
        return errors
    if not 8 <= len(password) <= 50:
        reasons.append("Le mot de passe doit comporter entre 8 et 50 caractères.")
    if not (re.search(r"[a-z]", password) and re.search(r"[A-Z]", password)):
        reasons.append(
            "Le mot de passe doit contenir des lettres latines minuscules et majuscules."
        )
    if not re.search(r"[0-9]", password) and not any(c in SPECIALS for c in password):
        reasons.append(
            "Le mot de passe doit contenir un chiffre ou un caractère spécial parmi "
            "? ! $ € @ & + _ = * % / < > , . : ;"
        )
    forbidden = sorted({c for c in password if c not in _ALLOWED})
    if forbidden:
        shown = " ".join("espace" if c == " " else c for c in forbidden)
        reasons.append(f"Le mot de passe contient des caractères non autorisés : {shown}")
    runs = {nir13[i : i + 4] for i in range(len(nir13) - 3)}
    if any(r in password for r in runs) or any(p in password for p in birth_date_parts(born)):
        reasons.append(
            "Le mot de passe ne doit pas contenir votre numéro de sécurité sociale, "
            "votre date de naissance ou une partie de celle-ci."
        )
    if reasons:
        errors["password"] = reasons
    if not confirmation:
        errors["confirmation"] = ["Veuillez confirmer le mot de passe."]
    elif confirmation != password:
        errors["confirmation"] = ["Les deux mots de passe ne sont pas identiques."]
    return errors


def paris(moment: datetime) -> datetime:
    return moment.astimezone(PARIS)


def format_paris(moment: datetime) -> str:
    """26/12/2022 - 14h33, in Paris time (daylight-saving time included)."""
    local = paris(moment)
    return local.strftime("%d/%m/%Y - %Hh%M")
