"""The conformance harness of the « Mot de passe oublié » procedure of the compte ameli.

This folder is the harness's core, with no browser in it: the verdict (verdict.py), the reports
and their writers (writers.py lists them), the profile of a target, privacy masking, the error
taxonomy. Installed, the layout's other folders live under this one name (see pyproject.toml):
fixtures/ as ameli_conformance.fixtures (the pytest plugin and the fixtures that start and wire
everything), steps/ as ameli_conformance.steps, reference_app/ and mailsink/ likewise."""
