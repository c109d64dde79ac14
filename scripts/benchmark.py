"""Benchmark of the harness on the embedded default: where the time goes, against the targets.

    python scripts/benchmark.py                    # make benchmark
    python scripts/benchmark.py --repetitions 30 --skip-full

Measures, in one run:
  1. the full `exigences` run, as a user makes it (`pytest steps`), serial and with `-n 2`: wall
     time, and the median and 95th percentile time of a scenario (from conformance.json);
  2. the happy path (« Le nouveau mot de passe est enregistré »): the harness's scenario, run N
     times in one pytest session (with its defaults, then with screenshots only on failure),
     against the same path as a bare Playwright script (scripts/bare_happy_path.py), N times;
     the three in turn, three rounds (--rounds), pooled: the ratio of the medians is the
     harness's overhead;
  3. the mail latency: from the click on « Recevoir le mail » to the mail visible through the
     Mailpit API, read by the harness's own client (fixtures/mailpit.py), N times;
  4. the fixed costs: starting the embedded target (app and sink), launching Chromium, a new
     browser context and page.
  5. where the CPU goes during the serial full run: the processes of the run sampled from /proc
     (harness, Playwright's driver, Chromium's browser, renderer and GPU processes, the app, the
     mail sink), CPU seconds each.
Prints a table, writes reports/benchmark.json. Targets (issue 14, a 2-core machine): every ratio of
TARGETS below. Figures on a shared machine are noisy: run it when the machine is quiet, and read
the ratios (taken side by side in one run) and the spread beside the median.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bare_happy_path import (  # noqa: E402
    clients,
    create_account,
    fill_request_form,
    happy_path,
    open_login,
    open_request_form,
)

from ameli_conformance.fixtures.browser import find_chromium, launch_args  # noqa: E402
from ameli_conformance.fixtures.mailpit import MailpitClient  # noqa: E402
from ameli_conformance.fixtures.personas import make_persona  # noqa: E402
from ameli_conformance.fixtures.targets import start_embedded  # noqa: E402

HAPPY_FEATURE = ROOT / "features" / "etape6_confirmation.feature"
HAPPY_NAME = "Le nouveau mot de passe est enregistré"
# Issue 14: ≤ for the ratios and times, ≥ for the parallel gain.
TARGETS = {"overhead_ratio": 1.15, "overhead_ratio_lean": 1.05, "serial_over_bare": 40,
           "serial_over_n2": 1.6, "mail_latency_p95_ms": 150, "serial_wall_s": 45}


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank, as the value a run actually took)."""
    ordered = sorted(values)
    rank = max(1, int(round(q / 100 * len(ordered) + 0.4999)))
    return ordered[min(rank, len(ordered)) - 1]


def spread(values: list[float], digits: int = 3) -> dict:
    return {"n": len(values), "median": round(statistics.median(values), digits),
            "p95": round(percentile(values, 95), digits), "min": round(min(values), digits),
            "max": round(max(values), digits)}


HZ = os.sysconf("SC_CLK_TCK")


def _processes_under(root: int) -> dict[int, tuple[float, str]]:
    """{pid: (CPU seconds so far, command line)} of `root` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    info: dict[int, tuple[float, str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(") ", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                command = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        info[int(entry)] = ((int(fields[11]) + int(fields[12])) / HZ, command)
    found, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in info:
            found[pid] = info[pid]
        stack += children.get(pid, [])
    return found


def category(command: str) -> str:
    """The part of the run a process belongs to."""
    program = os.path.basename(command.split(" ", 1)[0])  # Playwright's node lives under python3.x/
    if program == "node":
        return "pilote Playwright (node)"
    if "python" in program:
        if "ameli_conformance.mailsink" in command:
            return "collecteur de mails"
        if "ameli_conformance.reference_app" in command or "tests.mutants" in command:
            return "application"
        return "harnais (pytest)"
    if "chrom" in program:
        for kind, name in (("--type=renderer", "renderer"), ("--type=gpu-process", "GPU"),
                           ("--type=utility", "utilitaires"), ("--type=zygote", "zygote")):
            if kind in command:
                return f"Chromium {name}"
        return "Chromium navigateur"
    return "autre"


class CpuSampler:
    """CPU seconds per part of a run, sampled every 0.2 s (a process is counted at its last
    sample: what it spent after, a few tens of ms, is lost)."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.seen: dict[int, tuple[float, str]] = {}

    def sample(self) -> None:
        for pid, (cpu, command) in _processes_under(self.process.pid).items():
            known = self.seen.get(pid)
            self.seen[pid] = (cpu, command if command.strip() or not known else known[1])

    def by_part(self) -> dict[str, float]:
        parts: dict[str, float] = {}
        for cpu, command in self.seen.values():
            parts[category(command)] = parts.get(category(command), 0) + cpu
        return {k: round(v, 1) for k, v in sorted(parts.items(), key=lambda kv: -kv[1])}


