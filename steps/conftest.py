"""Wires the step definitions for the scenarios of ../features (pytest-bdd finds them here)."""
import pytest

from ameli_conformance.fixtures import clockturn, workers
from ameli_conformance.fixtures.bdd import template_of
from ameli_conformance.fixtures.recorder import scenario_of

from ameli_conformance.steps.accessibilite import *  # noqa: F401,F403
from ameli_conformance.steps.blocage import *  # noqa: F401,F403
from ameli_conformance.steps.connexion import *  # noqa: F401,F403
from ameli_conformance.steps.captcha import *  # noqa: F401,F403
from ameli_conformance.steps.extrait import *  # noqa: F401,F403
from ameli_conformance.steps.courriel import *  # noqa: F401,F403
from ameli_conformance.steps.demande import *  # noqa: F401,F403
from ameli_conformance.steps.deux_personnes import *  # noqa: F401,F403
from ameli_conformance.steps.horloge import moves_the_clock
from ameli_conformance.steps.mot_de_passe import *  # noqa: F401,F403
from ameli_conformance.steps.navigation import *  # noqa: F401,F403
from ameli_conformance.steps.reponse import *  # noqa: F401,F403
from ameli_conformance.steps.securite import *  # noqa: F401,F403
from ameli_conformance.steps.temps import *  # noqa: F401,F403
from ameli_conformance.steps.temps import freeze_now
from ameli_conformance.steps.ui import Ui


@pytest.fixture
def ui(page, request):
    current = Ui(page)
    seen = scenario_of(request.node)
    seen.page = lambda: current.page  # the tab the person is looking at
    seen.shortcuts = current.shortcuts
    seen.answered = current.answered
    return current


def pytest_collection_modifyitems(config, items):
    """Scenarios that move the target's clock are marked `horloge` (-m horloge selects them).
    Between parallel workers, the scenarios that try whole sets of values (a table of rows,
    each often a page or a whole procedure) start first, so that no worker is left alone with
    the longest at the end."""
    for item in items:
        template = template_of(item)
        if template and any(moves_the_clock(s.text) for s in template.steps):
            item.add_marker(clockturn.MARKER)
    if workers.in_parallel(config):
        items.sort(key=lambda item: -_rows(template_of(item)))


def _rows(template) -> int:
    """The rows of the step tables of a scenario (0 for an ordinary test)."""
    if not template:
        return 0
    return sum(s.rows for s in template.steps)


@pytest.fixture(autouse=True)
def _frozen_clock(control, clock_turn):
    """Each scenario starts on a frozen clock, unless the clock is not its to move (a target
    shared by parallel workers, a scenario that does not move it: it then reads real time)."""
    freeze_now(control)
