"""The mutation campaign (`make mutation`, scripts/mutation.py): realistic mutants of the
reference app, several per requirement, each the bug a competent team could write on a path
the happy path does not walk (another scope, another instant, another order of events, another
character class). Each is a patch applied in the launcher process (`python -m tests.mutants
NAME`), or a configuration value; the app's code has no flag for any of them.

`CAMPAIGN[name].requirement` is the requirement whose scenarios must kill it; `area` adds
others whose scenarios walk the same path. `today` says whether the scenarios as they stood
before issue 13 killed it (measured, see the note): the ones they missed are why the suite
grew."""
import io
import re
from datetime import date, datetime, timedelta, timezone

from ameli_conformance.reference_app import auth, captcha, mail, reset
from ameli_conformance.reference_app.rules import PARIS, InvalidInput

from .mutants import (
    OF_THE_ADDRESS,
    Mutant,
    add_reason,
    after_render,
    clip_fetched_on_click,
    constraints_of_the_browser,
    on_app,
    password_rule,
    reworded_errors,
    rewrite,
    rewrite_pattern,
    sql_rewritten,
)


def _mutant(requirement, what, patch=None, settings=(), area=()):
    selection = ("-m", " or ".join((requirement, *area))) if area else ()
    return Mutant(requirement, what, selection=selection, settings=settings, patch=patch)


def _render_all(module, change):
    """Every page `module` renders, passed through `change(name, html)`."""
    after_render(module, lambda name, html, _context: change(name, html))


def _db():
    from ameli_conformance.reference_app.db import get_db

    return get_db()


# ------------------------------------------------------------------ E0, E1, E2-FORMULAIRE


def back_link_to_home():
    for module in (reset, auth):
        _render_all(module, lambda name, html: html.replace(
            'href="/connexion">Retourner à la page de connexion', 'href="/">Retourner à la '
            'page de connexion'))


def nir_key_ignored():
    original = reset.parse_nir

    def parse(value):
        raw = re.sub(r"\s+", "", value or "").upper()
        if len(raw) == 15 and re.fullmatch(r"[0-9AB]{15}", raw):
            return raw[:13]  # the key is not checked
        return original(value)

    reset.parse_nir = parse


def _key_computed_as(key):
    """The NIR's key compared with `key(n)` (n: the 13 digits as a number) before the app's own
    reading, at the request and at the login alike: a NIR whose key differs is refused."""
    for module in (reset, auth):
        original = module.parse_nir

        def parse(value, original=original):
            raw = re.sub(r"\s+", "", value or "")
            if len(raw) == 15 and raw.isdigit() and raw[13:] != key(int(raw[:13])):
                raise InvalidInput("La clé du numéro de sécurité sociale n'est pas valide.")
            return original(value)

        module.parse_nir = parse


def key_without_its_zero():
    """The NIR's key compared with `str(97 - n % 97)`, without `zfill(2)`: a key of 01 to 09 is
    typed « 07 », computed « 7 », and the NIR is refused as having a wrong key (one person in
    eleven), at the request and at the login alike."""
    _key_computed_as(lambda n: str(97 - n % 97))


def key_up_to_96():
    """The NIR's key computed `(97 - n % 97) % 97`, « a remainder, from 00 to 96 »: the 13 digits
    that are a multiple of 97 have the key 97 (python-stdnum's; the Assurance Maladie's own
    validator allows it), computed « 00 »: one person in 97 is refused."""
    _key_computed_as(lambda n: f"{(97 - n % 97) % 97:02d}")


def lenient_date():
    original = reset.parse_birth_date

    def parse(value, today):
        m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", (value or "").strip())
        if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[1]) <= 31:
            # like JavaScript's Date: 31/02 rolls over into March
            return date(int(m[3]), int(m[2]), 1) + timedelta(days=int(m[1]) - 1)
        return original(value, today)

    reset.parse_birth_date = parse


def help_text_no_error():
    """Errors only in a summary at the top; beside each field a help text that is always there."""
    help_p = '<p class="aide">Champ obligatoire : saisissez-le au format demandé.</p>'

    def change(name, html):
        if name != "reset/request.html":
            return html
        html = re.sub(r'<p class="erreur" id="[a-z_]+-erreur">[^<]*</p>', "", html)
        html = re.sub(r' aria-describedby="[a-z_]+-erreur"', "", html)
        return re.sub(r'(<input type="(?:text|email)"[^>]*>)', r"\1" + help_p, html)

    _render_all(reset, change)


# ------------------------------------------------------------------ E2-CAPTCHA-*


def global_captcha():
    """The series is kept for the whole server, not for the browser that shows it."""
    from flask import session

    state = {"id": None}
    original_issue, original_current = captcha.issue, captcha.current

    def issue():
        state["id"] = original_issue()
        return state["id"]

    def current():
        if state["id"] is None:
            return original_current()
        session["captcha_id"] = state["id"]
        return original_current()

    captcha.issue, captcha.current = issue, current


def previous_series_valid():
    from flask import session

    original_issue, original_check = captcha.issue, captcha.check

    def issue():
        old = captcha.current()
        session["captcha_previous"] = old["answer"] if old else None
        return original_issue()

    def check(typed):
        previous = session.pop("captcha_previous", None)
        result = original_check(typed)
        if result and previous and (typed or "").strip().upper() == previous and "délai" not in result:
            return None
        return result

    captcha.issue, captcha.check = issue, check


def last_character_ignored():
    original = captcha.check

    def check(typed):
        row = captcha.current()
        if row is not None:
            answer, typed_up = row["answer"], (typed or "").strip().upper()
            if typed_up and typed_up[: len(answer) - 1] == answer[:-1]:
                typed = answer  # the comparison stops one character short
        return original(typed)

    captcha.check = check


def _inherit_issued_at(when):
    from flask import request, session

    from ameli_conformance.reference_app.db import transaction

    original = captcha.issue

    def issue():
        old = captcha.current()
        keep = old["issued_at"] if old is not None else session.get("captcha_first")
        new_id = original()
        if keep is not None and when(request):
            with transaction() as db:
                db.execute("UPDATE captcha SET issued_at = ? WHERE id = ?", (keep, new_id))
        return new_id

    captcha.issue = issue


def arrow_keeps_timer():
    _inherit_issued_at(lambda r: r.method == "POST" and r.form.get("action") == "nouveau")


def error_keeps_timer():
    from flask import session

    original_check = captcha.check

    def check(typed):
        row = captcha.current()
        session["captcha_first"] = row["issued_at"] if row is not None else None
        return original_check(typed)

    captcha.check = check
    _inherit_issued_at(lambda r: r.method == "POST" and r.form.get("action") != "nouveau")


def listening_restarts_timer():
    """The clip made by the helper that makes the image, which stamps the series' time: each
    listening gives the series 5 minutes more. On a page whose microphone asks for the clip
    when clicked and keeps the page (the reference's link opens the clip as a page of its own,
    and the form comes back with a new series, which has its own 5 minutes anyway)."""
    from ameli_conformance.reference_app import clock
    from ameli_conformance.reference_app.db import transaction

    clip_fetched_on_click()

    def hook(app):
        original = app.view_functions["captcha.audio"]

        def audio():
            row = captcha.current()
            if row is not None:
                with transaction() as db:
                    db.execute("UPDATE captcha SET issued_at = ? WHERE id = ?",
                               (clock.timestamp(), row["id"]))
            return original()

        app.view_functions["captcha.audio"] = audio

    on_app(hook)


# ------------------------------------------------------------------ E3-ENVOI


def birth_date_ignored():
    original = reset._handle_request

    def handle(nir13, birth_date, email):
        row = _db().execute("SELECT birth_date FROM account WHERE nir13 = ?", (nir13,)).fetchone()
        return original(nir13, row["birth_date"] if row else birth_date, email)

    reset._handle_request = handle


def _account_email(nir13, birth_date):
    """The address of the account of this NIR and birth date, as kept (None without one)."""
    row = _db().execute("SELECT email FROM account WHERE nir13 = ? AND birth_date = ?",
                        (nir13, birth_date)).fetchone()
    return row["email"] if row else None


def typed_address_ignored():
    original = reset._handle_request

    def handle(nir13, birth_date, email):
        return original(nir13, birth_date, _account_email(nir13, birth_date) or email)

    reset._handle_request = handle


def address_case_sensitive():
    """The address looked for as typed, `email = ?` in SQL: typed with a capital, the account's
    is not found, and the page says sent, as for another address."""
    from flask import redirect, session, url_for

    original = reset._handle_request

    def handle(nir13, birth_date, email):
        kept = _account_email(nir13, birth_date)
        if kept and kept != email:
            session["masked_email"] = reset.mask_email(email)
            return redirect(url_for("reset.sent"))
        return original(nir13, birth_date, email)

    reset._handle_request = handle


def _refuse_nir(when):
    original = reset.parse_nir

    def parse(value):
        nir13 = original(value)
        if when(nir13):
            raise InvalidInput("Le numéro de sécurité sociale n'est pas valide.")
        return nir13

    reset.parse_nir = parse


def nir_spaces_refused(module=reset):
    """The NIR checked as typed, by a pattern of digits only, no space taken away: the number
    copied from the carte Vitale, with its spaces, is refused; on the request form, or, with
    `auth`, on the login page only (the request form takes the spaces away)."""
    original = module.parse_nir

    def parse(value):
        if re.search(r"\s", value or ""):
            raise InvalidInput("Le numéro de sécurité sociale ne doit contenir que des chiffres.")
        return original(value)

    module.parse_nir = parse


