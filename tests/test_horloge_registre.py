"""The steps that move the target's clock declare it where they are written (`@moves_clock`,
steps/horloge.py), and the `horloge` mark follows from that declaration: no list of step texts
to keep in step by hand (until issue 15, a regular expression copied the step texts)."""
import ast

from .conftest import ROOT

STEP_DECORATORS = {"given", "when", "then"}
CLOCK_CALLS = {"advance", "freeze"}


def _decorators(func: ast.FunctionDef) -> set[str]:
    names = set()
    for d in func.decorator_list:
        call = d.func if isinstance(d, ast.Call) else d
        if isinstance(call, ast.Name):
            names.add(call.id)
    return names


def _moves_clock_directly(func: ast.FunctionDef) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
               and n.func.attr in CLOCK_CALLS and isinstance(n.func.value, ast.Name)
               and n.func.value.id == "control" for n in ast.walk(func))


def test_every_step_that_moves_the_clock_says_so():
    undeclared, declared = [], []
    for path in sorted((ROOT / "steps").glob("*.py")):
        for func in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(func, ast.FunctionDef) or not _moves_clock_directly(func):
                continue
            names = _decorators(func)
            if "moves_clock" in names:
                declared.append(func.name)
            elif names & STEP_DECORATORS:
                undeclared.append(f"{path.name}:{func.lineno} {func.name}")
    assert not undeclared, undeclared
    assert len(declared) >= 9, declared


def test_the_mark_follows_the_declaration():
    import ameli_conformance.steps.conftest  # noqa: F401  (the step modules, which declare their steps)
    from ameli_conformance.steps.horloge import moves_the_clock

    assert moves_the_clock("29 minutes et 59 secondes se sont écoulées depuis ma demande")
    assert moves_the_clock("nous sommes le 26/12/2022 à 14h03, heure de Paris")
    assert moves_the_clock("il est une minute avant l'heure de fin du blocage")
    assert not moves_the_clock("je clique sur « Recevoir le mail »")
    assert not moves_the_clock("j'ai fait le nombre maximum de demandes de renouvellement")
