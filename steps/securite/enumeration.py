"""Ce que la demande révèle, et où partent ses mails : SEC-ENUMERATION, SEC-DESTINATAIRE,
SEC-LIMITE-VARIANTES."""
import secrets

from ameli_conformance import privacy
from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.fixtures.bdd import given, parsers, then, when
from ameli_conformance.fixtures.personas import make_persona

from .. import texts
from ..demande import create_account
from .commun import (BLOCKED, FULL_WIDTH, field_name, fill_request, http_client, replay, submission,
                     submit_recorded)

# ------------------------------------------------------------------ SEC-ENUMERATION


@given("un autre assuré dont le compte ameli n'a pas d'adresse mail", target_fixture="other")
def other_without_email(control, interpretations):
    other = make_persona(interpretations=interpretations)
    privacy.register_persona(other)
    create_account(control, other, email=None, email_validated=False)
    return other


@when("je fais une demande complète avec mes informations")
def complete_request_recorded(ui, target, control, persona, scenario_state):
    fill_request(ui, target, control, persona, scenario_state)
    scenario_state.answers = [submit_recorded(ui, scenario_state)]


@when("je fais une demande avec les informations de cet autre assuré")
def other_request_recorded(ui, target, control, other, scenario_state):
    fill_request(ui, target, control, other, scenario_state)
    scenario_state.answers = [submit_recorded(ui, scenario_state)]


def look_alike(address: str) -> str:
    """Another address with the same mask (first letters and top-level domain kept)."""
    local, _, domain = address.partition("@")
    return f"{local[0]}x{local[1:]}@{domain}"


@when(parsers.parse("je fais une autre demande avec {cas}"))
def other_request(ui, target, control, persona, interpretations, scenario_state, cas):
    unknown = make_persona(interpretations=interpretations)
    privacy.register_persona(unknown)
    if cas == "un numéro de sécurité sociale inconnu":
        typed = {texts.FORM_NIR: unknown.nir_typed}
    elif cas == "une date de naissance erronée":
        day = persona.birth_date.replace(day=1 if persona.birth_date.day != 1 else 2)
        typed = {texts.FORM_BIRTH_DATE: day.strftime("%d/%m/%Y")}
    elif cas == "une adresse mail erronée":
        wrong = look_alike(persona.email)
        privacy.register(wrong, texts.masked(wrong))
        typed = {texts.FORM_EMAIL: wrong}
    else:
        raise ValueError(f"cas inconnu : {cas!r}")
    fill_request(ui, target, control, persona, scenario_state, **typed)
    scenario_state.answers.append(submit_recorded(ui, scenario_state))


@then("les deux demandes reçoivent la même page, le même statut et les mêmes en-têtes")
def same_answers(scenario_state):
    first, second = scenario_state.answers[-2:]
    differences = [k for k in first if first[k] != second[k]]
    if differences:
        shown = "; ".join(f"{k} : {privacy.redact(str(first[k]))[:160]} ≠ "
                          f"{privacy.redact(str(second[k]))[:160]}" for k in differences)
        raise ConformanceFailure("les réponses diffèrent : elles révèlent si le compte existe",
                                 expected="deux réponses identiques", seen=shown)


# ------------------------------------------------------------------ SEC-DESTINATAIRE


def homoglyph(address: str) -> str:
    local, _, domain = address.partition("@")
    swap = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і"}
    for i, ch in enumerate(local):
        if ch in swap:
            return local[:i] + swap[ch] + local[i + 1:] + "@" + domain
    return "а" + address[1:]


@when(parsers.parse("je fais une demande complète où l'adresse mail est remplacée par {variante}"))
def request_with_variant(ui, target, control, mailpit, persona, scenario_state, variante):
    fill_request(ui, target, control, persona, scenario_state)
    name = field_name(ui, texts.FORM_EMAIL)
    sub = submission(ui, texts.FORM_SUBMIT)
    pirate = f"pirate.{secrets.token_hex(4)}@exemple.invalid"
    mine = persona.email
    others = [pirate]
    rest = [(k, v) for k, v in sub["pairs"] if k != name]
    if variante == "mon adresse en majuscules":
        pairs = rest + [(name, mine.upper())]
    elif variante == "mon adresse avec une lettre cyrillique semblable":
        others.append(homoglyph(mine))
        pairs = rest + [(name, others[-1])]
    elif variante == "mon adresse suivie d'une autre adresse":
        pairs = rest + [(name, f"{mine},{pirate}")]
    elif variante == "deux champs adresse, le mien puis une autre adresse":
        pairs = rest + [(name, mine), (name, pirate)]
    elif variante == "deux champs adresse, une autre adresse puis le mien":
        pairs = rest + [(name, pirate), (name, mine)]
    elif variante == "un champ adresse en tableau":
        pairs = rest + [(name + "[]", mine), (name + "[]", pirate)]
    else:
        raise ValueError(f"variante inconnue : {variante!r}")
    for other in others:
        privacy.register(other, texts.masked(other))
    scenario_state.other_addresses = others
    scenario_state.mails_before = len(mailpit.messages_to(mine))
    with http_client(ui) as client:
        replay(client, sub, pairs)


@then("aucun mail ne part vers une autre adresse que celle de mon compte")
def only_stored_address(mailpit, persona, scenario_state):
    for other in scenario_state.other_addresses:
        if mailpit.count_stays(other, 0):
            raise ConformanceFailure("un mail est parti vers une autre adresse que celle du compte",
                                     expected=f"aucun mail à {texts.masked(other)}",
                                     seen=f"un mail à {texts.masked(other)}")
    for summary in mailpit.messages_to(persona.email):
        recipients = [(a or {}).get("Address", "") for a in
                      (summary.get("To") or []) + (summary.get("Cc") or []) + (summary.get("Bcc") or [])]
        if len(recipients) != 1:
            raise ConformanceFailure("le mail a plusieurs destinataires",
                                     expected="la seule adresse du compte",
                                     seen=f"{len(recipients)} destinataires")


# ------------------------------------------------------------------ SEC-LIMITE-VARIANTES


@when("je fais autant de demandes que la limite le permet, en écrivant mon numéro de façons "
      "différentes")
def requests_with_nir_variants(ui, target, control, mailpit, persona, interpretations,
                               scenario_state):
    variants = [persona.nir_spaced, persona.nir[:13], persona.nir, persona.nir.lower()]
    for i in range(interpretations.reset_request_limit):
        before = len(mailpit.messages_to(persona.email))
        fill_request(ui, target, control, persona, scenario_state, nir=variants[i % len(variants)])
        ui.click(texts.FORM_SUBMIT)
        ui.expect_phrase(texts.SENT)
        mailpit.wait_for(persona.email, before + 1)


@when("je fais une demande de plus avec mon numéro en chiffres pleine chasse")
def request_full_width(ui, target, control, mailpit, persona, scenario_state):
    fill_request(ui, target, control, persona, scenario_state,
                 nir=persona.nir.translate(FULL_WIDTH))
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))
    ui.click(texts.FORM_SUBMIT)


@then("la page indique que le nombre maximum de demandes est atteint")
def shows_blocked(ui):
    ui.expect_phrase(BLOCKED)


