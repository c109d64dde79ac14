"""A model of the guide, for one account: what the page and the mail catcher must show after
each action, under the target's interpretations (the reference's by default).

Instants are seconds on the target's clock. Where the guide leaves an instant open (exactly
30 minutes after a request, exactly the end of a block), the model predicts nothing for that
action (`None`) and adopts what the target did: a correct target is never called wrong at a
boundary the guide does not decide."""
from dataclasses import dataclass, field

from ameli_conformance.interpretations import fixed_window_start

LINK_LIFE = 30 * 60


@dataclass
class Lien:
    created: float
    state: str = "valable"  # valable, remplacé, utilisé
    refused: int = 0  # passwords the rules refused on its form
    blocked_after: int = 0  # requests refused by the block since it was sent

    def works(self, now: float):
        if self.state != "valable":
            return False
        if now == self.created + LINK_LIFE:
            return None  # the guide does not say
        return now < self.created + LINK_LIFE


@dataclass
class Modele:
    limit: int
    window: float
    login_limit: int
    login_block: float
    requests: list = field(default_factory=list)
    links: list = field(default_factory=list)
    password: str = "initial"  # or "nouveau-N"
    changes: int = 0
    failures: int = 0
    blocked_until: float | None = None
    fixed: bool = False  # reset_request_window_kind « fixe »: the count starts again

    @classmethod
    def of(cls, interpretations):
        return cls(interpretations.reset_request_limit,
                   interpretations.reset_request_window_minutes * 60,
                   interpretations.login_failure_limit, interpretations.login_block_minutes * 60,
                   fixed=interpretations.reset_request_window_kind == "fixe")

    # -------------------------------------------------------------- requests (3, 3bis-2)

    def request(self, now: float):
        """('envoyé', None), ('bloqué', end of the block), or None where the guide is silent."""
        if self.fixed:
            start = fixed_window_start(self.requests, self.window)
            if start is not None and now == start + self.window:
                return None  # the window ends at this very instant
            if start is None or now > start + self.window:
                return "envoyé", None
            counted = [t for t in self.requests if t >= start]
            if len(counted) >= self.limit:
                return "bloqué", start + self.window
            return "envoyé", None
        counted = [t for t in self.requests if t > now - self.window]
        if any(t == now - self.window for t in self.requests):
            return None  # a request leaves the window at this very instant
        if len(counted) >= self.limit:
            return "bloqué", counted[len(counted) - self.limit] + self.window
        return "envoyé", None

    def adopt_request(self, now: float, sent: bool):
        if not sent and self.links:
            self.links[-1].blocked_after += 1
        if sent:
            self.requests.append(now)
            for link in self.links:
                if link.state == "valable":
                    link.state = "remplacé"
            self.links.append(Lien(now))

    # -------------------------------------------------------------- links (4, 5, 6)

    def link_works(self, index: int, now: float):
        return self.links[index].works(now)

    def adopt_change(self, index: int, changed: bool):
        if changed:
            self.links[index].state = "utilisé"
            for link in self.links:
                if link.state == "valable":
                    link.state = "remplacé"
            self.changes += 1
            self.password = f"nouveau-{self.changes}"
            self.failures, self.blocked_until = 0, None

    # -------------------------------------------------------------- login (CONNEXION-BLOCAGE)

    def login(self, which: str, now: float):
        """True (the account opens), False (refused), None where the guide is silent."""
        if self.blocked_until is not None:
            if now == self.blocked_until:
                return None
            if now < self.blocked_until:
                return False
        return which == self.password

    def adopt_login(self, which: str, now: float, opened: bool):
        if self.blocked_until is not None and now < self.blocked_until:
            return
        if opened:
            self.failures, self.blocked_until = 0, None
            return
        if which == self.password:
            return  # refused at the very end of a block: the target kept it, as it may
        self.blocked_until = None
        self.failures += 1
        if self.failures >= self.login_limit:
            self.blocked_until, self.failures = now + self.login_block, 0
