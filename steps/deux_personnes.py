"""Two people at once, and requests that must not send: another insured person on the form in
another browser, and requests whose data do not match the account."""
from datetime import timedelta

from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.fixtures.bdd import given, parsers, then, when

from . import texts, verifications
from .demande import another_person, copy_captcha, show_form
from .navigation import open_request_form
from .saisie import fill_identity

# ------------------------------------------------------------------ another person, at once


@given("un autre assuré affiche le formulaire « Mot de passe oublié » dans un autre navigateur")
def other_person_on_form(request, ui, browser, target, control, interpretations, scenario_state):
    from types import SimpleNamespace

    from .ui import Ui

    person = another_person(request, control, interpretations, scenario_state)
    context = browser.new_context(**scenario_state.context_args)
    scenario_state.contexts.append(context)
    other = Ui(context.new_page(), answered=ui.answered)
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
    person = another_person(request, control, interpretations, scenario_state)
    _requests_here(ui, target, control, mailpit, scenario_state, person)


@when("l'autre assuré, qui partage mon adresse, demande le renouvellement de son mot de passe")
def sharer_requests_here(ui, target, control, mailpit, scenario_state):
    """The other person of the household (« un autre assuré dont le compte ameli a la même
    adresse mail validée que le mien ») asks in this browser. My requests and mails (my model
    of the window, my newest link) stay as they are: the other's mail reaches our address, it
    is not mine."""
    _requests_here(ui, target, control, mailpit, scenario_state, scenario_state.others[-1])


def _requests_here(ui, target, control, mailpit, scenario_state, person):
    from types import SimpleNamespace

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
    try:
        other.ui.expect_phrase(texts.SENT)
    except ConformanceFailure as refused:
        raise ConformanceFailure("la demande de l'autre assuré n'aboutit pas",
                                 expected=refused.expected, seen=refused.seen) from None
    mailpit.wait_for(other.person.email, other.mails_before + 1)


# ------------------------------------------------------------------ requests that must not send


MISMATCHES = ("une autre date de naissance", "le numéro de sécurité sociale d'une autre personne",
              "une autre adresse mail")


def submit_mismatch(ui, target, control, persona, nobody, state, what):
    """A request with my information, but for one of them (`what`, one of MISMATCHES): another
    birth date (a day off), `nobody`'s number, or `nobody`'s address."""
    later = persona.birth_date + timedelta(days=1 if persona.birth_date.day < 28 else -1)
    field, value = {
        MISMATCHES[0]: (texts.FORM_BIRTH_DATE, later.strftime("%d/%m/%Y")),
        MISMATCHES[1]: (texts.FORM_NIR, nobody.nir_typed),
        MISMATCHES[2]: (texts.FORM_EMAIL, nobody.email),
    }[what]
    show_form(ui, target, control, state)
    fill_identity(ui, persona, state, field, value)
    copy_captcha(ui, control, target, state=state)
    ui.click(texts.FORM_SUBMIT)


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
    for (what,) in datatable[1:]:
        what = what.strip()
        submit_mismatch(ui, target, control, persona, nobody, state, what)
        now_mine = mailpit.count_stays(persona.email, mine)
        now_theirs = mailpit.count_stays(nobody.email, theirs)
        verifications.record(state, "E3-ENVOI", f"demande avec {what}",
                             now_mine == mine and now_theirs == theirs, "aucun mail",
                             f"{now_mine - mine} mail(s) au compte, {now_theirs - theirs} à "
                             "l'adresse saisie")
        mine, theirs = now_mine, now_theirs
    verifications.settle(state, since, "demandes qui ne correspondent pas au compte")


@when(parsers.re(r"je demande le renouvellement avec mon numéro mais une autre "
                 r"(?P<quoi>date de naissance|adresse mail)"))
def mismatched_request(request, ui, target, control, persona, interpretations, scenario_state,
                       quoi):
    """A request with a typo in the birth date or the address, the number mine. Whether a mail
    leaves is E3-ENVOI's (« aucune de ces demandes n'envoie de mail »); here, what it changes
    for what comes after."""
    nobody = another_person(request, control, interpretations, scenario_state, create=False)
    submit_mismatch(ui, target, control, persona, nobody, scenario_state, f"une autre {quoi}")
