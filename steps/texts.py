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

# Step 4, after 30 minutes: "Au-delà de ce délai, vous devrez recommencer votre demande". A link
# already used may say so in its own words (« Ce lien a déjà été utilisé. Faites une nouvelle
# demande. »): the guide gives no text for it.
EXPIRED = re.compile(
    r"expir|n['’]est plus (valide|valable|actif|utilisable|disponible|accessible)|plus valide|"
    r"périmé|caduc|obsolète|recommencer|déjà (été )?utilisé|nouvelle demande|"
    r"(refaire|renouveler|reformuler|effectuer à nouveau) (une|la|votre) demande|"
    r"délai\b.{0,40}\b(dépassé|écoulé)|"
    r"lien\b.{0,40}\b(invalide|n['’]est pas valide|non valide)", re.IGNORECASE
)
# Step 6: "la confirmation que son renouvellement de mot de passe a bien été enregistré". The
# guide does not show the page: other words of a correct target count (« a été mis à jour »,
# « modifié avec succès », « vous pouvez maintenant vous connecter avec votre nouveau mot de
# passe »); a negation never does (« n'a pas été modifié »).
# « est validé », « est défini », « est actif » may be a hint of the form (« votre mot de passe
# est validé lorsque… »): those are read only after « a (bien) été », or as « est désormais actif ».
_DONE = r"(enregistré|modifié|renouvelé|changé|mis à jour|prise? en compte|réinitialisé)"
_DONE_PAST = r"(validé|effectué|sauvegardé|activé)"
# Where no hint reads so: a title of its own (« Nouveau mot de passe validé »), « … avec succès ».
_DONE_ALONE = rf"({_DONE}|validé)"
CONFIRMED = re.compile(
    rf"mot de passe.{{0,60}}(a bien été|a été|est)\s+(bien\s+)?{_DONE}"
    rf"|mot de passe.{{0,60}}a (bien )?été\s+{_DONE_PAST}"
    rf"|mot de passe.{{0,60}}est (désormais|dorénavant|maintenant) actif"
    rf"|mot de passe\s+(?:\w+\s+){{0,2}}{_DONE_ALONE}\s+avec succès"
    r"|(?:pouvez|pourrez)\s+(?:maintenant\s+|désormais\s+|dès à présent\s+|à présent\s+)?"
    r"vous connecter avec (?:votre|ce) nouveau mot de passe",
    re.IGNORECASE | re.DOTALL,
)
# Or a line of its own that says no more, a title as short as « Mot de passe modifié » (read in
# the page's lines: in its text joined in one line, a hint's « une fois le mot de passe modifié »
# would read the same).
CONFIRMED_LINE = re.compile(
    rf"^\s*(?:votre\s+)?(?:nouveau\s+)?mot de passe\s+(?:bien\s+)?{_DONE_ALONE}"
    r"(?:\s+avec succès)?"
    r"\s*[.!]?\s*$", re.IGNORECASE | re.MULTILINE)


# What may be either, waited for before the page is read (steps/formulaire_mot_de_passe.py).
MAY_CONFIRM = re.compile(rf"{CONFIRMED.pattern}|mot de passe\s+(?:bien\s+)?{_DONE_ALONE}",
                         re.IGNORECASE | re.DOTALL)


def confirmed(lines: str) -> bool:
    """Whether a page says the new password is recorded; `lines`: its text, a line per line."""
    return bool(CONFIRMED.search(" ".join(lines.split())) or CONFIRMED_LINE.search(lines))


_NUMBER = re.compile(r"(\d+)([.,;:]?)")  # a word of digits, maybe ending a sentence
# An address masked as the guide masks it (t***@t***.com): its letters in either case, as a
# target that keeps addresses in lower case shows them (« m***@l***.net » for Marie-Anne's).
_MASKED = re.compile(r"([^\s*@])\*\*\*@([^\s*@])\*\*\*\.([^\s*@.]+?)([.,;:]?)")
DASH = "[-–—]"  # any dash: typography


def unpadded(number: int) -> str:
    """A day or an hour as written, with or without its zero before ten (« 03 » or « 3 »)."""
    return rf"0?{number}" if number < 10 else str(number)


