"""The conformance suite: every scenario of ../features, run against the target."""
from pytest_bdd import scenarios

scenarios("../features")
