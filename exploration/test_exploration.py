"""Exploration (`make explore`): hypothesis's stateful testing draws sequences of a person's
actions (request, wait, open the newest or the oldest mail's link, choose a password, log in
with the right, the old or a wrong password, move to another browser), runs them through the
real browser against the target (any target, through its profile), and after every action
compares what the page and the mail catcher show with what the model of the guide predicts
(exploration/modele.py).

A deviation comes back shrunk by hypothesis, as a French Gherkin scenario made of the suite's
own steps, which a product owner can read and paste into features/: reports/exploration.feature,
with the seed in reports/exploration.json (`--seed N` replays the same draws). Outside the
conformance verdict, like the security profile. The budget (`--explore-budget`, seconds) bounds
the search; shrinking a deviation found takes what it needs."""
import functools
import json
import random
import time
from datetime import datetime, timezone
from types import SimpleNamespace

import hypothesis.core
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture import engine
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from ameli_conformance import privacy
from ameli_conformance.errors import NOT_APPLICABLE_PREFIX, ConformanceFailure, HarnessError
from ameli_conformance.fixtures.personas import make_persona
from ameli_conformance.fixtures.plugin import new_scenario_state
from ameli_conformance.fixtures.settings import settings as run_settings
from ameli_conformance.steps import texts
from ameli_conformance.steps.blocage import shows_block_end
from ameli_conformance.steps.connexion import (
    logged_in,
    login_refused,
    logs_in_new,
    logs_in_old,
    logs_in_wrong_once,
    refusal_seen,
    reset_form_offered,
)
from ameli_conformance.steps.courriel import back_to_first_tab, click_in_mail
from ameli_conformance.steps.demande import create_account, requests_in_other_tab, switches_browser
from ameli_conformance.steps.mot_de_passe import (
    chooses_password,
    confirms_recorded,
    link_refused,
    refused_for,
    types_new_password,
)
from ameli_conformance.steps.navigation import shows
from ameli_conformance.steps.reponse import no_mail
from ameli_conformance.steps.temps import time_goes_by
from ameli_conformance.steps.ui import Ui

from .modele import Modele

BASE = datetime(2023, 7, 14, 8, 5, tzinfo=timezone.utc)  # 10h05, heure de Paris (été)
BLOCKED = "Le nombre maximum de demandes de renouvellement de mot de passe a été atteint."
MINUTES = [1, 7, 16, 29, 31, 47, 61]
SECONDS_PER_ACTION = 0.4  # measured on the reference app, 2 cores: a sequence of 12, about 5 s
LOGINS = {"initial": "mon mot de passe", "nouveau": "mon nouveau mot de passe",
          "mauvais": "un mauvais mot de passe"}


@pytest.fixture
def explore_budget(request):
    return float(request.config.getoption("explore_budget"))


def journaled(action):
    """Whatever fails in an action (a check, a mail that never comes, a page that never
    answers), the sequence so far is kept as Gherkin: the last run's is the shrunk one."""
    @functools.wraps(action)
    def run(self, **kwargs):
        if not getattr(self, "state", None):
            return None
        self.requirement = "exploration"
        self.log["tried"][-1].append(action.__name__)
        try:
            return action(self, **kwargs)
        except (ConformanceFailure, AssertionError, HarnessError) as exc:
            message = " ".join(str(exc).split())[:400]
            self.log["deviation"] = {
                "requirement": self.requirement,
                "kind": "erreur" if isinstance(exc, HarnessError) else "écart",
                "message": privacy.redact(message),
                "gherkin": gherkin(self.requirement, self.lines, message, self.seed)}
            raise

    return run


