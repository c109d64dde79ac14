"""Steps 5 and 6: the new password, its rules, its confirmation, and logging in with it."""
from ameli_conformance.errors import ConformanceFailure, HarnessError, OutsideReading
from ameli_conformance.fixtures.bdd import given, parsers, then, when

from . import passwords, texts, verifications
from .courriel import click_in_mail, notices_since
from .connexion import account_opens
from .navigation import out_of_the_account
from .demande import another_person, create_account, request_reset
from .formulaire_mot_de_passe import (before_change, change_password, check_confirmed,
                                      check_refused, notice_settles, password_cut, refusal_problem,
                                      type_passwords, validate)


def full_change(ui, target, control, mailpit, person, state, password):
    """The whole procedure for `person`, from the request form to the confirmation."""
    request_reset(ui, target, control, mailpit, person, state)
    click_in_mail(ui, mailpit, state, texts.MAIL_BUTTON)
    return change_password(ui, control, mailpit, person, state, password)


@when("je saisis un nouveau mot de passe conforme et je le confirme")
def types_new_password(ui, control, mailpit, persona, scenario_state):
    """On the form: the page's, or, after a refusal shown on a page of its own, the mail's link
    opened again (as the refusal tables do)."""
    _form_for_next_row(ui, mailpit, scenario_state, spent=False)
    type_passwords(ui, scenario_state, passwords.conforming(rng=scenario_state.rng))
    before_change(control, mailpit, persona, scenario_state)


@when(parsers.parse("je choisis un mot de passe {description}"))
def chooses_password(ui, control, mailpit, persona, interpretations, scenario_state, description):
    _form_for_next_row(ui, mailpit, scenario_state, spent=False)  # after a refusal, as above
    password = passwords.build(description, persona, interpretations, scenario_state.rng)
    scenario_state.password_facts = passwords.facts(password, persona, interpretations)
    type_passwords(ui, scenario_state, password)
    before_change(control, mailpit, persona, scenario_state)


@when("je saisis un mot de passe conforme et une confirmation différente")
def types_mismatch(ui, control, mailpit, persona, scenario_state):
    password = passwords.conforming(rng=scenario_state.rng)
    type_passwords(ui, scenario_state, password, password[:-1] + ("x" if password[-1] != "x" else "y"))
    before_change(control, mailpit, persona, scenario_state)


@given("un autre assuré dont le compte ameli a la même adresse mail validée que le mien")
def other_sharing_my_address(request, control, interpretations, persona, scenario_state):
    """Two insured persons of one household, one address: the other's account is created
    after mine (a target that finds an account by its address finds mine first). Not
    applicable where the profile says an address is one account's only (seed 003)."""
    from dataclasses import replace

    if not interpretations.shared_email:
        raise OutsideReading("le profil déclare une adresse mail propre à chaque compte "
                             "(shared_email = false ; article 003 : une adresse unique par "
                             "compte depuis juillet 2017)")
    other = another_person(request, control, interpretations, scenario_state, create=False)
    scenario_state.others[-1] = replace(other, email=persona.email)
    try:
        create_account(control, scenario_state.others[-1])
    except HarnessError as refused:
        raise HarnessError(refused.part, f"{refused.diagnosis} ; un second compte à la même "
                           "adresse mail a été refusé : si la cible veut une adresse propre à "
                           "chaque compte (article 003), déclarez shared_email = false dans "
                           "[interpretations]") from None


@when("l'autre assuré renouvelle son mot de passe avec le mail reçu à notre adresse")
def other_changes_password(ui, target, control, mailpit, scenario_state):
    """The other person's whole procedure, in this browser, with their own request, mail and
    link: mine (my mails, my model of the window, my recorded password) stay as they are."""
    from copy import copy

    other = scenario_state.others[-1]
    password = passwords.conforming(rng=scenario_state.rng)
    theirs = copy(scenario_state)
    theirs.reset_mails, theirs.request_times = [], []
    if not full_change(ui, target, control, mailpit, other, theirs, password):
        raise ConformanceFailure("le changement de mot de passe de l'autre assuré n'est pas "
                                 "confirmé", expected="la confirmation", seen=ui.body_text()[:300])
    scenario_state.other_password = password


@given("j'ai enregistré un nouveau mot de passe")
@given("j'ai enregistré un autre nouveau mot de passe")
@when("j'enregistre un nouveau mot de passe")
def has_new_password(ui, target, control, mailpit, persona, scenario_state):
    state = scenario_state
    state.old_passwords.append(state.new_password or persona.password)
    request_reset(ui, target, control, mailpit, persona, state)
    click_in_mail(ui, mailpit, state, texts.MAIL_BUTTON)
    type_passwords(ui, state, passwords.conforming(rng=state.rng))
    validate(ui, control, mailpit, persona, state)
    check_confirmed(ui, state=state)
    notice_settles(mailpit, persona, state)


@then("la page confirme que mon nouveau mot de passe est enregistré")
def confirms_recorded(ui, scenario_state):
    check_confirmed(ui, state=scenario_state)


