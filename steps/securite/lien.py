"""Le lien du mail et son jeton : SEC-HOTE-LIEN, SEC-JETON-ENTROPIE, SEC-JETON-CONCURRENCE,
SEC-REFERRER, SEC-CACHE, SEC-GET-SANS-EFFET."""
import math
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx

from ameli_conformance import privacy
from ameli_conformance.errors import ConformanceFailure, HarnessError
from ameli_conformance.fixtures.bdd import parsers, then, when

from .. import passwords, texts
from ..courriel import click_in_mail
from ..horloge import moves_clock
from ..mot_de_passe import type_passwords
from .commun import (documents, fill_request, follow, http_client, mail_button, mail_urls,
                     newest_reset_mail, origin, page_text, replay, submission, token_of_link,
                     tokens_of)

# ------------------------------------------------------------------ SEC-HOTE-LIEN


@when(parsers.parse("je fais une demande complète avec l'en-tête {entete} forgé vers « {hote} »"))
def request_with_forged_header(ui, target, control, mailpit, persona, scenario_state, entete,
                               hote):
    fill_request(ui, target, control, persona, scenario_state)
    sub = submission(ui, texts.FORM_SUBMIT)
    value = f"host={hote};proto=https" if entete == "Forwarded" else hote
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))
    with http_client(ui) as client:
        response = replay(client, sub, headers={entete: value})
    scenario_state.forged_status = response.status_code


@then(parsers.parse("le lien du mail, s'il en part un, mène au site de la cible et non à "
                    "« {hote} »"))
def link_on_target(mailpit, persona, target, scenario_state, hote):
    before = scenario_state.mails_before
    if scenario_state.forged_status >= 400:  # refused: then no mail may leave
        if mailpit.count_stays(persona.email, before) != before:
            raise ConformanceFailure("la demande a été refusée, mais un mail est parti",
                                     expected="aucun mail", seen="un mail")
        return
    message = newest_reset_mail(mailpit, persona, before + 1)
    urls = mail_urls(message)
    own = urlsplit(target.url or target.login_url).netloc.lower()
    forged = [u for u in urls if hote in urlsplit(u).netloc.lower()]
    if forged:
        raise ConformanceFailure("le lien du mail mène à l'hôte forgé",
                                 expected=f"un lien vers {own}",
                                 seen=privacy.redact(forged[0]))
    if not any(urlsplit(u).netloc.lower() == own for u in urls):
        raise ConformanceFailure("aucun lien du mail ne mène au site de la cible",
                                 expected=f"un lien vers {own}",
                                 seen=", ".join(sorted({urlsplit(u).netloc for u in urls})))


# ------------------------------------------------------------------ SEC-JETON-ENTROPIE


@moves_clock(when, "je demande deux fois le renouvellement de mon mot de passe dans la même seconde")
def two_requests_same_second(ui, target, control, mailpit, persona, scenario_state):
    control.require("clock", "arrêter l'horloge du service pour deux demandes dans la même seconde")
    scenario_state.same_second = control.now()
    links = []
    for count in (1, 2):
        fill_request(ui, target, control, persona, scenario_state)
        ui.click(texts.FORM_SUBMIT)
        ui.expect_phrase(texts.SENT)
        links.append(mail_button(newest_reset_mail(mailpit, persona, count)))
    if control.now() != scenario_state.same_second:
        raise HarnessError("API de contrôle", "l'horloge du service a bougé entre les demandes")
    scenario_state.tokens = tokens_of(*links)



def entropy_bits(token: str) -> float:
    """Length × log2(alphabet): hexadecimal when only hex digits appear, else the classes of
    characters found (lower case, upper case, digits, others)."""
    if re.fullmatch(r"[0-9a-f]+", token) or re.fullmatch(r"[0-9A-F]+", token):
        return 4.0 * len(token)
    size = sum(n for pattern, n in ((r"[a-z]", 26), (r"[A-Z]", 26), (r"[0-9]", 10),
                                    (r"[^A-Za-z0-9]", 2)) if re.search(pattern, token))
    return len(token) * math.log2(max(size, 2))


@then("les jetons des deux liens diffèrent, sans début commun")
def tokens_differ(scenario_state):
    a, b = scenario_state.tokens
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if common >= 4:
        raise ConformanceFailure("les deux jetons commencent pareil : ils ont une structure",
                                 expected="aucun début commun de 4 caractères ou plus",
                                 seen=f"{common} caractères communs au début")


@then("chaque jeton porte au moins 128 bits d'aléa, sans mon numéro, ma date de naissance ni "
      "l'heure")
