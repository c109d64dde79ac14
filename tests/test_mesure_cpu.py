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
# about half a second of CPU, then writes that it has.
ORPHAN = '''
import os, subprocess, sys, time
from pathlib import Path

def test_an_orphan_burns(tmp_path):
    done = tmp_path / "fini"
    subprocess.run([sys.executable, "-c", (
        "import os, time\\n"
        "if os.fork() == 0:\\n"
        "    end = time.process_time() + 0.5\\n"
        "    while time.process_time() < end: pass\\n"
        f"    open({str(done)!r}, 'w').close()\\n")], check=True)
    deadline = time.monotonic() + 30
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert done.exists()
    time.sleep(0.2)  # the orphan's exit after its file
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
