"""Several runs side by side (issue 17, `make compare`): requirements × runs, each cell linking
to the scenario that decided it in its run's report, and between two runs of one target the
regressions and the fixes."""
import json

import pytest

from ameli_conformance import compare


def _run(folder, target, started, statuses, verdict="conformant"):
    folder.mkdir(parents=True)
    scenarios, requirements = [], []
    for rid, status in statuses.items():
        scenarios.append({"name": f"un scénario de {rid}", "tags": [rid], "status": "passed"})
        scenarios.append({"name": f"un autre de {rid}", "tags": [rid], "status": status})
        requirements.append({"id": rid, "title": f"titre {rid}", "profile": "exigences",
                             "status": status})
    data = {"started_at": started, "verdict": verdict, "duration_s": 10.0,
            "profile": {"name": target}, "target": {"url": "http://x/"},
            "scenarios": scenarios, "requirements": requirements}
    (folder / "conformance.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "conformance.html").write_text("<html></html>", encoding="utf-8")
    return folder


def test_the_matrix_links_each_cell_and_lists_regressions_and_fixes(tmp_path):
    reference = _run(tmp_path / "ref", "référence", "2026-12-02T10:00:00+00:00",
                     {"E0-ACCES": "passed", "E4-LIEN-30MIN": "passed"})
    other_v1 = _run(tmp_path / "autre-1", "autre", "2026-12-02T11:00:00+00:00",
                    {"E0-ACCES": "failed", "E4-LIEN-30MIN": "passed"}, "non-conformant")
    other_v2 = _run(tmp_path / "autre-2", "autre", "2026-12-02T12:00:00+00:00",
                    {"E0-ACCES": "passed", "E4-LIEN-30MIN": "error", "E6-CONNEXION": "passed"},
                    "error")
    out = tmp_path / "cmp"
    assert compare.main([str(other_v2), str(reference), str(other_v1), "--reports-dir",
                         str(out)]) == 0
    result = json.loads((out / "comparaison.json").read_text(encoding="utf-8"))
    assert [r["target"] for r in result["runs"]] == ["référence", "autre", "autre"]
    statuses = {r["id"]: r["statuses"] for r in result["requirements"]}
    assert statuses == {"E0-ACCES": ["passed", "failed", "passed"],
                        "E4-LIEN-30MIN": ["passed", "passed", "error"],
                        "E6-CONNEXION": ["absent", "absent", "passed"]}
    assert result["changes"] == [{"target": "autre", "from": "2026-12-02T11:00:00+00:00",
                                  "to": "2026-12-02T12:00:00+00:00",
                                  "regressions": ["E4-LIEN-30MIN"], "fixes": ["E0-ACCES"]}]
    page = (out / "comparaison.html").read_text(encoding="utf-8")
    # the failed cell leads to the scenario that failed (the second of its run), in its report
    assert "href='../autre-1/conformance.html#scenario-2'>échoué</a>" in page
    assert "href='../ref/conformance.html#scenario-1'>réussi</a>" in page
    assert "régressions : E4-LIEN-30MIN ; corrections : E0-ACCES" in page
    assert "NON CONFORME" in page and "ERREUR" in page  # the verdicts as the reports say them


def test_a_folder_without_a_report_is_named(tmp_path, capsys):
    assert compare.main([str(tmp_path / "absent"), "--reports-dir", str(tmp_path / "o")]) == 2
    assert "absent/conformance.json illisible" in capsys.readouterr().err


@pytest.mark.parametrize("status", ["failed", "error"])
def test_a_bad_status_links_to_the_scenario_with_it(status):
    data = {"scenarios": [{"tags": ["E1"], "status": "passed"}, {"tags": ["E1"], "status": status}]}
    assert compare._decider(data, "E1", status) == 2
    assert compare._decider(data, "E1", "passed") == 1
