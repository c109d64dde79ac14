"""Step 6 and the login page: logging in with the old, the new or a wrong password, the login
blocked after too many errors and when it ends."""
import re
from dataclasses import replace
from datetime import timedelta

from playwright.sync_api import expect

from ameli_conformance import privacy
from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.fixtures.bdd import then, when

from . import passwords, texts, verifications
from .demande import in_a_browser_of_its_own, other_browser
from .horloge import moves_clock
from .navigation import logout_offered, open_login
from .saisie import type_nir
from .trouver import actions, labelled


def log_in(ui, target, persona, password):
    open_login(ui, target)
    type_nir(ui, texts.LOGIN_NIR, persona)
    ui.fill(texts.LOGIN_PASSWORD, password)
    ui.click(texts.LOGIN_SUBMIT)


def login_form_shown(ui) -> bool:
    return ui.has_field(texts.LOGIN_PASSWORD)


# A page without the login form that says the login was refused (the guide does not show the
# page of a refused login: a target may give the reason a page of its own, « Réessayer » leading
# back to the form), or that it did not happen (an error page answered with a status 200).
# Whole words where a word of an account page could hold them (« bloquer votre carte »).
REFUSAL = re.compile(r"incorrect|erron[ée]|invalide\b|non reconnu|pas reconnu|\béchou|\béchec|"
                     r"\bbloqu(?:é|ée|és|ées)\b|verrouill|suspendu|refus|impossible|inconnu|"
                     r"pas valide|non valides?\b|pas correct|pas pu vous (?:identifier|authentifier|connecter)|"
                     r"\bmauvais(?:es?)?\s+(?:identifiants?|mot de passe|numéro|combinaison)|"
                     r"trop de tentatives|trop d'(?:essais|erreurs|échecs)|"
                     r"ne correspond|ne (?:nous )?permet(?:tent)? pas|n'(?:ont|a) pas permis|"
                     r"compte introuvable|inexact|\bpas (?:les|le|la) bon(?:ne)?s?\b|"
                     r"v[ée]rifi(?:ez|er) (?:vos identifiants|votre saisie|votre mot de passe|"
                     r"les informations saisies)|"
                     r"une erreur (?:est survenue|s'est produite)|erreur (?:technique|d(?:e |')"
                     r"(?:connexion|authentification|identification))|"
                     r"\bréessay|ne reconnaiss\w* pas|(?:accès|connexion) non autorisée?|"
                     r"(?:identifiants?|mot de passe|numéro)\b[^.!?]{0,40}\b(?:faux|(?:non|pas) valables?)\b|"
                     r"\b(?:un|des) (?:identifiants?|mot de passe|numéro)\b[^.!?]{0,30}\bvalides?\b|"
                     r"indisponible", re.IGNORECASE)


def refusal_seen(ui) -> str:
    """What shows a person that the login was refused, "" when nothing does: the login form
    shown again, or, on a page without it that offers no way to log out (an opened account
    does), « Connectez-vous » (the account's home) or a sentence of refusal (« mot de passe
    incorrect », « compte temporairement bloqué », « accès refusé »)."""
    if login_form_shown(ui):
        return "le formulaire de connexion de nouveau"
    if logout_offered(ui):
        return ""
    # The account's home, which offers to log in: the person is not in (a refusal that leads
    # back there without a word still leaves them out).
    if actions(ui.page, texts.name(texts.HOME_LOGIN)).count():
        return f"une page qui propose « {texts.HOME_LOGIN} »"
    text = " ".join(ui.body_text().split())
    found = REFUSAL.search(text)
    if found is None:
        return ""
    return f"« {text[max(0, found.start() - 60):found.end() + 60]} »"


def account_opens(ui, browser, target, person, password, state) -> str:
    """Whether `password`, which the target said it recorded, opens `person`'s account, tried as a
    person would on another day: in a browser of its own (closed afterwards; the first one left as
    it was). "" when it opens, else what was seen, with what the login's fields kept out at the
    keyboard. A confirmation page proves nothing by itself: a password mangled on the way (cut to
    a length, a character lost or encoded twice) is confirmed, then never opens the account."""
    with in_a_browser_of_its_own(ui, browser, state):
        log_in(ui, target, person, password)
        if refusal_seen(ui):
            return (f"la connexion est refusée : "
                    f"{ui.kept_out_of(texts.LOGIN_NIR, texts.LOGIN_PASSWORD)}{ui.body_text()[:200]}")
        return _error_status(ui)


def _error_status(ui) -> str:
    """The page shown after logging in, when its HTTP status says an error; else ""."""
    status = ui.navigation_status()
    return f"statut HTTP {status} : {ui.body_text()[:250]}" if status >= 400 else ""


def must_open(ui, browser, target, person, password, state, failure: str, which: str) -> None:
    """`account_opens`, as a step's verdict: FAILED (`failure`, with what was seen) when the
    account does not open with `which` password."""
    problem = account_opens(ui, browser, target, person, password, state)
    if problem:
        raise ConformanceFailure(failure, expected=f"le compte ameli ouvert avec {which}",
                                 seen=problem)


