"""Reference implementation of the guide "Pas-à-pas : Mot de passe oublié".

An application factory in the manner of Flask's tutorial (flaskr): `create_app(test_config)`.
It is the harness's embedded default target and the proof that every scenario is satisfiable.
"""
import os
import secrets

from flask import Flask

DEFAULTS = dict(
    # Where the reset links in the mails point: set to the server's own address at start-up.
    PUBLIC_BASE_URL="http://127.0.0.1:5000",
    SMTP_HOST="127.0.0.1",
    SMTP_PORT=1025,
    SMTP_TIMEOUT=10,
    MAIL_FROM_NAME="Votre Assurance Maladie",
    MAIL_FROM_ADDRESS="ne-pas-repondre@assurance-maladie.example",
    # The guide's figures.
    RESET_LINK_LIFETIME=30 * 60,  # seconds: "valable pour une durée de 30 minutes"
    CAPTCHA_LIFETIME=5 * 60,  # seconds: "L'assuré dispose de 5 minutes"
    # The interpretations the guide leaves open (../shared/design/requirements.md).
    RESET_REQUEST_LIMIT=3,
    RESET_REQUEST_WINDOW=60 * 60,
    LOGIN_FAILURE_LIMIT=5,
    LOGIN_BLOCK_DURATION=15 * 60,
    CAPTCHA_LENGTH=6,
    # The test-only control API answers only when a token is set (never in production).
    CONTROL_TOKEN=None,
    # Forms are small: a larger body is refused (413, a French page) before it is read.
    MAX_CONTENT_LENGTH=64 * 1024,
    SESSION_COOKIE_SAMESITE="Lax",
    # How the passwords chosen at step 5 are hashed: None is werkzeug's default (scrypt, about
    # 0.1 s of CPU at each change and each login), as in production. The harness's embedded
    # target, which runs with its control API on loopback for fictitious persons, sets a cheap
    # one (fixtures/launch.py): the guide says nothing of the hash.
    PASSWORD_HASH_METHOD=None,
)


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=secrets.token_hex(32),
        DATABASE=os.path.join(app.instance_path, "reference_app.sqlite"),
        **DEFAULTS,
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    os.makedirs(os.path.dirname(app.config["DATABASE"]) or ".", exist_ok=True)

    from . import auth, captcha, control, db, errors, reset, security

    db.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(reset.bp)
    app.register_blueprint(captcha.bp)
    if app.config.get("CONTROL_TOKEN"):
        app.register_blueprint(control.bp)
    return app
