"""Helpers of the project's own tests."""
import functools
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# `make mutants`: the tests that take a variant run every mutant and fault they know, not only the
# few kept for `make test`.
ALL_MUTANTS = os.environ.get("AMELI_ALL_MUTANTS", "").lower() in ("1", "true", "oui", "yes")
# The tests that hold more under `make mutants` than under `make test` carry this mark: `make
# mutants` runs them all (`-m approfondi`), and none is left that no make target runs.
DEEPER = pytest.mark.approfondi
SHARED = ROOT.parent / "shared"


def shared_file(relative: str) -> Path:
    """A file of ../shared, read in place (never copied). CI has it beside the clone: there its
    absence is a failure; elsewhere the test is skipped, saying so."""
    path = SHARED / relative
    if not path.is_file():
        message = f"{path} est absent : ce test lit ../shared en place (à côté du dépôt)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def children_of(pid) -> list[int]:
    """A process's children (Linux: each thread's list)."""
    return [int(child) for task in Path(f"/proc/{pid}/task").glob("*/children")
            for child in task.read_text().split()]


def name_and_state(pid) -> tuple[str, str]:
    """A process's name and state (« Z »: a zombie), read from /proc/PID/stat (the name, between
    parentheses, may itself hold some)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2]


def processes_marked(marker: str) -> list[str]:
    """Command lines of the running processes whose environment carries this harness run."""
    needle = f"AMELI_HARNESS_RUN={marker}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                if name_and_state(entry.name)[1] != "Z":
                    found.append(f"{entry.name}: {cmd[:120]}")
        except OSError:
            continue
    return found


class ConformanceRun:
    """The conformance suite run as a user runs it, in a child process, with its own reports."""

    def __init__(self, reports_dir: Path):
        self.reports_dir = reports_dir
        self.marker = uuid.uuid4().hex

    def command(self, *args: str) -> list[str]:
        # Hypothesis's pytest plugin imports hypothesis at the end of every run (0.8 s): the
        # conformance suite does not use it.
        return [sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider",
                "-p", "no:hypothesispytest", "--reports-dir", str(self.reports_dir), *args]

    def env(self, **extra) -> dict:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("AMELI_", "PYTEST_XDIST", "PYTEST_CURRENT"))}
        env["AMELI_HARNESS_RUN"] = self.marker
        env.update(extra)
        return env

    def run(self, *args: str, timeout: float = 600, **env) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(*args), cwd=ROOT, env=self.env(**env),
                              timeout=timeout, capture_output=True, text=True)

    def report(self) -> dict:
        return json.loads((self.reports_dir / "conformance.json").read_text(encoding="utf-8"))


@pytest.fixture
def conformance_run(tmp_path):
    return ConformanceRun(tmp_path / "reports")


def _patched_app(request, tmp_path):
    """The reference app as tests/mutants.py patches it (`request.param`: a variant, a mutant, or
    several joined by +), started as the embedded default is, then given to the harness by its
    URLs, as any external target is (parametrize the fixture with `indirect=True`)."""
    from ameli_conformance.fixtures.targets import start_embedded

    target = start_embedded(tmp_path / "cible", tmp_path, app_command=("tests.mutants", request.param))
    try:
        yield target
    finally:
        target.stop()


@pytest.fixture
def variant(request, tmp_path):
    yield from _patched_app(request, tmp_path)


@pytest.fixture
def mutant_target(request, tmp_path):
    """`variant`, with its name: (name, target)."""
    for target in _patched_app(request, tmp_path):
        yield request.param, target


@pytest.fixture(scope="session")
def failing_run(tmp_path_factory, worker_id):
    """The run, made once for all the workers of `-n N` (pytest-xdist's recipe: the first worker
    makes it under a lock, the others read it); its reports are only read."""
    import fcntl
    from types import SimpleNamespace

    from .test_reports import SELECTION

    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        root = root.parent  # shared by the workers of this session
    base = root / "rapports-partages"
    run = ConformanceRun(base / "reports")
    audit = base / "valeurs-des-personas.txt"
    done = base / "resultat.json"
    with open(root / "rapports-partages.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            base.mkdir(exist_ok=True)
            made = run.run(*SELECTION, AMELI_PRIVACY_AUDIT=str(audit))
            done.write_text(json.dumps({"returncode": made.returncode, "stdout": made.stdout,
                                        "stderr": made.stderr}), encoding="utf-8")
    result = SimpleNamespace(**json.loads(done.read_text(encoding="utf-8")))  # as run()'s
    return run, result, audit


def url_profile(target, folder: Path, **interpretations) -> Path:
    """The profile of `target` given by URL, its token in $AMELI_CONTROL_TOKEN, with these
    `[interpretations]` (TOML values written by json.dumps: numbers and strings alike)."""
    path = folder / "profil.toml"
    path.write_text(f'''[target]
url = "{target.url}"
[mail]
mailpit_url = "{target.mailpit_url}"
quiet_seconds = 0.15
[control]
url = "{target.control_url}"
token_env = "AMELI_CONTROL_TOKEN"
[interpretations]
''' + "".join(f"{key} = {json.dumps(value, ensure_ascii=False)}\n"
              for key, value in interpretations.items()), encoding="utf-8")
    return path


def run_on(conformance_run, target, *args: str) -> subprocess.CompletedProcess:
    """The conformance suite against `target` given by URL, its verdict only (no screenshot after
    each step, no trace)."""
    return conformance_run.run("--target-url", target.url, "--mailpit-url", target.mailpit_url,
                               "--control-url", target.control_url, "--step-screenshots", "off",
                               "--playwright-trace", "off", *args,
                               AMELI_CONTROL_TOKEN=target.control_token)


# The tests that run a whole suite in a child process, by their measured weight (seconds on this
# 2-core machine, `--durations`). Under `-n N`, with `--maxschedchunk 1` (make test), xdist gives
# each worker two tests at a time from the front of the list: the heavy ones, heaviest first, are
# dealt one in two with the light ones, so that each worker starts on a heavy one and none is left
# alone with a long run at the end.
HEAVY = {  # worker-seconds of make test, `--durations`, 2026-12-04
    "test_reference_app_is_conformant_and_reports_are_written": 404,
    "test_the_second_implementation_passes_unchanged": 248,
    "test_a_target_of_other_readings_is_conformant_under_them": 133,
    "test_the_reference_app_passes_it_but_for_the_accepted_exceptions": 82,
    "test_a_form_the_browser_checks_is_conformant": 53,
    "test_forms_that_hold_their_button_until_what_is_typed_looks_right": 47,
    "test_exploration_finds_nothing_on_the_reference_app": 30,
    "test_mutant_is_caught_on_its_identifier_only": 25,
}


def pytest_configure(config):
    config.addinivalue_line("markers", "approfondi: a test that runs more mutants or variants "
                            "under `make mutants` (AMELI_ALL_MUTANTS=1) than under `make test`")


def pytest_collection_modifyitems(items):
    heavy = sorted((i for i in items if i.originalname in HEAVY),
                   key=lambda item: -HEAVY[item.originalname])
    light = [i for i in items if i.originalname not in HEAVY]
    dealt = []
    while heavy or light:
        for queue in (heavy, light):
            if queue:
                dealt.append(queue.pop(0))
    items[:] = dealt


@functools.cache  # once per worker
def _adopt_orphans() -> None:
    """Makes this worker the subreaper of the processes its tests leave orphaned (Linux), and
    reaps the Chromium ones as they end: Chromium forks its renderers twice, and they end as
    orphans, counted by no one. Reaped at once, as init would: a harness that waits for a
    crashed browser's processes to be gone does not wait for a zombie of ours. The others (a
    child run's target) are reaped after their test."""
    import ctypes
    import threading
    import time

    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    me = os.getpid()

    def reap():
        while True:
            time.sleep(0.5)
            for pid in children_of(me):
                try:
                    comm, state = name_and_state(pid)
                except OSError:
                    continue
                if state == "Z" and comm.startswith(("chrom", "headless")):
                    try:
                        os.waitpid(pid, os.WNOHANG)
                    except ChildProcessError:
                        pass

    threading.Thread(target=reap, daemon=True).start()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """TESTS_CPU_LOG=file: each test's CPU seconds, one JSON line per test: its worker's, and
    every process it started, however deep (child runs, their workers, browsers, targets), the
    orphans among them adopted (`_adopt_orphans`). Measuring only: a zombie reaped after a test
    is one its own Popen, if it kept one, can no longer wait for (its status read as 0)."""
    log = os.environ.get("TESTS_CPU_LOG")
    if not log:
        yield
        return
    import resource
    import time

    _adopt_orphans()

    def cpu():
        while True:  # the orphans the test left, reaped before its account is closed
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return s.ru_utime + s.ru_stime, c.ru_utime + c.ru_stime

    (s0, c0), t0 = cpu(), time.perf_counter()
    yield
    (s1, c1), t1 = cpu(), time.perf_counter()
    with open(log, "a", encoding="utf-8") as f:
        f.write(json.dumps({"test": item.nodeid, "self": round(s1 - s0, 2),
                            "children": round(c1 - c0, 2), "wall": round(t1 - t0, 2)}) + "\n")
