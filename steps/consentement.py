"""A cookie consent banner over the pages (a consent manager's modal layer, a bar at the bottom):
the person answers it, then goes on. Without this, a click under it waits until its timeout and
a conformant target ends in ERROR. Playwright's locator handler answers it before any action or
assertion that meets it; the person refuses what can be refused, else accepts (a banner that
only informs). The banner is found by its words (« cookie ») and its buttons' names, never by a
consent manager's markup, in the page or in an iframe laid over it. Each answer is noted for the
scenario's report (`answered`)."""
import re
import weakref

from playwright.sync_api import Locator, Page

REFUSE = re.compile(r"^\s*(tout refuser|refuser\b.*|je refuse\b.*|continuer sans accepter\b.*|"
                    r"non,? merci)\s*$", re.I)
ACCEPT = re.compile(r"^\s*(tout accepter|accepter\b.*|j['’]accepte\b.*|ok|d['’]accord|j['’]ai compris)"
                    r"\s*$", re.I)
ABOUT = re.compile(r"cookie|traceur", re.I)  # the CNIL's word for them: « cookies et traceurs »
_watched: weakref.WeakSet = weakref.WeakSet()  # the pages already watched


def _banner(within) -> Locator:
    """The innermost blocks that speak of cookies and have an answer among their buttons, in the
    page or in one of its iframes (`within`, a FrameLocator)."""
    return within.locator("div, section, aside, dialog, form, footer").filter(
        has_text=ABOUT).filter(has=_answers(within, REFUSE).or_(_answers(within, ACCEPT))).last


def _answers(within, name: re.Pattern) -> Locator:
    """Buttons, or links that answer (« Continuer sans accepter » is often one)."""
    return within.get_by_role("button", name=name).or_(within.get_by_role("link", name=name))


def watch(page: Page, answered: list) -> None:
    """Answers a consent banner whenever one covers `page` (once per page); each answer is noted
    in `answered` (the button's name: the report says what the run clicked of its own accord).

    Playwright checks a handler's locator before every action, so that locator is a cue that
    costs next to nothing: a page whose text speaks of cookies, or a visible iframe. The banner
    itself (its innermost block, its role-named buttons) is looked for only then: watching for
    it directly, before every action, cost about a tenth of a run's CPU on pages with no banner
    at all (README, speed). The cue is the banner's own condition on the words, on the whole
    page: any banner meets it. (Words of an answer added to it missed « …des cookies » followed
    by a button « OK »: the page's text runs them together, « cookiesOK ».)"""
    if page in _watched:
        return
    _watched.add(page)

    def answer(shown: Locator) -> None:
        refuse = _answers(shown, REFUSE)
        button = (refuse if refuse.count() else _answers(shown, ACCEPT)).first
        name = " ".join(button.inner_text().split())
        button.click()
        answered.append(f"« {name} » sur un bandeau de cookies")

    def look(_cue: Locator) -> None:
        """The banner of the page, else one in a visible iframe (some consent managers draw
        theirs in an iframe over the page); a page that only mentions cookies (a link « Gestion
        des cookies » at the foot), or an iframe with no banner (a map), is left as it is and the
        action goes on."""
        banner = _banner(page)
        if banner.is_visible():
            answer(banner)
            banner.wait_for(state="hidden")  # gone, or fading out over the button
            return
        frames = page.locator("iframe").filter(visible=True)
        for n in range(frames.count()):
            inside = _banner(frames.nth(n).content_frame)
            if inside.is_visible():
                answer(inside)
                return

    cue = page.locator("body").filter(has_text=ABOUT)
    page.add_locator_handler(cue.or_(page.locator("iframe").filter(visible=True)), look,
                             no_wait_after=True)