def _words(text: str) -> str:
    """Words of the guide as a pattern: any run of white space, either apostrophe, any dash
    (the guide's « ameli – renouveler » and « 26/12/2022 - 14h33 » are typography), and a
    phone number in groups or not (the guide writes « 3646 » at step 3, « 36 46 » at 3bis)."""
    words = text.split()
    pattern = ""
    for n, word in enumerate(words):
        digits, masked = _NUMBER.fullmatch(word), _MASKED.fullmatch(word)
        if digits and len(digits[1]) >= 4:  # a number: its digits, grouped as one likes
            escaped = r"\s*".join(digits[1]) + re.escape(digits[2])
        elif masked:
            escaped = (rf"(?i:{re.escape(masked[1])})\*\*\*@(?i:{re.escape(masked[2])})\*\*\*\."
                       rf"(?i:{re.escape(masked[3])}){re.escape(masked[4])}")
        else:
            escaped = re.sub(r"\\?[-–—]", DASH, re.sub(r"['’]", "['’]", re.escape(word)))
        if n:
            pattern += r"\s*" if digits and words[n - 1].isdigit() else r"\s+"
        pattern += escaped
    return pattern


def phrase(text: str) -> re.Pattern:
    """A sentence of the guide, anywhere on the page."""
    return re.compile(_words(text))


def whole(text: str) -> re.Pattern:
    """A text of the guide, whole, in the guide's case (a mail's subject)."""
    return re.compile(rf"^\s*{_words(text)}\s*$")


def name(text: str) -> re.Pattern:
    """An accessible name, whole: case and surrounding white space do not count (a button
    written "Me connecter" and shown in capitals by CSS is "ME CONNECTER" to a person)."""
    return re.compile(rf"^\s*{_words(text)}\s*$", re.IGNORECASE)


def label(text: str) -> re.Pattern:
    """A field's label, whole, with or without the required-field star."""
    return re.compile(rf"^\s*{_words(text)}\s*\*?\s*$", re.IGNORECASE)


def label_and_more(text: str) -> re.Pattern:
    """A field's label that begins with the guide's and says more: a hint written inside the
    label (« Numéro de sécurité sociale * 13 ou 15 chiffres », as the État's design system
    writes it, on a line of its own: the accessible name then has no space before it), or an
    error put there."""
    return re.compile(rf"^\s*{_words(text)}\s*\*?\s*\S", re.IGNORECASE)


# Step 2: the guide shows icons, "la flèche" and "le microphone"; their accessible names say so
# (« Générer un nouveau code », « Recharger l'image », « Lire à voix haute »), or the icon's own
# character is the name (a button that holds « ↻ » or « 🔊 » and nothing else).
CAPTCHA_ARROW = re.compile(
    r"nouvel|nouveau|autre|rafra[iî]ch|actualis|changer|g[ée]n[ée]r|recharg|renouvel|refresh|"
    r"reload|[↻↺⟳⟲🔄]", re.IGNORECASE
)
CAPTCHA_MICRO = re.compile(r"[ée]couter|audio|sonore|entendre|micro|voix|[🔊🔉🔈🎤🎧]",
                           re.IGNORECASE)
CAPTCHA_IMAGE = re.compile(r"caract|captcha|code|recopi|image", re.IGNORECASE)

# Step 3bis, case 2: "bloqué jusqu'au 26/12/2022 - 14h33 (heure de Paris)".
BLOCKED_UNTIL = "Le service de renouvellement de mot de passe est bloqué jusqu'au {end} (heure de Paris)."


def blocked_until(end) -> re.Pattern:
    """BLOCKED_UNTIL at `end` (Paris time): « JJ/MM/AAAA - HHhMM » as the guide writes it, an
    hour before ten with or without its zero (« 03h32 » or « 3h32 », as a script that does not
    pad the hour writes it)."""
    before, after = BLOCKED_UNTIL.split("{end}")
    return re.compile(rf"{_words(before)}\s+{end:%d/%m/%Y}\s*{DASH}\s*{unpadded(end.hour)}h"
                      rf"{end:%M}\s+{_words(after)}")


# An error message is in French when it has more words only French uses than words only English
# uses, the field's own label left out (a framework may write « Date de naissance can't be
# blank »); with neither, a word both share says French (« Format incorrect »). Words only French
# uses: its commonest, those of a form's errors, any word with an accent. So « Champ requis »,
# « Adresse mail non valide », « Date erronée » are French; « Invalid format », « This field is
# required. », « The date field must be a valid date. » are not.
_FRENCH_ONLY = re.compile(
    r"\b\w*[àâçéèêëîïôûùü]\w*|\b(?:le|la|les|l['’]|de|du|des|d['’]|un|une|votre|vos|ce|cet|cette|"
    r"ces|veuillez|merci|doit|doivent|est|sont|pas|ne|n['’]|non(?!-)|ou|et|avec|sans|pour|sur|en|"
    r"trop|moins|au|aux|par|saisi\w*|renseign\w*|indiqu\w*|invalides?|incorrect(?:es?|s)|"
    r"requis(?:es?)?|obligatoires?|manquant\w*|inexistant\w*|reconnu\w*|attendu\w*|valides?|vide|"
    r"champs?|adresse|naissance|chiffres?|lettres?|courriel|mot|passe)\b", re.IGNORECASE)
