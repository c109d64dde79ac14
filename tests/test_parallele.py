"""`-n N` against one shared target: the scenarios that move its clock (marked `horloge`) run
alone, the others side by side without the clock (fixtures/clockturn.py). With the embedded
default each worker has its own target (tests/test_end_to_end.py runs it with -n 2). The run
checked here is the second implementation's, given by its URLs (tests/test_targets.py): until
2026-12-04 a run of its own, 8 scenarios of the reference, did it (issue 14: CI's 10 minutes)."""
from datetime import datetime

import pytest


def assert_clock_turns_alone(scenarios: list[dict]) -> None:
    """Two workers worked; some scenarios moved the clock, each alone (no other scenario held
    its turn at the same time), and the others shared it."""
    assert len({s["worker"] for s in scenarios}) == 2, "les deux workers ont travaillé"
    clock = [s for s in scenarios if s["clock_turn"]["mode"] == "exclusive"]
    others = [s for s in scenarios if s["clock_turn"]["mode"] == "shared"]
    assert clock and others and len(clock) + len(others) == len(scenarios), [
        (s["name"], s["clock_turn"]) for s in scenarios]

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


def test_overlapping_turns_are_seen():
    """The check above can fail: a clock scenario whose turn overlaps another's."""
    def turn(mode, start, end, worker):
        return {"name": f"{mode} {start}", "worker": worker, "clock_turn": {
            "mode": mode, "held_from": f"2026-12-04T10:00:{start:02d}",
            "held_to": f"2026-12-04T10:00:{end:02d}"}}

    assert_clock_turns_alone([turn("exclusive", 0, 5, "gw0"), turn("shared", 5, 9, "gw1")])
    with pytest.raises(AssertionError, match="en même temps"):
        assert_clock_turns_alone([turn("exclusive", 0, 5, "gw0"), turn("shared", 4, 9, "gw1")])


def test_every_step_that_needs_the_clock_takes_its_turn():
    """A step that sets, moves or reads the target's clock (`control.require("clock", …)`,
    `control.freeze`) is declared by @moves_clock: its scenario then runs alone on a shared
    target. Until 2026-12-04 two were not (the end of the requests' block, read in the
    accessibility profile; two requests in the same second, in the security profile): with
    `-n 2` against a target given by its URLs, those scenarios ended in ERROR."""
    import ast
    from pathlib import Path

    def needs_clock(node) -> bool:
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
                    and isinstance(call.func.value, ast.Name) and call.func.value.id == "control":
                first = call.args[0] if call.args else None
                if call.func.attr == "freeze" or (call.func.attr == "require" and isinstance(
                        first, ast.Constant) and first.value == "clock"):
                    return True
        return False

    def declared(node) -> bool:
        return any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "moves_clock"
                   for d in node.decorator_list)

    steps = Path(__file__).resolve().parent.parent / "steps"
    undeclared = [f"{path.relative_to(steps)}: {node.name}"
                  for path in sorted(steps.rglob("*.py"))
                  for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, ast.FunctionDef) and node.decorator_list
                  and needs_clock(node) and not declared(node)]
    assert not undeclared, undeclared
