"""Steps 2, 3 and 3bis: what the page says after a request: the errors beside the fields, the
masked address, the mail sent or not."""

from urllib.parse import unquote

from ameli_conformance import privacy
from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.fixtures.bdd import parsers, then

from . import bouton_tenu, texts, verifications
from .demande import copy_captcha, miscopied, note_series, show_form, typed_value
from .captcha import image_follows, images_seen
from .saisie import fill_identity, identity
from .bouton_tenu import HELD

# ------------------------------------------------------------------ what the page says


def same_entry(shown: str, typed: str) -> bool:
    """What a field shows again is what was typed, its spaces aside: a target may write the
    number back in groups (« 1 85 05 78 006 084 36 ») or trim the address."""
    return "".join((shown or "").split()) == "".join((typed or "").split())


def error_problem(ui, label, right=None) -> tuple[str, str]:
    """What is wrong with the message beside a field after a submission ('' when nothing): it
    must be there, new (not a text the untouched form already had there; where the form held
    its button, not a text it has with `right` typed instead), and in French."""
    held = ui.reaction == HELD and right is not None
    message = bouton_tenu.held_message_beside(ui, label, right) if held \
        else ui.new_message_beside(label)
    if not message:
        return (f"{HELD}, et " * held + "aucune erreur nouvelle à côté du champ",
                ui.error_beside(label)[:200])
    if not texts.is_french(message, label):
        return "le message d'erreur n'est pas en français", message
    return "", message


def check_error_beside(ui, label, judge=None,
                       expected="un message d'erreur en français lié au champ, apparu après "
                                "l'envoi"):
    """FAILED when `judge` (`error_problem` by default) finds the message for `label` wrong."""
    problem, seen = (judge or error_problem)(ui, label)
    if problem:
        raise ConformanceFailure(f"{problem} « {label} »", expected=expected,
                                 seen=seen or ui.body_text()[:300])
    return seen


@then(parsers.parse("une erreur en français est signalée à côté du champ « {champ} »"))
def error_beside(ui, champ):
    check_error_beside(ui, champ)


def captcha_error_problem(ui, label=texts.FORM_CAPTCHA, right=None) -> tuple[str, str]:
    """What is wrong with the message of a wrong copy ('' when nothing): beside the field, or
    said in the page (an alert, a banner) and speaking of the characters. The guide asks for
    neither place (« il
    peut recommencer »); E2-FORMULAIRE's « à côté du champ » is for the information typed."""
    problem, seen = error_problem(ui, label, right)
    if not problem:
        return "", seen
    announced = ui.new_alerts()
    if texts.CAPTCHA_IMAGE.search(announced) and texts.is_french(announced):
        return "", f"annoncé : {announced}"
    # Or in a line of the page that the untouched form's page had not: a banner above the form,
    # written in the page without the role alert (the DSFR's `fr-alert`). Not where the form held
    # its button: the page is then the last sending's, its banner too.
    written = ui.new_page_text() if ui.reaction != HELD and "(page)" in ui.pristine else ""
    if texts.CAPTCHA_IMAGE.search(written) and texts.is_french(written):
        return "", f"écrit dans la page : {written}"
    return problem, seen


@then("une erreur signale que les caractères recopiés sont faux")
def captcha_error(ui, control, scenario_state):
    check_error_beside(ui, texts.FORM_CAPTCHA, captcha_error_problem,
                       expected="un message en français, à côté du champ ou annoncé, apparu "
                                "après l'envoi")
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
                                 "refusé à la saisie : la date ne peut pas y être donnée sous cette "
                                 "forme")
            continue
        # What the fields show before the submission: an input mask may have grouped the
        # number or put the date's slashes in, or left out a character it does not take.
        held = {label: ui.value(label) for label in state.typed}
        copy_captcha(ui, control, target, state=state)
        ui.click(texts.FORM_SUBMIT)
        right = identity(persona)[field.strip()]  # where the form held: what it says only then
        problem, seen = error_problem(ui, field.strip(), right) if ui.has_field(
            field.strip()) else ("le formulaire n'est plus affiché", ui.body_text()[:200])
        if not problem:
            lost = [label for label, value in held.items()
                    if not same_entry(ui.value(label), value)
                    or (state.typed[label] and not value)]  # a mask that emptied the field
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
    for row, (how,) in enumerate(datatable[1:]):
        fill_identity(ui, persona, state)
        answer = copy_captcha(ui, control, target, state=state)
        shown = images_seen(ui) if not row else None  # the first time: is the new series shown?
        ui.fill(texts.FORM_CAPTCHA, miscopied(answer, how.strip()))
        ui.click(texts.FORM_SUBMIT)
        problem, seen = captcha_error_problem(ui, right=answer) if ui.has_field(
            texts.FORM_CAPTCHA) else ("accepté", ui.body_text()[:200])
        verifications.record(state, "E2-CAPTCHA-ERREUR", how.strip(), not problem,
                             "refusée, avec un message en français (à côté des caractères, ou "
                             "annoncé)",
                             f"{problem} : {seen}" if problem else seen)
        if shown is not None and ui.has_field(texts.FORM_CAPTCHA):
            stale = image_follows(ui, control, answer, shown)
            verifications.record(state, "E2-CAPTCHA-ERREUR", "l'image après une copie erronée",
                                 not stale, "l'image de la série à recopier", stale or
                                 "l'image de la série à recopier")
        if not ui.has_field(texts.FORM_NIR):
            show_form(ui, target, control, state)
        note_series(ui, control, state)
    verifications.no_mail_since(state, mailpit, persona.email, before, "pendant ces copies")
    verifications.settle(state, since, "copies erronées des caractères")


@then("les informations saisies sont conservées")
def values_kept(ui, scenario_state):
    for label, value in scenario_state.typed.items():
        seen = ui.value(label)
        if not same_entry(seen, value):
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
    ui.expect_phrase(f"{texts.SENT} {texts.masked(persona.email)}")
    # What the person sees: the page, its title in the tab, its address in the address bar.
    seen = f"{ui.body_text()} {ui.page.title()} {unquote(ui.page.url)}"
    if persona.email.lower() in seen.lower():
        raise ConformanceFailure("l'adresse mail est affichée en clair",
                                 expected=texts.masked(persona.email), seen="l'adresse complète")


@then("je reçois un seul mail, à l'adresse de mon compte")
def one_mail(mailpit, persona, scenario_state):
    before = getattr(scenario_state, "mails_before", 0)
    received = mailpit.wait_for(persona.email, before + 1)
    after = mailpit.count_stays(persona.email, before + 1)
    if after != before + 1 or len(received) != before + 1:
        raise ConformanceFailure("plusieurs mails pour une seule demande",
                                 expected="1 mail", seen=f"{max(after, len(received)) - before}")
    if received[0]["ID"] not in {m["ID"] for m in scenario_state.reset_mails}:  # the newest
        scenario_state.reset_mails.append(mailpit.message(received[0]["ID"]))
