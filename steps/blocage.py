"""Step 3bis, case 2: too many requests block the service until a time shown in Paris time.

The harness keeps its own model of the window (the reference interpretation,
../shared/design/requirements.md, or the target's `reset_request_window_kind`): the requests
accepted so far, on the target's clock. In a rolling window (« glissante ») the block ends when
the oldest request that keeps the count at the limit leaves the window; in a fixed one
(« fixe »), when the window that holds the requests ends. Every time shown, and every moment a
request must work again, is computed from that model."""
from datetime import timedelta

from ameli_conformance.errors import OutsideReading
from ameli_conformance.interpretations import fixed_window_start
from ameli_conformance.fixtures.bdd import given, then, when

from . import texts
from .demande import PARIS, other_browser, request_reset, submit_request
from .horloge import moves_clock


def _space_requests(control, interpretations, state, ui, target, mailpit, persona, gap_s):
    for i in range(interpretations.reset_request_limit - len(state.request_times)):
        if i or state.request_times:
            control.advance(gap_s)
        request_reset(ui, target, control, mailpit, persona, state)


@moves_clock(given, "j'ai fait le nombre maximum de demandes de renouvellement, à une minute "
             "d'intervalle")
def max_requests(ui, target, control, mailpit, persona, interpretations, scenario_state):
    control.require("clock", "espacer les demandes d'une minute")
    _space_requests(control, interpretations, scenario_state, ui, target, mailpit, persona, 60)
    control.advance(60)


@given("mon navigateur est réglé sur l'heure de la Guadeloupe")
def browser_in_guadeloupe(ui, browser, scenario_state):
    """The person's browser, and every other one they open, on another time zone than Paris's
    (UTC-4): a time the guide says is Paris's must not follow it (a page that writes it with a
    script, in the browser's own zone, shows the person's local time)."""
    scenario_state.context_args = {**scenario_state.context_args,
                                   "timezone_id": "America/Guadeloupe"}
    other_browser(ui, browser, scenario_state)


@given("j'ai fait le nombre maximum de demandes de renouvellement")
def max_requests_now(ui, target, control, mailpit, persona, interpretations, scenario_state):
    """As many accepted requests as the limit, counting those already made, one after the
    other (no clock needed)."""
    made = len(scenario_state.reset_mails)
    for _ in range(interpretations.reset_request_limit - made):
        request_reset(ui, target, control, mailpit, persona, scenario_state)


@given("j'ai fait le nombre maximum de demandes de renouvellement, chacune depuis un autre "
       "navigateur")
def max_requests_browsers(ui, browser, target, control, mailpit, persona, interpretations,
                          scenario_state):
    for _ in range(interpretations.reset_request_limit):
        other_browser(ui, browser, scenario_state)
        scenario_state.form_url = None
        request_reset(ui, target, control, mailpit, persona, scenario_state)


@moves_clock(given, "j'ai fait une première demande, puis les autres demandes permises à la "
             "moitié de la période")
def spread_requests(ui, target, control, mailpit, persona, interpretations, scenario_state):
    """One request at the start of the window, the others half a window later: the window's
    edge falls between them."""
    if interpretations.reset_request_window_kind != "glissante":
        raise OutsideReading("le profil déclare une période fixe (reset_request_window_kind = "
                             f"« {interpretations.reset_request_window_kind} ») : le compte "
                             "repart de zéro à la fin de la période, rien ne glisse")
    control.require("clock", "espacer les demandes")
    window = interpretations.reset_request_window_minutes * 60
    limit = interpretations.reset_request_limit
    request_reset(ui, target, control, mailpit, persona, scenario_state)
    if limit > 1:
        gap = max(1, min(60, (window // 2 - 120) // (limit - 1)))
        control.advance(window // 2)
        _space_requests(control, interpretations, scenario_state, ui, target, mailpit, persona,
                        gap)


def exact_block_end(state, interpretations, now):
    """When a request is accepted again, for a request refused at `now`: in a rolling window,
    the counted request that keeps the count at the limit leaves the window; in a fixed one,
    the window that holds the requests ends (a window starts at the first request made after
    the one before ended)."""
    window = timedelta(minutes=interpretations.reset_request_window_minutes)
    limit = interpretations.reset_request_limit
    if interpretations.reset_request_window_kind == "fixe":
        return fixed_window_start(state.request_times, window) + window
    counted = [t for t in state.request_times if t > now - window]
    return counted[len(counted) - limit] + window


def _minute_after(end):
    """`end` shown to the minute: the first minute at which a request works (an end at 11h05 and
    20 seconds is shown 11h06; 11h05 would send the person back too early)."""
    if end.second or end.microsecond:
        end = end.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return end


def block_end(state, interpretations, now):
    """`exact_block_end` to the minute, as the page shows it (`_minute_after`)."""
    return _minute_after(exact_block_end(state, interpretations, now))


# It reads the target's clock: on a target shared by workers, only while holding the clock's turn.
@moves_clock(then, "la page indique que le service est bloqué jusqu'à la fin du blocage, en heure "
             "de Paris")
def shows_block_end(ui, control, interpretations, scenario_state):
    control.require("clock", "connaître l'heure de la demande refusée")
    exact = exact_block_end(scenario_state, interpretations, control.now()).astimezone(PARIS)
    end = _minute_after(exact)
    what = f"« {texts.BLOCKED_UNTIL.format(end=end.strftime('%d/%m/%Y - %Hh%M'))} »"
    if exact != end:
        what += (f" (le blocage finit à {exact:%Hh%M} et {exact.second} secondes : une demande "
                 f"repasse à partir de {end:%Hh%M})")
    ui.expect_pattern(texts.blocked_until(end), what)


@moves_clock(when, "l'heure de fin du blocage est arrivée")
def block_over(control, interpretations, scenario_state):
    control.freeze(block_end(scenario_state, interpretations, control.now()))


@moves_clock(when, "il est une minute avant l'heure de fin du blocage")
def just_before_block_end(control, interpretations, scenario_state):
    control.require("clock", "avancer jusqu'à la fin du blocage")
    end = block_end(scenario_state, interpretations, control.now())
    control.freeze(end - timedelta(minutes=1))


@moves_clock(when, "il est une minute avant que la première demande ne sorte de la période")
def just_before_first_leaves(control, interpretations, scenario_state):
    control.require("clock", "avancer jusqu'à la fin de la période")
    window = timedelta(minutes=interpretations.reset_request_window_minutes)
    control.freeze(scenario_state.request_times[0] + window - timedelta(minutes=1))


@when("je demande une nouvelle fois le renouvellement de mon mot de passe depuis un autre "
      "navigateur")
def requests_from_other_browser(ui, browser, target, control, mailpit, persona, scenario_state):
    other_browser(ui, browser, scenario_state)
    scenario_state.form_url = None
    submit_request(ui, target, control, mailpit, persona, scenario_state)
