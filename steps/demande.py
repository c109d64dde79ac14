"""Steps 2, 3 and 3bis: the person, the request form filled and sent (what the page says after
it: steps/reponse.py; the CAPTCHA: steps/captcha.py and steps/extrait.py; time: steps/temps.py)."""
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ameli_conformance import privacy
from ameli_conformance.fixtures.bdd import given, parsers, when
from ameli_conformance.fixtures.personas import KINDS, make_persona

from . import texts
from .saisie import fill_identity
from .navigation import form_address_kept, open_request_form, out_of_the_account

FORM_FIELDS = (texts.FORM_NIR, texts.FORM_BIRTH_DATE, texts.FORM_EMAIL, texts.FORM_CAPTCHA)

PARIS = ZoneInfo("Europe/Paris")


# ------------------------------------------------------------------ the person and the form


def create_account(control, persona, **overrides):
    control.require("accounts", "créer le compte de l'assuré")
    control.create_account(persona, **overrides)


@given("un assuré dont le compte ameli a une adresse mail validée")
def insured_with_validated_email(persona, control):
    create_account(control, persona)


@given("un assuré dont le compte ameli n'a pas d'adresse mail")
def insured_without_email(persona, control):
    create_account(control, persona, email=None, email_validated=False)


@given("un assuré dont l'adresse mail n'est pas validée")
def insured_not_validated(persona, control):
    create_account(control, persona, email_validated=False)


@given(parsers.parse("un assuré dont l'adresse mail validée est « {adresse} »"),
       target_fixture="persona")
def insured_with_address(persona, control, adresse):
    # The address is written in the feature file, public like the rest of it: it is not masked
    # (the persona's generated values still are, registered by the `persona` fixture).
    person = replace(persona, email=adresse)
    create_account(control, person)
    return person


KIND_OF = {words: kind for kind, words in KINDS.items()}


@given(parsers.re(r"un assuré (?P<naissance>(?:né|dont la clé|qui saisit) .+?),? dont le compte "
                  r"ameli a une adresse mail validée"), target_fixture="persona")
def insured_born(request, control, interpretations, naissance):
    """A persona of a named kind of birth (Corsica, abroad, overseas, a 29 February), or of NIR
    (a key written with a zero, the card's spaces typed)."""
    if naissance not in KIND_OF:
        raise ValueError(f"sorte d'assuré inconnue : {naissance!r} ({', '.join(KIND_OF)})")
    from ameli_conformance.fixtures.plugin import scenario_rng

    person = make_persona(rng=scenario_rng(request, "assuré"), interpretations=interpretations,
                          kind=KIND_OF[naissance])
    privacy.register_persona(person)
    create_account(control, person)
    return person


def another_person(request, control, interpretations, state, create=True):
    """Another insured person (a new account, or a NIR nobody has when `create` is false)."""
    from ameli_conformance.fixtures.plugin import scenario_rng

    state.others.append(None)
    person = make_persona(rng=scenario_rng(request, f"autre-{len(state.others)}"),
                          interpretations=interpretations)
    state.others[-1] = person
    privacy.register_persona(person)
    if create:
        create_account(control, person)
    return person


def other_browser(ui, browser, state, **device):
    """Another browser, sharing nothing with the first (no cookie, no storage): the person's
    next steps happen there. The first stays open. `device`: Playwright's context options of
    another device (its `user_agent`)."""
    context = browser.new_context(**{**state.context_args, **device})
    state.contexts.append(context)
    ui.page = context.new_page()
    ui.pristine = {}
    return ui.page


@contextmanager
def in_a_browser_of_its_own(ui, browser, state):
    """Another browser, sharing nothing with the person's, for a few steps (a login tried on
    another day, a link of a mail opened by whoever reads it): `ui` drives it, then gets the
    person's page back as it was; the other browser is closed."""
    first, pristine = ui.page, ui.pristine
    context = browser.new_context(**state.context_args)
    try:
        ui.page, ui.pristine = context.new_page(), {}
        yield ui.page
    finally:
        ui.page, ui.pristine = first, pristine
        context.close()


