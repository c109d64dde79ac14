"""The RGAA 4.1 criteria the accessibility profile names, and axe-core's rules under them.

axe-core (shipped by the kept package axe-playwright-python) runs its WCAG 2.1 A and AA rules,
the level RGAA 4.1 requires; each violation is reported under the RGAA criterion its rule
verifies (the correspondence below, written for this harness from the WCAG 2.1 success
criterion each rule tests and the RGAA criterion that covers it),
or under « RGAA (critère non associé) » with the rule's id when the table has none. Nothing here
knows the markup of one implementation."""
from axe_playwright_python.sync_playwright import Axe

from ameli_conformance.privacy import redact

CRITERIA = {
    "1.1": "Chaque image porteuse d'information a-t-elle une alternative textuelle ?",
    "1.4": "L'alternative d'une image CAPTCHA permet-elle d'identifier sa nature et sa fonction ?",
    "1.5": "Pour chaque image CAPTCHA, une solution d'accès alternatif est-elle présente ?",
    "2.1": "Chaque cadre a-t-il un titre de cadre ?",
    "3.2": "Le contraste entre la couleur du texte et celle de son arrière-plan est-il suffisant ?",
    "5.6": "Les en-têtes de colonne et de ligne des tableaux de données sont-ils correctement déclarés ?",
    "5.7": "Chaque cellule d'un tableau de données est-elle associée à ses en-têtes ?",
    "6.2": "Chaque lien a-t-il un intitulé ?",
    "7.1": "Chaque script est-il, si nécessaire, compatible avec les technologies d'assistance ?",
    "7.3": "Chaque script est-il contrôlable par le clavier et par tout dispositif de pointage ?",
    "7.5": "Les messages de statut sont-ils correctement restitués par les technologies d'assistance ?",
    "8.2": "Le code source généré est-il valide selon le type de document spécifié ?",
    "8.3": "La langue par défaut est-elle présente ?",
    "8.4": "Le code de langue de la langue par défaut est-il valide et pertinent ?",
    "8.5": "Chaque page web a-t-elle un titre de page ?",
    "8.7": "Chaque changement de langue est-il indiqué dans le code source ?",
    "9.3": "Chaque liste est-elle correctement structurée ?",
    "10.4": "Le texte reste-t-il lisible lorsque la taille des caractères est augmentée jusqu'à 200 % ?",
    "10.7": "Pour chaque élément recevant le focus, la prise de focus est-elle visible ?",
    "11.1": "Chaque champ de formulaire a-t-il une étiquette ?",
    "11.2": "Chaque étiquette associée à un champ de formulaire est-elle pertinente ?",
    "11.9": "Dans chaque formulaire, l'intitulé de chaque bouton est-il pertinent ?",
    "11.10": "Dans chaque formulaire, le contrôle de saisie est-il utilisé de manière pertinente ?",
    "11.13": "La finalité d'un champ de saisie peut-elle être déduite pour le remplissage automatique ?",
    "12.8": "Dans chaque page web, l'ordre de tabulation est-il cohérent ?",
    "12.9": "Dans chaque page web, la navigation ne contient-elle pas de piège au clavier ?",
    "13.1": "Pour chaque page web, l'utilisateur a-t-il le contrôle de chaque limite de temps ?",
    "13.8": "Chaque contenu en mouvement ou clignotant est-il contrôlable par l'utilisateur ?",
}

AXE_RULES = {
    "image-alt": "1.1", "input-image-alt": "1.1", "role-img-alt": "1.1", "svg-img-alt": "1.1",
    "area-alt": "1.1", "object-alt": "1.1", "frame-title": "2.1", "frame-title-unique": "2.1",
    "color-contrast": "3.2", "td-headers-attr": "5.7", "th-has-data-cells": "5.6",
    "link-name": "6.2", "aria-allowed-attr": "7.1", "aria-hidden-body": "7.1",
    "aria-hidden-focus": "7.1", "aria-required-attr": "7.1", "aria-required-children": "7.1",
    "aria-required-parent": "7.1", "aria-roles": "7.1", "aria-valid-attr": "7.1",
    "aria-valid-attr-value": "7.1", "aria-prohibited-attr": "7.1", "aria-command-name": "7.1",
    "aria-toggle-field-name": "7.1", "aria-tooltip-name": "7.1", "aria-progressbar-name": "7.1",
    "aria-meter-name": "7.1", "aria-braille-equivalent": "7.1", "aria-conditional-attr": "7.1",
    "aria-deprecated-role": "7.1", "nested-interactive": "7.1",
    "scrollable-region-focusable": "7.3", "duplicate-id-aria": "8.2", "duplicate-id": "8.2",
    "html-has-lang": "8.3", "html-lang-valid": "8.4", "html-xml-lang-mismatch": "8.4",
    "document-title": "8.5", "valid-lang": "8.7", "list": "9.3", "listitem": "9.3",
    "definition-list": "9.3", "dlitem": "9.3", "meta-viewport": "10.4", "label": "11.1",
    "aria-input-field-name": "11.1", "select-name": "11.1", "label-title-only": "11.1",
    "form-field-multiple-labels": "11.2", "button-name": "11.9", "input-button-name": "11.9",
    "autocomplete-valid": "11.13", "meta-refresh": "13.1", "blink": "13.8", "marquee": "13.8",
}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]  # RGAA 4.1: WCAG 2.1, levels A and AA
_axe = Axe()


def criterion(rule: str) -> str:
    number = AXE_RULES.get(rule)
    return named(number) if number else f"RGAA (critère non associé à la règle axe {rule})"


def named(number: str) -> str:
    return f"RGAA {number} ({CRITERIA[number]})"


def violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations of the page as it is, each with its RGAA criterion,
    the elements (CSS paths, never their HTML: a field's value is a persona's) and axe's help."""
    found = _axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS},
                                    "resultTypes": ["violations"]}).response["violations"]
    return [{"criterion": criterion(v["id"]), "rule": v["id"], "impact": v.get("impact"),
             "help": v["help"],
             "targets": [redact(" ".join(map(str, n["target"]))) for n in v["nodes"]][:5]}
            for v in found]


def described(found: list[dict]) -> str:
    """In French but for axe-core's own help, quoted (the package ships no French locale)."""
    return " ; ".join(f"{v['criterion']} – règle axe {v['rule']} ({v['impact']}, « {v['help']} »)"
                      f" – {len(v['targets'])} élément(s) : {', '.join(v['targets'])}"
                      for v in found)


def short(found: list[dict]) -> str:
    """The criteria of the violations, by number: « RGAA 11.1, RGAA 3.2 »."""
    return ", ".join(sorted({v["criterion"].split(" (")[0] for v in found}))
