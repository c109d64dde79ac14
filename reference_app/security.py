"""What every page sends and every form checks.

- Headers: no referrer (the reset link carries a token), no caching, no framing, no sniffing.
- Cross-site submissions (SEC-CSRF): the session cookie is `SameSite=Lax`, so a form posted
  from another site carries no session (hence no CAPTCHA); and a POST whose browser says it
  comes from elsewhere is refused with a French page before anything is read or written:
  `Sec-Fetch-Site` other than same-origin or none, or else an `Origin` other than this site's.
  With `Referrer-Policy: no-referrer` browsers send `Origin: null` on every form POST, so a null
  Origin says nothing; `Sec-Fetch-Site` (sent by current browsers) decides then.
"""
from urllib.parse import urlsplit

from flask import current_app, request

from .errors import page


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _cross_site() -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site", "").lower()
    if fetch_site:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        return False  # no browser's word on it (the SameSite cookie still holds)
    own = {_origin(current_app.config["PUBLIC_BASE_URL"]), _origin(request.host_url)}
    return origin.lower() not in own


def init_app(app):
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)

    @app.before_request
    def _refuse_cross_site():
        if request.method == "POST" and request.blueprint != "control" and _cross_site():
            return page("Cette demande ne vient pas du site du compte ameli : elle est refusée. "
                        "Rien n'a été enregistré.", 403)
        return None

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Cache-Control", "no-store")
        return response
