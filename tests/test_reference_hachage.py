"""How the reference app hashes the passwords chosen at step 5: scrypt (werkzeug's default) as in
production; a cheap hash in the instance the harness runs with its control token
(fixtures/launch.py, TEST_HASH), where scrypt cost a tenth of a serial run."""
from ameli_conformance.fixtures.personas import conforming_password, make_persona
from ameli_conformance.reference_app import create_app, reset

from .reference_http import ReferenceApp, path_of


def test_production_hashes_with_scrypt(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "db.sqlite")})
    with app.app_context():
        stored = reset._password_hash("Motdepasse1!")
    assert stored.startswith("scrypt:"), stored


def test_only_the_instance_with_a_control_token_is_told_to_hash_cheaply(tmp_path):
    from ameli_conformance.fixtures.launch import TEST_HASH
    from ameli_conformance.fixtures.targets import start_embedded

    for control, told in ((True, True), (False, False)):
        target = start_embedded(tmp_path / str(control), tmp_path / f"logs-{control}",
                                control=control)
        try:
            assert (TEST_HASH in target.processes[-1].argv) is told, control
        finally:
            target.stop()


def test_the_harness_instance_hashes_cheaply_and_the_password_works(tmp_path):
    app = ReferenceApp(tmp_path)
    try:
        persona = make_persona()
        app.control.create_account(persona)
        visitor = app.visitor()
        path = path_of(visitor.reset_link(persona))
        password = conforming_password()
        assert visitor.http.get(path).status_code == 200
        changed = visitor.http.post(path, data={"password": password, "confirmation": password})
        assert changed.status_code == 302, changed.status_code
        (stored,) = app.rows("SELECT password_hash FROM account")[0]
        assert stored.startswith("pbkdf2:sha256:1000$"), stored.split("$")[0]
        login = app.visitor()
        opened = login.http.post("/connexion", data={"nir": persona.nir, "password": password})
        assert opened.status_code == 302, opened.status_code
        for v in (visitor, login):
            v.close()
    finally:
        app.stop()
