"""Steps 2, 3 and 3bis: the request form, the CAPTCHA, the page that follows; and time."""
import base64
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from fixtures import privacy
from fixtures.errors import ConformanceFailure, HarnessError
from fixtures.personas import KINDS, make_persona
from fixtures.processes import wait_until

from . import texts, verifications
from .horloge import moves_clock
from .navigation import open_request_form

FORM_FIELDS = (texts.FORM_NIR, texts.FORM_BIRTH_DATE, texts.FORM_EMAIL, texts.FORM_CAPTCHA)

PARIS = ZoneInfo("Europe/Paris")


def masked(address: str) -> str:
    """The guide's masking, t***@t***.com (../shared/design/requirements.md, E3-ENVOI)."""
    local, _, domain = address.partition("@")
    tld = domain.rsplit(".", 1)[-1]
    return f"{local[0]}***@{domain[0]}***.{tld}"


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


@given(parsers.re(r"un assuré (?P<naissance>né .+) dont le compte ameli a une adresse mail "
                  r"validée"), target_fixture="persona")
def insured_born(request, control, interpretations, naissance):
    """A persona of a named kind of birth (Corsica, abroad, overseas, a 29 February)."""
    if naissance not in KIND_OF:
        raise ValueError(f"naissance inconnue : {naissance!r} ({', '.join(KIND_OF)})")
    from fixtures.plugin import scenario_rng

    person = make_persona(rng=scenario_rng(request, "assuré"), interpretations=interpretations,
                          kind=KIND_OF[naissance])
    privacy.register_persona(person)
    create_account(control, person)
    return person


def another_person(request, control, interpretations, state, create=True):
    """Another insured person (a new account, or a NIR nobody has when `create` is false)."""
    from fixtures.plugin import scenario_rng

    state.others.append(None)
    person = make_persona(rng=scenario_rng(request, f"autre-{len(state.others)}"),
                          interpretations=interpretations)
    state.others[-1] = person
    privacy.register_persona(person)
    if create:
        create_account(control, person)
    return person


def other_browser(ui, browser, state):
    """Another browser, sharing nothing with the first (no cookie, no storage): the person's
    next steps happen there. The first stays open."""
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    state.contexts.append(context)
    ui.page = context.new_page()
    ui.pristine = {}
    return ui.page


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
    ui.remember_pristine(*FORM_FIELDS)
    state.series = None
    note_series(ui, control, state)


def show_form(ui, target, control, state):
    """The request form, the first time from the account home, then as a person who kept it."""
    if getattr(state, "form_url", None):
        ui.page.goto(state.form_url)
    else:
        open_request_form(ui, target)
    remember_form(ui, control, state)


def fill_identity(ui, persona, state, except_field=None, typed=None):
    values = {
        texts.FORM_NIR: persona.nir,
        texts.FORM_BIRTH_DATE: persona.birth_date_fr,
        texts.FORM_EMAIL: persona.email,
    }
    if except_field is not None:
        values[except_field] = typed
    for label, value in values.items():
        ui.fill(label, value)
    state.typed = values


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
    today = control.now().date() if "clock" in control.capabilities else datetime.now(PARIS).date()
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


@moves_clock(when, parsers.re(r"(?P<duree>\d+ (?:minutes?|heures?)(?: et \d+ (?:minutes?|"
                             r"secondes?))?) passent"))
def time_goes_by(duree, control):
    control.require("clock", "faire passer le temps du service")
    control.advance(seconds_of(duree))


# ------------------------------------------------------------------ what the page says


def error_problem(ui, label) -> tuple[str, str]:
    """What is wrong with the message beside a field after a submission ('' when nothing): it
    must be there, new (not a text the untouched form already had there), and in French."""
    message = ui.new_message_beside(label)
    if not message:
        return "aucune erreur nouvelle à côté du champ", ui.error_beside(label)[:200]
    if not texts.FRENCH.search(message):
        return "le message d'erreur n'est pas en français", message
    return "", message


def check_error_beside(ui, label):
    problem, seen = error_problem(ui, label)
    if problem:
        raise ConformanceFailure(
            f"{problem} « {label} »", expected="un message d'erreur en français lié au champ, "
            "apparu après l'envoi", seen=seen or ui.body_text()[:300])
    return seen


@then(parsers.parse("une erreur en français est signalée à côté du champ « {champ} »"))
def error_beside(ui, champ):
    check_error_beside(ui, champ)


@then("une erreur signale que les caractères recopiés sont faux")
def captcha_error(ui, control, scenario_state):
    check_error_beside(ui, texts.FORM_CAPTCHA)
    note_series(ui, control, scenario_state)  # the series now shown, and since when


@then("chacune de ces saisies est signalée à côté de son champ, sans effacer ce qui a été "
      "saisi ni envoyer de mail :")
