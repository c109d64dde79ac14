"""Mutants of the reference app, each breaking one rule of the guide, for tests only.

`python -m tests.mutants NAME [reference_app options]` applies the mutant's patch in its own
process, then runs the reference app as `python -m ameli_conformance.reference_app` does. The app's production
code has no flag for any of this: a patch replaces a function or rewrites a page here, and a
configuration mutant only changes a value the app already reads.
"""
import io
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ameli_conformance.reference_app import __main__ as app_main
from ameli_conformance.reference_app import auth, captcha, mail, reset
from ameli_conformance.reference_app.rules import PARIS


@dataclass(frozen=True)
class Mutant:
    requirement: str  # the identifier it must make fail, and only that one
    what: str
    selection: tuple = ()  # extra pytest arguments choosing the scenarios that matter
    settings: tuple = ()  # configuration values (KEY=JSON) instead of a patch
    patch: object = field(default=None, compare=False)


# ------------------------------------------------------------------ patch helpers


_REFERENCE_RENDER: dict = {}  # id(module) -> its render_template before any change


def after_render(module, change):
    """Every page `module` renders, passed through `change(name, html, context)`, which returns
    the page to send."""
    original = module.render_template
    _REFERENCE_RENDER.setdefault(id(module), original)

    def render(name, **context):
        return change(name, original(name, **context), context)

    module.render_template = render


def on_app(hook):
    """`hook(app)` on the app once created (a request hook, a view replaced)."""
    original = app_main.create_app

    def create(config):
        app = original(config)
        hook(app)
        return app

    app_main.create_app = create


def rewrite(module, template: str, old: str, new: str):
    """The page `template`, as `module` renders it, with `old` replaced by `new`."""
    def change(name, html, _context):
        if name == template:
            assert old in html, f"mutant: {old!r} is not in {template}"
            html = html.replace(old, new)
        return html

    after_render(module, change)


def rewrite_pattern(module, template: str, pattern: str, replacement, always: bool = True):
    """The page `template`, as `module` renders it, with what matches `pattern` replaced by
    `replacement` (a string, or a function of the match, called as the page is rendered).
    `always`: every rendering of the reference's page has what `pattern` matches, asserted (a
    pattern that matched nothing left the page as the reference's: the variant passed without its
    design ever being tried, or its fault, and none said so); in a combination, another change
    made before may have taken it away (a login refused on a page of its own has no label to
    hint). False for what only some renderings show (an error, an hour before ten)."""
    def change(name, html, context):
        if name != template:
            return html
        html, found = re.subn(pattern, replacement, html)
        if not found and always:  # unless another change of a combination took it away before
            reference = _REFERENCE_RENDER[id(module)](name, **context)
            assert re.search(pattern, reference), \
                f"mutant: {pattern!r} ne trouve rien dans {template}"
        return html

    after_render(module, change)


def password_rule(change):
    """Wraps the password check: `change(password, errors)` returns the errors to keep."""
    original = reset.password_errors

    def check(password, confirmation, nir13, born):
        return change(password, original(password, confirmation, nir13, born))

    reset.password_errors = check


def drop_reason(fragment: str, when=lambda password: True):
    def change(password, errors):
        if when(password) and "password" in errors:
            errors["password"] = [r for r in errors["password"] if fragment not in r]
            if not errors["password"]:
                del errors["password"]
        return errors

    password_rule(change)


def add_reason(reason: str, when):
    def change(password, errors):
        if when(password):
            errors.setdefault("password", []).append(reason)
        return errors

    password_rule(change)


# ------------------------------------------------------------------ the patches


def form_forgets_values():
    original = reset.render_template

    def render(name, **context):
        if name == "reset/request.html" and context.get("errors"):
            context["values"] = {}
        return original(name, **context)

    reset.render_template = render


def broken_image():
    class Broken:
        def generate(self, chars, format="png"):
            return io.BytesIO(b"\x89PNG\r\n\x1a\n not an image")

    captcha._image = Broken()


def silent_audio():
    class Silent:
        def generate(self, chars):
            return bytearray(b"RIFF\x00\x00\x00\x00WAVEnot sound at all")

    captcha._audio = Silent()


def arrow_keeps_series():
    from flask import request, session

    original = captcha.issue

    def issue():
        if request.method == "POST" and request.form.get("action") == "nouveau" \
                and captcha.current() is not None:
            return session["captcha_id"]
        return original()

    captcha.issue = issue


def no_second_try():
    from flask import session

    original = captcha.check

    def check(typed):
        result = original(typed)
        if session.get("mutant_failed_once"):
            return result or "Les caractères saisis ne correspondent pas à l'image."
        if result:
            session["mutant_failed_once"] = True
        return result

    captcha.check = check


def domain_shown():
    reset.mask_email = lambda address: address[:1] + "***@" + address.partition("@")[2]


def unvalidated_gets_mail():
    reset.can_receive_mail = lambda account: bool(account["email"])


def other_subject():
    mail.send_reset_link = lambda to, link: mail._send(
        to, "Renouvellement de votre mot de passe", "reset", link=link
    )


def older_links_live():
    reset.supersede_links = lambda db, account_id: None


def used_link_lives():
    original = reset.supersede_links

    def supersede(db, account_id):
        original(db, account_id)
        db.execute("UPDATE reset_token SET used_at = NULL WHERE account_id = ?", (account_id,))

    reset.supersede_links = supersede


def utf8_length():
    def change(password, errors):
        reasons = [r for r in errors.get("password", []) if "entre 8 et 50" not in r]
        if not 8 <= len(password.encode("utf-8")) <= 50:
            reasons.append("Le mot de passe doit comporter entre 8 et 50 caractères.")
        if reasons:
            errors["password"] = reasons
        else:
            errors.pop("password", None)
        return errors

    password_rule(change)


def digit_does_not_count():
    add_reason(
        "Le mot de passe doit contenir un caractère spécial.",
        when=lambda pw: not any(c in "?!$€@&+_=*%/<>,.:;" for c in pw),
    )


def confirmation_ignored():
    original = reset.password_errors

    def check(password, confirmation, nir13, born):
        errors = original(password, password, nir13, born)
        return errors

    reset.password_errors = check


def utc_in_notification():
    original = mail.send_password_changed

    def send(to, changed_at):
        local = datetime.strptime(changed_at, "%d/%m/%Y à %Hh%M").replace(tzinfo=PARIS)
        shown = local.astimezone(timezone.utc).strftime("%d/%m/%Y à %Hh%M")
        original(to, shown)

    mail.send_password_changed = send


def new_password_not_saved():
    from werkzeug.security import generate_password_hash

    reset.generate_password_hash = lambda password, **how: generate_password_hash(
        password + "x", **how)


MUTANTS = {
    "accueil-sans-creation": Mutant(
        "E0-ACCES", "« Créez votre compte » devient « Inscription »",
        patch=lambda: rewrite(auth, "auth/home.html", ">Créez votre compte</a>", ">Inscription</a>")),
    "connexion-sans-premiere-visite": Mutant(
        "E1-CONNEXION", "« Première visite ? » disparaît",
        patch=lambda: rewrite(auth, "auth/login.html", "Première visite ?", "Nouveau ici")),
    "formulaire-oublie-la-saisie": Mutant(
        "E2-FORMULAIRE", "après une erreur, le formulaire revient vide",
        patch=form_forgets_values),
    "image-illisible": Mutant("E2-CAPTCHA-IMAGE", "l'image n'est pas une image",
                              patch=broken_image),
    "son-illisible": Mutant("E2-CAPTCHA-AUDIO", "l'extrait sonore n'est pas du son",
                            patch=silent_audio),
    "fleche-sans-effet": Mutant("E2-CAPTCHA-NOUVEAU", "la flèche garde la même série",
                                patch=arrow_keeps_series),
    "pas-de-second-essai": Mutant("E2-CAPTCHA-ERREUR", "après une erreur, tout essai échoue",
                                  patch=no_second_try),
    "captcha-10-minutes": Mutant("E2-CAPTCHA-5MIN", "le CAPTCHA vaut 10 minutes",
                                 settings=("CAPTCHA_LIFETIME=600",)),
    "adresse-domaine-visible": Mutant("E3-ENVOI", "le domaine de l'adresse est affiché",
                                      selection=("-k", "masquée_comme_dans_le_guide and thomas"),
                                      patch=domain_shown),
    "adresse-non-validee-servie": Mutant(
        "E3BIS-1-SANS-MAIL", "une adresse non validée reçoit le mail", patch=unvalidated_gets_mail),
    "quatre-demandes": Mutant("E3BIS-2-BLOCAGE", "4 demandes par heure au lieu de 3",
                              selection=("-k", "maximum_de_demandes and hiver"),
                              settings=("RESET_REQUEST_LIMIT=4",)),
    "autre-objet": Mutant("E4-MAIL", "l'objet du mail n'est pas celui du guide",
                          patch=other_subject),
    "lien-60-minutes": Mutant("E4-LIEN-30MIN", "le lien vaut 60 minutes",
                              settings=("RESET_LINK_LIFETIME=3600",)),
    "anciens-liens-valables": Mutant("E4-DERNIER-LIEN", "les anciens liens restent valables",
                                     patch=older_links_live),
    "lien-reutilisable": Mutant("E4-USAGE-UNIQUE", "un lien utilisé reste valable",
                                patch=used_link_lives),
    "regle-manquante": Mutant(
        "E5-FORMULAIRE", "la règle des caractères autorisés n'est pas rappelée",
        patch=lambda: rewrite(reset, "reset/new_password.html",
                              "<li>Ne contenir que des caractères autorisés</li>", "")),
    "longueur-en-octets": Mutant("E5-LONGUEUR", "la longueur est comptée en octets UTF-8",
                                 selection=("-k", "entre_8_et_50"), patch=utf8_length),
    "casse-ignoree": Mutant("E5-CASSE", "majuscules et minuscules ne sont plus exigées",
                            patch=lambda: drop_reason("minuscules et majuscules")),
    "chiffre-ne-compte-pas": Mutant(
        "E5-CHIFFRE-OU-SPECIAL", "un chiffre ne suffit plus, il faut un caractère spécial",
        selection=("-k", "suffit"), patch=digit_does_not_count),
    "diese-autorise": Mutant(
        "E5-CARACTERES-AUTORISES", "« # » est accepté",
        patch=lambda: drop_reason("non autorisés", when=lambda pw: set(pw) - set(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?!$€@&+_=*%/<>,.:;"
        ) == {"#"})),
    "nir-et-date-acceptes": Mutant(
        "E5-SANS-NIR-NI-DATE", "le NIR et la date de naissance sont acceptés",
        patch=lambda: drop_reason("numéro de sécurité sociale")),
    "confirmation-ignoree": Mutant("E5-CONFIRMATION", "la confirmation n'est pas comparée",
                                   patch=confirmation_ignored),
    "confirmation-muette": Mutant(
        "E6-CONFIRMATION", "la page finale ne dit pas que le mot de passe est enregistré",
        patch=lambda: rewrite(reset, "reset/done.html",
                              "Votre nouveau mot de passe a bien été enregistré.",
                              "Opération terminée.")),
    "notification-en-utc": Mutant("E6-MAIL-NOTIFICATION", "l'heure du mail est l'heure UTC",
                                  patch=utc_in_notification),
    "mot-de-passe-non-enregistre": Mutant(
        "E6-CONNEXION", "le nouveau mot de passe n'est pas celui enregistré",
        patch=new_password_not_saved),
    "connexion-jamais-bloquee": Mutant("CONNEXION-BLOCAGE", "1000 essais avant blocage",
                                       settings=("LOGIN_FAILURE_LIMIT=1000",)),
}


