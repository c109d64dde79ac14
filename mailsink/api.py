"""The Mailpit REST API v1 subset, over the store (see ../shared/contracts/mailpit-swagger.json)."""
import functools

from flask import Flask, Response, jsonify, request

from .store import Store


def _page(value, default):
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return default


def create_api(store: Store) -> Flask:
    app = Flask(__name__)

    def listing(found):
        start = _page(request.args.get("start"), 0)
        limit = _page(request.args.get("limit"), 50) or 50
        page = found[start : start + limit]
        total, unread = store.count()
        return jsonify(
            total=total,
            unread=unread,
            count=len(page),  # legacy field Mailpit still sends
            messages_count=len(found),
            messages_unread=sum(1 for m in found if not m.read),
            start=start,
            tags=[],
            messages=[m.summary() for m in page],
        )

    def text(body, status=200):
        return Response(body, status=status, mimetype="text/plain")

    def lookup(message_id):
        if message_id == "latest":
            found = store.newest_first(request.args.get("query") or None)
            return found[0] if found else None
        return store.get(message_id)

    @app.get("/readyz")
    @app.get("/livez")
    def ready():
        return text("ok")

    @app.get("/api/v1/messages")
    def messages():
        return listing(store.newest_first())

    @app.delete("/api/v1/messages")
    def delete_messages():
        body = request.get_json(silent=True) or {}
        ids = body.get("IDs") if isinstance(body, dict) else None
        store.delete(ids if ids else None)
        return text("ok")

    @app.get("/api/v1/search")
    def search():
        query = request.args.get("query", "")
        if not query.strip():
            return text("no search query", 400)
        return listing(store.newest_first(query))

    @app.delete("/api/v1/search")
    def delete_search():
        query = request.args.get("query", "")
        if not query.strip():
            return text("no search query", 400)
        store.delete([m.id for m in store.newest_first(query)])
        return text("ok")

    def with_message(view):
        """Resolves <message_id> (or `latest`, with an optional `query`), else a 404 in text."""
        @functools.wraps(view)
        def wrapper(message_id):
            found = lookup(message_id)
            if found is None:
                return text("message not found", 404)
            return view(found)
        return wrapper

    @app.get("/api/v1/message/<message_id>")
    @with_message
    def message(found):
        found.read = True
        return jsonify(found.detail())

    @app.get("/api/v1/message/<message_id>/headers")
    @with_message
    def headers(found):
        return jsonify(found.headers())

    @app.get("/api/v1/message/<message_id>/raw")
    @with_message
    def raw(found):
        return Response(found.raw, mimetype="text/plain")

    @app.get("/view/<message_id>.html")
    @with_message
    def view_html(found):
        return Response(found.html, mimetype="text/html")

    @app.get("/view/<message_id>.txt")
    @with_message
    def view_text(found):
        return text(found.text)

    return app