@then("un mot de passe conforme est ensuite accepté")
def then_accepted(ui, control, mailpit, persona, scenario_state):
    """After refusals, the same link still lets the person choose a password (a person whose
    refusal was shown on a page without the form opens the mail's link again)."""
    if not ui.has_field(texts.RESET_PASSWORD):
        click_in_mail(ui, mailpit, scenario_state, texts.MAIL_BUTTON)
    link_works(ui, control, mailpit, persona, scenario_state)


@then("le lien me permet d'enregistrer un nouveau mot de passe")
def link_works(ui, control, mailpit, persona, scenario_state):
    """A link works when it lets the person record a password, not when a heading shows."""
    if not ui.has_field(texts.RESET_PASSWORD):
        raise ConformanceFailure("le formulaire du nouveau mot de passe n'est pas proposé",
                                 expected="les champs « Nouveau mot de passe » et « Confirmer »",
                                 seen=ui.body_text()[:300])
    if not change_password(ui, control, mailpit, persona, scenario_state,
                           passwords.conforming(rng=scenario_state.rng)):
        raise ConformanceFailure("un mot de passe conforme n'a pas été enregistré",
                                 expected="la confirmation du nouveau mot de passe",
                                 seen=ui.body_text()[:300])


@then("chacun de ces mots de passe est accepté et ouvre ensuite le compte, chacun avec un "
      "nouveau lien :")
def each_accepted(ui, browser, target, control, mailpit, interpretations, request,
                  scenario_state, datatable):
    """Acceptance needs a fresh link each time: one new account per password, the whole
    procedure from the request form (the form is reached once, then by its address); then the
    password, confirmed, must open the account."""
    state = scenario_state
    since = len(state.checks)
    for (description,) in datatable[1:]:
        for tried, password in passwords.build_all(description, None, interpretations,
                                                    state.rng) if "chaque" in description \
                else [(description.strip(), None)]:
            person = another_person(request, control, interpretations, state)
            if password is None:
                password = passwords.build(description, person, interpretations, state.rng)
            ok = full_change(ui, target, control, mailpit, person, state, password)
            seen = "" if ok else password_cut(ui) or ui.body_text()[:200]
            if ok:
                seen = account_opens(ui, browser, target, person, password, state)
                ok = not seen
                seen = f"confirmé, puis {seen}" if seen else "confirmé, et le compte s'ouvre"
            verifications.record(state, "", tried, ok,
                                 "accepté (confirmation), puis ouvre le compte", seen)
    verifications.settle(state, since, "mots de passe conformes refusés")


@then(parsers.parse("le mot de passe est refusé, avec une raison qui parle de « {regle} »"))
def refused_for(ui, regle, scenario_state):
    facts = getattr(scenario_state, "password_facts", None)
    check_refused(ui, passwords.rule_of(regle),
                  f"le mot de passe ({facts})" if facts else "le mot de passe")


SPENT = "non essayé : le lien du mail a déjà servi au mot de passe accepté plus haut"


def _form_for_next_row(ui, mailpit, state, spent: bool) -> bool:
    """The form again for the table's next row: the page's, or the mail's link opened again
    (after a refusal on a page of its own). False once a row's password was accepted: the link
    has served (E4-USAGE-UNIQUE), and the rows after it are reported as not tried, rather than
    the table stopping on a form the link no longer gives."""
    if ui.has_field(texts.RESET_PASSWORD):
        return True
    if spent:
        return False
    click_in_mail(ui, mailpit, state, texts.MAIL_BUTTON)
    return True


@then("ces mots de passe sont refusés, chacun avec sa raison :")
def each_refused(ui, persona, interpretations, control, mailpit, scenario_state, datatable):
    """Every password on the same form, one after the other: each refused with its reason,
    none recorded, no notice sent."""
    state = scenario_state
    since = len(state.checks)
    before = len(mailpit.messages_to(persona.email))
    header, *rows = datatable
    spent = False
    for description, rule in rows:
        if "date de naissance au format" in description:
            form = description.rsplit(" ", 1)[-1]
            if form not in interpretations.birth_date_forms:
                continue  # the target's profile does not refuse this form
        for tried, password in passwords.build_all(description, persona, interpretations,
                                                    state.rng):
            expected = f"refusé, avec une raison : {rule}"
            if not _form_for_next_row(ui, mailpit, state, spent):
                verifications.skip(state, "", f"mot de passe {tried}", expected, SPENT)
                continue
            type_passwords(ui, state, password)
            validate(ui, control, mailpit, persona, state)
            problem, seen = refusal_problem(ui, passwords.rule_of(rule))
            spent = spent or problem == "accepté"
            facts = passwords.facts(password, persona, interpretations)
            verifications.record(state, "", f"mot de passe {tried}", not problem, expected,
                                 f"{problem} : {seen} (mot de passe essayé : {facts})"
                                 if problem else seen)
    verifications.no_mail_since(state, mailpit, persona.email, before, "pendant ces refus")
    verifications.settle(state, since, "mots de passe non conformes")


