"""Wires the step definitions for the scenarios of ../features (pytest-bdd finds them here)."""
import pytest

from fixtures import clockturn
from fixtures.recorder import bdd_template, scenario_of

from .blocage import *  # noqa: F401,F403
from .connexion import *  # noqa: F401,F403
from .captcha import *  # noqa: F401,F403
from .courriel import *  # noqa: F401,F403
from .demande import *  # noqa: F401,F403
from .deux_personnes import *  # noqa: F401,F403
from .horloge import moves_the_clock
from .mot_de_passe import *  # noqa: F401,F403
from .navigation import *  # noqa: F401,F403
from .reponse import *  # noqa: F401,F403
from .securite import *  # noqa: F401,F403
from .temps import *  # noqa: F401,F403
from .temps import freeze_now
from .ui import Ui


@pytest.fixture
def ui(page, request):
    current = Ui(page)
    seen = scenario_of(request.node)
    seen.page = lambda: current.page  # the tab the person is looking at
    seen.shortcuts = current.shortcuts
    return current


def pytest_collection_modifyitems(config, items):
    """Scenarios that move the target's clock are marked `horloge` (-m horloge selects them).
    Between parallel workers, the scenarios that try whole sets of values (a table of rows,
    each often a page or a whole procedure) start first, so that no worker is left alone with
    the longest at the end."""
    for item in items:
        template = bdd_template(item)
        if template and any(moves_the_clock(s.name) for s in template.steps):
            item.add_marker(clockturn.MARKER)
    if config.getoption("numprocesses", None) or hasattr(config, "workerinput"):
        items.sort(key=lambda item: -_rows(bdd_template(item)))


def _rows(template) -> int:
    """The rows of the step tables of a scenario (0 for an ordinary test)."""
    if not template:
        return 0
    return sum(len(s.datatable.rows) for s in template.steps if getattr(s, "datatable", None))


@pytest.fixture(autouse=True)
def _frozen_clock(control, clock_turn):
    """Each scenario starts on a frozen clock, unless the clock is not its to move (a target
    shared by parallel workers, a scenario that does not move it: it then reads real time)."""
    freeze_now(control)
