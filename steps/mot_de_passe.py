"""Steps 5 and 6: the new password, its rules, its confirmation, and logging in with it."""
from datetime import datetime, timezone

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from fixtures import privacy
from fixtures.errors import ConformanceFailure

from . import passwords, texts
from .courriel import click_in_mail
from .demande import request_reset
from .navigation import open_login


def type_passwords(ui, state, password, confirmation=None):
    privacy.register(password, "********")
    state.new_password = password
    ui.fill(texts.RESET_PASSWORD, password)
    ui.fill(texts.RESET_CONFIRMATION, password if confirmation is None else confirmation)


def before_change(control, mailpit, persona, state):
    """What a change is checked against: the mails so far, and the instant (the clock is frozen,
    so the instant of typing is the instant of the click)."""
    state.mails_before_change = len(mailpit.messages_to(persona.email))
    if "clock" in control.capabilities:
        state.change_time = control.now()
    else:  # no clock to read: the change happens after this instant, by the harness's clock
        state.change_after = datetime.now(timezone.utc)


def validate(ui, control, mailpit, persona, state):
    before_change(control, mailpit, persona, state)
    ui.click(texts.RESET_SUBMIT)


def log_in(ui, target, persona, password):
    open_login(ui, target)
    ui.fill(texts.LOGIN_NIR, persona.nir)
    ui.fill(texts.LOGIN_PASSWORD, password)
    ui.click(texts.LOGIN_SUBMIT)


def login_form_shown(ui) -> bool:
    return ui.page.get_by_label(texts.label(texts.LOGIN_PASSWORD)).count() > 0


def check_refused(ui, rule: str, what: str):
    """Refused: no confirmation, the form still there, and a reason that speaks of the rule."""
    if texts.CONFIRMED.search(ui.body_text()):
        raise ConformanceFailure(f"{what} : accepté", expected=f"refusé ({rule})",
                                 seen="la confirmation du nouveau mot de passe")
    ui.field(texts.RESET_PASSWORD)
    reason = " ".join([ui.error_beside(texts.RESET_PASSWORD),
                       ui.error_beside(texts.RESET_CONFIRMATION), ui.alerts()])
    if not texts.REASONS[rule].search(reason):
        raise ConformanceFailure(f"{what} : refusé sans la raison", expected=f"une raison : {rule}",
                                 seen=reason.strip() or "(aucun message)")


@when("je saisis un nouveau mot de passe conforme et je le confirme")
def types_new_password(ui, control, mailpit, persona, scenario_state):
    type_passwords(ui, scenario_state, passwords.conforming())
    before_change(control, mailpit, persona, scenario_state)


@when(parsers.parse("je choisis un mot de passe {description}"))
def chooses_password(ui, control, mailpit, persona, interpretations, scenario_state, description):
    type_passwords(ui, scenario_state, passwords.build(description, persona, interpretations))
    before_change(control, mailpit, persona, scenario_state)


@when("je saisis un mot de passe conforme et une confirmation différente")
def types_mismatch(ui, control, mailpit, persona, scenario_state):
    password = passwords.conforming()
    type_passwords(ui, scenario_state, password, password[:-1] + ("x" if password[-1] != "x" else "y"))
    before_change(control, mailpit, persona, scenario_state)


@given("j'ai enregistré un nouveau mot de passe")
def has_new_password(ui, target, control, mailpit, persona, scenario_state):
    request_reset(ui, target, control, mailpit, persona, scenario_state)
    click_in_mail(ui, mailpit, scenario_state, texts.MAIL_BUTTON)
    type_passwords(ui, scenario_state, passwords.conforming())
    validate(ui, control, mailpit, persona, scenario_state)
    ui.expect_pattern(texts.CONFIRMED, "la confirmation que le mot de passe est enregistré")


@then("la page confirme que mon nouveau mot de passe est enregistré")
def confirms_recorded(ui):
    ui.expect_pattern(texts.CONFIRMED, "la confirmation que le mot de passe est enregistré")


