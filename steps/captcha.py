"""Step 2: the CAPTCHA, its image, its sound clip, the arrow that gives a new series."""
import base64

from playwright.sync_api import expect

from ameli_conformance.errors import ConformanceFailure, HarnessError
from ameli_conformance.fixtures.bdd import given, then, when
from ameli_conformance.fixtures.processes import wait_until

from . import texts
from .demande import note_series

# ------------------------------------------------------------------ the CAPTCHA


@then("le formulaire montre une image des caractères à recopier")
def shows_captcha_image(ui):
    images = ui.page.locator("form img, form canvas")
    named = ui.page.get_by_role("img", name=texts.CAPTCHA_IMAGE)
    image = named.or_(images).first
    try:
        expect(image).to_be_visible()
    except AssertionError:
        raise ConformanceFailure("pas d'image de caractères dans le formulaire",
                                 expected="une image à recopier", seen=ui.body_text()[:300]) from None
    size = image.evaluate(
        "(el) => el.tagName === 'CANVAS' ? [el.width, el.height]"
        " : (el.complete ? [el.naturalWidth, el.naturalHeight] : [0, 0])"
    )
    if min(size) < 10:
        raise ConformanceFailure("l'image des caractères ne s'affiche pas",
                                 expected="une image lisible", seen=f"taille {size[0]}×{size[1]}")


@given("j'ai noté les caractères de l'image")
def notes_captcha(ui, control, target, scenario_state):
    control.require("captcha", "savoir quels caractères l'image montrait")
    scenario_state.noted = control.captcha_answer(ui.page.context.cookies(ui.page.url))


@when("je clique sur la flèche pour obtenir une nouvelle série de caractères")
def clicks_arrow(ui, control, scenario_state):
    control.require("captcha", "savoir quels caractères l'image montrait")
    scenario_state.before_arrow = control.captcha_answer(ui.page.context.cookies(ui.page.url))
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
    note_series(ui, control, scenario_state)


@when("je recopie les caractères de la série précédente")
def types_previous(ui, mailpit, persona, scenario_state):
    ui.fill(texts.FORM_CAPTCHA, scenario_state.before_arrow)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))


@when("je recopie les caractères notés avant la nouvelle série")
def types_noted(ui, mailpit, persona, scenario_state):
    ui.fill(texts.FORM_CAPTCHA, scenario_state.noted)
    scenario_state.mails_before = len(mailpit.messages_to(persona.email))


def microphone(ui):
    return ui.action_matching(texts.CAPTCHA_MICRO, "le microphone (extrait sonore)")


@when("je clique sur le microphone")
def clicks_micro(ui, control, scenario_state):
    """The person listens; the series the form expects is read as soon as the clip is heard."""
    fetch_clip(ui, scenario_state, microphone(ui).click)
    scenario_state.clips = [*getattr(scenario_state, "clips", []), scenario_state.audio]
    if "captcha" in control.capabilities:
        scenario_state.series_after_clip = control.captcha_answer_if_any(
            ui.page.context.cookies(ui.page.url))


@when("je reviens au formulaire")
def back_to_form(ui):
    """A microphone that is a link to the clip leaves the form for it: the person goes back
    (the target may show a new series then). One that plays the clip in the page stays there."""
    if not ui.has_field(texts.FORM_CAPTCHA):
        ui.page.go_back(wait_until="domcontentloaded")


@then("les caractères à recopier sont toujours ceux que j'ai notés sur l'image")
def series_kept(control, scenario_state):
    """Listening does not change the series: a target whose clip is that of a new series
    (issued to be spoken) refuses then the characters the image showed."""
    control.require("captcha", "savoir quels caractères le formulaire attend")
    after = scenario_state.series_after_clip
    if after != scenario_state.noted:
        raise ConformanceFailure("l'écoute a changé les caractères à recopier",
                                 expected="les caractères de l'image, notés avant l'écoute",
                                 seen="une autre série attendue par le formulaire" if after
                                 else "plus aucune série attendue par le formulaire")


@then("j'entends un autre extrait sonore que celui de la série précédente")
def another_clip(scenario_state):
    """The clip speaks the series shown: a new series is heard otherwise (a target that plays
    one sound file whatever the series passed). Two clips of one series may differ (noise
    drawn anew); two series never sound the same byte for byte."""
    first, last = scenario_state.clips[0], scenario_state.clips[-1]
    if first == last:
        raise ConformanceFailure("le microphone fait entendre le même extrait pour une autre "
                                 "série", expected="l'extrait de la nouvelle série",
                                 seen=f"les mêmes {len(last)} octets")


def fetch_clip(ui, scenario_state, act, timeout: float | None = None):
    """`act` makes the page play the sound (a click, a key); the clip it fetched is kept."""
    with ui.page.expect_response(
        lambda r: r.headers.get("content-type", "").startswith("audio/"), timeout=timeout
    ) as response:
        act()
    # Chromium streams media: response.body() never completes for it, and has no deadline.
    # The same clip is fetched again with the browser context's cookies, under a deadline.
    clip = ui.page.context.request.get(response.value.url, timeout=10_000)
    scenario_state.audio = clip.body()


_DECODE = """async ([data, deadline]) => {
    const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
    const ctx = new OfflineAudioContext(1, 8000, 8000);
    const late = new Promise(resolve => setTimeout(() => resolve(-2), deadline));
    const decoded = ctx.decodeAudioData(bytes.buffer).then(b => b.duration, () => -1);
    return await Promise.race([decoded, late]);
}"""


@then("j'entends un extrait sonore que le navigateur sait lire, de la longueur des caractères")
def audio_plays(ui, interpretations, scenario_state):
    # Decoded by the browser's own audio stack, in a blank page of the same browser (the page
    # that plays the clip may be a media document), under a deadline: page.evaluate has none.
    listener = ui.page.context.new_page()
    try:
        duration = listener.evaluate(
            _DECODE, [base64.b64encode(scenario_state.audio).decode(), 5000]
        )
    finally:
        listener.close()
    if duration == -2:
        raise HarnessError("navigateur", "le décodage de l'extrait sonore n'a pas abouti en 5 s")
    if duration <= 0:
        raise ConformanceFailure("l'extrait sonore n'est pas lisible par le navigateur",
                                 expected="un fichier audio",
                                 seen=f"{len(scenario_state.audio)} octets illisibles")
    low = 0.25 * interpretations.captcha_length
    if not low <= duration <= 60:
        raise ConformanceFailure("l'extrait sonore n'a pas la longueur d'une série de caractères",
                                 expected=f"entre {low:.1f} s et 60 s", seen=f"{duration:.1f} s")
