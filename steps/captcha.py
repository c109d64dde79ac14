"""Step 2: the CAPTCHA, its image, the arrow that gives a new series (its sound clip:
steps/extrait.py)."""
from playwright.sync_api import expect

from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.fixtures.bdd import given, then, when
from ameli_conformance.fixtures.processes import wait_until

from . import texts
from .demande import note_series
from .extrait import clips_received_from_now

# ------------------------------------------------------------------ the CAPTCHA


def _images(ui):
    """The images that may show the characters: those named so, and the form's: pictures,
    canvases, and drawings written into the page (an SVG, as Node's svg-captcha gives), but not
    the icons of its buttons and links."""
    return ui.page.get_by_role("img", name=texts.CAPTCHA_IMAGE).or_(
        ui.page.locator("form img, form canvas, form svg:not(button svg, a svg, svg svg)"))


def captcha_image(ui):
    """The image of the characters: the one named so, else the first image of the form; loaded
    (a FAILED when it is missing or shows nothing)."""
    image = _images(ui).first
    try:
        expect(image).to_be_visible()
    except AssertionError:
        raise ConformanceFailure("pas d'image de caractères dans le formulaire",
                                 expected="une image à recopier", seen=ui.body_text()[:300]) from None
    size = lambda: image.evaluate(  # noqa: E731
        "(el) => el.tagName === 'CANVAS' ? [el.width, el.height]"
        " : el.tagName === 'IMG' ? (el.complete ? [el.naturalWidth, el.naturalHeight] : [0, 0])"
        " : [el.getBoundingClientRect().width, el.getBoundingClientRect().height]"
    )
    wait_until(lambda: min(size()) >= 10, timeout=3)
    seen = size()
    if min(seen) < 10:
        raise ConformanceFailure("l'image des caractères ne s'affiche pas",
                                 expected="une image lisible", seen=f"taille {seen[0]}×{seen[1]}")
    return image


def images_seen(ui) -> list[bytes]:
    """The pixels of the images that may show the characters, as the person sees them (no
    request: fetching an image again could draw a new series on the target), once the image of
    the characters is there (`captcha_image`): every one of them, as the one that shows the
    characters may have no text alternative and come after a logo."""
    captcha_image(ui)
    images = _images(ui)
    shown = [images.nth(n) for n in range(min(images.count(), 6))]
    return [image.screenshot(animations="disabled") for image in shown if image.is_visible()]


def image_follows(ui, control, answer, images) -> str:
    """After the arrow or a refused sending, the series to copy is shown ('' when it is): a new
    series (the target drew one) must come with other pixels than `images`, shown while
    `answer` was the series; an image the browser kept at an address that does not change
    leaves the person copying characters that no longer count."""
    now = control.captcha_answer(ui.page.context.cookies(ui.page.url))
    if now == answer or wait_until(lambda: images_seen(ui) != images, timeout=3):
        return ""
    return "une nouvelle série, mais l'image montre toujours l'ancienne : les mêmes pixels"


@then("le formulaire montre une image des caractères à recopier")
def shows_captcha_image(ui, scenario_state):
    scenario_state.images_seen = images_seen(ui)


@then("l'autre assuré voit une autre image que la mienne")
def others_image(scenario_state):
    """The image shows the series: the other person, in another browser, has another series
    and sees another image (an image that stays the same whatever the series, a picture fixed
    once, passed). Two images of one series may differ (noise drawn anew): only « the same for
    two series » is a fault."""
    theirs = images_seen(scenario_state.other.ui)
    if theirs == scenario_state.images_seen:
        raise ConformanceFailure("l'image est la même pour une autre série",
                                 expected="l'image de la série de l'autre assuré",
                                 seen="les mêmes pixels que l'image de ma série")


@given("j'ai noté les caractères de l'image")
def notes_captcha(ui, control, target, scenario_state):
    control.require("captcha", "savoir quels caractères l'image montrait")
    scenario_state.noted = control.captcha_answer(ui.page.context.cookies(ui.page.url))


@when("je clique sur la flèche pour obtenir une nouvelle série de caractères")
def clicks_arrow(ui, control, scenario_state):
    control.require("captcha", "savoir quels caractères l'image montrait")
    state = scenario_state
    state.before_arrow = control.captcha_answer(ui.page.context.cookies(ui.page.url))
    state.images_before_arrow = images_seen(ui)
    clips_received_from_now(ui, state)  # after the arrow, the clip must be the new one
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
    # The new series is shown, not only expected: an image kept from before (a cached picture
    # at an address that does not change) leaves the person copying the old characters.
    if image_follows(ui, control, scenario_state.before_arrow,
                     scenario_state.images_before_arrow):
        raise ConformanceFailure("la flèche a donné une nouvelle série, mais l'image montre "
                                 "toujours l'ancienne", expected="l'image de la nouvelle série",
                                 seen="les mêmes pixels qu'avant la flèche")
    note_series(ui, control, scenario_state)


@when("je recopie les caractères de la série précédente")
def types_previous(ui, mailpit, persona, scenario_state):
    ui.fill(texts.FORM_CAPTCHA, scenario_state.before_arrow)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))


@when("je recopie les caractères notés avant la nouvelle série")
def types_noted(ui, mailpit, persona, scenario_state):
    ui.fill(texts.FORM_CAPTCHA, scenario_state.noted)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))
