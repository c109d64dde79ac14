"""A form that holds its button until what is typed looks right (Angular's
`[disabled]="form.invalid"`, a list of rules ticked as the person types): the button may be let
go a moment after the typing, or once the field is left, as a person does to read why; still held
then, nothing is sent (HELD). What such a form says is read by typing the right value instead
and comparing."""
from playwright.sync_api import Locator, Page, expect

from . import page_scripts, texts

# A click on a button still disabled HELD_MS after the typing, LEFT_MS after leaving the field.
HELD, HELD_MS, LEFT_MS = "bouton resté désactivé", 500, 300


def let_go(page: Page, target: Locator) -> bool:
    """Whether the held button `target` is let go, after the typing, then after leaving the
    field."""
    for wait in (HELD_MS, LEFT_MS):
        try:
            expect(target).to_be_enabled(timeout=wait)
            return True
        except AssertionError:
            page.evaluate(page_scripts.LEAVE_FIELD)
    return False


def typed_instead(ui, rights: dict[str, str], look):
    """`look()` with `rights` typed in their fields instead of what they hold, the field left
    (a form may say what is wrong only then); then what they held typed back, left again."""
    typed = {label: ui.value(label) for label in rights}
    for label, value in rights.items():
        ui.fill(label, value)
    ui.page.evaluate(page_scripts.LEAVE_FIELD)
    seen = look()
    for label, value in typed.items():
        ui.fill(label, value)
    ui.page.evaluate(page_scripts.LEAVE_FIELD)
    return seen


def held_message_beside(ui, label: str, right: str) -> str:
    """After a click the form held: what is beside the field with what was typed and not with
    `right` typed instead (a message left by an earlier submission is there either way)."""
    with_right = typed_instead(ui, {label: right}, lambda: ui.error_beside(label))
    return texts.new_pieces(ui.error_beside(label), with_right)