# ------------------------------------------------------------------ the security profile


def link_from_host_header():
    """The link's host taken from the request (Host header), as `url_for(_external=True)` does."""
    from flask import request

    def hook(app):
        @app.before_request
        def _base_from_host():
            app.config["PUBLIC_BASE_URL"] = request.host_url.rstrip("/")

    on_app(hook)


def predictable_token():
    import itertools

    from ameli_conformance.reference_app import clock

    counter = itertools.count(1)

    class Predictable:
        @staticmethod
        def token_urlsafe(_n=None):
            return f"{int(clock.timestamp())}-{next(counter)}"

    reset.secrets = Predictable


def cross_site_accepted():
    from ameli_conformance.reference_app import security

    security._cross_site = lambda: False


SECURITY_MUTANTS = {
    "lien-depuis-en-tete-host": Mutant("SEC-HOTE-LIEN", "le lien est construit depuis l'en-tête Host",
                                       patch=link_from_host_header),
    "jeton-previsible": Mutant("SEC-JETON-ENTROPIE", "le jeton est l'heure suivie d'un compteur",
                               patch=predictable_token),
    "envoi-d-un-autre-site": Mutant("SEC-CSRF", "un envoi venu d'un autre site est accepté",
                                    patch=cross_site_accepted),
}


# ------------------------------------------------------------------ faults (not rules)


def home_hangs():
    """The account home never answers (the request waits for ever): a page that hangs."""
    import threading

    from ameli_conformance.reference_app import auth

    original = auth.render_template

    def render(name, **context):
        if name == "auth/home.html":
            threading.Event().wait()
        return original(name, **context)

    auth.render_template = render


def mail_to_the_stored_address():
    """Another address typed for a known person, or an address never validated: the page the
    guide asks for (the same as a success; « L'envoi d'un mail … n'est pas possible »), but a
    link still goes to the address the account holds. With `mail-differe`, the unwanted mail
    comes 1.5 s after the page."""
    original = reset._handle_request

    def handle(nir13, birth_date, email):
        from ameli_conformance.reference_app.db import get_db

        account = get_db().execute("SELECT * FROM account WHERE nir13 = ? AND birth_date = ?",
                                   (nir13, birth_date)).fetchone()
        answer = original(nir13, birth_date, email)
        if account is not None and account["email"] and (
                account["email"].lower() != email.lower() or not account["email_validated"]):
            mail.send_reset_link(account["email"], "http://lien-envoye-quand-meme.invalid/")
        return answer

    reset._handle_request = handle


def login_cuts_at_32():
    """The login compares the first 32 characters only (a column, a field or a library that
    cuts): a 50-character password is confirmed at step 5, then never opens the account."""
    original = auth.check_password_hash
    auth.check_password_hash = lambda stored, password: original(stored, password[:32])


def hashed_as(seen):
    """Step 5 and the login alike hash `seen(password)`, not the password typed: every password
    that `seen` makes the same opens the account."""
    from werkzeug.security import generate_password_hash

    original = auth.check_password_hash
    reset.generate_password_hash = lambda password, **how: generate_password_hash(
        seen(password), **how)
    auth.check_password_hash = lambda stored, password: original(stored, seen(password))


def bcrypt_cuts_at_72_bytes():
    """The passwords are hashed as bcrypt hashes them: their first 72 bytes in UTF-8, the rest
    ignored. A 50-character password opens the account; so does any password with the same
    first 72 bytes (30 « € » are 90 bytes)."""
    hashed_as(lambda password: password.encode()[:72].decode(errors="ignore"))


def euro_lost_in_latin_1():
    """The passwords are encoded in Latin-1 before they are hashed (a legacy column or
    library), « € » replaced by « ? », which Latin-1 lacks: « Ab€… » and « Ab?… » are one."""
    hashed_as(lambda password: password.encode("latin-1", "replace").decode("latin-1"))


def login_ignores_case():
    """The login folds the case (an e-mail-like comparison): step 5 records the password in
    lower case, the login compares in lower case. Every rule of step 5 holds; « aBc… » opens
    the account of « AbC… »."""
    from werkzeug.security import generate_password_hash

    original = auth.check_password_hash
    reset.generate_password_hash = lambda password, **how: generate_password_hash(
        password.lower(), **how)
    auth.check_password_hash = lambda stored, password: (original(stored, password)
                                                         or original(stored, password.lower()))


# Another scope: the accounts of an address, for the account. In a household that shares an
# address, what one person does reaches the other's account.
OF_THE_ADDRESS = "(SELECT id FROM account WHERE email = (SELECT email FROM account WHERE id = ?))"


def sql_rewritten(module, change):
    """Every statement `module` runs in a transaction passes through `change(sql)` first."""
    from contextlib import contextmanager

    original = module.transaction

    class Rewritten:
        def __init__(self, db):
            self.db = db

        def execute(self, sql, params=()):
            return self.db.execute(change(sql), params)

        def __getattr__(self, name):
            return getattr(self.db, name)

    @contextmanager
    def transaction():
        with original() as db:
            yield Rewritten(db)

    module.transaction = transaction


def password_set_by_address():
    """The new password is written to the accounts of the link's address, not to the link's
    account (`WHERE email = ?`, the token's row carrying the address): in a household that
    shares an address, one person's change changes the other's password too."""
    sql_rewritten(reset, lambda sql: sql.replace("WHERE id = ?", f"WHERE id IN {OF_THE_ADDRESS}")
                  if sql.lstrip().startswith("UPDATE account SET password_hash") else sql)


def plus_lost_on_the_way():
    """The new password's form is sent as a body written by hand, without encoding: « + »
    arrives as a space. The page confirms; the password recorded is not the one typed."""
    from werkzeug.security import generate_password_hash

    reset.generate_password_hash = lambda password, **how: generate_password_hash(
        password.replace("+", " "), **how)


def recorded_before_checked():
    """The two typed passwords are compared, the password recorded, then its rules checked: a
    password refused for a rule is shown as refused, and is the account's password from then
    on (a confirmation that differs is refused before anything is recorded)."""
    original = reset.password_errors

    def check(password, confirmation, nir13, born):
        from werkzeug.security import generate_password_hash

        from ameli_conformance.reference_app.db import get_db

        if password != confirmation:
            return original(password, confirmation, nir13, born)
        db = get_db()
        db.execute("UPDATE account SET password_hash = ? WHERE nir13 = ?",
                   (generate_password_hash(password), nir13))
        db.commit()
        return original(password, confirmation, nir13, born)

    reset.password_errors = check


# The rules of the new password ticked as the person types, by a class and an icon drawn by CSS
# (no word changes), and the button held until the first four are met and both fields agree; the
# fifth (the NIR, the birth date) is checked when the form is sent, as the page cannot know them.
RULES_TICKED = """<style>.regles li.non::before { content: "✗ "; color: #b00; }
.regles li.oui::before { content: "✓ "; color: #080; }</style>
<script>
(() => {
  const specials = '?!$€@&+_=*%/<>,.:;';
  const rules = [
    p => [...p].length >= 8 && [...p].length <= 50,
    p => /[a-z]/.test(p) && /[A-Z]/.test(p),
    p => /[0-9]/.test(p) || [...p].some(c => specials.includes(c)),
    p => [...p].every(c => /[A-Za-z0-9]/.test(c) || specials.includes(c)),
  ];
  const lines = document.querySelectorAll('.regles li');
  const password = document.getElementById('password');
  const confirmation = document.getElementById('confirmation');
  const button = document.querySelector('form button[type=submit]');
  const note = document.createElement('p');
  confirmation.after(note);
  const check = () => {
    const p = password.value;
    let met = true;
    rules.forEach((rule, i) => { const ok = rule(p); lines[i].className = ok ? 'oui' : 'non'; met &&= ok; });
    const same = p === confirmation.value;
    note.textContent = !p || same ? '' : confirmation.value ? 'Les deux saisies ne sont pas identiques.'
      : 'Confirmez votre mot de passe.';
    button.disabled = !(met && same);
  };
  password.addEventListener('input', check);
  confirmation.addEventListener('input', check);
  check();
})();
</script>"""


def rules_ticked_as_typed():
    """The new password's rules ticked as the person types (a class, a CSS icon), the button held
    until they are met; the NIR and the birth date checked when the form is sent. Conformant: a
    password outside the rules cannot be sent, and its line says which rule."""
    rewrite(reset, "reset/new_password.html", "<ul>\n  <li>Comporter", '<ul class="regles">\n  <li>Comporter')
    rewrite(reset, "reset/new_password.html", "</form>", "</form>\n" + RULES_TICKED)


def rules_ticked_on_leaving():
    """As `regles-cochees-a-la-frappe`, the rules checked when the person leaves a field
    (Angular's `updateOn: 'blur'`, react-hook-form's `mode: 'onBlur'`): the button is let go once
    the confirmation is left, not as it is typed. Conformant, as the form checked at each key."""
    rules_ticked_as_typed()
    for field in ("password", "confirmation"):
        rewrite(reset, "reset/new_password.html", f"{field}.addEventListener('input', check);",
                f"{field}.addEventListener('change', check);")


def rules_ticked_askew():
    """As `regles-cochees-a-la-frappe`, each rule's state shown on the next rule's line: the
    button is held when it should be, but the line that says why is another rule's."""
    rules_ticked_as_typed()
    rewrite(reset, "reset/new_password.html", "lines[i].className", "lines[(i + 1) % 4].className")


# The request form held until each field looks right (Angular's `[disabled]="form.invalid"`),
# a field's message shown once the person has left it (and the server's message of the last
# sending removed as the field is typed in); what only the server knows (the NIR's key, a date
# that does not exist, the copy of the characters) is checked when the form is sent.
REQUEST_HELD = """<script>
(() => {
  const rules = {
    nir: [v => /^[0-9AB]{13}([0-9]{2})?$/i.test(v.replace(/\\s/g, '')),
          'Saisissez les 13 chiffres de votre numéro, et sa clé.'],
    birth_date: [v => /^\\d{2}\\/\\d{2}\\/\\d{4}$/.test(v.trim()), 'Saisissez une date au format jj/mm/aaaa.'],
    email: [v => /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(v.trim()), 'Saisissez une adresse mail valide.'],
    captcha: [v => v.trim() !== '', 'Recopiez les caractères de l\\'image.'],
  };
  const button = document.querySelector('button[value=envoyer]');
  const check = () => {
    let right = true;
    for (const [name, [rule, said]] of Object.entries(rules)) {
      const field = document.getElementById(name);
      const ok = rule(field.value);
      right &&= ok;
      let note = document.getElementById(name + '-direct');
      if (!note) { note = document.createElement('p'); note.id = name + '-direct'; field.after(note); }
      note.textContent = field.dataset.touched && !ok ? (field.value ? said : 'Ce champ est obligatoire.') : '';
    }
    button.disabled = !right;
  };
  for (const name of Object.keys(rules)) {
    const field = document.getElementById(name);
    field.addEventListener('input', () => {  // the server's message of the last sending goes
      document.getElementById(name + '-erreur')?.remove();
      field.removeAttribute('aria-describedby');
      check();
    });
    field.addEventListener('blur', () => { field.dataset.touched = '1'; check(); });
  }
  check();
})();
</script>"""


