"""Passwords described in words in the features ("conforme de 50 caractères dont « € »"), built
here for each persona, so that the features stay readable and no persona's password is written
in them. The values the guide leaves open come from the target's interpretations."""
import re
import secrets
import string

from fixtures.interpretations import date_form

LOWER, UPPER = string.ascii_lowercase, string.ascii_uppercase


def _letters(n: int) -> str:
    return "".join(secrets.choice(LOWER + UPPER) for _ in range(n))


def conforming(length: int = 12, extra: str = "") -> str:
    """Upper and lower case letters, "!" and `extra`: no digit, so no part of a NIR or a date."""
    head = "Ab!" + extra
    return head + _letters(max(0, length - len(head)))


def _quoted(text: str) -> str:
    value = re.fullmatch(r"«\s?(.*?)\s?»", text.strip())
    if not value:
        raise ValueError(f"attendu « … » : {text!r}")
    return {"espace": " ", "tabulation": "\t"}.get(value[1], value[1])


def build(description: str, persona, interpretations) -> str:
    d = " ".join(description.split())
    if d == "conforme":
        return conforming()
    if m := re.fullmatch(r"conforme de (\d+) caractères(?: dont («.*»))?", d):
        return conforming(int(m[1]), _quoted(m[2]) if m[2] else "")
    if d == "sans majuscule":
        return conforming().lower()
    if d == "sans minuscule":
        return conforming().upper()
    if d == "sans chiffre ni caractère spécial":
        return "Ab" + _letters(10)
    if d == "avec un chiffre et sans caractère spécial":
        return "Ab" + _letters(8) + "9"
    if m := re.fullmatch(r"dont le seul caractère spécial est («.*»)", d):
        return "Ab" + _letters(8) + _quoted(m[1])
    if d == "avec tous les caractères spéciaux autorisés":
        return "Ab" + interpretations.password_specials + "x"
    if m := re.fullmatch(r"contenant («.*»)", d):
        return conforming(12) + _quoted(m[1])
    nir = persona.nir[:13]
    if d == "contenant mon numéro de sécurité sociale":
        return conforming(10) + nir
    if d == "contenant une partie de mon numéro de sécurité sociale":
        n = interpretations.nir_part_digits
        start = (len(nir) - n) // 2
        return conforming(10) + nir[start : start + n]
    if m := re.fullmatch(r"contenant ma date de naissance au format ([JMA]+)", d):
        return conforming(10) + date_form(persona.birth_date, m[1])
    raise ValueError(f"mot de passe non décrit : {description!r}")


def rule_of(text: str) -> str:
    return " ".join(text.split())