_ENGLISH_ONLY = re.compile(
    r"\b(?:the|this|that|is|are|must|should|please|enter|field|fields|required|invalid|valid|value|"
    r"values|not|be|can['’]t|cannot|does|doesn['’]t|match|matches|characters?|number|address|least|"
    r"too|short|missing|wrong|password|birth|key|only|allowed|contains?|letters?|digits?|blank|empty|"
    r"and|or|of|your|you|with|has|have)\b"
    # English puts the adjective both languages share before its noun (« Incorrect date »), French
    # after it (« Date incorrecte », « Format incorrect »)
    r"|\b(?:incorrect|invalid)\s+(?=[^\W\d_])", re.IGNORECASE)
_SHARED = re.compile(r"\b(?:format|incorrect|date|minimum|maximum|code|captcha|e-?mail|nir)\b",
                     re.IGNORECASE)


def is_french(message: str, label: str = "") -> bool:
    if label:
        message = re.sub(re.escape(" ".join(label.split())), " ", " ".join(message.split()),
                         flags=re.IGNORECASE)
    french, english = len(_FRENCH_ONLY.findall(message)), len(_ENGLISH_ONLY.findall(message))
    return french > english or french == english == 0 and bool(_SHARED.search(message))


# Step 5: what a refusal's reason must speak of, rule by rule, as a correct target may word it
# (the guide gives the rules, not the messages); each rule's words, not another rule's
# (« minimum » would read a « majuscule au minimum » as a length).
REASONS = {
    "longueur": re.compile(r"\b8\b|\b50\b|\bhuit\b|cinquante|longueur|court|long|taille|dépasse|"
                           r"nombre de caractères", re.IGNORECASE),
    "casse": re.compile(r"majuscule|minuscule|capitale|\bcasses?\b", re.IGNORECASE),
    "chiffre ou caractère spécial": re.compile(r"chiffre|spécia|symbole|numérique|ponctuation|"
                                               r"non alphab", re.IGNORECASE),
    # Both what is refused (characters, a kind of them, or the one typed, quoted) and that it
    # is not allowed: « Le mot de passe n'est pas valide » says no rule.
    "caractères autorisés": re.compile(
        r"(?s)^(?=.*(?:\bcaract|\bsymbole|\blettre|\bsigne|\bespace|\baccent|\bemoji|ponctuation"
        r"|«[^»]{1,4}»|\"[^\"]{1,3}\"|:\s*\S{1,3}\s*\.?\s*$))(?=.*(?:autoris|interdit|admis|"
        r"accept|valide|permis|pris en charge|reconnu|\bseul(?:e?s)?\b|possibles?\b|uniquement|"
        r"(?<!ainsi )\bque (?:des|les)\b|utilisable|toléré|refus|support|gérés?\b))",
        re.IGNORECASE | re.MULTILINE),
    "numéro ou date de naissance": re.compile(r"sécurité sociale|sécu\b|naissance|NIR|"
                                              r"personnel|identifiant", re.IGNORECASE),
    "confirmation": re.compile(r"identique|correspond|confirm|différ|concord|les mêmes",
                               re.IGNORECASE),
}


# ------------------------------------------------------------------ what a page says anew


def new_pieces(text: str, before: str) -> str:
    """The pieces (one per line: one per element beside a field) of `text` that `before` did
    not have: an error put beside a field, wherever among its help texts."""
    old = [p for p in before.split("\n") if p.strip()]
    new = []
    for piece in text.split("\n"):
        if not piece.strip() or piece in old:
            continue
        for was in old:  # a help text that the error joined, in the same element
            piece = piece.replace(was, " ", 1) if was in piece else piece
        new.append(" ".join(piece.split()))
    return " ".join(p for p in new if p)


def less(text: str, before: str) -> str:
    """`text` without what `before` said, white space aside (the alerts of the untouched form)."""
    text = " ".join(text.split())
    before = " ".join(before.split())
    if before and before in text:
        text = text.replace(before, " ", 1)
    return " ".join(text.split())


def masked(address: str) -> str:
    """The guide's masking, t***@t***.com (../shared/design/requirements.md, E3-ENVOI)."""
    local, _, domain = address.partition("@")
    tld = domain.rsplit(".", 1)[-1]
    return f"{local[0]}***@{domain[0]}***.{tld}"