def each_entry_refused(ui, control, target, mailpit, persona, scenario_state, datatable):
    """Many malformed entries on one form: each submitted, each refused beside its field."""
    state = scenario_state
    since = len(state.checks)
    before = len(mailpit.messages_to(persona.email))
    for field, entry in datatable[1:]:
        fill_identity(ui, persona, state, field.strip(), typed_value(entry, persona, control))
        tried = f"« {field.strip()} » : {entry.strip()}"
        if field.strip() in ui.untypable:  # a date control: this form cannot even be typed
            verifications.record(state, "E2-FORMULAIRE", tried, True,
                                 "une erreur en français à côté du champ, la saisie conservée",
                                 "refusé à la saisie : un champ de date ne prend que jj/mm/aaaa")
            continue
        copy_captcha(ui, control, target, state=state)
        ui.click(texts.FORM_SUBMIT)
        problem, seen = error_problem(ui, field.strip()) if ui.has_field(field.strip()) else (
            "le formulaire n'est plus affiché", ui.body_text()[:200])
        if not problem:
            lost = [label for label, value in state.typed.items() if ui.value(label) != value]
            if lost:
                problem, seen = "saisie effacée", ", ".join(f"« {label} »" for label in lost)
        verifications.record(state, "E2-FORMULAIRE", tried, not problem,
                             "une erreur en français à côté du champ, la saisie conservée",
                             f"{problem} : {seen}" if problem else seen)
        if not ui.has_field(texts.FORM_NIR):
            show_form(ui, target, control, state)
    verifications.no_mail_since(state, mailpit, persona.email, before, "pendant ces saisies")
    verifications.settle(state, since, "saisies manquantes ou erronées")


@then("chacune de ces copies erronées est refusée, sans envoyer de mail :")
def each_miscopy_refused(ui, control, target, mailpit, persona, scenario_state, datatable):
    """Each kind of mistake in the copy of the CAPTCHA, one after the other on the same form."""
    state = scenario_state
    since = len(state.checks)
    before = len(mailpit.messages_to(persona.email))
    for (how,) in datatable[1:]:
        fill_identity(ui, persona, state)
        answer = copy_captcha(ui, control, target, state=state)
        ui.fill(texts.FORM_CAPTCHA, miscopied(answer, how.strip()))
        ui.click(texts.FORM_SUBMIT)
        problem, seen = error_problem(ui, texts.FORM_CAPTCHA) if ui.has_field(
            texts.FORM_CAPTCHA) else ("accepté", ui.body_text()[:200])
        verifications.record(state, "E2-CAPTCHA-ERREUR", how.strip(), not problem,
                             "refusée, avec un message en français à côté des caractères",
                             f"{problem} : {seen}" if problem else seen)
        if not ui.has_field(texts.FORM_NIR):
            show_form(ui, target, control, state)
        note_series(ui, control, state)
    verifications.no_mail_since(state, mailpit, persona.email, before, "pendant ces copies")
    verifications.settle(state, since, "copies erronées des caractères")


@then("les informations saisies sont conservées")
def values_kept(ui, scenario_state):
    for label, value in scenario_state.typed.items():
        seen = ui.value(label)
        if seen != value:
            raise ConformanceFailure(f"la saisie du champ « {label} » n'a pas été conservée",
                                     expected=privacy.redact(value) or "(vide)",
                                     seen=privacy.redact(seen) or "(vide)")


@then("aucun mail n'est envoyé")
@then("aucun nouveau mail n'est envoyé")
def no_mail(mailpit, persona, scenario_state):
    before = getattr(scenario_state, "mails_before", 0)
    after = mailpit.count_stays(persona.email, before)
    if after != before:
        raise ConformanceFailure("un mail a été envoyé", expected="aucun mail",
                                 seen=f"{after - before} mail(s) à l'adresse de l'assuré")


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
    after = mailpit.count_stays(persona.email, before + 1)
    if after != before + 1 or len(received) != before + 1:
        raise ConformanceFailure("plusieurs mails pour une seule demande",
                                 expected="1 mail", seen=f"{max(after, len(received)) - before}")


# ------------------------------------------------------------------ the CAPTCHA


@then("le formulaire montre une image des caractères à recopier")
def shows_captcha_image(ui):
    images = ui.page.locator("form img, form canvas")
    named = ui.page.get_by_role("img", name=texts.CAPTCHA_IMAGE)
    image = named.or_(images).first
    try:
        expect(image).to_be_visible()
    except AssertionError:
        raise ConformanceFailure("pas d'image de caractères dans le formulaire",
                                 expected="une image à recopier", seen=ui.body_text()[:300]) from None
    size = image.evaluate(
        "(el) => el.tagName === 'CANVAS' ? [el.width, el.height]"
        " : (el.complete ? [el.naturalWidth, el.naturalHeight] : [0, 0])"
    )
    if min(size) < 10:
        raise ConformanceFailure("l'image des caractères ne s'affiche pas",
                                 expected="une image lisible", seen=f"taille {size[0]}×{size[1]}")


