"""Steps 4 and 6: the mails, read through the catcher's API and opened in the browser as a person
would, to read them and click their button."""
import html
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from playwright.sync_api import Error as PlaywrightError

from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.fixtures.bdd import given, parsers, then, when

from . import texts
from .demande import in_a_browser_of_its_own, other_browser, request_reset
from .navigation import out_of_the_account

PARIS = ZoneInfo("Europe/Paris")
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
# CLDR's short French months, as a date's « medium » style writes them (« 14 juil. 2023 » in
# Java's FormatStyle.MEDIUM, Babel's format_date, JavaScript's dateStyle "medium").
SHORT_MONTHS = ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct",
                "nov", "déc"]

def open_message(ui, mailpit, state, message):
    state.mail = message
    state.opened_mails.append(message)  # shown in the report, masked
    ui.page.goto(mailpit.view_url(message["ID"]))

def click_in_mail(ui, mailpit, state, nom, which="newest"):
    """Opens a renewal mail (the newest, or the oldest of those received) and clicks its button."""
    message = state.reset_mails[-1] if which == "newest" else state.reset_mails[0]
    # The mails so far: a notice of a change counts from here (one sent when the link is
    # merely opened says the password changed before it did).
    state.mails_at_link = len(mailpit.messages_to(message["To"][0]["Address"]))
    open_message(ui, mailpit, state, message)
    link = ui.action(nom)
    state.reset_link = link.get_attribute("href")
    ui.click(nom)  # in the tab it opens, when it opens one (`target="_blank"`)
    if not ui.has_field(texts.RESET_PASSWORD):
        out_of_the_account(ui, state.reset_link, "le lien du mail")
    ui.remember_pristine(texts.RESET_PASSWORD, texts.RESET_CONFIRMATION, page=True)


# The browser of a phone, as it names itself to the sites it opens.
PHONE = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/126.0.0.0 Mobile Safari/537.36")


@when(parsers.parse("j'ouvre le mail sur un autre appareil et je clique sur « {nom} »"))
def clicks_in_mail_elsewhere(ui, browser, mailpit, scenario_state, nom):
    """The mail read on another device (a phone): a browser that shares nothing with the one of
    the request, not even its name (its user agent), where the person goes on."""
    other_browser(ui, browser, scenario_state, user_agent=PHONE)
    click_in_mail(ui, mailpit, scenario_state, nom)


@when("j'ouvre le mail reçu")
def opens_mail(ui, mailpit, scenario_state):
    open_message(ui, mailpit, scenario_state, scenario_state.reset_mails[-1])

@when(parsers.parse("je clique dans le mail sur « {nom} »"))
@when(parsers.parse("je clique à nouveau dans le mail sur « {nom} »"))
@when(parsers.parse("je clique dans le mail du nouvel onglet sur « {nom} »"))
@when(parsers.parse("je clique dans le mail le plus récent sur « {nom} »"))
@when(parsers.parse("je clique dans mon mail, reçu avant le sien, sur « {nom} »"))
def clicks_in_mail(ui, mailpit, scenario_state, nom):
    click_in_mail(ui, mailpit, scenario_state, nom)

@when(parsers.parse("je clique dans le plus ancien des mails sur « {nom} »"))
@when(parsers.parse("je clique à nouveau dans le plus ancien des mails sur « {nom} »"))
def clicks_in_oldest_mail(ui, mailpit, scenario_state, nom):
    click_in_mail(ui, mailpit, scenario_state, nom, which="oldest")

@given(parsers.parse("j'ai cliqué dans le mail sur « {nom} »"))
def clicked_in_mail(ui, mailpit, scenario_state, nom):
    click_in_mail(ui, mailpit, scenario_state, nom)

@given(parsers.parse("j'ai cliqué deux fois dans le mail sur « {nom} », chaque fois dans un "
                     "onglet"))
def clicked_twice(ui, mailpit, scenario_state, nom):
    """The mail's button clicked twice, as a person who thought the first click did nothing:
    two tabs show the link's page; the person is in the second, the first kept for later."""
    click_in_mail(ui, mailpit, scenario_state, nom)
    scenario_state.first_tab = ui.page
    ui.page = ui.page.context.new_page()
    click_in_mail(ui, mailpit, scenario_state, nom)


URL = re.compile(r"https?://[^\s<>\"']+")


