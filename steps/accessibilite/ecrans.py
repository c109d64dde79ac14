"""axe-core on each screen of the procedure, and the CAPTCHA's text alternative."""
from urllib.parse import urlsplit

from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.fixtures.bdd import then

from .. import texts, verifications
from .rgaa import described, named, short, violations


def screen_name(ui) -> str:
    return ui.page.title().strip() or urlsplit(ui.page.url).path or ui.page.url


@then("cet écran respecte les critères du RGAA vérifiés automatiquement")
def screen_meets_rgaa(ui, scenario_state):
    """One row per screen; the step fails on a screen with a violation, naming each with its
    RGAA criterion and the elements concerned."""
    state = scenario_state
    name = screen_name(ui)
    n = sum(c["tried"].startswith("écran ") for c in state.checks) + 1
    found = violations(ui.page)
    verifications.record(state, "RGAA 4.1, critères vérifiés par axe-core (WCAG 2.1 A et AA)",
                         f"écran {n} : {name}", not found, "aucun manquement",
                         described(found))
    if found:
        raise ConformanceFailure(
            f"l'écran « {name} » a {len(found)} manquement(s) au RGAA : {short(found)}",
            expected="aucun manquement aux critères vérifiés automatiquement",
            seen=described(found))


@then("l'image des caractères a une alternative textuelle qui dit sa nature et sa fonction")
def captcha_alternative(ui):
    """RGAA 1.4: the CAPTCHA image's text alternative says what it is (characters to copy)."""
    image = ui.page.locator("form img, form canvas, form [role=img]").first
    if image.count() == 0:
        raise ConformanceFailure("pas d'image de caractères dans le formulaire",
                                 expected="une image à recopier", seen=ui.body_text()[:300])
    name = image.evaluate("""(e) => (e.getAttribute('aria-label') || e.getAttribute('alt')
        || (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
             .map(id => (document.getElementById(id) || {}).textContent || '').join(' ')
        || e.getAttribute('title') || '').trim()""")
    if not texts.CAPTCHA_IMAGE.search(name):
        raise ConformanceFailure(
            f"{named('1.4')} : l'image du CAPTCHA n'a pas d'alternative qui dit sa nature "
            "et sa fonction", expected="une alternative comme « Caractères à recopier »",
            seen=f"alternative : « {name} »" if name else "aucune alternative")
