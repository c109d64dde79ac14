"""Step 2: the CAPTCHA, its image, its sound clip, the arrow that gives a new series."""
import base64
from types import SimpleNamespace
from urllib.parse import unquote_to_bytes

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from ameli_conformance.errors import ConformanceFailure, HarnessError
from ameli_conformance.fixtures.bdd import given, then, when
from ameli_conformance.fixtures.processes import wait_until

from . import texts
from .demande import note_series

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
    scenario_state.before_arrow = control.captcha_answer(ui.page.context.cookies(ui.page.url))
    scenario_state.images_before_arrow = images_seen(ui)
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


def microphone(ui):
    return ui.action_matching(texts.CAPTCHA_MICRO, "le microphone (extrait sonore)")


@when("je clique sur le microphone")
def clicks_micro(ui, control, scenario_state):
    """The person listens; the series the form expects is read as soon as the clip is heard."""
    fetch_clip(ui, scenario_state, microphone(ui).click)
    if "captcha" in control.capabilities:
        scenario_state.series_after_clip = control.captcha_answer_if_any(
            ui.page.context.cookies(ui.page.url))


@when("l'autre assuré clique sur le microphone")
def other_clicks_micro(scenario_state):
    heard = SimpleNamespace()
    fetch_clip(scenario_state.other.ui, heard, microphone(scenario_state.other.ui).click)
    scenario_state.other.clip = heard.audio


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


@then("l'autre assuré entend un autre extrait sonore que le mien")
def others_clip(control, scenario_state):
    """The clip speaks the series shown: another series is heard otherwise (a target that plays
    one sound file whatever the series passed). Two clips of one series may differ (noise drawn
    anew); two series never sound the same byte for byte. Two browsers given the same series
    are another fault (E2-CAPTCHA-IMAGE's scenario of two persons): not judged here."""
    other = scenario_state.other
    if "captcha" in control.capabilities and scenario_state.series_after_clip == \
            control.captcha_answer_if_any(other.ui.page.context.cookies(other.ui.page.url)):
        return
    if other.clip == scenario_state.audio:
        raise ConformanceFailure("le microphone fait entendre le même extrait pour une autre "
                                 "série", expected="l'extrait de la série de l'autre assuré",
                                 seen=f"les mêmes {len(other.clip)} octets que le mien")


# Whatever the page plays from now on: an audio element of the page, or one made by a script
# (`new Audio(…)`), whose source may be an address, data written into the page, or a blob.
WATCH_PLAYS = """() => {
  if (window.__ameliPlays) return;
  window.__ameliPlays = [];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    const source = this.querySelector('source');
    window.__ameliPlays.push(this.currentSrc || this.src || (source ? source.src : ''));
    return play.apply(this, arguments);
  };
}"""
_PLAYED = "() => (window.__ameliPlays || []).filter(Boolean)[0] || null"
_BLOB = """async (url) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}"""


def _played(page) -> str | None:
    try:
        return page.evaluate(_PLAYED)
    except PlaywrightError:  # the page was being replaced (a link to the clip)
        return None


def fetch_clip(ui, scenario_state, act, timeout: float = 10_000):
    """`act` makes the page play the sound (a click, a key); the clip is kept: the audio the
    browser fetched, or, where none was fetched, the source the page played (its data written
    into the page, or a blob a script made)."""
    page, fetched = ui.page, []

    def on_response(response):
        if response.headers.get("content-type", "").startswith("audio/"):
            fetched.append(response.url)

    page.evaluate(WATCH_PLAYS)
    page.on("response", on_response)
    try:
        act()
        url = wait_until(lambda: fetched[0] if fetched else _played(page), timeout / 1000)
    finally:
        page.remove_listener("response", on_response)
    if not url:
        raise ConformanceFailure("le microphone ne fait rien entendre",
                                 expected="un extrait sonore joué ou téléchargé",
                                 seen=f"aucun son en {timeout / 1000:.0f} s")
    if url.startswith("data:"):
        header, _, data = url.partition(",")
        scenario_state.audio = (base64.b64decode(data) if header.endswith(";base64")
                                else unquote_to_bytes(data))
    elif url.startswith("blob:"):
        scenario_state.audio = base64.b64decode(page.evaluate(_BLOB, url))
    else:
        # Chromium streams media: response.body() never completes for it, and has no deadline.
        # The same clip is fetched again with the browser context's cookies, under a deadline.
        scenario_state.audio = page.context.request.get(url, timeout=10_000).body()


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