def note_series(ui, control, state):
    """The CAPTCHA series shown now, and when it was first shown: the 5 minutes run from the
    display of the series the person copies (a new one after the arrow or an error; the same
    one if the target keeps it)."""
    if "captcha" not in control.capabilities:
        return
    answer = control.captcha_answer(ui.page.context.cookies(ui.page.url))
    if answer != state.series:
        state.series = answer
        if "clock" in control.capabilities:
            state.image_time = control.now()


def remember_form(ui, control, state):
    state.form_url = ui.page.url
    ui.remember_pristine(*FORM_FIELDS, page=True)
    state.series = None
    note_series(ui, control, state)


def show_form(ui, target, control, state):
    """The request form, the first time from the account home, then as a person who kept it
    (logging out first where the form leads a logged-in person to the account, as Devise's
    does); by its way if bound to a session, which may have ended since."""
    if getattr(state, "form_url", None) and form_address_kept(target):
        ui.page.goto(state.form_url)
        if not ui.has_field(texts.FORM_NIR):
            out_of_the_account(ui, state.form_url, "le formulaire « Mot de passe oublié »")
    else:
        open_request_form(ui, target)
    remember_form(ui, control, state)


def miscopied(answer: str, how: str) -> str:
    """A copy of `answer` with one mistake a person makes. The character put in is never a
    look-alike of the one it replaces (K and X look like no other character)."""
    other = lambda c: "X" if c.upper() == "K" else "K"  # noqa: E731
    return {
        "tous les caractères faux": "".join("2" if c != "2" else "3" for c in answer),
        "un caractère changé": answer[:-1] + other(answer[-1]),
        "le premier caractère changé": other(answer[0]) + answer[1:],
        "un caractère en moins": answer[:-1],
        "un caractère en trop": answer + other(answer[-1]),
        "(rien)": "",
    }[how]


def copy_captcha(ui, control, target, wrong=False, state=None):
    control.require("captcha", "lire les caractères de l'image comme une personne les lit")
    answer = control.captcha_answer(ui.page.context.cookies(ui.page.url))
    if state is not None and answer != state.series:  # a series not seen yet: shown just now
        note_series(ui, control, state)
    if wrong:
        answer = miscopied(answer, "tous les caractères faux")
    ui.fill(texts.FORM_CAPTCHA, answer)
    return answer


def submit_request(ui, target, control, mailpit, persona, state):
    """Steps 2 and 3 as a person does them, up to the click on « Recevoir le mail »."""
    show_form(ui, target, control, state)
    fill_identity(ui, persona, state)
    copy_captcha(ui, control, target)
    state.mails_before = len(mailpit.messages_to(persona.email))
    ui.click(texts.FORM_SUBMIT)


def request_reset(ui, target, control, mailpit, persona, state):
    """A request that succeeds: the page says the mail was sent, and the mail is there."""
    submit_request(ui, target, control, mailpit, persona, state)
    ui.expect_phrase(texts.SENT)
    note_if_sent(ui, control, mailpit, persona, state)


@given("j'ai demandé le renouvellement de mon mot de passe")
@given("j'ai demandé à nouveau le renouvellement de mon mot de passe")
def has_requested(ui, target, control, mailpit, persona, scenario_state):
    request_reset(ui, target, control, mailpit, persona, scenario_state)


@given("j'ai demandé à nouveau le renouvellement de mon mot de passe, depuis un autre navigateur")
def has_requested_elsewhere(ui, browser, target, control, mailpit, persona, scenario_state):
    """The second request from a browser that shares nothing with the first (a phone, then a
    computer): the older link stops all the same, whoever asked from where."""
    other_browser(ui, browser, scenario_state)
    scenario_state.form_url = None
    request_reset(ui, target, control, mailpit, persona, scenario_state)


