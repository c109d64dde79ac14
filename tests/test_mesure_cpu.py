"""TESTS_CPU_LOG (tests/conftest.py): each test's CPU, with what its orphans spent. Chromium's
renderers end as orphans: uncounted, a run's CPU came to two thirds of what the machine spent
(786 of 1,186 CPU seconds over a `make test`, 2026-12-05); counted, 1,207 of 1,226."""
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A test whose child forks a grandchild and exits at once: the grandchild, an orphan, burns
# about half a second of CPU, writes its pid, and ends; the test waits until it has ended (the
# worker's zombie, or reaped), so that its CPU is the test's to count.
ORPHAN = '''
import subprocess, sys
from pathlib import Path

from ameli_conformance.fixtures.processes import wait_until


def ended(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0] == "Z"
    except OSError:
        return True


def test_an_orphan_burns(tmp_path):
    done = tmp_path / "fini"
    subprocess.run([sys.executable, "-c", (
        "import os, time\\n"
        "if os.fork() == 0:\\n"
        "    end = time.process_time() + 0.5\\n"
        "    while time.process_time() < end: pass\\n"
        f"    open({str(done)!r}, 'w').write(str(os.getpid()))\\n")], check=True)
    assert wait_until(lambda: done.exists() and done.read_text(), 30)
    assert wait_until(lambda: ended(done.read_text()), 30)
'''


def test_a_test_is_charged_with_what_its_orphans_spent(tmp_path):
    # The test in a folder of its own, with this project's hook (and nothing else of its
    # conftest.py)
    (tmp_path / "conftest.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from tests.conftest import pytest_runtest_protocol  # noqa: F401\n", encoding="utf-8")
    (tmp_path / "test_orphelin.py").write_text(ORPHAN, encoding="utf-8")
    log = tmp_path / "cpu.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(tmp_path / "test_orphelin.py"), "-q",
         "-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:playwright",
         "--rootdir", str(tmp_path)],
        cwd=tmp_path, env={**os.environ, "TESTS_CPU_LOG": str(log)},
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:]
    [line] = [json.loads(x) for x in log.read_text().splitlines()]
    assert line["children"] >= 0.4, line  # the orphan's half second, reaped by the worker
    # and scripts/tests_cpu.py sums it by test function
    spec = importlib.util.spec_from_file_location("tests_cpu", ROOT / "scripts" / "tests_cpu.py")
    tests_cpu = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tests_cpu)
    [(name, cases, cpu, _)] = tests_cpu.summary([line, {**line, "test": line["test"] + "[b]"}])
    assert (name.endswith("::test_an_orphan_burns"), cases) == (True, 2)
    assert cpu == 2 * (line["self"] + line["children"])
