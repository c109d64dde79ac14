"""The verdict rule and the run's exit, on reports built from made-up scenario results: one per
required identifier, then one status changed at a time."""
import pytest

from fixtures.plugin import passes
from fixtures.report import ReportWriter, load_catalogue

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