@given("je suis sur le formulaire « Mot de passe oublié »")
def on_request_form(ui, target, control, scenario_state):
    show_form(ui, target, control, scenario_state)


@when("je remplis le formulaire avec mes informations")
@when("je saisis mon numéro de sécurité sociale, ma date de naissance et mon adresse mail")
def type_identity(ui, persona, scenario_state):
    fill_identity(ui, persona, scenario_state)


def typed_value(spec: str, persona, control) -> str:
    """« 123 » is typed as it is; a description in brackets is made from the persona."""
    spec = spec.strip()
    if spec.startswith("«") and spec.endswith("»"):
        return spec[1:-1].strip()
    # Today in Paris, as the person filling the form sees it: the target's clock may answer in
    # UTC, whose date is yesterday's between midnight and 1 or 2 a.m. in Paris (a fresh-clone
    # run at 00:05 Paris time typed « tomorrow » as today's date, which a target accepts).
    now = control.now() if "clock" in control.capabilities else datetime.now(PARIS)
    today = (now.astimezone(PARIS) if now.tzinfo else now).date()
    made = {
        "(rien)": "",
        "(mon numéro avec une mauvaise clé)":
            persona.nir[:13] + f"{(int(persona.nir[13:]) % 97) + 1:02d}",
        "(la date de demain)": (today + timedelta(days=1)).strftime("%d/%m/%Y"),
    }
    if spec not in made:
        raise ValueError(f"saisie inconnue {spec!r} : « texte » ou l'une de {sorted(made)}")
    return made[spec]


@when(parsers.re(r"je remplis le formulaire avec mes informations, sauf « (?P<champ>[^»]+) » "
                 r"où je saisis (?P<saisie>.+)"))
def type_identity_but(ui, persona, control, scenario_state, champ, saisie):
    fill_identity(ui, persona, scenario_state, champ.strip(), typed_value(saisie, persona, control))


@when("je recopie les caractères de l'image")
def type_captcha(ui, control, target, mailpit, persona, scenario_state):
    copy_captcha(ui, control, target, state=scenario_state)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))


@when("je recopie mal les caractères de l'image")
def type_captcha_wrong(ui, control, target, mailpit, persona, scenario_state):
    copy_captcha(ui, control, target, wrong=True, state=scenario_state)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))


@when("je remplis à nouveau le formulaire et recopie les caractères de l'image")
def type_again(ui, control, target, mailpit, persona, scenario_state):
    fill_identity(ui, persona, scenario_state)
    type_captcha(ui, control, target, mailpit, persona, scenario_state)


@when("je demande une nouvelle fois le renouvellement de mon mot de passe")
def requests_again(ui, target, control, mailpit, persona, scenario_state):
    submit_request(ui, target, control, mailpit, persona, scenario_state)
    note_if_sent(ui, control, mailpit, persona, scenario_state)


def note_if_sent(ui, control, mailpit, persona, state):
    """A request the page says was sent counts, and its mail is the newest: both noted."""
    if not texts.phrase(texts.SENT).search(ui.body_text()):
        return
    if "clock" in control.capabilities:
        state.request_time = control.now()
        state.request_times.append(state.request_time)
    newest = mailpit.wait_for(persona.email, state.mails_before + 1)[0]
    state.reset_mails.append(mailpit.message(newest["ID"]))


@when("je demande le renouvellement de mon mot de passe dans un autre onglet")
def requests_in_other_tab(ui, target, control, mailpit, persona, scenario_state):
    """The page shown stays open in its tab (a form of step 5, say); the request is made in a
    new tab, where the person then is."""
    scenario_state.first_tab = scenario_state.first_tab or ui.page
    ui.page = ui.page.context.new_page()
    submit_request(ui, target, control, mailpit, persona, scenario_state)
    note_if_sent(ui, control, mailpit, persona, scenario_state)


@when("je passe à un autre navigateur")
def switches_browser(ui, browser, scenario_state):
    other_browser(ui, browser, scenario_state)
    scenario_state.form_url = None
    scenario_state.first_tab = None
