"""The reports of a run: every file produced, the HTML read in a real browser, the evidence
package checked, no persona value anywhere; and the same reports from a serial run and a
`-n 2` run."""
import base64
import hashlib
import io
import json
import re
import zipfile

import pytest

from ameli_conformance.fixtures.browser import find_chromium, launch_args

# A failing run: the 60-minute mutant, on the scenarios of the link and of the mail.
# (E3-ENVOI's examples of masked addresses and of births add no kind of report content: left out.)
SELECTION = ["--reference-setting", "RESET_LINK_LIFETIME=3600", "-m", "E4-LIEN-30MIN or E4-MAIL or E3-ENVOI",
             "-k", "not masquée and not aboutit"]
PRODUCED = ["conformance.json", "conformance.html", "junit.xml", "messages.ndjson",
            "evidence.zip", "evidence.zip.sha256"]


def test_every_report_is_written(failing_run):
    run, result, _ = failing_run
    assert result.returncode != 0
    for name in PRODUCED:
        assert (run.reports_dir / name).is_file(), name
    report = run.report()
    assert report["verdict"] == "non-conformant"
    assert report["harness"]["navigateur"].startswith("Chromium ")
    assert report["harness"]["pytest-bdd"] == "9.0.1"
    failed = [s for s in report["scenarios"] if s["status"] == "failed"]
    assert failed and all(s["trace"] and (run.reports_dir / s["trace"]).is_file() for s in failed)
    for scenario in report["scenarios"]:
        shots = [s["screenshot"] for s in scenario["steps"] if s.get("screenshot")]
        assert shots and all((run.reports_dir / p).is_file() for p in shots), scenario["name"]


def test_the_evidence_package_holds_everything_and_its_sums(failing_run):
    run, _, _ = failing_run
    archive_bytes = (run.reports_dir / "evidence.zip").read_bytes()
    digest, name = (run.reports_dir / "evidence.zip.sha256").read_text().split()
    assert name == "evidence.zip" and digest == hashlib.sha256(archive_bytes).hexdigest()
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        manifest = dict(reversed(line.split("  ", 1)) for line in
                        archive.read("MANIFEST.sha256").decode().splitlines())
        names = set(archive.namelist()) - {"MANIFEST.sha256"}
        assert set(manifest) == names
        for member, sha in manifest.items():
            assert hashlib.sha256(archive.read(member)).hexdigest() == sha, member
    assert {"conformance.json", "conformance.html", "junit.xml"} <= names
    assert any(n.endswith(".jpg") for n in names) and any(n.endswith("trace.zip") for n in names)
    assert any(n.endswith("mail-1.html") for n in names)
    assert any(n.startswith("logs/") for n in names)
    # The network of a kept trace (Playwright records none in it without snapshots): issue 17
    hars = [n for n in names if n.endswith("network.har")]
    assert hars
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        entries = json.loads(archive.read(hars[0]))["log"]["entries"]
    assert {e["request"]["method"] for e in entries} >= {"GET", "POST"}


def _texts(path):
    """The text of a produced file, and of every member when it is a zip (a trace, the package).
    Screens (JPEG) are pixels, not text: left out, as files and as members alike."""
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04":
        yield from _texts_of_zip_bytes(data, path.name)
    elif not path.suffix == ".jpg":
        yield path.name, data.decode("utf-8", errors="replace")


def _texts_of_zip_bytes(data, where):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.endswith(".jpg"):
                continue
            inner, name = archive.read(info), f"{where}:{info.filename}"
            if inner[:4] == b"PK\x03\x04":
                yield from _texts_of_zip_bytes(inner, name)
            else:
                yield name, inner.decode("utf-8", errors="replace")


def leaks(reports_dir, audit) -> list[str]:
    """Every value a run registered for masking (NIR, birth date forms, addresses, passwords,
    tokens, and their URL-encoded forms), searched in every file of its reports, inside zips
    too, and in every file name. Values shorter than 8 characters (a birth year, « JJMM ») are
    left out: they occur by chance in timestamps and durations."""
    values = {v for v in audit.read_text(encoding="utf-8").splitlines() if len(v) >= 8}
    assert len(values) >= 10, "the audit did not record the personas' values"
    files = [p for p in reports_dir.rglob("*") if p.is_file()]
    assert len(files) > 10
    found, searched = [], set()
    for path in files:
        for value in values:
            if value in str(path.relative_to(reports_dir)):
                found.append(f"file name {path.name}")
        for where, text in _texts(path):
            # A text met before (the package holds a copy of each report) is searched once, its
            # images' pixels left out: 1,900 values in 33 MB took 18 s of a full run's test. How
            # it is read depends on its kind (_readable), so the kind is part of what was met.
            digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).digest()
            met = (where.endswith(".ndjson"), digest)
            if met not in searched:
                searched.add(met)
                text = _readable(where, text)
                found += [f"{where}" for value in values if value in text]
    return found


