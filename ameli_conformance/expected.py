"""An expected-failures file: the requirements known to fail on a target, each with its known
reason (a ticket), so that the verdict tells them from new failures (docs/guide-qa.md)."""
from pathlib import Path

from .francais import Unreadable, read_toml
from .verdict import load_catalogue


def load_expected_failures(path: Path, problems: list[str] | None = None) -> dict[str, str]:
    """{identifier: reason} from an expected-failures file; its problems are appended to
    `problems` (or raised as a ProfileError when none is given)."""
    own = problems if problems is not None else []
    try:
        entries = read_toml(path)
    except Unreadable as exc:
        own.append(f"échecs attendus {path} : {exc}")
        entries = {}
    known = {r["id"] for r in load_catalogue()}
    out: dict[str, str] = {}
    for key in sorted(set(entries) - {"expected_failure"}):
        own.append(f"échecs attendus {path.name} : clé inconnue « {key} » "
                   "(attendu : des tables [[expected_failure]])")
    for n, entry in enumerate(entries.get("expected_failure", []), 1):
        where = f"échecs attendus {path.name}, entrée {n}"
        if not isinstance(entry, dict):
            own.append(f"{where} : une table est attendue")
            continue
        ident, reason = entry.get("id"), entry.get("reason")
        if ident not in known:
            own.append(f"{where} : identifiant inconnu {ident!r}")
        elif not isinstance(reason, str) or not reason.strip():
            own.append(f"{where} ({ident}) : reason, la raison connue de l'échec, est obligatoire")
        elif ident in out:
            own.append(f"{where} : {ident} est déjà listé")
        else:
            out[ident] = reason.strip()
        for key in sorted(set(entry) - {"id", "reason"}):
            own.append(f"{where} : clé inconnue « {key} »")
    if problems is None and own:
        from .profile import ProfileError

        raise ProfileError(path, own)
    return out
