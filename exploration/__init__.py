"""The exploration suite (`make explore`): random sequences of a person's actions, driven through
the real browser against any target and compared after each action with a model of the guide."""
