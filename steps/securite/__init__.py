"""The `securite` profile: the SEC-* checks of ../shared/design/requirements.md (OWASP Forgot
Password Cheat Sheet, WSTG-ATHN-09, WSTG-INPV-17, ASVS), run on demand, never in the verdict.

Where a check needs what a browser does not do (a forged header, twenty submissions at once, a
mail scanner), the form is filled in the browser as a person would, then its submission (the
form's own fields, read with FormData) is replayed over HTTP with the browser's cookies. Nothing
here knows a field name or a URL of one implementation.

One module per family of checks; `commun` holds what they share (the HTTP replay, the recorder
of the answers a browser received, the one reader of the links and tokens of the mails)."""

from .csrf import *  # noqa: F401,F403
from .enumeration import *  # noqa: F401,F403
from .lien import *  # noqa: F401,F403
from .session import *  # noqa: F401,F403
