"""What a person does on a page, found only by role, accessible name, label and visible text:
never by an id or a CSS class of one implementation."""
import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from fixtures.errors import ConformanceFailure
from fixtures.privacy import redact

from . import texts


class Ui:
    def __init__(self, page: Page):
        self.page = page
        # What each field had beside it before anything was submitted (help texts, the rules):
        # a refusal's reason is what appeared after, never a text that was already there.
        self.pristine: dict[str, str] = {}
        # The pages reached by their address rather than by clicking the way (navigation.py).
        self.shortcuts: list[str] = []

    def body_text(self) -> str:
        return " ".join(self.page.locator("body").inner_text().split())

    def _visible(self, locator: Locator, what: str) -> Locator:
        try:
            expect(locator.first).to_be_visible()
        except AssertionError:
            raise ConformanceFailure(
                f"{what} introuvable sur la page",
                expected=what, seen=redact(self.body_text()[:400]),
            ) from None
        return locator.first

    def action(self, name: str) -> Locator:
        """A button or a link with this accessible name."""
        pattern = texts.name(name)
        locator = self.page.get_by_role("button", name=pattern).or_(
            self.page.get_by_role("link", name=pattern)
        )
        return self._visible(locator, f"« {name} » (bouton ou lien)")

    def action_matching(self, pattern: re.Pattern, what: str) -> Locator:
        """A button or link whose accessible name matches: for the guide's icons (the arrow,
        the microphone), whose names the guide does not give."""
        locator = self.page.get_by_role("button", name=pattern).or_(
            self.page.get_by_role("link", name=pattern)
        )
        return self._visible(locator, what)

    def field(self, label: str) -> Locator:
        return self._visible(self.page.get_by_label(texts.label(label)), f"le champ « {label} »")

    def has_field(self, label: str) -> bool:
        return self.page.get_by_label(texts.label(label)).count() > 0

    def click(self, name: str) -> None:
        """Clicks and waits until the page has reacted: a new page loaded, or an alert shown."""
        target = self.action(name)
        self.page.evaluate("() => { window.__ameliHarnessMark = true; }")
        target.click()
        # Playwright's click has waited for the navigation it started to commit: most times the
        # page has already reacted, and one look tells (a polled wait costs a frame, ~30 ms).
        try:
            reacted = self.page.evaluate(_REACTED)
        except PlaywrightError:  # the page was being replaced
            reacted = False
        if not reacted:
            self.page.wait_for_function(_REACTED)
        self.page.wait_for_load_state("domcontentloaded")

    def value(self, label: str) -> str:
        return self.field(label).input_value()

    def error_beside(self, label: str) -> str:
        """The message tied to a field: its aria-describedby / aria-errormessage, else the text
        that follows it up to the next control."""
        return self.field(label).evaluate(_ERROR_BESIDE)

    def remember_pristine(self, *labels: str) -> None:
        for label in labels:
            if label not in self.pristine and self.has_field(label):
                self.pristine[label] = self.error_beside(label)
        self.pristine["(alertes)"] = self.alerts()

    def new_message_beside(self, label: str) -> str:
        """The message tied to a field, less what was beside it on the untouched form."""
        return _less(self.error_beside(label), self.pristine.get(label, ""))

    def new_alerts(self) -> str:
        return _less(self.alerts(), self.pristine.get("(alertes)", ""))

    def navigation_status(self) -> int:
        """The HTTP status of the page shown (Navigation Timing), 0 when unknown."""
        return self.page.evaluate(
            "() => (performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0")

    def alerts(self) -> str:
        # No HTML element has the role alert implicitly: the attribute is the role; hidden alerts
        # are not read, as a screen reader does not. One look
        # (Playwright's role engine computes the whole page's roles: 27 ms against 3).
        return self.page.evaluate(_ALERTS)

    def fill(self, label: str, value: str) -> None:
        self.field(label).fill(value)

    def expect_phrase(self, text: str) -> None:
        try:
            expect(self.page.locator("body")).to_contain_text(texts.phrase(text), use_inner_text=True)
        except AssertionError:
            raise ConformanceFailure(
                "texte du guide absent de la page",
                expected=f"« {text} »", seen=redact(self.body_text()[:400]),
            ) from None

    def expect_pattern(self, pattern: re.Pattern, what: str) -> None:
        try:
            expect(self.page.locator("body")).to_contain_text(pattern, use_inner_text=True)
        except AssertionError:
            raise ConformanceFailure(
                f"{what} : absent de la page", expected=what, seen=redact(self.body_text()[:400])
            ) from None


_ALERTS = """() => {
  const found = [];  // open shadow roots included, as Playwright's role engine reads them
  const visit = (root) => root.querySelectorAll('*').forEach(e => {
    if (e.hasAttribute('role')) found.push(e);
    if (e.shadowRoot) visit(e.shadowRoot);
  });
  visit(document);
  return found
    .filter(e => e.getAttribute('role').trim().split(/\\s+/)[0] === 'alert')  // the first token is the role
    .filter(e => e.checkVisibility() && !e.closest('[aria-hidden=true]'))
    .map(e => e.innerText || '').join(' ').replace(/\\s+/g, ' ').trim();
}"""
_REACTED = "() => !window.__ameliHarnessMark || !!document.querySelector('[role=alert]')"


def _less(text: str, before: str) -> str:
    text = " ".join(text.split())
    before = " ".join(before.split())
    if before and before in text:
        text = text.replace(before, " ", 1)
    return " ".join(text.split())


_ERROR_BESIDE = """(el) => {
  const texts = [];
  for (const attr of ['aria-describedby', 'aria-errormessage']) {
    for (const id of (el.getAttribute(attr) || '').split(/\\s+/).filter(Boolean)) {
      const target = document.getElementById(id);
      if (target) texts.push(target.innerText);
    }
  }
  if (!texts.join('').trim()) {
    let next = el.nextElementSibling;
    while (next && !next.matches('input, select, textarea, label, button, fieldset')) {
      texts.push(next.innerText || '');
      next = next.nextElementSibling;
    }
  }
  return texts.join(' ').replace(/\\s+/g, ' ').trim();
}"""