DATA_URL = re.compile(r"data:([\w.+-]+/[\w.+-]+);base64,([A-Za-z0-9+/=]*)")


def _decoded(media: str, body: str) -> str:
    """What base64 data holds, as text; '' for an image (pixels, not text)."""
    if media.startswith("image/"):
        return ""
    return base64.b64decode(body + "=" * (-len(body) % 4)).decode("utf-8", errors="replace")


def _readable(where: str, text: str) -> str:
    """A text as the values could be read in it: the base64 data it carries decoded (a mail or
    a log attached so would hide them), but images, which are pixels: the data: URLs of the HTML
    report, the attachments of the Cucumber messages (their other fields kept)."""
    text = DATA_URL.sub(lambda m: f"data:{m[1]} {_decoded(m[1], m[2])}", text)
    if not where.endswith(".ndjson"):
        return text
    lines = []
    for line in text.splitlines():
        if '"attachment"' in line:
            envelope = json.loads(line)
            attachment = envelope.get("attachment", {})
            if attachment.get("contentEncoding") == "BASE64":
                attachment["body"] = _decoded(attachment.get("mediaType", ""),
                                              attachment.get("body", ""))
                line = json.dumps(envelope, ensure_ascii=False)
        lines.append(line)
    return "\n".join(lines)


def test_the_leak_search_finds_a_value_wherever_text_is_kept(tmp_path):
    """The privacy check itself: a value is found in a file, its name, a zip's member, a zip in
    a zip, beside a screen inlined in the HTML, in an attachment's other fields, in base64 data
    that is not an image; a copy met twice is searched once, unless it is read otherwise there
    (Cucumber messages); the pixels of screens are not text."""
    values = [f"VALEUR{n:02d}secrete" for n in range(11)]
    audit = tmp_path / "valeurs.txt"
    audit.write_text("\n".join(values), encoding="utf-8")
    reports = tmp_path / "rapports"
    (reports / "evidence").mkdir(parents=True)
    for n in range(6):
        (reports / "evidence" / f"mail-{n}.txt").write_text("rien de personnel", encoding="utf-8")
    (reports / "a.json").write_text(f'{{"x": "{values[0]}"}}', encoding="utf-8")
    (reports / "evidence" / f"{values[1]}.txt").write_text("rien", encoding="utf-8")
    (reports / "evidence" / "etape-01.jpg").write_bytes(values[7].encode())  # pixels
    hidden = base64.b64encode(f"Bonjour {values[8]}".encode()).decode()
    (reports / "conformance.html").write_text(
        f'<img src="data:image/webp;base64,QUJD{values[2]}"> <p>{values[3]}</p>', encoding="utf-8")
    (reports / "junit.html").write_text(f'<a href="data:text/plain;base64,{hidden}">mail</a>',
                                        encoding="utf-8")
    screen = {"attachment": {"body": "QUJD", "contentEncoding": "BASE64",
                             "mediaType": "image/webp", "fileName": values[4]}}
    mail = {"attachment": {"body": base64.b64encode(values[9].encode()).decode(),
                           "contentEncoding": "BASE64", "mediaType": "text/plain"}}
    (reports / "messages.ndjson").write_text(json.dumps(screen) + "\n" + json.dumps(mail) + "\n",
                                             encoding="utf-8")
    # the same messages met first under another name, where base64 is not decoded
    copied = json.dumps({"attachment": {"body": base64.b64encode(values[10].encode()).decode(),
                                        "contentEncoding": "BASE64", "mediaType": "text/plain"}})
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("trace.trace", f"... {values[5]} ...")
    with zipfile.ZipFile(reports / "evidence.zip", "w") as z:
        z.writestr("evidence/trace.zip", inner.getvalue())
        z.writestr("mail-1.txt", values[6])
        z.writestr("a.json", f'{{"x": "{values[0]}"}}')  # the same text as a.json: once
        z.writestr("copie.txt", copied)
        z.writestr("messages.ndjson", copied)
    found = leaks(reports, audit)
    assert sorted(found) == sorted([
        "a.json", f"file name {values[1]}.txt", "conformance.html", "junit.html",
        "messages.ndjson", "messages.ndjson", "evidence.zip:evidence/trace.zip:trace.trace",
        "evidence.zip:mail-1.txt", "evidence.zip:messages.ndjson"]), found


