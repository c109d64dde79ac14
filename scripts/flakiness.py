"""Flakiness of the harness: the full conformance run, repeated, serial and with `-n 2`.

    python scripts/flakiness.py --repetitions 20            # make flakiness REPS=20
    python scripts/flakiness.py --repetitions 5 --modes n2 -- -k E4

The modes alternate (serial, n2, serial, n2...). Each repetition is a run as a user makes it (`pytest steps`, its own reports folder), against
the embedded default unless pytest arguments after `--` say otherwise. Against the reference app
every scenario must pass every time: any other status is counted against its scenario. Prints a
table and writes `reports/flakiness.json` (per mode: runs, wall times, verdicts, and for each
scenario that did not always pass, its statuses and first message).
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = {"serial": [], "n2": ["-n", "2"]}


def one_run(extra: list[str], pytest_args: list[str], timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="flaky-") as tmp:
        reports = Path(tmp) / "reports"
        started = time.monotonic()
        try:
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider",
                 "-p", "no:hypothesispytest", "--reports-dir", str(reports), *extra, *pytest_args],
                cwd=ROOT, capture_output=True, text=True, timeout=timeout)
            code = result.returncode
        except subprocess.TimeoutExpired:
            return {"wall_s": round(time.monotonic() - started, 1), "exit": None,
                    "verdict": "timeout", "scenarios": {}}
        wall = round(time.monotonic() - started, 1)
        path = reports / "conformance.json"
        if not path.exists():
            return {"wall_s": wall, "exit": code, "verdict": "no-report", "scenarios": {},
                    "output": (result.stdout + result.stderr)[-1500:]}
        data = json.loads(path.read_text(encoding="utf-8"))
    return {
        "wall_s": wall, "exit": code, "verdict": data["verdict"],
        "scenarios": {s["nodeid"]: (s["status"], (s.get("failure") or {}).get("message", ""))
                      for s in data["scenarios"]},
    }


class Tally:
    """One mode's runs and, per scenario, how often it ended in each status."""

    def __init__(self, mode: str):
        self.mode, self.runs = mode, []
        self.statuses, self.messages = defaultdict(Counter), {}

    def add(self, run: dict, label: str) -> None:
        self.runs.append({k: run[k] for k in ("wall_s", "exit", "verdict")})
        for nodeid, (status, message) in run["scenarios"].items():
            self.statuses[nodeid][status] += 1
            if status != "passed" and nodeid not in self.messages:
                self.messages[nodeid] = message[:300]
        bad = sum(1 for s, _ in run["scenarios"].values() if s != "passed")
        print(f"  {self.mode} {label} : {run['verdict']}, {len(run['scenarios'])} scénarios, "
              f"{bad} hors « passed », {run['wall_s']} s", flush=True)

    def summary(self) -> dict:
        return summarise(self.runs, self.statuses, self.messages)


def summarise(runs, statuses, messages) -> dict:
    unstable = {
        nodeid: {"statuses": dict(counts), "first_message": messages.get(nodeid, "")}
        for nodeid, counts in sorted(statuses.items()) if set(counts) != {"passed"}
    }
    walls = [r["wall_s"] for r in runs]
    return {
        "repetitions": len(runs), "runs": runs,
        "wall_s": {"median": statistics.median(walls), "min": min(walls), "max": max(walls)},
        "verdicts": dict(Counter(r["verdict"] for r in runs)),
        "scenarios": len(statuses),
        "scenario_runs": sum(sum(c.values()) for c in statuses.values()),
        "not_passed": sum(sum(v for k, v in c.items() if k != "passed")
                          for c in statuses.values()),
        "unstable_scenarios": unstable,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repetitions", type=int, default=20)
    parser.add_argument("--modes", default="serial,n2", help="serial, n2, or both (défaut)")
    parser.add_argument("--timeout", type=float, default=1800, help="par exécution, en s")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "flakiness.json")
    args, pytest_args = parser.parse_known_args(argv)
    pytest_args = [a for a in pytest_args if a != "--"]
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    result = {"pytest_args": pytest_args, "modes": {}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tallies = {mode: Tally(mode) for mode in modes}
    # Interleaved (serial, n2, serial, n2...): a noisy period of the machine hits both modes.
    for i in range(args.repetitions):
        for mode in modes:
            tallies[mode].add(one_run(MODES[mode], pytest_args, args.timeout),
                              f"{i + 1}/{args.repetitions}")
            result["modes"] = {m: t.summary() for m, t in tallies.items() if t.runs}
            args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                                encoding="utf-8")
    print()
    print(f"{'mode':<8} {'exéc.':>5} {'scénarios':>9} {'hors passed':>11} "
          f"{'durée médiane':>13}  verdicts")
    for mode, m in result["modes"].items():
        print(f"{mode:<8} {m['repetitions']:>5} {m['scenario_runs']:>9} {m['not_passed']:>11} "
              f"{m['wall_s']['median']:>11} s  {m['verdicts']}")
        for nodeid, u in m["unstable_scenarios"].items():
            print(f"    {nodeid.split('::')[-1][:90]} : {u['statuses']} — {u['first_message'][:120]}")
    print(f"-> {args.out}")
    flaky = any(m["not_passed"] for m in result["modes"].values())
    return 1 if flaky else 0


if __name__ == "__main__":
    sys.exit(main())