@when("je me connecte avec mon ancien mot de passe")
@when("je me connecte avec mon mot de passe")
def logs_in_old(ui, target, persona):
    log_in(ui, target, persona, persona.password)


@when("je me connecte avec mon mot de passe depuis un autre navigateur")
def logs_in_elsewhere(ui, browser, target, persona, scenario_state):
    other_browser(ui, browser, scenario_state)
    log_in(ui, target, persona, persona.password)


def recorded(state):
    """The last password the target confirmed (a typed one may have been refused)."""
    return state.recorded_password or state.new_password


@when("je me connecte avec mon nouveau mot de passe")
def logs_in_new(ui, target, persona, scenario_state):
    log_in(ui, target, persona, recorded(scenario_state))


@when("je me connecte avec un mauvais mot de passe")
def logs_in_wrong_once(ui, target, persona, scenario_state):
    fail_logins(ui, target, persona, scenario_state, 1)


@then("le formulaire du nouveau mot de passe est proposé")
def reset_form_offered(ui):
    if not ui.has_field(texts.RESET_PASSWORD) or not ui.has_field(texts.RESET_CONFIRMATION):
        raise ConformanceFailure("le formulaire du nouveau mot de passe n'est pas proposé",
                                 expected="les champs « Nouveau mot de passe » et « Confirmer »",
                                 seen=ui.body_text()[:300])


@when("je me connecte avec mon nouveau mot de passe depuis un autre navigateur")
def logs_in_new_elsewhere(ui, browser, target, persona, scenario_state):
    other_browser(ui, browser, scenario_state)
    log_in(ui, target, persona, recorded(scenario_state))


@when("je me connecte avec mon nouveau mot de passe depuis un autre navigateur, mon numéro "
      "saisi avec les espaces de ma carte Vitale")
def logs_in_new_with_card_spaces(ui, browser, target, persona, scenario_state):
    """The NIR as the card writes it (« 1 85 05 75 123 456 78 »): its spaces do not count, at the
    login as on the request form (the reference reading)."""
    other_browser(ui, browser, scenario_state)
    spaced = replace(persona, nir_card_spaces=True)
    privacy.register_persona(spaced)
    log_in(ui, target, spaced, recorded(scenario_state))


def fail_logins(ui, target, persona, state, times, browser=None, between=lambda: None):
    wrong = passwords.conforming(rng=state.rng)
    for n in range(times):
        if n:
            between()
        if browser is not None:
            other_browser(ui, browser, state)
        log_in(ui, target, persona, wrong)
        if not refusal_seen(ui):
            raise ConformanceFailure("un mauvais mot de passe a ouvert le compte",
                                     expected="un refus", seen=ui.body_text()[:200])


@when("je me connecte avec un mauvais mot de passe autant de fois que le service le permet")
def logs_in_wrong(ui, target, control, persona, interpretations, scenario_state):
    fail_logins(ui, target, persona, scenario_state, interpretations.login_failure_limit)
    if "clock" in control.capabilities:
        scenario_state.login_blocked_at = control.now()


@moves_clock(when, "je me connecte avec un mauvais mot de passe autant de fois que le service le "
             "permet, à 30 secondes d'intervalle")
def logs_in_wrong_spaced(ui, target, control, persona, interpretations, scenario_state):
    """The errors of a person who tries for a while: the block counts from the one that blocks
    (a target that counts it from the first error ends it minutes early)."""
    control.require("clock", "espacer les erreurs")
    fail_logins(ui, target, persona, scenario_state, interpretations.login_failure_limit,
                between=lambda: control.advance(30))
    scenario_state.login_blocked_at = control.now()


@when("je me connecte avec un mauvais mot de passe autant de fois que le service le permet, "
      "chaque fois depuis un autre navigateur")
def logs_in_wrong_browsers(ui, browser, target, persona, interpretations, scenario_state):
    fail_logins(ui, target, persona, scenario_state, interpretations.login_failure_limit, browser)


@when("je me connecte avec un mauvais mot de passe une fois de moins que le service le permet")
def logs_in_wrong_once_less(ui, target, persona, interpretations, scenario_state):
    fail_logins(ui, target, persona, scenario_state, interpretations.login_failure_limit - 1)


@moves_clock(when, "la durée du blocage de la connexion est passée")
def login_block_over(control, interpretations):
    control.require("clock", "faire passer la durée du blocage")
    control.advance(interpretations.login_block_minutes * 60)


@moves_clock(when, "il est 15 secondes avant la fin du blocage de la connexion")
def login_block_almost_over(control, interpretations, scenario_state):
    """Closer to the end than the errors are apart (30 s): a block counted from the error
    before the one that blocks is over by then."""
    control.require("clock", "faire passer la durée du blocage")
    control.freeze(scenario_state.login_blocked_at
                   + timedelta(minutes=interpretations.login_block_minutes, seconds=-15))