def test_exploration(browser, browser_context_args, target, control, mailpit, interpretations,
                     request, reports_dir, explore_budget):
    for capability in ("accounts", "captcha", "clock"):
        if capability not in control.capabilities:
            pytest.skip(f"{NOT_APPLICABLE_PREFIX}l'exploration demande la capacité "
                        f"« {capability} » de l'API de contrôle")
    seed = run_settings(request.config).seed
    steps_max = int(request.config.getoption("explore_steps"))
    # The budget becomes a number of sequences (a time limit would make hypothesis's draws
    # depend on the machine's speed, and a seed would no longer replay them).
    sequences = max(5, int(explore_budget / (SECONDS_PER_ACTION * steps_max)))
    log = {"examples": 0, "actions": 0, "deviation": None, "planned": sequences, "tried": []}

    class Exploration(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.context, self.log, self.seed = None, log, seed

        @initialize()
        def start(self):
            log["examples"] += 1
            log["tried"].append([])
            self.state = new_scenario_state(random.Random(0), browser_context_args)
            for attempt in range(5):  # a target that kept the accounts of a run with this seed
                self.persona = make_persona(
                    rng=random.Random(f"{seed}:{log['examples']}:{attempt}"),
                    interpretations=interpretations)
                privacy.register_persona(self.persona)
                try:
                    create_account(control, self.persona)
                    break
                except HarnessError as exc:
                    if " 409 " not in str(exc) or attempt == 4:
                        raise
            control.freeze(BASE)
            self.context = browser.new_context(**browser_context_args)
            self.state.contexts.append(self.context)
            self.ui = Ui(self.context.new_page())
            self.model = Modele.of(interpretations)
            self.open_link = None
            self.lines = ["Étant donné un assuré dont le compte ameli a une adresse mail validée",
                          "Et que nous sommes le 14/07/2023 à 10h05, heure de Paris"]

        def teardown(self):
            for context in getattr(self, "state", SimpleNamespace(contexts=[])).contexts:
                try:
                    context.close()
                except Exception:
                    pass

        # ---------------------------------------------------------------- helpers

        def now(self) -> float:
            return control.now().timestamp()

        def say(self, *lines):
            self.lines.extend(lines)

        def check(self, requirement, then_lines, check):
            """Runs the Then steps of an action; a deviation is kept with its Gherkin."""
            log["actions"] += 1
            self.say(*then_lines)
            self.requirement = requirement
            check()

        # ---------------------------------------------------------------- actions

        @rule(data=st.data())
        def agir(self, data):
            """One action, drawn among those that make sense now, weighted towards the ones
            the guide's rules are about (a request, a link opened, a password chosen)."""
            links, form = bool(self.model.links), self.open_link is not None
            weights = {"demander": 3 if not links else 2,
                       "attendre": 1 if not links else (3 if form else 2),
                       "se_connecter": 1, "changer_de_navigateur": 1,
                       "ouvrir_le_lien": (3 if not form else 1) if links else 0,
                       "choisir_un_mot_de_passe": 3 if form else 0,
                       "choisir_un_mot_de_passe_refuse": 1 if form else 0}
            choices = [name for name, weight in weights.items() for _ in range(weight)]
            name = data.draw(st.sampled_from(choices), label="action")
            action = getattr(self, name)
            if name == "attendre":
                action(minutes=data.draw(st.sampled_from(MINUTES), label="minutes"))
            elif name == "ouvrir_le_lien":
                action(which=data.draw(st.sampled_from(["le plus récent", "le plus ancien"]),
                                       label="mail"))
            elif name == "se_connecter":
                action(which=data.draw(st.sampled_from(list(LOGINS)), label="mot de passe"))
            else:
                action()

        @journaled
        def demander(self):
            now = self.now()
            predicted = self.model.request(now)
            self.say("Quand je demande le renouvellement de mon mot de passe dans un autre onglet")
            requests_in_other_tab(self.ui, target, control, mailpit, self.persona, self.state)
            sent = texts.phrase(texts.SENT).search(self.ui.body_text()) is not None
            if predicted is not None and predicted[0] == "envoyé":
                self.check("E3BIS-2-BLOCAGE", [f"Alors la page affiche « {texts.SENT} »"],
                           lambda: shows(self.ui, texts.SENT))
            elif predicted is not None:
                self.check("E3BIS-2-BLOCAGE", [
                    f"Alors la page affiche « {BLOCKED} »",
                    "Et la page indique que le service est bloqué jusqu'à la fin du blocage, en "
                    "heure de Paris", "Et aucun nouveau mail n'est envoyé"],
                    lambda: (shows(self.ui, BLOCKED),
                             shows_block_end(self.ui, control, interpretations, self.state),
                             no_mail(mailpit, self.persona, self.state)))
            self.model.adopt_request(now, sent)
            self.say("Quand je reviens au premier onglet")
            back_to_first_tab(self.ui, self.state)

        @journaled
        def attendre(self, minutes):
            self.say(f"Quand {minutes} minute{'s' if minutes > 1 else ''} passent")
            time_goes_by(f"{minutes} minutes", control)

        @journaled
        def ouvrir_le_lien(self, which):
            index = -1 if which == "le plus récent" else 0
            link = self.model.links[index]
            predicted = self.model.link_works(index, self.now())
            mail = ("dans le mail le plus récent" if index == -1
                    else "dans le plus ancien des mails")
            self.say(f"Quand je clique {mail} sur « {texts.MAIL_BUTTON} »")
            click_in_mail(self.ui, mailpit, self.state, texts.MAIL_BUTTON,
                          "newest" if index == -1 else "oldest")
            requirement = requirement_of(link)
            self.open_link = None
            if predicted:
                self.check(requirement, ["Alors le formulaire du nouveau mot de passe est proposé"],
                           lambda: reset_form_offered(self.ui))
                self.open_link = index % len(self.model.links)
            elif predicted is False:
                self.check(requirement, ["Alors un message indique que le lien n'est plus valable "
                                         "et qu'il faut recommencer la demande"],
                           lambda: link_refused(self.ui, control, mailpit, self.persona, self.state))
            elif self.ui.has_field(texts.RESET_PASSWORD):
                self.open_link = index % len(self.model.links)

        @journaled
        def choisir_un_mot_de_passe(self):
            index, self.open_link = self.open_link, None
            link = self.model.links[index]
            predicted = self.model.link_works(index, self.now())
            self.say("Quand je saisis un nouveau mot de passe conforme et je le confirme",
                     f"Et je clique sur « {texts.RESET_SUBMIT} »")
            types_new_password(self.ui, control, mailpit, self.persona, self.state)
            self.ui.click(texts.RESET_SUBMIT)
            requirement = requirement_of(link)
            if predicted:
                self.check(requirement, ["Alors la page confirme que mon nouveau mot de passe est "
                                         "enregistré"], lambda: confirms_recorded(self.ui, self.state))
            elif predicted is False:
                self.check(requirement, ["Alors un message indique que le lien n'est plus valable "
                                         "et qu'il faut recommencer la demande"],
                           lambda: link_refused(self.ui, control, mailpit, self.persona, self.state))
            changed = texts.confirmed(self.ui.lines())
            if changed:
                self.state.recorded_password = self.state.new_password
            self.model.adopt_change(index, changed)

        @journaled
        def choisir_un_mot_de_passe_refuse(self):
            """A password the rules refuse: refused with its reason, and the link stays open."""
            self.say("Quand je choisis un mot de passe sans majuscule",
                     f"Et je clique sur « {texts.RESET_SUBMIT} »")
            chooses_password(self.ui, control, mailpit, self.persona, interpretations,
                             self.state, "sans majuscule")
            self.ui.click(texts.RESET_SUBMIT)
            link = self.model.links[self.open_link]
            link.refused += 1
            if link.works(self.now()):
                self.check("E4-USAGE-UNIQUE", ["Alors le mot de passe est refusé, avec une raison "
                                               "qui parle de « casse »"],
                           lambda: refused_for(self.ui, "casse", self.state))
            elif not self.ui.has_field(texts.RESET_PASSWORD):
                self.open_link = None

        @journaled
        def se_connecter(self, which):
            if which == "nouveau" and not self.model.changes:
                which = "initial"
            now = self.now()
            key = "initial" if which == "initial" else (
                self.model.password if which == "nouveau" else "mauvais")
            predicted = self.model.login(key, now)
            requirement = "CONNEXION-BLOCAGE" if (self.model.blocked_until or which == "mauvais") \
                else "E6-CONNEXION"
            self.say(f"Quand je me connecte avec {LOGINS[which]}")
            {"initial": lambda: logs_in_old(self.ui, target, self.persona),
             "nouveau": lambda: logs_in_new(self.ui, target, self.persona, self.state),
             "mauvais": lambda: logs_in_wrong_once(self.ui, target, self.persona, self.state),
             }[which]()
            self.open_link = None
            if predicted:
                self.check(requirement, ["Alors je suis connecté à mon compte ameli"],
                           lambda: logged_in(self.ui))
            elif predicted is False:
                self.check(requirement, ["Alors la connexion est refusée"],
                           lambda: login_refused(self.ui))
            self.model.adopt_login(key, now, not refusal_seen(self.ui))

        @journaled
        def changer_de_navigateur(self):
            self.say("Quand je passe à un autre navigateur")
            switches_browser(self.ui, browser, self.state)
            self.open_link = None

    hypothesis.core.global_force_seed = seed  # the run's seed: --seed N replays the same draws
    # Shrinking a deviation replays sequences in the browser: bounded by the budget too
    # (hypothesis's own bound is 5 minutes).
    shrink_limit = getattr(engine, "MAX_SHRINKING_SECONDS", None)
    engine.MAX_SHRINKING_SECONDS = max(30, int(explore_budget))
    started = time.monotonic()
    try:
        run_state_machine_as_test(Exploration, settings=settings(
            max_examples=sequences, stateful_step_count=steps_max, deadline=None, database=None,
            suppress_health_check=list(HealthCheck), print_blob=False))
    finally:
        hypothesis.core.global_force_seed = None
        if shrink_limit is not None:
            engine.MAX_SHRINKING_SECONDS = shrink_limit
        control.release_clock()
        write_report(reports_dir, seed, explore_budget, time.monotonic() - started, log)
    if log["deviation"] is not None:  # a deviation the last run did not reproduce: flaky
        pytest.fail(f"écart non reproduit au dernier passage : {log['deviation']['message']}")


def requirement_of(link) -> str:
    """The rule a deviation on this link breaks: the newest link after a blocked request is
    E4-DERNIER-LIEN's (the last mail's link works), after a refused password E4-USAGE-UNIQUE's."""
    if link.state == "remplacé" or (link.state == "valable" and link.blocked_after):
        return "E4-DERNIER-LIEN"
    if link.state == "utilisé" or link.refused:
        return "E4-USAGE-UNIQUE"
    return "E4-LIEN-30MIN"


def gherkin(requirement: str, lines: list[str], message: str, seed: int) -> str:
    """The sequence as a scenario of the suite's own steps, the deviation as a comment."""
    body = "\n".join(f"    {line}" for line in _with_and(lines))
    return (f"# language: fr\nFonctionnalité: Écart trouvé par l'exploration (graine {seed})\n\n"
            f"  # Constaté : {privacy.redact(message)[:300]}\n"
            f"  # Rejouer : make explore ARGS=\"--seed {seed}\"\n"
            f"  @{requirement}\n"
            f"  Scénario: Séquence réduite qui s'écarte du guide\n{body}\n")


def _with_and(lines):
    """« Et » where the keyword repeats the one before, as a person writes Gherkin."""
    previous = None
    for line in lines:
        keyword = line.split(" ", 1)[0]
        if keyword == previous and keyword in ("Quand", "Alors"):
            yield "Et " + line.split(" ", 1)[1]
            continue
        if keyword != "Et":
            previous = keyword
        yield line


def write_report(reports_dir, seed, budget, seconds, log):
    reports_dir.mkdir(parents=True, exist_ok=True)
    deviation = log["deviation"]
    feature = reports_dir / "exploration.feature"
    if deviation:
        feature.write_text(deviation["gherkin"], encoding="utf-8")
    elif feature.exists():
        feature.unlink()
    (reports_dir / "exploration.json").write_text(json.dumps({
        "seed": seed, "budget_s": budget, "seconds": round(seconds, 1),
        "sequences_planned": log.get("planned"),
        "sequences": log["examples"], "actions_checked": log["actions"],
        "verdict": "écart" if deviation else "aucun écart",
        "tried": [" ".join(t) for t in log["tried"]],
        "deviation": deviation}, ensure_ascii=False, indent=2), encoding="utf-8")
