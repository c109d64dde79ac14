"""Finding what a person looks for on a page: by role and accessible name, by label, by visible
text; never by an id or a CSS class of one implementation."""
import re

from playwright.sync_api import Locator, Page

from . import texts


def actions(scope: Page | Locator, name: re.Pattern) -> Locator:
    """The buttons and links of `scope` (a page, or a part of it) whose accessible name matches."""
    return scope.get_by_role("button", name=name).or_(scope.get_by_role("link", name=name))


def without_role(scope: Page | Locator, name: re.Pattern) -> Locator:
    """What a person clicks as a button though the browser knows no button nor link there: a text
    whose script makes it clickable, as older sites write them (an anchor without an address, an
    element with `onclick`, or one made focusable by `tabindex`, its listener added by a script).
    Taken only where no button or link has the name (Ui.action): such an element may hold the
    real button. The accessibility profile says what it lacks; before 2026-12-05 the harness said
    « introuvable » (variant `actions-sans-role`)."""
    return scope.locator("a:not([href]), [onclick], [tabindex]:not([tabindex^='-'])").filter(
        has_text=name)


def labelled(page: Page, label: str, either: bool = False, whole: bool | None = None) -> Locator:
    """The fields whose label is the guide's, whole; where none is, those whose label begins
    with it and says more (`texts.label_and_more`): a field labelled « Nouveau mot de passe »
    is taken before one labelled « Nouveau mot de passe (confirmation) ». `either`: both kinds,
    to tell whether such a field is on the page (a locator that waits); `whole`: one kind."""
    exact, more = page.get_by_label(texts.label(label)), page.get_by_label(texts.label_and_more(label))
    if whole is not None:
        return exact if whole else more
    return exact.or_(more) if either else exact if exact.count() else more
