"""Step 4: the mail, read through the catcher's API and opened in the browser as a person would."""
from pytest_bdd import given, parsers, then, when

from fixtures.errors import ConformanceFailure

from . import texts


def open_mail(ui, mailpit, persona, scenario_state):
    """Opens the newest mail received since the request, in the browser."""
    before = getattr(scenario_state, "mails_before", 0)
    newest = mailpit.wait_for(persona.email, before + 1)[0]
    scenario_state.mail = mailpit.message(newest["ID"])
    ui.page.goto(mailpit.view_url(newest["ID"]))


def click_in_mail(ui, mailpit, persona, scenario_state, nom):
    if scenario_state.mail is None or "/view/" not in ui.page.url:
        open_mail(ui, mailpit, persona, scenario_state)
    link = ui.action(nom)
    if (link.get_attribute("target") or "").lower() == "_blank":
        with ui.page.context.expect_page() as opened:
            link.click()
        ui.page = opened.value
        ui.page.wait_for_load_state("domcontentloaded")
    else:
        ui.click(nom)


@when("j'ouvre le mail reçu")
def opens_mail(ui, mailpit, persona, scenario_state):
    open_mail(ui, mailpit, persona, scenario_state)


@when(parsers.parse("je clique dans le mail sur « {nom} »"))
def clicks_in_mail(ui, mailpit, persona, scenario_state, nom):
    click_in_mail(ui, mailpit, persona, scenario_state, nom)


@given(parsers.parse("j'ai cliqué dans le mail sur « {nom} »"))
def clicked_in_mail(ui, mailpit, persona, scenario_state, nom):
    click_in_mail(ui, mailpit, persona, scenario_state, nom)


@then(parsers.parse("le mail a pour objet « {objet} »"))
def mail_subject(scenario_state, objet):
    seen = scenario_state.mail["Subject"]
    if " ".join(seen.split()) != " ".join(objet.split()):
        raise ConformanceFailure("objet du mail", expected=objet, seen=seen)


@then(parsers.parse("le mail a pour expéditeur « {nom} »"))
def mail_sender(scenario_state, nom):
    seen = (scenario_state.mail.get("From") or {}).get("Name", "")
    if seen.strip() != nom:
        raise ConformanceFailure("nom de l'expéditeur du mail", expected=nom, seen=seen)


@then("le mail a une version HTML et une version texte")
def mail_parts(scenario_state):
    missing = [part for part in ("HTML", "Text") if not (scenario_state.mail.get(part) or "").strip()]
    if missing:
        raise ConformanceFailure("parties du mail", expected="HTML et texte",
                                 seen=f"partie absente : {', '.join(missing)}")


@then(parsers.parse("le mail contient « {texte} »"))
def mail_contains(ui, scenario_state, texte):
    ui.expect_phrase(texte)  # the HTML part, as the browser shows it
    if not texts.phrase(texte).search(scenario_state.mail.get("Text") or ""):
        raise ConformanceFailure("texte absent de la version texte du mail",
                                 expected=f"« {texte} »", seen="(version texte)")


@then(parsers.parse("le mail propose « {nom} »"))
def mail_offers(ui, nom):
    ui.action(nom)
