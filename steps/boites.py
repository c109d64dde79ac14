"""The browser's own boxes (`alert`, `confirm`, `prompt`), answered as a person answers them: OK.
Playwright dismisses them when nobody listens: a `confirm` before a form is sent then cancels
the sending, and a message said only in an `alert` is never read. Older sites do both (« Confirmez-
vous … ? » before a change; « Votre mot de passe a bien été enregistré. » in a box, then the
login page): the harness waited for a page that never came, ERROR on every change of password,
until 2026-12-05 (`boites-de-dialogue`). What an `alert` says is kept for the person's reading of
the page (Ui.lines, Ui.new_alerts); a `confirm`'s question is no answer of the site, and is not."""
import weakref

from playwright.sync_api import Dialog, Page

_watched: "weakref.WeakSet[Page]" = weakref.WeakSet()


def watch(page: Page, said: list[str]) -> None:
    """Answers every box of `page` (once per page); what each `alert` says goes into `said`."""
    if page in _watched:
        return
    _watched.add(page)

    def answer(dialog: Dialog) -> None:
        if dialog.type == "alert":
            said.append(" ".join(dialog.message.split()))
        dialog.accept(dialog.default_value) if dialog.type == "prompt" else dialog.accept()

    page.on("dialog", answer)
