"""The second implementation of the guide (see app.py), started like any target a QA team runs:
a process on its own port, its mail going to a catcher, its control API behind a token."""
import json
import os
from pathlib import Path

from ameli_conformance.fixtures.launch import App, new_token
from ameli_conformance.fixtures.targets import Embedded, Target

TOKEN_ENV = "AUTRE_IMPL_JETON"


def app(without: tuple[str, ...] = ()) -> App:
    """This implementation as the harness launches one: its home under /espace/, its control API
    under /__test__/controle, its token in $AUTRE_IMPL_JETON; `without` capabilities."""
    extra = tuple(a for capability in without for a in ("--sans", capability))
    return App("autre_impl", ("tests.autre_impl", *extra), home="/espace/",
               control="/__test__/controle", token_env=TOKEN_ENV, reference_like=False)


def launch(workdir: Path, without: tuple[str, ...] = ()) -> Target:
    """The embedded mail sink and this implementation; the token is put in $AUTRE_IMPL_JETON of
    this process, as a QA team's CI would hold it, so that a profile can name that variable."""
    token = os.environ.get(TOKEN_ENV) or new_token()
    os.environ[TOKEN_ENV] = token
    return Embedded(workdir, workdir / "logs", app(without), token=token).start()


def profile(target: Target, capabilities: list[str] | None = None, mail: str | None = None) -> str:
    """The TOML profile a QA team would write for this implementation; `mail`: its [mail] table
    (by default, the catcher it was launched with)."""
    caps = capabilities if capabilities is not None else ["accounts", "captcha", "clock", "reset"]
    mail = mail or (f'mailpit_url = "{target.mailpit_url}"\n'
                    "quiet_seconds = 0.2   # it hands its mail to SMTP before it answers")
    return f'''[target]
name = "Seconde implémentation (tests/autre_impl)"
url = "{target.url}"

[mail]
{mail}

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