@given("j'ai noté les caractères de l'image")
def notes_captcha(ui, control, target, scenario_state):
    control.require("captcha", "savoir quels caractères l'image montrait")
    scenario_state.noted = control.captcha_answer(ui.page.context.cookies(ui.page.url))


@when("je clique sur la flèche pour obtenir une nouvelle série de caractères")
def clicks_arrow(ui, control, scenario_state):
    control.require("captcha", "savoir quels caractères l'image montrait")
    scenario_state.before_arrow = control.captcha_answer(ui.page.context.cookies(ui.page.url))
    ui.press(ui.action_matching(texts.CAPTCHA_ARROW, "la flèche (nouvelle série)"))


@then("une nouvelle série de caractères m'est proposée")
def new_series(ui, control, target, scenario_state):
    changed = wait_until(
        lambda: control.captcha_answer(ui.page.context.cookies(ui.page.url))
        != scenario_state.before_arrow,
        timeout=5,
    )
    if not changed:
        raise ConformanceFailure("la flèche n'a pas donné de nouvelle série",
                                 expected="d'autres caractères", seen="les mêmes caractères")
    note_series(ui, control, scenario_state)


@when("je recopie les caractères de la série précédente")
def types_previous(ui, mailpit, persona, scenario_state):
    ui.fill(texts.FORM_CAPTCHA, scenario_state.before_arrow)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))


@when("je recopie les caractères notés avant la nouvelle série")
def types_noted(ui, mailpit, persona, scenario_state):
    ui.fill(texts.FORM_CAPTCHA, scenario_state.noted)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))


@when("je clique sur le microphone")
def clicks_micro(ui, scenario_state):
    micro = ui.action_matching(texts.CAPTCHA_MICRO, "le microphone (extrait sonore)")
    with ui.page.expect_response(
        lambda r: r.headers.get("content-type", "").startswith("audio/")
    ) as response:
        micro.click()
    # Chromium streams media: response.body() never completes for it, and has no deadline.
    # The same clip is fetched again with the browser context's cookies, under a deadline.
    clip = ui.page.context.request.get(response.value.url, timeout=10_000)
    scenario_state.audio = clip.body()


_DECODE = """async ([data, deadline]) => {
    const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
    const ctx = new OfflineAudioContext(1, 8000, 8000);
    const late = new Promise(resolve => setTimeout(() => resolve(-2), deadline));
    const decoded = ctx.decodeAudioData(bytes.buffer).then(b => b.duration, () => -1);
    return await Promise.race([decoded, late]);
}"""


@then("j'entends un extrait sonore que le navigateur sait lire, de la longueur des caractères")
def audio_plays(ui, interpretations, scenario_state):
    # Decoded by the browser's own audio stack, in a blank page of the same browser (the page
    # that plays the clip may be a media document), under a deadline: page.evaluate has none.
    listener = ui.page.context.new_page()
    try:
        duration = listener.evaluate(
            _DECODE, [base64.b64encode(scenario_state.audio).decode(), 5000]
        )
    finally:
        listener.close()
    if duration == -2:
        raise HarnessError("navigateur", "le décodage de l'extrait sonore n'a pas abouti en 5 s")
    if duration <= 0:
        raise ConformanceFailure("l'extrait sonore n'est pas lisible par le navigateur",
                                 expected="un fichier audio",
                                 seen=f"{len(scenario_state.audio)} octets illisibles")
    low = 0.25 * interpretations.captcha_length
    if not low <= duration <= 60:
        raise ConformanceFailure("l'extrait sonore n'a pas la longueur d'une série de caractères",
                                 expected=f"entre {low:.1f} s et 60 s", seen=f"{duration:.1f} s")


# ------------------------------------------------------------------ time


def at_paris(day: str, hour: str, season: str | None) -> datetime:
    local = datetime.strptime(f"{day} {hour}", "%d/%m/%Y %Hh%M")
    fold = 1 if season and "hiver" in season else 0  # the repeated hour of the autumn change
    return local.replace(tzinfo=PARIS, fold=fold)


@moves_clock(given, parsers.re(r"nous sommes le (?P<jour>\d{2}/\d{2}/\d{4}) à (?P<heure>\d{2}h"
                              r"\d{2})(?: \((?P<saison>heure d['’](?:été|hiver))\))?, heure de "
                              r"Paris"))
