"""The test-only control API: absent unless configured, refused without its token; the clock
it moves is the app's own (freezegun inside the app's process)."""
from datetime import datetime, timedelta, timezone

import pytest

from ameli_conformance.reference_app import clock, create_app


def make_app(tmp_path, **config):
    return create_app({"TESTING": True, "DATABASE": str(tmp_path / "db.sqlite"), **config})


@pytest.fixture(autouse=True)
def _real_clock():
    yield
    clock.unfreeze()


def test_absent_without_a_token(tmp_path):
    client = make_app(tmp_path).test_client()
    assert client.get("/_control/").status_code == 404
    assert client.post("/_control/reset").status_code == 404


def test_refused_without_the_right_token(tmp_path):
    client = make_app(tmp_path, CONTROL_TOKEN="secret").test_client()
    assert client.get("/_control/").status_code == 401
    assert client.get("/_control/", headers={"Authorization": "Bearer autre"}).status_code == 401
    ok = client.get("/_control/", headers={"Authorization": "Bearer secret"})
    assert ok.status_code == 200 and "clock" in ok.json["capabilities"]


def test_refused_from_a_non_loopback_address(tmp_path):
    client = make_app(tmp_path, CONTROL_TOKEN="secret").test_client()
    response = client.get("/_control/", headers={"Authorization": "Bearer secret"},
                          environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert response.status_code == 404


def test_clock_freezes_and_moves_exactly(tmp_path):
    client = make_app(tmp_path, CONTROL_TOKEN="t").test_client()
    auth = {"Authorization": "Bearer t"}
    start = datetime(2022, 12, 26, 13, 0, tzinfo=timezone.utc)
    assert client.put("/_control/clock", json={"now": start.isoformat()}, headers=auth).json["frozen"]
    moved = client.post("/_control/clock/advance", json={"seconds": 1799}, headers=auth).json
    assert datetime.fromisoformat(moved["now"]) == start + timedelta(seconds=1799)
    assert clock.now() == start + timedelta(seconds=1799)
    assert client.delete("/_control/clock", headers=auth).json["frozen"] is False
    assert abs((clock.now() - datetime.now(timezone.utc)).total_seconds()) < 5


@pytest.mark.parametrize("body", [{}, {"seconds": -1}, {"seconds": "10"}, {"seconds": True}])
def test_bad_clock_moves_are_refused(tmp_path, body):
    client = make_app(tmp_path, CONTROL_TOKEN="t").test_client()
    response = client.post("/_control/clock/advance", json=body,
                           headers={"Authorization": "Bearer t"})
    assert response.status_code == 400 and "error" in response.json


def test_accounts_validated_and_unique(tmp_path):
    client = make_app(tmp_path, CONTROL_TOKEN="t").test_client()
    auth = {"Authorization": "Bearer t"}
    nir = "1850775123456" + f"{97 - 1850775123456 % 97:02d}"
    body = {"nir": nir, "birth_date": "1985-07-12", "email": "a@b.fr", "password": "Abcdefg!"}
    assert client.post("/_control/accounts", json=body, headers=auth).status_code == 201
    assert client.post("/_control/accounts", json=body, headers=auth).status_code == 409
    bad = client.post("/_control/accounts", json={**body, "nir": nir[:-2] + "00"}, headers=auth)
    assert bad.status_code == 400