def request_form_held():
    """The request form's « Recevoir le mail » held until each field looks right, each field's
    message shown once the person has left it; the NIR's key, the date's existence and the
    copy checked by the server. Conformant: a missing or malformed field is signalled beside it,
    kept, and nothing is sent."""
    rewrite(reset, "reset/request.html", "</form>", "</form>\n" + REQUEST_HELD)


def request_form_held_silently():
    """As `demande-tenue-jusqu-a-la-saisie`, without a word: the button stays held, and the
    person is not told which field is wrong, nor why."""
    request_form_held()
    rewrite(reset, "reset/request.html", "note.textContent = field.dataset.touched",
            "note.textContent = false")



# The NIR's fields letting only digits and spaces through at the keyboard (a key filter, as
# numeric fields often have): the « A » or « B » of a number of a person born in Corsica cannot
# be typed, though the server takes it.
DIGITS_ONLY = """<script>
document.querySelectorAll('#nir').forEach(field => field.addEventListener('keydown', e => {
  if (e.key.length === 1 && !/[0-9 ]/.test(e.key) && !e.ctrlKey && !e.metaKey) e.preventDefault();
}));
</script>"""


def nir_in_digits_at_the_keyboard():
    """The login's and the request form's NIR let only digits and spaces through at the keyboard
    (DIGITS_ONLY)."""
    for module, page in ((auth, "auth/login.html"), (reset, "reset/request.html")):
        rewrite(module, page, "</form>", "</form>" + DIGITS_ONLY)


# The new password's fields keeping « < » and « > » out at the keyboard (a filter « against
# injections »): the guide allows both, and the server takes them.
NO_ANGLE_BRACKETS = """<script>
document.querySelectorAll('input[type=password]').forEach(field => field.addEventListener(
  'keydown', e => { if (e.key === '<' || e.key === '>') e.preventDefault(); }));
</script>"""


def angle_brackets_kept_out_at_the_keyboard():
    """The new password's fields keep « < » and « > » out at the keyboard (NO_ANGLE_BRACKETS)."""
    rewrite(reset, "reset/new_password.html", "</form>", "</form>" + NO_ANGLE_BRACKETS)

FAULTS = {
    "chevrons-refuses-au-clavier": Mutant(
        "E5-CHIFFRE-OU-SPECIAL", "les champs du nouveau mot de passe ne prennent pas « < » ni "
        "« > » au clavier : le guide les permet", selection=("-m", "E5-CHIFFRE-OU-SPECIAL", "-k",
                                                             "suffit"),
        patch=angle_brackets_kept_out_at_the_keyboard),
    "numero-en-chiffres-au-clavier": Mutant(
        "E3-ENVOI", "le numéro ne prend que des chiffres au clavier : un assuré né en Corse ne "
        "peut pas taper le « A » ou le « B » de son numéro", selection=("-m", "E3-ENVOI", "-k",
                                                                      "Corse"),
        patch=nir_in_digits_at_the_keyboard),
    "enregistre-avant-de-verifier": Mutant(
        "E5-CASSE", "le mot de passe est enregistré avant d'être vérifié : refusé à l'écran, "
        "il est pourtant celui du compte", selection=("-k", "sans_majuscule"),
        patch=recorded_before_checked),
    "connexion-coupee-a-32": Mutant(
        "E5-LONGUEUR", "la connexion ne compare que les 32 premiers caractères",
        selection=("-k", "entre_8_et_50"), patch=login_cuts_at_32),
    "bcrypt-72-octets": Mutant(
        "E6-CONNEXION", "seuls les 72 premiers octets du mot de passe comptent (bcrypt)",
        selection=("-k", "exact"), patch=bcrypt_cuts_at_72_bytes),
    "euro-en-latin-1": Mutant(
        "E6-CONNEXION", "le mot de passe est encodé en Latin-1 : « € » y devient « ? »",
        selection=("-k", "confondu"), patch=euro_lost_in_latin_1),
    "connexion-sans-casse": Mutant(
        "E6-CONNEXION", "la connexion ignore la casse du mot de passe",
        selection=("-k", "exact"), patch=login_ignores_case),
    "mot-de-passe-par-adresse": Mutant(
        "E6-CONNEXION", "le nouveau mot de passe est écrit sur les comptes de l'adresse du lien, "
        "pas sur le compte du lien", selection=("-k", "partagent"), patch=password_set_by_address),
    "plus-perdu-en-route": Mutant(
        "E5-CHIFFRE-OU-SPECIAL", "« + » devient une espace entre le formulaire et l'enregistrement",
        selection=("-k", "suffit"), patch=plus_lost_on_the_way),
    "regles-cochees-de-travers": Mutant(
        "E5-CASSE", "les règles cochées à la frappe, l'état de chacune sur la ligne de la suivante",
        selection=("-k", "sans_majuscule or confirmation_différente"), patch=rules_ticked_askew),
    "regles-cochees-en-texte-de-travers": Mutant(
        "E5-CASSE", "les règles marquées « ✓ » ou « ✗ » au renvoi du formulaire, l'état de chacune "
        "sur la ligne de la suivante", selection=("-k", "sans_majuscule"),
        patch=lambda: rules_marked_on_refusal(shift=1, glyph=True)),
    "regles-marquees-de-travers": Mutant(
        "E5-CASSE", "les règles marquées au renvoi du formulaire, l'état de chacune sur la ligne "
        "de la suivante", selection=("-k", "sans_majuscule"),
        patch=lambda: rules_marked_on_refusal(shift=1)),
    "demande-tenue-sans-un-mot": Mutant(
        "E2-FORMULAIRE", "« Recevoir le mail » désactivé tant qu'un champ semble faux, sans dire "
        "lequel ni pourquoi", selection=("-k", "signalée or copie_erronée_est_refusée"),
        patch=request_form_held_silently),
    "accueil-sans-reponse": Mutant("", "l'accueil ne répond jamais", patch=home_hangs),
    "mail-a-l-adresse-du-compte": Mutant(
        "E3-ENVOI", "autre adresse saisie, ou adresse non validée : la bonne page, mais le lien "
        "part quand même à l'adresse du compte",
        patch=mail_to_the_stored_address),
}


def error_not_announced():
    """The request form's errors are shown beside their fields as before, but tied to nothing:
    no aria-describedby, no aria-invalid, and the summary is no alert. A sighted person sees
    them; a screen reader user hears nothing."""
    def change(name, html, _context):
        if name == "reset/request.html":
            html = re.sub(r' aria-invalid="true" aria-describedby="[^"]+"', "", html)
            html = html.replace(' role="alert"', "")
        return html

    after_render(reset, change)


def focus_hidden():
    """Every page's style sheet ends with `:focus { outline: none }` (a reset copied from a CSS
    framework): a field with the focus looks like the others (RGAA 10.7)."""
    hide = ("<style>*:focus, *:focus-visible { outline: none !important; "
            "box-shadow: none !important; }</style></head>")
    for module in (auth, reset):
        after_render(module, lambda _name, html, _context: html.replace("</head>", hide))


# The accessibility profile (`--suite accessibilite`): each caught on its identifier.
ACCESSIBILITY_MUTANTS = {
    "champ-sans-etiquette": Mutant(
        "ACC-ECRANS", "le champ du CAPTCHA n'est plus relié à son étiquette (RGAA 11.1)",
        patch=lambda: rewrite(reset, "reset/request.html", '<label for="captcha">', "<label>")),
    "focus-invisible": Mutant(
        "ACC-CLAVIER", "le focus ne se voit pas : *:focus { outline: none } (RGAA 10.7)",
        patch=focus_hidden),
    "erreur-non-annoncee": Mutant(
        "ACC-ERREURS", "les erreurs sont affichées, mais reliées à aucun champ et annoncées par "
        "rien (RGAA 11.10 ; 7.5 quand un script les affiche dans la page)",
        patch=error_not_announced),
}


# ------------------------------------------------------------------ conformant variants


SESSION_EXPIRED = ("<!doctype html><html lang='fr'><head><title>Session expirée</title></head>"
                   "<body><h1>Session expirée</h1><p role='alert'>Votre session a expiré. "
                   "Recommencez depuis <a href='/connexion'>la page de connexion</a>.</p>"
                   "</body></html>")


def bound_to_the_way(method: str):
    """The login page marks the session (`session["parcours"]`, in the cookie the request form
    also uses for its CAPTCHA); without the mark, the request form says the session expired:
    when it is shown (`GET`: reached by its address in a new browser), or when it is sent
    (`POST`: served to anyone, its submission refused). Conformant: a person always comes from
    the login page. With POST, the cookie's name is the same with or without the mark: only the
    way shows whether it is there."""
    from flask import request, session

    def hook(app):
        @app.before_request
        def _bound_to_the_way():
            path = request.path.rstrip("/")
            if request.method == "GET" and path == "/connexion":
                session["parcours"] = True
            elif request.method == method and path == "/mot-de-passe-oublie" \
                    and not session.get("parcours"):
                return SESSION_EXPIRED

    on_app(hook)


def token_kept_in_the_session():
    """Django's way (PasswordResetConfirmView): the mail's link, opened, puts its token in the
    session and sends the browser on to an address without it (« …/renouveler/saisie »), so that
    the token never reaches a Referer or the history; the form there works with the session's
    token. Conformant: the link opened is what is used, once, within its 30 minutes."""
    from flask import redirect, request, session

    prefix, fixed = "/mot-de-passe-oublie/renouveler/", "saisie"

    def hook(app):
        @app.before_request
        def _token_in_the_session():
            if not request.path.startswith(prefix) or request.view_args is None:
                return None
            token = request.path[len(prefix):]
            if token == fixed:
                request.view_args["token"] = session.get("jeton_de_renouvellement", "")
            elif request.method == "GET" and reset._valid_token(token) is not None:
                session["jeton_de_renouvellement"] = token
                return redirect(prefix + fixed)
            return None

    on_app(hook)


def form_sent_elsewhere():
    """Devise's way: the link's page carries its token in a hidden field of a form sent to one
    address for all (« …/nouveau-mot-de-passe »); a refusal is written in the answer to that
    address, the token kept in its hidden field. Conformant: the page of the link has no address
    of its own once a password is refused."""
    from html import escape

    from flask import request

    fixed = "/mot-de-passe-oublie/nouveau-mot-de-passe"

    def form(_match):
        token = (request.form.get("jeton", "") if request.path == fixed
                 else (request.view_args or {}).get("token", ""))
        return (f'<form method="post" action="{fixed}" novalidate>'
                f'<input type="hidden" name="jeton" value="{escape(token)}">')

    rewrite_pattern(reset, "reset/new_password.html", r'<form method="post" novalidate>', form)

    def hook(app):
        @app.before_request
        def _sent_elsewhere():
            if request.method == "POST" and request.path == fixed:
                return reset.new_password(request.form.get("jeton", ""))
            return None

    on_app(hook)


