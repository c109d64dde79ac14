"""The steps that move the target's clock say so where they are written: `@moves_clock(when,
"…")` instead of `@when("…")`. A scenario with one of them is marked `horloge` (steps/conftest.py):
on a target shared by several pytest-xdist workers it runs alone (fixtures/clockturn.py). A step
that moves the clock without this decorator is stopped at its first move on a shared target
(fixtures/control.py: « … sans être marqué horloge »), so none escapes the mark silently."""
from ameli_conformance.fixtures.bdd import parsers

_MOVING: list = []  # the parsers of the steps that move the clock


def moves_clock(step, pattern, **options):
    """pytest-bdd's `given`, `when` or `then` for a step that moves the target's clock."""
    parser = parsers.string(pattern) if isinstance(pattern, str) else pattern
    _MOVING.append(parser)
    return step(parser, **options)


def moves_the_clock(step_text: str) -> bool:
    return any(parser.is_matching(step_text) for parser in _MOVING)
