"""`-n N` against one shared target: the scenarios that move its clock (marked `horloge`) run
alone, the others side by side without the clock (fixtures/clockturn.py). With the embedded
default each worker has its own target (tests/test_end_to_end.py runs it with -n 2)."""
from datetime import datetime

import pytest

from ameli_conformance.fixtures.targets import start_embedded

# The CAPTCHA's 5 minutes (5) and the dated notifications (3) move the clock; the mail does not.
# (The link's 30 minutes, 6 more turns of the clock, made this test 53 s of CI: issue 14; so
# does the sixth of the 5 minutes, the clip listened to, left out for the same reason.)
SELECTION = "E2-CAPTCHA-5MIN or E6-MAIL-NOTIFICATION or E4-MAIL"
LEFT_OUT = "not écouter_les_caractères"


@pytest.fixture
def shared_target(tmp_path):
    target = start_embedded(tmp_path / "cible", tmp_path / "logs")
    yield target
    target.stop()


def test_clock_scenarios_run_alone_on_a_shared_target(conformance_run, shared_target):
    t = shared_target
    result = conformance_run.run(
        "-n", "2", "-m", SELECTION, "-k", LEFT_OUT, "--target-url", t.url, "--mailpit-url", t.mailpit_url,
        "--control-url", t.control_url, "--step-screenshots", "off", "--playwright-trace", "off",
        AMELI_CONTROL_TOKEN=t.control_token, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
    scenarios = conformance_run.report()["scenarios"]
    assert {s["status"] for s in scenarios} == {"passed"}, [
        (s["name"], s["status"], s.get("failure")) for s in scenarios if s["status"] != "passed"]
    assert len({s["worker"] for s in scenarios}) == 2, "les deux workers ont travaillé"

    clock = [s for s in scenarios if s["clock_turn"]["mode"] == "exclusive"]
    others = [s for s in scenarios if s["clock_turn"]["mode"] == "shared"]
    assert len(clock) == 8 and len(clock) + len(others) == len(scenarios), [
        (s["name"], s["clock_turn"]) for s in scenarios]
    assert any("vient d'avoir lieu" in s["name"] for s in others)  # a date checked on real time

    def window(s):  # while it held its turn: from before its first step to after its last
        turn = s["clock_turn"]
        return datetime.fromisoformat(turn["held_from"]), datetime.fromisoformat(turn["held_to"])

    for alone in clock:
        start, end = window(alone)
        for other in scenarios:
            if other is alone:
                continue
            o_start, o_end = window(other)
            assert o_end <= start or o_start >= end, (
                f"« {alone['name']} » (horloge) a tourné en même temps que « {other['name']} »")
