"""The `accessibilite` profile (issue 17): RGAA 4.1 (WCAG 2.1 AA), which a public service must
meet, on every screen of the procedure, run on demand (`--suite accessibilite`), never in the
conformance verdict. Each check names its RGAA criterion (rgaa.py), as the security profile
names its sources.

- `ecrans`: axe-core on each screen as the person sees it (forms, errors shown, the CAPTCHA, the
  block page, the new password, the confirmation, the mails), and the CAPTCHA's text
  alternative;
- `clavier`: the procedure with the keyboard only (Tab order, focus visible, the sound reached
  and played without a mouse), and an input error announced and tied to its field.

Like the rest of the harness, nothing here knows an id or a class of one implementation: fields
by their labels, actions by their accessible names."""

from .clavier import *  # noqa: F401,F403
from .ecrans import *  # noqa: F401,F403