def image_written_into_the_page():
    """The series' picture written into the form's page (« data:image/png;base64,… »), as many
    CAPTCHA libraries give it, with no address of its own. Conformant: the picture is the
    series'."""
    import base64

    def inline(_match):
        row = captcha.current()
        data = captcha._image.generate(row["answer"], format="png").getvalue()
        return 'src="data:image/png;base64,' + base64.b64encode(data).decode("ascii") + '"'

    rewrite_pattern(reset, "reset/request.html", r'src="[^"]*captcha/image[^"]*"', inline)


def confirmed_on_the_login_page():
    """The recorded password sends the person on to the login page, which says it in a banner
    above the form (a « flash » message, once), as many sites confirm a change. Conformant: the
    page confirms the new password, and the person logs in with it there."""
    from flask import redirect, request, session

    def banner(name, html, _context):
        if name == "auth/login.html" and session.pop("mot_de_passe_enregistre", False):
            html = html.replace("</h1>", "</h1>\n<p class=\"succes\" role=\"status\">Votre "
                                "nouveau mot de passe a bien été enregistré. Connectez-vous avec "
                                "ce nouveau mot de passe.</p>", 1)
        return html

    after_render(auth, banner)

    def hook(app):
        @app.before_request
        def _to_the_login_page():
            if request.method == "GET" and request.path == "/mot-de-passe-oublie/confirmation":
                session["mot_de_passe_enregistre"] = True
                return redirect("/connexion")
            return None

    on_app(hook)


def path_bound_to_a_cookie():
    """The request form is served to anyone, but its submission is accepted only from a browser
    that went through the login page, which leaves a cookie of its own (as flows bound to a
    session do); otherwise the page says the session expired. Conformant: a person always comes
    from the login page. A harness that trusted the form's address would find a false fault."""
    from flask import request

    def hook(app):
        @app.after_request
        def _mark_the_way(response):
            if request.method == "GET" and request.path.rstrip("/") == "/connexion":
                response.set_cookie("parcours", "connexion", httponly=True, samesite="Lax")
            return response

        @app.before_request
        def _checked_on_submission():
            if request.method == "POST" and request.path.rstrip("/") == "/mot-de-passe-oublie" \
                    and not request.cookies.get("parcours"):
                return SESSION_EXPIRED

    on_app(hook)


def constraints_of_the_browser(shortest: int = 8, longest: int = 50):
    """The forms let the browser check what it can (HTML constraint validation, as many teams
    write them): fields `required`, the mail field of type email, the new password between 8 and
    50 characters (`minlength`, `maxlength`: the 51st character cannot be typed). The browser
    refuses the submission with its own message beside the field, in the person's language.
    Conformant: a missing field is signalled beside it and nothing is sent; a password outside
    8 to 50 characters cannot be recorded."""
    form = '<form method="post" action="{action}" novalidate>'
    rewrite(reset, "reset/request.html", form.format(action="/mot-de-passe-oublie"),
            form.format(action="/mot-de-passe-oublie").replace(" novalidate", ""))
    rewrite(reset, "reset/new_password.html", '<form method="post" novalidate>',
            '<form method="post">')
    for name in ("password", "confirmation"):
        rewrite(reset, "reset/new_password.html", f'name="{name}" autocomplete="new-password" required',
                f'name="{name}" autocomplete="new-password" required minlength="{shortest}" '
                f'maxlength="{longest}"')
    rewrite(auth, "auth/login.html", '<form method="post" action="/connexion" novalidate>',
            '<form method="post" action="/connexion">')
    rewrite(auth, "auth/login.html", 'autocomplete="current-password">',
            'autocomplete="current-password" required>')


def date_control():
    """The birth date is a date control (`type="date"`): the browser shows day, month and year in
    the person's order and sends the date as 2000-12-31, which the service reads as well as
    31/12/2000. With `contraintes-du-navigateur` (the browser checks the form), an impossible
    date is refused by the browser and stays shown: conformant. Alone, in the reference's form
    that asks the browser not to check (`novalidate`), an impossible date is sent empty and the
    field comes back empty, the entry lost: NON CONFORME on E2-FORMULAIRE, rightly (measured
    2026-12-04 by `make variantes`, 3 of its 14 entries)."""
    rewrite(reset, "reset/request.html", 'type="text" id="birth_date"', 'type="date" id="birth_date"')
    original = reset.parse_birth_date

    def parse(value, today):
        iso = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})\s*", value or "")
        return original(f"{iso[3]}/{iso[2]}/{iso[1]}" if iso else value, today)

    reset.parse_birth_date = parse


DATE_IN_THREE_FIELDS = """<fieldset class="date" aria-labelledby="birth_date-legende{% if errors.get('birth_date') %} birth_date-erreur{% endif %}">
  <legend id="birth_date-legende">Date de naissance <span aria-hidden="true">*</span>
    <span class="indication" style="display:block">Par exemple : 14 07 1985</span></legend>
  {% set parts = (values.get('birth_date', '') ~ '//').split('/') %}
  <div><label for="birth_day">Jour</label>
    <input id="birth_day" name="birth_day" inputmode="numeric" maxlength="2" value="{{ parts[0] }}"></div>
  <div><label for="birth_month">Mois</label>
    <input id="birth_month" name="birth_month" inputmode="numeric" maxlength="2" value="{{ parts[1] }}"></div>
  <div><label for="birth_year">Année</label>
    <input id="birth_year" name="birth_year" inputmode="numeric" maxlength="4" value="{{ parts[2] }}"></div>
  {% if errors.get('birth_date') %}<p class="erreur" id="birth_date-erreur">{{ errors['birth_date'] }}</p>{% endif %}
</fieldset>"""


def date_in_three_fields():
    """The birth date asked in three fields, « Jour », « Mois », « Année », in a fieldset whose
    legend is « Date de naissance » with an example (the État's design system's date, DSFR), the
    error written inside it; the service joins them into jj/mm/aaaa. Conformant."""
    date_in_parts(DATE_IN_THREE_FIELDS)


def date_in_parts(fields: str, zeros: bool = False):
    """The form's birth date replaced by `fields` (a Jinja template of its parts, named
    birth_day, birth_month, birth_year), which the service joins into jj/mm/aaaa before reading
    it (`zeros`: a day or month of one digit given its zero)."""
    from flask import request
    from werkzeug.datastructures import ImmutableMultiDict

    def join_parts(app):
        @app.before_request
        def joined():
            if request.method == "POST" and "birth_year" in request.form:
                form = request.form.copy()
                parts = [form.pop(f"birth_{p}", "").strip() for p in ("day", "month", "year")]
                if zeros:
                    parts = [p.zfill(2) if p and i < 2 else p for i, p in enumerate(parts)]
                form["birth_date"] = "/".join(parts) if any(parts) else ""
                request.form = ImmutableMultiDict(form)

    def change(name, html, context):
        if name != "reset/request.html":
            return html
        from flask import render_template_string

        rendered = render_template_string(fields, **context)
        return re.sub(r'<label for="birth_date">.*?(?=\s*<label for="email">)',
                      lambda _: rendered, html, count=1, flags=re.S)

    on_app(join_parts)
    after_render(reset, change)


COOKIE_BANNER = """<div id="consentement" role="dialog" aria-modal="true" aria-labelledby="consentement-titre"
  style="position:fixed;inset:0;background:rgba(0,0,0,.55);display:flex;align-items:flex-end;z-index:1000">
  <div style="background:#fff;width:100%;padding:1.5em 2em">
    <h2 id="consentement-titre">Gestion des cookies</h2>
    <p>Ce site utilise des cookies de mesure d'audience et des cookies nécessaires à son
      fonctionnement. Vous pouvez accepter ou refuser les cookies facultatifs.</p>
    <button type="button" class="bouton" data-choix="oui">Tout accepter</button>
    <button type="button" class="bouton" data-choix="non">Tout refuser</button>
    <a href="#consentement">Personnaliser</a>
  </div>
</div>
<script>
document.querySelectorAll("#consentement [data-choix]").forEach(function (b) {
  b.addEventListener("click", function () {
    document.cookie = "consentement=" + b.dataset.choix + "; path=/; max-age=31536000";
    document.getElementById("consentement").remove();
  });
});
</script>"""


def until_consent(banner: str):
    """`banner` at the end of every page until the browser has the cookie of a choice."""
    from flask import request

    def change(name, html, _context):
        if "</body>" not in html or request.cookies.get("consentement"):
            return html
        return html.replace("</body>", banner + "\n</body>", 1)

    for module in (auth, reset):
        after_render(module, change)


def cookie_banner():
    """A consent banner over every page until the person chooses (a modal layer, as the
    consent managers of public sites show: « Tout accepter », « Tout refuser »), kept in a
    cookie of the browser. Conformant: the person chooses, then goes on."""
    until_consent(COOKIE_BANNER)


FRAMED_BANNER = """<div role="dialog" aria-modal="true" aria-labelledby="t"
  style="position:fixed;left:0;right:0;bottom:0;background:#fff;padding:1.5em 2em">
  <h2 id="t">Vos choix en matière de cookies</h2>
  <p>Nous utilisons des cookies pour mesurer l'audience de ce site. Vous pouvez les refuser.</p>
  <button type="button" data-choix="oui">Accepter</button>
  <button type="button" data-choix="non">Refuser</button>
</div>
<script>
document.querySelectorAll("[data-choix]").forEach(function (b) {
  b.addEventListener("click", function () {
    parent.document.cookie = "consentement=" + b.dataset.choix + "; path=/; max-age=31536000";
    parent.document.getElementById("consentement").remove();
  });
});
</script>"""


def cookie_banner_in_a_frame():
    """The consent banner drawn in an iframe laid over the whole page, as some consent managers
    serve it (their own document, here `srcdoc`), « Accepter » / « Refuser ». Conformant."""
    from html import escape

    until_consent('<iframe id="consentement" title="Gestion des cookies" srcdoc="'
                  + escape(FRAMED_BANNER, quote=True) + '" style="position:fixed;inset:0;'
                  'width:100%;height:100%;border:0;z-index:1000;background:rgba(0,0,0,.55)">'
                  '</iframe>')


DATE_IN_THREE_LISTS = """<fieldset class="date" aria-labelledby="birth_date-legende{% if errors.get('birth_date') %} birth_date-erreur{% endif %}">
  <legend id="birth_date-legende">Date de naissance <span aria-hidden="true">*</span></legend>
  {% set parts = (values.get('birth_date', '') ~ '//').split('/') %}
  {% set months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] %}
  <label for="birth_day">Jour</label>
  <select id="birth_day" name="birth_day"><option value="">--</option>
    {% for d in range(1, 32) %}<option value="{{ d }}"{% if parts[0]|int(0) == d %} selected{% endif %}>{{ d }}</option>{% endfor %}</select>
  <label for="birth_month">Mois</label>
  <select id="birth_month" name="birth_month"><option value="">--</option>
    {% for m in months %}<option value="{{ loop.index }}"{% if parts[1]|int(0) == loop.index %} selected{% endif %}>{{ m }}</option>{% endfor %}</select>
  <label for="birth_year">Année</label>
  <select id="birth_year" name="birth_year"><option value="">--</option>
    {% for y in range(2026, 1899, -1) %}<option{% if parts[2]|int(0) == y %} selected{% endif %}>{{ y }}</option>{% endfor %}</select>
  {% if errors.get('birth_date') %}<p class="erreur" id="birth_date-erreur">{{ errors['birth_date'] }}</p>{% endif %}
</fieldset>"""


