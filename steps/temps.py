"""Time on the target's clock: a date and an hour of Paris, durations that pass (the steps that
move the clock say so: steps/horloge.py)."""
import re
from datetime import datetime, timezone

from ameli_conformance.fixtures.bdd import given, parsers, when

from .demande import PARIS
from .horloge import moves_clock


@moves_clock(when, parsers.re(r"(?P<duree>\d+ (?:minutes?|heures?)(?: et \d+ (?:minutes?|"
                             r"secondes?))?) passent"))
def time_goes_by(duree, control):
    control.require("clock", "faire passer le temps du service")
    control.advance(seconds_of(duree))




# ------------------------------------------------------------------ time


def at_paris(day: str, hour: str, season: str | None, second: str | None = None) -> datetime:
    local = datetime.strptime(f"{day} {hour}", "%d/%m/%Y %Hh%M").replace(second=int(second or 0))
    fold = 1 if season and "hiver" in season else 0  # the repeated hour of the autumn change
    return local.replace(tzinfo=PARIS, fold=fold)


@moves_clock(given, parsers.re(r"nous sommes le (?P<jour>\d{2}/\d{2}/\d{4}) à (?P<heure>\d{2}h"
                              r"\d{2})(?: et (?P<seconde>\d{1,2}) secondes)?"
                              r"(?: \((?P<saison>heure d['’](?:été|hiver))\))?, heure de Paris"))
def it_is(control, jour, heure, seconde, saison):
    control.require("clock", "fixer la date et l'heure du service")
    control.freeze(at_paris(jour, heure, saison, seconde).astimezone(timezone.utc))


_DURATION = re.compile(
    r"^(?:(?P<h>\d+) heures?)?\s*(?:et\s+)?(?:(?P<m>\d+) minutes?)?\s*(?:et\s+)?"
    r"(?:(?P<s>\d+) secondes?)?$"
)


def seconds_of(text: str) -> int:
    found = _DURATION.match(text.strip())
    if not found or not any(found.groupdict().values()):
        raise ValueError(f"durée illisible : {text!r} (ex. « 29 minutes et 59 secondes »)")
    h, m, s = (int(found[k] or 0) for k in "hms")
    return h * 3600 + m * 60 + s


ELAPSED = parsers.re(r"(?P<duree>.+) se sont écoulées depuis (?P<repere>ma demande|"
                     r"l['’]affichage de l['’]image)")


@moves_clock(given, ELAPSED)
@moves_clock(when, ELAPSED)
def time_passes(duree, repere, control, scenario_state):
    control.require("clock", "faire passer le temps du service")
    since = scenario_state.request_time if "demande" in repere else scenario_state.image_time
    elapsed = (control.now() - since).total_seconds()
    control.advance(max(0.0, seconds_of(duree) - elapsed))


START_SECOND = 40


def freeze_now(control):
    """Each scenario starts on a frozen clock, so that a duration since a request is exact; at
    the same second of the minute every run (not the wall clock's): a target that keeps an
    instant to the minute (a link, a series) loses those 40 seconds every run, not 58 runs in
    60."""
    if control is not None and "clock" in control.capabilities:
        control.freeze(datetime.now(timezone.utc).replace(second=START_SECOND, microsecond=0))
