"""junit.xml as JUnit viewers read it (issue 17): every case its own class and name, an example
of an outline named by its values, and the suite's totals those of its cases."""
import xml.etree.ElementTree as ET

from ameli_conformance import junit


def _scenario(name, status="passed", example=None, tags=("E4-LIEN-30MIN",), **more):
    return {"feature": "Étape 4", "name": name, "status": status, "duration_s": 1.0,
            "tags": list(tags), "example": example or {}, "failure": None, **more}


def test_each_case_is_named_apart_and_the_totals_are_those_of_the_cases(tmp_path):
    scenarios = [
        _scenario("Le lien est refusé", example={"durée": "31 minutes"}),
        _scenario("Le lien est refusé", "failed", example={"durée": "2 heures"},
                  failure={"message": "accepté"}),
        _scenario("Le lien est refusé", "failed", example={"durée": "2 heures"},
                  failure={"message": "accepté"}),
        _scenario("Attendu en échec", "failed", tags=["E5-CASSE"], failure={"message": "x"}),
        _scenario("Sans horloge", "not_applicable", not_applicable="pas d'horloge"),
        _scenario("Écart accepté", "accepted_exception", accepted_exception="SEC-CSRF"),
        _scenario("Cible tombée", "error", failure={"message": "ne répond plus"}),
    ]
    data = {"scenarios": scenarios, "verdict": "non-conformant", "duration_s": 7.0,
            "started_at": "2026-12-02T19:00:00+00:00",
            "expected_failures": {"confirmed": [{"id": "E5-CASSE", "reason": "ticket 12"}]}}
    junit.write(data, tmp_path)
    root = ET.parse(tmp_path / "junit.xml").getroot()
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    names = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(set(names)) == len(cases) == 7
    assert names[0][1] == "Le lien est refusé — durée : 31 minutes"
    assert names[2][1] == "Le lien est refusé — durée : 2 heures (2)"
    counted = {tag: sum(c.find(tag) is not None for c in cases)
               for tag in ("failure", "error", "skipped")}
    assert counted == {"failure": 2, "error": 1, "skipped": 3}
    for element in (suite, root):
        assert {k: int(element.get(k)) for k in ("tests", "failures", "errors", "skipped")} == {
            "tests": 7, "failures": 2, "errors": 1, "skipped": 3}
    expected = cases[3]
    assert expected.find("skipped").get("message") == "échec attendu : ticket 12"
