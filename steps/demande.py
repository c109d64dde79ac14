"""Steps 2 and 3: the request form, the CAPTCHA, the page saying the mail was sent; and time."""
import re
from datetime import datetime, timezone

from pytest_bdd import given, parsers, then, when

from fixtures.errors import ConformanceFailure

from . import texts
from .navigation import open_request_form


def masked(address: str) -> str:
    """The guide's masking, t***@t***.com (../shared/design/requirements.md, E3-ENVOI)."""
    local, _, domain = address.partition("@")
    tld = domain.rsplit(".", 1)[-1]
    return f"{local[0]}***@{domain[0]}***.{tld}"


def fill_identity(ui, persona):
    ui.fill(texts.FORM_NIR, persona.nir)
    ui.fill(texts.FORM_BIRTH_DATE, persona.birth_date_fr)
    ui.fill(texts.FORM_EMAIL, persona.email)


def copy_captcha(ui, control, target):
    control.require("captcha", "lire les caractères de l'image comme une personne les lit")
    answer = control.captcha_answer(ui.page.context.cookies(target.url))
    ui.fill(texts.FORM_CAPTCHA, answer)


def request_reset(ui, target, control, mailpit, persona, scenario_state):
    """The whole of steps 2 and 3, as a person does them."""
    open_request_form(ui, target)
    fill_identity(ui, persona)
    copy_captcha(ui, control, target)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))
    ui.click(texts.FORM_SUBMIT)
    ui.expect_phrase(texts.SENT)
    if "clock" in control.capabilities:
        scenario_state.request_time = control.now()


@given("un assuré dont le compte ameli a une adresse mail validée")
def insured_with_validated_email(persona, control):
    control.require("accounts", "créer le compte de l'assuré")
    control.create_account(persona)


@given("j'ai demandé le renouvellement de mon mot de passe")
def has_requested(ui, target, control, mailpit, persona, scenario_state):
    request_reset(ui, target, control, mailpit, persona, scenario_state)


@when("je saisis mon numéro de sécurité sociale, ma date de naissance et mon adresse mail")
def type_identity(ui, persona):
    fill_identity(ui, persona)


@when("je recopie les caractères de l'image")
def type_captcha(ui, control, target, mailpit, persona, scenario_state):
    copy_captcha(ui, control, target)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))


@then("la page affiche « Le mail a bien été envoyé à » suivi de mon adresse masquée")
def shows_masked_address(ui, persona):
    ui.expect_phrase(f"{texts.SENT} {masked(persona.email)}")
    if persona.email.lower() in ui.body_text().lower():
        raise ConformanceFailure("l'adresse mail est affichée en clair",
                                 expected=masked(persona.email), seen="l'adresse complète")


@then("je reçois un seul mail, à l'adresse de mon compte")
def one_mail(mailpit, persona, scenario_state):
    before = getattr(scenario_state, "mails_before", 0)
    received = mailpit.wait_for(persona.email, before + 1)
    if len(received) != before + 1:
        raise ConformanceFailure("plusieurs mails pour une seule demande",
                                 expected="1 mail", seen=f"{len(received) - before} mails")


_DURATION = re.compile(
    r"^(?:(?P<h>\d+) heures?)?\s*(?:et\s+)?(?:(?P<m>\d+) minutes?)?\s*(?:et\s+)?"
    r"(?:(?P<s>\d+) secondes?)?$"
)


def seconds_of(text: str) -> int:
    found = _DURATION.match(text.strip())
    if not found or not any(found.groupdict().values()):
        raise ValueError(f"durée illisible : {text!r} (ex. « 29 minutes et 59 secondes »)")
    h, m, s = (int(found[k] or 0) for k in "hms")
    return h * 3600 + m * 60 + s


@when(parsers.re(r"(?P<duree>.+) se sont écoulées depuis ma demande"))
def time_passes(duree, control, scenario_state):
    control.require("clock", "faire passer le temps du service")
    wanted = seconds_of(duree)
    elapsed = (control.now() - scenario_state.request_time).total_seconds()
    control.advance(max(0.0, wanted - elapsed))


def freeze_now(control):
    """Each scenario starts on a frozen clock, so that a duration since a request is exact."""
    if control is not None and "clock" in control.capabilities:
        control.freeze(datetime.now(timezone.utc).replace(microsecond=0))
