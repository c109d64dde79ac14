"""The house's rules (issue 15), checked on the code as it stands: no module of the harness above
about 300 lines; no import cycle between the harness's modules (at module level); nothing below
imports above: the core (ameli_conformance/: verdict, reports, profile) imports neither the
fixtures nor the steps, the fixtures (fixtures/) never import the steps, and neither imports the
reference app or the mail sink the project tests with; the verdict core imports no pytest."""
import ast
from pathlib import Path

from .conftest import ROOT

# Each folder of the harness, by the name it is installed under (pyproject.toml), lowest first.
HARNESS = {"ameli_conformance": "ameli_conformance", "fixtures": "ameli_conformance.fixtures",
           "steps": "ameli_conformance.steps", "steps/securite": "ameli_conformance.steps.securite",
           "steps/accessibilite": "ameli_conformance.steps.accessibilite"}
LAYERS = ["ameli_conformance", "ameli_conformance.fixtures", "ameli_conformance.steps"]
TESTED_WITH = ("ameli_conformance.reference_app", "ameli_conformance.mailsink", "tests")
LONGEST = 310


def _modules():
    for folder, package in HARNESS.items():
        for path in sorted((ROOT / folder).glob("*.py")):
            if path.name in ("conftest.py", "test_conformance.py"):
                continue  # collected by pytest from the folder, not installed code
            yield f"{package}.{path.stem}".removesuffix(".__init__"), path


def _layer(module: str) -> int:
    """The layer of a module: the longest of LAYERS it lies in (-1: outside the harness)."""
    inside = [n for n, layer in enumerate(LAYERS) if module == layer or module.startswith(layer + ".")]
    return max(inside, default=-1)


def _imports(name: str, path: Path) -> set[str]:
    """The harness modules `path` imports at module level."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_no_module_of_the_harness_is_long():
    long = {name: n for name, path in _modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST}
    assert not long, long


def test_no_import_cycle_and_nothing_below_imports_above():
    modules = dict(_modules())
    graph = {name: {m for m in _imports(name, path) if m in modules and m != name}
             for name, path in modules.items()}
    for name, path in modules.items():
        above = {m for m in _imports(name, path)
                 if _layer(m) > _layer(name) or m.startswith(TESTED_WITH)}
        assert not above, (name, above)
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in graph[node]:
            assert state.get(nxt) != "open", " -> ".join(trail + [node, nxt])
            if nxt not in state:
                visit(nxt, trail + [node])
        state[node] = "done"

    for name in graph:
        if name not in state:
            visit(name, [])


def test_the_verdict_core_imports_no_pytest():
    imported = _imports("ameli_conformance.verdict", ROOT / "ameli_conformance" / "verdict.py")
    assert not any(m.split(".")[0] in ("pytest", "_pytest", "pytest_bdd") for m in imported)


def test_every_import_of_the_harness_resolves_even_inside_a_function():
    """A relative import written inside a function is only tried when the function runs: a module
    moved into a package must not leave one pointing at nothing."""
    import importlib.util

    missing = []
    for name, path in _modules():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                if importlib.util.find_spec(module) is None:
                    missing.append(f"{path.name}:{node.lineno} {module}")
    assert not missing, missing


def test_pytest_bdd_is_reached_through_its_public_api_and_one_door():
    """Issue 15: only pytest-bdd's public API (`pytest_bdd.__all__`, `pytest_bdd.parsers` and the
    hooks), and only from fixtures/bdd.py: no `pytest_bdd.scenario`, no private registry, no
    private fixture such as `_pytest_bdd_example`, anywhere in the harness, steps, scripts or
    the test module that binds the features."""
    import pytest_bdd

    public = set(pytest_bdd.__all__) | {"parsers"}
    files = [path for _, path in _modules()] + sorted((ROOT / "scripts").glob("*.py")) + [
        ROOT / "steps" / "conftest.py", ROOT / "steps" / "test_conformance.py"]
    wrong = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        door = path == ROOT / "fixtures" / "bdd.py"
        if "_pytest_bdd" in text:
            wrong.append(f"{path.name}: _pytest_bdd")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pytest_bdd"):
                used = [node.module] if node.module != "pytest_bdd" else \
                    [f"pytest_bdd.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                used = [a.name for a in node.names if a.name.startswith("pytest_bdd")]
            elif isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "pytest_bdd":
                used = [f"pytest_bdd.{node.attr}"]
            else:
                continue
            wrong += [f"{path.name}:{node.lineno} {name}" for name in used if not door or (
                name != "pytest_bdd" and name.removeprefix("pytest_bdd.") not in public)]
    assert not wrong, wrong
