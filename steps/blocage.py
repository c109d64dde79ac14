"""Step 3bis, case 2: too many requests block the service until a time shown in Paris time."""
from datetime import timedelta

from pytest_bdd import given, then, when

from . import texts
from .demande import PARIS, request_reset


@given("j'ai fait le nombre maximum de demandes de renouvellement, à une minute d'intervalle")
def max_requests(ui, target, control, mailpit, persona, interpretations, scenario_state):
    control.require("clock", "espacer les demandes d'une minute")
    scenario_state.request_times = []
    for i in range(interpretations.reset_request_limit):
        if i:
            control.advance(60)
        request_reset(ui, target, control, mailpit, persona, scenario_state)
        scenario_state.request_times.append(scenario_state.request_time)
    control.advance(60)


def block_end(state, interpretations):
    """The reference interpretation: when the oldest counted request leaves the window."""
    end = state.request_times[0] + timedelta(minutes=interpretations.reset_request_window_minutes)
    if end.second or end.microsecond:  # shown to the minute: the first minute a request works
        end = end.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return end


@then("la page indique que le service est bloqué jusqu'à la fin du blocage, en heure de Paris")
def shows_block_end(ui, interpretations, scenario_state):
    end = block_end(scenario_state, interpretations).astimezone(PARIS)
    ui.expect_phrase(texts.BLOCKED_UNTIL.format(end=end.strftime("%d/%m/%Y - %Hh%M")))


@when("l'heure de fin du blocage est arrivée")
def block_over(control, interpretations, scenario_state):
    control.freeze(block_end(scenario_state, interpretations))
