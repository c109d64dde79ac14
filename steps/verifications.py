"""Scenarios that check many values in one go (every character, every part of the NIR, every
malformed entry): one row per value in the report, and one failure that lists every row that
broke the rule, rather than a stop at the first.

A row says what was tried in words that show no personal data (« partie de 4 chiffres aux
positions 5 à 8 », never the digits), what the rule expects and what the page did."""
from ameli_conformance.errors import ConformanceFailure
from ameli_conformance.privacy import redact


def record(state, rule: str, tried: str, ok: bool, expected: str, seen: str = "") -> bool:
    state.checks.append({"rule": rule, "tried": tried, "expected": expected,
                         "seen": redact(seen)[:300], "status": "passed" if ok else "failed"})
    return ok


def skip(state, rule: str, tried: str, expected: str, why: str) -> None:
    """One row not tried, and why (it would have blocked the login, it does not apply)."""
    state.checks.append({"rule": rule, "tried": tried, "expected": expected,
                         "seen": redact(why)[:300], "status": "skipped"})


def no_mail_since(state, mailpit, address: str, before: int, when: str) -> bool:
    """One row: no mail reached `address` while the rows were tried (watched for the quiet
    period, once for them all)."""
    after = mailpit.count_stays(address, before)
    return record(state, "", f"mails envoyés {when}", after == before, "aucun mail",
                  f"{after - before} mail(s) en {mailpit.watch:.2f} s")


def settle(state, since: int, what: str) -> None:
    """Raises one failure naming every row recorded since `since` that broke its rule."""
    failed = [c for c in state.checks[since:] if c["status"] == "failed"]
    if failed:
        listed = " ; ".join(f"{c['tried']} ({c['seen'] or 'sans message'})" for c in failed[:6])
        more = f" ; et {len(failed) - 6} autre(s)" if len(failed) > 6 else ""
        raise ConformanceFailure(
            f"{what} : {len(failed)} cas sur {len(state.checks) - since} en défaut",
            expected=failed[0]["expected"], seen=listed + more)
