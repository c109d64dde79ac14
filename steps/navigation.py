"""Steps 0 and 1, and what every page offers: go to a page, click, see a text, a field."""
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from fixtures.errors import NOT_APPLICABLE_PREFIX, ConformanceFailure, HarnessError

from . import texts


def _go(ui, url, what):
    try:
        ui.page.goto(url)
    except PlaywrightError as exc:
        raise HarnessError("cible", f"{what} {url} ne répond pas ({exc.message[:120]})")


def open_home(ui, target):
    if not target.url:
        pytest.skip(f"{NOT_APPLICABLE_PREFIX}le profil de la cible ne donne pas l'accueil du "
                    "compte (url), seulement la page de connexion")
    _go(ui, target.url, "l'accueil")


def open_login(ui, target):
    """The login page as a person reaches it: from the account home; straight to it when the
    profile gives only the login page."""
    if target.url:
        open_home(ui, target)
        ui.click(texts.HOME_LOGIN)
    else:
        _go(ui, target.login_url, "la page de connexion")
    check_login_page(ui)


def open_request_form(ui, target):
    open_login(ui, target)
    ui.click(texts.LOGIN_FORGOT)
    check_request_form(ui)


def check_login_page(ui):
    ui.field(texts.LOGIN_NIR)
    ui.action(texts.LOGIN_SUBMIT)


def check_request_form(ui):
    ui.field(texts.FORM_NIR)
    ui.action(texts.FORM_SUBMIT)


@given("je suis sur l'accueil du compte ameli")
def on_home(ui, target):
    open_home(ui, target)


@given("je suis sur la page de connexion")
def on_login(ui, target):
    open_login(ui, target)


@when(parsers.parse("je clique sur « {nom} »"))
def click(ui, nom):
    ui.click(nom)


@then(parsers.parse("la page propose « {nom} »"))
def offers(ui, nom):
    ui.action(nom)


@then(parsers.parse("la page affiche « {texte} »"))
def shows(ui, texte):
    ui.expect_phrase(texte)


@then(parsers.parse("la page a le champ « {libelle} »"))
def has_field(ui, libelle):
    ui.field(libelle)


@then("je suis sur la page de connexion")
def is_login_page(ui):
    check_login_page(ui)


@then("je suis sur le formulaire « Mot de passe oublié »")
def is_request_form(ui):
    check_request_form(ui)


@then(parsers.parse("je suis sur la page « {titre} »"))
def is_page(ui, titre):
    heading = ui.page.get_by_role("heading", name=texts.name(titre))
    try:
        expect(heading.first).to_be_visible()
    except AssertionError:
        raise ConformanceFailure(
            f"la page « {titre} » n'est pas affichée",
            expected=f"un titre « {titre} »", seen=ui.body_text()[:300],
        ) from None
