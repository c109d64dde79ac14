"""The SQLite connection, owned here (one per request, closed at teardown)."""
import sqlite3
from contextlib import contextmanager

import click
from flask import current_app, g


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(
            current_app.config["DATABASE"], timeout=30, isolation_level=None
        )
        g.db.row_factory = sqlite3.Row
        g.db.execute("PRAGMA foreign_keys = ON")
    return g.db


def close_db(e=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@contextmanager
def transaction():
    """BEGIN IMMEDIATE: takes the write lock at once, so that check-then-write is atomic."""
    db = get_db()
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")


def init_db():
    db = get_db()
    db.execute("PRAGMA journal_mode = WAL")
    with current_app.open_resource("schema.sql") as f:
        db.executescript(f.read().decode("utf8"))


def clear_db():
    with transaction() as db:
        for table in ("captcha", "reset_token", "reset_request", "account"):
            db.execute(f"DELETE FROM {table}")


@click.command("init-db")
def init_db_command():
    init_db()
    click.echo("Base initialisée.")


def init_app(app):
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
    with app.app_context():
        init_db()
