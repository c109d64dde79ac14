"""Typing as a person types. Playwright's `fill` puts the whole value in the field at once: the
page sees one `input` event and no key. A person's typing ends with a key let go, and some forms
check what is typed only then (jQuery's `.on('keyup', …)`, the masks of older sites): filled
only, such a form kept its button held, and a conformant target was NON CONFORME (the variant
`demande-tenue-aux-touches` of tests/mutants.py, 2026-12-05). So the value is put in, then
« End » is pressed: it writes nothing, leaves the caret where typing leaves it, and no filter of
keys takes it for a character. It is pressed where the focus is then, as a person's last key is
let go there (a form that moves on to the next field once a value is whole gets it in that
field); and so it costs about 4 ms, a third of Locator.press, which finds the field again."""
from playwright.sync_api import Locator


def type_text(field: Locator, value: str) -> None:
    field.fill(value)
    field.page.keyboard.press("End")
