"""Step definitions of the conformance scenarios (pytest-bdd), driving Chromium as a person."""
