"""A cookie consent banner over the pages (a consent manager's modal layer, a bar at the bottom):
the person answers it, then goes on. Without this, a click under it waits until its timeout and
a conformant target ends in ERROR. Playwright's locator handler answers it before any action or
assertion that meets it; the person refuses what can be refused, else accepts (a banner that
only informs). The banner is found by its words (« cookie ») and its buttons' names, never by a
consent manager's markup."""
import re
import weakref

from playwright.sync_api import Locator, Page

REFUSE = re.compile(r"^\s*(tout refuser|refuser( tout| les cookies)?|je refuse|continuer sans "
                    r"accepter|non,? merci)\s*$", re.I)
ACCEPT = re.compile(r"^\s*(tout accepter|accepter( tout| les cookies)?|j'accepte|ok|d'accord|"
                    r"j'ai compris)\s*$", re.I)
_watched: weakref.WeakSet = weakref.WeakSet()  # the pages already watched


def _banner(page: Page) -> Locator:
    """The innermost blocks that speak of cookies and have an answer among their buttons."""
    answer = page.get_by_role("button", name=REFUSE).or_(page.get_by_role("button", name=ACCEPT))
    return page.locator("div, section, aside, dialog, form, footer").filter(
        has_text=re.compile("cookie", re.I)).filter(has=answer).last


def watch(page: Page) -> None:
    """Answers a consent banner whenever one covers `page` (once per page)."""
    if page in _watched:
        return
    _watched.add(page)
    banner = _banner(page)

    def answer(shown: Locator) -> None:
        refuse = shown.get_by_role("button", name=REFUSE)
        (refuse if refuse.count() else shown.get_by_role("button", name=ACCEPT)).first.click()

    page.add_locator_handler(banner, answer)