@then("la version texte du mail donne le lien du bouton")
def text_part_link(ui, scenario_state):
    """A reader of the text part alone (a text-only client, a mail shown as text) must find the
    link: the button's address itself, or one that leads to the page the button led to (a
    link tracker may wrap each part's link in its own address). Read before the link is used."""
    text = scenario_state.mail.get("Text") or ""
    href = scenario_state.reset_link or ""
    if href and href in text:
        return
    landing, found = ui.page.url, URL.findall(text)
    for url in found:
        page = ui.page.context.new_page()
        try:
            page.goto(url.rstrip(".,;)"), wait_until="domcontentloaded")
            if page.url == landing:
                return
        except Exception:
            pass
        finally:
            page.close()
    raise ConformanceFailure(
        "la version texte du mail ne donne pas le lien du bouton",
        expected="l'adresse du bouton « Renouveler mon mot de passe » dans la version texte",
        seen=f"{len(found)} adresse(s) dans la version texte, aucune vers la page du bouton")


@then(parsers.parse("le mail a pour objet « {objet} »"))
def mail_subject(scenario_state, objet):
    seen = scenario_state.mail["Subject"]
    if not texts.whole(objet).search(seen):  # white space, apostrophes and dashes as typography
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

@when("j'ouvre le mail qui notifie le changement de mot de passe")
def opens_notification(ui, mailpit, persona, scenario_state):
    before = scenario_state.mails_before_change
    newest = mailpit.wait_for(persona.email, before + 1)[0]
    open_message(ui, mailpit, scenario_state, mailpit.message(newest["ID"]))

def date_patterns(moment) -> list[re.Pattern]:
    """The date and time of a change as a French reader may see them written."""
    local = moment.astimezone(PARIS)
    day, hour = texts.unpadded(local.day), texts.unpadded(local.hour)
    month = rf"(?:{MONTHS[local.month - 1]}|{SHORT_MONTHS[local.month - 1]}\.?)"
    # Day first, in figures (« 14/07/2023 », « 14-07-2023 », « 14.07.23 ») or in words, or the
    # ISO date (« 2023-07-14 ») that a system writes; never month first.
    dates = [rf"(?<!\d){day}([/.-]){local.month:02d}\1({local.year}|{local.year % 100:02d})(?!\d)",
             rf"(?<!\d){day}(er)?\s+{month}\s+{local.year}(?!\d)",
             rf"(?<!\d){local.year}-{local.month:02d}-{local.day:02d}(?!\d)"]
    # Whole numbers: 1h05 is not read in 11h05, nor 10h2 in 10h25.
    times = [rf"(?<!\d){hour}\s*(h|heures?)\s*{local.minute:02d}(?!\d)",
             rf"(?<!\d){hour}:{local.minute:02d}(?!\d)"]
    return [re.compile(d, re.IGNORECASE) for d in dates], [re.compile(t) for t in times]

