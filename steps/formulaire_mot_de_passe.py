"""The new-password form as a person uses it (step 5): typing, validating, and reading the
answer, a refusal and its reason or the confirmation. The steps are in mot_de_passe.py."""
import random
from datetime import datetime, timezone

from playwright.sync_api import expect

from ameli_conformance import privacy
from ameli_conformance.errors import ConformanceFailure

from . import bouton_tenu, page_scripts, passwords, texts
from .bouton_tenu import HELD, HELD_MS


PASSWORD_FIELDS = (texts.RESET_PASSWORD, texts.RESET_CONFIRMATION)


def password_cut(ui) -> str:
    """What the new-password fields (no field of another page) kept less of than was typed: cut
    short (`maxlength`), or a character kept out at the keyboard (steps/frappe.py)."""
    return "; ".join(note for label in PASSWORD_FIELDS
                     for note in (ui.cut_note(label), ui.kept_out.get(label, "")) if note)


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
    ui.reaction = ""
    if texts.RESET_PASSWORD in ui.cuts:
        return  # the field kept less than was typed: what was typed cannot be sent
    ui.click(texts.RESET_SUBMIT)


def held_reason(ui) -> str:
    """Why a form holds its button, as the person sees it: the lines that look otherwise with
    what was typed than with a password that meets every rule (a rule's line unticked, in
    another colour, with another icon: page_scripts.LOOKS), typed in between and then typed
    back. Empty when nothing differs."""
    def note_looks():
        try:
            expect(ui.action(texts.RESET_SUBMIT)).to_be_enabled(timeout=HELD_MS)
        except AssertionError:
            pass  # held even then: the lines are compared all the same
        ui.page.evaluate(page_scripts.LOOKS)

    good = passwords.conforming(rng=random.Random(0))
    bouton_tenu.typed_instead(ui, dict.fromkeys(PASSWORD_FIELDS, good), note_looks)
    return ui.page.evaluate(page_scripts.LOOKS_CHANGED)


# Passwords refused for one rule only, each against its rule (no digit: no part of a NIR).
ONE_RULE_BROKEN = {"longueur": "Ab!xkq", "casse": "ab!xkqwmzt",
                   "chiffre ou caractère spécial": "Abxkqwmztv",
                   "caractères autorisés": "Ab!xkq#mzt"}


def marked_reason(ui, rule: str) -> str:
    """Why a form the server sent again refuses, where no word says it: the lines that look
    otherwise (a rule's line marked ✗ by a class and a CSS icon, or by « ✗ » in its text) than on
    the same form refused for another rule, and otherwise than on it refused for a third one (a
    line marked on one of those pages only differs from the other). Those two pages come from
    sendings made only then, once per page; their looks are kept in `ui.marks`. A sending the
    browser refuses (a field's own limit: 8 characters at least) gives no such page: the next
    rule's is taken."""
    refused = ui.page.evaluate(page_scripts.LINE_LOOKS)
    others = []
    for other in (r for r in ONE_RULE_BROKEN if r != rule):
        if other not in ui.marks:
            for label in PASSWORD_FIELDS:
                ui.fill(label, ONE_RULE_BROKEN[other])
            ui.click(texts.RESET_SUBMIT)
            ui.marks[other] = ui.page.evaluate(page_scripts.LINE_LOOKS) \
                if not ui.refused_by_browser and ui.has_field(texts.RESET_PASSWORD) \
                and not texts.confirmed(ui.lines()) else {}
        if ui.marks[other]:
            others.append(other)
        if len(others) == 2:
            break
    else:
        return ""
    # A line that those pages have not (« ✗ Comporter… » where they say « ✓ Comporter… »), or
    # have with another look.
    changed = [t for t, look in refused.items() if all(ui.marks[o].get(t) != look for o in others)]
    return " · ".join(t for t in changed if not any(o != t and o in t for o in changed))


