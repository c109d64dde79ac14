"""The UI contract: the guide's own words, the only handles the harness has on a target's pages.

Names of buttons and links, labels of fields, sentences shown. Where the guide gives no exact
sentence (the expired link, the confirmation of step 6), a pattern says what must be understood.
"""
import re

# Step 0
HOME_LOGIN = "Connectez-vous"
HOME_CREATE = "Créez votre compte"
# Step 1
LOGIN_NIR = "Mon numéro de sécurité sociale"
LOGIN_PASSWORD = "Mon mot de passe (ou code provisoire)"
LOGIN_FORGOT = "Mot de passe oublié ?"
LOGIN_SUBMIT = "ME CONNECTER"
# Step 2
FORM_TITLE = "Mot de passe oublié"
FORM_NIR = "Numéro de sécurité sociale"
FORM_BIRTH_DATE = "Date de naissance (jj/mm/aaaa)"
FORM_EMAIL = "Adresse mail associée à votre compte ameli"
FORM_CAPTCHA = "Caractères lus ou entendus"
FORM_SUBMIT = "Recevoir le mail"
BACK_TO_LOGIN = "Retourner à la page de connexion"
# Step 3
SENT = "Le mail a bien été envoyé à"
# Step 4
MAIL_SUBJECT = "Votre compte ameli – renouveler mon mot de passe"
MAIL_SENDER = "Votre Assurance Maladie"
MAIL_BUTTON = "Renouveler mon mot de passe"
# Step 5
RESET_TITLE = "Renouvellement de mot de passe"
RESET_PASSWORD = "Nouveau mot de passe"
RESET_CONFIRMATION = "Confirmer le mot de passe"
RESET_SUBMIT = "Valider le nouveau mot de passe"

# Step 4, after 30 minutes: "Au-delà de ce délai, vous devrez recommencer votre demande".
EXPIRED = re.compile(
    r"expir|n['’]est plus (valide|valable)|plus valide|périmé|recommencer", re.IGNORECASE
)
# Step 6: "la confirmation que son renouvellement de mot de passe a bien été enregistré".
CONFIRMED = re.compile(
    r"mot de passe.{0,60}(a bien été|a été|est)\s+(bien\s+)?(enregistré|modifié|renouvelé|changé)",
    re.IGNORECASE | re.DOTALL,
)


def _words(text: str) -> str:
    """Words of the guide as a pattern: any run of white space, either apostrophe."""
    escaped = (re.sub(r"['’]", "['’]", re.escape(word)) for word in text.split())
    return r"\s+".join(escaped)


def phrase(text: str) -> re.Pattern:
    """A sentence of the guide, anywhere on the page."""
    return re.compile(_words(text))


def name(text: str) -> re.Pattern:
    """An accessible name, whole: case and surrounding white space do not count (a button
    written "Me connecter" and shown in capitals by CSS is "ME CONNECTER" to a person)."""
    return re.compile(rf"^\s*{_words(text)}\s*$", re.IGNORECASE)


def label(text: str) -> re.Pattern:
    """A field's label, whole, with or without the required-field star."""
    return re.compile(rf"^\s*{_words(text)}\s*\*?\s*$", re.IGNORECASE)