def _candidate_minutes(state) -> list:
    """The instant of the change: read on the target's clock; or, with no clock to read, any
    minute between the click and the mail's arrival (one minute of leeway each side for the
    difference between the harness's clock and the target's)."""
    if state.change_time is not None:
        return [state.change_time]
    start = state.change_after.replace(second=0, microsecond=0) - timedelta(minutes=1)
    end = datetime.now(timezone.utc) + timedelta(minutes=1)
    return [start + timedelta(minutes=n) for n in range(int((end - start).total_seconds() // 60) + 1)]


@then("le mail indique la date et l'heure du changement, en heure de Paris")
def notification_date(ui, scenario_state):
    mail = scenario_state.mail  # the mail as the person reads it: its subject too
    shown = " ".join([ui.body_text(), mail.get("Text") or "", mail.get("Subject") or ""])
    moments = _candidate_minutes(scenario_state)
    for moment in moments:
        dates, times = date_patterns(moment)
        if any(p.search(shown) for p in dates) and any(p.search(shown) for p in times):
            return
    expected = " ou ".join(m.astimezone(PARIS).strftime("%d/%m/%Y à %Hh%M") for m in moments)
    raise ConformanceFailure("date et heure du changement absentes ou fausses",
                             expected=f"{expected} (heure de Paris)", seen=ui.body_text()[:300])

@then("le mail ne contient ni mon mot de passe ni lien de renouvellement")
def notification_clean(ui, browser, target, scenario_state):
    mail = scenario_state.mail
    # The HTML part as it reads: a password written there in character references (« &#65; »), or
    # escaped (« & » as « &amp; », for a password that holds one), is still shown to the reader.
    content = " ".join([html.unescape(mail.get("HTML") or ""), mail.get("Text") or "",
                        mail.get("Subject") or ""])
    if scenario_state.new_password and scenario_state.new_password in content:
        raise ConformanceFailure("le mail contient le mot de passe", expected="aucun mot de passe",
                                 seen="le nouveau mot de passe en clair")
    link = scenario_state.reset_link or ""
    token = re.split(r"[/=?&]", link.rstrip("/"))[-1] if link else ""
    if link and (link in content or (len(token) >= 8 and token in content)):
        raise ConformanceFailure("le mail contient le lien de renouvellement",
                                 expected="aucun lien de renouvellement", seen="le lien et son jeton")
    # Nor a new one: the address of the new password's page with another token (« Ce n'est pas
    # vous ? » offering a fresh link is a link token all the same).
    page = link[:link.rfind(token)] if len(token) >= 8 else ""
    if page and re.search(re.escape(page) + r"[\w.~%-]{8,}", content):
        raise ConformanceFailure("le mail contient un lien de renouvellement",
                                 expected="aucun lien de renouvellement",
                                 seen="un autre lien vers la page du nouveau mot de passe, avec "
                                      "son jeton")
    # Nor a link that leads there by another way (« Sécurisez votre compte » on a page of its
    # own, which sends on to the form): what each link of the target's lets the person do.
    if leads_to_a_password_form(ui, browser, target, scenario_state, mail):
        raise ConformanceFailure("le mail contient un lien de renouvellement",
                                 expected="aucun lien qui permette de choisir un mot de passe",
                                 seen="un lien du mail mène au formulaire du nouveau mot de passe")


def _links_of(mail) -> list[str]:
    """The web addresses a mail offers: its HTML part's links, its text part's addresses."""
    found = re.findall(r"""href\s*=\s*["']([^"']+)["']""", mail.get("HTML") or "", re.IGNORECASE)
    found += re.findall(r"""https?://[^\s<>"']+""", mail.get("Text") or "")
    return list(dict.fromkeys(html.unescape(url).strip() for url in found))


def leads_to_a_password_form(ui, browser, target, state, mail, most: int = 5) -> bool:
    """Whether a link of `mail` to the target's own site (its home's or the reset link's host)
    opens a page with the new password's form, each opened in a browser of its own, as whoever
    reads the mail would (the person's session, maybe opened at the change, is not theirs)."""
    hosts = {urlsplit(u).netloc for u in (target.url, state.reset_link) if u}
    links = [u for u in _links_of(mail) if (parts := urlsplit(u)).scheme in ("http", "https")
             and parts.netloc in hosts][:most]
    if not links:
        return False
    with in_a_browser_of_its_own(ui, browser, state) as page:
        for url in links:
            try:
                page.goto(url)
            except PlaywrightError:
                continue  # a link that does not open leads nowhere
            if ui.has_field(texts.RESET_PASSWORD):
                return True
        return False


def notices_since(state) -> int:
    """The mails before any notice of this change may be sent: those before the link was opened
    (`click_in_mail`), else those before the change was submitted."""
    return getattr(state, "mails_at_link", state.mails_before_change)


@then("je reçois un seul mail qui notifie le changement")
def one_notice(mailpit, persona, scenario_state):
    before = notices_since(scenario_state)
    received = mailpit.wait_for(persona.email, before + 1)
    after = mailpit.count_stays(persona.email, before + 1)
    if after != before + 1 or len(received) != before + 1:
        raise ConformanceFailure("plusieurs mails pour un seul changement", expected="1 mail",
                                 seen=f"{max(after, len(received)) - before} mail(s)")


@when("je fais une nouvelle demande de renouvellement dans un autre onglet")
def request_in_new_tab(ui, target, control, mailpit, persona, scenario_state):
    scenario_state.first_tab = ui.page
    ui.page = ui.page.context.new_page()
    request_reset(ui, target, control, mailpit, persona, scenario_state)


@when("je reviens au premier onglet")
def back_to_first_tab(ui, scenario_state):
    left = ui.page
    ui.page = scenario_state.first_tab
    scenario_state.first_tab = None
    if left is not ui.page:
        left.close()
    ui.page.bring_to_front()
