"""Selecting scenarios as the README says (issue 17): by feature file (`-k etape4`), by
requirement (`-m "E0-ACCES"`, and `-k E0` no longer matching escaped accents), by the clock's
mark; test ids as the feature files write them."""
import subprocess
import sys

import pytest

from .conftest import ROOT


def collected(*selection: str) -> list[str]:
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "--collect-only", "-q", "-p", "no:cacheprovider",
         "-p", "no:hypothesispytest", "--suite", "tout", *selection],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    return [line for line in listed.stdout.splitlines() if "::" in line]


@pytest.fixture(scope="module")
def every():
    return collected()


def test_test_ids_are_readable_and_every_selection_of_the_readme_selects_what_it_says(every):
    outlines = [nodeid for nodeid in every if "[" in nodeid]
    assert outlines and not [n for n in outlines if "\\x" in n or "\\u" in n]
    assert any("né à l'étranger" in nodeid for nodeid in outlines)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "-k etape4" in readme and '-m "E0-ACCES"' in readme
    etape4 = collected("-k", "etape4")
    assert len(etape4) >= 10
    by_mark = collected("-m", "E0-ACCES")
    assert by_mark and collected("-k", "E0") == by_mark
    assert len(collected("-m", "horloge")) >= 15
    assert set(collected("-k", "etape4 or not etape4")) == set(every)
