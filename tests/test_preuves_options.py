"""What a run keeps as evidence can be chosen (--playwright-trace, --step-screenshots), by option
or variable; a value outside the allowed ones is refused before anything starts."""
SCENARIO = ["-k", "une_demande_complète_envoie_un_seul_mail"]  # E3-ENVOI: passes on the reference


def test_trace_always_and_screenshots_only_on_failure(conformance_run):
    result = conformance_run.run(*SCENARIO, "--playwright-trace", "on",
                                 AMELI_STEP_SCREENSHOTS="on-failure", timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    [scenario] = conformance_run.report()["scenarios"]
    assert scenario["status"] == "passed"
    assert scenario["trace"] and (conformance_run.reports_dir / scenario["trace"]).is_file()
    assert not any(step.get("screenshot") for step in scenario["steps"])


def test_no_trace_and_a_screenshot_after_each_step(conformance_run):
    result = conformance_run.run(*SCENARIO, AMELI_PLAYWRIGHT_TRACE="off", timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    [scenario] = conformance_run.report()["scenarios"]
    assert scenario["trace"] is None
    shots = [step.get("screenshot") for step in scenario["steps"]]
    assert shots[0] is None  # the account is created before any page is opened
    assert all(shots[1:]) and all((conformance_run.reports_dir / p).is_file() for p in shots[1:])


def test_a_mode_outside_the_allowed_ones_is_refused(conformance_run):
    result = conformance_run.run(*SCENARIO, "--step-screenshots", "parfois", timeout=120)
    assert result.returncode == 4  # pytest's usage error
    assert "--step-screenshots 'parfois' : each-step, on-failure, off" in result.stderr
