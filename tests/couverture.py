"""The fewest scenarios that still run every step definition of the conformance suite, and test
every requirement: for a
test whose point is that the harness reads another implementation's pages (other markup,
addresses, wording), each step definition must run there at least once; running every scenario
again would try the same steps on more data, which the reference's full run covers."""
from ameli_conformance.fixtures import bdd
from ameli_conformance.fixtures.settings import BESIDE
from ameli_conformance.verdict import FEATURES_DIR


def _cost(template) -> float:
    """A scenario's rough cost: a start, its steps, the rows of its tables (a row is often a
    page or a whole procedure; « chaque … » is a set of them: every digit, every character)."""
    rows = [row for step in template.steps for row in step.table]
    return 1 + 0.15 * len(template.steps) + 0.2 * sum(
        10 if any("chaque" in cell for cell in row) else 1 for row in rows)


def _definitions(template) -> set:
    import ameli_conformance.steps.conftest  # noqa: F401  (the step modules: their definitions)

    row = template.examples[0] if template.examples else {}
    used = set()
    for step in template.steps:
        text = bdd.PARAM.sub(lambda m: row.get(m.group(1), m.group(0)), step.text)
        found = bdd.definitions_matching(text)
        assert found, f"aucune définition pour « {text} »"
        used |= found
    return used


def covering_tests() -> list[str]:
    """The names of the tests (of the first example, for an outline) that together run every
    step definition the `exigences` suite uses and test each of its requirements, the cheapest
    first (a greedy cover)."""
    scenarios = [(name, template, _definitions(template) | template.tags)
                 for name, _, template in bdd.scenarios_of(FEATURES_DIR)
                 if not set(BESIDE) & set(template.tags)]  # the suite of the verdict only
    every = set().union(*(used for _, _, used in scenarios))
    chosen, covered = [], set()
    while covered != every:
        name, template, used = max(scenarios,
                                   key=lambda s: len(s[2] - covered) / _cost(s[1]))
        chosen.append(name)
        covered |= used
    return chosen


def deselect_all_but(chosen: list[str], collected: list[str]) -> list[str]:
    """`--deselect` arguments for every collected node id but the chosen tests (of an outline,
    its first example only)."""
    keep, args = set(), []
    for nodeid in collected:
        name = nodeid.split("::", 1)[1].split("[", 1)[0]
        if name in chosen and name not in keep:
            keep.add(name)
        else:
            args += ["--deselect", nodeid]
    return args
