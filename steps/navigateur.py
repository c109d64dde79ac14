"""The browser's own refusals (HTML constraint validation), in the language of the person.

A form whose fields say `required`, `minlength`, `maxlength`, `pattern` or `type="email"` (without
`novalidate`) is checked by the browser before it is sent: the browser refuses the submission and
shows its message beside the first field that is wrong, in the language of the person's browser;
nothing leaves the page. Many teams write their forms so, and it is conformant wherever the guide
asks for "a clear French error beside the field". The headless browser of the runs carries only
its English messages, so each is put back into the words a French Chromium shows: the table pairs
Chromium's own strings, same resource, from its `en-US.pak` and the `fr.pak` of Debian's
`chromium-l10n` 156. A message the table does not know stays as the browser gave it (and a
French-only check then says so: the harness never invents a translation).
"""
import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from . import page_scripts

CHROMIUM_FR = {
    'Please enter a non-empty email address.':
        'Veuillez saisir une adresse e-mail dans le champ correspondant.',
    "Please enter a part following '$1'. '$2' is incomplete.":
        'Veuillez saisir la partie manquante après le symbole "$1". L\'adresse "$2" est incomplète.',
    "Please enter a part followed by '$1'. '$2' is incomplete.":
        'Veuillez saisir la partie manquante avant le caractère "$1". L\'adresse "$2" est incomplète.',
    "Please include an '$1' in the email address. '$2' is missing an '$1'.":
        'Veuillez inclure "$1" dans l\'adresse e-mail. Il manque un symbole "$1" dans "$2".',
    'Please enter a comma separated list of email addresses.':
        "Veuillez saisir une liste d'adresses e-mail séparées par une virgule.",
    'Please enter a valid value. The field is incomplete or has an invalid date.':
        "Veuillez saisir une valeur valide. Le champ n'est pas complet ou contient une date non valide.",
    'Please enter a number.':
        'Veuillez saisir un nombre.',
    'Please fill out this field.':
        'Veuillez renseigner ce champ.',
    'Please check this box if you want to proceed.':
        'Veuillez cocher cette case si vous souhaitez continuer.',
    'Please select a file.':
        'Veuillez sélectionner un fichier.',
    'Please select one of these options.':
        "Veuillez sélectionner l'une de ces options.",
    'Please select an item in the list.':
        'Sélectionnez un élément dans la liste.',
    'Please enter an email address.':
        'Veuillez saisir une adresse e-mail.',
    'Please enter a URL.':
        'Veuillez saisir une URL.',
    'Please match the requested format.':
        'Veuillez respecter le format requis.',
    'Please enter a valid value. The two nearest valid values are $1 and $2.':
        'Veuillez saisir une valeur valide. Les deux valeurs valides les plus proches sont "$1" et "$2".',
    'Please enter a valid value. The nearest valid value is $1.':
        'Veuillez saisir une valeur valide. La valeur valide la plus proche est "$1".',
    'Please shorten this text to $2 characters or less (you are currently using $1 characters).':
        'Veuillez réduire ce texte à $2\xa0caractères maximum (il compte actuellement $1\xa0caractères).',
    'Please lengthen this text to $2 characters or more (you are currently using 1 character).':
        "Veuillez allonger ce texte pour qu'il comporte au moins $2\xa0caractères. Il en compte actuellement un seul.",
    'Please lengthen this text to $2 characters or more (you are currently using $1 characters).':
        "Veuillez allonger ce texte pour qu'il comporte au moins $2\xa0caractères. Il en compte actuellement $1.",
    "A part following '$1' should not contain the symbol '$2'.":
        'La partie précédée du symbole "$1" ne doit pas contenir le caractère "$2".',
    "'$1' is used at a wrong position in '$2'.":
        'L\'emplacement du caractère "$1" est incorrect dans "$2".',
    "A part followed by '$1' should not contain the symbol '$2'.":
        'La partie suivie du symbole "$1" ne doit pas contenir le caractère "$2".',
    'Value must be $1.':
        'Veuillez indiquer la valeur $1.',
    'Value must be greater than or equal to $1.':
        'Cette valeur doit être supérieure ou égale à $1.',
    'Value must be $1 or later.':
        'La date ou l\'heure doit être égale ou postérieure à "$1".',
    'Value must be less than or equal to $1.':
        'Cette valeur doit être inférieure ou égale à $1.',
    'Value must be $1 or earlier.':
        'La date ou l\'heure doit être égale ou antérieure à "$1".',
    'Value must be between $1 and $2.':
        'Cette valeur doit être comprise entre\xa0$1 et\xa0$2.',
}


def _pattern(english: str) -> re.Pattern:
    seen = set()

    def group(found):
        name = f"p{found.group(1)}"
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return f"(?P<{name}>.*?)"

    return re.compile("^" + re.sub(r"\\\$(\d)", group, re.escape(english)) + "$", re.S)


_TEMPLATES = [(_pattern(en), fr) for en, fr in
              sorted(CHROMIUM_FR.items(), key=lambda item: -len(item[0]))]


def in_french(message: str) -> str:
    """The browser's message as a French Chromium words it (unchanged when unknown)."""
    message = " ".join(message.split())
    for pattern, french in _TEMPLATES:
        found = pattern.match(message)
        if found:
            return re.sub(r"\$(\d)", lambda m: found.group(f"p{m.group(1)}") or "", french)
    return message


def beside(label: str, said: list | None) -> str:
    """What the browser said beside the field `label` when it refused the form (`said`: the
    [message, title] of page_scripts.REFUSED_HERE; None when it did not, or pointed at another
    field: it shows its message at the first wrong field only), as a French browser says it,
    after the field's name as a screen reader gives it."""
    return " ".join(f"{label} : {in_french(said[0])} {said[1]}".split()) if said else ""


def note(page: Page) -> str:
    """Where and what the browser said when it refused the last submission ('' when unknown)."""
    try:
        said = page.evaluate(page_scripts.REFUSAL)
    except PlaywrightError:
        return ""
    if not said:
        return ""
    label, message = said
    return (f"le navigateur a refusé le formulaire, au champ « {' '.join(label.split())} » : "
            f"{in_french(message)}")
