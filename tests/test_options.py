"""A number of seconds given badly is a French usage error before anything starts (issue 16):
before, `--ui-timeout abc` failed every scenario with a raw ValueError after the browser started,
and `--mail-quiet -1` silently weakened every "no mail" check to nothing."""
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.parametrize("option, value", [("--ui-timeout", "abc"), ("--ui-timeout", "-1"),
                                           ("--mail-quiet", "-1"), ("--mail-timeout", "nan"),
                                           ("--mail-timeout", "0")])
def test_a_bad_number_of_seconds_is_a_usage_error_in_french(option, value):
    result = subprocess.run([sys.executable, "-m", "pytest", "steps", "--collect-only", "-q",
                             "-p", "no:cacheprovider", "-p", "no:hypothesispytest", option, value],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 4, result.stdout[-500:] + result.stderr[-500:]
    assert f"{option} '{value}' : un nombre de secondes" in result.stderr


def test_a_reason_on_the_terminal_is_cut_at_a_word_and_points_to_the_report():
    from ameli_conformance.fixtures.plugin import short

    reason = "la confirmation que le mot de passe est enregistré : absent de la page " * 4
    line = short(reason)
    assert len(line) <= 120 and line.endswith(" … (la suite dans le rapport)")
    kept = line.removesuffix(" … (la suite dans le rapport)")
    assert reason.startswith(kept) and reason[len(kept)] == " "  # whole words only
    assert short("un refus court") == "un refus court"