@then(parsers.parse("le mot de passe est refusé, avec une raison qui parle de « {regle} »"))
def refused_for(ui, regle):
    check_refused(ui, passwords.rule_of(regle), "le mot de passe")


@then("ces mots de passe sont refusés, chacun avec sa raison :")
def each_refused(ui, persona, interpretations, control, mailpit, scenario_state, datatable):
    header, *rows = datatable
    for description, rule in rows:
        if "date de naissance au format" in description:
            form = description.rsplit(" ", 1)[-1]
            if form not in interpretations.birth_date_forms:
                continue  # the target's profile does not refuse this form
        password = passwords.build(description, persona, interpretations)
        type_passwords(ui, scenario_state, password)
        validate(ui, control, mailpit, persona, scenario_state)
        check_refused(ui, passwords.rule_of(rule), f"le mot de passe {description}")


@then("mon mot de passe n'est pas changé")
def not_changed(ui):
    if texts.CONFIRMED.search(ui.body_text()):
        raise ConformanceFailure("le mot de passe a été changé", expected="un refus",
                                 seen="la confirmation du nouveau mot de passe")
    ui.field(texts.RESET_PASSWORD)


@then("la page affiche les règles du mot de passe :")
def shows_rules(ui, datatable):
    for row in datatable[1:]:
        ui.expect_phrase(row[0])


@when("je me connecte avec mon ancien mot de passe")
@when("je me connecte avec mon mot de passe")
def logs_in_old(ui, target, persona):
    log_in(ui, target, persona, persona.password)


@when("je me connecte avec mon nouveau mot de passe")
def logs_in_new(ui, target, persona, scenario_state):
    log_in(ui, target, persona, scenario_state.new_password)


@when("je me connecte avec un mauvais mot de passe autant de fois que le service le permet")
def logs_in_wrong(ui, target, persona, interpretations):
    wrong = passwords.conforming()
    for attempt in range(interpretations.login_failure_limit):
        log_in(ui, target, persona, wrong)
        if not login_form_shown(ui):
            raise ConformanceFailure("un mauvais mot de passe a ouvert le compte",
                                     expected="un refus", seen=ui.body_text()[:200])


@when("la durée du blocage de la connexion est passée")
def login_block_over(control, interpretations):
    control.require("clock", "faire passer la durée du blocage")
    control.advance(interpretations.login_block_minutes * 60)


@then("la connexion est refusée")
def login_refused(ui):
    if not login_form_shown(ui):
        raise ConformanceFailure("la connexion a été acceptée",
                                 expected="la page de connexion, avec un message d'erreur",
                                 seen=ui.body_text()[:300])


@then("je suis connecté à mon compte ameli")
def logged_in(ui):
    try:
        expect(ui.page.get_by_label(texts.label(texts.LOGIN_PASSWORD))).to_have_count(0)
    except AssertionError:
        raise ConformanceFailure("la connexion a été refusée", expected="le compte ameli ouvert",
                                 seen=ui.body_text()[:300]) from None


@then("un message indique que le lien n'est plus valable et qu'il faut recommencer la demande")
def link_refused(ui, control, mailpit, persona, scenario_state):
    if ui.has_field(texts.RESET_PASSWORD):
        # The form is still offered: it must refuse the new password when it is submitted.
        type_passwords(ui, scenario_state, passwords.conforming())
        validate(ui, control, mailpit, persona, scenario_state)
        if texts.CONFIRMED.search(ui.body_text()):
            raise ConformanceFailure(
                "un lien qui ne devait plus être valable a permis de changer le mot de passe",
                expected="un message : lien expiré, demande à recommencer",
                seen="la confirmation du nouveau mot de passe",
            )
    ui.expect_pattern(texts.EXPIRED, "un message : le lien n'est plus valable, recommencer")
