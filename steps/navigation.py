"""Steps 0 and 1, and what every page offers: go to a page, click, see a text, a field."""
import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from ameli_conformance.errors import ConformanceFailure, HarnessError, NotApplicable
from ameli_conformance.fixtures.bdd import given, parsers, then, when

from . import texts
from .trouver import actions


def _go(ui, url, what):
    try:
        ui.page.goto(url)
    except PlaywrightError as exc:
        raise HarnessError("cible", f"{what} {url} ne répond pas ({exc.message[:120]})")


def open_home(ui, target):
    if not target.url:
        raise NotApplicable("le profil de la cible ne donne pas l'accueil du compte (url), "
                            "seulement la page de connexion")
    _go(ui, target.url, "l'accueil")


# Addresses the run found by clicking, as a person reaches the page (per process). A scenario
# whose rule is not the way to a page reaches it afterwards by this address: the scenarios of
# E0-ACCES and E1-CONNEXION, which check the way, click it in their own steps. An address is
# trusted only when the way could not have told the target anything the address does not:
# - when the link to the page was clicked, the browser held nothing of the target (no cookie, no
#   local or session storage): a page before it that marks the session (a flag kept server-side,
#   or inside a cookie the page itself also sets) would make the address lose that mark, so the
#   way is then clicked from the page before, every time;
# - the address gives the page again with everything the way had left in the browser (the names
#   of the cookies and of the storage): a page refused, or served without a cookie it sets when
#   reached by clicking, is never reached by its address again.
# The report lists the shortcuts each scenario took (`shortcuts`).
DISCOVERED: dict[tuple[str, str], tuple[str, frozenset[str]] | None] = {}
LOGIN_PAGE = "la page de connexion"
REQUEST_FORM = "le formulaire « Mot de passe oublié »"


def _key(target, page_name) -> tuple[str, str]:
    return page_name, target.url or target.login_url or ""


def form_address_kept(target) -> bool:
    """Whether the request form's address gives the form again in this run: not when the form
    is bound to its session (the way to it leaves something in the browser), which a target
    may end (at the change of password, or when the clock goes back before the session)."""
    return bool(DISCOVERED.get(_key(target, REQUEST_FORM)))


def _by_address(ui, target, page_name, shows) -> bool:
    """Reaches the page by the address found earlier; False when there is none or it failed."""
    key = _key(target, page_name)
    found = DISCOVERED.get(key)
    if not found:
        return False
    address, left = found
    _go(ui, address, page_name)
    if shows(ui) and left <= _left_in_browser(ui):
        ui.shortcuts.append(f"{page_name} par son adresse ({_path(address)})")
        return True
    if not logout_offered(ui):  # an opened account instead: the address is not to blame
        DISCOVERED[key] = None  # bound to its session: the way is clicked from now on
    return False


# What an opened account offers, and a refused login does not: to log out.
LOGOUT = re.compile(r"d[ée]connect|d[ée]connexion", re.IGNORECASE)


def logout_offered(ui) -> bool:
    return actions(ui.page, LOGOUT).count() > 0


def log_out(ui) -> None:
    """Logs out as a person does, with the page's button or link."""
    actions(ui.page, LOGOUT).first.click()
    ui.page.wait_for_load_state("domcontentloaded")


def _leave_the_account(ui, what: str) -> None:
    """The person, led to their account by `what` (a target that opened the account at the
    change may lead a logged-in person there, as Devise does), logs out with the page's button;
    the report says so among the scenario's shortcuts."""
    log_out(ui)
    ui.shortcuts.append(f"déconnecté d'abord : le compte était ouvert, {what} menait au compte")


def out_of_the_account(ui, url: str, what: str) -> bool:
    """When the page shown is the person's account instead of `what`: logs out
    (`_leave_the_account`) and opens `url` again. False when the page was not the account."""
    if not logout_offered(ui):
        return False
    _leave_the_account(ui, what)
    _go(ui, url, what)
    return True


