# The harness is a pytest plugin (fixtures/plugin.py), registered through the `pytest11` entry
# point of pyproject.toml; nothing needs to be declared here.
