"""The harness's requirement list matches ../shared/design/requirements.md, id for id."""
import re

from ameli_conformance.verdict import load_catalogue

from .conftest import shared_file


def shared_ids() -> dict[str, str]:
    text = shared_file("design/requirements.md").read_text(encoding="utf-8")
    profile, ids = None, {}
    for line in text.splitlines():
        heading = re.match(r"## Profile `(\w+)`", line)
        if heading:
            profile = heading[1]
        elif line.startswith("## "):
            profile = None
        row = re.match(r"\| ([A-Z0-9][A-Z0-9-]+) \|", line)
        if profile and row:
            ids[row[1]] = profile
    return ids


def test_same_identifiers_and_profiles_as_the_shared_catalogue():
    """The accessibility profile is the harness's own (issue 17), named by RGAA criteria: the
    shared catalogue has none of it; every other identifier is the shared catalogue's."""
    ours = {r["id"]: r["profile"] for r in load_catalogue() if r["profile"] != "accessibilite"}
    theirs = shared_ids()
    assert len(theirs) >= 30, "the shared catalogue was not read"
    assert ours == theirs
    own = [r for r in load_catalogue() if r["profile"] == "accessibilite"]
    assert own and all(r["id"].startswith("ACC-") and "RGAA" in r["source"] for r in own)


def test_every_entry_has_a_title_and_a_source():
    for req in load_catalogue():
        assert req["title"].strip() and req["source"].strip(), req["id"]
