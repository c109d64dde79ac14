"""Passwords described in words in the features ("conforme de 50 caractères dont « € »"), built
here for each persona, so that the features stay readable and no persona's password is written
in them. The values the guide leaves open come from the target's interpretations.

Random letters come from the scenario's generator (the run's seed): the same seed builds the same
passwords. A password built here has no digit unless its description asks for one, so it can hold
no part of a NIR or a birth date by chance."""
import random
import re
import string

from ameli_conformance.fixtures.personas import nir_parts, plain_letters
from ameli_conformance.interpretations import date_form

LOWER, UPPER, DIGITS = string.ascii_lowercase, string.ascii_uppercase, string.digits
SHORTEST, LONGEST = 8, 50  # the guide: « Comporter entre 8 et 50 caractères »
# Characters a feature names rather than shows (invisible, or mistaken for a latin letter).
NAMED = {"espace": " ", "tabulation": "\t", "espace insécable": "\u00a0",
         "espace sans chasse": "\u200b", "a cyrillique": "\u0430", "alpha grec": "\u03b1"}


def _letters(n: int, rng: random.Random | None = None, after: str = "") -> str:
    """Random letters without a repeat or a sequence (personas.plain_letters)."""
    return plain_letters(n, rng or random.Random(), after)


def conforming(length: int = 12, extra: str = "", rng: random.Random | None = None) -> str:
    """Upper and lower case letters, "!" and `extra`: no digit, so no part of a NIR or a date."""
    head = "Ab!" + extra
    return head + _letters(max(0, length - len(head)), rng, head)


def _quoted(text: str) -> str:
    value = re.fullmatch(r"«\s?(.*?)\s?»", text.strip())
    if not value:
        raise ValueError(f"attendu « … » : {text!r}")
    return NAMED.get(value[1], value[1])


def _foreign(persona, interpretations):
    """Whether a run of digits is no part of the NIR nor of a form of the birth date, and shares
    not even one digit fewer with them: a target that refuses it reads "a part" more widely
    than it declares."""
    k = max(2, interpretations.nir_part_digits - 1)
    forbidden = {w for _, w in nir_parts(persona.nir, k)}
    shown = [date_form(persona.birth_date, f) for f in ("JJMMAAAA", "JJMMAA", "AAAAMMJJ",
                                                         "AAAA", "JJMM")]
    for form in shown:
        forbidden |= {form[i:i + k] for i in range(len(form) - k + 1)}
    return lambda run: not any(run[i:i + k] in forbidden for i in range(len(run) - k + 1)) \
        and not any(form in run for form in shown)


def foreign_digits(persona, interpretations, rng: random.Random) -> str:
    """`nir_part_digits` consecutive digits foreign to the NIR and the birth date (_foreign). No
    digit next to the same one or its neighbour (« 11 », « 12 »): a rule the guide does not
    have, against repeats or sequences, is not caught here in the runs whose draw happens to
    hold one (named rows try « zzz », the alphabet in order, and digits that follow each other:
    foreign_sequence)."""
    n, foreign = interpretations.nir_part_digits, _foreign(persona, interpretations)
    for _ in range(100_000):
        run = "".join(rng.choice(DIGITS) for _ in range(n))
        plain = all(abs(int(a) - int(b)) > 1 for a, b in zip(run, run[1:]))  # no 11, no 123
        if plain and foreign(run):
            return run
    raise RuntimeError("aucune suite de chiffres étrangère au numéro et à la date")


def foreign_sequence(persona, interpretations) -> str:
    """Digits that follow each other (« 1234 », else « 2345 »... « 4321 »...), as many as a
    part of the NIR, foreign to the NIR and the birth date (_foreign): the first such, the same
    at every run for this person; none for a reading whose parts are so short that every run
    holds one."""
    n, foreign = max(4, interpretations.nir_part_digits), _foreign(persona, interpretations)
    up = [DIGITS[i:i + n] for i in range(1, 11 - n)] + [DIGITS[:n]]  # « 1234 » first, « 0123 » last
    for run in up + [run[::-1] for run in up]:
        if foreign(run):
            return run
    return ""  # none: the row tries « zzz » and « azerty » only (the guide's rules still met)


