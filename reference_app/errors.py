"""Every refusal a person can meet is a French page: HTTP errors (400, 403, 404, 405, 413...),
a database too busy to answer in time, and anything unforeseen (logged, never shown)."""
import sqlite3

from flask import current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "La demande n'est pas valide.",
    403: "Cette demande a été refusée.",
    404: "Cette page n'existe pas.",
    405: "Cette action n'est pas possible sur cette page.",
    413: "Les informations envoyées sont trop longues.",
    414: "L'adresse de la page est trop longue.",
    431: "La demande porte des en-têtes trop longs.",
}


def page(message: str, status: int):
    return render_template("errors/error.html", message=message), status


def init_app(app):
    @app.errorhandler(HTTPException)
    def _http(exc):
        if exc.code is None or exc.code < 400:
            return exc
        if request.blueprint == "control":  # the control API answers in JSON, as its contract says
            if exc.code == 413:
                return jsonify(error="corps de requête trop long"), 400
            return jsonify(error=MESSAGES.get(exc.code, "requête refusée")), exc.code
        return page(MESSAGES.get(exc.code, "Cette demande ne peut pas aboutir."), exc.code)

    @app.errorhandler(sqlite3.OperationalError)
    def _busy(exc):
        current_app.logger.error("base de données indisponible : %s", exc)
        return page("Le service est momentanément surchargé : veuillez réessayer dans "
                    "quelques minutes. Votre demande n'a pas été prise en compte.", 503)

    @app.errorhandler(Exception)
    def _unforeseen(exc):
        if isinstance(exc, HTTPException):
            return _http(exc)
        current_app.logger.exception("erreur imprévue")
        return page("Une erreur est survenue : votre demande n'a pas été prise en compte. "
                    "Veuillez réessayer plus tard.", 500)