def pytest_run(args: list[str], timeout: float, sample_cpu: bool = False):
    """`pytest steps ...` as a user runs it, in its own reports folder: wall time, report, tail,
    and the CPU per part of the run ({} unless `sample_cpu`)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        reports = Path(tmp) / "reports"
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:hypothesispytest",
             "--reports-dir", str(reports), *args],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        sampler = CpuSampler(process)
        output: list[str] = []
        reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
        reader.start()
        deadline = started + timeout
        while time.monotonic() < deadline:
            if sample_cpu:
                sampler.sample()
            try:  # the sampling period, ended at once by the run's end
                process.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                continue
        if process.poll() is None:
            process.kill()
        process.wait()
        reader.join(timeout=5)
        wall = time.monotonic() - started
        path = reports / "conformance.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    tail = "".join(output)[-800:]
    return wall, data, tail, sampler.by_part()


def full_run(mode: str, timeout: float) -> dict:
    extra = ["-n", "2"] if mode == "n2" else []
    wall, data, tail, cpu = pytest_run(["steps", *extra], timeout, sample_cpu=True)
    if data is None:
        return {"mode": mode, "wall_s": round(wall, 1), "verdict": "no-report", "output": tail}
    durations = [s["duration_s"] for s in data["scenarios"]]
    return {"mode": mode, "wall_s": round(wall, 1), "verdict": data["verdict"],
            "scenarios": len(durations), "scenario_s": spread(durations),
            "cpu_s": cpu, "cpu_total_s": round(sum(cpu.values()), 1),
            "shortcuts": sum(1 for s in data["scenarios"] if s.get("shortcuts"))}


def person_dict() -> dict:
    p = make_persona()
    return {"nir": p.nir, "birth_date": p.birth_date.isoformat(), "birth_date_fr": p.birth_date_fr,
            "email": p.email, "password": p.password}


def mail_latency(page, target, mailpit: MailpitClient, control, person: dict) -> tuple[float, float]:
    """Seconds from the click on « Recevoir le mail » to the mail visible through the Mailpit
    API (the harness's client and its polling, watching from the click, in a thread beside the
    browser), and to the page answering. The form is reached as in the happy path."""
    import threading

    create_account(control, person)
    open_login(page, target.url)
    open_request_form(page)
    fill_request_form(page, control, person)
    button = page.get_by_role("button", name="Recevoir le mail")
    button.wait_for()
    seen: list[float] = []
    watcher = threading.Thread(
        target=lambda: (mailpit.wait_for(person["email"], 1), seen.append(time.perf_counter())))
    started = time.perf_counter()
    watcher.start()
    button.click()
    page.get_by_text("Le mail a bien été envoyé à").wait_for()
    answered = time.perf_counter() - started
    watcher.join(timeout=15)
    if not seen:
        raise RuntimeError("le mail n'est pas arrivé en 15 s")
    return answered, seen[0] - started


def in_process(repetitions: int) -> dict:
    """Fixed costs, the bare happy path and the mail latency, against one embedded target."""
    import httpx
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        started = time.perf_counter()
        target = start_embedded(Path(tmp) / "cible", Path(tmp) / "logs")
        out["target_start_s"] = round(time.perf_counter() - started, 3)
        try:
            with sync_playwright() as pw:
                started = time.perf_counter()
                browser = pw.chromium.launch(executable_path=find_chromium(), headless=True,
                                             args=launch_args())
                out["browser_launch_s"] = round(time.perf_counter() - started, 3)
                out["browser"] = f"Chromium {browser.version}"
                contexts = []
                for _ in range(repetitions):
                    started = time.perf_counter()
                    ctx = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
                    ctx.new_page()
                    contexts.append(time.perf_counter() - started)
                    ctx.close()
                out["context_and_page_s"] = spread(contexts)

                bare, phases = [], {}
                bare_control, bare_mail = clients(target.control_url, target.control_token,
                                                  target.mailpit_url)
                for _ in range(repetitions):
                    watch = happy_path(browser, target.url, bare_control, bare_mail,
                                       person_dict())
                    bare.append(watch.total())
                    for name, seconds in watch.phases().items():
                        phases.setdefault(name, []).append(seconds)
                bare_control.close()
                bare_mail.close()
                out["bare_happy_path_s"] = spread(bare)
                out["bare_values_s"] = [round(v, 4) for v in bare]
                out["bare_phases_median_ms"] = {
                    name: round(statistics.median(v) * 1000, 1) for name, v in phases.items()}

                control = httpx.Client(base_url=target.control_url,
                                       headers={"Authorization": f"Bearer {target.control_token}"})
                mailpit = MailpitClient(target.mailpit_url)
                ctx = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
                page = ctx.new_page()
                answered, visible = [], []
                for _ in range(max(repetitions, 20)):
                    a, v = mail_latency(page, target, mailpit, control, person_dict())
                    answered.append(a * 1000)
                    visible.append(v * 1000)
                ctx.close()
                control.close()
                mailpit.close()
                out["mail_page_answered_ms"] = spread(answered, 1)
                out["mail_latency_ms"] = spread(visible, 1)
                out["mail_values_ms"] = {"answered": answered, "visible": visible}
                browser.close()
        finally:
            target.stop()
    return out


def harness_happy_path(repetitions: int, timeout: float, extra: tuple[str, ...] = ()) -> dict:
    """The harness's happy-path scenario, `repetitions` times in one session (defaults of a
    run: a screenshot after each step, trace kept on failure). pytest runs a test id given twice
    only once, so a module of the run's own binds the scenario `repetitions` times, with the step
    definitions and fixtures of steps/."""
    with tempfile.TemporaryDirectory(prefix="bench-parcours-") as tmp:
        (Path(tmp) / "conftest.py").write_text(
            "from ameli_conformance.steps.conftest import *  # noqa: F401,F403\n"
            "from ameli_conformance.steps.conftest import _frozen_clock, pytest_collection_modifyitems  # noqa\n",
            encoding="utf-8")
        lines = ["from pathlib import Path", "",
                 "from ameli_conformance.fixtures.bdd import scenario_test",
                 "from ameli_conformance.verdict import FEATURES_DIR", ""]
        for n in range(repetitions):
            lines += [f"test_parcours_nominal_{n:02d} = scenario_test(",
                      f"    Path({str(HAPPY_FEATURE)!r}), {HAPPY_NAME!r}, FEATURES_DIR)", ""]
        (Path(tmp) / "test_parcours_nominal.py").write_text("\n".join(lines), encoding="utf-8")
        wall, data, tail, _ = pytest_run([tmp, "--rootdir", str(ROOT), *extra], timeout)
    if data is None:
        return {"error": tail}
    durations = [s["duration_s"] for s in data["scenarios"]]
    return {"verdict": data["verdict"], "wall_s": round(wall, 1), "scenario_s": spread(durations),
            "values_s": durations}


LEAN = ("--step-screenshots", "on-failure")


def happy_paths(repetitions: int, rounds: int, timeout: float) -> tuple[dict, dict, dict]:
    """The bare script (with the fixed costs and the mail latency), the harness's scenario, and
    the same with screenshots only on failure, in `rounds` rounds of `repetitions` each, one
    after the other (bare, default, lean, then again): this machine's speed changes from one
    minute to the next (the same session measured 0.70 s, then 0.82 s), and taken one after the
    other once, the three were not measured at the same speed (the lean run slower than the
    default once). Each result pools its rounds."""
    parts = []
    for n in range(rounds):
        print(f"parcours nominaux, tour {n + 1}/{rounds} : script nu, harnais, harnais sans "
              "captures...", flush=True)
        parts.append((in_process(repetitions), harness_happy_path(repetitions, timeout),
                      harness_happy_path(repetitions, timeout, LEAN)))
    bare = dict(parts[0][0])
    values = [v for b, _, _ in parts for v in b.get("bare_values_s", [])]
    if values:
        bare["bare_happy_path_s"], bare["bare_values_s"] = spread(values), values
    for key, name in (("mail_latency_ms", "visible"), ("mail_page_answered_ms", "answered")):
        pooled = [v for b, _, _ in parts for v in b.get("mail_values_ms", {}).get(name, [])]
        if pooled:
            bare[key] = spread(pooled, 1)
    bare.pop("mail_values_ms", None)
    harnesses = []
    for which in (1, 2):
        runs = [part[which] for part in parts]
        if any("values_s" not in r for r in runs):
            harnesses.append(next(r for r in runs if "values_s" not in r))  # its error
            continue
        durations = [v for r in runs for v in r["values_s"]]
        harnesses.append({"verdict": runs[-1]["verdict"], "wall_s": sum(r["wall_s"] for r in runs),
                          "scenario_s": spread(durations), "rounds": rounds})
    return bare, harnesses[0], harnesses[1]


def table(result: dict) -> str:
    rows = [("mesure", "médiane", "p95 / détail", "cible")]
    for run in result.get("full_runs", []):
        s = run.get("scenario_s", {})
        goal = f"≤ {TARGETS['serial_wall_s']} s" if run["mode"] == "serial" else ""
        rows.append((f"exigences {run['mode']} : durée totale", f"{run['wall_s']} s",
                     f"{run.get('scenarios', 0)} scénarios, {run['verdict']}", goal))
        if s:
            rows.append((f"exigences {run['mode']} : par scénario", f"{s['median']} s",
                         f"p95 {s['p95']} s", ""))
        if run.get("cpu_s"):
            rows.append((f"exigences {run['mode']} : CPU", f"{run['cpu_total_s']} s",
                         ", ".join(f"{k} {v}" for k, v in run["cpu_s"].items()), ""))
    if "serial_over_bare" in result:
        rows.append(("exigences serial ÷ parcours nu", f"{result['serial_over_bare']}", "",
                     f"≤ {TARGETS['serial_over_bare']}"))
    if "serial_over_n2" in result:
        rows.append(("exigences serial ÷ -n 2", f"{result['serial_over_n2']}", "",
                     f"≥ {TARGETS['serial_over_n2']}"))
    h, b = result.get("harness_happy_path", {}), result.get("in_process", {})
    if "scenario_s" in h and "bare_happy_path_s" in b:
        rows.append(("parcours nominal, harnais", f"{h['scenario_s']['median']} s",
                     f"p95 {h['scenario_s']['p95']} s", ""))
        rows.append(("parcours nominal, script nu", f"{b['bare_happy_path_s']['median']} s",
                     f"p95 {b['bare_happy_path_s']['p95']} s", ""))
        rows.append(("surcoût du harnais (ratio)", f"{result['overhead_ratio']}",
                     "capture après chaque étape (défaut)", f"≤ {TARGETS['overhead_ratio']}"))
    lean = result.get("harness_happy_path_lean", {})
    if "scenario_s" in lean and "bare_happy_path_s" in b:
        rows.append(("parcours nominal, harnais sans captures", f"{lean['scenario_s']['median']} s",
                     f"p95 {lean['scenario_s']['p95']} s", ""))
        rows.append(("surcoût du harnais sans captures", f"{result['overhead_ratio_lean']}",
                     "--step-screenshots on-failure", f"≤ {TARGETS['overhead_ratio_lean']}"))
    if "mail_latency_ms" in b:
        m = b["mail_latency_ms"]
        rows.append(("latence du mail (clic → visible par l'API)", f"{m['median']} ms",
                     f"p95 {m['p95']} ms",
                     f"p95 < {TARGETS['mail_latency_p95_ms']} ms"))
        p = b["mail_page_answered_ms"]
        rows.append(("réponse de la page (clic → « envoyé »)", f"{p['median']} ms",
                     f"p95 {p['p95']} ms", ""))
    for key, label in (("target_start_s", "démarrage cible (app + collecteur)"),
                       ("browser_launch_s", "lancement de Chromium")):
        if key in b:
            rows.append((label, f"{b[key]} s", "une fois par processus", ""))
    if "context_and_page_s" in b:
        rows.append(("contexte + page", f"{round(b['context_and_page_s']['median'] * 1000)} ms",
                     "une fois par scénario", ""))
    if "bare_phases_median_ms" in b:
        detail = ", ".join(f"{k} {v:.0f}" for k, v in b["bare_phases_median_ms"].items())
        rows.append(("script nu, par phase (ms)", "", detail, ""))
    widths = [max(len(str(r[i])) for r in rows if i < 3 or len(r[i]) < 40) for i in range(4)]
    lines = []
    for r in rows:
        lines.append("  ".join(str(c).ljust(widths[i]) if i < 3 else str(c)
                               for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/benchmark.py", description=__doc__.split("\n")[0])
    parser.add_argument("--repetitions", type=int, default=6,
                        help="répétitions du parcours nominal à chaque tour (défaut 6)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="tours (script nu, harnais, harnais sans captures), l'un après "
                             "l'autre (défaut 3)")
    parser.add_argument("--skip-full", action="store_true",
                        help="sans les deux exécutions complètes (serial, -n 2)")
    parser.add_argument("--output", default=str(ROOT / "reports" / "benchmark.json"))
    parser.add_argument("--timeout", type=float, default=1800, help="par exécution pytest, en s")
    args = parser.parse_args(argv)

    result = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "platform": platform.platform()},
              "targets": TARGETS, "repetitions": args.repetitions}
    result["in_process"], result["harness_happy_path"], result["harness_happy_path_lean"] = \
        happy_paths(args.repetitions, args.rounds, args.timeout)
    h, b = result["harness_happy_path"], result["in_process"]
    lean = result["harness_happy_path_lean"]
    if "scenario_s" in h:
        result["overhead_ratio"] = round(h["scenario_s"]["median"]
                                         / b["bare_happy_path_s"]["median"], 2)
    if "scenario_s" in lean:
        result["overhead_ratio_lean"] = round(lean["scenario_s"]["median"]
                                              / b["bare_happy_path_s"]["median"], 2)
    if not args.skip_full:
        result["full_runs"] = []
        for mode in ("serial", "n2"):
            print(f"exécution complète des exigences ({mode})...", flush=True)
            result["full_runs"].append(full_run(mode, args.timeout))
    bare = b["bare_happy_path_s"]["median"]
    runs = {r["mode"]: r for r in result.get("full_runs", []) if "scenario_s" in r}
    if "serial" in runs:
        result["serial_over_bare"] = round(runs["serial"]["wall_s"] / bare, 1)
    if "serial" in runs and "n2" in runs:
        result["serial_over_n2"] = round(runs["serial"]["wall_s"] / runs["n2"]["wall_s"], 2)
    checks = {"overhead_ratio": result.get("overhead_ratio", 99) <= TARGETS["overhead_ratio"],
              "overhead_ratio_lean":
                  result.get("overhead_ratio_lean", 99) <= TARGETS["overhead_ratio_lean"],
              "mail_latency_p95_ms": b["mail_latency_ms"]["p95"] < TARGETS["mail_latency_p95_ms"]}
    if "serial" in runs:
        checks["serial_wall_s"] = runs["serial"]["wall_s"] <= TARGETS["serial_wall_s"]
        checks["serial_over_bare"] = result["serial_over_bare"] <= TARGETS["serial_over_bare"]
    if "serial_over_n2" in result:
        checks["serial_over_n2"] = result["serial_over_n2"] >= TARGETS["serial_over_n2"]
    result["targets_met"] = checks
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    print("cibles : " + ", ".join(f"{k} {'atteinte' if ok else 'MANQUÉE'}"
                                  for k, ok in checks.items()))
    print(f"-> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
