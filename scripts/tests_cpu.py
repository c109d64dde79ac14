"""Where `make test`'s CPU goes, test by test: the file TESTS_CPU_LOG wrote (tests/conftest.py),
summed by test function (its parameters together), largest first.

    TESTS_CPU_LOG=reports/tests-cpu.jsonl make test
    .venv/bin/python scripts/tests_cpu.py reports/tests-cpu.jsonl [--top 30]
"""
import argparse
import json
from collections import defaultdict


def summary(lines: list[dict]) -> list[tuple[str, int, float, float]]:
    """(test function, cases, CPU seconds, wall seconds), the most CPU first."""
    by = defaultdict(lambda: [0, 0.0, 0.0])
    for line in lines:
        name = line["test"].split("[")[0]
        by[name][0] += 1
        by[name][1] += line["self"] + line["children"]
        by[name][2] += line["wall"]
    return sorted(((k, n, cpu, wall) for k, (n, cpu, wall) in by.items()), key=lambda r: -r[2])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    with open(args.log, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    rows = summary(lines)
    total = sum(cpu for _, _, cpu, _ in rows)
    print(f"{len(lines)} tests, {total:.0f} s de CPU")
    print(f"{'CPU (s)':>8} {'cumul':>6} {'mur (s)':>8} {'cas':>4}  test")
    running = 0.0
    for name, cases, cpu, wall in rows[:args.top]:
        running += cpu
        print(f"{cpu:8.1f} {running / total:6.1%} {wall:8.1f} {cases:4d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
