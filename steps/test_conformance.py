"""The conformance suite: every scenario of ../features, run against the target (one test each,
named as pytest-bdd's `scenarios` names them: fixtures/bdd.py)."""
from ameli_conformance.fixtures.bdd import bind
from ameli_conformance.verdict import FEATURES_DIR

bind(globals(), FEATURES_DIR)