@then("mon ancien mot de passe ouvre toujours mon compte, depuis un autre navigateur")
def old_still_works(ui, browser, target, persona, scenario_state):
    """A refusal changes nothing: the password of before still opens the account (a target that
    records a password before checking it, then shows the refusal, changed it). The other
    browser is closed afterwards: the person goes on in the first one, on its form."""
    must_open(ui, browser, target, persona, persona.password, scenario_state,
              "l'ancien mot de passe n'ouvre plus le compte après des refus",
              "l'ancien mot de passe")


@then("chacun de mes anciens mots de passe est refusé")
def old_ones_refused(ui, target, persona, scenario_state):
    state = scenario_state
    since = len(state.checks)
    olds = [persona.password, *state.old_passwords]
    for n, old in enumerate(dict.fromkeys(p for p in olds if p and p != state.new_password), 1):
        log_in(ui, target, persona, old)
        refused = bool(refusal_seen(ui))
        verifications.record(state, "", f"ancien mot de passe n° {n}", refused,
                             "connexion refusée", "" if refused else "compte ouvert")
    verifications.settle(state, since, "anciens mots de passe")


@then("la connexion est refusée")
def login_refused(ui):
    if not refusal_seen(ui):
        raise ConformanceFailure("la connexion a été acceptée",
                                 expected="un refus : la page de connexion, ou une page qui dit "
                                 "le refus", seen=ui.body_text()[:300])


@then("ce mot de passe ouvre mon compte")
@then("le mot de passe enregistré ouvre mon compte")
def this_password_opens(ui, browser, target, persona, scenario_state):
    must_open(ui, browser, target, persona, recorded(scenario_state), scenario_state,
              "le mot de passe confirmé n'ouvre pas le compte", "ce mot de passe")


@then("ces mots de passe presque identiques au mien n'ouvrent pas mon compte :")
def neighbours_refused(ui, browser, target, persona, interpretations, scenario_state, datatable):
    """Only the exact password opens the account: each neighbour of the recorded one (its last
    character changed, its case swapped, one character less or more) is refused, each tried
    in a browser of its own. Fewer tries than the login allows before it blocks (the rest are
    rows « non essayé »), so that no refusal comes from a block."""
    state = scenario_state
    since, password = len(state.checks), recorded(state)
    allowed = max(0, interpretations.login_failure_limit - 1)
    for n, (description,) in enumerate(datatable[1:]):
        if n >= allowed:
            verifications.skip(state, "", description, "connexion refusée",
                               f"non essayé : la connexion se bloque après "
                               f"{interpretations.login_failure_limit} erreur(s)")
            continue
        problem = account_opens(ui, browser, target, persona,
                                passwords.neighbour(description, password), state)
        verifications.record(state, "", description, bool(problem), "connexion refusée",
                             "" if problem else "le compte s'est ouvert")
    verifications.settle(state, since, "des mots de passe presque identiques")


@then("le nouveau mot de passe de l'autre assuré ouvre son compte, depuis un autre navigateur")
def others_new_opens(ui, browser, target, scenario_state):
    other = scenario_state.others[-1]
    must_open(ui, browser, target, other, scenario_state.other_password, scenario_state,
              "le nouveau mot de passe de l'autre assuré n'ouvre pas son compte",
              "le nouveau mot de passe de l'autre assuré")


@then("mon mot de passe ouvre toujours mon compte, depuis un autre navigateur")
def mine_still_opens(ui, browser, target, persona, scenario_state):
    must_open(ui, browser, target, persona, persona.password, scenario_state,
              "le changement d'un autre assuré a changé mon mot de passe", "mon mot de passe")


@then("le nouveau mot de passe de l'autre assuré n'ouvre pas mon compte")
def others_new_not_mine(ui, browser, target, persona, scenario_state):
    if not account_opens(ui, browser, target, persona, scenario_state.other_password,
                         scenario_state):
        raise ConformanceFailure("le nouveau mot de passe d'un autre assuré ouvre mon compte",
                                 expected="la connexion refusée",
                                 seen="mon compte s'est ouvert")


@then("je suis connecté à mon compte ameli")
def logged_in(ui):
    """The account opened: the login form gone, no sentence of refusal (`refusal_seen`), and a
    page that is no error (its HTTP status)."""
    try:
        expect(labelled(ui.page, texts.LOGIN_PASSWORD, either=True)).to_have_count(0)
    except AssertionError:
        raise ConformanceFailure("la connexion a été refusée", expected="le compte ameli ouvert",
                                 seen=ui.body_text()[:300]) from None
    refused = refusal_seen(ui)
    if refused:
        raise ConformanceFailure("la connexion a été refusée", expected="le compte ameli ouvert",
                                 seen=refused)
    problem = _error_status(ui)
    if problem:
        raise ConformanceFailure("la connexion n'a pas ouvert le compte",
                                 expected="le compte ameli ouvert", seen=problem)
