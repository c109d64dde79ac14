"""The exploration suite (exploration/): against the reference app it finds no deviation; against
broken variants that the fixed scenarios of before issue 13 missed, it finds one, shrunk, as a
French Gherkin scenario of the suite's own steps, with the seed that replays it."""
import json
import os
import subprocess
import sys

import pytest

from fixtures.targets import start_embedded

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


def test_exploration_finds_nothing_on_the_reference_app(reference, tmp_path):
    result, report, reports = explore(tmp_path, reference, "--seed", "3",
                                      "--explore-budget", "25")
    assert result.returncode == 0, result.stdout[-3000:]
    assert report["verdict"] == "aucun écart" and report["actions_checked"] > 10, report
    assert not (reports / "exploration.feature").exists()
