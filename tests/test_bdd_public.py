"""The harness reaches pytest-bdd only through its public API (fixtures/bdd.py, issue 15): it
writes the tests of the feature files itself, and must name and order them exactly as
pytest-bdd's `scenarios` does (a user's `-k` or a CI shard keeps selecting the same tests),
know which example row a run of an outline rendered, and which of a step function's patterns
matched a step."""
from types import SimpleNamespace

import pytest

from ameli_conformance.fixtures import bdd
from ameli_conformance.verdict import FEATURES_DIR


def test_the_tests_are_named_and_ordered_as_pytest_bdd_names_them():
    theirs = {}
    exec(f"from pytest_bdd import scenarios\nscenarios({str(FEATURES_DIR)!r})", theirs)
    ours = {}
    bdd.bind(ours, FEATURES_DIR)
    theirs = [name for name in theirs if name.startswith("test_")]
    assert [name for name in ours if name.startswith("test_")] == theirs
    assert len(theirs) >= 70
    assert all(bdd.template_of(SimpleNamespace(obj=ours[name])) for name in theirs)


def _outline(tmp_path, examples: str):
    (tmp_path / "plan.feature").write_text(
        "# language: fr\n@F\nFonctionnalité: Plan\n\n  @S\n  Plan du scénario: Durée <d>\n"
        "    Quand <d> minutes passent\n    Alors le lien est <état>\n\n    Exemples:\n"
        f"      | d | état | note |\n{examples}", encoding="utf-8")
    return bdd.read_feature(tmp_path / "plan.feature", tmp_path)[1][0]


def _run(name, steps):
    return SimpleNamespace(name=name, steps=[SimpleNamespace(line_number=n, name=t)
                                             for n, t in steps])


def test_the_row_of_an_outline_is_the_one_its_steps_show(tmp_path):
    template = _outline(tmp_path, "      | 29 | valide | a |\n      | 31 | expiré | b |\n")
    assert template.tags == {"F", "S"} and template.feature_file.endswith("/plan.feature")
    assert template.keyword(7, "Quand ") == "Quand"
    seen = _run("Durée 31", [(7, "31 minutes passent"), (8, "le lien est expiré")])
    assert template.example_of(seen, "test_durée_d[31-expiré-b]") == \
        {"d": "31", "état": "expiré", "note": "b"}


def test_rows_that_render_alike_are_told_apart_by_the_test_id(tmp_path):
    template = _outline(tmp_path, "      | 29 | valide | a |\n      | 29 | valide | b |\n")
    seen = _run("Durée 29", [(7, "29 minutes passent"), (8, "le lien est valide")])
    assert template.example_of(seen, "test_durée_d[29-valide-b]")["note"] == "b"
    assert template.example_of(seen, "test_durée_d[29-valide-a]")["note"] == "a"


def test_two_scenarios_of_one_name_in_a_file_are_refused(tmp_path):
    (tmp_path / "double.feature").write_text(
        "# language: fr\nFonctionnalité: D\n  Scénario: Même\n    Quand rien\n"
        "  Scénario: Même\n    Quand autre chose\n", encoding="utf-8")
    with pytest.raises(ValueError, match="deux scénarios portent le même nom"):
        bdd.bind({}, tmp_path)


def test_the_pattern_recorded_is_the_one_that_matched():
    namespace = {}
    exec("from ameli_conformance.fixtures.bdd import given, parsers, when\n"
         "@given('je suis sur la page')\n"
         "@when(parsers.parse('je vais sur la page {nom}'))\n"
         "def aller(nom=None):\n    pass\n", namespace)
    step = namespace["aller"]
    assert bdd.definition_of(step, "je vais sur la page accueil", FEATURES_DIR.parent)[
        "pattern"] == "je vais sur la page {nom}"
    assert bdd.definition_of(step, "je suis sur la page", FEATURES_DIR.parent)[
        "pattern"] == "je suis sur la page"
    assert any(name.startswith("pytestbdd_stepdef_given") for name in namespace)
    assert bdd.definition_of(lambda: None, "x", FEATURES_DIR.parent) is None