def test_no_persona_value_in_any_file_produced(failing_run):
    run, _, audit = failing_run
    assert not leaks(run.reports_dir, audit)[:20]


def test_the_html_report_reads_in_a_real_browser_from_disk(failing_run):
    from playwright.sync_api import expect, sync_playwright

    run, _, _ = failing_run
    report = run.report()
    ids = [r["id"] for r in report["requirements"]]
    requested = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(None), args=launch_args())
        try:
            page = browser.new_page()
            page.on("request", lambda r: requested.append(r.url))
            page.goto((run.reports_dir / "conformance.html").as_uri())
            expect(page.locator("#verdict")).to_have_text("NON CONFORME")
            rows = page.locator("#matrice tbody tr")
            expect(rows).to_have_count(len(ids))
            assert [r.get_attribute("data-id") for r in rows.all()] == ids
            failed = page.locator(".scenario.s-failed").first
            expect(failed).to_contain_text("un lien qui ne devait plus être valable")
            shot = failed.get_by_role("img", name=re.compile(r"^Écran après l'étape \d+")).last
            expect(shot).to_be_visible()
            shot.scroll_into_view_if_needed()  # lazy images load as a person scrolls to them
            page.wait_for_function("(img) => img.complete && img.naturalWidth > 100",
                                   arg=shot.element_handle(), timeout=10_000)
            expect(failed.get_by_role("link", name="trace.zip")).to_have_count(1)
            page.get_by_label("réussi").uncheck()
            expect(page.locator(".scenario.s-passed").first).to_be_hidden()
            expect(failed).to_be_visible()
        finally:
            browser.close()
    assert all(u.startswith(("file:", "data:", "about:")) for u in requested), requested


def test_a_parallel_run_reports_the_same_as_a_serial_one(failing_run, tmp_path):
    from .conftest import ConformanceRun

    serial = failing_run[0].report()
    run = ConformanceRun(tmp_path / "reports")
    run.run(*SELECTION, "-n", "2")
    parallel = run.report()

    def content(report):
        return {
            "verdict": report["verdict"],
            "summary": report["summary"],
            "requirements": [(r["id"], r["status"], r["scenarios"]) for r in report["requirements"]],
            "scenarios": sorted((s["nodeid"], s["status"], tuple(st["status"] for st in s["steps"]),
                                 bool(s["trace"]), len(s["mails"])) for s in report["scenarios"]),
        }

    assert content(parallel) == content(serial)
    for name in PRODUCED:
        assert (run.reports_dir / name).is_file(), name


# ---------------------------------------------------------------- Cucumber Messages

CCK_SAMPLES = ["minimal", "examples-tables", "data-tables", "backgrounds", "skipped",
               "all-statuses", "attachments", "hooks-conditional"]  # features, statuses, links, tags


