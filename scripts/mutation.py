"""The mutation campaign, on demand (`make mutation`): every mutant of tests/campagne.py (and the
one-per-requirement mutants of tests/mutants.py) started as an external target, the scenarios of
its area run against it, and the score written to reports/mutation.json.

A mutant is *killed* when a required identifier of its area is FAILED; it *survives* when every
scenario passes; anything else (an ERROR, nothing run) is listed apart and counts against the
score, since a harness that cannot tell is not a harness that caught it. The score is killed ÷
all. `--harness DIR` runs another checkout's scenarios (e.g. an older commit, as a git worktree)
against the same mutants, to measure what a change of the suite gained.

    python scripts/mutation.py [--jobs 2] [--only NAME ...] [--harness DIR] [--out FILE]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ameli_conformance.fixtures.targets import start_embedded  # noqa: E402

from tests.campagne import CAMPAIGN  # noqa: E402
from tests.mutants import MUTANTS  # noqa: E402


def all_mutants() -> dict:
    return {**{f"exigence:{k}": v for k, v in MUTANTS.items()}, **CAMPAIGN}


def selection(mutant) -> list[str]:
    if mutant.selection and mutant.selection[0] == "-m":
        return list(mutant.selection)
    return ["-m", mutant.requirement, *mutant.selection]


def run_against(app_name: str, work: Path, arguments, harness: Path = ROOT,
                timeout: float = 900) -> dict:
    """`app_name` of tests/mutants.py started as an external target in `work`, the scenarios of
    `harness` run against it with `arguments(target)` (its addresses, or a profile), no screen,
    no trace; the run's conformance.json (empty lists when it wrote none). Shared by this
    campaign and `make variantes` (scripts/variantes.py)."""
    target = start_embedded(work / "cible", work / "logs", app_command=("tests.mutants", app_name))
    reports = work / "rapports"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AMELI_", "PYTEST_"))}
    env["AMELI_CONTROL_TOKEN"] = target.control_token
    command = [sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider",
               "-p", "no:hypothesispytest", "--reports-dir", str(reports),
               "--step-screenshots", "off", "--playwright-trace", "off", *arguments(target)]
    try:
        subprocess.run(command, cwd=harness, env=env, capture_output=True, text=True,
                       timeout=timeout)
    finally:
        target.stop()
    try:
        return json.loads((reports / "conformance.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"requirements": [], "scenarios": []}


def run_one(name: str, mutant, harness: Path, work: Path) -> dict:
    started = time.monotonic()
    report = run_against(name.removeprefix("exigence:"), work, lambda target: [
        "--target-url", target.url, "--mailpit-url", target.mailpit_url,
        "--control-url", target.control_url, *selection(mutant)], harness)
    ran = {r["id"]: r for r in report["requirements"]
           if r.get("profile") == "exigences" and r["status"] != "not_tested"}
    failed = sorted(rid for rid, r in ran.items() if r["status"] in ("failed", "expected_failure"))
    erred = sorted(rid for rid, r in ran.items() if r["status"] == "error")
    outcome = "killed" if failed else ("error" if erred or not ran else "survived")
    by = [s["name"] for s in report["scenarios"] if s["status"] == "failed"]
    return {"mutant": name, "requirement": mutant.requirement, "what": mutant.what,
            "outcome": outcome, "failed": failed, "errors": erred, "killed_by": by[:5],
            "reason": next((ran[r].get("reason", "") for r in failed), "")[:300],
            "scenarios": len(report["scenarios"]), "seconds": round(time.monotonic() - started, 1)}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python scripts/mutation.py")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--harness", type=Path, default=ROOT,
                        help="checkout whose scenarios run (default: this one)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "mutation.json")
    args = parser.parse_args(argv)
    mutants = all_mutants()
    chosen = {k: v for k, v in mutants.items() if not args.only or k in args.only
              or k.removeprefix("exigence:") in args.only}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutation-") as tmp:
        def one(item):
            name, mutant = item
            result = run_one(name, mutant, args.harness.resolve(), Path(tmp) / name.replace(":", "-"))
            print(f"{result['outcome']:<9} {name:<40} {result['seconds']:>6} s  "
                  f"{', '.join(result['failed'] or result['errors'])}", flush=True)
            return result

        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(one, sorted(chosen.items())))
    killed = sum(r["outcome"] == "killed" for r in results)
    summary = {
        "harness": str(args.harness.resolve()), "mutants": len(results), "killed": killed,
        "survived": [r["mutant"] for r in results if r["outcome"] == "survived"],
        "errors": [r["mutant"] for r in results if r["outcome"] == "error"],
        "score": round(killed / len(results), 3) if results else None,
        "seconds": round(time.monotonic() - started, 1), "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nscore : {killed}/{len(results)} tués ({summary['score']}) ; survivants : "
          f"{', '.join(summary['survived']) or 'aucun'} ; erreurs : "
          f"{', '.join(summary['errors']) or 'aucune'}  ->  {args.out}")
    return 0 if not summary["survived"] and not summary["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
