"""Step 2: the CAPTCHA's sound clip, as the person hears it when they click the microphone: the
audio the browser fetched, or the source the page played; decoded by the browser; the series it
speaks (the image's, the new one after the arrow, another person's another)."""
import base64
from types import SimpleNamespace
from urllib.parse import unquote_to_bytes

from playwright.sync_api import Error as PlaywrightError

from ameli_conformance.errors import ConformanceFailure, HarnessError
from ameli_conformance.fixtures.bdd import then, when
from ameli_conformance.fixtures.processes import wait_until

from . import texts
from .demande import note_series


def microphone(ui):
    return ui.action_matching(texts.CAPTCHA_MICRO, "le microphone (extrait sonore)")


@when("je clique sur le microphone")
def clicks_micro(ui, control, scenario_state):
    """The person listens; the series the form expects is read as soon as the clip is heard."""
    fetch_clip(ui, scenario_state, microphone(ui).click)
    if "captcha" in control.capabilities:
        scenario_state.series_after_clip = control.captcha_answer_if_any(
            ui.page.context.cookies(ui.page.url))


@when("je reviens au formulaire")
def back_to_form(ui, control, scenario_state):
    """After listening: where the microphone opened the clip as a page of its own, the person
    goes back to the form with the browser's back (which may show a new series: noted)."""
    if not ui.has_field(texts.FORM_CAPTCHA):
        ui.page.go_back()
        ui.field(texts.FORM_CAPTCHA)
    note_series(ui, control, scenario_state)


@then("le microphone fait entendre la nouvelle série")
def clip_follows(ui, scenario_state):
    """After the arrow, the clip is the new series': other bytes than before it (a new series
    never sounds the same; a server that keeps the first series' clip for the session serves
    the same bytes at any address), and, played from an address, received since the arrow (its
    address asked again, or a new one): an audio element loaded with the page and played again,
    at the address it had, with nothing received since, plays the first series. Either way the
    person who listens copies characters that no longer count. (A clip the browser keeps in its
    cache and serves again is received too: not told apart here.)"""
    state = scenario_state
    source, heard = state.clip_source, state.audio
    fetch_clip(ui, state, microphone(ui).click)
    if state.clip_source == source and not source.startswith(("data:", "blob:")) \
            and source not in state.audio_after_arrow:
        stale = "l'extrait joué avant la flèche, à la même adresse, que le navigateur n'a pas " \
                "redemandé depuis"
    else:
        stale = state.audio == heard and "les mêmes octets qu'avant la flèche"
    if stale:
        raise ConformanceFailure("après la flèche, le microphone fait entendre l'ancienne série",
                                 expected="l'extrait de la nouvelle série", seen=stale)


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
_PLAYED = "() => (window.__ameliPlays || []).filter(Boolean).pop() || null"
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


def is_audio(response) -> bool:
    return response.headers.get("content-type", "").startswith("audio/")


def clips_received_from_now(ui, state):
    """The addresses of the clips the browser receives on this page from now on, in
    `state.audio_after_arrow` (clip_follows): the list starts anew; one listener per page."""
    state.audio_after_arrow = []
    if getattr(state, "clips_watched", None) is not ui.page:
        state.clips_watched = ui.page
        ui.page.on("response", lambda response: state.audio_after_arrow.append(response.url)
                   if is_audio(response) else None)


def fetch_clip(ui, scenario_state, act, timeout: float = 10_000):
    """`act` makes the page play the sound (a click, a key); the clip is kept, and its source
    (`clip_source`): the audio the browser fetched, or, where none was fetched, the source the
    page played last (its data written into the page, a blob a script made, or an address)."""
    page, fetched = ui.page, []

    def on_response(response):
        if is_audio(response):
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
    scenario_state.clip_source = url
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
