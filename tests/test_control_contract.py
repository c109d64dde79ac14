"""The control contract, contracts/control-api.yaml: a valid OpenAPI 3.1 document, implemented
exactly by the reference app, and followed by every answer of both implementations the tests run
(the reference app, and the second implementation of tests/autre_impl)."""
from datetime import datetime, timezone

import httpx
import pytest
from openapi_spec_validator import validate

from ameli_conformance import contract
from ameli_conformance.fixtures.personas import make_persona
from ameli_conformance.reference_app import create_app


def test_the_document_is_a_valid_openapi_3_1_document():
    document = contract.load()
    assert document["openapi"].startswith("3.1")
    validate(document)  # raises on any error of the document


def test_every_operation_names_its_capability():
    names = set(contract.capability_names())
    assert names == {"accounts", "captcha", "clock", "reset"}
    for method, path, capability in contract.operations():
        assert capability is None or capability in names, (method, path)
    assert ("GET", "/", None) in contract.operations()  # capabilities: always offered


def test_the_reference_app_implements_exactly_the_document(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "db.sqlite"),
                      "CONTROL_TOKEN": "secret"})
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("control."):
            path = rule.rule.removeprefix("/_control") or "/"
            routes.update((m, path.rstrip("/") or "/") for m in rule.methods - {"HEAD", "OPTIONS"})
    documented = {(m, p) for m, p, _ in contract.operations()}
    assert routes == documented


def test_the_checker_names_what_is_off_contract():
    assert contract.check_response("GET", "/clock", 200, {"now": "2026-01-01T00:00:00+00:00",
                                                          "frozen": True}) == []
    wrong = contract.check_response("GET", "/clock", 200, {"now": 5})
    assert any("frozen" in p for p in wrong) and any("now" in p for p in wrong)
    assert "non prévu" in contract.check_response("GET", "/clock", 201, None)[0]
    assert "absent du contrat" in contract.check_response("GET", "/heure", 200, {})[0]


def _check(response: httpx.Response, method: str, path: str, status: int):
    body = response.json() if response.content else None
    assert response.status_code == status, (method, path, response.status_code, response.text)
    assert contract.check_response(method, path, response.status_code, body) == []


def test_every_answer_follows_the_document(implementation):
    """Every operation, with a good and a bad request: each answer is documented and its body
    matches the document's schema."""
    target, form_url = implementation
    base = target.control_url.rstrip("/")
    auth = {"Authorization": f"Bearer {target.control_token}"}
    with httpx.Client(timeout=10) as http:
        def call(method, path, status, headers=auth, **kwargs):
            response = http.request(method, base + path, headers=headers, **kwargs)
            _check(response, method, path, status)
            return response

        call("GET", "/", 401, headers={})
        call("GET", "/", 401, headers={"Authorization": "Bearer autre-jeton"})
        assert set(call("GET", "/", 200).json()["capabilities"]) <= set(contract.capability_names())

        person = make_persona()
        account = {"nir": person.nir, "birth_date": person.birth_date.isoformat(),
                   "email": person.email, "email_validated": True, "password": person.password}
        call("POST", "/accounts", 201, json=account)
        call("POST", "/accounts", 409, json=account)
        call("POST", "/accounts", 400, json={**account, "nir": "123"})
        call("POST", "/accounts", 400, json={**account, "password": ""})
        other = make_persona()
        call("POST", "/accounts", 201, json={  # an account with no address (case 3bis-1)
            "nir": other.nir, "birth_date": other.birth_date.isoformat(), "email": None,
            "email_validated": False, "password": other.password})

        call("GET", "/captcha", 404, headers={**auth, "Cookie": "session=inconnue"})
        page = http.get(form_url)
        assert page.status_code == 200
        cookie = "; ".join(f"{k}={v}" for k, v in page.cookies.items())
        assert cookie, "le formulaire n'a posé aucun cookie de session"
        answer = call("GET", "/captcha", 200, headers={**auth, "Cookie": cookie}).json()["answer"]
        assert answer.strip()

        at = datetime(2026, 3, 29, 0, 59, tzinfo=timezone.utc)
        state = call("PUT", "/clock", 200, json={"now": at.isoformat()}).json()
        assert state["frozen"] and datetime.fromisoformat(state["now"]) == at
        call("PUT", "/clock", 400, json={"now": "demain"})
        moved = call("POST", "/clock/advance", 200, json={"seconds": 1800}).json()
        assert (datetime.fromisoformat(moved["now"]) - at).total_seconds() == 1800
        call("POST", "/clock/advance", 400, json={"seconds": -1})
        assert datetime.fromisoformat(call("GET", "/clock", 200).json()["now"]) \
            == datetime.fromisoformat(moved["now"])
        assert call("DELETE", "/clock", 200).json()["frozen"] is False

        if "reset" in http.get(base + "/", headers=auth).json()["capabilities"]:
            call("POST", "/reset", 204)
            call("POST", "/accounts", 201, json=account)  # the account was erased


@pytest.fixture(scope="module", params=["reference_app", "autre_impl"])
def implementation(request, tmp_path_factory):
    from ameli_conformance.fixtures.targets import start_embedded

    workdir = tmp_path_factory.mktemp(request.param)
    if request.param == "reference_app":
        target = start_embedded(workdir, workdir / "logs")
        form_url = target.url + "mot-de-passe-oublie"
    else:
        from tests.autre_impl import launch

        target = launch(workdir)
        form_url = target.url.replace("/espace/", "/acces/oubli")
    yield target, form_url
    target.stop()
