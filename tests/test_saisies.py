"""What the steps type, described in words (steps/demande.py `typed_value`): « la date de demain »
is tomorrow in Paris, whatever zone the target's clock answers in (a fresh-clone run at 00:05,
Paris time, typed today's date: the target's clock answered in UTC, still the day before)."""
from datetime import datetime
from types import SimpleNamespace

import pytest

from ameli_conformance.steps.demande import typed_value


@pytest.mark.parametrize("now, tomorrow", [
    ("2026-12-02T23:05:00+00:00", "04/12/2026"),  # 00:05 on the 3rd in Paris
    ("2026-12-03T00:05:00+01:00", "04/12/2026"),
    ("2026-07-14T22:30:00+00:00", "16/07/2026"),  # 00:30 on the 15th in Paris (summer time)
    ("2026-12-02T12:00:00+00:00", "03/12/2026"),
])
def test_tomorrow_is_tomorrow_in_paris(now, tomorrow):
    control = SimpleNamespace(capabilities=["clock"], now=lambda: datetime.fromisoformat(now))
    persona = SimpleNamespace(nir="1850575123456" + "12")
    assert typed_value("(la date de demain)", persona, control) == tomorrow
