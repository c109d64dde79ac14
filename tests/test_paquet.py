"""Installing the harness adds one top-level name, the product's (issue 15): the layout's folders
(fixtures/, steps/, reference_app/, mailsink/) are installed under `ameli_conformance`, since
`fixtures`, `steps` and `mailsink` are names of other projects on PyPI, and a QA team's
environment that has them must not find them shadowed. Proved on a real `pip install` of the
project into a fresh virtual environment."""
import ast
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from .conftest import ROOT


def _site_packages(env: Path) -> Path:
    return next(env.glob("lib/python3*/site-packages"))


def test_a_fresh_install_adds_no_top_level_name_but_the_products(tmp_path):
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    before = {p.name for p in _site_packages(env).iterdir()}
    # From a copy of what pyproject.toml packages: setuptools builds in the source folder (build/,
    # *.egg-info), which must stay as the clone left it.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "reports", "tests", "build", "*.egg-info", "__pycache__", "exploration"))
    # --no-deps: the project's own files only (its dependencies own their names); not editable.
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps",
                           "--disable-pip-version-check", str(source)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    added = {p.name for p in _site_packages(env).iterdir()} - before
    modules = {n for n in added if not n.endswith((".dist-info", ".pth")) and n != "__pycache__"}
    assert modules == {"ameli_conformance"}, sorted(added)
    installed = _site_packages(env) / "ameli_conformance"
    for folder in ("fixtures", "steps", "steps/securite", "steps/accessibilite", "reference_app",
                   "mailsink"):
        assert (installed / folder / "__init__.py").is_file(), folder
    assert (installed / "reference_app" / "schema.sql").is_file()
    assert (installed / "templates").is_dir()
    points = next(_site_packages(env).glob("*.dist-info")) / "entry_points.txt"
    assert "ameli_conformance = ameli_conformance.fixtures.plugin" in points.read_text()
    # The verdict core needs only the standard library: it imports from the installed copy.
    where = subprocess.run([str(python), "-c", "import ameli_conformance.verdict as v; print(v.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert where.stdout.strip().startswith(str(installed)), where.stdout + where.stderr


COLLECT = """import sys, pytest
pytest.main(["steps", "--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:hypothesispytest"])
print("MODULES", sorted(m for m in sys.modules if m.split(".")[0] in
      ("fixtures", "steps", "mailsink", "reference_app", "ameli_conformance")))"""


def test_the_harness_is_loaded_under_one_name_only():
    """A module imported both as `fixtures.x` and as `ameli_conformance.fixtures.x` would have two
    copies of its state (the shortcuts found, the clock's registry): when pytest collects the
    suite from the project folder, only the two files it collects there (steps/conftest.py and
    steps/test_conformance.py) have a top-level name; every module of the harness has its one."""
    done = subprocess.run([sys.executable, "-c", COLLECT], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES"))
    loaded = ast.literal_eval(line.removeprefix("MODULES "))
    top_level = {m for m in loaded if not m.startswith("ameli_conformance")}
    assert top_level == {"steps", "steps.conftest", "steps.test_conformance"}, top_level
    assert {"ameli_conformance.fixtures.plugin", "ameli_conformance.steps.navigation"} <= set(loaded)
