"""The verdict rule and the run's exit, on reports built from made-up scenario results: one per
required identifier, then one status changed at a time."""
import pytest

from ameli_conformance.report import ReportWriter
from ameli_conformance.verdict import load_catalogue, passes

REQUIRED = [r["id"] for r in load_catalogue() if r["profile"] == "exigences"]


def build(changes: dict | None = None, expected: dict | None = None, interrupted=False):
    writer = ReportWriter(None, dict, expected_failures=expected or {})
    for n, ident in enumerate(REQUIRED):
        status = (changes or {}).get(ident, "passed")
        scenario = {"feature": "f", "feature_file": "f.feature", "nodeid": f"n{n}",
                    "name": ident, "tags": [ident], "status": status, "steps": [],
                    "failure": {"message": f"raison {ident}"} if status in ("failed", "error")
                    else None}
        if status == "not_applicable":
            scenario["not_applicable"] = "la cible n'offre pas « clock »"
        writer.scenarios.append(scenario)
    return writer.build(interrupted=interrupted)


@pytest.mark.parametrize("changes, expected, verdict, ok", [
    ({}, {}, "conformant", True),
    ({"E4-LIEN-30MIN": "failed"}, {}, "non-conformant", False),
    ({"E4-LIEN-30MIN": "error"}, {}, "error", False),
    ({"E4-LIEN-30MIN": "not_applicable"}, {}, "incomplete", True),
    ({"E4-LIEN-30MIN": "failed"}, {"E4-LIEN-30MIN": "ticket 1"}, "known-failures", True),
    ({"E4-LIEN-30MIN": "failed", "E4-MAIL": "not_applicable"}, {"E4-LIEN-30MIN": "ticket 1"},
     "incomplete", True),
    ({"E4-LIEN-30MIN": "failed", "E4-MAIL": "failed"}, {"E4-LIEN-30MIN": "ticket 1"},
     "non-conformant", False),
    ({}, {"E4-LIEN-30MIN": "ticket 1"}, "conformant", False),  # stale: the list is out of date
    ({"E4-LIEN-30MIN": "error"}, {"E4-LIEN-30MIN": "ticket 1"}, "error", False),
])
def test_verdict_and_exit(changes, expected, verdict, ok):
    data = build(changes, expected)
    assert data["verdict"] == verdict
    assert passes(data) is ok


def test_a_scenario_outside_the_targets_reading_leaves_nothing_unverified():
    """A household sharing an address, on a target whose addresses are one account's (seed
    003, `shared_email = false`): not applicable, and its requirement is what its other
    scenarios say; alone, it is not applicable (nothing of the requirement ran)."""
    def with_household(status_of_the_other):
        writer = ReportWriter(None, dict)
        for n, ident in enumerate(REQUIRED):
            writer.scenarios.append({"feature": "f", "feature_file": "f.feature", "nodeid": f"n{n}",
                                     "name": ident, "tags": [ident], "status": "passed",
                                     "steps": [], "failure": None})
        writer.scenarios.append({"feature": "f", "feature_file": "f.feature", "nodeid": "foyer",
                                 "name": "foyer", "tags": ["E6-CONNEXION"],
                                 "status": "not_applicable", "outside_reading": True,
                                 "not_applicable": "hors de la lecture de la cible : adresse",
                                 "steps": [], "failure": None})
        writer.scenarios[REQUIRED.index("E6-CONNEXION")]["status"] = status_of_the_other
        return writer.build()

    data = with_household("passed")
    assert data["verdict"] == "conformant"
    assert {r["id"]: r["status"] for r in data["requirements"]}["E6-CONNEXION"] == "passed"
    data = with_household("not_applicable")  # the other scenario did not run: nothing verified
    assert data["verdict"] == "incomplete"
    # A scenario merely not applicable (a capability missing) still leaves a gap.
    data = build({"E6-CONNEXION": "not_applicable"})
    assert data["verdict"] == "incomplete"


def test_an_incomplete_run_fails_when_a_complete_verdict_is_required():
    data = build({"E4-LIEN-30MIN": "not_applicable"})
    assert passes(data) and not passes(data, require_complete=True)
    assert passes(build(), require_complete=True)


def test_an_interrupted_run_never_passes():
    data = build(interrupted=True)
    assert data["verdict"] == "error" and not passes(data)


def test_expected_failures_are_reported_confirmed_stale_or_not_verified():
    data = build({"E4-LIEN-30MIN": "failed", "E4-MAIL": "not_applicable"},
                 {"E4-LIEN-30MIN": "a", "E4-MAIL": "b", "E6-CONNEXION": "c"})
    by_id = {r["id"]: r for r in data["requirements"]}
    assert by_id["E4-LIEN-30MIN"]["status"] == "expected_failure"
    assert by_id["E4-LIEN-30MIN"]["reason"] == "raison E4-LIEN-30MIN"
    assert by_id["E4-LIEN-30MIN"]["expected_failure"] == "a"
    assert by_id["E6-CONNEXION"]["reason"].startswith("échec attendu périmé")
    summary = data["expected_failures"]
    assert [e["id"] for e in summary["confirmed"]] == ["E4-LIEN-30MIN"]
    assert [e["id"] for e in summary["stale"]] == ["E6-CONNEXION"]
    assert [e["id"] for e in summary["not_verified"]] == ["E4-MAIL"]


def test_a_failed_step_on_a_target_that_stopped_answering_is_an_error():
    """The reclassification a run applies when a step fails: the target is probed, and if it no
    longer answers the scenario is ERROR with the probe's diagnosis, not FAILED."""
    import types

    from ameli_conformance.errors import ConformanceFailure, HarnessError
    from ameli_conformance.fixtures.recorder import ScenarioRecorder, scenario_of
    from ameli_conformance.fixtures.targets import Target, probe_target

    down = Target(url="http://127.0.0.1:9/", mailpit_url="http://127.0.0.1:9", control_url=None)
    diagnosis = probe_target(down, timeout=1)
    assert isinstance(diagnosis, HarnessError) and diagnosis.part == "cible"
    assert "ne répond pas" in diagnosis.diagnosis

    recorder = ScenarioRecorder()
    step = types.SimpleNamespace(line_number=3, name="je clique")
    for health, expected in ((lambda: diagnosis, "error"), (lambda: None, "failed")):
        node = types.SimpleNamespace(stash=pytest.Stash())
        seen = scenario_of(node)
        seen.health, seen.record = health, {
            "steps": [{"keyword": "Quand", "text": "je clique", "status": "running", "line": 3}],
            "failure": None}
        request = types.SimpleNamespace(node=node)
        recorder._finish(request, step, "failed", ConformanceFailure("page sans le bouton"))
        record = seen.record
        assert record["steps"][0]["status"] == expected
        if expected == "error":
            assert record["failure"]["part"] == "cible"
            assert record["failure"]["message"].startswith("[cible]")
            assert "page sans le bouton" in record["failure"]["seen"]
        else:
            assert record["failure"]["message"] == "page sans le bouton"