def _click_the_way(ui, target, page_name, link):
    """Clicks `link` to the page; the first time, notes whether its address may be trusted."""
    held = _left_in_browser(ui)
    ui.click(link)
    return lambda: _found(ui, target, page_name, held)


def _found(ui, target, page_name, held_before):
    key = _key(target, page_name)
    if key not in DISCOVERED:
        DISCOVERED[key] = None if held_before else (ui.page.url, _left_in_browser(ui))


_STORAGE = """() => { const keys = s => { try { return Object.keys(s); } catch (e) { return []; } };
  return [keys(window.localStorage), keys(window.sessionStorage)]; }"""


def _left_in_browser(ui) -> frozenset[str]:
    """The names (never the values) of what the target keeps in the browser for this page."""
    names = {f"cookie {c['name']}" for c in ui.page.context.cookies(ui.page.url)}
    try:
        local, session = ui.page.evaluate(_STORAGE)
    except PlaywrightError:
        local, session = [], []
    return frozenset(names | {f"localStorage {k}" for k in local}
                     | {f"sessionStorage {k}" for k in session})


def _path(address: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(address).path or "/"


def _shows_login(ui) -> bool:
    return ui.has_field(texts.LOGIN_NIR) and ui.has_field(texts.LOGIN_PASSWORD)


def _shows_request_form(ui) -> bool:
    return ui.has_field(texts.FORM_NIR) and ui.has_field(texts.FORM_CAPTCHA)


def open_login(ui, target, shortcut=True, log_out_first=True):
    """The login page as a person reaches it: from the account home; straight to it when the
    profile gives only the login page. With `shortcut`, by the address found the first time.
    A person whose account is open (a target may open it when the new password is recorded, and
    lead a logged-in person from the login page to the account) logs out first, with the page's
    button, and goes again: the report says so among the scenario's shortcuts. Without
    `log_out_first` (a check that the login page still asks for the password), never."""
    try:
        if _open_login(ui, target, shortcut, stop_at_the_account=log_out_first):
            return
    except ConformanceFailure:  # the home of an opened account may not offer the way
        if not log_out_first or not logout_offered(ui):
            raise
    _leave_the_account(ui, "la page de connexion")
    _open_login(ui, target, shortcut, stop_at_the_account=False)


def _open_login(ui, target, shortcut, stop_at_the_account) -> bool:
    """`open_login` once; False when, with `stop_at_the_account`, the way led to the person's
    account instead (without waiting for a login form that will not come)."""
    if shortcut and _by_address(ui, target, LOGIN_PAGE, _shows_login):
        return True
    if target.url:
        open_home(ui, target)
        found = _click_the_way(ui, target, LOGIN_PAGE, texts.HOME_LOGIN)
    else:
        _go(ui, target.login_url, "la page de connexion")
        found = lambda: None  # noqa: E731 (reached by its address already)
    if stop_at_the_account and not _shows_login(ui) and logout_offered(ui):
        return False
    check_login_page(ui)
    found()
    return True


def open_request_form(ui, target, shortcut=True):
    if shortcut and _by_address(ui, target, REQUEST_FORM, _shows_request_form):
        return
    open_login(ui, target, shortcut=shortcut)
    found = _click_the_way(ui, target, REQUEST_FORM, texts.LOGIN_FORGOT)
    check_request_form(ui)
    found()


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
    open_login(ui, target, shortcut=False)  # E1-CONNEXION's scenarios: the way is their rule


@when(parsers.parse("je clique sur « {nom} »"))
def click(ui, nom):
    ui.click(nom)


@when(parsers.parse("je clique sur « {nom} » de la page de connexion"))
def click_on_login(ui, target, nom):
    """From the page a refused login left the person on: the login page again, or another (the
    account's home, a page of its own) from which the person goes back to the login page."""
    if not _shows_login(ui):
        open_login(ui, target)
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
