"""The campaign of conformant designs, on demand (`make variantes`): every variant of
tests/mutants.py (VARIANTS: a design a competent team may choose and the guide allows, the birth
date in three lists, a cookie banner, forms sent by script...) started as an external target, the
scenarios run against it, and what the harness said written to reports/variantes.json.

The mirror of `make mutation`: there a broken target must be NON CONFORME; here a conformant one
must be CONFORME. A variant is *conformant* when every scenario of the profile `exigences` that
ran passed or was not applicable; a failed scenario is a *false refusal* (the harness calls a
correct implementation broken), an ERROR or nothing run counts against the campaign too. The
readings a variant needs are declared as its profile would (READINGS). `make test` runs a few of
them (tests/test_lectures.py and others); this runs each one on the whole suite.

    python scripts/variantes.py [--jobs 2] [--only NAME ...] [--select "-m E3-ENVOI"] [--out FILE]
"""
import argparse
import json
import shlex
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mutation import run_against  # noqa: E402  (scripts/mutation.py, beside this one)

from tests.mutants import VARIANTS  # noqa: E402

# The readings of the guide's open questions a variant answers otherwise than the reference
# (requirements.md, « Interpretations »), declared in its profile as its team would.
READINGS = {"numero-sans-la-cle": {"nir_typed_digits": 13}}
# A variant conformant only with another: a date control keeps an impossible date only where the
# browser checks the form (alone, in the reference's `novalidate` form, it is sent empty and the
# field comes back empty: the entry lost, NON CONFORME on E2-FORMULAIRE, rightly).
WITH = {"date-en-controle": "contraintes-du-navigateur+date-en-controle"}


def profile(target, folder: Path, readings: dict) -> Path:
    path = folder / "profil.toml"
    path.write_text(
        f'[target]\nurl = "{target.url}"\n[mail]\nmailpit_url = "{target.mailpit_url}"\n'
        f'[control]\nurl = "{target.control_url}"\ntoken_env = "AMELI_CONTROL_TOKEN"\n'
        "[interpretations]\n" + "".join(f"{key} = {json.dumps(value)}\n"
                                        for key, value in readings.items()), encoding="utf-8")
    return path


def run_one(name: str, work: Path, select: list[str]) -> dict:
    started = time.monotonic()
    work.mkdir(parents=True)
    report = run_against(WITH.get(name, name), work, lambda target: [
        "--profile", str(profile(target, work, READINGS.get(name, {}))), *select], timeout=1800)
    ran = report["scenarios"]
    wrong = [s for s in ran if s["status"] in ("failed", "error")]
    outcome = ("conforme" if ran and not wrong else "aucun scénario" if not ran else
               "faux refus" if any(s["status"] == "failed" for s in wrong) else "erreur")
    return {"variant": WITH.get(name, name), "what": VARIANTS[name].what, "outcome": outcome,
            "readings": READINGS.get(name, {}), "scenarios": len(ran),
            "wrong": [{"name": s["name"], "status": s["status"],
                       "message": ((s.get("failure") or {}).get("message") or "")[:300]}
                      for s in wrong[:5]],
            "seconds": round(time.monotonic() - started, 1)}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python scripts/variantes.py")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--select", default="", help="pytest selection, e.g. \"-m E3-ENVOI\"")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "variantes.json")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.only or ()) - set(VARIANTS))
    if unknown:
        parser.error(f"variante inconnue : {', '.join(unknown)}")
    chosen = sorted(n for n in VARIANTS if not args.only or n in args.only)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="variantes-") as tmp:
        def one(name):
            result = run_one(name, Path(tmp) / name, shlex.split(args.select))
            print(f"{result['outcome']:<14} {name:<40} {result['scenarios']:>3} scénarios "
                  f"{result['seconds']:>7} s", flush=True)
            return result

        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(one, chosen))
    wrong = [r["variant"] for r in results if r["outcome"] != "conforme"]
    summary = {"variants": len(results), "conformant": len(results) - len(wrong), "wrong": wrong,
               "select": args.select, "seconds": round(time.monotonic() - started, 1),
               "results": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\n{summary['conformant']}/{len(results)} variantes conformes ; à revoir : "
          f"{', '.join(wrong) or 'aucune'}  ->  {args.out}")
    return 0 if not wrong else 1


if __name__ == "__main__":
    sys.exit(main())
