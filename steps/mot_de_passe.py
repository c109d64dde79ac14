"""Steps 5 and 6: the new password, its confirmation, and logging in with it."""
from playwright.sync_api import expect
from pytest_bdd import given, then, when

from fixtures import privacy
from fixtures.errors import ConformanceFailure
from fixtures.personas import conforming_password

from . import texts
from .courriel import click_in_mail
from .demande import request_reset
from .navigation import open_login


def choose_new_password(ui, scenario_state):
    password = conforming_password()
    privacy.register(password, "********")
    scenario_state.new_password = password
    ui.fill(texts.RESET_PASSWORD, password)
    ui.fill(texts.RESET_CONFIRMATION, password)


def log_in(ui, target, persona, password):
    open_login(ui, target)
    ui.fill(texts.LOGIN_NIR, persona.nir)
    ui.fill(texts.LOGIN_PASSWORD, password)
    ui.click(texts.LOGIN_SUBMIT)


def login_form_shown(ui) -> bool:
    return ui.page.get_by_label(texts.label(texts.LOGIN_PASSWORD)).count() > 0


@when("je saisis un nouveau mot de passe conforme et je le confirme")
def types_new_password(ui, scenario_state):
    choose_new_password(ui, scenario_state)


@given("j'ai enregistré un nouveau mot de passe")
def has_new_password(ui, target, control, mailpit, persona, scenario_state):
    request_reset(ui, target, control, mailpit, persona, scenario_state)
    click_in_mail(ui, mailpit, persona, scenario_state, texts.MAIL_BUTTON)
    choose_new_password(ui, scenario_state)
    ui.click(texts.RESET_SUBMIT)
    ui.expect_pattern(texts.CONFIRMED, "la confirmation que le mot de passe est enregistré")


@then("la page confirme que mon nouveau mot de passe est enregistré")
def confirms_recorded(ui):
    ui.expect_pattern(texts.CONFIRMED, "la confirmation que le mot de passe est enregistré")


@then("la page affiche les règles du mot de passe :")
def shows_rules(ui, datatable):
    for row in datatable[1:]:
        ui.expect_phrase(row[0])


@when("je me connecte avec mon ancien mot de passe")
def logs_in_old(ui, target, persona):
    log_in(ui, target, persona, persona.password)


@when("je me connecte avec mon nouveau mot de passe")
def logs_in_new(ui, target, persona, scenario_state):
    log_in(ui, target, persona, scenario_state.new_password)


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
def link_refused(ui, persona, scenario_state):
    if ui.has_field(texts.RESET_PASSWORD):
        # The form is still offered: it must refuse the new password when it is submitted.
        choose_new_password(ui, scenario_state)
        ui.click(texts.RESET_SUBMIT)
        if texts.CONFIRMED.search(ui.body_text()):
            raise ConformanceFailure(
                "le lien périmé a permis de changer le mot de passe",
                expected="un message : lien expiré, demande à recommencer",
                seen="la confirmation du nouveau mot de passe",
            )
    ui.expect_pattern(texts.EXPIRED, "un message : le lien n'est plus valable, recommencer")
