"""The procedure with the keyboard only, and an input error announced and tied to its field.

Tab is pressed as a person presses it, from where the focus is; an element is reached when it
has the focus (a date control's segments are one element). The focus is visible when the
element's surroundings look different focused and not (two small screenshots: an outline, a
shadow, a border or a colour, whatever the style). More than TAB_LIMIT presses, or the focus
held TRAP presses on one element, is a failure that names what had the focus."""

from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.fixtures.bdd import parsers, then, when

from .. import texts, verifications
from ..extrait import fetch_clip, microphone
from ..demande import copy_captcha
from .rgaa import named

TAB_LIMIT, TRAP = 80, 6  # a date control takes up to 3 presses; none of the pages has 80 stops
ACTIVE = """(els) => {
  const a = document.activeElement;
  const i = els.findIndex(e => e === a || (a && e.contains(a)));
  if (!a || a === document.body) return [i, null];
  const name = (a.getAttribute('aria-label') || (a.labels && a.labels[0] && a.labels[0].innerText)
                || a.innerText || a.getAttribute('title') || '').trim().slice(0, 40);
  return [i, `${a.tagName.toLowerCase()} « ${name} »`];
}"""
OUTSIDE = 6  # px around an element: an outline is drawn outside it


def _tab(ui, targets) -> tuple[int, str | None]:
    ui.page.keyboard.press("Tab")
    return tuple(ui.page.evaluate(ACTIVE, targets))


def tab_to(ui, locator, what: str) -> int:
    """Presses Tab until `locator` has the focus: the number of presses (RGAA 7.3, 12.9)."""
    target = [locator.element_handle()]
    if ui.page.evaluate(ACTIVE, target)[0] == 0:
        return 0
    visited, held = [], 0
    for n in range(1, TAB_LIMIT + 1):
        index, name = _tab(ui, target)
        if index == 0:
            return n
        held = held + 1 if visited and name and visited[-1] == name else 0
        visited.append(name or "(rien)")
        if held >= TRAP:
            raise ConformanceFailure(
                f"{named('12.9')} : le focus reste sur un élément", expected=what,
                seen=f"{name} a gardé le focus pendant {held + 1} appuis sur Tab")
    raise ConformanceFailure(
        f"{named('7.3')} : {what} ne s'atteint pas avec la touche Tab",
        expected=f"{what} atteint en moins de {TAB_LIMIT} appuis",
        seen="focus successif : " + ", ".join(dict.fromkeys(visited))[:300])


def _around(ui, locator) -> bytes:
    box = locator.bounding_box()
    clip = {"x": max(0, box["x"] - OUTSIDE), "y": max(0, box["y"] - OUTSIDE),
            "width": box["width"] + 2 * OUTSIDE, "height": box["height"] + 2 * OUTSIDE}
    return ui.page.screenshot(clip=clip, animations="disabled", caret="hide")


@when(parsers.parse("j'atteins « {nom} » avec la touche Tab et j'appuie sur Entrée"))
def tabs_and_enters(ui, nom):
    target = ui.action(nom)
    tab_to(ui, target, f"« {nom} »")
    ui.press(target, key="Enter")


@when("j'atteins le microphone avec la touche Tab et j'appuie sur Entrée")
def tabs_to_microphone(ui, scenario_state):
    micro = microphone(ui)
    tab_to(ui, micro, "le microphone")
    try:
        fetch_clip(ui, scenario_state, lambda: ui.page.keyboard.press("Enter"), timeout=5_000)
    except ConformanceFailure:
        raise ConformanceFailure(
            f"{named('7.3')} : Entrée sur le microphone ne fait pas entendre le son",
            expected="un extrait sonore, comme au clic", seen="aucun son demandé en 5 s") from None


@then("la touche Tab atteint ces champs dans l'ordre où l'écran les montre, chacun avec un "
      "focus visible :")
def tab_order(ui, scenario_state, datatable):
    """From where the focus is (the top of a page just loaded, or a field focused on load), Tab
    reaches every field of the table in the order the screen shows them, top to bottom, then
    left to right (RGAA 12.8: the order of the screen, which may differ from the guide's), and
    each shows that it has the focus (RGAA 10.7). One row per field."""
    state, since = scenario_state, len(scenario_state.checks)
    found = {row[0].strip(): ui.field(row[0].strip()) for row in datatable[1:]}
    boxes = {label: field.bounding_box() for label, field in found.items()}
    labels = sorted(found, key=lambda la: (round(boxes[la]["y"] / 8), boxes[la]["x"]))
    fields = [found[label] for label in labels]
    handles = [f.element_handle() for f in fields]
    focused, unfocused, visited, before = {}, {}, [], -1  # focused: in the order reached
    first = tuple(ui.page.evaluate(ACTIVE, handles))  # a field may have the focus on load
    for press in range(TAB_LIMIT):
        index, name = first if press == 0 and first[0] >= 0 else _tab(ui, handles)
        visited.append(name or "(rien)")
        if before >= 0 and index != before and before not in unfocused:
            unfocused[before] = _around(ui, fields[before])  # the focus has just left it
        if index >= 0 and index not in focused:
            focused[index] = _around(ui, fields[index])
        before = index
        if len(unfocused) == len(labels):
            break
    order = list(focused)
    for i, label in enumerate(labels):
        reached = i in order
        place = order.index(i) + 1 if reached else 0
        verifications.record(state, named("12.8"), f"« {label} » atteint avec Tab",
                             reached and place == i + 1, f"atteint en {i + 1}e, sa place à l'écran",
                             f"atteint en {place}e" if reached else "jamais atteint")
        visible = reached and i in unfocused and unfocused[i] != focused[i]
        verifications.record(state, named("10.7"), f"« {label} » montre qu'il a le focus",
                             visible, "un indicateur de focus visible",
                             "" if visible else ("jamais atteint" if not reached
                                                 else "rien ne change à l'écran"))
    if len(order) < len(labels):
        state.checks[since]["seen"] += " ; focus successif : " + ", ".join(
            dict.fromkeys(visited))[:250]
    verifications.settle(state, since, "l'ordre de tabulation et le focus visible")