def placed(password: str, char: str) -> str:
    """`char` at the start, the middle or the end of `password`, by its code (the same place at
    every run): a check of the characters anchored at one end only (`/[A-Za-z0-9…]+$/`, or `re.match`
    without `$`), or one that trims the password, lets it pass at some place but not at all three."""
    at = (0, len(password) // 2, len(password))[ord(char[0]) % 3]
    return password[:at] + char + password[at:]


def build(description: str, persona, interpretations, rng: random.Random | None = None) -> str:
    rows = build_all(description, persona, interpretations, rng)
    if len(rows) != 1:
        raise ValueError(f"« {description} » décrit {len(rows)} mots de passe, pas un")
    return rows[0][1]


def build_all(description: str, persona, interpretations,
              rng: random.Random | None = None) -> list[tuple[str, str]]:
    """The passwords a description stands for, each with what it tries, in words that show no
    personal data: most descriptions stand for one; « chaque partie de mon numéro » for every
    part."""
    rng = rng or random.Random()
    d = " ".join(description.split())
    n = interpretations.nir_part_digits
    if d == "contenant chaque partie de mon numéro de sécurité sociale":
        return [(f"partie de {n} chiffres aux positions {i} à {i + n - 1} du numéro",
                 conforming(10, rng=rng) + part) for i, part in nir_parts(persona.nir[:13], n)]
    if d == "contenant chaque chiffre, seul":
        return [(f"le seul chiffre est « {c} »", "Ab" + _letters(8, rng, "Ab") + c)
                for c in DIGITS]
    if d == "contenant chaque caractère spécial autorisé, seul":
        return [(f"le seul caractère spécial est « {c} »", "Ab" + _letters(8, rng, "Ab") + c)
                for c in interpretations.password_specials]
    return [(d, _one(d, persona, interpretations, rng))]


def _one(d: str, persona, interpretations, rng: random.Random) -> str:
    if d == "conforme":
        return conforming(rng=rng)
    if m := re.fullmatch(r"conforme de (\d+) caractères(?: dont (\d+ )?(«.*»))?", d):
        extra = _quoted(m[3]) * int(m[2] or 1) if m[3] else ""
        return conforming(int(m[1]), extra, rng)
    if d == "sans majuscule":
        return conforming(rng=rng).lower()
    if d == "sans minuscule":
        return conforming(rng=rng).upper()
    if d == "sans chiffre ni caractère spécial":
        return "Ab" + _letters(10, rng, "Ab")
    if d == "avec un chiffre et sans caractère spécial":
        return "Ab" + _letters(8, rng, "Ab") + "9"
    if m := re.fullmatch(r"dont le seul caractère spécial est («.*»)", d):
        return "Ab" + _letters(8, rng, "Ab") + _quoted(m[1])
    if d == "avec tous les caractères spéciaux autorisés":
        return "Ab" + interpretations.password_specials + "x"
    if d == "avec toutes les lettres minuscules":
        return "A!" + LOWER
    if d == "avec toutes les lettres majuscules":
        return "a!" + UPPER
    if d == "avec « zzz », « azerty » et des chiffres qui se suivent":  # no rule forbids them
        return "Azerty!zzz" + foreign_sequence(persona, interpretations)
    if d == "avec tous les chiffres, séparés par des lettres":
        return "Ab" + "".join(c + rng.choice(LOWER) for c in DIGITS)
    if d == "avec des chiffres qui ne viennent ni de mon numéro ni de ma date de naissance":
        return conforming(10, rng=rng) + foreign_digits(persona, interpretations, rng)
    if m := re.fullmatch(r"contenant («.*»)", d):
        return placed(conforming(12, rng=rng), _quoted(m[1]))
    nir = persona.nir[:13]
    if d == "contenant mon numéro de sécurité sociale":
        return conforming(10, rng=rng) + nir
    if d == "contenant mon numéro de sécurité sociale avec sa clé":
        return conforming(10, rng=rng) + persona.nir
    if d == "contenant une partie de mon numéro de sécurité sociale":
        parts = nir_parts(nir, interpretations.nir_part_digits)
        return conforming(10, rng=rng) + parts[(len(parts) - 1) // 2][1]
    if m := re.fullmatch(r"contenant ma date de naissance au format ([JMA]+)", d):
        return conforming(10, rng=rng) + date_form(persona.birth_date, m[1])
    raise ValueError(f"mot de passe non décrit : {d!r}")


# Passwords that differ from the person's by one thing only: a login that compares a part of the
# password (its first characters, or its first 72 bytes as bcrypt does: « € » is 3 bytes in
# UTF-8), that folds the case, or that loses « € » in another encoding, opens the account with
# them. The first ones catch the most.
NEIGHBOURS = {
    "le dernier caractère changé": lambda p: p[:-1] + ("x" if p[-1] != "x" else "y"),
    "majuscules et minuscules inversées": str.swapcase,
    "sans le dernier caractère": lambda p: p[:-1],
    "avec un caractère de plus à la fin": lambda p: p + "x",
    # a login that encodes the password where « € » has no place (Latin-1): replaced, or dropped
    "les « € » remplacés par « ? »": lambda p: p.replace("€", "?"),
    "sans ses « € »": lambda p: p.replace("€", ""),
}


def neighbour(description: str, password: str) -> str:
    d = " ".join(description.split())
    if d not in NEIGHBOURS:
        raise ValueError(f"mot de passe voisin non décrit : {d!r} (connus : {', '.join(NEIGHBOURS)})")
    return NEIGHBOURS[d](password)


def rule_of(text: str) -> str:
    return " ".join(text.split())


def facts(password: str, persona=None, interpretations=None) -> str:
    """What a password is made of, in words that show none of it nor any personal data (issue
    16: a failure on a generated password must say why without the password): its length, its
    classes of characters, and where it holds parts of the person's number or birth date."""
    upper = sum(c.isupper() for c in password)
    lower = sum(c.islower() for c in password)
    digits = sum(c.isdigit() for c in password)
    other = len(password) - upper - lower - digits
    words = [f"{len(password)} caractères", f"{upper} majuscule(s)", f"{lower} minuscule(s)",
             f"{digits} chiffre(s)", f"{other} autre(s) caractère(s)"]
    if persona is not None and interpretations is not None:
        n = interpretations.nir_part_digits
        held = [i for i, part in nir_parts(persona.nir[:13], n) if part in password]
        if held:
            words.append(f"contient {len(held)} partie(s) de {n} chiffres du numéro (à partir "
                         f"des positions {', '.join(map(str, held[:5]))}{'…' if len(held) > 5 else ''})")
        forms = [f for f in interpretations.birth_date_forms
                 if date_form(persona.birth_date, f) in password]
        if forms:
            words.append(f"contient la date de naissance au format {', '.join(forms)}")
    return ", ".join(words)