@then("ces confirmations sont refusées, chacune avec sa raison :")
def each_confirmation_refused(ui, persona, control, mailpit, scenario_state, datatable):
    state = scenario_state
    since = len(state.checks)
    before = len(mailpit.messages_to(persona.email))
    spent = False
    for (how,) in datatable[1:]:
        password = passwords.conforming(rng=state.rng)
        confirmation = {
            "un caractère changé": password[:-1] + ("x" if password[-1] != "x" else "y"),
            "la même aux majuscules et minuscules près": password.swapcase(),
            "vide": "",
            "avec un caractère en plus": password + "x",
            "sans son dernier caractère": password[:-1],
        }[how.strip()]
        expected = "refusée, avec une raison : confirmation"
        if not _form_for_next_row(ui, mailpit, state, spent):
            verifications.skip(state, "", f"confirmation {how.strip()}", expected, SPENT)
            continue
        type_passwords(ui, state, password, confirmation)
        state.old_passwords.append(password)  # refused: it must not open the account
        validate(ui, control, mailpit, persona, state)
        problem, seen = refusal_problem(ui, "confirmation")
        spent = spent or problem == "accepté"
        verifications.record(state, "", f"confirmation {how.strip()}", not problem, expected,
                             f"{problem} : {seen}" if problem else seen)
    verifications.no_mail_since(state, mailpit, persona.email, before, "pendant ces refus")
    verifications.settle(state, since, "confirmations différentes")


@then("mon mot de passe n'est pas changé")
def not_changed(ui):
    if texts.confirmed(ui.lines()):
        raise ConformanceFailure("le mot de passe a été changé", expected="un refus",
                                 seen="la confirmation du nouveau mot de passe")
    ui.field(texts.RESET_PASSWORD)


@then("la page affiche les règles du mot de passe :")
def shows_rules(ui, datatable):
    """The rules as the person reads them on going to type: in the field « Nouveau mot de passe »
    (a page may show them in a bubble while that field has the focus)."""
    ui.field(texts.RESET_PASSWORD).focus()
    for row in datatable[1:]:
        ui.expect_phrase(row[0])


@then("aucun mail ne notifie de changement")
def no_notice(mailpit, persona, scenario_state):
    before = notices_since(scenario_state)
    after = mailpit.count_stays(persona.email, before)
    if after != before:
        raise ConformanceFailure("un mail a été envoyé alors que le mot de passe n'a pas changé",
                                 expected="aucun mail", seen=f"{after - before} mail(s)")


@then("un message indique que le lien n'est plus valable et qu'il faut recommencer la demande")
def link_refused(ui, control, mailpit, persona, scenario_state):
    if ui.has_field(texts.RESET_PASSWORD):
        # The form is still offered: it must refuse the new password when it is submitted.
        type_passwords(ui, scenario_state, passwords.conforming(rng=scenario_state.rng))
        validate(ui, control, mailpit, persona, scenario_state)
        if texts.confirmed(ui.lines()):
            raise ConformanceFailure(
                "un lien qui ne devait plus être valable a permis de changer le mot de passe",
                expected="un message : lien expiré, demande à recommencer",
                seen="la confirmation du nouveau mot de passe",
            )
        if ui.has_field(texts.RESET_PASSWORD):
            # Still the form: the message must be one that appeared, not a text of the form.
            said = " ".join([ui.new_alerts(), ui.new_message_beside(texts.RESET_PASSWORD),
                             ui.new_message_beside(texts.RESET_CONFIRMATION)])
            if not texts.EXPIRED.search(said):
                raise ConformanceFailure(
                    "le lien n'est plus valable, mais rien ne le dit",
                    expected="un message : le lien n'est plus valable, recommencer",
                    seen=said.strip() or "(le formulaire, sans message nouveau)")
            return
    if not texts.EXPIRED.search(ui.body_text()) and out_of_the_account(
            ui, scenario_state.reset_link, "le lien du mail"):
        return link_refused(ui, control, mailpit, persona, scenario_state)
    ui.expect_pattern(texts.EXPIRED, "un message : le lien n'est plus valable, recommencer")


@then("la règle des caractères spéciaux cite chacun des caractères spéciaux autorisés")
def rule_lists_specials(ui, interpretations, scenario_state):
    """Each special character the rule allows is shown in the rule itself (the text after
    « parmi les suivants », up to the next rule), read in the field as shows_rules does."""
    ui.field(texts.RESET_PASSWORD).focus()
    text = ui.body_text()
    start = text.find("parmi les suivants")
    if start < 0:
        raise ConformanceFailure("la règle des caractères spéciaux est absente",
                                 expected="« … parmi les suivants : … »", seen=text[:300])
    end = text.find("Ne contenir que", start)
    shown = text[start:end if end > 0 else start + 200]
    since = len(scenario_state.checks)
    for char in interpretations.password_specials:
        verifications.record(scenario_state, "E5-FORMULAIRE", f"caractère spécial « {char} »",
                             char in shown, "cité dans la règle", shown[:120])
    verifications.settle(scenario_state, since, "caractères spéciaux de la règle")