def _angles_escaped(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def password_escaped_in_html(at_login: bool = True, escape=None):
    """The password fields put through the site's « anti-XSS » helper (html.escape) before
    anything else, on the link's form and at the login alike: the two agree, but the rules see
    « &amp; » for « & », five characters for one. Without `at_login`, on the link's form only:
    a password holding « & », « < » or « > » no longer opens the account. `escape`: another
    helper (a hand-written one that escapes « < » and « > » only)."""
    import html

    from flask import request
    from werkzeug.datastructures import ImmutableMultiDict

    def hook(app):
        @app.before_request
        def _escaped():
            if request.method == "POST" and ((at_login and request.path == "/connexion")
                                             or "/renouveler/" in request.path):
                request.form = ImmutableMultiDict(
                    [(k, (escape or html.escape)(v) if k in ("password", "confirmation") else v)
                     for k, v in request.form.items(multi=True)])

    on_app(hook)


def leap_day_refused():
    original = reset.parse_birth_date

    def parse(value, today):
        born = original(value, today)
        if (born.month, born.day) == (2, 29):  # checked against a year that is not leap
            raise InvalidInput("Cette date de naissance n'existe pas.")
        return born

    reset.parse_birth_date = parse


def date_month_first():
    """The birth date read by dateutil's parser left as it comes (dayfirst=False): « 05/03/1980 »
    is the 3rd of May, « 25/03/1980 » still the 25th of March (no month 25), as a person whose
    day is 13 or more sees it."""
    from dateutil import parser

    original = reset.parse_birth_date

    def parse(value, today):
        original(value, today)  # the same errors for what is malformed
        return parser.parse(value.strip()).date()

    reset.parse_birth_date = parse


def address_checked_by(pattern: str):
    """The form's address checked by a hand-written pattern besides the reference's check, as
    teams write them: a valid address the account holds is refused when the pattern does not
    take it. `HAND_WRITTEN` gives three of them."""
    original = reset.parse_email

    def parse(value):
        address = original(value)
        if not re.fullmatch(pattern, address):
            raise InvalidInput("L'adresse mail n'est pas valide (exemple : nom@domaine.fr).")
        return address

    reset.parse_email = parse


HAND_WRITTEN = {
    # letters, digits, « . », « _ », « - »: « jean+ameli@gmail.com » refused
    "plus": r"[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    # the pattern most tutorials give: « + » passes, an apostrophe (« Marie-Anne.O'Neil@… ») not
    "apostrophe": r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    # a domain of letters, digits and dots: « jean.dupont@club-internet.fr » refused
    "tiret": r"[^@\s]+@[A-Za-z0-9.]+\.[A-Za-z]{2,}",
    # a domain of letters, dots and hyphens: « claire.martin@tele2.fr » refused
    "chiffre": r"[^@\s]+@[A-Za-z.-]+\.[A-Za-z]{2,}",
    # a top-level domain of two or three letters: « paul@mail.ville.paris » refused
    "extension": r"[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,3}",
}


def mask_registrable_domain():
    def mask(address):
        local, _, domain = address.partition("@")
        labels = domain.split(".")
        return f"{local[:1]}***@{labels[-2][:1]}***.{labels[-1]}"

    reset.mask_email = mask


# ------------------------------------------------------------------ E3BIS-2-BLOCAGE


def _unlimited(original, *args):
    """The reference's own handling of a request, its limit lifted (the mutant counts)."""
    from flask import current_app

    cfg = current_app.config
    saved, cfg["RESET_REQUEST_LIMIT"] = cfg["RESET_REQUEST_LIMIT"], 10**6
    try:
        return original(*args)
    finally:
        cfg["RESET_REQUEST_LIMIT"] = saved


def _count_sent(nir13):
    row = _db().execute("SELECT COUNT(*) FROM reset_request r JOIN account a ON a.id = "
                        "r.account_id WHERE a.nir13 = ?", (nir13,)).fetchone()
    return row[0]


def limit_per_session():
    """The requests are counted in the browser's session, not for the account."""
    from flask import current_app, redirect, session, url_for

    from ameli_conformance.reference_app import clock

    original = reset._handle_request

    def handle(nir13, birth_date, email):
        cfg = current_app.config
        now = clock.timestamp()
        mine = [t for t in session.get("demandes", []) if t > now - cfg["RESET_REQUEST_WINDOW"]]
        if len(mine) >= cfg["RESET_REQUEST_LIMIT"]:
            session["blocked_until"] = mine[0] + cfg["RESET_REQUEST_WINDOW"]
            return redirect(url_for("reset.blocked"))
        before = _count_sent(nir13)
        answer = _unlimited(original, nir13, birth_date, email)
        if _count_sent(nir13) > before:
            session["demandes"] = mine + [now]
        return answer

    reset._handle_request = handle


def limit_per_address():
    """The requests are counted for the address, not for the account: in a household that
    shares an address, one person's requests block the other's."""
    sql_rewritten(reset, lambda sql: sql.replace(
        "FROM reset_request WHERE account_id = ?", f"FROM reset_request WHERE account_id IN "
        f"{OF_THE_ADDRESS}"))


def links_superseded_by_address():
    """A new link stops the unused links of the address, not of the account: in a household
    that shares an address, one person's request makes the other's link useless."""
    reset.supersede_links = lambda db, account_id: db.execute(
        f"UPDATE reset_token SET superseded = 1 WHERE account_id IN {OF_THE_ADDRESS}"
        " AND used_at IS NULL", (account_id,))


def one_image_for_every_series():
    """The image is one picture whatever the series (drawn once): the form expects characters
    it does not show."""
    original = captcha._image
    kept = {}

    class Fixed:
        def generate(self, chars, format="png"):
            if "image" not in kept:
                kept["image"] = original.generate("ABCDEF", format=format).getvalue()
            return io.BytesIO(kept["image"])

    captcha._image = Fixed()


def image_of_the_first_series():
    """The browser keeps being served the picture of the first series it was shown (as a cache
    would, at an address that does not change): after the arrow, the form expects characters
    the image does not show."""
    import secrets

    from flask import session

    original = captcha._image
    served = {}

    class Stale:
        def generate(self, chars, format="png"):
            key = session.setdefault("image_servie", secrets.token_hex(8))
            if key not in served:
                served[key] = original.generate(chars, format=format).getvalue()
            return io.BytesIO(served[key])

    captcha._image = Stale()


def one_clip_for_every_series():
    """The microphone plays one sound file whatever the series (a clip recorded once)."""
    original = captcha._audio
    kept = {}

    class Fixed:
        def generate(self, chars):
            if "clip" not in kept:
                kept["clip"] = bytes(original.generate("ABCDEF"))
            return bytearray(kept["clip"])

    captcha._audio = Fixed()


def clip_of_a_new_series():
    """The clip is that of a new series, issued to be spoken (once per series shown: the
    browser's range requests hear the same one): the form expects it from then on, and the
    characters the image shows are refused."""
    from flask import session

    original = captcha._audio

    class Fresh:
        def generate(self, chars):
            if session.get("serie_parlee") != session.get("captcha_id"):
                session["serie_parlee"] = captcha.issue()
            return original.generate(captcha.current()["answer"])

    captcha._audio = Fresh()


def links_superseded_by_address_on_change():
    """A password changed stops the unused links of the address, not of the account (a request
    stops the account's only): in a household that shares an address, one person's change makes
    the other's pending link useless."""
    from flask import request

    original = reset.supersede_links

    def supersede(db, account_id):
        if request.endpoint != "reset.new_password":
            return original(db, account_id)
        db.execute(f"UPDATE reset_token SET superseded = 1 WHERE account_id IN {OF_THE_ADDRESS}"
                   " AND used_at IS NULL", (account_id,))

    reset.supersede_links = supersede


def fixed_window():
    """A window that starts at the first request and starts again once it is over: every
    request before is forgotten (a counter reset, not a rolling window)."""
    from flask import current_app, redirect, session, url_for

    from ameli_conformance.reference_app import clock

    starts = {}
    original = reset._handle_request

    def handle(nir13, birth_date, email):
        cfg = current_app.config
        now = clock.timestamp()
        start = starts.get(nir13)
        if start is None or now >= start + cfg["RESET_REQUEST_WINDOW"]:
            start = starts[nir13] = now
        count = _db().execute(
            "SELECT COUNT(*) FROM reset_request r JOIN account a ON a.id = r.account_id"
            " WHERE a.nir13 = ? AND r.requested_at >= ?", (nir13, start)).fetchone()[0]
        if count >= cfg["RESET_REQUEST_LIMIT"]:
            session["blocked_until"] = start + cfg["RESET_REQUEST_WINDOW"]
            return redirect(url_for("reset.blocked"))
        return _unlimited(original, nir13, birth_date, email)

    reset._handle_request = handle


def _after_blocked(action):
    """`action(nir13)` after each request the block refused (the reference's own answer kept)."""
    original = reset._handle_request

    def handle(nir13, birth_date, email):
        answer = original(nir13, birth_date, email)
        if "/bloque" in answer.location:
            action(nir13)
        return answer

    reset._handle_request = handle


def block_end_in_the_browsers_zone():
    """The block's end written by a script of the page, from its instant, in the browser's own
    time zone (`toLocaleString` without `timeZone`): right in Paris, the person's local time
    elsewhere (Guadeloupe, Réunion), though the page says « heure de Paris »."""
    from flask import session

    def change(name, html):
        if name != "reset/blocked.html":
            return html
        shown = re.search(r"\d{2}/\d{2}/\d{4} - \d{2}h\d{2}", html)[0]
        end_ms = -(-session["blocked_until"] // 60) * 60 * 1000  # the minute the page shows
        script = ('<span id="fin"></span><script>(() => { const d = new Date(%d); '
                  "const p = (n) => String(n).padStart(2, '0'); "
                  "document.getElementById('fin').textContent = `${p(d.getDate())}/"
                  "${p(d.getMonth() + 1)}/${d.getFullYear()} - ${p(d.getHours())}h"
                  "${p(d.getMinutes())}`; })();</script>" % end_ms)
        return html.replace(shown, script)

    _render_all(reset, change)


def block_end_on_the_requests_day():
    """The block's end written with the day of the refused request and the hour of the end
    (`f"{now:%d/%m/%Y} - {end:%Hh%M}"`): right unless the block runs past midnight."""
    from ameli_conformance.reference_app import clock

    def change(name, html):
        if name != "reset/blocked.html":
            return html
        today = datetime.fromtimestamp(clock.timestamp(), PARIS)
        return re.sub(r"\d{2}/\d{2}/\d{4}(?= - \d{2}h\d{2})", f"{today:%d/%m/%Y}", html, count=1)

    _render_all(reset, change)


def _block_end_written(minute):
    """The block's end written as the minute `minute(exact end)` gives, not the first minute at
    which a request works."""
    from flask import session

    def change(name, html):
        if name != "reset/blocked.html":
            return html
        end = minute(datetime.fromtimestamp(session["blocked_until"], PARIS))
        return re.sub(r"\d{2}/\d{2}/\d{4} - \d{2}h\d{2}", f"{end:%d/%m/%Y - %Hh%M}", html,
                      count=1)

    _render_all(reset, change)


def block_end_to_the_minute_below():
    """`strftime("%d/%m/%Y - %Hh%M")` of the exact end: the seconds cut off. Requests made at
    10h05 and 20 seconds end their block at 11h05 and 20 seconds, shown « 11h05 »: the person
    who comes back at 11h05 is still refused."""
    _block_end_written(lambda end: end)


def block_end_to_the_nearest_minute():
    """The exact end rounded to the nearest minute (`Math.round(ms / 60000)`): right when it
    falls in the second half of a minute, 20 seconds early in the first."""
    _block_end_written(lambda end: end + timedelta(seconds=30))


def errors_beside_the_next_field():
    """Each field's message of the request form shown beside the field after it (an index one
    off in a loop over the fields), the last one's beside the first."""
    original = reset.render_template
    order = ("nir", "birth_date", "email", "captcha")

    def render(name, **context):
        errors = context.get("errors")
        if name == "reset/request.html" and errors:
            context["errors"] = {order[(order.index(k) + 1) % 4]: v for k, v in errors.items()}
        return original(name, **context)

    reset.render_template = render


def image_cached_after_an_error():
    """The characters' image at one address, which the browser may keep an hour (`max-age`);
    only the arrow, a script's doing in many forms, asks it at a new address. After a wrong copy
    the server draws a new series and sends the form again: the image shown is the old one,
    kept by the browser, and the person copies characters that no longer count."""
    from flask import request

    def hook(app):
        @app.after_request
        def _cacheable(response):
            if request.path.endswith("/image"):
                response.headers["Cache-Control"] = "private, max-age=3600"
            return response

    on_app(hook)

    def change(name, html, context):
        arrow = bool(context.get("values")) and not context.get("errors")
        if name != "reset/request.html" or arrow:
            return html
        return re.sub(r'(<img src="[^"?]*/image)\?v=\d+"', r'\1"', html)

    after_render(reset, change)


def clip_of_the_first_series():
    """The browser keeps being served the clip of the first series it heard (generated once and
    kept for its session, as `image_of_the_first_series` does the picture): after the arrow, a
    new request at a new address still speaks the old characters."""
    import secrets

    from flask import session

    original = captcha._audio
    served = {}

    class Stale:
        def generate(self, chars):
            key = session.setdefault("extrait_servi", secrets.token_hex(8))
            if key not in served:
                served[key] = bytes(original.generate(chars))
            return served[key]

    captcha._audio = Stale()


# The arrow as a script: a new series asked for, its image shown, then `{then}` (what the script
# does to the audio element, `form` being the form).
ARROW_BY_SCRIPT = (
    '<button type="button" aria-label="Obtenir une nouvelle série de caractères" '
    'title="Nouvelle série" onclick="(async (form) => {{ const data = new FormData(form); '
    "data.set('action', 'nouveau'); await fetch(form.getAttribute('action'), {{method: 'POST', "
    "body: new URLSearchParams(data), credentials: 'same-origin'}}); const image = "
    "form.querySelector('fieldset img'); image.src = image.src.split('?')[0] + '?v=' + "
    'Date.now(); {then} }})(this.form)">&#x21bb;</button>')


def clip_loaded_before_the_arrow(then: str = ""):
    """The microphone plays an audio element the page loaded with it (`preload`, one address);
    the arrow, a script, asks for a new series and shows its image, and leaves the element as
    it was (or does `then` to it): after the arrow, the person who listens hears the first
    series, and copies characters that no longer count."""
    page = "reset/request.html"
    rewrite_pattern(reset, page, r'<button type="submit" name="action" value="nouveau"[^>]*>'
                                 r'&#x21bb;</button>', ARROW_BY_SCRIPT.format(then=then))
    rewrite_pattern(reset, page,
                    r'<a href="([^"?]*/audio)\?v=\d+" aria-label="([^"]*)" title="Écouter">'
                    r'(.*?)</a>',
                    r'<audio id="extrait" src="\1" preload="auto"></audio><button type="button" '
                    r'aria-label="\2" title="Écouter" '
                    r'onclick="this.previousElementSibling.play()">\3</button>')


def clip_reloaded_at_the_same_address():
    """As `clip_loaded_before_the_arrow`, the arrow's script also calling `load()` on the
    element, at the address it had: Chromium's media cache answers it with the data it holds,
    without a request (measured: no request after the arrow), so the first series plays."""
    clip_loaded_before_the_arrow(then="form.querySelector('audio').load();")


def blocked_attempts_counted():
    from ameli_conformance.reference_app import clock
    from ameli_conformance.reference_app.db import transaction

    def count(nir13):
        with transaction() as db:
            db.execute("INSERT INTO reset_request (account_id, requested_at) SELECT id, ? "
                       "FROM account WHERE nir13 = ?", (clock.timestamp(), nir13))

    _after_blocked(count)


def block_lifts_early():
    """Counted over 59 minutes, shown as if over 60."""
    from flask import session

    def shift(_nir13):
        session["blocked_until"] += 60

    _after_blocked(shift)


# ------------------------------------------------------------------ E4-*


def _token_row():
    from flask import request

    token = (request.view_args or {}).get("token", "")
    return _db().execute("SELECT * FROM reset_token WHERE token_hash = ?",
                         (reset._hash(token),)).fetchone()


def _ageless(valid_token, token):
    """`valid_token(token)` (the app's `_valid_token`) with no lifetime: the token's row while
    it is the latest and unused, however old."""
    from flask import current_app

    config = current_app.config
    saved, config["RESET_LINK_LIFETIME"] = config["RESET_LINK_LIFETIME"], 10**9
    try:
        return valid_token(token)
    finally:
        config["RESET_LINK_LIFETIME"] = saved


def expiry_checked_on_open_only():
    from flask import request

    original = reset._valid_token

    def valid(token):
        return original(token) if request.method != "POST" else _ageless(original, token)

    reset._valid_token = valid


def form_expires_after_opening():
    """The page of the new password kept 10 minutes from its opening, in the session (a form
    token with its own lifetime): a password sent more than 10 minutes after the link was
    opened is refused, though the link's 30 minutes are not over."""
    from flask import request, session

    from ameli_conformance.reference_app import clock

    original = reset._valid_token

    def valid(token):
        row = original(token)
        if row is None:
            return None
        if request.method == "GET":
            session["opened_at"] = clock.timestamp()
        elif clock.timestamp() - session.get("opened_at", 0) > 600:
            return None
        return row

    reset._valid_token = valid


def link_time_to_the_minute():
    """The link's instant kept to the minute (a column written « 2023-07-14 10:05 », a token
    carrying minutes since the epoch): a link requested at 10h05 and 40 seconds expires at
    10h35, 40 seconds before its 30 minutes are over."""
    original = reset._handle_request

    def handle(nir13, birth_date, email):
        from ameli_conformance.reference_app.db import transaction

        answer = original(nir13, birth_date, email)
        with transaction() as db:
            db.execute("UPDATE reset_token SET created_at = created_at - created_at % 60")
        return answer

    reset._handle_request = handle


def link_age_on_the_wall_clock():
    """The link's age read on Paris's wall clock without its offset, as a DATETIME column filled
    with local time gives it: the night of the autumn change, a link requested at 02h45 (summer
    time) is 29 minutes « old » 31 minutes later (02h16, winter time)."""
    from flask import current_app

    from ameli_conformance.reference_app import clock

    original = reset._valid_token

    def wall(timestamp):
        return datetime.fromtimestamp(timestamp, PARIS).replace(tzinfo=None)

    def valid(token):
        row = _ageless(original, token)
        if row is None:
            return None
        age = wall(clock.timestamp()) - wall(row["created_at"])
        return row if age.total_seconds() < current_app.config["RESET_LINK_LIFETIME"] else None

    reset._valid_token = valid


def lifetime_from_first_request():
    """A new link keeps the deadline of the link it replaces, if that one was still running."""
    from ameli_conformance.reference_app import clock
    from ameli_conformance.reference_app.db import transaction

    original = reset._handle_request

    def handle(nir13, birth_date, email):
        answer = original(nir13, birth_date, email)
        with transaction() as db:
            rows = db.execute(
                "SELECT t.id, t.created_at FROM reset_token t JOIN account a ON a.id = "
                "t.account_id WHERE a.nir13 = ? AND t.created_at > ? ORDER BY t.id",
                (nir13, clock.timestamp() - 1800)).fetchall()
            if len(rows) > 1:
                db.execute("UPDATE reset_token SET created_at = ? WHERE id = ?",
                           (rows[0]["created_at"], rows[-1]["id"]))
        return answer

    reset._handle_request = handle


def link_bound_to_the_browser():
    """The link works only in the browser that made the request (a pending renewal kept in the
    session): the person who reads the mail on their phone gets « lien expiré »."""
    from flask import session

    original_handle, original_valid = reset._handle_request, reset._valid_token

    def handle(nir13, birth_date, email):
        session["renouvellements"] = [*session.get("renouvellements", []), nir13]
        return original_handle(nir13, birth_date, email)

    def valid(token):
        row = original_valid(token)
        return row if row is not None and row["nir13"] in session.get("renouvellements", []) \
            else None

    reset._handle_request, reset._valid_token = handle, valid


def link_bound_to_the_device():
    """The link works only from the device that made the request, told by its user agent (a
    « device fingerprint » kept with the request, no session): opened on a phone, it is refused."""
    from flask import request

    devices, original_handle, original_valid = {}, reset._handle_request, reset._valid_token

    def handle(nir13, birth_date, email):
        devices[nir13] = request.headers.get("User-Agent", "")
        return original_handle(nir13, birth_date, email)

    def valid(token):
        row = original_valid(token)
        return row if row is not None and devices.get(row["nir13"]) == request.headers.get(
            "User-Agent", "") else None

    reset._handle_request, reset._valid_token = handle, valid


def links_superseded_per_browser():
    """A request stops the unused links that this browser asked for (kept in its session), not
    the account's: the person who asked on a phone, then on a computer, has two links that
    work."""
    from flask import request, session

    original = reset.supersede_links

    def supersede(db, account_id):
        if request.path != "/mot-de-passe-oublie":  # a password changed: every link stops
            return original(db, account_id)
        mine = session.get("mes_liens", [])
        db.execute(f"UPDATE reset_token SET superseded = 1 WHERE account_id = ? AND used_at IS "
                   f"NULL AND id IN ({', '.join('?' * len(mine)) or 'NULL'})", (account_id, *mine))

    reset.supersede_links = supersede
    handle = reset._handle_request

    def request_made(nir13, birth_date, email):
        before = _db().execute("SELECT COALESCE(MAX(id), 0) FROM reset_token").fetchone()[0]
        answer = handle(nir13, birth_date, email)
        made = _db().execute("SELECT id FROM reset_token WHERE id > ?", (before,)).fetchall()
        session["mes_liens"] = session.get("mes_liens", []) + [row["id"] for row in made]
        return answer

    reset._handle_request = request_made


def latest_unused_link():
    """No mark of replacement: a link works while it is the account's latest unused one (`ORDER
    BY created_at DESC LIMIT 1 … WHERE used_at IS NULL`). Once the latest is used, the one
    before it becomes the latest unused, and the older mail's link works again."""
    original = reset._valid_token
    reset.supersede_links = lambda db, account_id: None

    def valid(token):
        row = _token_row()
        if row is None or row["used_at"] is not None:
            return None
        newer = _db().execute("SELECT 1 FROM reset_token WHERE account_id = ? AND id > ? AND "
                              "used_at IS NULL", (row["account_id"], row["id"])).fetchone()
        return None if newer else original(token)

    reset._valid_token = valid


def used_mark_in_the_session():
    """The link's use kept in the browser's session (a signed token that carries the account
    and its date, and a list of the tokens this browser used): the same link, opened in
    another browser, records a password again."""
    from flask import request, session

    from ameli_conformance.reference_app.db import transaction

    def hook(app):
        view = app.view_functions["reset.new_password"]

        def new_password(token):
            if reset._hash(token) in session.get("liens_utilises", []):
                return reset.render_template("reset/invalid.html"), 410
            answer = view(token)
            if request.method == "POST" and getattr(answer, "status_code", None) == 302:
                with transaction() as db:
                    db.execute("UPDATE reset_token SET used_at = NULL WHERE token_hash = ?",
                               (reset._hash(token),))
                session["liens_utilises"] = session.get("liens_utilises", []) + [
                    reset._hash(token)]
            return answer

        app.view_functions["reset.new_password"] = new_password

    on_app(hook)


def superseded_checked_on_open_only():
    from flask import request

    from ameli_conformance.reference_app.db import transaction

    original = reset._valid_token

    def valid(token):
        if request.method != "POST":
            return original(token)
        row = _token_row()
        if row is None or not row["superseded"]:
            return original(token)
        with transaction() as db:
            db.execute("UPDATE reset_token SET superseded = 0 WHERE id = ?", (row["id"],))
        try:
            return original(token)
        finally:
            with transaction() as db:
                db.execute("UPDATE reset_token SET superseded = 1 WHERE id = ? AND used_at IS "
                           "NULL", (row["id"],))

    reset._valid_token = valid


def blocked_request_supersedes():
    from ameli_conformance.reference_app.db import transaction

    def supersede(nir13):
        with transaction() as db:
            db.execute("UPDATE reset_token SET superseded = 1 WHERE used_at IS NULL AND "
                       "account_id = (SELECT id FROM account WHERE nir13 = ?)", (nir13,))

    _after_blocked(supersede)


def text_part_of_the_first_mail():
    """The text part of the renewal mail is kept from the address's first one (a rendered part
    cached per recipient): from the second request on, its link is an old one."""
    first, sending = {}, {}
    original = mail.send_reset_link

    def send(to, link):
        sending["link"] = first.setdefault(to, link)
        return original(to, link)

    mail.send_reset_link = send
    after_render(mail, lambda name, text, context: text.replace(context["link"], sending["link"])
                 if name == "mail/reset.txt" else text)


def used_checked_on_open_only():
    """A used link is refused when it is opened, but a form opened before the change still
    records a password: the submission checks the link's expiry and replacement, not its use
    (and without the reference's guard, the change is made again)."""
    from flask import request

    from ameli_conformance.reference_app.db import transaction

    def set_used(row_id, used_at):
        with transaction() as db:
            db.execute("UPDATE reset_token SET used_at = ? WHERE id = ?", (used_at, row_id))

    def hook(app):
        view = app.view_functions["reset.new_password"]

        def new_password(token):
            row = _token_row() if request.method == "POST" else None
            used = row["used_at"] if row is not None else None
            if used is not None:
                set_used(row["id"], None)
            answer = view(token)
            if used is not None and getattr(answer, "status_code", None) != 302:
                set_used(row["id"], used)  # refused for a rule: the link stays as it was
            return answer

        app.view_functions["reset.new_password"] = new_password

    on_app(hook)


def mismatch_supersedes():
    """The new link replaces the old ones before the birth date and the address are compared:
    a request that names the account's number with a typo in the date or the address sends no
    mail, and yet the link of the last mail stops working."""
    from ameli_conformance.reference_app.db import transaction

    original = reset._handle_request

    def handle(nir13, birth_date, email):
        with transaction() as db:
            account = db.execute("SELECT * FROM account WHERE nir13 = ?", (nir13,)).fetchone()
            if account is not None and (account["birth_date"] != birth_date or (
                    account["email"] or "").lower() != email.lower()):
                reset.supersede_links(db, account["id"])
        return original(nir13, birth_date, email)

    reset._handle_request = handle


def address_in_the_title():
    """The page « Le mail a bien été envoyé » masks the address, and its title, shown in the
    browser's tab, gives it in clear."""
    from flask import session

    original = reset._handle_request

    def handle(nir13, birth_date, email):
        session["adresse_en_clair"] = email
        return original(nir13, birth_date, email)

    reset._handle_request = handle
    _render_all(reset, lambda name, html: html.replace(
        "<title>", f"<title>Envoyé à {session.get('adresse_en_clair', '')} - ", 1)
        if name == "reset/sent.html" else html)


def address_in_the_address_bar():
    """The page « Le mail a bien été envoyé » masks the address, and the address it is reached
    by (a redirection after the form, its query string) gives it in clear."""
    from urllib.parse import quote

    original = reset._handle_request

    def handle(nir13, birth_date, email):
        answer = original(nir13, birth_date, email)
        if answer.location.endswith("/envoye"):
            answer.location += f"?adresse={quote(email)}"
        return answer

    reset._handle_request = handle


def text_part_without_link():
    """The text part of the renewal mail names its link by a variable the code does not pass:
    Jinja writes nothing, and a reader of the text part has no link to follow."""
    _render_all(mail, lambda name, text: re.sub(r"https?://\S+", "", text)
                if name == "mail/reset.txt" else text)


def refusal_consumes_link():
    from ameli_conformance.reference_app import clock
    from ameli_conformance.reference_app.db import transaction

    original = reset.password_errors

    def check(password, confirmation, nir13, born):
        errors = original(password, confirmation, nir13, born)
        row = _token_row()
        if errors and row is not None:
            with transaction() as db:
                db.execute("UPDATE reset_token SET used_at = ? WHERE id = ?",
                           (clock.timestamp(), row["id"]))
        return errors

    reset.password_errors = check


# ------------------------------------------------------------------ E5-*


def _only(test, reason):
    """Replaces one rule's verdict: `test(password)` True means the rule is broken."""
    def change(password, errors):
        kept = [r for r in errors.get("password", []) if not r.startswith(reason[:30])]
        if test(password):
            kept.append(reason)
        if kept:
            errors["password"] = kept
        else:
            errors.pop("password", None)
        return errors

    password_rule(change)


ALLOWED_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?!$@&+_=*%/<>,.:;")
# Four digits that follow each other, up or down: « 0123 » to « 6789 », « 9876 » to « 3210 ».
SEQUENCES = ["0123456789"[i:i + 4] for i in range(7)] + ["9876543210"[i:i + 4] for i in range(7)]
CHARS_REASON = "Le mot de passe contient des caractères non autorisés"
DIGIT_REASON = "Le mot de passe doit contenir un chiffre ou un caractère spécial"
NIR_REASON = ("Le mot de passe ne doit pas contenir votre numéro de sécurité sociale, votre date "
              "de naissance ou une partie de celle-ci.")


def nir_by_blocks():
    original = reset.password_errors

    def check(password, confirmation, nir13, born):
        errors = original(password, confirmation, nir13, born)
        from ameli_conformance.reference_app.rules import birth_date_parts

        blocks = [nir13[i:i + 4] for i in (0, 4, 8)] + [nir13]
        bad = any(b in password for b in blocks) or any(p in password for p in birth_date_parts(born))
        kept = [r for r in errors.get("password", []) if r != NIR_REASON]
        if bad:
            kept.append(NIR_REASON)
        if kept:
            errors["password"] = kept
        else:
            errors.pop("password", None)
        return errors

    reset.password_errors = check


def date_forms_month_first():
    """The birth date's forms looked for month first, as an American date is written (MMJJAAAA,
    MMJJAA, AAAAMMJJ, AAAA, MMJJ): « JJMMAA » and « JJMM » go through."""
    from ameli_conformance.reference_app import rules

    def parts(born):
        d, m, y = f"{born.day:02d}", f"{born.month:02d}", f"{born.year:04d}"
        return [m + d + y, m + d + y[2:], y + m + d, y, m + d]

    rules.birth_date_parts = parts


def date_forms_unpadded():
    """The birth date's forms written without their zeros (`f"{d.day}{d.month}{d.year}"`, a
    JavaScript template without `padStart`): born on 15/03/1985, « 1531985 » is looked for and
    « 15031985 » goes through; born in October to December, nothing changes."""
    from ameli_conformance.reference_app import rules

    def parts(born):
        d, m, y = str(born.day), str(born.month), str(born.year)
        return [d + m + y, d + m + str(born.year % 100), y + m + d, y, d + m]

    rules.birth_date_parts = parts


def confirmation_rule(compare):
    original = reset.password_errors

    def check(password, confirmation, nir13, born):
        if confirmation and compare(password, confirmation):
            confirmation = password  # "the same", to this comparison
        return original(password, confirmation, nir13, born)

    reset.password_errors = check


def refused_password_saved():
    from werkzeug.security import generate_password_hash

    from ameli_conformance.reference_app.db import transaction

    original = reset.password_errors

    def check(password, confirmation, nir13, born):
        errors = original(password, confirmation, nir13, born)
        if errors.keys() == {"confirmation"}:
            with transaction() as db:  # saved first, the confirmation checked after
                db.execute("UPDATE account SET password_hash = ? WHERE nir13 = ?",
                           (generate_password_hash(password), nir13))
        return errors

    reset.password_errors = check


# ------------------------------------------------------------------ E6-*


def notice_with_request_time():
    original = mail.send_password_changed

    def send(to, changed_at):
        row = _token_row()
        moment = datetime.fromtimestamp(row["created_at"], timezone.utc).astimezone(PARIS)
        original(to, moment.strftime("%d/%m/%Y à %Hh%M"))

    mail.send_password_changed = send


def notice_on_opening_too():
    """The notice of a change also sent when the link is opened (one function that « uses » the
    token, called by both the page and its form): a mail says the password changed before it
    did, then another when it does."""
    from flask import request

    from ameli_conformance.reference_app import clock
    from ameli_conformance.reference_app.rules import format_paris

    def hook(app):
        @app.before_request
        def _notice_on_opening():
            if request.method == "GET" and request.endpoint == "reset.new_password":
                row = reset._valid_token(request.path.rsplit("/", 1)[-1])
                if row is not None:
                    mail.send_password_changed(row["email"],
                                               format_paris(clock.now()).replace(" - ", " à "))

    on_app(hook)


def notice_date_in_utc():
    original = mail.send_password_changed

    def send(to, changed_at):
        local = datetime.strptime(changed_at, "%d/%m/%Y à %Hh%M").replace(tzinfo=PARIS)
        day = local.astimezone(timezone.utc).strftime("%d/%m/%Y")
        original(to, f"{day} à {local:%Hh%M}")

    mail.send_password_changed = send


def notice_on_refusal():
    original = reset.password_errors

    def check(password, confirmation, nir13, born):
        errors = original(password, confirmation, nir13, born)
        if errors:
            row = _db().execute("SELECT email FROM account WHERE nir13 = ?", (nir13,)).fetchone()
            from ameli_conformance.reference_app import clock
            from ameli_conformance.reference_app.rules import format_paris

            mail.send_password_changed(row["email"], format_paris(clock.now()).replace(" - ", " à "))
        return errors

    reset.password_errors = check


def password_in_the_notice():
    """The notice's HTML part shows the new password, written as character references (as some
    mail builders write what they fear a filter would read); its text part does not."""
    from flask import request

    def change(name, html):
        if name == "mail/changed.html":
            shown = "".join(f"&#{ord(c)};" for c in request.form.get("password", ""))
            html = html.replace("<p>Bonjour,</p>",
                                f"<p>Bonjour,</p><p>Votre nouveau mot de passe : {shown}</p>")
        return html

    _render_all(mail, change)


def _fresh_token(to: str) -> str:
    """A new reset token of the account at `to`, valid as any other (a notice that offers one)."""
    import secrets

    from ameli_conformance.reference_app import clock
    from ameli_conformance.reference_app.db import get_db

    db, token = get_db(), secrets.token_urlsafe(32)
    account = db.execute("SELECT id FROM account WHERE email = ?", (to,)).fetchone()
    db.execute("INSERT INTO reset_token (account_id, token_hash, created_at) VALUES (?, ?, ?)",
               (account["id"], reset._hash(token), clock.timestamp()))
    return token


def _notice_offering(link_of, offer: str):
    """The change's notice offers `offer` with a link, `link_of(to)`, made when it is sent."""
    fresh = {}
    original = mail.send_password_changed

    def send(to, changed_at):
        fresh["link"] = link_of(to)
        original(to, changed_at)

    def change(name, html):
        if name in ("mail/changed.html", "mail/changed.txt"):
            link = fresh["link"]
            html = html.replace("Si vous n'êtes pas", (f'<p><a href="{link}">{offer}</a></p><p>'
                                                        if name.endswith("html")
                                                        else f"{offer} : {link}\n\n")
                                + "Si vous n'êtes pas")
        return html

    mail.send_password_changed = send
    _render_all(mail, change)


def new_link_in_the_notice():
    """The notice offers « Ce n'est pas vous ? » with a new link to choose a password (a fresh
    token, valid as any other), as some services write it to « secure the account »."""
    from flask import current_app, url_for

    _notice_offering(lambda to: current_app.config["PUBLIC_BASE_URL"]
                     + url_for("reset.new_password", token=_fresh_token(to)),
                     "Ce n'est pas vous ? Choisissez un nouveau mot de passe")


def securing_link_in_the_notice():
    """The notice offers « Ce n'est pas vous ? Sécurisez votre compte » on a page of its own
    (/securiser?t=…), which sends the person on to the new password's form with a fresh token:
    a way to choose a password all the same, by another address than the reset page's."""
    import secrets

    from flask import current_app, redirect, request, url_for

    waiting = {}

    def link_of(to):
        key = secrets.token_urlsafe(16)
        waiting[key] = _fresh_token(to)
        return current_app.config["PUBLIC_BASE_URL"] + f"/securiser?t={key}"

    def hook(app):
        def secure():
            token = waiting.get(request.args.get("t", ""))
            if token is None:
                return "Lien inconnu.", 404
            return redirect(url_for("reset.new_password", token=token))

        app.add_url_rule("/securiser", "securiser", secure)

    _notice_offering(link_of, "Ce n'est pas vous ? Sécurisez votre compte")
    on_app(hook)


def account_page_fails():
    from flask import request

    def hook(app):
        @app.after_request
        def _broken(response):
            if request.path == "/compte" and response.status_code == 200:
                response.status_code = 500
                response.set_data("<html lang=fr><body><h1>Erreur</h1><p>Le service est "
                                  "momentanément indisponible.</p></body></html>")
            return response

    on_app(hook)


def previous_password_kept():
    from werkzeug.security import check_password_hash

    previous = {}  # new hash -> the hash it replaced
    original_hash = reset.generate_password_hash

    def remember(password, **how):
        new = original_hash(password, **how)
        row = _token_row()
        if row is not None:
            previous[new] = _db().execute("SELECT password_hash FROM account WHERE id = ?",
                                          (row["account_id"],)).fetchone()[0]
        return new

    reset.generate_password_hash = remember
    original_check = auth.check_password_hash

    def check(stored, password):
        return original_check(stored, password) or (
            stored in previous and check_password_hash(previous[stored], password))

    auth.check_password_hash = check


# ------------------------------------------------------------------ CONNEXION-BLOCAGE


def login_failures_per_session():
    from flask import current_app, session

    original = auth.login

    def login():
        cfg = current_app.config
        saved = cfg["LOGIN_FAILURE_LIMIT"]
        failures = session.get("echecs", 0)
        cfg["LOGIN_FAILURE_LIMIT"] = 10**6 if failures + 1 < saved else 1
        try:
            answer = original()
        finally:
            cfg["LOGIN_FAILURE_LIMIT"] = saved
        body = answer if isinstance(answer, str) else ""
        if "incorrect" in body or "bloqué" in body:
            session["echecs"] = failures + 1
        return answer

    on_app(lambda app: app.view_functions.__setitem__("auth.login", login))


def _on_the_wall_clock(module):
    """`module`'s instants kept on Paris's wall clock without its offset, as a DATETIME column
    filled with local time keeps them: the night of the autumn change, the hour from 02h00 to
    03h00 comes twice."""
    from types import SimpleNamespace

    from ameli_conformance.reference_app import clock

    def wall_timestamp():
        return clock.now().astimezone(PARIS).replace(tzinfo=timezone.utc).timestamp()

    module.clock = SimpleNamespace(timestamp=wall_timestamp, now=clock.now)


def login_block_on_the_wall_clock():
    """The login's block kept on the wall clock: the night of the autumn change, a block from
    02h50 (summer time) lasts until 03h05 on the wall clock, that is 1 h 15."""
    _on_the_wall_clock(auth)


def requests_on_the_wall_clock():
    """The requests kept on the wall clock, the block's end shown as that clock gives it: the
    night of the autumn change, the window of an hour counts the hour from 02h00 to 03h00 once
    on the wall, and the end shown is an hour off once the clock has gone back."""
    _on_the_wall_clock(reset)
    reset.format_paris = lambda moment: moment.strftime("%d/%m/%Y - %Hh%M")


def captcha_on_the_wall_clock():
    """The series' display kept on the wall clock: the night of the autumn change, a series shown
    at 02h57 (summer time) and copied 5 min 1 s later (02h02, winter time) is 55 minutes
    « younger » than its display, and accepted."""
    _on_the_wall_clock(captcha)


def _login_block_counted_from(pick):
    """The login's block counted from `pick(instants)` of the series' wrong passwords (the one
    that blocks last), not from the one that blocks."""
    from flask import g, request

    from ameli_conformance.reference_app import clock
    from ameli_conformance.reference_app.db import transaction
    from ameli_conformance.reference_app.rules import parse_nir

    errors = {}

    def hook(app):
        @app.before_request
        def _note_the_error():
            if request.method != "POST" or request.path != "/connexion":
                return
            try:
                nir13 = parse_nir(request.form.get("nir", ""))
            except InvalidInput:
                return
            row = _db().execute("SELECT id, login_failures, login_blocked_until FROM account "
                                "WHERE nir13 = ?", (nir13,)).fetchone()
            if row is not None:
                g.login_account, g.blocked_before = row["id"], row["login_blocked_until"]
                if row["login_failures"] == 0:
                    errors[row["id"]] = []
                errors[row["id"]].append(clock.timestamp())

        @app.after_request
        def _block_from_it(response):
            account = getattr(g, "login_account", None)
            if account is not None:
                with transaction() as db:
                    until = db.execute("SELECT login_blocked_until FROM account WHERE id = ?",
                                       (account,)).fetchone()[0]
                    if until and until != g.blocked_before:
                        db.execute("UPDATE account SET login_blocked_until = ? WHERE id = ?",
                                   (pick(errors[account]) + app.config["LOGIN_BLOCK_DURATION"],
                                    account))
            return response

    on_app(hook)


def login_block_from_the_first_error():
    """Whoever errs over a few minutes is blocked for less than the duration."""
    _login_block_counted_from(lambda instants: instants[0])


def login_block_from_the_error_before():
    """The instant of the last error read before it is updated (`last_failure_at` of the row as
    it was): the block counts from the error before the one that blocks."""
    _login_block_counted_from(lambda instants: instants[-2])


def request_lifts_login_block():
    """A request for a new password (the mail sent) lifts the login's block, not the new
    password: whoever knows the number, the birth date and the address may go on guessing the
    password at once."""
    original = reset.supersede_links

    def supersede(db, account_id):
        original(db, account_id)
        db.execute("UPDATE account SET login_failures = 0, login_blocked_until = NULL WHERE id = ?",
                   (account_id,))

    reset.supersede_links = supersede


def opening_lifts_login_block():
    """Opening the link of the mail lifts the login's block (« the person proved the mailbox is
    theirs »), before any new password: whoever reads the mail may go on guessing at once."""
    from ameli_conformance.reference_app.db import transaction

    original = reset._valid_token

    def valid(token):
        row = original(token)
        if row is not None:
            with transaction() as db:
                db.execute("UPDATE account SET login_failures = 0, login_blocked_until = NULL "
                           "WHERE id = ?", (row["account_id"],))
        return row

    reset._valid_token = valid


def refused_password_lifts_login_block(once_confirmed: bool = False):
    """Sending the link's form lifts the login's block before the new password is checked (« the
    person proved the mailbox is theirs »): refused, the password of before opens the account at
    once, and whoever reads the mail may go on guessing it. `once_confirmed`: the lift comes
    after the two fields are found equal and before the password's rules (Django's way: the form
    compares the fields, a validator called after it checks the rules)."""
    from flask import request

    from ameli_conformance.reference_app.db import transaction

    def hook(app):
        @app.before_request
        def _lift():
            if request.method == "POST" and "/renouveler/" in request.path:
                if once_confirmed and request.form.get("password") != request.form.get(
                        "confirmation"):
                    return
                row = _token_row()
                if row is not None:
                    with transaction() as db:
                        db.execute("UPDATE account SET login_failures = 0, login_blocked_until = "
                                   "NULL WHERE id = ?", (row["account_id"],))

    on_app(hook)


def reset_keeps_login_block():
    from flask import g, request

    def hook(app):
        @app.before_request
        def _remember_block():
            if request.method == "POST" and "/renouveler/" in request.path:
                row = _token_row()
                if row is not None:
                    g.block = _db().execute("SELECT login_blocked_until FROM account WHERE id = "
                                            "?", (row["account_id"],)).fetchone()[0]
                    g.account = row["account_id"]

    on_app(hook)
    original = reset.supersede_links

    def supersede(db, account_id):
        original(db, account_id)
        if getattr(g, "block", None) and getattr(g, "account", None) == account_id:
            db.execute("UPDATE account SET login_blocked_until = ? WHERE id = ?",
                       (g.block, account_id))

    reset.supersede_links = supersede


# The request form's messages as a validator written in English gives them (each has « format »
# or « incorrect », which French shares).
IN_ENGLISH = {
    "Veuillez saisir votre numéro de sécurité sociale.": "Invalid NIR format",
    "Le numéro de sécurité sociale ne doit contenir que des chiffres.": "Invalid NIR format",
    "Le numéro de sécurité sociale comporte 13 chiffres, ou 15 avec la clé.": "Invalid NIR format",
    "La clé du numéro de sécurité sociale n'est pas valide.": "Incorrect NIR key",
    "Veuillez saisir votre date de naissance.": "Invalid date format",
    "La date de naissance doit être au format jj/mm/aaaa.": "Invalid date format",
    "Cette date de naissance n'existe pas.": "Incorrect date",
    "La date de naissance ne peut pas être dans le futur.": "Incorrect date",
    "Veuillez saisir l'adresse mail associée à votre compte ameli.": "Invalid email format",
    "L'adresse mail n'est pas valide (exemple : nom@domaine.fr).": "Invalid email format",
}


def _extra_rule(what, reason, breaks):
    """A rule the guide does not have, refusing with `reason` the passwords it `breaks`: any
    scenario that has a password accepted may catch it, not only its own requirement's."""
    return _mutant("E5-CARACTERES-AUTORISES", f"une règle de plus que le guide : {what}",
                   patch=lambda: add_reason(reason, breaks),
                   area=("E5-LONGUEUR", "E5-CASSE", "E5-CHIFFRE-OU-SPECIAL", "E5-SANS-NIR-NI-DATE",
                         "E5-CONFIRMATION", "E6-CONNEXION", "E6-CONFIRMATION"))


CAMPAIGN = {
    # E0, E1, E2-FORMULAIRE
    "connexion-vers-creation": _mutant(
        "E0-ACCES", "« Connectez-vous » mène à la création de compte",
        patch=lambda: rewrite(auth, "auth/home.html", 'href="/connexion"', 'href="/creation"')),
    "oubli-vers-accueil": _mutant(
        "E1-CONNEXION", "« Mot de passe oublié ? » mène à l'accueil",
        patch=lambda: rewrite(auth, "auth/login.html", 'href="/mot-de-passe-oublie"', 'href="/"')),
    "retour-vers-accueil": _mutant(
        "E2-FORMULAIRE", "« Retourner à la page de connexion » mène à l'accueil",
        patch=back_link_to_home, area=("E3-ENVOI", "E3BIS-1-SANS-MAIL", "E5-FORMULAIRE")),
    "cle-nir-ignoree": _mutant("E2-FORMULAIRE", "la clé du numéro n'est pas vérifiée",
                               patch=nir_key_ignored),
    "cle-sans-zero": _mutant(
        "E3-ENVOI", "la clé du numéro comparée sans son zéro (« 7 » pour 07) : un numéro dont la "
        "clé va de 01 à 09 est refusé", patch=key_without_its_zero),
    "cle-97-refusee": _mutant(
        "E3-ENVOI", "la clé du numéro calculée « (97 - n % 97) % 97 », de 00 à 96 : un numéro dont "
        "la clé est 97 (un sur 97) est refusé", patch=key_up_to_96),
    "date-souple": _mutant("E2-FORMULAIRE", "le 31/02 devient le 03/03 (date « souple »)",
                           patch=lenient_date),
    "erreurs-en-anglais": _mutant(
        "E2-FORMULAIRE", "les erreurs du formulaire en anglais, d'un validateur laissé tel quel : "
        "« Invalid NIR format », « Invalid date format », « Invalid email format »…",
        patch=lambda: reworded_errors(IN_ENGLISH)),
    "aide-sans-erreur": _mutant(
        "E2-FORMULAIRE", "les erreurs en haut seulement ; à côté des champs, une aide toujours là",
        patch=help_text_no_error),
    # E2-CAPTCHA-*
    "captcha-global": _mutant("E2-CAPTCHA-IMAGE", "la série vaut pour tout le serveur, pas "
                              "pour le navigateur qui l'affiche", patch=global_captcha,
                              area=("E2-CAPTCHA-NOUVEAU", "E2-CAPTCHA-ERREUR")),
    "image-unique": _mutant("E2-CAPTCHA-IMAGE", "l'image est la même quelle que soit la série",
                            patch=one_image_for_every_series),
    "son-unique": _mutant("E2-CAPTCHA-AUDIO", "le microphone fait entendre le même fichier son "
                          "quelle que soit la série", patch=one_clip_for_every_series),
    "son-d-une-nouvelle-serie": _mutant("E2-CAPTCHA-AUDIO", "l'extrait est celui d'une nouvelle "
                                        "série, que le formulaire attend dès lors",
                                        patch=clip_of_a_new_series),
    "image-de-la-premiere-serie": _mutant("E2-CAPTCHA-NOUVEAU", "après la flèche, l'image "
                                          "montre toujours la première série",
                                          patch=image_of_the_first_series),
    "image-en-cache-apres-erreur": _mutant(
        "E2-CAPTCHA-ERREUR", "après une copie erronée, la nouvelle série tirée mais l'ancienne "
        "image montrée (gardée par le navigateur : une seule adresse, seule la flèche en change)",
        patch=image_cached_after_an_error, area=("E2-CAPTCHA-5MIN", "E2-FORMULAIRE")),
    "son-de-la-premiere-serie": _mutant(
        "E2-CAPTCHA-AUDIO", "le serveur garde l'extrait de la première série pour la session : "
        "après la flèche, une nouvelle adresse fait entendre l'ancienne série",
        patch=clip_of_the_first_series),
    "son-d-avant-la-fleche": _mutant(
        "E2-CAPTCHA-AUDIO", "le microphone joue l'extrait chargé avec la page ; la flèche, un "
        "script, ne change que l'image : après elle, on entend l'ancienne série",
        patch=clip_loaded_before_the_arrow),
    "son-recharge-a-la-meme-adresse": _mutant(
        "E2-CAPTCHA-AUDIO", "la flèche, un script, recharge l'élément audio à la même adresse "
        "(`load()`) : Chromium rejoue les données qu'il a déjà, sans rien redemander",
        patch=clip_reloaded_at_the_same_address),
    "serie-precedente-valable": _mutant("E2-CAPTCHA-NOUVEAU", "après la flèche, la série "
                                        "précédente vaut encore", patch=previous_series_valid),
    "dernier-caractere-ignore": _mutant("E2-CAPTCHA-ERREUR", "la comparaison s'arrête un "
                                        "caractère trop tôt", patch=last_character_ignored),
    "fleche-garde-le-chrono": _mutant("E2-CAPTCHA-5MIN", "la flèche ne relance pas les 5 minutes",
                                      patch=arrow_keeps_timer),
    "demandes-a-l-heure-affichee": _mutant(
        "E3BIS-2-BLOCAGE", "les demandes gardées à l'heure de Paris sans son décalage, la fin du "
        "blocage affichée de même", patch=requests_on_the_wall_clock),
    "captcha-a-l-heure-affichee": _mutant(
        "E2-CAPTCHA-5MIN", "l'affichage de la série gardé à l'heure de Paris sans son décalage : "
        "la nuit du passage à l'heure d'hiver, des caractères vieux de 5 min 1 s sont acceptés",
        patch=captcha_on_the_wall_clock),
    "erreur-garde-le-chrono": _mutant("E2-CAPTCHA-5MIN", "après une erreur, la nouvelle série "
                                      "garde les minutes de l'ancienne", patch=error_keeps_timer),
    "ecoute-relance-le-chrono": _mutant("E2-CAPTCHA-5MIN", "écouter les caractères relance les 5 "
                                        "minutes de la série", patch=listening_restarts_timer),
    # E3-ENVOI
    "erreur-a-cote-du-champ-suivant": _mutant(
        "E2-FORMULAIRE", "le message de chaque champ affiché à côté du champ suivant",
        patch=errors_beside_the_next_field, area=("E2-CAPTCHA-ERREUR",)),
    "date-ignoree": _mutant("E3-ENVOI", "la date de naissance n'est pas comparée",
                            patch=birth_date_ignored),
    "adresse-saisie-ignoree": _mutant("E3-ENVOI", "le mail part au compte même si l'adresse "
                                      "saisie est une autre", patch=typed_address_ignored),
    "adresse-sensible-a-la-casse": _mutant("E3-ENVOI", "l'adresse cherchée telle que saisie : "
                                           "écrite avec une majuscule, le compte n'est pas trouvé",
                                           patch=address_case_sensitive),
    "corse-refusee": _mutant("E3-ENVOI", "un numéro 2A/2B est refusé",
                             patch=lambda: _refuse_nir(lambda n: not n.isdigit())),
    "numero-avec-espaces-refuse": _mutant(
        "E3-ENVOI", "le numéro saisi avec les espaces de la carte Vitale est refusé",
        patch=nir_spaces_refused),
    "etranger-refuse": _mutant("E3-ENVOI", "un numéro de né à l'étranger (99) est refusé",
                               patch=lambda: _refuse_nir(lambda n: n[5:7] == "99")),
    "date-mois-en-premier": _mutant(
        "E3-ENVOI", "la date de naissance lue mois d'abord quand le jour est 12 ou moins (le "
        "lecteur de dates de dateutil laissé par défaut)", patch=date_month_first),
    "adresse-avec-plus-refusee": _mutant(
        "E3-ENVOI", "le formulaire refuse une adresse avec « + » (jean+ameli@gmail.com), que le "
        "compte a pourtant", patch=lambda: address_checked_by(HAND_WRITTEN["plus"])),
    "adresse-avec-apostrophe-refusee": _mutant(
        "E3-ENVOI", "le formulaire vérifie l'adresse par le motif des tutoriels : « + » passe, "
        "l'apostrophe (Marie-Anne.O'Neil@laposte.net), que le compte a pourtant, non",
        patch=lambda: address_checked_by(HAND_WRITTEN["apostrophe"])),
    "domaine-avec-chiffre-refuse": _mutant(
        "E3-ENVOI", "le formulaire refuse un chiffre dans le domaine de l'adresse "
        "(claire.martin@tele2.fr), que le compte a pourtant",
        patch=lambda: address_checked_by(HAND_WRITTEN["chiffre"])),
    "domaine-avec-tiret-refuse": _mutant(
        "E3-ENVOI", "le formulaire refuse un tiret dans le domaine de l'adresse "
        "(jean.dupont@club-internet.fr), que le compte a pourtant",
        patch=lambda: address_checked_by(HAND_WRITTEN["tiret"])),
    "extension-longue-refusee": _mutant(
        "E3-ENVOI", "le formulaire veut une extension de domaine de 2 ou 3 lettres : "
        "paul@mail.ville.paris, que le compte a pourtant, est refusée",
        patch=lambda: address_checked_by(HAND_WRITTEN["extension"])),
    "29-fevrier-refuse": _mutant("E3-ENVOI", "le 29 février est refusé", patch=leap_day_refused),
    "adresse-dans-le-titre": _mutant("E3-ENVOI", "l'adresse masquée dans la page, en clair dans "
                                     "son titre (l'onglet)", patch=address_in_the_title),
    "adresse-dans-l-url": _mutant("E3-ENVOI", "l'adresse masquée dans la page, en clair dans "
                                  "l'adresse de la page (après la redirection)",
                                  patch=address_in_the_address_bar),
    "masque-domaine-principal": _mutant("E3-ENVOI", "le masque prend la première lettre du "
                                        "domaine principal", patch=mask_registrable_domain),
    # E3BIS-1
    "non-validee-sans-retour": _mutant(
        "E3BIS-1-SANS-MAIL", "la page « envoi impossible » n'offre pas le retour",
        patch=lambda: rewrite(reset, "reset/impossible.html",
                              '<a href="/connexion">Retourner à la page de connexion</a>', "")),
    # E3BIS-2
    "blocage-sans-retour": _mutant(
        "E3BIS-2-BLOCAGE", "la page du blocage n'offre pas le retour à la page de connexion",
        patch=lambda: rewrite(reset, "reset/blocked.html",
                              '<a href="/connexion">Retourner à la page de connexion</a>', "")),
    "limite-par-navigateur": _mutant("E3BIS-2-BLOCAGE", "les demandes sont comptées par "
                                     "navigateur", patch=limit_per_session),
    "limite-par-adresse": _mutant("E3BIS-2-BLOCAGE", "les demandes sont comptées par adresse "
                                  "mail, pas par compte", patch=limit_per_address),
    "fenetre-fixe": _mutant("E3BIS-2-BLOCAGE", "la période repart de zéro à la fin du blocage",
                            patch=fixed_window),
    "fin-du-blocage-a-l-heure-du-navigateur": _mutant(
        "E3BIS-2-BLOCAGE", "la fin du blocage écrite par un script de la page, à l'heure du "
        "navigateur : juste à Paris, l'heure locale de la personne ailleurs",
        patch=block_end_in_the_browsers_zone),
    "fin-du-blocage-au-jour-de-la-demande": _mutant(
        "E3BIS-2-BLOCAGE", "la fin du blocage écrite avec le jour de la demande refusée et "
        "l'heure de la fin : fausse quand le blocage passe minuit",
        patch=block_end_on_the_requests_day),
    "fin-du-blocage-a-la-minute-d-avant": _mutant(
        "E3BIS-2-BLOCAGE", "la fin du blocage écrite sans ses secondes (à la minute d'avant) : "
        "la personne qui revient à l'heure affichée est encore refusée",
        patch=block_end_to_the_minute_below),
    "fin-du-blocage-a-la-minute-la-plus-proche": _mutant(
        "E3BIS-2-BLOCAGE", "la fin du blocage arrondie à la minute la plus proche : 20 secondes "
        "trop tôt quand elle tombe dans la première moitié d'une minute",
        patch=block_end_to_the_nearest_minute),
    "tentatives-bloquees-comptees": _mutant("E3BIS-2-BLOCAGE", "une demande refusée compte "
                                            "comme une demande", patch=blocked_attempts_counted),
    "blocage-leve-une-minute-tot": _mutant(
        "E3BIS-2-BLOCAGE", "comptée sur 59 minutes, la fin affichée sur 60",
        patch=block_lifts_early, settings=("RESET_REQUEST_WINDOW=3540",)),
    # E4-*
    "version-texte-du-premier-mail": _mutant(
        "E4-MAIL", "la version texte du mail garde le lien du premier mail de l'adresse",
        patch=text_part_of_the_first_mail),
    "version-texte-sans-lien": _mutant(
        "E4-MAIL", "la version texte du mail n'a pas le lien (variable absente du modèle)",
        patch=text_part_without_link),
    "expiration-verifiee-a-l-ouverture": _mutant(
        "E4-LIEN-30MIN", "les 30 minutes ne sont vérifiées qu'à l'ouverture du lien",
        patch=expiry_checked_on_open_only),
    "formulaire-expire-apres-10-minutes": _mutant(
        "E4-LIEN-30MIN", "la page du nouveau mot de passe ne vaut que 10 minutes après "
        "l'ouverture du lien (un jeton de formulaire à sa propre durée)",
        patch=form_expires_after_opening),
    "lien-a-la-minute": _mutant(
        "E4-LIEN-30MIN", "l'heure du lien gardée à la minute : il expire jusqu'à 59 secondes "
        "avant ses 30 minutes", patch=link_time_to_the_minute),
    "lien-a-l-heure-affichee": _mutant(
        "E4-LIEN-30MIN", "l'âge du lien compté sur l'heure de Paris sans son décalage (1 h 30 la "
        "nuit du passage à l'heure d'hiver)", patch=link_age_on_the_wall_clock),
    "delai-de-la-premiere-demande": _mutant(
        "E4-LIEN-30MIN", "le nouveau lien garde l'échéance du lien qu'il remplace",
        patch=lifetime_from_first_request),
    "lien-lie-au-navigateur": _mutant(
        "E4-LIEN-30MIN", "le lien ne fonctionne que dans le navigateur de la demande (la demande "
        "gardée en session)", patch=link_bound_to_the_browser, area=("E4-MAIL",)),
    "lien-lie-a-l-appareil": _mutant(
        "E4-LIEN-30MIN", "le lien ne fonctionne que depuis l'appareil de la demande (son nom, "
        "le user agent, gardé avec la demande)", patch=link_bound_to_the_device,
        area=("E4-MAIL",)),
    "lien-expire-trop-tot": _mutant(
        "E4-LIEN-30MIN", "le lien expire après 29 min 30 s (la page d'erreur a le même titre)",
        settings=("RESET_LINK_LIFETIME=1770",)),
    "liens-remplaces-par-navigateur": _mutant(
        "E4-DERNIER-LIEN", "une demande ne rend caducs que les liens demandés depuis le même "
        "navigateur (gardés dans sa session)", patch=links_superseded_per_browser),
    "dernier-lien-non-utilise": _mutant(
        "E4-DERNIER-LIEN", "seul le plus récent des liens non utilisés fonctionne : une fois "
        "celui-ci utilisé, le lien du mail d'avant redevient le plus récent et fonctionne",
        patch=latest_unused_link),
    "remplacement-verifie-a-l-ouverture": _mutant(
        "E4-DERNIER-LIEN", "un lien remplacé n'est refusé qu'à l'ouverture",
        patch=superseded_checked_on_open_only),
    "demande-bloquee-annule-les-liens": _mutant(
        "E4-DERNIER-LIEN", "une demande refusée (blocage) annule le lien du dernier mail",
        patch=blocked_request_supersedes),
    "liens-remplaces-par-adresse": _mutant(
        "E4-DERNIER-LIEN", "une demande rend caducs les liens de l'adresse, pas ceux du compte",
        patch=links_superseded_by_address),
    "liens-remplaces-par-adresse-au-changement": _mutant(
        "E4-DERNIER-LIEN", "un changement de mot de passe rend caducs les liens de l'adresse",
        patch=links_superseded_by_address_on_change),
    "demande-erronee-annule-les-liens": _mutant(
        "E4-DERNIER-LIEN", "une demande dont la date ou l'adresse est fausse (aucun mail) annule "
        "le lien du dernier mail", patch=mismatch_supersedes),
    "usage-unique-verifie-a-l-ouverture": _mutant(
        "E4-USAGE-UNIQUE", "un lien utilisé n'est refusé qu'à l'ouverture : un formulaire ouvert "
        "avant enregistre encore", patch=used_checked_on_open_only),
    "usage-dans-la-session": _mutant(
        "E4-USAGE-UNIQUE", "l'usage du lien gardé dans la session du navigateur : ouvert dans un "
        "autre navigateur, le même lien enregistre encore un mot de passe",
        patch=used_mark_in_the_session),
    "refus-consomme-le-lien": _mutant(
        "E4-USAGE-UNIQUE", "un mot de passe refusé consomme le lien",
        patch=refusal_consumes_link, area=("E5-LONGUEUR", "E5-CASSE", "E5-SANS-NIR-NI-DATE")),
    # E5-*
    "mot-de-passe-echappe-en-html": _mutant(
        "E5-LONGUEUR", "le mot de passe échappé en HTML avant d'être vérifié, au formulaire du "
        "lien comme à la connexion : « & » y compte pour cinq caractères",
        patch=password_escaped_in_html),
    "chevrons-echappes": _mutant(
        "E5-LONGUEUR", "le mot de passe passé par un filtre écrit à la main, qui échappe « < » et "
        "« > » seulement, au formulaire du lien comme à la connexion : « < » y compte pour quatre",
        patch=lambda: password_escaped_in_html(escape=_angles_escaped)),
    "mot-de-passe-echappe-au-renouvellement": _mutant(
        "E5-CHIFFRE-OU-SPECIAL", "le mot de passe échappé en HTML au formulaire du lien, pas à la "
        "connexion : « & », « < » ou « > » enregistrés autrement que tapés",
        patch=lambda: password_escaped_in_html(at_login=False)),
    "regle-sans-euro": _mutant(
        "E5-FORMULAIRE", "la règle affichée omet « € »",
        patch=lambda: rewrite(reset, "reset/new_password.html", "$ € @", "$ @")),
    "longueur-51-acceptee": _mutant(
        "E5-LONGUEUR", "51 caractères acceptés",
        patch=lambda: _only(lambda p: not 8 <= len(p) <= 51,
                            "Le mot de passe doit comporter entre 8 et 50 caractères.")),
    "champ-limite-a-40": _mutant(
        "E5-LONGUEUR", "le champ du nouveau mot de passe s'arrête à 40 caractères (maxlength) : "
        "50 ne peuvent pas être saisis", patch=lambda: constraints_of_the_browser(longest=40)),
    "champ-exige-10": _mutant(
        "E5-LONGUEUR", "le navigateur exige 10 caractères (minlength) : 8 sont refusés",
        patch=lambda: constraints_of_the_browser(shortest=10)),
    "casse-une-seule": _mutant(
        "E5-CASSE", "une minuscule ou une majuscule suffit",
        patch=lambda: _only(lambda p: not re.search(r"[a-zA-Z]", p),
                            "Le mot de passe doit contenir des lettres latines minuscules et "
                            "majuscules.")),
    "zero-n-est-pas-un-chiffre": _mutant(
        "E5-CHIFFRE-OU-SPECIAL", "« 0 » ne compte pas comme un chiffre",
        patch=lambda: _only(lambda p: not re.search(r"[1-9]", p)
                            and not any(c in "?!$€@&+_=*%/<>,.:;" for c in p),
                            DIGIT_REASON + " parmi ? ! $ € @ & + _ = * % / < > , . : ;")),
    "liste-noire": _mutant(
        "E5-CARACTERES-AUTORISES", "seuls l'espace, # - ' \" ( ~ et les caractères non ASCII "
        "sont refusés", patch=lambda: _only(
            lambda p: any(c in " #-'\"(~" or not c.isascii() for c in p if c != "€"),
            CHARS_REASON + " : ?")),
    "chiffres-unicode": _mutant(
        "E5-CARACTERES-AUTORISES", "tout chiffre Unicode est autorisé (² ３)",
        patch=lambda: _only(lambda p: any(c not in ALLOWED_ASCII and c != "€" and not c.isdigit()
                                          for c in p), CHARS_REASON + " : ?")),
    "caracteres-refuses-sans-raison": _mutant(
        "E5-CARACTERES-AUTORISES", "un caractère non autorisé refusé d'un mot qui ne dit pas "
        "lequel ni pourquoi : « Le mot de passe n'est pas valide. »",
        patch=lambda: password_rule(lambda _p, errors: {**errors, "password": [
            "Le mot de passe n'est pas valide." if r.startswith(CHARS_REASON) else r
            for r in errors["password"]]} if "password" in errors else errors)),
    "caracteres-verifies-sans-debut": _mutant(
        "E5-CARACTERES-AUTORISES", "les caractères vérifiés par un motif ancré à la fin seulement "
        "(/[A-Za-z0-9…]+$/) : un caractère non autorisé au début passe",
        patch=lambda: _only(lambda p: not re.search(r"[A-Za-z0-9?!$€@&+_=*%/<>,.:;]+$", p),
                            CHARS_REASON + " : ?")),
    "date-mois-d-abord": _mutant(
        "E5-SANS-NIR-NI-DATE", "la date de naissance cherchée mois d'abord (MMJJ pour JJMM)",
        patch=date_forms_month_first),
    "date-sans-zeros": _mutant(
        "E5-SANS-NIR-NI-DATE", "les formes de la date de naissance écrites sans leurs zéros "
        "(« 1531985 » pour le 15/03/1985)", patch=date_forms_unpadded),
    "nir-par-blocs": _mutant("E5-SANS-NIR-NI-DATE", "le numéro vérifié par blocs de 4 chiffres "
                             "(positions 1, 5, 9)", patch=nir_by_blocks),
    "tout-nombre-de-4-chiffres": _mutant(
        "E5-SANS-NIR-NI-DATE", "toute suite de 4 chiffres est refusée",
        patch=lambda: add_reason(NIR_REASON, when=lambda p: re.search(r"\d{4}", p))),
    "lettre-repetee-refusee": _extra_rule(
        "pas trois fois le même caractère à la suite (« aaa »)",
        "Le mot de passe ne doit pas contenir trois fois le même caractère à la suite.",
        lambda password: re.search(r"(.)\1\1", password) is not None),
    "suite-de-chiffres-refusee": _extra_rule(
        "pas quatre chiffres qui se suivent (« 1234 », « 9876 »)",
        "Le mot de passe ne doit pas contenir une suite de chiffres.",
        lambda password: any(s in password for s in SEQUENCES)),
    "motif-clavier-refuse": _extra_rule(
        "pas de suite du clavier (« azerty », « qwerty »)",
        "Le mot de passe ne doit pas contenir une suite de touches du clavier.",
        lambda password: re.search("azerty|qwerty", password, re.I) is not None),
    "confirmation-sans-casse": _mutant(
        "E5-CONFIRMATION", "la confirmation comparée sans la casse",
        patch=lambda: confirmation_rule(lambda p, c: p.lower() == c.lower())),
    "confirmation-prefixe": _mutant(
        "E5-CONFIRMATION", "une confirmation qui commence le mot de passe suffit",
        patch=lambda: confirmation_rule(lambda p, c: p.startswith(c))),
    "refus-enregistre-quand-meme": _mutant(
        "E5-CONFIRMATION", "le mot de passe est enregistré avant que la confirmation soit "
        "comparée", patch=refused_password_saved),
    # E6-*
    "notification-heure-de-la-demande": _mutant(
        "E6-MAIL-NOTIFICATION", "le mail donne l'heure de la demande", patch=notice_with_request_time),
    "notification-date-utc": _mutant(
        "E6-MAIL-NOTIFICATION", "la date du mail en UTC, l'heure en heure de Paris",
        patch=notice_date_in_utc),
    "notification-a-l-ouverture": _mutant(
        "E6-MAIL-NOTIFICATION", "le mail de changement part aussi à l'ouverture du lien",
        patch=notice_on_opening_too),
    "notification-sur-refus": _mutant(
        "E6-MAIL-NOTIFICATION", "un mail de changement part aussi quand le mot de passe est "
        "refusé", patch=notice_on_refusal),
    "notification-avec-le-mot-de-passe": _mutant(
        "E6-MAIL-NOTIFICATION", "le mail montre le nouveau mot de passe, en références de "
        "caractères HTML", patch=password_in_the_notice),
    "notification-avec-un-nouveau-lien": _mutant(
        "E6-MAIL-NOTIFICATION", "le mail du changement propose « Ce n'est pas vous ? » avec un "
        "nouveau lien pour choisir un mot de passe", patch=new_link_in_the_notice),
    "notification-avec-un-lien-de-securisation": _mutant(
        "E6-MAIL-NOTIFICATION", "le mail du changement propose « Ce n'est pas vous ? Sécurisez "
        "votre compte », une page à elle qui mène au formulaire du nouveau mot de passe",
        patch=securing_link_in_the_notice),
    "compte-en-erreur": _mutant("E6-CONNEXION", "la connexion mène à une page d'erreur (500)",
                                patch=account_page_fails),
    "ancien-mot-de-passe-garde": _mutant("E6-CONNEXION", "le mot de passe d'avant reste "
                                         "valable", patch=previous_password_kept),
    "connexion-avec-espaces-refusee": _mutant(
        "E6-CONNEXION", "la page de connexion contrôle le numéro par un motif de chiffres seuls : "
        "les espaces de la carte Vitale, que le formulaire de la demande retire, y sont refusés",
        patch=lambda: nir_spaces_refused(auth)),
    # CONNEXION-BLOCAGE
    "erreurs-par-navigateur": _mutant("CONNEXION-BLOCAGE", "les erreurs sont comptées par "
                                      "navigateur", patch=login_failures_per_session),
    "erreurs-jamais-remises-a-zero": _mutant(
        "CONNEXION-BLOCAGE", "une connexion réussie ne remet pas à zéro le compte des erreurs : "
        "une erreur de temps en temps finit par bloquer la connexion",
        patch=lambda: sql_rewritten(auth, lambda sql: sql.replace(
            "SET login_failures = 0, login_blocked_until = NULL", "SET login_blocked_until = NULL"))),
    "bloque-une-erreur-trop-tot": _mutant("CONNEXION-BLOCAGE", "bloqué à 4 erreurs au lieu de 5",
                                          settings=("LOGIN_FAILURE_LIMIT=4",)),
    "blocage-10-minutes": _mutant("CONNEXION-BLOCAGE", "le blocage dure 10 minutes au lieu de "
                                  "15", settings=("LOGIN_BLOCK_DURATION=600",)),
    "blocage-depuis-la-premiere-erreur": _mutant(
        "CONNEXION-BLOCAGE", "le blocage compté depuis la première erreur de la série, pas depuis "
        "celle qui bloque", patch=login_block_from_the_first_error),
    "blocage-depuis-l-erreur-d-avant": _mutant(
        "CONNEXION-BLOCAGE", "le blocage compté depuis l'erreur d'avant celle qui bloque (l'heure "
        "de la dernière erreur lue avant d'être mise à jour)",
        patch=login_block_from_the_error_before),
    "blocage-a-l-heure-affichee": _mutant(
        "CONNEXION-BLOCAGE", "le blocage compté sur l'heure de Paris sans son décalage (1 h 15 la "
        "nuit du passage à l'heure d'hiver)", patch=login_block_on_the_wall_clock),
    "demande-leve-le-blocage": _mutant(
        "CONNEXION-BLOCAGE", "une demande de renouvellement (le mail envoyé) lève le blocage de la "
        "connexion, avant tout nouveau mot de passe", patch=request_lifts_login_block),
    "ouverture-du-lien-leve-le-blocage": _mutant(
        "CONNEXION-BLOCAGE", "ouvrir le lien du mail lève le blocage de la connexion, avant tout "
        "nouveau mot de passe", patch=opening_lifts_login_block),
    "mot-de-passe-refuse-leve-le-blocage": _mutant(
        "CONNEXION-BLOCAGE", "envoyer le formulaire du lien lève le blocage de la connexion, même "
        "quand le nouveau mot de passe est refusé", patch=refused_password_lifts_login_block),
    "regle-refusee-leve-le-blocage": _mutant(
        "CONNEXION-BLOCAGE", "envoyer le formulaire du lien lève le blocage de la connexion dès que "
        "la confirmation est égale au mot de passe, avant que ses règles ne le refusent",
        patch=lambda: refused_password_lifts_login_block(once_confirmed=True)),
    "renouvellement-garde-le-blocage": _mutant(
        "CONNEXION-BLOCAGE", "un nouveau mot de passe ne lève pas le blocage",
        patch=reset_keeps_login_block),
}
