"""The birth date asked otherwise than in a text field, as a person uses it: a date control
(`<input type="date">`), where the guide's jj/mm/aaaa is typed as day, month and year in the
order the browser shows them; or three fields, « Jour », « Mois », « Année », grouped under the
guide's label (a fieldset and its legend: the État's design system's date). Either is read back
in the guide's form. Ui (steps/ui.py) comes here when the field of a date is such a control, or
when the page has no field of the date's label but such a group."""
import re
import unicodedata

from playwright.sync_api import Locator, Page

from . import page_scripts, texts
from .frappe import type_text


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
    """Types jj/mm/aaaa in the three fields, or picks each piece in its list (« 5 » or « 05 »,
    « mars » for 03), nothing in each for nothing; False, the fields left empty, when `value` is
    of another form, or a piece no list offers (13 for a month), which a person cannot give."""
    shape = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    pieces = shape.groups() if shape else ("", "", "")
    given = bool(shape) or not value
    fields = [(part, part.evaluate(OPTIONS)) for part in parts(found)]
    for (part, options), piece in zip(fields, pieces):
        if options is None:
            type_text(part, piece)
            continue
        index = _placeholder(options, None) if not piece else next(
            (i for by in (1, 0) for i, option in enumerate(options)  # as shown, else its value
             if option[0] and _number(option[by]) == int(piece)), None)
        given = given and index is not None
        part.select_option(index=_placeholder(options) if index is None else index)
    if not given:  # nothing of it given: each field emptied, each list back to its « -- »
        for part, options in fields:
            part.fill("") if options is None else part.select_option(index=_placeholder(options))
    return given


def shown_parts(found: Locator) -> str:
    """What the three fields hold, as the guide writes a date (a list's day or month with its
    zero: « 05 », « 03 » for mars); "" when they hold nothing."""
    held = []
    for index, part in enumerate(parts(found)):
        picked = part.evaluate(PICKED)
        if picked is None:
            held.append(part.input_value())
            continue
        value, text = picked
        number = next((n for n in (_number(text), _number(value)) if n is not None), None)
        held.append(str(number).zfill(2 if index < 2 else 4) if value and number is not None
                    else value)
    return "/".join(held) if any(held) else ""


# A list (`select`): its options, value and text; the option picked. None for a field.
OPTIONS = "e => e.tagName === 'SELECT' ? [...e.options].map(o => [o.value, o.text]) : null"
PICKED = ("e => e.tagName !== 'SELECT' ? null : e.selectedIndex < 0 ? ['', ''] : "
          "[e.options[e.selectedIndex].value, e.options[e.selectedIndex].text]")
MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
          "octobre", "novembre", "decembre")


def _number(text: str) -> int | None:
    """A day, a month or a year as a list shows it: « 5 », « 05 », « 1er », « mars », « févr. »."""
    said = unicodedata.normalize("NFKD", " ".join(text.lower().split()))
    said = "".join(c for c in said if not unicodedata.combining(c)).rstrip(".")
    if digits := re.match(r"\d+", said):
        return int(digits[0])
    named = [n for n, month in enumerate(MONTHS, 1) if len(said) >= 3 and month.startswith(said)]
    return named[0] if len(named) == 1 else None


def _placeholder(options: list, otherwise: int | None = 0) -> int | None:
    """The list's « -- » (an option without a value), else `otherwise` (its first)."""
    return next((i for i, (v, _text) in enumerate(options) if not v), otherwise)


def look(found: Locator, script: str):
    """`script` on the group, as Ui._look runs it on a field; for ERROR_BESIDE, GROUP_BESIDE."""
    return found.evaluate(page_scripts.GROUP_BESIDE if script == page_scripts.ERROR_BESIDE
                          else script)