@when("je remplis le formulaire en atteignant chaque champ avec la touche Tab")
def fills_by_keyboard(ui, control, target, persona, scenario_state):
    """Each field reached by Tab from the one before, then typed into (no pointer)."""
    values = {texts.FORM_NIR: persona.nir_typed, texts.FORM_BIRTH_DATE: persona.birth_date_fr,
              texts.FORM_EMAIL: persona.email}
    for label, value in values.items():
        tab_to(ui, ui.field(label), f"le champ « {label} »")
        ui.fill(label, value)
    scenario_state.typed = values
    tab_to(ui, ui.field(texts.FORM_CAPTCHA), f"le champ « {texts.FORM_CAPTCHA} »")
    copy_captcha(ui, control, target, state=scenario_state)


ANNOUNCED = """(field, message) => {
  const norm = t => (t || '').replace(/\\s+/g, ' ').trim();
  const ids = v => (v || '').split(/\\s+/).filter(Boolean)
      .map(id => document.getElementById(id)).filter(Boolean);
  const tied = [...ids(field.getAttribute('aria-describedby')),
                ...ids(field.getAttribute('aria-errormessage')),
                ...ids(field.getAttribute('aria-labelledby')), ...(field.labels || [])]
      .map(e => norm(e.innerText || e.textContent)).join(' ') + ' ' + norm(field.getAttribute('aria-label'));
  const live = [...document.querySelectorAll('[role=alert], [role=status], [aria-live=assertive], [aria-live=polite]')]
      .filter(e => e.checkVisibility() && !e.closest('[aria-hidden=true]'))
      .map(e => norm(e.innerText)).filter(Boolean);
  const a = document.activeElement;
  const focus = a === field ? 'le champ en erreur'
      : (a && a !== document.body && message && norm(a.innerText).includes(message)) ? 'le message d\\'erreur' : '';
  return {tied: norm(tied).includes(message), invalid: field.getAttribute('aria-invalid') === 'true',
          live: live.join(' | ').slice(0, 200), focus};
}"""


@then(parsers.parse("l'erreur du champ « {champ} » est reliée à ce champ, et annoncée si la page "
                    "ne change pas"))
def error_announced(ui, scenario_state, champ):
    """The error shown beside the field (what appeared there after sending) is part of the
    field's accessible name or description (RGAA 11.10). When a script showed it in the same
    page, it is a status message (RGAA 7.5, WCAG 4.1.3): the page says it to assistive
    technologies (a live region or an alert, the focus on the field or on the message). A new
    page is no status message: 7.5 does not apply, and the row says so. A form the browser
    refused is announced by the browser itself."""
    state, since = scenario_state, len(scenario_state.checks)
    if ui.refused_by_browser:
        verifications.record(state, named("11.10"), f"« {champ} » : message du navigateur",
                             True, "un message relié au champ", ui.browser_refusal(champ))
        return
    message = " ".join(ui.new_message_beside(champ).split())
    if not message:
        raise ConformanceFailure(f"aucune erreur à côté du champ « {champ} »",
                                 expected="un message d'erreur", seen=ui.body_text()[:300])
    found = ui.field(champ).evaluate(ANNOUNCED, message)
    verifications.record(state, named("11.10"), f"« {champ} » : message relié au champ",
                         found["tied"], "le message dans le nom ou la description du champ "
                         "(label, aria-describedby, aria-errormessage)",
                         "relié" if found["tied"] else f"« {message[:120]} » n'est pas relié")
    how = [w for w in (found["live"] and f"annonce : {found['live']}",
                       found["focus"] and f"focus sur {found['focus']}") if w]
    if ui.reaction == "nouvelle page":
        verifications.skip(state, named("7.5"), f"« {champ} » : erreur annoncée",
                           "une annonce, quand un script change la page",
                           "sans objet : l'erreur est dans une nouvelle page"
                           + (f" ({' ; '.join(how)})" if how else ""))
    else:
        verifications.record(state, named("7.5"), f"« {champ} » : erreur annoncée", bool(how),
                             "une alerte ou une zone annoncée, ou le focus sur l'erreur",
                             " ; ".join(how) or "rien n'est annoncé : ni alerte, ni focus")
    verifications.settle(state, since, f"l'erreur du champ « {champ} »")
