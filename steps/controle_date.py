"""A date control (`<input type="date">`), as a person uses it: the guide's jj/mm/aaaa is typed
as day, month and year in the order the browser shows them, and read back in the guide's form.
Ui.fill and Ui.value (steps/ui.py) come here when the field of a date is such a control."""
import re

from playwright.sync_api import Locator


def fill(field: Locator, value: str) -> bool:
    """A person picks or types a day, a month and a year; the browser shows them in its own
    order and keeps a date only when it exists. A date of the guide's form (jj/mm/aaaa) is typed
    so, an impossible one too (the browser then refuses it); False when `value` is of another
    form, which cannot be typed at all (the field is left empty)."""
    shape = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", value)
    if not shape:
        field.fill("")
        return False
    day, month, year = shape.groups()
    field.fill(f"{year}-{month}-{day}")
    if field.input_value() == f"{year}-{month}-{day}":
        return True
    field.fill("")  # not a date that exists: typed, as a person types it
    field.press_sequentially("01022000")  # which segment comes first, in this browser?
    first = {"2000-01-02": (month, day), "2000-02-01": (day, month)}.get(field.input_value(),
                                                                        (day, month))
    field.fill("")
    field.press_sequentially("".join(first) + year)
    return True


def shown(field: Locator, typed: str) -> str:
    """What the control shows, as the guide writes a date (jj/mm/aaaa), or what it still shows
    of `typed` when the browser found that date impossible."""
    held = field.input_value()
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", held)
    if iso:
        return f"{iso[3]}/{iso[2]}/{iso[1]}"
    if not held and field.evaluate("e => e.validity.badInput"):
        return typed
    return held