def date_in_three_lists():
    """The birth date picked in three lists, « Jour » (1 to 31), « Mois » (janvier to
    décembre), « Année », under the legend « Date de naissance »: the service joins them into
    jj/mm/aaaa, zeros added. Conformant: a person picks the day, the month and the year."""
    date_in_parts(DATE_IN_THREE_LISTS, zeros=True)


def links_in_a_new_tab():
    """The account's home opens the login page in a new tab (`target="_blank"`, as a portal
    opens the site of the account), and so does the login page its « Mot de passe oublié ? ».
    Conformant: the person goes on in the tab that opened."""
    rewrite_pattern(auth, "auth/home.html", r'<a class="bouton" href="([^"]+)">Connectez-vous',
                    r'<a class="bouton" href="\1" target="_blank" rel="noopener">Connectez-vous')
    rewrite_pattern(auth, "auth/login.html", r'<a href="([^"]+)">Mot de passe oublié',
                    r'<a href="\1" target="_blank" rel="noopener">Mot de passe oublié')


def links_opened_by_a_script():
    """« Connectez-vous » and « Mot de passe oublié ? » open their page in a new tab by a script
    of the page (`window.open` in a click handler, as a portal's tag manager does), not by
    `target`. Conformant: the person goes on in the tab that opened."""
    opener = r'<a \1href="\2" onclick="event.preventDefault(); window.open(this.href)">\3'
    rewrite_pattern(auth, "auth/home.html", r'<a (class="bouton" )href="([^"]+)">(Connectez-vous)',
                    opener)
    rewrite_pattern(auth, "auth/login.html", r'<a ()href="([^"]+)">(Mot de passe oublié)', opener)


def mails_as_in_the_guide():
    """Every mail as the guide shows it: a « MON COMPTE AMELI » button at the top (to the
    account's home), and beside the text the app's box with its « App Store » and « Google
    Play » links; the text part gives each address, the account's first. Conformant: the link
    to follow is the « Renouveler mon mot de passe » button's."""
    from flask import url_for

    apps = ('<p>Téléchargez gratuitement l\'appli ameli depuis '
            '<a href="https://apps.apple.com/fr/app/ameli/id1001717214">l\'App Store</a> ou '
            '<a href="https://play.google.com/store/apps/details?id=fr.cnamts.it.activity">'
            'Google Play</a></p>')

    def change(name, html, _context):
        home = url_for("auth.home", _external=True)
        if name.endswith(".txt"):
            return (f"MON COMPTE AMELI : {home}\n\n{html}\n\nTéléchargez l'appli ameli : "
                    "https://apps.apple.com/fr/app/ameli/id1001717214 ou "
                    "https://play.google.com/store/apps/details?id=fr.cnamts.it.activity\n")
        top = f'<p style="text-align:right"><a href="{home}">MON COMPTE AMELI</a></p>'
        return re.sub(r"(<body[^>]*>)", lambda m: m[1] + top, html, count=1).replace(
            "<p>Téléchargez gratuitement l'appli ameli depuis l'App Store ou Google Play</p>",
            apps)

    after_render(mail, change)


def html_only_mails():
    """Every mail in HTML only, without a text part, as many mailers send them. Conformant: a
    reader of text is given the HTML as text, as Mailpit gives it (the link after its label)."""
    class HtmlOnly(mail.EmailMessage):
        def set_content(self, *args, **kwargs):
            if kwargs.get("subtype") == "html":
                super().set_content(*args, **kwargs)

        def add_alternative(self, content, subtype="plain", **kwargs):
            super().set_content(content, subtype=subtype, **kwargs)

    mail.EmailMessage = HtmlOnly


def mail_sent_later(delay: float = 1.5):
    """Every mail leaves `delay` seconds after the page has answered (a queue, a worker), as
    many services send them. Conformant: the mail comes, a little later."""
    import smtplib as real
    import threading
    import time as _time
    import types

    class Later:
        def __init__(self, host, port, timeout=None):
            self.where = (host, port, timeout)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def send_message(self, msg):
            host, port, timeout = self.where

            def send():
                _time.sleep(delay)  # the service's queue, not the harness's wait
                with real.SMTP(host, port, timeout=timeout) as smtp:
                    smtp.send_message(msg)

            threading.Thread(target=send, daemon=True).start()

    mail.smtplib = types.SimpleNamespace(SMTP=Later, SMTPException=real.SMTPException)


# The forms of `forms_sent_by_script`: the page stays, the answer's body replaces its body.
SUBMIT_BY_SCRIPT = """<script>
document.addEventListener('submit', async (event) => {
  const form = event.target;
  event.preventDefault();
  const data = new URLSearchParams(new FormData(form, event.submitter));
  const address = form.getAttribute('action') || location.href;  // form.action may be a field
  const answer = await fetch(address, {method: 'POST', body: data, credentials: 'same-origin'});
  const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
  document.title = page.title;
  document.body.replaceWith(page.body);
  history.pushState({}, '', answer.url);
  window.scrollTo(0, 0);
});
</script>"""


RENDERED_LATER = """<script>
document.addEventListener('submit', async (event) => {
  const form = event.target;
  event.preventDefault();
  const data = new URLSearchParams(new FormData(form, event.submitter));
  const address = form.getAttribute('action') || location.href;
  const waiting = document.createElement('p');
  waiting.textContent = 'Chargement…';
  form.after(waiting);
  const shown = new Promise(done => setTimeout(done, 700));  // the spinner stays 0.7 s at least
  const answer = await fetch(address, {method: 'POST', body: data, credentials: 'same-origin'});
  const text = await answer.text();
  await shown;
  const page = new DOMParser().parseFromString(text, 'text/html');
  document.title = page.title;
  document.body.replaceWith(page.body);
  history.pushState({}, '', answer.url);
});
</script>"""


def forms_rendered_later():
    """As `envoi-par-script`, with a spinner shown at once and kept 0.7 s at least (as many
    single-page apps do, so that it does not flicker): the answer replaces the page only then,
    well after the request ended. Conformant: a person waits a moment and sees the same pages."""
    forms_sent_by_script(RENDERED_LATER)


def forms_sent_by_script(script: str = SUBMIT_BY_SCRIPT):
    """Every form is sent by a script (fetch), and the answer replaces the page's body without
    loading a new page (as Turbo, htmx's boost or a single-page app do); the address follows
    (history.pushState). Conformant: a person sees the same pages."""
    from flask import request

    def hook(app):
        @app.after_request
        def _script(response):
            if response.mimetype == "text/html" and request.blueprint != "control":
                html = response.get_data(as_text=True)
                response.set_data(html.replace("</body>", script + "</body>", 1))
            return response

    on_app(hook)


def login_refused_on_its_own_page():
    """A login refused (a wrong password, a blocked account) shows its reason on a page of its
    own, without the form: « Réessayer » leads back to it, « Mot de passe oublié ? » to the
    request form. The guide says nothing of that page."""
    from markupsafe import escape

    def change(name, html, context):
        if name == "auth/login.html" and context.get("error"):
            return ('<!doctype html><html lang="fr"><head><meta charset="utf-8">'
                    "<title>Connexion impossible</title></head><body><main>"
                    "<h1>Connexion impossible</h1>"
                    f'<p role="alert">{escape(context["error"])}</p>'
                    '<p><a href="/connexion">Réessayer</a></p>'
                    '<p><a href="/mot-de-passe-oublie">Mot de passe oublié ?</a></p>'
                    "</main></body></html>")
        return html

    after_render(auth, change)


def logged_in_after_the_change():
    """As Devise does by default: a new password recorded opens the account (the session is
    logged in), and the login page, the request form and the link's page lead a logged-in
    person to the account.
    The security profile reports the first (SEC-PAS-DE-CONNEXION-AUTO); the guide says nothing
    of it."""
    from flask import redirect, request, session, url_for

    from .campagne import _db

    def hook(app):
        change, login = app.view_functions["reset.new_password"], app.view_functions["auth.login"]
        request_form = app.view_functions["reset.request_form"]

        def new_password(token):
            row = None
            if request.method == "POST":
                row = _db().execute("SELECT account_id FROM reset_token WHERE token_hash = ?",
                                    (reset._hash(token),)).fetchone()
            answer = change(token)
            if row is not None and getattr(answer, "status_code", None) == 302:
                version = _db().execute("SELECT session_version FROM account WHERE id = ?",
                                        (row["account_id"],)).fetchone()[0]
                session["account_id"], session["session_version"] = row["account_id"], version
            return answer

        def logged_in_login():
            if request.method == "GET" and session.get("account_id") is not None:
                return redirect(url_for("auth.account"))
            return login()

        def logged_in_link(token):  # Devise's require_no_authentication
            if session.get("account_id") is not None:
                return redirect(url_for("auth.account"))
            return new_password(token)

        def logged_in_request_form():  # the same, on the request form
            if session.get("account_id") is not None:
                return redirect(url_for("auth.account"))
            return request_form()

        app.view_functions["reset.new_password"] = logged_in_link
        app.view_functions["auth.login"] = logged_in_login
        app.view_functions["reset.request_form"] = logged_in_request_form

    on_app(hook)


def errors_around_wrapped_fields():
    """Each field wrapped alone in an element, as frameworks do, its error not tied to it by
    ARIA: on the request form, between its label and its wrapper; on the new password's, after
    the wrapper."""
    def change(name, html, _context):
        if name not in ("reset/request.html", "reset/new_password.html"):
            return html
        html = re.sub(r'\s*aria-describedby="[^"]*"', "", html)
        html = re.sub(r'(<input type="(?:text|email|password)"[^>]*>)',
                      r'<div class="saisie">\1</div>', html)
        if name == "reset/request.html":
            html = re.sub(r'(<div class="saisie"><input[^>]*></div>)\s*'
                          r'(<p class="erreur" id="[^"]+">.*?</p>)', r"\2\1", html,
                          flags=re.DOTALL)
        return html

    after_render(reset, change)


def captcha_error_announced_at_the_top(role: bool = True):
    """A wrong copy of the characters is said at the top of the form, in an alert, not beside
    the field (the guide asks for neither place); without `role`, in a banner written in the
    page, without the role alert (the DSFR's `fr-alert`)."""
    def change(name, html, context):
        if name == "reset/request.html" and (context.get("errors") or {}).get("captcha"):
            html = re.sub(r'<p class="erreur" id="captcha-erreur">.*?</p>', "", html,
                          flags=re.DOTALL)
            html = html.replace('aria-describedby="captcha-erreur"', "")
            html = html.replace("Le formulaire contient des erreurs. Corrigez les champs signalés.",
                                "Les caractères recopiés ne correspondent pas à ceux de l'image.")
            if not role:
                html = html.replace('<p class="alerte" role="alert">', '<p class="fr-alert">')
        return html

    after_render(reset, change)


