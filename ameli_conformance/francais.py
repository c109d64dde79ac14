"""Messages of Python and of the libraries the harness reads files with, in French: a QA user
reads one language (issue 16). Each names what the reader can act on (file, line, key)."""
import errno
import re

_OS = {
    errno.ENOENT: "fichier introuvable",
    errno.EACCES: "lecture refusée (droits du fichier)",
    errno.EPERM: "opération refusée (droits)",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENAMETOOLONG: "chemin trop long",
    errno.ELOOP: "trop de liens symboliques",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EEXIST: "existe déjà",
}


def os_error(exc: OSError) -> str:
    """« fichier introuvable », « lecture refusée (droits du fichier) »…"""
    return _OS.get(exc.errno, f"erreur système {exc.errno or ''} ({exc.strerror or exc})".strip())


_TOML = [
    (r"Cannot overwrite a value", "une valeur est écrite deux fois"),
    (r"Escaped character is not a Unicode scalar value", "caractère échappé invalide"),
    (r"Expected '=' after a key in a key/value pair", "« = » attendu après la clé"),
    (r"Expected '\]' at the end of a table declaration", "« ] » attendu à la fin du nom de table"),
    (r"Expected '\]\]' at the end of an array declaration",
     "« ]] » attendu à la fin du nom de tableau de tables"),
    (r"Expected newline or end of document after a statement",
     "fin de ligne attendue après la valeur (une valeur par ligne)"),
    (r"Invalid date or datetime", "date invalide"),
    (r"Invalid hex value", "valeur hexadécimale invalide"),
    (r"Invalid initial character for a key part", "caractère invalide au début d'une clé"),
    (r"Invalid statement", "ligne incompréhensible"),
    (r"Invalid value", "valeur invalide (une chaîne s'écrit entre guillemets)"),
    (r"Unclosed array", "liste non fermée (« ] » manquant)"),
    (r"Unclosed inline table", "table en ligne non fermée (« } » manquant)"),
    (r"Unescaped '\\' in a string", "« \\ » non échappé dans une chaîne"),
    (r"Unterminated string", "chaîne non terminée (guillemet fermant manquant)"),
    (r"Cannot declare (.+) twice", r"la table \1 est déclarée deux fois"),
    (r"Cannot mutate immutable namespace (.+)", r"\1 est déjà défini et ne peut être étendu"),
    (r"Cannot redefine namespace (.+)", r"\1 est redéfini"),
    (r"Duplicate inline table key (.+)", r"clé \1 en double dans la table en ligne"),
    (r"Found invalid character (.+)", r"caractère invalide \1"),
    (r"Illegal character (.+)", r"caractère interdit \1"),
]


def toml_error(exc: Exception) -> str:
    """tomllib's message, in French, with its line and column: « ligne 3, colonne 5 : … »."""
    text = str(exc)
    where = re.search(r"\(at line (\d+), column (\d+)\)", text)
    place = f"ligne {where[1]}, colonne {where[2]} : " if where else ""
    if re.search(r"\(at end of document\)", text):
        place = "à la fin du fichier : "
    body = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", text)
    for pattern, french in _TOML:
        if re.fullmatch(pattern, body):
            return place + re.sub(pattern, french, body)
    return f"{place}syntaxe TOML invalide"


class Unreadable(ValueError):
    """A file that cannot be read as TOML; its message says why, in French."""


def read_toml(path) -> dict:
    """The tables of a TOML file, or Unreadable: « fichier illisible : fichier introuvable »,
    « le fichier n'est pas du texte UTF-8 (…) », « TOML invalide, ligne 2, colonne 7 : … »."""
    import tomllib
    from pathlib import Path

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise Unreadable(f"fichier illisible : {os_error(exc)}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise Unreadable(utf8_error(exc, raw)) from None
    except tomllib.TOMLDecodeError as exc:
        raise Unreadable(f"TOML invalide, {toml_error(exc)}") from None


def utf8_error(exc: UnicodeDecodeError, data: bytes) -> str:
    line = data[:exc.start].count(b"\n") + 1
    return (f"le fichier n'est pas du texte UTF-8 (octet 0x{data[exc.start]:02x}, ligne {line}) : "
            "enregistrez-le en UTF-8")


def schema_error(error) -> str:
    """A jsonschema ValidationError, by its keyword."""
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in instance if k not in allowed)
        return f"propriété non prévue : {', '.join(extra)}"
    if kind == "required":
        missing = [k for k in value if isinstance(instance, dict) and k not in instance]
        return f"propriété obligatoire absente : {', '.join(missing)}"
    if kind == "type":
        return f"type attendu : {value}, reçu : {type(instance).__name__} {instance!r:.60}"
    if kind == "enum":
        return f"valeur {instance!r:.60} hors de la liste : {', '.join(map(str, value))}"
    if kind == "const":
        return f"valeur {instance!r:.60} au lieu de {value!r}"
    if kind == "format":
        return f"format « {value} » attendu, reçu {instance!r:.60}"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                "minLength", "maxLength", "minItems", "maxItems", "pattern"):
        return f"{instance!r:.60} ne respecte pas {kind} = {value!r}"
    return f"{instance!r:.60} ne respecte pas la règle « {kind} » du contrat"
