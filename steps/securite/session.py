"""Après le changement : SEC-PAS-DE-CONNEXION-AUTO, SEC-SESSIONS ; et l'API de contrôle
désactivée : SEC-CONTROLE-DESACTIVE."""
import secrets

import httpx
import pytest

from ameli_conformance import contract
from ameli_conformance.errors import ConformanceFailure, NotApplicable
from ameli_conformance.fixtures.bdd import given, then, when

from ..connexion import log_in, login_form_shown
from ..navigation import logout_offered
from ..ui import Ui

# ------------------------------------------------------------------ SEC-PAS-DE-CONNEXION-AUTO


@then("la page ne propose pas de me déconnecter")
def no_logout(ui):
    if logout_offered(ui):
        raise ConformanceFailure("la confirmation a ouvert le compte : elle propose de se déconnecter",
                                 expected="aucune session ouverte", seen="un bouton de déconnexion")


@then("la page de connexion me demande toujours mon mot de passe")
def login_still_asked(ui, target):
    from ..navigation import open_login

    try:  # the way a person takes, whatever the session does; never logged out first
        open_login(ui, target, shortcut=False, log_out_first=False)
    except ConformanceFailure:
        pass
    if not login_form_shown(ui):
        raise ConformanceFailure("la page de connexion ne demande plus le mot de passe",
                                 expected="le formulaire de connexion", seen=ui.body_text()[:200])


# ------------------------------------------------------------------ SEC-SESSIONS


@given("je suis connecté à mon compte dans un autre navigateur")
def logged_in_elsewhere(browser, target, persona, scenario_state, request):
    context = browser.new_context(**scenario_state.context_args)
    request.addfinalizer(context.close)
    other = Ui(context.new_page())
    log_in(other, target, persona, persona.password)
    if login_form_shown(other):
        raise ConformanceFailure("la connexion avec le mot de passe du compte a été refusée",
                                 expected="le compte ouvert", seen=other.body_text()[:200])
    scenario_state.other_ui = other
    scenario_state.account_url = other.page.url


@when("je recharge la page de mon compte dans l'autre navigateur")
def reloads_elsewhere(scenario_state):
    scenario_state.other_ui.page.goto(scenario_state.account_url)


@then("l'autre navigateur n'est plus connecté à mon compte")
def logged_out_elsewhere(scenario_state):
    other = scenario_state.other_ui
    still = other.page.url == scenario_state.account_url and not login_form_shown(other)
    if still:
        raise ConformanceFailure("une session ouverte avant le renouvellement est restée ouverte",
                                 expected="la session fermée (page de connexion)",
                                 seen="la page du compte, toujours ouverte")


# ------------------------------------------------------------------ SEC-CONTROLE-DESACTIVE


@given("la cible démarrée sans jeton de contrôle", target_fixture="control_url_under_test")
def target_without_control(target_provider, tmp_path_factory, reports_dir, request):
    other = target_provider.without_control(tmp_path_factory.mktemp("sans-controle"),
                                            reports_dir / "logs" / "sans-controle")
    request.addfinalizer(other.stop)
    return other.control_url


@pytest.fixture
def control_url_under_test(target):
    return target.control_url


@then("aucune opération de l'API de contrôle ne répond sans jeton ni avec un faux jeton")
def control_refused(control_url_under_test):
    if not control_url_under_test:
        raise NotApplicable("la cible ne déclare pas d'API de contrôle")
    base = control_url_under_test.rstrip("/")
    answered = []
    with httpx.Client(timeout=10) as client:
        for method, path, _ in contract.operations():
            for headers in ({}, {"Authorization": "Bearer " + secrets.token_urlsafe(24)}):
                try:
                    response = client.request(method, base + path, headers=headers,
                                              json={} if method in ("POST", "PUT") else None)
                except httpx.HTTPError:
                    continue  # nothing answers: as good as absent
                if response.status_code < 300 or '"answer"' in response.text:
                    answered.append(f"{method} {path} {'(faux jeton)' if headers else '(sans jeton)'}"
                                    f" → {response.status_code}")
    if answered:
        raise ConformanceFailure("l'API de contrôle répond sans son jeton",
                                 expected="401 ou 404 partout", seen="; ".join(answered[:5]))
