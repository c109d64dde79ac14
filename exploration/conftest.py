"""Options of the exploration suite (`make explore`)."""
import os


def pytest_addoption(parser):
    group = parser.getgroup("ameli", "conformité « Mot de passe oublié » du compte ameli")
    group.addoption("--explore-budget", default=os.environ.get("AMELI_EXPLORE_BUDGET", "120"),
                    help="exploration : durée de recherche, en s (défaut 120) "
                         "[$AMELI_EXPLORE_BUDGET] ; réduire un écart trouvé prend en plus ce "
                         "qu'il faut")
    group.addoption("--explore-steps", default=os.environ.get("AMELI_EXPLORE_STEPS", "12"),
                    help="exploration : nombre maximum d'actions par séquence (défaut 12)")
