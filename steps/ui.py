"""What a person does on a page, found only by role, accessible name, label and visible text:
never by an id or a CSS class of one implementation."""
import re
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.privacy import redact

from . import (boites, bouton_tenu, consentement, controle_date, frappe, navigateur,
               page_scripts, texts)
from .bouton_tenu import HELD
from .trouver import actions, labelled, without_role

# Per target (its host and port), in this process: how long a page a script changed must have
# been quiet before it is read, once seen to change again after a lull (Ui._learn_settling); the
# first LEARNING_CLICKS such pages are watched LEARNING_MS longer to learn it.
settling: dict[str, float] = {}
learned: dict[str, int] = {}
LEARNING_CLICKS, LEARNING_MS = 3, 2000


class Ui:
    def __init__(self, page: Page, answered: list[str] | None = None):
        # What the run answered of its own accord (a cookie banner), for the scenario's report.
        self.answered: list[str] = [] if answered is None else answered
        self.boxes: list[str] = []  # what the browser's boxes said since the last click (boites)
        self.page = page
        # What each field had beside it before anything was submitted (help texts, the rules):
        # a refusal's reason is what appeared after, never a text that was already there.
        self.pristine: dict[str, str] = {}
        # The pages reached by their address rather than by clicking the way (navigation.py).
        self.shortcuts: list[str] = []
        self.cuts: dict[str, tuple[int, int]] = {}  # a field that kept less: label -> (typed, kept)
        self.kept_out: dict[str, str] = {}  # label -> what it kept out at the keyboard (frappe)
        # Date controls (`type="date"`): label -> the date typed (jj/mm/aaaa); and the values of
        # another form, which such a control cannot take.
        self.dates: dict[str, str] = {}
        self.untypable: dict[str, str] = {}
        self.reaction = ""  # what the last click did to the page (page_scripts.REACTED)
        self.marks: dict[str, dict] = {}  # formulaire_mot_de_passe.marked_reason's pages

    @property
    def page(self) -> Page:
        return self._page

    @page.setter
    def page(self, page: Page) -> None:  # any page the person goes on in: a banner answered
        consentement.watch(page, self.answered)
        boites.watch(page, self.boxes)
        self._page = page

    @property
    def refused_by_browser(self) -> bool:
        """The last click: the browser refused the form (HTML constraint validation)."""
        return self.reaction == "refus du navigateur"

    def body_text(self) -> str:
        return " ".join(self.page.locator("body").inner_text().split())

    def _visible(self, locator: Locator, what: str) -> Locator:
        try:
            expect(locator.first).to_be_visible()
        except AssertionError:
            raise ConformanceFailure(
                f"{what} introuvable sur la page",
                expected=what, seen=self.seen(),
            ) from None
        return locator.first

    def action(self, name: str) -> Locator:
        """A button or a link with this accessible name; where none has it, a text a script makes
        clickable (trouver.without_role): a person clicks it all the same."""
        named = texts.name(name)
        found = actions(self.page, named)
        either = self._visible(found.or_(without_role(self.page, named)),
                               f"« {name} » (bouton ou lien)")
        return found.first if found.count() else either

    def action_matching(self, pattern: re.Pattern, what: str) -> Locator:
        """A button or link whose accessible name matches: for the guide's icons (the arrow,
        the microphone), whose names the guide does not give; a form's first (a page's header
        may have a link « Nouveautés »)."""
        in_form = actions(self.page.locator("form"), pattern)
        return self._visible(in_form if in_form.count() else actions(self.page, pattern), what)

    def field(self, label: str) -> Locator:
        return self._field(label)[0]

    def _field(self, label: str) -> tuple[Locator, bool | None]:
        """The field of `label`, and whether it is read-only (None: not looked at)."""
        exact = labelled(self.page, label, whole=True)
        if look := exact.evaluate_all(page_scripts.FIRST_SHOWN):  # most times: one look (6 ms)
            return exact.first, look == 2
        either, parts = labelled(self.page, label, either=True), controle_date.group(self.page, label)
        self._visible(either.or_(parts) if parts else either, f"le champ « {label} »")
        return (parts.first if parts and not either.count() else labelled(self.page, label).first,
                None)

    def in_parts(self, label: str) -> Locator | None:
        """The date's three fields (controle_date), where the page has no field of its label."""
        parts = controle_date.group(self.page, label)
        return parts.first if parts and not labelled(self.page, label, either=True).count() \
            and parts.count() else None

    def has_field(self, label: str) -> bool:
        return labelled(self.page, label, either=True).count() > 0 or bool(self.in_parts(label))

    def click(self, name: str) -> None:
        """Clicks and waits until the page has reacted: a new page loaded, the browser itself
        refused the form (HTML constraint validation: navigateur.py), or a script changed the page
        in place (page_scripts.REACTED)."""
        self.press(self.action(name))

    def press(self, target: Locator, key: str | None = None) -> None:
        """Clicks a button or link found otherwise (an icon), or presses `key` on it where it
        has the focus (the keyboard only), and waits as `click` does."""
        before = set(self.page.context.pages)
        self.boxes.clear()
        if key is None:
            opens = target.evaluate(page_scripts.MARK_AND_ENABLED)  # one look for both (2 ms)
            if not opens:
                # A form that holds its button until what is typed looks right may let it go a
                # moment after the typing, or once the field is left as a person does to read why
                # (`updateOn: 'blur'`); still held then, nothing is sent.
                if not bouton_tenu.let_go(self.page, target):
                    self.reaction = HELD
                    return
                self.page.evaluate(page_scripts.MARK)  # what leaving the field changed is past
            target.click()
        else:
            self.page.evaluate(page_scripts.MARK)
            self.page.keyboard.press(key)
        # Playwright's click has waited for the navigation it started to commit: most times the
        # page has already reacted, and one look tells (a polled wait costs a frame, ~30 ms).
        quiet = settling.get(self._origin(), page_scripts.QUIET_MS)
        try:
            reacted = self.page.evaluate(page_scripts.REACTED, quiet)
        except PlaywrightError:  # the page was being replaced
            reacted = ""
        if not reacted:
            reacted = self.page.wait_for_function(page_scripts.REACTED, arg=quiet).json_value()
        if reacted == page_scripts.OPENED:  # a new tab: the person goes on there
            opened = [page for page in self.page.context.pages if page not in before]
            self.page = opened[-1] if opened else self.page.context.wait_for_event("page")
            reacted = "nouvelle page"
        if reacted == "page changée par un script":
            self._learn_settling(quiet)
        self.reaction = reacted  # « nouvelle page », « page changée par un script », or the refusal
        self.page.wait_for_load_state("domcontentloaded")

    def _origin(self) -> str:
        return urlsplit(self.page.url).netloc

    def _learn_settling(self, quiet: float) -> None:
        """The first pages a script changes on a target are watched a while longer: one that
        changes again after having been quiet (a spinner kept on, a render after a timer) is
        waited for, and the target's quiet period becomes 1.5 times the longest such lull."""
        origin = self._origin()
        if learned.get(origin, 0) >= LEARNING_CLICKS:
            return
        learned[origin] = learned.get(origin, 0) + 1
        try:
            lull = self.page.evaluate(page_scripts.CHANGES_AGAIN, LEARNING_MS)
        except PlaywrightError:  # a new page came: it is what the click led to
            return
        if lull:
            settling[origin] = max(quiet, 1.5 * lull)
            self.page.wait_for_function(page_scripts.REACTED, arg=settling[origin])

    def browser_refusal(self, label: str) -> str:
        """What the browser said beside this field when it refused the form (navigateur.beside)."""
        return navigateur.beside(label, self._look(label, page_scripts.REFUSED_HERE))

    def refusal_note(self) -> str:
        """When the browser refused the last submission: where and what it said ('' else)."""
        if self.reaction == HELD:
            return "le bouton est resté désactivé : rien n'a été envoyé"
        return navigateur.note(self.page) if self.refused_by_browser else ""

    def seen(self) -> str:
        """What the page shows, for a failure's « constaté » (masked)."""
        note = "; ".join([self.refusal_note(), *self.kept_out.values()]).strip("; ")
        return redact(f"{note} | " * bool(note) + self.body_text()[:400])

    def kept_out_of(self, *labels: str) -> str:
        """What these fields kept out at the keyboard, as a failure's « constaté » begins ('')."""
        notes = [self.kept_out[label] for label in labels if label in self.kept_out]
        return "; ".join(notes) + " | " if notes else ""

    def cut_note(self, label: str) -> str:
        typed, kept = self.cuts.get(label, (0, 0))
        return f"le champ « {label} » n'a gardé que {kept} des {typed} caractères saisis" \
            * bool(typed)

    def value(self, label: str) -> str:
        """What the field holds, as the person sees it (a date control: controle_date.shown)."""
        field = self.field(label)
        if (parts := self.in_parts(label)) is not None:
            return controle_date.shown_parts(parts)
        return controle_date.shown(field, self.dates[label]) if label in self.dates \
            else field.input_value()

    def error_beside(self, label: str) -> str:
        """The message tied to a field: its aria-describedby / aria-errormessage, else the texts
        around it, its label's among them (page_scripts.ERROR_BESIDE), one piece per line."""
        self.field(label)  # waited for; then read in one look
        return self._look(label, page_scripts.ERROR_BESIDE) or ""

    def _look(self, label: str, script: str):
        """`script` on the field `field` would take, in one look, no wait (4 ms; `has_field` then
        `field`: 14); None when there is no such field, or the script says None."""
        for whole in (True, False):
            found = labelled(self.page, label, whole=whole).evaluate_all(
                f"(els) => els.length ? [({script})(els[0])] : null")
            if found is not None:
                return found[0]
        parts = self.in_parts(label)  # the date's three fields: their group
        return None if parts is None else controle_date.look(parts, script)

    def remember_pristine(self, *labels: str, page: bool = False) -> None:
        for label in labels:
            if label not in self.pristine:
                beside = self._look(label, page_scripts.ERROR_BESIDE)
                if beside is not None:
                    self.pristine[label] = beside
        self.pristine["(alertes)"] = self.alerts()
        if page:  # the whole page's lines: a refusal on a page of its own says what it had not
            self.pristine["(page)"] = self.lines()

    def lines(self) -> str:
        return "\n".join([" ".join(line.split()) for line in
                          self.page.locator("body").inner_text().split("\n")] + self.boxes)

    def new_page_text(self) -> str:
        """The lines of the page shown that the untouched form's page had not (`page=True`)."""
        return texts.new_pieces(self.lines(), self.pristine.get("(page)", ""))

    def new_message_beside(self, label: str) -> str:
        """The message tied to a field, less what was beside it on the untouched form; when the
        browser refused the form, only what it said there (the page did not change: its texts
        are those of the submission before)."""
        if self.refused_by_browser:
            return self.browser_refusal(label)
        return texts.new_pieces(self.error_beside(label), self.pristine.get(label, ""))

    def new_alerts(self) -> str:
        if self.refused_by_browser:
            return ""  # the page did not change: its alerts are older than the submission
        return " ".join([texts.less(self.alerts(), self.pristine.get("(alertes)", "")),
                         *self.boxes]).strip()

    def navigation_status(self) -> int:
        """The HTTP status of the page shown: of the script's request when a script changed the
        page in place after the last click, else of the page's load (Navigation Timing); 0 when
        unknown."""
        return self.page.evaluate(page_scripts.STATUS)

    def alerts(self) -> str:
        # No HTML element has the role alert implicitly: the attribute is the role; hidden alerts
        # are not read (nor by a screen reader). One look (Playwright's role engine: 27 ms, 3).
        return self.page.evaluate(page_scripts.ALERTS)

    def fill(self, label: str, value: str) -> None:
        """Types `value` as a person does; a field that keeps less (its `maxlength`) is noted in
        `cuts`: what was submitted is not what was typed."""
        field, read_only = self._field(label)
        self.untypable.pop(label, None)  # what was typed before no longer counts
        if (parts := self.in_parts(label)) is not None:
            if not controle_date.fill_parts(parts, value):
                self.untypable[label] = value  # a value of another form cannot be typed
            return
        kept, out = frappe.enter(field, label, value, read_only)
        self.kept_out.pop(label, None)
        if out:
            self.kept_out[label] = out
        # A date control keeps nothing of jj/mm/aaaa, and takes 2000-12-31, which no person types.
        if value and (not kept or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) \
                and field.evaluate("e => e.type") == "date":
            self.dates[label] = value
            if not controle_date.fill(field, value):
                self.untypable[label] = value  # a value of another form cannot be typed
            return
        if len(kept) < len(value) and value.startswith(kept) and label not in self.kept_out:
            self.cuts[label] = (len(value), len(kept))
        else:
            self.cuts.pop(label, None)

    def expect_phrase(self, text: str) -> None:
        try:
            expect(self.page.locator("body")).to_contain_text(texts.phrase(text), use_inner_text=True)
        except AssertionError:
            raise ConformanceFailure(
                "texte du guide absent de la page",
                expected=f"« {text} »", seen=self.seen(),
            ) from None

    def expect_pattern(self, pattern: re.Pattern, what: str) -> None:
        try:
            expect(self.page.locator("body")).to_contain_text(pattern, use_inner_text=True)
        except AssertionError:
            raise ConformanceFailure(
                f"{what} : absent de la page", expected=what, seen=self.seen()
            ) from None