def nir_without_its_key():
    """The login page and the request form take the 13 digits only, as seed 003 calls the
    login's « identifiant »: 15 characters are refused, « sans la clé »."""
    from ameli_conformance.reference_app.rules import InvalidInput, parse_nir

    def parse(value):
        if len(re.sub(r"\s+", "", value or "")) != 13:
            raise InvalidInput("Saisissez les 13 chiffres de votre numéro de sécurité sociale, "
                               "sans la clé.")
        return parse_nir(value)

    reset.parse_nir = auth.parse_nir = parse


def logo_before_the_image():
    """The request form opens with a logo, and the image of the characters has no text
    alternative (`alt=""`): the first image of the form is the logo, the same for everyone."""
    logo = ("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='40'"
            "%3E%3Crect width='40' height='40' fill='%23005ca9'/%3E%3C/svg%3E")
    rewrite(reset, "reset/request.html", 'alt="Caractères à recopier"', 'alt=""')
    rewrite(reset, "reset/request.html", "novalidate>",
            f'novalidate>\n<img src="{logo}" alt="Assurance Maladie" width="40" height="40">')


def password_refused_on_its_own_page():
    """A new password refused shows its reasons on a page of their own, without the form:
    « Réessayer » leads back to the link's form. The reasons of the password are announced (an
    alert); those of the confirmation are written in the page only."""
    from flask import request
    from markupsafe import escape

    def change(name, html, context):
        errors = context.get("errors")
        if name == "reset/new_password.html" and errors:
            said = {field: "".join(f"<p>{escape(r)}</p>" for r in errors.get(field, ()))
                    for field in ("password", "confirmation")}
            return ('<!doctype html><html lang="fr"><head><meta charset="utf-8">'
                    "<title>Mot de passe refusé</title></head><body><main>"
                    f'<h1>Mot de passe refusé</h1><div role="alert">{said["password"]}</div>'
                    f'<div>{said["confirmation"]}</div>'
                    f'<p><a href="{escape(request.path)}">Réessayer</a></p></main></body></html>')
        return html

    after_render(reset, change)


HINTS = {"nir": "Exemple : 1 85 05 78 006 084", "birth_date": "Exemple : 14/02/1985",
         "email": "Exemple : nom@domaine.fr", "captcha": "Sans espace",
         "password": "Entre 8 et 50 caractères", "confirmation": "Saisissez-le à nouveau"}


def hints_inside_labels():
    """As the État's design system (DSFR) writes them: each field's hint inside its label, on a
    line of its own (a block, no space before it), on the login page, the request form and the
    new password's."""
    def hinted(m):
        if m[2] not in HINTS:
            return m[0]
        return f'{m[1]}<span class="indication" style="display:block">{HINTS[m[2]]}</span></label>'

    for module, page in ((auth, "auth/login.html"), (reset, "reset/request.html"),
                         (reset, "reset/new_password.html")):
        rewrite_pattern(module, page, r'(<label for="(\w+)">.*?)</label>', hinted)


INPUT_MASKS = """<script>
(() => {
  const mask = (id, shape) => {
    const field = document.getElementById(id);
    if (field) field.addEventListener('input', () => { field.value = shape(field.value); });
  };
  mask('nir', (v) => {
    const kept = v.toUpperCase().replace(/[^0-9AB]/g, '').slice(0, 15);
    return [kept.slice(0, 1), kept.slice(1, 3), kept.slice(3, 5), kept.slice(5, 7),
            kept.slice(7, 10), kept.slice(10, 13), kept.slice(13)].filter(Boolean).join(' ');
  });
  mask('birth_date', (v) => {
    const d = v.replace(/[^0-9]/g, '').slice(0, 8);
    return [d.slice(0, 2), d.slice(2, 4), d.slice(4)].filter(Boolean).join('/');
  });
})();
</script>"""


def input_masks():
    """Input masks on the request form, as many sites have: the number grouped as it is typed
    (digits, A and B only), the date's slashes put in (digits only)."""
    rewrite(reset, "reset/request.html", "</form>", "</form>" + INPUT_MASKS)


def captcha_drawn_in_svg():
    """The characters drawn in an SVG written into the page, as Node's svg-captcha gives them
    (no `img`, no text alternative), and the arrow's icon an SVG too."""
    def drawn(_match):
        row = captcha.current()
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="220" height="80">'
                '<rect width="220" height="80" fill="#eee"/><text x="24" y="54" font-size="38" '
                'font-family="monospace" transform="rotate(-4 110 40)">'
                f'{row["answer"] if row else ""}</text></svg>')

    page = "reset/request.html"
    rewrite_pattern(reset, page, r'<img src="[^"]+" alt="[^"]*" width="220" height="80">', drawn)
    rewrite(reset, page, "&#x21bb;", '<svg width="16" height="16" aria-hidden="true">'
                                     '<path d="M2 8h12" stroke="black"/></svg>')


def clip_written_into_the_page():
    """The clip written into the page as data (an `audio` element, `data:` source), played by a
    microphone button's script: the browser fetches nothing when it plays."""
    import base64

    def played(m):
        row = captcha.current()
        clip = base64.b64encode(bytes(captcha._audio.generate(row["answer"]))).decode() \
            if row else ""
        return (f'<audio id="extrait" src="data:audio/wav;base64,{clip}"></audio><button '
                f'type="button" aria-label="{m[1]}" onclick="this.previousElementSibling.play()">'
                f'{m[2]}</button>')

    rewrite_pattern(reset, "reset/request.html",
                    r'<a href="[^"]*" aria-label="(Écouter[^"]*)" title="Écouter">(.*?)</a>',
                    played)


def clip_fetched_on_click():
    """The microphone a button whose script asks for the clip when clicked (`new Audio(…)` at
    an address of its own each time) and plays it: the page stays, and so does its series."""
    def button(m):
        return (f'<button type="button" aria-label="{m[2]}" title="Écouter" data-extrait="{m[1]}" '
                f'onclick="new Audio(this.dataset.extrait + \'?v=\' + Date.now()).play()">'
                f'{m[3]}</button>')

    rewrite_pattern(reset, "reset/request.html",
                    r'<a href="([^"?]*/audio)\?v=\d+" aria-label="(Écouter[^"]*)" title="Écouter">'
                    r'(.*?)</a>', button)


def clip_refreshed_by_the_arrow():
    """The page of the campaign's `son-d-avant-la-fleche` (an audio element loaded with the
    page, an arrow made by a script), whose arrow also gives the element the new series'
    address (`?v=…`): the browser fetches the new clip. Conformant."""
    from .campagne import clip_loaded_before_the_arrow

    clip_loaded_before_the_arrow(then="const clip = form.querySelector('audio'); clip.src = "
                                      "clip.src.split('?')[0] + '?v=' + Date.now();")


def hour_not_padded():
    """The block's end written with an hour before ten without its zero (« 2h32 »), as a
    script that does not pad the hour writes it."""
    rewrite_pattern(reset, "reset/blocked.html", r"(\d{2}/\d{2}/\d{4} - )0(\d)h", r"\1\2h",
                    always=False)  # an hour of ten or more has no zero to drop


def reworded_errors(words: dict[str, str]):
    """The request form's error messages (the reference's, rules.py and captcha.py) written in
    other words: `words` maps each message to its new text."""
    from markupsafe import escape

    shown = {str(escape(old)): str(escape(new)) for old, new in words.items()}
    rewrite_pattern(reset, "reset/request.html", "|".join(map(re.escape, shown)),
                    lambda m: shown[m[0]], always=False)  # shown after a refusal only


# The reference's messages of the request form, in the few words many French forms use.
TERSE_FRENCH = {
    "Veuillez saisir votre numéro de sécurité sociale.": "Champ requis",
    "Le numéro de sécurité sociale ne doit contenir que des chiffres.": "Numéro non valide",
    "Le numéro de sécurité sociale comporte 13 chiffres, ou 15 avec la clé.": "Numéro trop court",
    "La clé du numéro de sécurité sociale n'est pas valide.": "Clé erronée",
    "Veuillez saisir votre date de naissance.": "Champ requis",
    "La date de naissance doit être au format jj/mm/aaaa.": "Format incorrect",
    "Cette date de naissance n'existe pas.": "Date inexistante",
    "La date de naissance ne peut pas être dans le futur.": "Date erronée",
    "Veuillez saisir l'adresse mail associée à votre compte ameli.": "Requis",
    "L'adresse mail n'est pas valide (exemple : nom@domaine.fr).": "Adresse mail non valide",
    "Les caractères saisis ne correspondent pas à l'image. Veuillez recommencer.": "Code erroné",
}


def pages_without_redirection():
    """Each form's answer written in the answer to its POST (status 200, the form's address kept),
    without a redirection to a page of its own (no Post/Redirect/Get), as many simple servers
    answer: the page « envoyé », the block, the confirmation, the opened account."""
    from urllib.parse import urlsplit

    from flask import request


    def hook(app):
        @app.after_request
        def _in_place(response):
            if request.method != "POST" or response.status_code not in (302, 303):
                return response
            try:
                endpoint, args = app.url_map.bind("localhost").match(
                    urlsplit(response.location).path, method="GET")
            except Exception:  # another site, or no page of this app
                return response
            return app.make_response(app.view_functions[endpoint](**args))

    on_app(hook)


def icons_named_otherwise():
    """The arrow named « Générer un nouveau code », the microphone « Lire le code à voix haute »,
    and a link « Nouveautés » in the page's header, before the form."""
    page = "reset/request.html"
    rewrite(reset, page, 'aria-label="Obtenir une nouvelle série de caractères"',
            'aria-label="Générer un nouveau code"')
    rewrite(reset, page, 'aria-label="Écouter les caractères à recopier"',
            'aria-label="Lire le code à voix haute"')
    rewrite(reset, page, "<h1>", '<p><a href="/">Nouveautés</a></p><h1>')


def addresses_kept_in_lower_case():
    from ameli_conformance.reference_app import control, rules

    control.parse_email = lambda value: rules.parse_email(value).lower()


def refused_login_shows_home():
    """A refused login answered with the account home (« Connectez-vous »), without a word."""
    original = auth.render_template

    def render(name, **context):
        if name == "auth/login.html" and context.get("error"):
            return original("auth/home.html")
        return original(name, **context)

    auth.render_template = render


def notice_in_cldr_medium():
    """The change's notice dated in CLDR's medium style, as Java's FormatStyle.MEDIUM, Babel or
    JavaScript's dateStyle "medium" write it: « 14 juil. 2023, 10:26:37 »."""
    original = mail.send_password_changed
    short = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
             "nov.", "déc."]

    def send(to, changed_at):
        when = datetime.strptime(changed_at, "%d/%m/%Y à %Hh%M")
        original(to, f"{when.day} {short[when.month - 1]} {when.year}, {when:%H:%M}:00")

    mail.send_password_changed = send

def password_shown_on_demand():
    """Each password field in a group with a button that shows the password (an eye, a button
    that sends nothing), the error after the group, tied by no ARIA (Bootstrap's input-group and
    invalid-feedback). Conformant: the error is beside its field."""
    def change(name, html, _context):
        if name != "reset/new_password.html":
            return html
        html = re.sub(r'\s+aria-describedby="[^"]*"', "", html)
        return re.sub(r'(<input type="password"[^>]*>)', r'<div class="groupe">\1<button '
                      r'type="button" aria-label="Afficher le mot de passe">👁</button></div>', html)

    after_render(reset, change)


