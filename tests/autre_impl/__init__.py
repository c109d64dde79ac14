"""The second implementation of the guide (see app.py), started like any target a QA team runs:
a process on its own port, its mail going to a catcher, its control API behind a token."""
import json
import os
import secrets
from pathlib import Path

from fixtures.processes import ManagedProcess, python_module
from fixtures.targets import Target

TOKEN_ENV = "AUTRE_IMPL_JETON"


def launch(workdir: Path, without: tuple[str, ...] = ()) -> Target:
    """The embedded mail sink and this implementation; the token is put in $AUTRE_IMPL_JETON of
    this process, as a QA team's CI would hold it, so that a profile can name that variable."""
    logdir = workdir / "logs"
    sink = ManagedProcess("collecteur de mails", python_module("mailsink"), logdir / "mailsink.log")
    sink_info = sink.start()
    token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    os.environ[TOKEN_ENV] = token
    argv = python_module("tests.autre_impl", "--smtp-port", str(sink_info["smtp_port"]))
    for capability in without:
        argv += ["--sans", capability]
    app = ManagedProcess("cible", argv, logdir / "autre_impl.log",
                         env={**os.environ, TOKEN_ENV: token})
    try:
        info = app.start()
    except Exception:
        sink.stop()
        raise
    return Target(url=info["url"] + "/espace/", mailpit_url=sink_info["api_url"],
                  control_url=info["url"] + "/__test__/controle", control_token=token,
                  processes=[sink, app])


def profile(target: Target, capabilities: list[str] | None = None) -> str:
    """The TOML profile a QA team would write for this implementation."""
    caps = capabilities if capabilities is not None else ["accounts", "captcha", "clock", "reset"]
    return f'''[target]
name = "Seconde implémentation (tests/autre_impl)"
url = "{target.url}"

[mail]
mailpit_url = "{target.mailpit_url}"
quiet_seconds = 0.2   # it hands its mail to SMTP before it answers

[control]
url = "{target.control_url}"
token_env = "{TOKEN_ENV}"
capabilities = {json.dumps(caps)}

[interpretations]
reset_request_limit = 4
reset_request_window_minutes = 30
login_failure_limit = 3
login_block_minutes = 20
nir_part_digits = 5
captcha_length = 5
'''