def refusal_problem(ui, rule: str) -> tuple[str, str]:
    """What is wrong with a refusal ('' when nothing): no confirmation, and a reason that speaks
    of the rule, among the messages that appeared after the submission (the rules listed on the
    page, or a text already beside a field, are no reason): beside the fields of the form shown
    again, in an alert, or in a line its page had not (a banner), or said by a page of its own
    without the form; where the form held its button, or where no word says it, shown by the
    rule's line (held_reason, marked_reason). A field that stops the typing at the guide's 50
    characters refuses a longer password as it is typed: that is a refusal for the length, and
    the field's limit is its reason."""
    cut = ui.cuts.get(texts.RESET_PASSWORD)
    if cut:
        typed, kept = cut
        if rule == "longueur" and kept == passwords.LONGEST < typed:
            return "", f"refusé à la saisie : {ui.cut_note(texts.RESET_PASSWORD)}"
        return "la saisie a été coupée", ui.cut_note(texts.RESET_PASSWORD)
    if texts.confirmed(ui.lines()):
        return "accepté", "la confirmation du nouveau mot de passe"
    if not ui.has_field(texts.RESET_PASSWORD):
        # A refusal on a page of its own (the guide does not show it; « Réessayer », or the
        # mail's link again, leads back to the form): its reason is what the page announces
        # (an alert), or a line it says that the form's page did not (the rules listed there,
        # shown again, being no reason).
        for said in (ui.new_alerts(), ui.new_page_text()):
            if said and texts.REASONS[rule].search(said):
                return "", f"refusé sur une page à lui : {said[:200]}"
        return "le formulaire n'est plus proposé", ui.body_text()[:200]
    reason = " ".join([ui.new_message_beside(texts.RESET_PASSWORD),
                       ui.new_message_beside(texts.RESET_CONFIRMATION), ui.new_alerts()]).strip()
    if ui.reaction == HELD:  # not sent: the reason said, or shown by its rule's line
        if not texts.REASONS[rule].search(reason):
            reason = held_reason(ui) or "(aucune ligne ne change)"
        reason = f"bouton désactivé ; {reason}"
    elif not texts.REASONS[rule].search(reason):
        # Or in a line of the page that the form's page had not: a banner above the form,
        # written in the page without the role alert (the DSFR's `fr-alert`).
        reason = " ".join((reason, ui.new_page_text())).strip()
    if not texts.REASONS[rule].search(reason) and rule != "confirmation" \
            and ui.reaction != HELD and not ui.refused_by_browser:
        marked = marked_reason(ui, rule)  # the rules' lines, marked by their look alone
        reason = f"{reason} ; ligne marquée : {marked}".lstrip(" ;") if marked else reason
    if not texts.REASONS[rule].search(reason):
        return "refusé sans la raison", reason or "(aucun message nouveau)"
    return "", reason


def check_refused(ui, rule: str, what: str):
    problem, seen = refusal_problem(ui, rule)
    if problem:
        raise ConformanceFailure(f"{what} : {problem}", expected=f"refusé, avec une raison : {rule}",
                                 seen=seen)


def check_confirmed(ui, what="la confirmation que le mot de passe est enregistré", state=None):
    if password_cut(ui):  # the password typed could not be sent as typed
        raise ConformanceFailure(f"{what} : le mot de passe saisi n'a pas pu être envoyé",
                                 expected=what, seen=password_cut(ui))
    facts = getattr(state, "password_facts", None)
    said = f"{what} (mot de passe saisi : {facts})" if facts else what
    if ui.reaction == HELD:
        raise ConformanceFailure(f"{said} : « {texts.RESET_SUBMIT} » est resté désactivé",
                                 expected=said, seen=held_reason(ui) or ui.seen())
    if not texts.confirmed(ui.lines()):
        # A page still coming is waited for until it says something of the kind, a short title
        # too; then read as the first look reads it (a hint's « le mot de passe modifié » is not
        # a confirmation).
        ui.expect_pattern(texts.MAY_CONFIRM, said)
        if not texts.confirmed(ui.lines()):
            raise ConformanceFailure(f"{said} : absent de la page", expected=said, seen=ui.seen())
    if state is not None:
        state.recorded_password = state.new_password


def change_password(ui, control, mailpit, persona, state, password):
    """On the new-password form: types `password` twice, validates; True when confirmed."""
    type_passwords(ui, state, password)
    if password_cut(ui):  # the person cannot type this password: it is not accepted
        return False
    validate(ui, control, mailpit, persona, state)
    try:
        ui.page.wait_for_load_state("domcontentloaded")
        confirmed = texts.confirmed(ui.lines())
    except Exception:
        return False
    if confirmed:
        state.recorded_password = password
        notice_settles(mailpit, persona, state)
    return confirmed


def notice_settles(mailpit, persona, state):
    """After a change: its notice, if it comes, comes now, not into the count of the next
    request's mail (a target that sends its mails from a queue, a second or so later, had the
    notice taken for the next request's mail)."""
    mailpit.count_stays(persona.email, state.mails_before_change)