# The rules' reasons by their first words, in the order the page lists the rules.
RULE_REASONS = ("Le mot de passe doit comporter", "Le mot de passe doit contenir des lettres",
                "Le mot de passe doit contenir un chiffre", "Le mot de passe contient des",
                "Le mot de passe ne doit pas contenir")


def rules_marked_on_refusal(shift=0, glyph=False):
    """A new password refused: the form shown again by the server, each rule's line marked met
    or not (a class, an icon drawn by CSS), no word beside the password field; the
    confirmation's message kept. Conformant: the line of the rule not met says why. `shift`:
    each rule's mark on another rule's line (a fault); `glyph`: the mark written in the line's
    text (« ✓ », « ✗ ») rather than drawn by CSS."""
    def change(name, html, context):
        reasons = (context.get("errors") or {}).get("password")
        if name != "reset/new_password.html" or not reasons:
            return html
        unmet = {i for i, start in enumerate(RULE_REASONS) for r in reasons if r.startswith(start)}
        items = iter(range(5))
        marks = {"non": "✗ " if glyph else "", "oui": "✓ " if glyph else ""}
        html = re.sub(r"<li>", lambda _: (lambda m: f'<li class="{m}">{marks[m]}')(
            "non" if (next(items) - shift) % 5 in unmet else "oui"), html)
        html = re.sub(r'(?s)<div class="erreur" id="password-erreur">.*?</div>', "", html)
        html = html.replace('aria-describedby="password-erreur"', "")
        return html if glyph else html.replace("</form>", "</form><style>li.non::before { "
                                               "content: '✗ '; color: #b00; } li.oui::before { "
                                               "content: '✓ '; color: #080; }</style>")

    after_render(reset, change)


def password_reasons_in_a_banner():
    """A new password refused: the form shown again, its reasons in a banner above it (the
    DSFR's `fr-alert`, written in the page: no role alert), nothing beside the fields.
    Conformant: the guide does not say where the reason goes."""
    from markupsafe import escape

    def change(name, html, context):
        errors = context.get("errors")
        if name != "reset/new_password.html" or not errors:
            return html
        html = re.sub(r'(?s)<div class="erreur" id="\w+-erreur">.*?</div>', "", html)
        html = re.sub(r'\s+aria-describedby="[^"]*"', "", html)
        said = "".join(f"<p>{escape(r)}</p>" for field in ("password", "confirmation")
                       for r in errors.get(field, ()))
        return html.replace("<form method=\"post\" novalidate>", '<div class="fr-alert '
                            f'fr-alert--error"><h3>Mot de passe refusé</h3>{said}</div>\n'
                            '<form method="post" novalidate>', 1)

    after_render(reset, change)




def request_form_held_at_each_key():
    """As `demande-tenue-jusqu-a-la-saisie`, each field checked at each key let go (jQuery's
    `.on('keyup', …)`, as older sites do) rather than at each change of its value."""
    request_form_held()
    rewrite(reset, "reset/request.html", "field.addEventListener('input', () => {",
            "field.addEventListener('keyup', () => {")


# The new password's fields read-only until the person goes into them, a trick against the
# browser's autofill of a saved password (`readonly onfocus="this.removeAttribute('readonly')"`).
def read_only_until_focused():
    """The new password's two fields read-only until they have the focus (a person clicks in
    them first): the browser fills no saved password in them."""
    rewrite_pattern(reset, "reset/new_password.html", r'(<input type="password")',
                    r"""\1 readonly onfocus="this.removeAttribute('readonly')" """)


def mail_links_in_a_new_tab():
    """Every link of the mails' HTML opens a new tab (`target="_blank"`), as many mailers write
    them. Conformant: the person goes on in the new tab."""
    def change(name, html, _context):
        return html.replace("<a href=", '<a target="_blank" rel="noopener" href=') \
            if name.endswith(".html") else html

    after_render(mail, change)


def dialog_boxes():
    """As older sites do with the browser's boxes: « Valider le nouveau mot de passe » asks
    « Confirmez-vous … ? » (`confirm`), and the new password recorded is said in a box
    (`alert`), the page then going to the login page, where nothing says it. Conformant: the
    person answers OK, and reads the box."""
    rewrite(reset, "reset/new_password.html", '<form method="post" novalidate>',
            '<form method="post" novalidate onsubmit="return confirm(\'Confirmez-vous le '
            'changement de votre mot de passe ?\')">')

    def change(name, html, _context):
        if name != "reset/done.html":
            return html
        return ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Mot de "
                "passe</title></head><body><script>alert('Votre nouveau mot de passe a bien été "
                "enregistré.'); location.replace('/connexion');</script></body></html>")

    after_render(reset, change)


def actions_without_a_role():
    """As older sites write them: « Recevoir le mail » an anchor without an address whose script
    sends the form, « Retourner à la page de connexion » a text whose script goes there: neither
    a button nor a link to the browser. A person clicks them all the same (the accessibility
    profile says what they lack)."""
    rewrite(reset, "reset/request.html", '<button class="bouton" type="submit" name="action" '
            'value="envoyer">Recevoir le mail</button>',
            '<input type="hidden" name="action" value="envoyer" disabled id="envoi"><a '
            'class="bouton" onclick="document.getElementById(\'envoi\').disabled = false; '
            'this.closest(\'form\').submit()">Recevoir le mail</a>')

    def change(name, html, _context):
        return re.sub(r'<a href="([^"]+)">Retourner à la page de connexion</a>',
                      r"""<span class="lien" onclick="location.href = '\1'">Retourner à la page """
                      r"de connexion</span>", html)

    after_render(reset, change)

# Each field a form-associated custom element whose label, input and error live in its open
# shadow root, as Lit, Shoelace or Ionic components are built (ElementInternals gives the form its
# value; the outer form never sees the input itself).
COMPONENT_SCRIPT = """<script>
customElements.define('champ-ameli', class extends HTMLElement {
  static formAssociated = true;
  constructor() { super(); this.internals = this.attachInternals(); }
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({mode: 'open'});
    root.innerHTML = '<style>:host { display: block; margin: .5em 0; } '
      + 'label { display: block; } .erreur { color: #b00; }</style>';
    while (this.firstChild) root.appendChild(this.firstChild);
    const input = root.querySelector('input');
    const sync = () => this.internals.setFormValue(input.value);
    input.addEventListener('input', sync);
    sync();
  }
});
</script>"""


def fields_in_components():
    """Every field of the login page, the request form and the new password's in a component
    with a shadow root (COMPONENT_SCRIPT): label, input and error out of the page's own tree."""
    pattern = (r'(?s)(<label for="(\w+)">(?:(?!</label>).)*</label>\s*<input[^>]*>'
               r'(?:\s*<(p|div) class="erreur" id="\2-erreur">.*?</\3>)?)')

    def change(name, html, _context):
        if name not in ("auth/login.html", "reset/request.html", "reset/new_password.html"):
            return html
        html, found = re.subn(pattern, r'<champ-ameli name="\2">\1</champ-ameli>', html)
        assert found, f"mutant: aucun champ dans {name}"
        return html.replace("</form>", "</form>" + COMPONENT_SCRIPT, 1)

    for module in (auth, reset):
        after_render(module, change)


