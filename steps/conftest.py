"""Wires the step definitions for the scenarios of ../features (pytest-bdd finds them here)."""
import pytest

from .blocage import *  # noqa: F401,F403
from .courriel import *  # noqa: F401,F403
from .demande import *  # noqa: F401,F403
from .demande import freeze_now
from .mot_de_passe import *  # noqa: F401,F403
from .navigation import *  # noqa: F401,F403
from .securite import *  # noqa: F401,F403
from .ui import Ui


@pytest.fixture
def ui(page, request):
    current = Ui(page)
    request.node._ameli_page = lambda: current.page  # the tab the person is looking at
    return current


@pytest.fixture(autouse=True)
def _frozen_clock(control):
    freeze_now(control)
