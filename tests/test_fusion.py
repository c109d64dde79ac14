"""Reports of shards merge into one (python -m ameli_conformance.merge): every requirement recomputed from
all the scenarios, the evidence copied, the verdict as one run would have given it."""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

from .conftest import ROOT, ConformanceRun


def merge(*args):
    return subprocess.run([sys.executable, "-m", "ameli_conformance.merge", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_two_shards_merge_into_one_run(tmp_path):
    shards = []
    for n, marker in enumerate(("E0-ACCES", "E1-CONNEXION"), 1):
        shard = ConformanceRun(tmp_path / f"shard-{n}")
        result = shard.run("-m", marker, timeout=300)
        assert result.returncode == 0, result.stdout[-2000:]
        shards.append(shard)
    out = tmp_path / "fusion"
    result = merge(*(s.reports_dir for s in shards), "--reports-dir", out)
    assert result.returncode == 0, result.stderr
    merged = json.loads((out / "conformance.json").read_text(encoding="utf-8"))
    parts = [s.report() for s in shards]
    assert len(merged["scenarios"]) == sum(len(p["scenarios"]) for p in parts)
    status = {r["id"]: r["status"] for r in merged["requirements"]}
    assert status["E0-ACCES"] == status["E1-CONNEXION"] == "passed"
    assert status["E4-LIEN-30MIN"] == "not_tested" and merged["verdict"] == "incomplete"
    assert [s["verdict"] for s in merged["shards"]] == ["incomplete", "incomplete"]
    for scenario in merged["scenarios"]:
        for step in scenario["steps"]:
            if step.get("screenshot"):
                assert (out / step["screenshot"]).is_file(), step["screenshot"]
    suite = ET.parse(out / "junit.xml").getroot().find("testsuite")
    assert int(suite.get("tests")) == len(merged["scenarios"])
    assert (out / "conformance.html").is_file() and (out / "evidence.zip").is_file()


def test_a_failure_in_one_shard_fails_the_merged_run(tmp_path):
    """The worst status wins; reports of another target do not merge."""
    shard = ConformanceRun(tmp_path / "shard")
    assert shard.run("-m", "E0-ACCES", timeout=300).returncode == 0
    broken = tmp_path / "shard-en-echec"
    broken.mkdir()
    data = shard.report()
    data["scenarios"][0]["status"] = "failed"
    data["scenarios"][0]["failure"] = {"message": "la page de connexion est absente"}
    (broken / "conformance.json").write_text(json.dumps(data), encoding="utf-8")
    result = merge(shard.reports_dir, broken, "--reports-dir", tmp_path / "fusion")
    assert result.returncode == 1, result.stdout + result.stderr
    merged = json.loads((tmp_path / "fusion" / "conformance.json").read_text(encoding="utf-8"))
    assert merged["verdict"] == "non-conformant"
    assert {r["id"]: r["status"] for r in merged["requirements"]}["E0-ACCES"] == "failed"

    other = tmp_path / "autre-cible"
    other.mkdir()
    data["profile"]["name"] = "une autre cible"
    (other / "conformance.json").write_text(json.dumps(data), encoding="utf-8")
    result = merge(shard.reports_dir, other, "--reports-dir", tmp_path / "fusion-2")
    assert result.returncode == 2 and "une autre cible" in result.stderr