def it_is(control, jour, heure, saison):
    control.require("clock", "fixer la date et l'heure du service")
    control.freeze(at_paris(jour, heure, saison).astimezone(timezone.utc))


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


ELAPSED = parsers.re(r"(?P<duree>.+) se sont écoulées depuis (?P<repere>ma demande|"
                     r"l['’]affichage de l['’]image)")


@moves_clock(given, ELAPSED)
@moves_clock(when, ELAPSED)
def time_passes(duree, repere, control, scenario_state):
    control.require("clock", "faire passer le temps du service")
    since = scenario_state.request_time if "demande" in repere else scenario_state.image_time
    elapsed = (control.now() - since).total_seconds()
    control.advance(max(0.0, seconds_of(duree) - elapsed))


def freeze_now(control):
    """Each scenario starts on a frozen clock, so that a duration since a request is exact."""
    if control is not None and "clock" in control.capabilities:
        control.freeze(datetime.now(timezone.utc).replace(microsecond=0))


# ------------------------------------------------------------------ another person, at once


@given("un autre assuré affiche le formulaire « Mot de passe oublié » dans un autre navigateur")
def other_person_on_form(request, ui, browser, target, control, interpretations, scenario_state):
    from types import SimpleNamespace

    from .ui import Ui

    person = another_person(request, control, interpretations, scenario_state)
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    scenario_state.contexts.append(context)
    other = Ui(context.new_page())
    other.shortcuts = ui.shortcuts  # one scenario, one report
    open_request_form(other, target)
    scenario_state.other = SimpleNamespace(person=person, ui=other, typed={}, mails_before=0)


@when("l'autre assuré remplit le formulaire, recopie les caractères de son image et clique sur "
      "« Recevoir le mail »")
def other_person_submits(control, target, mailpit, scenario_state):
    other = scenario_state.other
    fill_identity(other.ui, other.person, other)
    copy_captcha(other.ui, control, target)
    other.mails_before = len(mailpit.messages_to(other.person.email))
    other.ui.click(texts.FORM_SUBMIT)


@when("l'autre assuré demande le renouvellement de son mot de passe dans ce navigateur")
def other_requests_here(request, ui, target, control, mailpit, interpretations, scenario_state):
    from types import SimpleNamespace

    person = another_person(request, control, interpretations, scenario_state)
    other = SimpleNamespace(person=person, ui=ui, typed={}, mails_before=0)
    show_form(ui, target, control, scenario_state)
    fill_identity(ui, person, other)
    copy_captcha(ui, control, target)
    other.mails_before = len(mailpit.messages_to(person.email))
    ui.click(texts.FORM_SUBMIT)
    scenario_state.other = other


@then("l'autre assuré reçoit son mail")
def other_person_gets_mail(mailpit, scenario_state):
    other = scenario_state.other
    other.ui.expect_phrase(texts.SENT)
    mailpit.wait_for(other.person.email, other.mails_before + 1)


# ------------------------------------------------------------------ requests that must not send


@then("aucune de ces demandes n'envoie de mail, ni à mon adresse ni à l'adresse saisie :")
def mismatches_send_nothing(request, ui, target, control, mailpit, persona, interpretations,
                            scenario_state, datatable):
    """The NIR, the birth date and the address must all be the account's: one of them other
    and no mail leaves, neither to the account's address nor to the one typed."""
    state = scenario_state
    since = len(state.checks)
    nobody = another_person(request, control, interpretations, state, create=False)
    mine = len(mailpit.messages_to(persona.email))
    theirs = len(mailpit.messages_to(nobody.email))
    later = persona.birth_date + timedelta(days=1 if persona.birth_date.day < 28 else -1)
    for (what,) in datatable[1:]:
        what = what.strip()
        field, value = {
            "une autre date de naissance": (texts.FORM_BIRTH_DATE, later.strftime("%d/%m/%Y")),
            "le numéro de sécurité sociale d'une autre personne": (texts.FORM_NIR, nobody.nir),
            "une autre adresse mail": (texts.FORM_EMAIL, nobody.email),
        }[what]
        show_form(ui, target, control, state)
        fill_identity(ui, persona, state, field, value)
        copy_captcha(ui, control, target, state=state)
        ui.click(texts.FORM_SUBMIT)
        now_mine = mailpit.count_stays(persona.email, mine)
        now_theirs = mailpit.count_stays(nobody.email, theirs)
        verifications.record(state, "E3-ENVOI", f"demande avec {what}",
                             now_mine == mine and now_theirs == theirs, "aucun mail",
                             f"{now_mine - mine} mail(s) au compte, {now_theirs - theirs} à "
                             "l'adresse saisie")
        mine, theirs = now_mine, now_theirs
    verifications.settle(state, since, "demandes qui ne correspondent pas au compte")