def _envelopes(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _paths(value, prefix=""):
    """Every key path of a message ("testCase.testSteps[].pickleStepId")."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield f"{prefix}.{key}" if prefix else key
            yield from _paths(inner, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list):
        for inner in value:
            yield from _paths(inner, prefix + "[]")


def _check_order(envelopes):
    """The ordering rules of a Cucumber message stream, as the CCK samples follow them."""
    kinds = [next(iter(e)) for e in envelopes]
    assert kinds[0] == "meta" and kinds[-1] == "testRunFinished"
    assert kinds.index("testRunStarted") < min(i for i, k in enumerate(kinds) if k == "testCase")
    seen_cases, open_cases, seen_pickles = set(), {}, set()
    for envelope in envelopes:
        kind, body = next(iter(envelope.items()))
        if kind == "pickle":
            seen_pickles.add(body["id"])
        elif kind == "testCase":
            assert body["pickleId"] in seen_pickles
            seen_cases.add(body["id"])
        elif kind == "testCaseStarted":
            assert body["testCaseId"] in seen_cases
            open_cases[body["id"]] = None
        elif kind in ("testStepStarted", "testStepFinished"):
            assert body["testCaseStartedId"] in open_cases
        elif kind == "testCaseFinished":
            open_cases.pop(body["testCaseStartedId"])
    assert not open_cases


def test_cucumber_messages_are_valid_and_ordered(failing_run):
    from cucumber_messages import Envelope, message_converter

    run, _, _ = failing_run
    envelopes = _envelopes(run.reports_dir / "messages.ndjson")
    for envelope in envelopes:
        # Parsed as a Cucumber message and written back unchanged: every required field is
        # there, and no field is outside the messages' schema.
        assert message_converter.to_dict(message_converter.from_dict(envelope, Envelope)) == envelope
    _check_order(envelopes)
    report = run.report()
    cases = [e["testCase"] for e in envelopes if "testCase" in e]
    assert len(cases) == len(report["scenarios"])
    finished = [e["testStepFinished"]["testStepResult"]["status"] for e in envelopes
                if "testStepFinished" in e]
    expected = [{"passed": "PASSED", "failed": "FAILED", "skipped": "SKIPPED"}[st["status"]]
                for s in report["scenarios"] for st in s["steps"]]
    assert sorted(finished) == sorted(expected)
    run_finished = envelopes[-1]["testRunFinished"]
    assert run_finished["success"] is False  # the mutant fails E4-LIEN-30MIN
    # Each step's screen attached as an image the formatters show inline; the failed
    # scenario's trace attached as a link to its file (issue 17)
    import base64

    attachments = [e["attachment"] for e in envelopes if "attachment" in e]
    images = [a for a in attachments if a["mediaType"].startswith("image/")]
    shots = [st for s in report["scenarios"] for st in s["steps"] if st.get("screenshot")]
    assert len(images) == len(shots) and all(a["contentEncoding"] == "BASE64" for a in images)
    assert base64.b64decode(images[0]["body"])[:4] in (b"RIFF", b"\xff\xd8\xff\xe0")
    links = [a["body"] for a in attachments if a["mediaType"] == "text/uri-list"]
    traces = [s["trace"] for s in report["scenarios"] if s.get("trace")]
    assert traces and set(traces) <= set(links)
    assert all((run.reports_dir / link).is_file() for link in links)
    # The real instants (issue 17: they were durations added from the run's start, up to 27 s
    # away): each case starts when its scenario started, each step when it started.
    from datetime import datetime

    def instant(stamp):
        return stamp["seconds"] + stamp["nanos"] / 1e9

    started = [instant(e["testCaseStarted"]["timestamp"]) for e in envelopes
               if "testCaseStarted" in e]
    assert started == [pytest.approx(datetime.fromisoformat(s["started_at"]).timestamp(),
                                     abs=0.002) for s in report["scenarios"]]
    steps = [instant(e["testStepStarted"]["timestamp"]) for e in envelopes
             if "testStepStarted" in e]
    ran = [datetime.fromisoformat(st["started_at"]).timestamp()
           for s in report["scenarios"] for st in s["steps"] if st["status"] != "skipped"]
    assert len(ran) >= len(report["scenarios"])
    assert all(any(abs(t - r) < 0.002 for t in steps) for r in ran)


def test_cucumber_messages_use_only_what_the_compatibility_kit_shows(failing_run):
    from cucumber_compatibility_kit import CompatibilityKit

    kit = CompatibilityKit()
    allowed: dict[str, set] = {}
    for sample in CCK_SAMPLES:
        folder = kit.feature_code_for(sample)
        for path in folder.glob("*.ndjson"):
            reference = _envelopes(path)
            _check_order(reference)  # the order checker agrees with the kit
            for envelope in reference:
                kind, body = next(iter(envelope.items()))
                allowed.setdefault(kind, set()).update(_paths(body))
    # Feature-level tags (`@securite`) appear in no sample; they are the same Tag message as the
    # scenario tags that hooks-conditional shows (the schema check above validates them).
    allowed["gherkinDocument"] |= {p.replace("feature.children[].scenario.tags", "feature.tags")
                                   for p in allowed["gherkinDocument"]
                                   if p.startswith("feature.children[].scenario.tags")}
    # Comments (the test design written in each feature, « # Conception des tests ») appear in no
    # sample either; the messages schema defines them: a location and a text.
    allowed["gherkinDocument"] |= {"comments", "comments[].location", "comments[].location.line",
                                   "comments[].location.column", "comments[].text"}
    run, _, _ = failing_run
    ours: dict[str, set] = {}
    for envelope in _envelopes(run.reports_dir / "messages.ndjson"):
        kind, body = next(iter(envelope.items()))
        ours.setdefault(kind, set()).update(_paths(body))
    assert set(ours) <= set(allowed), set(ours) - set(allowed)
    for kind, paths in ours.items():
        assert paths <= allowed[kind], (kind, sorted(paths - allowed[kind]))