def tokens_random(persona, scenario_state):
    instant = int(scenario_state.same_second.timestamp())
    forbidden = {persona.nir[:13]: "le numéro", persona.email.split("@")[0]: "l'adresse",
                 str(instant): "l'heure (secondes)", f"{instant:x}": "l'heure (hexadécimal)",
                 str(instant * 1000)[:10]: "l'heure (millisecondes)"}
    forbidden.update({form: "la date de naissance" for form in persona.birth_date_forms()})
    for token in scenario_state.tokens:
        bits = entropy_bits(token)
        if bits < 128:
            raise ConformanceFailure("le jeton est trop court pour être imprévisible",
                                     expected="au moins 128 bits", seen=f"{bits:.0f} bits")
        for value, what in forbidden.items():
            if value and value.lower() in token.lower():
                raise ConformanceFailure(f"le jeton contient {what}",
                                         expected="un jeton sans donnée de l'assuré ni l'heure",
                                         seen=what)


# ------------------------------------------------------------------ SEC-JETON-CONCURRENCE


@when("j'envoie 20 fois en même temps le formulaire rempli d'un nouveau mot de passe conforme")
def twenty_at_once(ui, mailpit, persona, scenario_state):
    type_passwords(ui, scenario_state, passwords.conforming())
    sub = submission(ui, texts.RESET_SUBMIT)
    scenario_state.mails_before_change = len(mailpit.messages_to(persona.email))
    clients = [http_client(ui) for _ in range(20)]
    barrier = threading.Barrier(len(clients))

    def send(client):
        barrier.wait(timeout=30)
        return page_text(follow(client, replay(client, sub)).text)

    try:
        with ThreadPoolExecutor(len(clients)) as pool:
            scenario_state.pages = list(pool.map(send, clients))
    finally:
        for client in clients:
            client.close()


@then("un seul envoi aboutit à la confirmation")
def one_success(scenario_state):
    confirmed = sum(1 for text in scenario_state.pages if texts.CONFIRMED.search(text))
    if confirmed != 1:
        raise ConformanceFailure("le même lien a abouti plusieurs fois" if confirmed else
                                 "aucun des envois n'a abouti",
                                 expected="1 confirmation sur 20 envois",
                                 seen=f"{confirmed} confirmations")


# ------------------------------------------------------------------ SEC-REFERRER, SEC-CACHE


@when("j'ouvre le lien du mail")
@when("que j'ouvre le lien du mail")
def opens_link(ui, mailpit, scenario_state):
    documents(ui, scenario_state)
    click_in_mail(ui, mailpit, scenario_state, texts.MAIL_BUTTON)
    scenario_state.link_documents = len(scenario_state.documents.responses)



@then("la page demande au navigateur de ne transmettre aucun référent")
def no_referrer(ui, scenario_state):
    response = scenario_state.documents.last()
    policies = [p.strip().lower() for p in
                response.all_headers().get("referrer-policy", "").split(",") if p.strip()]
    meta = ui.page.locator("meta[name=referrer]")
    if meta.count():
        policies.append((meta.first.get_attribute("content") or "").strip().lower())
    effective = policies[-1] if policies else "(aucune : strict-origin-when-cross-origin)"
    if effective not in ("no-referrer", "same-origin"):
        raise ConformanceFailure("la page du lien laisse le navigateur transmettre son adresse",
                                 expected="Referrer-Policy: no-referrer (ou same-origin)",
                                 seen=f"Referrer-Policy: {effective}")


@then("aucune requête ne part vers un autre site avec le jeton du lien")
def no_token_leaves(scenario_state):
    token = token_of_link(scenario_state.reset_link)
    own = origin(scenario_state.reset_link)
    for request in scenario_state.documents.requests:
        if origin(request.url) == own or request.url.startswith(("data:", "blob:")):
            continue
        carried = token in request.url or token in (request.all_headers().get("referer") or "")
        if carried:
            raise ConformanceFailure("le jeton du lien part vers un autre site",
                                     expected="aucune requête hors du site avec le jeton",
                                     seen=privacy.redact(origin(request.url)))


@then("la page est envoyée avec « Cache-Control: no-store »")
def no_store(scenario_state):
    response = scenario_state.documents.last()
    value = response.all_headers().get("cache-control", "")
    if "no-store" not in value.lower():
        raise ConformanceFailure("la page peut être gardée en cache",
                                 expected="Cache-Control: no-store",
                                 seen=f"Cache-Control: {value or '(absent)'}")


# ------------------------------------------------------------------ SEC-GET-SANS-EFFET


@when("un analyseur de mails ouvre deux fois le lien du mail, sans navigateur")
def scanner_opens(mailpit, persona, scenario_state):
    link = mail_button(newest_reset_mail(mailpit, persona, 1))
    token_of_link(link)
    with httpx.Client(timeout=30, follow_redirects=True,
                      headers={"User-Agent": "analyseur-de-mails/1.0"}) as scanner:
        for _ in range(2):
            try:
                scanner.get(link)
            except httpx.HTTPError as exc:
                raise HarnessError("cible", f"le lien ne répond pas ({type(exc).__name__})")


@then("la page propose de choisir un nouveau mot de passe")
def offers_new_password(ui):
    ui.field(texts.RESET_PASSWORD)