VARIANTS = {
    "refus-de-mot-de-passe-sur-sa-page": Mutant("", "un nouveau mot de passe refusé : ses raisons "
                                                "sur une page à elles, sans le formulaire",
                                                patch=password_refused_on_its_own_page),
    "logo-avant-l-image": Mutant("", "le formulaire commence par un logo, et l'image des "
                                 "caractères n'a pas d'alternative textuelle",
                                 patch=logo_before_the_image),
    "numero-sans-la-cle": Mutant("", "la connexion et le formulaire prennent les 13 chiffres du "
                                 "numéro, sans la clé", patch=nir_without_its_key),
    "refus-de-connexion-sur-sa-page": Mutant("", "un refus de connexion s'affiche sur une page à "
                                             "lui, sans le formulaire",
                                             patch=login_refused_on_its_own_page),
    "confirmation-en-d-autres-mots": Mutant(
        "", "la confirmation du nouveau mot de passe dit « mis à jour », en d'autres mots que le "
        "guide", patch=lambda: rewrite(
            reset, "reset/done.html", "<p>Votre nouveau mot de passe a bien été enregistré.</p>\n"
            "<p>Vous pouvez dès à présent vous connecter à votre compte ameli avec ce nouveau mot "
            "de passe.</p>", "<p>Mot de passe mis à jour avec succès.</p>")),
    "erreur-de-copie-en-haut": Mutant(
        "", "une copie erronée des caractères est dite en haut du formulaire (une alerte), pas à "
        "côté du champ", patch=captcha_error_announced_at_the_top),
    "connexion-automatique": Mutant(
        "", "le nouveau mot de passe enregistré ouvre le compte, et la page de connexion et celle "
        "du lien mènent au compte une personne connectée (Devise, par défaut)",
        patch=logged_in_after_the_change),
    "indications-dans-les-libelles": Mutant(
        "", "l'indication de chaque champ écrite dans son libellé, sur une ligne à elle (DSFR)",
        patch=hints_inside_labels),
    "masques-de-saisie": Mutant(
        "", "des masques de saisie : le numéro groupé à la frappe, les barres de la date mises "
        "d'elles-mêmes", patch=input_masks),
    "captcha-en-svg": Mutant(
        "", "les caractères dessinés dans un SVG écrit dans la page (svg-captcha), l'icône de la "
        "flèche aussi", patch=captcha_drawn_in_svg),
    "extrait-dans-la-page": Mutant(
        "", "l'extrait sonore écrit dans la page (data:), joué par le script du microphone",
        patch=clip_written_into_the_page),
    "extrait-demande-au-clic": Mutant(
        "", "le microphone un bouton dont le script demande l'extrait au clic (new Audio) et le "
        "joue ; la page et sa série restent", patch=clip_fetched_on_click),
    "son-rafraichi-par-la-fleche": Mutant(
        "", "le microphone joue un élément audio chargé avec la page ; la flèche, un script, lui "
        "donne l'adresse de la nouvelle série", patch=clip_refreshed_by_the_arrow),
    "heure-sans-zero": Mutant(
        "", "la fin du blocage écrite sans le zéro d'une heure avant dix heures (« 2h32 »)",
        patch=hour_not_padded),
    "icones-nommees-autrement": Mutant(
        "", "la flèche « Générer un nouveau code », le microphone « Lire le code à voix haute », "
        "un lien « Nouveautés » avant le formulaire", patch=icons_named_otherwise),
    "sans-redirection": Mutant(
        "", "la réponse de chaque formulaire écrite dans la réponse à son envoi, sans redirection "
        "(ni Post/Redirect/Get)", patch=pages_without_redirection),
    "lien-caduc-en-d-autres-mots": Mutant(
        "", "un lien qui ne vaut plus : « Ce lien n'est plus disponible. Le délai est dépassé : "
        "merci de refaire une demande. »", patch=lambda: rewrite_pattern(
            reset, "reset/invalid.html", r'(?s)<p class="alerte" role="alert">.*?</a>',
            '<p class="alerte" role="alert">Ce lien n&#39;est plus disponible.</p>'
            '<p>Le délai est dépassé : merci de refaire une demande.</p>'
            '<a class="bouton" href="/mot-de-passe-oublie">Mot de passe oublié</a>')),
    "confirmation-breve": Mutant(
        "", "la confirmation du nouveau mot de passe en un titre : « Mot de passe modifié »",
        patch=lambda: rewrite_pattern(  # whatever the page said (another reading may reword it)
            reset, "reset/done.html", r"(?s)<h1>Renouvellement de mot de passe</h1>.*?(?=<a )",
            "<h1>Mot de passe modifié</h1>\n")),
    "confirmation-validee": Mutant(
        "", "la confirmation du nouveau mot de passe : « Nouveau mot de passe validé » et « Votre "
        "mot de passe est désormais actif. »",
        patch=lambda: rewrite_pattern(
            reset, "reset/done.html", r"(?s)<h1>Renouvellement de mot de passe</h1>.*?(?=<a )",
            "<h1>Nouveau mot de passe validé</h1>\n<p>Votre mot de passe est désormais actif.</p>"
            "\n")),
    "erreurs-en-peu-de-mots": Mutant(
        "", "les erreurs du formulaire en peu de mots : « Champ requis », « Numéro non valide », "
        "« Date erronée », « Adresse mail non valide », « Code erroné »",
        patch=lambda: reworded_errors(TERSE_FRENCH)),
    "erreurs-autour-des-champs": Mutant(
        "", "chaque champ dans un élément à lui, son erreur avant ou après cet élément, sans lien "
        "ARIA", patch=errors_around_wrapped_fields),
    "regles-cochees-a-la-frappe": Mutant(
        "", "les règles du nouveau mot de passe cochées à la frappe (une classe, une icône en CSS), "
        "le bouton désactivé tant qu'elles ne sont pas remplies", patch=rules_ticked_as_typed),
    "regles-cochees-en-quittant-le-champ": Mutant(
        "", "les règles du nouveau mot de passe vérifiées quand la personne quitte un champ, le "
        "bouton désactivé jusque-là", patch=rules_ticked_on_leaving),
    "demande-tenue-jusqu-a-la-saisie": Mutant(
        "", "« Recevoir le mail » désactivé tant qu'un champ semble faux, son message affiché une "
        "fois le champ quitté", patch=request_form_held),
    "regles-au-focus": Mutant(
        "", "les règles du mot de passe cachées tant que le champ « Nouveau mot de passe » n'a pas "
        "le focus (une bulle, hors du flux de la page, qui s'ouvre quand on va taper)",
        patch=lambda: rewrite_pattern(reset, "reset/new_password.html", "<ul>",
                                      "<style>ul.regles{display:none;position:absolute;"
                                      "background:#fff}body:has(#password:focus) ul.regles"
                                      "{display:block}</style><ul class=\"regles\">")),
    "mot-de-passe-a-afficher": Mutant(
        "", "chaque champ du mot de passe avec un bouton qui l'affiche (un œil), l'erreur après "
        "leur groupe, sans lien ARIA", patch=password_shown_on_demand),
    "regles-cochees-en-texte-au-renvoi": Mutant(
        "", "un nouveau mot de passe refusé : le formulaire de nouveau, chaque règle précédée de "
        "« ✓ » ou « ✗ », aucun mot à côté du champ", patch=lambda: rules_marked_on_refusal(glyph=True)),
    "regles-marquees-au-renvoi": Mutant(
        "", "un nouveau mot de passe refusé : le formulaire de nouveau, la ligne de chaque règle "
        "marquée remplie ou non (une classe, une icône en CSS), aucun mot à côté du champ",
        patch=rules_marked_on_refusal),
    "raisons-en-bandeau": Mutant(
        "", "un nouveau mot de passe refusé : le formulaire de nouveau, ses raisons dans un "
        "bandeau au-dessus (sans rôle d'alerte), rien à côté des champs",
        patch=password_reasons_in_a_banner),
    "erreur-de-copie-en-bandeau": Mutant(
        "", "une copie erronée des caractères est dite dans un bandeau en haut du formulaire, "
        "sans rôle d'alerte, pas à côté du champ",
        patch=lambda: captcha_error_announced_at_the_top(role=False)),
    "refus-de-connexion-vers-l-accueil": Mutant(
        "", "une connexion refusée ramène à l'accueil du compte (« Connectez-vous »), sans un mot",
        patch=refused_login_shows_home),
    "notification-au-format-moyen": Mutant(
        "", "le mail du changement daté au format « moyen » de CLDR : « 14 juil. 2023, 10:26:00 »",
        patch=notice_in_cldr_medium),
    "adresses-en-minuscules": Mutant(
        "", "les adresses mail gardées en minuscules à la création du compte : « m***@l***.net » "
        "pour Marie-Anne.O'Neil@laposte.net, le mail envoyé à l'adresse en minuscules",
        patch=addresses_kept_in_lower_case),
    "compte-qui-parle-de-blocage": Mutant(
        "", "la page du compte ouvert parle d'une carte bloquée et d'un service indisponible",
        patch=lambda: rewrite(auth, "auth/account.html",
                              "<p>Vous êtes connecté à votre compte ameli.</p>",
                              "<p>Carte Vitale perdue ou volée ? Elle est bloquée dès votre "
                              "déclaration.</p><p>Le service de messagerie est momentanément "
                              "indisponible.</p>")),
    "formulaire-lie-a-la-session": Mutant("", "le formulaire n'est servi qu'après la page de "
                                          "connexion, dans la même session",
                                          patch=lambda: bound_to_the_way("GET")),
    "parcours-lie-a-un-cookie": Mutant("", "le formulaire est servi à tous, mais sa validation "
                                       "demande le cookie que laisse la page de connexion",
                                       patch=path_bound_to_a_cookie),
    "jeton-en-session": Mutant("", "le lien ouvert met son jeton dans la session et mène à une "
                               "adresse sans lui, où le formulaire sert (comme Django)",
                               patch=token_kept_in_the_session),
    "formulaire-envoye-ailleurs": Mutant("", "le formulaire du lien, son jeton caché, est envoyé "
                                         "à une adresse commune, où s'écrit un refus (comme "
                                         "Devise)", patch=form_sent_elsewhere),
    "image-dans-la-page": Mutant("", "l'image des caractères écrite dans la page (data:), sans "
                                 "adresse à elle", patch=image_written_into_the_page),
    "confirmation-sur-la-page-de-connexion": Mutant(
        "", "le nouveau mot de passe enregistré mène à la page de connexion, qui le confirme dans "
        "un bandeau", patch=confirmed_on_the_login_page),
    "numero-limite-a-15": Mutant(
        "", "le champ du numéro ne prend que 15 caractères (maxlength) : qui le tape avec les "
        "espaces de sa carte voit la saisie s'arrêter, et le tape sans elles",
        patch=lambda: rewrite(reset, "reset/request.html", 'id="nir" name="nir"',
                              'id="nir" name="nir" maxlength="15"')),
    "parcours-marque-dans-la-session": Mutant("", "le formulaire est servi à tous, mais sa "
                                              "validation demande la marque que la page de "
                                              "connexion laisse dans la session",
                                              patch=lambda: bound_to_the_way("POST")),
    "contraintes-du-navigateur": Mutant("", "les champs obligatoires, le type mail et les 8 à 50 "
                                        "caractères vérifiés aussi par le navigateur (HTML)",
                                        patch=constraints_of_the_browser),
    "mail-differe": Mutant("", "chaque mail part 1,5 s après la réponse de la page (une file "
                           "d'attente)", patch=mail_sent_later),
    "date-en-controle": Mutant("", "la date de naissance est un contrôle de date (type date)",
                               patch=date_control),
    "liens-dans-un-nouvel-onglet": Mutant("", "« Connectez-vous » et « Mot de passe oublié ? » "
                                          "ouvrent un nouvel onglet", patch=links_in_a_new_tab),
    "bandeau-de-cookies": Mutant("", "un bandeau de consentement aux cookies couvre chaque page "
                                 "tant que la personne n'a pas choisi", patch=cookie_banner),
    "bandeau-dans-un-cadre": Mutant("", "le bandeau de consentement aux cookies dessiné dans un "
                                    "iframe posé sur toute la page", patch=cookie_banner_in_a_frame),
    "date-en-trois-listes": Mutant("", "la date de naissance choisie dans trois listes, « Jour », "
                                   "« Mois » (janvier à décembre), « Année »",
                                   patch=date_in_three_lists),
    "liens-ouverts-par-script": Mutant("", "« Connectez-vous » et « Mot de passe oublié ? » "
                                       "ouvrent leur page dans un nouvel onglet par un script "
                                       "(window.open)", patch=links_opened_by_a_script),
    "mails-comme-le-guide": Mutant("", "les mails ont le bouton « MON COMPTE AMELI » et les liens "
                                   "de l'appli, comme dans le guide", patch=mails_as_in_the_guide),
    "mails-en-html-seul": Mutant("", "les mails n'ont pas de partie texte, seulement du HTML",
                                 patch=html_only_mails),
    "date-en-trois-champs": Mutant("", "la date de naissance en trois champs, « Jour », « Mois », "
                                   "« Année », sous la légende « Date de naissance » (DSFR)",
                                   patch=date_in_three_fields),
    "rendu-differe": Mutant("", "chaque formulaire envoyé par un script, la réponse affichée "
                            "0,7 s après un indicateur de chargement", patch=forms_rendered_later),
    "envoi-par-script": Mutant("", "chaque formulaire envoyé par un script (fetch), la réponse "
                               "remplaçant la page sans en charger une nouvelle",
                               patch=forms_sent_by_script),
    "demande-tenue-aux-touches": Mutant("", "« Recevoir le mail » tenu jusqu'à ce que la saisie "
                                        "semble juste, vérifiée à chaque touche relâchée (keyup)",
                                        patch=request_form_held_at_each_key),
    "lecture-seule-jusqu-au-focus": Mutant("", "les champs du nouveau mot de passe en lecture "
                                           "seule jusqu'à ce que la personne y entre",
                                           patch=read_only_until_focused),
    "liens-du-mail-dans-un-nouvel-onglet": Mutant("", "les liens des mails ouvrent un nouvel "
                                                  "onglet", patch=mail_links_in_a_new_tab),
    "boites-de-dialogue": Mutant("", "« Valider » demande confirmation dans une boîte, et le "
                                 "mot de passe enregistré est dit dans une boîte, puis la page "
                                 "de connexion", patch=dialog_boxes),
    "actions-sans-role": Mutant("", "« Recevoir le mail » et « Retourner à la page de connexion » "
                                "sans rôle de bouton ni de lien, cliqués par un script",
                                patch=actions_without_a_role),
    "champs-en-composants": Mutant("", "chaque champ dans un composant à racine fantôme (shadow "
                                   "root), comme Lit ou Shoelace", patch=fields_in_components),
}


def main(argv):
    from .campagne import CAMPAIGN

    names, *rest = argv
    every = {**MUTANTS, **SECURITY_MUTANTS, **ACCESSIBILITY_MUTANTS, **FAULTS, **VARIANTS,
             **CAMPAIGN}
    for name in names.split("+"):  # "envoi-par-script+confirmation-ignoree": both at once
        mutant = every[name]
        if mutant.patch is not None:
            mutant.patch()
        for setting in mutant.settings:
            rest += ["--set", setting]
    app_main.main(rest)


if __name__ == "__main__":
    main(sys.argv[1:])

