"""The exploration suite (exploration/): against the reference app it finds no deviation; against
broken variants that the fixed scenarios of before issue 13 missed, it finds one, shrunk, as a
French Gherkin scenario of the suite's own steps, with the seed that replays it."""
import json
import os
import subprocess
import sys

import pytest

from ameli_conformance.fixtures.targets import start_embedded

from .conftest import ROOT


def explore(tmp_path, target, *args, timeout=600):
    reports = tmp_path / "rapports"
    command = [sys.executable, "-m", "pytest", "exploration", "-q", "-p", "no:cacheprovider",
               "--reports-dir", str(reports), "--target-url", target.url,
               "--mailpit-url", target.mailpit_url, "--control-url", target.control_url, *args]
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("AMELI_", "PYTEST_"))},
           "AMELI_CONTROL_TOKEN": target.control_token}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=timeout)
    return result, json.loads((reports / "exploration.json").read_text(encoding="utf-8")), reports


@pytest.fixture
def mutant(request, tmp_path):
    target = start_embedded(tmp_path / "cible", tmp_path / "logs",
                            app_command=("tests.mutants", request.param))
    try:
        yield target
    finally:
        target.stop()


# Each: a broken variant the scenarios of before issue 13 passed (tests/campagne.py says which),
# and a seed with which a short search finds it on this machine.
FOUND = {
    "remplacement-verifie-a-l-ouverture": ("E4-DERNIER-LIEN", 1),
}


# Measured once here (seed 1, budget 60: found and shrunk to 4 actions in 128 s), but a clean
# clone's CI run with the same seed found nothing in its 12 sequences: what hypothesis draws
# depends on more than the seed here, so this search runs on demand (make explore-mutants), not
# in make test, where a verdict must not depend on luck.
@pytest.mark.skipif(not os.environ.get("AMELI_EXPLORE_MUTANTS"),
                    reason="recherche sur un mutant : make explore-mutants")
@pytest.mark.parametrize("mutant", sorted(FOUND), indirect=True)
def test_exploration_finds_a_broken_variant_and_writes_it_as_gherkin(mutant, tmp_path, request):
    requirement, seed = FOUND[request.node.callspec.params["mutant"]]
    result, report, reports = explore(tmp_path, mutant, "--seed", str(seed),
                                      "--explore-budget", "60")
    # the sequence, shrunk: the request, the link opened, another request, the old form used
    assert report["sequences"] > 1
    assert result.returncode == 1, result.stdout[-3000:]
    assert report["verdict"] == "écart" and report["seed"] == seed
    assert report["deviation"]["requirement"] == requirement, report["deviation"]
    feature = (reports / "exploration.feature").read_text(encoding="utf-8")
    assert feature.startswith("# language: fr") and f"@{requirement}" in feature
    assert "Étant donné un assuré dont le compte ameli a une adresse mail validée" in feature
    assert feature.count("Quand je demande le renouvellement de mon mot de passe") == 2, feature
    assert "Alors un message indique que le lien n'est plus valable" in feature


@pytest.fixture
def reference(tmp_path):
    target = start_embedded(tmp_path / "cible", tmp_path / "logs")
    try:
        yield target
    finally:
        target.stop()


def test_the_model_predicts_what_the_guide_says():
    """The model the exploration compares with, on the sequences the mutants broke."""
    from ameli_conformance.interpretations import Interpretations
    from exploration.modele import Modele

    model = Modele.of(Interpretations())
    assert model.request(0) == ("envoyé", None)
    model.adopt_request(0, True)
    assert model.link_works(0, 60) is True
    model.adopt_request(60, True)  # a newer request: the first link is superseded
    assert model.link_works(0, 120) is False and model.link_works(-1, 120) is True
    assert model.link_works(-1, 60 + 1800) is None  # exactly 30 minutes: the guide is silent
    assert model.link_works(-1, 60 + 1801) is False
    model.adopt_request(120, True)
    assert model.request(180) == ("bloqué", 3600)  # the oldest leaves the window at 60 min
    model.adopt_request(180, False)  # refused: the last link stays valid
    assert model.link_works(-1, 240) is True and model.links[-1].blocked_after == 1
    assert model.request(3600) is None and model.request(3601) == ("envoyé", None)
    assert model.login("initial", 0) is True
    for attempt in range(5):
        model.adopt_login("mauvais", 10, False)
    assert model.login("initial", 10 + 899) is False and model.login("initial", 10 + 900) is None
    model.adopt_change(len(model.links) - 1, True)  # a new password lifts the block
    assert model.login("nouveau-1", 20) is True and model.login("initial", 20) is False


def test_the_deviation_is_written_as_gherkin_of_the_suite():
    from exploration.test_exploration import gherkin

    text = gherkin("E4-DERNIER-LIEN", [
        "Étant donné un assuré dont le compte ameli a une adresse mail validée",
        "Quand je demande le renouvellement de mon mot de passe dans un autre onglet",
        "Alors la page affiche « Le mail a bien été envoyé à »",
        "Quand je reviens au premier onglet",
        "Quand je clique dans le mail le plus récent sur « Renouveler mon mot de passe »"],
        "écart", 7)
    assert text.startswith("# language: fr\nFonctionnalité: ")
    assert "@E4-DERNIER-LIEN" in text and '--seed 7' in text
    assert "    Et je clique dans le mail le plus récent" in text  # « Et » for a repeated « Quand »


def test_exploration_finds_nothing_on_the_reference_app(reference, tmp_path):
    # The fewest sequences (5), of 6 actions (make explore searches 120 s, 12 actions a sequence):
    # 12 actions a sequence took 55 worker-seconds of CI (2026-12-04)
    result, report, reports = explore(tmp_path, reference, "--seed", "3",
                                      "--explore-budget", "1", "--explore-steps", "6")
    assert result.returncode == 0, result.stdout[-3000:]
    assert report["verdict"] == "aucun écart" and report["actions_checked"] > 10, report
    assert not (reports / "exploration.feature").exists()
