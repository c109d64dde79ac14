"""The birth date asked otherwise than in a text field, as a person uses it: a date control
(`<input type="date">`), where the guide's jj/mm/aaaa is typed as day, month and year in the
order the browser shows them; or three fields, « Jour », « Mois », « Année », grouped under the
guide's label (a fieldset and its legend: the État's design system's date). Either is read back
in the guide's form. Ui (steps/ui.py) comes here when the field of a date is such a control, or
when the page has no field of the date's label but such a group."""
import re

from playwright.sync_api import Locator, Page

from . import page_scripts, texts


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


# Three fields: the parts of a date, in the guide's order, by the beginning of their labels.
PARTS = tuple(re.compile(rf"^\s*{part}", re.IGNORECASE) for part in ("jour", "mois", "ann[ée]e"))


def group(page: Page, label: str) -> Locator | None:
    """For the date's label: the groups named by it without its format (« Date de naissance »,
    with a hint or not) that hold a field « Année »; None for another label."""
    if label != texts.FORM_BIRTH_DATE:
        return None
    stem = label.split("(")[0]
    named = page.get_by_role("group", name=texts.label(stem)).or_(
        page.get_by_role("group", name=texts.label_and_more(stem)))
    return named.filter(has=page.get_by_label(PARTS[2]))


def parts(found: Locator) -> list[Locator]:
    return [found.get_by_label(part).first for part in PARTS]


def fill_parts(found: Locator, value: str) -> bool:
    """Types jj/mm/aaaa in the three fields (nothing in each for nothing); False, the fields left
    empty, when `value` is of another form, which a person cannot type there."""
    shape = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    pieces = shape.groups() if shape else ("", "", "")
    for part, piece in zip(parts(found), pieces):
        part.fill(piece)
    return bool(shape) or not value


def shown_parts(found: Locator) -> str:
    """What the three fields hold, as the guide writes a date; "" when they hold nothing."""
    held = [part.input_value() for part in parts(found)]
    return "/".join(held) if any(held) else ""


def look(found: Locator, script: str):
    """`script` on the group, as Ui._look runs it on a field; for ERROR_BESIDE, GROUP_BESIDE."""
    return found.evaluate(page_scripts.GROUP_BESIDE if script == page_scripts.ERROR_BESIDE
                          else script)
