"""Typing as a person types. Playwright's `fill` puts the whole value in the field at once: the
page sees one `input` event and no key. A person's typing ends with a key let go, and some forms
check what is typed only then (jQuery's `.on('keyup', …)`, the masks of older sites): filled
only, such a form kept its button held, and a conformant target was NON CONFORME (the variant
`demande-tenue-aux-touches` of tests/mutants.py, 2026-12-05). So the value is put in, then
« End » is pressed: it writes nothing, leaves the caret where typing leaves it, and no filter of
keys takes it for a character. It is pressed where the focus is then, as a person's last key is
let go there (a form that moves on to the next field once a value is whole gets it in that
field); and so it costs about 4 ms, a third of Locator.press, which finds the field again.

Some values are typed key by key, where a field may let only some keys through (a key filter)
and the guide says the person must be able to give them: a NIR with its letter (a person born
in Corsica types « 2A » or « 2B », where many number fields take digits only); a password with
one of the guide's special characters other than « ! » (a filter « against injections » may
keep « < » or « & » out); an address with « + ». Filled, the value went in whatever the filter,
and a target where a person born in Corsica cannot type their number was CONFORME
(`numero-en-chiffres-au-clavier`, 2026-12-05). Each such value is a rule's or a named example's
point, never a random draw's (the personas' addresses and the conforming passwords hold none:
« ! » is in every one, and typing them all would cost 60 ms a field), so the verdict does not
depend on the draw. A character the guide refuses is filled, not typed: a field that keeps it
out at the keyboard refuses it its own way. « € » has no key: Playwright writes it without one."""
import re

from playwright.sync_api import Locator

from . import texts

NIR_FIELDS = (texts.LOGIN_NIR, texts.FORM_NIR)
# step 5's two fields (formulaire_mot_de_passe.PASSWORD_FIELDS) and the login's
PASSWORDS = (texts.RESET_PASSWORD, texts.RESET_CONFIRMATION, texts.LOGIN_PASSWORD)
# For each field, what makes a value typed key by key there.
KEYED = {**dict.fromkeys(NIR_FIELDS, re.compile(r"[AB]", re.IGNORECASE)),
         **dict.fromkeys(PASSWORDS, re.compile(r"[?$@&+_=*%/<>,.:;]")),
         texts.FORM_EMAIL: re.compile(r"\+")}


def keyed(label: str, value: str) -> bool:
    """Whether `value` is typed key by key in the field of `label` (KEYED)."""
    return label in KEYED and KEYED[label].search(value) is not None


def enter(field: Locator, label: str, value: str, read_only: bool | None) -> tuple[str, str]:
    """Types `value` in the field of `label` as a person does: goes into it first when it is
    read-only (`read_only` None: not known), as a person clicks in a field that a page makes
    writable only then (a trick against the browser's autofill: filled at once, it was an ERROR,
    Locator.fill waiting for a writable field, until 2026-12-05, `lecture-seule-jusqu-au-focus`);
    key by key where KEYED. Returns what the field kept, and what it kept out at the keyboard,
    said (said_kept_out; '' when nothing, or when the field is only full: its `maxlength`)."""
    if read_only or (read_only is None and field.evaluate("e => e.readOnly")):
        field.focus()
    keys = keyed(label, value)
    type_text(field, value, keys=keys)
    kept = field.input_value() if value else ""
    out = kept_out(value, kept) if keys else ""
    if out and value.startswith(kept) and 0 <= field.evaluate("e => e.maxLength") <= len(kept):
        out = ""
    return kept, f"au clavier, le champ « {label} » n'a pas pris {said_kept_out(label, out)}" \
        if out else ""


def type_text(field: Locator, value: str, keys: bool = False) -> None:
    """`value` in `field`; with `keys`, typed key by key (about 25 ms and 1 ms a character, against
    7 ms in all): where a key filter may keep out what a person types (KEYED). A control
    character is never typed (a tabulation's key would leave the field)."""
    keys = keys and not re.search(r"[\x00-\x1f\x7f]", value)
    if keys:
        field.fill("")
        field.press_sequentially(value)
        return
    field.fill(value)
    field.page.keyboard.press("End")


def kept_out(typed: str, kept: str) -> str:
    """The characters of `typed` that `kept` lacks, spaces and case aside (a mask may group the
    number, or write its letter in capitals): what a key filter kept out."""
    left = [c for c in kept.upper() if not c.isspace()]
    out = ""
    for c in typed.upper():
        if c.isspace():
            continue
        if c in left:
            left.remove(c)
        else:
            out += c
    return out


def said_kept_out(label: str, out: str) -> str:
    """`out` (kept_out) as a report may say it: the signs, and a NIR's letter, written; the other
    letters and the digits counted (a part of a password or of a NIR is no report's business)."""
    shown = "".join(c for c in out if not c.isalnum() or (label in NIR_FIELDS and c in "AB"))
    hidden = len(out) - len(shown)
    return " ni ".join([f"« {shown} »"] * bool(shown) + [f"{hidden} caractère(s)"] * bool(hidden))
